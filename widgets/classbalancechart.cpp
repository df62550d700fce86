#include "classbalancechart.h"

#include "plotstyle.h"
#include "qcustomplot_include.h"

#include <QVBoxLayout>

#include <algorithm>

namespace kiln {

ClassBalanceChart::ClassBalanceChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(160);

    auto makeBars = [this](const QString &name, const QColor &color) {
        auto *bars = new QCPBars(m_plot->yAxis, m_plot->xAxis); // horizontal bars: classes on y
        bars->setName(name);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setWidth(0.7);
        return bars;
    };
    m_train = makeBars(tr("train"), QColor(66, 133, 244));
    m_valid = makeBars(tr("valid"), QColor(251, 140, 0));
    m_test = makeBars(tr("test"), QColor(120, 144, 156));
    m_valid->moveAbove(m_train);
    m_test->moveAbove(m_valid);
    // The legend sits in a row of its own below the bars, laid out horizontally.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->xAxis->ticker()->setTickCount(4);
    m_plot->xAxis->setLabel(tr("images"));
    m_plot->yAxis->setRangeReversed(true);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->setInteractions(QCP::Interactions());
    styleForDesktop(m_plot);
}

void ClassBalanceChart::setCounts(const std::vector<QString> &classes, const std::vector<std::size_t> &train,
                                  const std::vector<std::size_t> &valid, const std::vector<std::size_t> &test)
{
    QVector<double> keys, tr, va, te;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double maxTotal = 1;
    for (std::size_t i = 0; i < classes.size(); ++i) {
        keys << double(i + 1);
        tr << double(train[i]);
        va << double(valid[i]);
        te << double(test[i]);
        ticker->addTick(double(i + 1), classes[i]);
        maxTotal = std::max(maxTotal, double(train[i] + valid[i] + test[i]));
    }
    m_train->setData(keys, tr);
    m_valid->setData(keys, va);
    m_test->setData(keys, te);
    m_test->setVisible(std::any_of(test.begin(), test.end(), [](std::size_t n) { return n > 0; }));
    m_test->removeFromLegend();
    if (m_test->visible())
        m_test->addToLegend();
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(0.3, double(classes.size()) + 0.7);
    m_plot->xAxis->setRange(0, maxTotal * 1.05);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace kiln
