#include "runoverlayplot.h"

#include "plotstyle.h"
#include "qcustomplot_include.h"
#include "core/palette.h"

#include <QVBoxLayout>

namespace kiln {

RunOverlayPlot::RunOverlayPlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    // A set minimum, so long run names in the legend never widen the window.
    m_plot->setMinimumSize(280, 220);
    setMinimumHeight(240);

    m_lossRect = m_plot->axisRect();
    m_accRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_accRect);
    m_plot->plotLayout()->setRowStretchFactor(0, 3);
    m_plot->plotLayout()->setRowStretchFactor(1, 2);
    connect(m_lossRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::rangeChanged),
            m_accRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(m_accRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::rangeChanged),
            m_lossRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::setRange));
    auto *group = new QCPMarginGroup(m_plot);
    m_lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    m_accRect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    m_lossRect->axis(QCPAxis::atLeft)->setLabel(tr("loss"));
    m_accRect->axis(QCPAxis::atLeft)->setLabel(tr("accuracy"));
    m_accRect->axis(QCPAxis::atBottom)->setLabel(tr("epoch"));

    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    // The legend sits under both panels, its runs side by side, so it never covers a curve and the
    // curves keep the whole width; the key to the line styles under it.
    auto *legendCell = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(2, 0, legendCell);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(2);
    legendCell->addElement(0, 0, m_plot->legend);
    auto *key = new QCPTextElement(m_plot, tr("solid: train loss (smoothed) · dashed: valid loss · below: accuracy"));
    key->setFont(font());
    legendCell->addElement(1, 0, key);
    m_plot->plotLayout()->setRowStretchFactor(2, 0.01);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    for (QCPAxisRect *r : {m_lossRect, m_accRect}) {
        r->setRangeDrag(Qt::Horizontal | Qt::Vertical);
        r->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    }
    styleForDesktop(m_plot);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        fit();
        m_plot->replot();
    });
    setToolTip(tr("Wheel: zoom · drag: pan · double-click: fit"));
}

QColor RunOverlayPlot::runColor(int i)
{
    // tab10, then the same colours again, darker.
    const QColor c = QColor::fromRgb(tab10(i));
    return i < 10 ? c : c.darker(100 + 40 * (i / 10));
}

void RunOverlayPlot::setRuns(const std::vector<RunCurves> &runs)
{
    m_plot->clearGraphs();
    m_series.clear();
    QCPAxis *x = m_lossRect->axis(QCPAxis::atBottom), *loss = m_lossRect->axis(QCPAxis::atLeft);
    QCPAxis *accX = m_accRect->axis(QCPAxis::atBottom), *acc = m_accRect->axis(QCPAxis::atLeft);
    for (std::size_t r = 0; r < runs.size(); ++r) {
        const RunCurves &run = runs[r];
        const QColor colour = runColor(int(r));
        RunGraphs g{run.name, m_plot->addGraph(x, loss), m_plot->addGraph(x, loss), m_plot->addGraph(accX, acc)};
        g.train->setName(run.name);
        g.train->setPen(QPen(colour, 2));
        g.train->setAdaptiveSampling(true);
        g.valid->setPen(QPen(colour, 2, Qt::DashLine));
        g.valid->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, 5));
        g.accuracy->setPen(QPen(colour, 2));
        g.accuracy->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, colour, 6));
        QVector<QCPGraphData> train, valid, accuracy;
        for (const BatchTelemetry &b : run.batches)
            train.append({b.epoch + double(b.batch + 1) / std::max(1, b.batches), b.smoothLoss});
        for (const EpochMetrics &e : run.epochs) {
            const double at = e.epoch + 1;
            if (run.batches.empty())
                train.append({at, e.trainLoss});
            valid.append({at, e.validLoss});
            accuracy.append({at, e.accuracy});
        }
        g.train->data()->set(train, true);
        g.valid->data()->set(valid, true);
        g.accuracy->data()->set(accuracy, true);
        // One legend entry per run: the valid and accuracy curves share its colour.
        g.valid->removeFromLegend();
        g.accuracy->removeFromLegend();
        m_series.push_back(g);
    }
    fit();
    m_plot->replot();
}

void RunOverlayPlot::fit()
{
    QCPAxis *x = m_lossRect->axis(QCPAxis::atBottom), *loss = m_lossRect->axis(QCPAxis::atLeft);
    QCPAxis *acc = m_accRect->axis(QCPAxis::atLeft);
    double lo = 0, hi = 1, last = 1;
    bool any = false;
    double accLo = 1;
    for (const RunGraphs &g : m_series) {
        for (QCPGraph *graph : {g.train, g.valid}) {
            bool found = false;
            const QCPRange keys = graph->data()->keyRange(found);
            if (found)
                last = std::max(last, keys.upper);
            const QCPRange values = graph->data()->valueRange(found);
            if (found) {
                lo = any ? std::min(lo, values.lower) : values.lower;
                hi = any ? std::max(hi, values.upper) : values.upper;
                any = true;
            }
        }
        bool accFound = false;
        const QCPRange a = g.accuracy->data()->valueRange(accFound);
        if (accFound)
            accLo = std::min(accLo, a.lower);
    }
    x->setRange(0, last);
    const double pad = std::max(1e-3, (hi - lo) * 0.05);
    loss->setRange(std::max(0.0, lo - pad), hi + pad);
    acc->setRange(std::max(0.0, accLo - 0.05), 1.0);
}

QCPGraph *RunOverlayPlot::graph(int run, Series series) const
{
    if (run < 0 || run >= runCount())
        return nullptr;
    const RunGraphs &g = m_series[std::size_t(run)];
    switch (series) {
    case Series::TrainLoss: return g.train;
    case Series::ValidLoss: return g.valid;
    case Series::Accuracy: return g.accuracy;
    }
    return nullptr;
}

std::vector<std::pair<double, double>> RunOverlayPlot::points(int run, Series series) const
{
    std::vector<std::pair<double, double>> out;
    if (QCPGraph *g = graph(run, series))
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
            out.emplace_back(it->key, it->value);
    return out;
}

QStringList RunOverlayPlot::legendNames() const
{
    QStringList names;
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

QString RunOverlayPlot::csv() const
{
    QString out = QStringLiteral("run,series,epoch,value\n");
    const std::pair<const char *, Series> series[] = {
        {"train_loss_smooth", Series::TrainLoss}, {"valid_loss", Series::ValidLoss}, {"accuracy", Series::Accuracy}};
    for (int r = 0; r < runCount(); ++r)
        for (const auto &[name, s] : series)
            for (const auto &[x, y] : points(r, s))
                out += csvField(m_series[std::size_t(r)].name) + QLatin1Char(',') + QLatin1String(name) + QLatin1Char(',')
                       + QString::number(x, 'g', 8) + QLatin1Char(',') + QString::number(y, 'g', 8) + QLatin1Char('\n');
    return out;
}

ExportablePicture RunOverlayPlot::picture()
{
    ExportablePicture p;
    p.name = QStringLiteral("run-comparison");
    p.title = tr("Runs compared");
    p.size = [this] { return m_series.empty() ? QSize() : QSize(std::max(640, width()), std::max(420, height())); };
    p.paint = [this](QPaintDevice &device, const QSize &size) { paintCustomPlot(m_plot, device, size); };
    p.csv = [this] { return csv(); };
    return p;
}

} // namespace kiln
