#pragma once
// The Help menu's texts: the user guide, the keyboard shortcuts and About (with the versions of
// Qt, LibTorch and OpenCV and the device in use). Translated with the main window's strings.

#include <QCoreApplication>
#include <QString>

namespace kiln {

class HelpTexts {
    Q_DECLARE_TR_FUNCTIONS(kiln::MainWindow)

public:
    static QString userGuide();
    static QString shortcuts();
    static QString about();
};

} // namespace kiln
