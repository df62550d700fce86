// GoogleTest main for tests that need a Qt application (widgets run with QT_QPA_PLATFORM=offscreen).
// With KILN_TEST_KILN_APPLICATION (kiln_add_test's KILN_APP) the application is the studio's own
// KilnApplication, whose notify() is the event loop's last-resort guard, as in `kiln`.
#ifdef KILN_TEST_KILN_APPLICATION
#include "kilnapplication.h"
using TestApplication = kiln::KilnApplication;
#else
#include <QApplication>
using TestApplication = QApplication;
#endif

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    // Widgets tests never need a display, also when ctest lists them.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TestApplication app(argc, argv);
    QApplication::setApplicationName("kiln-tests");
    QApplication::setOrganizationName("kiln-tests");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
