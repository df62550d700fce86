#include "kilnapplication.h"

#include "core/guardedthread.h"

#include <QMessageBox>
#include <QMetaObject>
#include <QPointer>

#include <cstdio>
#include <exception>

namespace kiln {

KilnApplication::KilnApplication(int &argc, char **argv)
    : QApplication(argc, argv)
{
}

bool KilnApplication::notify(QObject *receiver, QEvent *event)
{
    try {
        return QApplication::notify(receiver, event);
    } catch (...) {
        report(QString::fromStdString(exceptionText(std::current_exception())));
        return false; // the event is dropped; the window stays
    }
}

void KilnApplication::report(const QString &what)
{
    ++m_escaped;
    m_lastEscaped = what;
    std::fprintf(stderr, "kiln: internal error: %s (Kiln carried on; please report it)\n", what.toLocal8Bit().constData());
    std::fflush(stderr);
    if (platformName() == QLatin1String("offscreen") || platformName() == QLatin1String("minimal") || m_showing)
        return;
    // Shown from the event loop, not from inside notify(), so the box never runs nested in the
    // handler that threw.
    QMetaObject::invokeMethod(
        this,
        [this, what] {
            m_showing = true;
            QMessageBox::critical(activeWindow(), tr("Internal error"),
                                  tr("Kiln hit an internal error and carried on:\n\n%1\n\nSave your work; if it happens again, "
                                     "please report it.")
                                      .arg(what));
            m_showing = false;
        },
        Qt::QueuedConnection);
}

} // namespace kiln
