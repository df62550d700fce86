#include "galleryview.h"

#include "samplemodel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QScrollBar>

namespace kiln {

namespace {
constexpr int kPad = 4;
} // namespace

GalleryDelegate::GalleryDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QSize GalleryDelegate::cellSize() const
{
    const int text = QFontMetrics(QApplication::font()).height();
    return {m_side + 2 * kPad, m_side + 2 * kPad + text + 2};
}

QSize GalleryDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return cellSize();
}

void GalleryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const QRect r = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    if (selected)
        painter->fillRect(r, option.palette.highlight());
    else if (option.state & QStyle::State_MouseOver)
        painter->fillRect(r, option.palette.alternateBase());

    const QRect box(r.left() + kPad, r.top() + kPad, m_side, m_side);
    const QImage img = index.data(Qt::DecorationRole).value<QImage>();
    if (!img.isNull()) {
        // Fit the box; small images (28 px MNIST) are enlarged without blurring.
        const QSize s = img.size().scaled(box.size(), Qt::KeepAspectRatio);
        const QRect target(box.left() + (box.width() - s.width()) / 2, box.top() + (box.height() - s.height()) / 2,
                           s.width(), s.height());
        painter->setRenderHint(QPainter::SmoothPixmapTransform, s.width() < 2 * img.width());
        painter->drawImage(target, img);
    } else {
        const bool failed = index.data(SampleModel::ThumbnailFailedRole).toBool();
        painter->fillRect(box, option.palette.window().color().darker(failed ? 130 : 108));
        if (failed) {
            painter->setPen(QColor(200, 40, 40));
            painter->drawText(box, Qt::AlignCenter, tr("cannot\ndecode"));
        }
    }
    const QRect textRect(r.left() + 2, box.bottom() + 2, r.width() - 4, r.bottom() - box.bottom() - 2);
    painter->setPen(selected ? option.palette.highlightedText().color() : option.palette.text().color());
    const QString caption = option.fontMetrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle,
                                                          textRect.width());
    painter->drawText(textRect, Qt::AlignHCenter | Qt::AlignTop, caption);
    painter->restore();
}

GalleryView::GalleryView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new GalleryDelegate(this))
{
    setItemDelegate(m_delegate);
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(true);
    setLayoutMode(QListView::Batched);
    setBatchSize(2000);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setMouseTracking(true);
    setThumbnailSize(96);
}

void GalleryView::setThumbnailSize(int side)
{
    m_delegate->setThumbnailSize(side);
    setGridSize(m_delegate->cellSize());
    verticalScrollBar()->setSingleStep(m_delegate->cellSize().height() / 3);
    doItemsLayout();
}

} // namespace kiln
