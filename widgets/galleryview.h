#pragma once
// A grid of thumbnails with captions. Dumb by design: it paints what its model gives and asks for
// nothing off-screen, so a 100,000-image model scrolls smoothly. GUI thread only.

#include <QListView>
#include <QStyledItemDelegate>

namespace kiln {

class GalleryDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit GalleryDelegate(QObject *parent = nullptr);
    void setThumbnailSize(int side) { m_side = side; }
    int thumbnailSize() const { return m_side; }
    QSize cellSize() const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_side = 96;
};

class GalleryView : public QListView {
    Q_OBJECT
public:
    explicit GalleryView(QWidget *parent = nullptr);
    void setThumbnailSize(int side);
    GalleryDelegate *galleryDelegate() const { return m_delegate; }

private:
    GalleryDelegate *m_delegate;
};

} // namespace kiln
