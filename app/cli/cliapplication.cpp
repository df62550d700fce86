#include "cli/cliapplication.h"

#include "core/guardedthread.h"

#include <exception>

namespace kiln::cli {

namespace {

std::string g_escaped; // main thread only, as notify()

} // namespace

CliApplication::CliApplication(int &argc, char **argv)
    : QCoreApplication(argc, argv)
{
}

bool CliApplication::notify(QObject *receiver, QEvent *event)
{
    try {
        return QCoreApplication::notify(receiver, event);
    } catch (...) {
        if (g_escaped.empty())
            g_escaped = exceptionText(std::current_exception());
        QCoreApplication::exit(1); // leaves every event loop of this thread, the command's included
        return false;
    }
}

std::string takeEscapedException()
{
    std::string what;
    what.swap(g_escaped);
    return what;
}

} // namespace kiln::cli
