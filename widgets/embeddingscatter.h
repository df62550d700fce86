#pragma once
// A 2-d scatter of many points (a t-SNE layout), coloured by class, misclassified points ringed.
// Draws straight into an image, so 70,000 points redraw in milliseconds; zoom with the wheel, pan
// by dragging with the right or middle button, select with a rubber band (left button; Shift adds
// to the selection); hovering a point reports it. Classes can be hidden. Dumb by design: it knows
// points, classes and flags, not images. GUI thread only.

#include "pictureexport.h"

#include <QImage>
#include <QRectF>
#include <QStringList>
#include <QWidget>

#include <vector>

namespace kiln {

class EmbeddingScatter : public QWidget {
    Q_OBJECT
public:
    explicit EmbeddingScatter(QWidget *parent = nullptr);

    // Points (x, y pairs), their class (index into classNames) and whether each is misclassified.
    // Keeps the selection only when the count is unchanged.
    void setPoints(const std::vector<float> &xy, const std::vector<int> &classes, const std::vector<char> &wrong,
                   const QStringList &classNames);
    // New positions for the same points (t-SNE moving on); refits the view unless the user zoomed.
    void setPositions(const std::vector<float> &xy);
    // New classes / flags for the same points (after relabelling), and points to leave out.
    void setClasses(const std::vector<int> &classes, const std::vector<char> &wrong, const std::vector<char> &hidden);
    void setClassVisible(int c, bool visible);
    bool isClassVisible(int c) const;
    static QColor classColor(int c, int classCount);

    int pointCount() const { return int(m_xy.size() / 2); }
    const std::vector<float> &positions() const { return m_xy; }
    const std::vector<int> &selection() const { return m_selection; }
    void selectInRect(const QRectF &widgetRect, bool add = false);
    void clearSelection();
    void resetView();
    // Widget position of a point (for tests).
    QPointF pointPosition(int i) const;
    int pointAt(const QPoint &pos, double radius = 6) const;
    double zoom() const { return m_zoom; }
    // The view as it is (zoom, hidden classes, selection) in vectors, with a legend of the classes.
    void paintPicture(QPainter &p, const QSize &size) const;
    // csv: the caller's data for the points (the scatter knows no files).
    ExportablePicture picture(std::function<QString()> csv);

Q_SIGNALS:
    void selectionChanged(const std::vector<int> &points);
    void pointHovered(int point, const QPoint &globalPos); // -1 when none

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    bool visible(int i) const;
    void fitData();
    void render();
    QPointF toWidget(float x, float y) const;
    QPointF toData(const QPointF &p) const;

    std::vector<float> m_xy;
    std::vector<int> m_classes;
    std::vector<char> m_wrong, m_hidden;
    std::vector<char> m_classVisible;
    QStringList m_classNames;
    std::vector<int> m_selection;
    std::vector<char> m_selected;
    QRectF m_data;          // the data rectangle the view shows at zoom 1
    double m_zoom = 1;
    QPointF m_centre;       // data point at the widget centre
    bool m_userView = false;
    QImage m_image;
    bool m_dirty = true;
    QPoint m_pressPos, m_lastPos;
    Qt::MouseButton m_button = Qt::NoButton;
    QRect m_band;
};

} // namespace kiln
