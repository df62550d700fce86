#pragma once
// Runs the kiln-cli this test target was built with (KILN_CLI_PATH) as a process: its exit code
// (-1 when it crashed or hung past the timeout), standard output and standard error.

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <filesystem>

namespace kiln::test {

struct CliResult {
    int code = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

// A path as an argument of kiln-cli.
inline QString q(const std::filesystem::path &p) { return QString::fromStdString(p.string()); }

inline CliResult runCli(const QStringList &args, int timeoutMs = 60000)
{
    QProcess p;
    p.start(QStringLiteral(KILN_CLI_PATH), args);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit && p.state() == QProcess::NotRunning ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace kiln::test
