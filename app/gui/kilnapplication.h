#pragma once
// The studio's QApplication: the last-resort guard around the GUI event loop (DESIGN.md: no
// exception crosses the event loop). An exception that escapes an event handler or a slot is
// caught in notify(), written to stderr always, and shown in a message box when there is a
// display (never under the offscreen platform, where nobody could close it); Kiln carries on
// instead of ending in std::terminate. Used by `kiln` and by kiln-pageshots. GUI thread only.

#include <QApplication>
#include <QString>

namespace kiln {

class KilnApplication : public QApplication {
    Q_OBJECT
public:
    KilnApplication(int &argc, char **argv);

    bool notify(QObject *receiver, QEvent *event) override;

    // How many exceptions notify() caught, and what the last one said (for tests and reports).
    int escapedExceptions() const { return m_escaped; }
    QString lastEscapedException() const { return m_lastEscaped; }

private:
    void report(const QString &what);

    int m_escaped = 0;
    QString m_lastEscaped;
    bool m_showing = false; // a message box is up: later ones go to stderr only
};

} // namespace kiln
