#pragma once
// Several runs' curves over each other, one colour per run: the smoothed train loss (solid) and
// the valid loss (dashed, one point per epoch) on the loss panel, the accuracy on the panel below,
// x in epochs so runs of different lengths share the axis; the legend names each run. Zoom and
// pan with the mouse, double-click to fit. GUI thread only.

#include "pictureexport.h"
#include "train/trainconfig.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;

namespace kiln {

struct RunCurves {
    QString name;                         // as the legend shows it (the run's id)
    std::vector<EpochMetrics> epochs;     // metrics.csv
    std::vector<BatchTelemetry> batches;  // batches.csv (may be empty: the loss is drawn per epoch)
};

class RunOverlayPlot : public QWidget {
    Q_OBJECT
public:
    explicit RunOverlayPlot(QWidget *parent = nullptr);

    void setRuns(const std::vector<RunCurves> &runs);
    int runCount() const { return int(m_series.size()); }
    // The colour of the i-th run (also the runs table's swatch).
    static QColor runColor(int i);

    enum class Series { TrainLoss, ValidLoss, Accuracy };
    // The points of one run's series, as (epoch, value).
    std::vector<std::pair<double, double>> points(int run, Series series) const;
    QStringList legendNames() const;
    QCustomPlot *plot() const { return m_plot; }

    ExportablePicture picture();
    QString csv() const;

private:
    struct RunGraphs {
        QString name;
        QCPGraph *train, *valid, *accuracy;
    };
    QCPGraph *graph(int run, Series series) const;
    void fit();

    QCustomPlot *m_plot;
    QCPAxisRect *m_lossRect;
    QCPAxisRect *m_accRect;
    std::vector<RunGraphs> m_series;
};

} // namespace kiln
