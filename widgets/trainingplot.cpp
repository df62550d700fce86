#include "trainingplot.h"

#include "plotstyle.h"
#include "qcustomplot_include.h"

#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QToolButton>
#include <QTextStream>
#include <QVBoxLayout>

namespace kiln {

TrainingPlot::TrainingPlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(260);

    m_lossRect = m_plot->axisRect();
    m_lrRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_lrRect);
    m_plot->plotLayout()->setRowStretchFactor(0, 3);
    m_plot->plotLayout()->setRowStretchFactor(1, 1);
    // Both panels share the epoch axis.
    connect(m_lossRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::rangeChanged),
            m_lrRect->axis(QCPAxis::atBottom), qOverload<const QCPRange &>(&QCPAxis::setRange));
    auto *group = new QCPMarginGroup(m_plot);
    m_lossRect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    m_lrRect->setMarginGroup(QCP::msLeft | QCP::msRight, group);

    QCPAxis *x = m_lossRect->axis(QCPAxis::atBottom);
    QCPAxis *loss = m_lossRect->axis(QCPAxis::atLeft);
    QCPAxis *acc = m_lossRect->axis(QCPAxis::atRight);
    acc->setVisible(true);
    acc->setLabel(tr("accuracy"));
    acc->setRange(0, 1);
    loss->setLabel(tr("loss"));
    m_lrRect->axis(QCPAxis::atBottom)->setLabel(tr("epoch"));
    m_lrRect->axis(QCPAxis::atLeft)->setLabel(tr("lr"));
    m_lrRect->axis(QCPAxis::atLeft)->ticker()->setTickCount(2);
    m_lrRect->axis(QCPAxis::atLeft)->setNumberFormat("gb");
    m_lrRect->axis(QCPAxis::atLeft)->setNumberPrecision(2);

    m_raw = m_plot->addGraph(x, loss);
    m_raw->setName(tr("train loss (batch)"));
    m_raw->setPen(QPen(QColor(66, 133, 244, 70), 1));
    m_smooth = m_plot->addGraph(x, loss);
    m_smooth->setName(tr("train loss (smoothed)"));
    m_smooth->setPen(QPen(QColor(25, 90, 200), 2.2));
    m_valid = m_plot->addGraph(x, loss);
    m_valid->setName(tr("valid loss"));
    m_valid->setPen(QPen(QColor(230, 110, 0), 2));
    m_valid->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_accuracy = m_plot->addGraph(x, acc);
    m_accuracy->setName(tr("accuracy"));
    m_accuracy->setPen(QPen(QColor(30, 150, 60), 2, Qt::DashLine));
    m_accuracy->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, 6));
    m_lr = m_plot->addGraph(m_lrRect->axis(QCPAxis::atBottom), m_lrRect->axis(QCPAxis::atLeft));
    m_lr->setName(tr("learning rate"));
    m_lr->setPen(QPen(QColor(120, 60, 160), 1.5));
    m_raw->setAdaptiveSampling(true);
    m_smooth->setAdaptiveSampling(true);

    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->legend->removeItem(m_plot->legend->itemCount() - 1); // the lr panel labels itself
    m_lossRect->insetLayout()->addElement(m_plot->legend, Qt::AlignTop | Qt::AlignRight);

    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    styleForDesktop(m_plot);
    m_lossRect->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    m_lossRect->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    m_lrRect->setRangeDrag(Qt::Horizontal);
    m_lrRect->setRangeZoom(Qt::Horizontal);
    m_plot->setNoAntialiasingOnDrag(true);
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this] { m_autoScale = false; });
    connect(m_plot, &QCustomPlot::mousePress, this, [this] { m_autoScale = false; });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { setAutoScale(true); });
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] { ++m_replots; });
    setToolTip(tr("Wheel: zoom · drag: pan · double-click: follow the data again"));
}

void TrainingPlot::clear()
{
    for (QCPGraph *g : {m_raw, m_smooth, m_valid, m_accuracy, m_lr})
        g->data()->clear();
    m_autoScale = true;
    m_dirty = true;
}

void TrainingPlot::addBatches(const std::vector<BatchTelemetry> &batches)
{
    if (batches.empty())
        return;
    QVector<QCPGraphData> raw, smooth, lr;
    raw.reserve(int(batches.size()));
    for (const auto &b : batches) {
        const double x = double(b.epoch) + double(b.batch + 1) / std::max(1, b.batches);
        raw.append({x, b.loss});
        smooth.append({x, b.smoothLoss});
        lr.append({x, b.lr});
    }
    m_raw->data()->add(raw, true);
    m_smooth->data()->add(smooth, true);
    m_lr->data()->add(lr, true);
    m_dirty = true;
}

void TrainingPlot::addEpoch(const EpochMetrics &m)
{
    m_valid->addData(double(m.epoch + 1), m.validLoss);
    m_accuracy->addData(double(m.epoch + 1), m.accuracy);
    m_dirty = true;
}

int TrainingPlot::pointCount() const
{
    return m_raw->dataCount() + m_smooth->dataCount() + m_valid->dataCount() + m_accuracy->dataCount() + m_lr->dataCount();
}

void TrainingPlot::setAutoScale(bool on)
{
    m_autoScale = on;
    if (on) {
        m_dirty = true;
        replotIfDirty();
    }
}

void TrainingPlot::rescale()
{
    bool found = false;
    const QCPRange keys = m_smooth->data()->keyRange(found);
    const double right = found ? std::max(1.0, std::ceil(keys.upper)) : 1.0;
    m_lossRect->axis(QCPAxis::atBottom)->setRange(0, right);
    // Losses: the smoothed and valid curves set the scale; raw outliers may leave the view.
    double hi = 0;
    for (QCPGraph *g : {m_smooth, m_valid}) {
        bool ok = false;
        const QCPRange r = g->data()->valueRange(ok);
        if (ok)
            hi = std::max(hi, r.upper);
    }
    m_lossRect->axis(QCPAxis::atLeft)->setRange(0, hi > 0 ? hi * 1.15 : 1.0);
    bool ok = false;
    const QCPRange lr = m_lr->data()->valueRange(ok);
    m_lrRect->axis(QCPAxis::atLeft)->setRange(0, ok && lr.upper > 0 ? lr.upper * 1.1 : 1.0);
}

void TrainingPlot::replotIfDirty()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    if (m_autoScale)
        rescale();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool TrainingPlot::exportPng(const QString &file)
{
    return m_plot->savePng(file, 0, 0, 2.0);
}

bool TrainingPlot::exportPdf(const QString &file)
{
    return m_plot->savePdf(file);
}

bool TrainingPlot::exportCsv(const QString &file) const
{
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QTextStream out(&f);
    out << "series,epoch,value\n";
    const std::pair<const char *, QCPGraph *> series[] = {{"train_loss", m_raw}, {"train_loss_smooth", m_smooth},
                                                          {"valid_loss", m_valid}, {"accuracy", m_accuracy}, {"lr", m_lr}};
    for (const auto &[name, g] : series)
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
            out << name << ',' << QString::number(it->key, 'g', 8) << ',' << QString::number(it->value, 'g', 8) << '\n';
    return f.error() == QFile::NoError;
}

QWidget *TrainingPlot::makeExportButton(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(tr("Export plot"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    button->setMenu(menu);
    menu->addAction(tr("PNG…"), this, [this, button] {
        const QString f = QFileDialog::getSaveFileName(button, tr("Export plot"), "training.png", tr("PNG images (*.png)"));
        if (!f.isEmpty())
            exportPng(f);
    });
    menu->addAction(tr("PDF…"), this, [this, button] {
        const QString f = QFileDialog::getSaveFileName(button, tr("Export plot"), "training.pdf", tr("PDF files (*.pdf)"));
        if (!f.isEmpty())
            exportPdf(f);
    });
    menu->addAction(tr("CSV…"), this, [this, button] {
        const QString f = QFileDialog::getSaveFileName(button, tr("Export data"), "training.csv", tr("CSV files (*.csv)"));
        if (!f.isEmpty())
            exportCsv(f);
    });
    return button;
}

} // namespace kiln
