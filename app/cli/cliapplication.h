#pragma once
// kiln-cli's QCoreApplication: the last-resort guard around its event loops (acquire and the
// weights download run one). An exception that escapes an event handler or a slot is caught in
// notify() instead of unwinding through Qt's event dispatcher (which Qt does not support); every
// running event loop of the thread is then left with exit code 1 (and, as with any application
// exit in Qt, no later loop runs), and the command that ran the loop reports the text
// (takeEscapedException) as an error; kiln-cli then ends with exit code 1. Main thread only.

#include <QCoreApplication>

#include <string>

namespace kiln::cli {

class CliApplication : public QCoreApplication {
public:
    CliApplication(int &argc, char **argv);
    bool notify(QObject *receiver, QEvent *event) override;
};

// What the last escaped exception said, "" when none; clears it.
std::string takeEscapedException();

} // namespace kiln::cli
