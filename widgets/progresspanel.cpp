#include "progresspanel.h"

#include "core/progress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

#include <cmath>

namespace kiln {

ProgressPanel::ProgressPanel(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_label);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_status, 1);
    layout->addWidget(m_cancel);
    m_bar->setTextVisible(true);
    // Its share of the row, whatever the text says: the row never jitters, and a panel in a narrow
    // tab never widens the window.
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &ProgressPanel::refresh);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_progress)
            m_progress->cancel = true;
        m_cancel->setEnabled(false);
        m_cancel->setText(tr("Cancelling…"));
        Q_EMIT cancelRequested();
    });
    setVisible(false);
}

QString ProgressPanel::formatDuration(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("–");
    const long s = std::lround(seconds);
    if (s >= 3600)
        return QStringLiteral("%1:%2:%3").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

void ProgressPanel::start(const QString &label, Progress *progress, const QString &unit)
{
    m_progress = progress;
    m_unit = unit;
    m_label->setText(label);
    m_cancel->setEnabled(true);
    m_cancel->setText(tr("Cancel"));
    m_elapsed.start();
    m_bar->setRange(0, 0);
    m_status->clear();
    setVisible(true);
    m_timer.start();
    refresh();
}

void ProgressPanel::finish()
{
    refresh();
    m_progress = nullptr;
    m_timer.stop();
    setVisible(false);
}

QString ProgressPanel::statusText() const
{
    return m_status->text();
}

void ProgressPanel::refresh()
{
    if (!m_progress)
        return;
    const std::size_t done = m_progress->done.load(), total = m_progress->total.load();
    const double elapsed = m_elapsed.elapsed() / 1000.0;
    const double rate = elapsed > 0.05 ? double(done) / elapsed : 0.0;
    const double left = rate > 0 && total >= done ? double(total - done) / rate : NAN;
    if (total > 0) {
        // QProgressBar takes int: scale to permille.
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(1000.0 * double(done) / double(total)));
    }
    const QLocale locale;
    if (m_unit == kBytes) {
        m_status->setText(tr("%1 of %2 · %3/s · %4 left")
                              .arg(locale.formattedDataSize(qint64(done)), locale.formattedDataSize(qint64(total)),
                                   locale.formattedDataSize(qint64(rate)), formatDuration(left)));
        return;
    }
    m_status->setText(tr("%1 / %2 %3 · %4/s · %5 left")
                          .arg(locale.toString(qulonglong(done)), locale.toString(qulonglong(total)), m_unit,
                               locale.toString(rate, 'f', 0), formatDuration(left)));
}

} // namespace kiln
