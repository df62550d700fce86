#pragma once
// One class's one-vs-rest curves from saved predictions (curves.h): precision-recall with its
// average precision, or ROC with its area, for the class picked in a combo. Hovering a point
// shows its threshold. GUI thread only.

#include "analysis/curves.h"
#include "pictureexport.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QCPCurve;
class QLabel;

namespace kiln {

class ClassCurvesPlot : public QWidget {
    Q_OBJECT
public:
    explicit ClassCurvesPlot(QWidget *parent = nullptr);

    // probs: rows x classes softmax; labels: per row, -1 for rows not counted.
    void setData(const QStringList &classes, std::vector<float> probs, std::vector<int> labels);
    void clear();

    QComboBox *classBox() const { return m_class; }
    QComboBox *kindBox() const { return m_kind; }
    QCustomPlot *plot() const { return m_plot; }
    QString summary() const;
    const ClassCurves &curves() const { return m_curves; }
    // What hovering at a pixel of the plot shows: the nearest point's threshold and values.
    QString textAt(const QPointF &pixel) const;
    // The shown class's curve as a picture; its data: every class's PR and ROC points.
    ExportablePicture picture();
    QString csv() const;

private:
    void recompute();

    QComboBox *m_class;
    QComboBox *m_kind;
    QCustomPlot *m_plot;
    QCPCurve *m_curve;
    QCPCurve *m_chance;
    QLabel *m_summary;
    QStringList m_classes;
    std::vector<float> m_probs;
    std::vector<int> m_labels;
    ClassCurves m_curves;
};

} // namespace kiln
