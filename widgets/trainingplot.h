#pragma once
// Live training curves: train loss per batch (raw faint, smoothed bold), valid loss per epoch, the
// accuracy on its own axis, and the learning-rate schedule in a panel below; x in epochs. Zoom and
// pan with the mouse; the view follows the data until the user zooms, and a double-click returns
// to following. Data arrives in batches from a timer; replot() redraws at most once per call and
// only when something changed, so the caller sets the frame rate. GUI thread only.

#include "train/trainconfig.h"

#include <QWidget>

#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPAxisRect;

namespace kiln {

class TrainingPlot : public QWidget {
    Q_OBJECT
public:
    explicit TrainingPlot(QWidget *parent = nullptr);

    void clear();
    void addBatches(const std::vector<BatchTelemetry> &batches);
    void addEpoch(const EpochMetrics &metrics);
    // Redraws when data changed since the last call (queued, coalesced by QCustomPlot).
    void replotIfDirty();

    bool autoScale() const { return m_autoScale; }
    void setAutoScale(bool on);
    int replotCount() const { return m_replots; }
    int pointCount() const;
    QCustomPlot *plot() const { return m_plot; }

    bool exportPng(const QString &file);
    bool exportPdf(const QString &file);
    bool exportCsv(const QString &file) const;
    // An "Export plot" button whose menu saves the curves as PNG, PDF or CSV, asking where.
    QWidget *makeExportButton(QWidget *parent);

private:
    void rescale();

    QCustomPlot *m_plot;
    QCPAxisRect *m_lossRect;
    QCPAxisRect *m_lrRect;
    QCPGraph *m_raw;
    QCPGraph *m_smooth;
    QCPGraph *m_valid;
    QCPGraph *m_accuracy;
    QCPGraph *m_lr;
    bool m_dirty = false;
    bool m_autoScale = true;
    int m_replots = 0;
};

} // namespace kiln
