#pragma once
// The learning-rate finder's curve: smoothed loss against learning rate on a log axis, without the
// last five points (as fastai plots it), with the valley, slide, minimum and steep suggestions
// marked. Clicking the curve or a suggestion picks that learning rate. GUI thread only.

#include "train/trainconfig.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QLabel;

namespace kiln {

class LrFinderPlot : public QWidget {
    Q_OBJECT
public:
    explicit LrFinderPlot(QWidget *parent = nullptr);

    void setResult(const LrFindResult &result);
    void clear();
    QCustomPlot *plot() const { return m_plot; }
    // The learning rate nearest to a horizontal pixel position, for clicks (and tests).
    double lrAtPixel(double x) const;

Q_SIGNALS:
    void learningRatePicked(double lr);

private:
    QCustomPlot *m_plot;
    QCPGraph *m_curve;
    QCPGraph *m_marks;
    QLabel *m_caption;
    LrFindResult m_result;
};

} // namespace kiln
