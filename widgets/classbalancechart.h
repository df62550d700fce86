#pragma once
// Per-class image counts as stacked bars (train, valid, test), so imbalance shows at a glance.

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPBars;

namespace kiln {

class ClassBalanceChart : public QWidget {
    Q_OBJECT
public:
    explicit ClassBalanceChart(QWidget *parent = nullptr);

    void setCounts(const std::vector<QString> &classes, const std::vector<std::size_t> &train,
                   const std::vector<std::size_t> &valid, const std::vector<std::size_t> &test);
    QCustomPlot *plot() const { return m_plot; }

private:
    QCustomPlot *m_plot;
    QCPBars *m_train;
    QCPBars *m_valid;
    QCPBars *m_test;
};

} // namespace kiln
