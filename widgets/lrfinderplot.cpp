#include "lrfinderplot.h"

#include "plotstyle.h"
#include "qcustomplot_include.h"

#include <QLocale>
#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace kiln {

LrFinderPlot::LrFinderPlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_caption(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_caption);
    m_caption->setWordWrap(true);
    m_caption->setText(tr("Press Find to run the learning-rate finder. Then click the curve or a suggestion to use that learning rate."));

    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setNumberFormat("eb");
    m_plot->xAxis->setNumberPrecision(0);
    m_plot->xAxis->setLabel(tr("learning rate (log scale)"));
    m_plot->yAxis->setLabel(tr("loss (smoothed)"));
    m_curve = m_plot->addGraph();
    m_curve->setPen(QPen(QColor(25, 90, 200), 2));
    m_marks = m_plot->addGraph();
    m_marks->setLineStyle(QCPGraph::lsNone);
    m_marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(220, 60, 40), 9));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    styleForDesktop(m_plot);
    connect(m_plot, &QCustomPlot::mouseRelease, this, [this](QMouseEvent *event) {
        if (m_result.lrs.empty())
            return;
        // A click that did not drag picks the nearest learning rate.
        const double lr = lrAtPixel(event->position().x());
        if (lr > 0)
            Q_EMIT learningRatePicked(lr);
    });
}

void LrFinderPlot::clear()
{
    m_result = {};
    m_curve->data()->clear();
    m_marks->data()->clear();
    m_plot->clearItems();
    m_plot->replot();
}

double LrFinderPlot::lrAtPixel(double x) const
{
    if (m_result.lrs.empty())
        return 0;
    const double lr = m_plot->xAxis->pixelToCoord(x);
    // Snap to a suggestion when within 8 px of one, else to the nearest recorded point.
    const auto &s = m_result.suggestions;
    for (double cand : {s.valley, s.slide, s.minimum, s.steep})
        if (cand > 0 && std::abs(m_plot->xAxis->coordToPixel(cand) - x) <= 8)
            return cand;
    double best = m_result.lrs.front(), dist = 1e300;
    for (double v : m_result.lrs) {
        const double d = std::abs(std::log(v) - std::log(std::max(lr, 1e-30)));
        if (d < dist) {
            dist = d;
            best = v;
        }
    }
    return best;
}

void LrFinderPlot::setResult(const LrFindResult &result)
{
    m_result = result;
    m_plot->clearItems();
    m_curve->data()->clear();
    m_marks->data()->clear();
    const std::size_t n = result.lrs.size() > 5 ? result.lrs.size() - 5 : result.lrs.size();
    double lo = 1e300, hi = -1e300;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(result.losses[i]))
            continue;
        m_curve->addData(result.lrs[i], result.losses[i]);
        lo = std::min(lo, result.losses[i]);
        hi = std::max(hi, result.losses[i]);
    }
    auto lossAt = [&](double lr) {
        std::size_t k = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (std::abs(std::log(result.lrs[i] / lr)) < std::abs(std::log(result.lrs[k] / lr)))
                k = i;
        return n ? result.losses[k] : 0.0;
    };
    const auto &s = result.suggestions;
    const std::pair<QString, double> marks[] = {{tr("valley"), s.valley}, {tr("slide"), s.slide}, {tr("minimum"), s.minimum},
                                                {tr("steep"), s.steep}};
    for (const auto &[name, lr] : marks) {
        if (!(lr > 0))
            continue;
        const double y = lossAt(lr);
        m_marks->addData(lr, y);
        auto *label = new QCPItemText(m_plot);
        label->position->setCoords(lr, y);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setText(QStringLiteral(" %1 %2").arg(name, QLocale().toString(lr, 'g', 3)));
        label->setColor(QColor(180, 40, 30));
    }
    if (n) {
        m_plot->xAxis->setRange(result.lrs.front(), result.lrs[n - 1]);
        m_plot->yAxis->setRange(lo - 0.05 * (hi - lo), hi + 0.05 * (hi - lo) + 1e-9);
    }
    m_caption->setText(s.valid ? tr("Suggestions: valley %1 · slide %2 · minimum %3 · steep %4. Click the curve or a "
                                    "suggestion to use it.")
                                     .arg(QLocale().toString(s.valley, 'g', 3))
                                     .arg(QLocale().toString(s.slide, 'g', 3))
                                     .arg(QLocale().toString(s.minimum, 'g', 3))
                                     .arg(QLocale().toString(s.steep, 'g', 3))
                               : tr("Too few points for suggestions; use more images or a smaller batch size."));
    m_plot->replot();
}

} // namespace kiln
