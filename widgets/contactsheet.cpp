#include "contactsheet.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QImageReader>
#include <QPainter>

#include <algorithm>

namespace kiln {

namespace {
constexpr int kThumb = 128, kPad = 8, kCaption = 34, kColumns = 8;

int columnsFor(std::size_t count)
{
    return int(std::clamp<std::size_t>(count, 1, kColumns));
}
} // namespace

QSize contactSheetSize(std::size_t count)
{
    count = std::min<std::size_t>(count, kContactSheetMaxImages);
    if (count == 0)
        return {};
    const int cols = columnsFor(count);
    const int rows = int((count + std::size_t(cols) - 1) / std::size_t(cols));
    return QSize(kPad + cols * (kThumb + kPad), kPad + rows * (kThumb + kCaption + kPad));
}

void paintContactSheet(QPainter &p, const std::vector<SheetItem> &items, const QSize &size)
{
    p.fillRect(QRect(QPoint(0, 0), size), Qt::white);
    const std::size_t n = std::min<std::size_t>(items.size(), kContactSheetMaxImages);
    const int cols = columnsFor(n);
    QFont small = p.font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    p.setFont(small);
    const QFontMetrics fm(small);
    for (std::size_t i = 0; i < n; ++i) {
        const int x = kPad + int(i % std::size_t(cols)) * (kThumb + kPad);
        const int y = kPad + int(i / std::size_t(cols)) * (kThumb + kCaption + kPad);
        QImageReader reader(items[i].file);
        reader.setAutoTransform(true);
        const QSize full = reader.size();
        if (full.isValid())
            reader.setScaledSize(full.scaled(kThumb, kThumb, Qt::KeepAspectRatio));
        const QImage image = reader.read();
        const QRect cell(x, y, kThumb, kThumb);
        if (image.isNull()) {
            p.fillRect(cell, QColor(210, 210, 210));
            p.setPen(QColor(90, 90, 90));
            p.drawText(cell, Qt::AlignCenter | Qt::TextWordWrap, QCoreApplication::translate("kiln::ContactSheet", "cannot be read"));
        } else {
            const QImage scaled = image.size().width() > kThumb || image.size().height() > kThumb
                                      ? image.scaled(kThumb, kThumb, Qt::KeepAspectRatio, Qt::SmoothTransformation)
                                      : image.scaled(image.size().scaled(kThumb, kThumb, Qt::KeepAspectRatio), Qt::IgnoreAspectRatio,
                                                     image.width() < 64 ? Qt::FastTransformation : Qt::SmoothTransformation);
            p.drawImage(QPoint(x + (kThumb - scaled.width()) / 2, y + (kThumb - scaled.height()) / 2), scaled);
        }
        p.setPen(QColor(30, 30, 30));
        const QStringList lines = items[i].caption.split(QLatin1Char('\n'));
        for (int l = 0; l < std::min<int>(2, int(lines.size())); ++l)
            p.drawText(QPoint(x, y + kThumb + 2 + fm.ascent() + l * fm.height()), fm.elidedText(lines[l], Qt::ElideRight, kThumb));
    }
}

ExportablePicture contactSheetPicture(std::function<std::vector<SheetItem>()> items, std::function<QString()> csv,
                                      const QString &name, const QString &title)
{
    ExportablePicture p;
    p.name = name;
    p.title = title;
    p.size = [items] { return contactSheetSize(items().size()); };
    p.paint = [items](QPaintDevice &device, const QSize &size) {
        QPainter painter(&device);
        paintContactSheet(painter, items(), size);
    };
    p.csv = std::move(csv);
    return p;
}

} // namespace kiln
