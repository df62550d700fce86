#pragma once
// Paints one image of a LossItemModel: thumbnail, "predicted / actual", "loss / p(pred) / p(actual)",
// and the cleaning choice as a coloured frame and badge (green keep, red delete, orange relabel).
// GUI thread only.

#include <QStyledItemDelegate>

namespace kiln {

class LossGalleryDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit LossGalleryDelegate(QObject *parent = nullptr);
    void setThumbnailSize(int side) { m_side = side; }
    QSize cellSize(const QFontMetrics &fm) const;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_side = 96;
};

} // namespace kiln
