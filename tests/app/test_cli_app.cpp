// kiln-cli's event-loop guard (issue 17): an exception thrown by a slot while a command runs an
// event loop (acquire does) leaves the loop with code 1 and becomes the command's error, instead
// of unwinding through Qt's dispatcher into std::terminate. Its own main(): the application must
// be a CliApplication.
#include "cli/cliapplication.h"

#include <QEventLoop>
#include <QTimer>

#include <gtest/gtest.h>

#include <stdexcept>

using kiln::cli::CliApplication;
using kiln::cli::takeEscapedException;

TEST(CliApplication, AnExceptionFromASlotEndsTheLoopsAsAnError)
{
    EXPECT_EQ(takeEscapedException(), "");
    QEventLoop loop;
    bool after = false;
    QTimer::singleShot(0, [] { throw std::runtime_error("a slot failed"); });
    QTimer::singleShot(5000, &loop, [&] { loop.exit(0); }); // only if the guard did not end the loop
    EXPECT_EQ(loop.exec(), 1);
    EXPECT_NE(takeEscapedException().find("a slot failed"), std::string::npos);
    EXPECT_EQ(takeEscapedException(), ""); // taken once

    // The command's code goes on to report the error, but no event loop runs any more (Qt's
    // application-wide exit): after an internal error kiln-cli does nothing more.
    QEventLoop next;
    QTimer::singleShot(0, &next, [&] { after = true; });
    EXPECT_EQ(next.exec(), -1);
    EXPECT_FALSE(after);
    EXPECT_EQ(takeEscapedException(), "");
}

int main(int argc, char **argv)
{
    CliApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
