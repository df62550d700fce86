#include "lossgallerydelegate.h"

#include "lossitemmodel.h"

#include <QPainter>

namespace kiln {

LossGalleryDelegate::LossGalleryDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QSize LossGalleryDelegate::cellSize(const QFontMetrics &fm) const
{
    return {std::max(m_side + 16, fm.horizontalAdvance(QStringLiteral("0.00 / 0.00 / 0.00")) + 12), m_side + 2 * fm.height() + 14};
}

QSize LossGalleryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return cellSize(option.fontMetrics);
}

void LossGalleryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const QRect r = option.rect.adjusted(2, 2, -2, -2);
    const bool selected = option.state & QStyle::State_Selected;
    painter->fillRect(r, selected ? option.palette.highlight() : option.palette.base());

    const auto choice = CleanChoice(index.data(LossItemModel::ChoiceRole).toInt());
    QColor mark;
    switch (choice) {
    case CleanChoice::Keep: mark = QColor(46, 160, 67); break;
    case CleanChoice::Delete: mark = QColor(210, 50, 45); break;
    case CleanChoice::Relabel: mark = QColor(230, 130, 0); break;
    case CleanChoice::None: break;
    }
    const QString badge = index.data(LossItemModel::ChoiceTextRole).toString();

    const QRect box(r.left() + (r.width() - m_side) / 2, r.top() + 4, m_side, m_side);
    const QImage img = index.data(Qt::DecorationRole).value<QImage>();
    if (!img.isNull()) {
        QSize s = img.size().scaled(box.size(), Qt::KeepAspectRatio);
        const QRect target(box.left() + (box.width() - s.width()) / 2, box.top() + (box.height() - s.height()) / 2, s.width(), s.height());
        painter->setRenderHint(QPainter::SmoothPixmapTransform, s.width() < 2 * img.width());
        painter->drawImage(target, img);
    } else {
        const bool failed = index.data(LossItemModel::ThumbnailFailedRole).toBool();
        painter->fillRect(box, option.palette.window().color().darker(failed ? 130 : 108));
    }
    if (mark.isValid()) {
        painter->setPen(QPen(mark, 3));
        painter->drawRect(box.adjusted(1, 1, -2, -2));
        QFont f = option.font;
        f.setBold(true);
        painter->setFont(f);
        const QFontMetrics fm(f);
        const QString text = fm.elidedText(badge, Qt::ElideRight, box.width() - 4);
        const QRect b(box.left() + 2, box.bottom() - fm.height() - 1, fm.horizontalAdvance(text) + 6, fm.height());
        painter->fillRect(b, mark);
        painter->setPen(Qt::white);
        painter->drawText(b, Qt::AlignCenter, text);
    }
    painter->setFont(option.font);
    const QStringList lines = index.data(LossItemModel::CaptionRole).toString().split('\n');
    const QFontMetrics fm(option.font);
    const bool wrong = index.data(LossItemModel::ActualRole).toInt() != index.data(LossItemModel::PredictedRole).toInt();
    int y = box.bottom() + 4;
    for (int i = 0; i < lines.size(); ++i) {
        QColor c = selected ? option.palette.highlightedText().color() : option.palette.text().color();
        if (i == 0 && wrong && !selected)
            c = QColor(190, 40, 40);
        painter->setPen(c);
        painter->drawText(QRect(r.left() + 2, y, r.width() - 4, fm.height()), Qt::AlignHCenter,
                          fm.elidedText(lines[i], Qt::ElideMiddle, r.width() - 4));
        y += fm.height();
    }
    painter->restore();
}

} // namespace kiln
