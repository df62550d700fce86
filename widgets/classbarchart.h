#pragma once
// Per-class values from 0 to 1 as horizontal bars, grouped by class: one run's precision, recall
// and F1, or two runs' F1 side by side. Each bar is labelled with its value; the legend names the
// series. Painted with QPainter vectors, so it exports as crisp SVG and PDF. It grows with the
// classes (put it in a scroll area). GUI thread only.

#include "pictureexport.h"

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace kiln {

struct BarSeries {
    QString name;
    QColor color;
    std::vector<double> values; // one per class, 0..1; NaN: none
};

class ClassBarChart : public QWidget {
    Q_OBJECT
public:
    explicit ClassBarChart(QWidget *parent = nullptr);

    void setData(const QStringList &classes, std::vector<BarSeries> series, const QString &title = {});
    void clear() { setData({}, {}); }
    const QStringList &classes() const { return m_classes; }
    const std::vector<BarSeries> &series() const { return m_series; }
    // The rectangle of one bar at the widget's size (for tests).
    QRectF barRect(int cls, int series) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int w) const override;
    void paintChart(QPainter &p, const QSize &size) const;
    ExportablePicture picture();
    QString csv() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    struct Layout {
        double left, top, right, barHeight, groupHeight;
    };
    Layout layout(const QSize &size) const;
    // Lines the title and legend take at this width; `at`: where each entry starts.
    int legendLines(double width, std::vector<QPointF> *at = nullptr) const;

    QStringList m_classes;
    std::vector<BarSeries> m_series;
    QString m_title;
};

} // namespace kiln
