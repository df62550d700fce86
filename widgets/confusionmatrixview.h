#pragma once
// A colour-mapped confusion matrix with class names on both axes, counts and row percentages in
// the cells when they fit, a tooltip per cell, and zoom (Ctrl + wheel, or zoomIn/zoomOut; it fits
// the window until the user zooms) so 2 to 100+ classes stay usable. Paints what its
// ConfusionMatrixModel holds. GUI thread only.

#include <QScrollArea>

namespace kiln {

class ConfusionMatrixModel;
class ConfusionMatrixCanvas;

class ConfusionMatrixView : public QScrollArea {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget *parent = nullptr);
    void setModel(ConfusionMatrixModel *model);
    ConfusionMatrixModel *model() const { return m_model; }

    // Colour (and the large number in each cell) by the share of the row instead of the count.
    void setNormalized(bool normalized);
    bool isNormalized() const { return m_normalized; }
    int cellSize() const { return m_cell; }
    void setCellSize(int side); // stops fitting to the window
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    // The cell under a point of the view's viewport, or (-1, -1).
    QPoint cellAt(const QPoint &viewportPos) const;
    // Where a cell's centre is, in viewport coordinates (for tests and tours).
    QPoint cellCenter(int actual, int predicted) const;
    void setSelectedCell(int actual, int predicted);

Q_SIGNALS:
    void cellClicked(int actual, int predicted);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class ConfusionMatrixCanvas;
    void relayout();
    int fittedCell() const;

    ConfusionMatrixModel *m_model = nullptr;
    ConfusionMatrixCanvas *m_canvas;
    bool m_normalized = true;
    bool m_fit = true;
    int m_cell = 40;
    int m_left = 80, m_top = 80; // label margins
    QPoint m_selected{-1, -1};
};

} // namespace kiln
