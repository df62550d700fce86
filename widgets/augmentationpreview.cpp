#include "augmentationpreview.h"

#include <QPainter>

#include <algorithm>

namespace kiln {

PreviewStrip::PreviewStrip(QWidget *parent)
    : QWidget(parent)
{
    setMinimumHeight(72);
}

void PreviewStrip::setImages(std::vector<QImage> images)
{
    m_images = std::move(images);
    update();
}

void PreviewStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_images.empty()) {
        p.setPen(palette().placeholderText().color());
        p.drawText(rect(), Qt::AlignCenter, tr("augmentation preview"));
        return;
    }
    const int n = int(m_images.size());
    const int side = std::min(height(), (width() - 4 * (n - 1)) / n);
    for (int i = 0; i < n; ++i) {
        const QRect r(i * (side + 4), 0, side, side);
        p.setRenderHint(QPainter::SmoothPixmapTransform, m_images[std::size_t(i)].width() >= side);
        p.drawImage(r, m_images[std::size_t(i)]);
    }
}

} // namespace kiln
