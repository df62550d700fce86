#include "embeddingscatter.h"

#include "core/palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace kiln {

namespace {

void plot(QImage &img, int cx, int cy, int radius, QRgb colour)
{
    const int w = img.width(), h = img.height();
    for (int y = std::max(0, cy - radius); y <= std::min(h - 1, cy + radius); ++y) {
        auto *line = reinterpret_cast<QRgb *>(img.scanLine(y));
        for (int x = std::max(0, cx - radius); x <= std::min(w - 1, cx + radius); ++x)
            line[x] = colour;
    }
}

} // namespace

EmbeddingScatter::EmbeddingScatter(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setMinimumSize(200, 200);
    setBackgroundRole(QPalette::Base);
}

QColor EmbeddingScatter::classColor(int c, int classCount)
{
    // tab10, then evenly spaced hues for more classes.
    if (classCount <= 10 && c >= 0 && c < 10)
        return QColor::fromRgb(tab10(c));
    return QColor::fromHsvF(std::fmod(c * 0.618033988749895, 1.0), 0.75, 0.85);
}

void EmbeddingScatter::setPoints(const std::vector<float> &xy, const std::vector<int> &classes, const std::vector<char> &wrong,
                                 const QStringList &classNames)
{
    const bool same = xy.size() == m_xy.size();
    m_xy = xy;
    m_classes = classes;
    m_wrong = wrong;
    m_hidden.assign(m_classes.size(), 0);
    m_classNames = classNames;
    m_classVisible.assign(std::size_t(classNames.size()), 1);
    if (!same) {
        m_selection.clear();
        m_selected.assign(m_classes.size(), 0);
    }
    m_userView = false;
    fitData();
    m_dirty = true;
    update();
}

void EmbeddingScatter::setPositions(const std::vector<float> &xy)
{
    if (xy.size() != m_xy.size())
        return;
    m_xy = xy;
    if (!m_userView)
        fitData();
    m_dirty = true;
    update();
}

void EmbeddingScatter::setClasses(const std::vector<int> &classes, const std::vector<char> &wrong, const std::vector<char> &hidden)
{
    if (classes.size() != m_classes.size())
        return;
    m_classes = classes;
    m_wrong = wrong;
    m_hidden = hidden;
    m_dirty = true;
    update();
}

void EmbeddingScatter::setClassVisible(int c, bool visibleNow)
{
    if (c < 0 || std::size_t(c) >= m_classVisible.size())
        return;
    m_classVisible[std::size_t(c)] = visibleNow;
    m_dirty = true;
    update();
}

bool EmbeddingScatter::isClassVisible(int c) const
{
    return c >= 0 && std::size_t(c) < m_classVisible.size() && m_classVisible[std::size_t(c)];
}

bool EmbeddingScatter::visible(int i) const
{
    const int c = m_classes[std::size_t(i)];
    return !m_hidden[std::size_t(i)] && (c < 0 || isClassVisible(c));
}

void EmbeddingScatter::fitData()
{
    const int n = pointCount();
    if (n == 0) {
        m_data = QRectF(-1, -1, 2, 2);
        m_centre = {0, 0};
        m_zoom = 1;
        return;
    }
    float minX = m_xy[0], maxX = m_xy[0], minY = m_xy[1], maxY = m_xy[1];
    for (int i = 1; i < n; ++i) {
        minX = std::min(minX, m_xy[std::size_t(2 * i)]);
        maxX = std::max(maxX, m_xy[std::size_t(2 * i)]);
        minY = std::min(minY, m_xy[std::size_t(2 * i + 1)]);
        maxY = std::max(maxY, m_xy[std::size_t(2 * i + 1)]);
    }
    m_data = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
    if (m_data.width() <= 0 || m_data.height() <= 0)
        m_data.adjust(-1e-3, -1e-3, 1e-3, 1e-3);
    m_centre = m_data.center();
    m_zoom = 1;
}

void EmbeddingScatter::resetView()
{
    m_userView = false;
    fitData();
    m_dirty = true;
    update();
}

QPointF EmbeddingScatter::toWidget(float x, float y) const
{
    const double scale = std::min(width() / m_data.width(), height() / m_data.height()) * 0.92 * m_zoom;
    return {width() / 2.0 + (x - m_centre.x()) * scale, height() / 2.0 - (y - m_centre.y()) * scale};
}

QPointF EmbeddingScatter::toData(const QPointF &p) const
{
    const double scale = std::min(width() / m_data.width(), height() / m_data.height()) * 0.92 * m_zoom;
    return {m_centre.x() + (p.x() - width() / 2.0) / scale, m_centre.y() - (p.y() - height() / 2.0) / scale};
}

QPointF EmbeddingScatter::pointPosition(int i) const
{
    return toWidget(m_xy[std::size_t(2 * i)], m_xy[std::size_t(2 * i + 1)]);
}

int EmbeddingScatter::pointAt(const QPoint &pos, double radius) const
{
    int best = -1;
    double bestD = radius * radius;
    for (int i = 0; i < pointCount(); ++i) {
        if (!visible(i))
            continue;
        const QPointF p = pointPosition(i);
        const double d = (p.x() - pos.x()) * (p.x() - pos.x()) + (p.y() - pos.y()) * (p.y() - pos.y());
        if (d <= bestD) {
            bestD = d;
            best = i;
        }
    }
    return best;
}

void EmbeddingScatter::render()
{
    m_image = QImage(size(), QImage::Format_RGB32);
    m_image.fill(palette().base().color());
    const int n = pointCount();
    const int classCount = int(m_classNames.size());
    std::vector<QRgb> colours;
    for (int c = 0; c < classCount; ++c)
        colours.push_back(classColor(c, classCount).rgb());
    const QRgb ring = qRgb(20, 20, 20), selectedRing = qRgb(255, 140, 0);
    const int radius = m_zoom >= 4 ? 2 : 1;
    // Correct points first, then the misclassified (ringed) and the selected on top.
    for (int pass = 0; pass < 3; ++pass)
        for (int i = 0; i < n; ++i) {
            if (!visible(i))
                continue;
            const bool wrong = m_wrong[std::size_t(i)], sel = m_selected[std::size_t(i)];
            if ((pass == 0 && (wrong || sel)) || (pass == 1 && (!wrong || sel)) || (pass == 2 && !sel))
                continue;
            const QPointF p = pointPosition(i);
            const int x = int(std::lround(p.x())), y = int(std::lround(p.y()));
            if (x < -4 || y < -4 || x > width() + 4 || y > height() + 4)
                continue;
            const int c = m_classes[std::size_t(i)];
            const QRgb colour = c >= 0 && c < classCount ? colours[std::size_t(c)] : qRgb(128, 128, 128);
            if (sel)
                plot(m_image, x, y, radius + 2, selectedRing);
            else if (wrong)
                plot(m_image, x, y, radius + 1, ring);
            plot(m_image, x, y, radius, colour);
        }
    m_dirty = false;
}

void EmbeddingScatter::paintPicture(QPainter &p, const QSize &size) const
{
    p.fillRect(QRect(QPoint(0, 0), size), palette().base());
    p.setRenderHint(QPainter::Antialiasing, true);
    // One scale for both axes (the layout keeps its shape), centred.
    const double sx = width() > 0 ? double(size.width()) / width() : 1, sy = height() > 0 ? double(size.height()) / height() : 1;
    const double scale = std::min(sx, sy);
    const double ox = (size.width() - width() * scale) / 2, oy = (size.height() - height() * scale) / 2;
    const int classCount = int(m_classNames.size());
    const double r = m_zoom >= 4 ? 2.2 : 1.6;
    p.setPen(Qt::NoPen);
    for (int pass = 0; pass < 3; ++pass)
        for (int i = 0; i < pointCount(); ++i) {
            if (!visible(i))
                continue;
            const bool wrong = m_wrong[std::size_t(i)], sel = m_selected[std::size_t(i)];
            if ((pass == 0 && (wrong || sel)) || (pass == 1 && (!wrong || sel)) || (pass == 2 && !sel))
                continue;
            const QPointF w = pointPosition(i);
            const QPointF at(ox + w.x() * scale, oy + w.y() * scale);
            if (at.x() < -4 || at.y() < -4 || at.x() > size.width() + 4 || at.y() > size.height() + 4)
                continue;
            const int c = m_classes[std::size_t(i)];
            if (sel || wrong) {
                p.setBrush(sel ? QColor(255, 140, 0) : QColor(20, 20, 20));
                p.drawEllipse(at, r + (sel ? 2 : 1), r + (sel ? 2 : 1));
            }
            p.setBrush(c >= 0 && c < classCount ? classColor(c, classCount) : QColor(128, 128, 128));
            p.drawEllipse(at, r, r);
        }
    // The legend: the visible classes, at most 30.
    const QFontMetrics fm(font());
    p.setFont(font());
    int y = 8, shown = 0;
    for (int c = 0; c < classCount && shown < 30; ++c) {
        if (!isClassVisible(c))
            continue;
        p.setPen(Qt::NoPen);
        p.setBrush(classColor(c, classCount));
        p.drawEllipse(QPointF(14, y + fm.height() / 2.0), 4, 4);
        p.setPen(palette().text().color());
        p.drawText(QPointF(24, y + fm.ascent()), m_classNames[c]);
        y += fm.height() + 2;
        ++shown;
    }
}

ExportablePicture EmbeddingScatter::picture(std::function<QString()> csv)
{
    ExportablePicture p;
    p.name = QStringLiteral("tsne");
    p.title = tr("t-SNE of the embeddings");
    p.size = [this] { return pointCount() ? QSize(std::max(480, width()), std::max(360, height())) : QSize(); };
    p.paint = [this](QPaintDevice &device, const QSize &size) {
        QPainter painter(&device);
        paintPicture(painter, size);
    };
    p.csv = std::move(csv);
    return p;
}

void EmbeddingScatter::paintEvent(QPaintEvent *)
{
    if (m_dirty || m_image.size() != size())
        render();
    QPainter p(this);
    p.drawImage(0, 0, m_image);
    if (pointCount() == 0) {
        p.setPen(palette().placeholderText().color());
        p.drawText(rect(), Qt::AlignCenter, tr("No layout yet"));
    }
    if (!m_band.isNull()) {
        p.setPen(QPen(palette().highlight().color(), 1, Qt::DashLine));
        p.setBrush(QColor(palette().highlight().color().red(), palette().highlight().color().green(),
                          palette().highlight().color().blue(), 40));
        p.drawRect(m_band.normalized());
    }
}

void EmbeddingScatter::resizeEvent(QResizeEvent *)
{
    m_dirty = true;
}

void EmbeddingScatter::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    const QPointF anchor = toData(event->position());
    m_zoom = std::clamp(m_zoom * std::pow(1.25, steps), 0.2, 500.0);
    // Keep the data point under the cursor where it is.
    const QPointF moved = toData(event->position());
    m_centre += anchor - moved;
    m_userView = true;
    m_dirty = true;
    update();
    event->accept();
}

void EmbeddingScatter::mousePressEvent(QMouseEvent *event)
{
    m_button = event->button();
    m_pressPos = m_lastPos = event->position().toPoint();
    if (m_button == Qt::LeftButton)
        m_band = QRect(m_pressPos, QSize(1, 1));
}

void EmbeddingScatter::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_button == Qt::LeftButton) {
        m_band = QRect(m_pressPos, pos);
        update();
    } else if (m_button == Qt::RightButton || m_button == Qt::MiddleButton) {
        const QPointF a = toData(m_lastPos), b = toData(pos);
        m_centre += a - b;
        m_userView = true;
        m_dirty = true;
        update();
    } else {
        Q_EMIT pointHovered(pointAt(pos), event->globalPosition().toPoint());
    }
    m_lastPos = pos;
}

void EmbeddingScatter::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_button == Qt::LeftButton) {
        const QRect band = QRect(m_pressPos, event->position().toPoint()).normalized();
        const bool add = event->modifiers() & Qt::ShiftModifier;
        if (band.width() < 4 && band.height() < 4) {
            const int hit = pointAt(event->position().toPoint());
            if (hit >= 0)
                selectInRect(QRectF(pointPosition(hit) - QPointF(0.5, 0.5), QSizeF(1, 1)), add);
            else if (!add)
                clearSelection();
        } else {
            selectInRect(band, add);
        }
        m_band = QRect();
        update();
    }
    m_button = Qt::NoButton;
}

void EmbeddingScatter::selectInRect(const QRectF &widgetRect, bool add)
{
    if (!add) {
        m_selection.clear();
        m_selected.assign(m_classes.size(), 0);
    }
    for (int i = 0; i < pointCount(); ++i)
        if (visible(i) && !m_selected[std::size_t(i)] && widgetRect.contains(pointPosition(i))) {
            m_selected[std::size_t(i)] = 1;
            m_selection.push_back(i);
        }
    m_dirty = true;
    update();
    Q_EMIT selectionChanged(m_selection);
}

void EmbeddingScatter::clearSelection()
{
    m_selection.clear();
    m_selected.assign(m_classes.size(), 0);
    m_dirty = true;
    update();
    Q_EMIT selectionChanged(m_selection);
}

} // namespace kiln
