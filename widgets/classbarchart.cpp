#include "classbarchart.h"

#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace kiln {

namespace {
constexpr double kBar = 14, kGap = 8, kLegend = 26, kAxis = 20, kMargin = 8;
}

ClassBarChart::ClassBarChart(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void ClassBarChart::setData(const QStringList &classes, std::vector<BarSeries> series, const QString &title)
{
    m_classes = classes;
    m_series = std::move(series);
    m_title = title;
    updateGeometry();
    update();
}

int ClassBarChart::legendLines(double width, std::vector<QPointF> *at) const
{
    // The title, then the entries, flowing onto a new line where one would not fit.
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    double x = kMargin + (m_title.isEmpty() ? 0 : QFontMetrics(bold).horizontalAdvance(m_title) + 16);
    int line = 0;
    for (const BarSeries &s : m_series) {
        const double w = 16 + fm.horizontalAdvance(s.name);
        if (x > kMargin && x + w > width - kMargin) {
            ++line;
            x = kMargin;
        }
        if (at)
            at->emplace_back(x, kMargin + line * kLegend);
        x += w + 16;
    }
    return line + 1;
}

QSize ClassBarChart::sizeHint() const
{
    const int groups = int(m_classes.size());
    const int bars = std::max<int>(1, int(m_series.size()));
    const int lines = legendLines(std::max(width(), 200));
    return QSize(520, int(kMargin * 2 + lines * kLegend + kAxis + groups * (bars * kBar + kGap)));
}

bool ClassBarChart::hasHeightForWidth() const
{
    return true;
}

int ClassBarChart::heightForWidth(int w) const
{
    const int groups = int(m_classes.size());
    const int bars = std::max<int>(1, int(m_series.size()));
    return int(kMargin * 2 + legendLines(w) * kLegend + kAxis + groups * (bars * kBar + kGap));
}

QSize ClassBarChart::minimumSizeHint() const
{
    return QSize(200, sizeHint().height());
}

ClassBarChart::Layout ClassBarChart::layout(const QSize &size) const
{
    const QFontMetrics fm(font());
    double names = 40;
    for (const QString &c : m_classes)
        names = std::max<double>(names, fm.horizontalAdvance(c));
    names = std::min(names + 4, size.width() * 0.4); // a little slack: elidedText measures a bit wider
    const double bars = double(std::max<std::size_t>(1, m_series.size()));
    return {kMargin + names + 8, kMargin + legendLines(size.width()) * kLegend + kAxis, size.width() - kMargin - fm.horizontalAdvance(QStringLiteral("0.000")) - 6,
            kBar, bars * kBar + kGap};
}

QRectF ClassBarChart::barRect(int cls, int series) const
{
    if (cls < 0 || cls >= m_classes.size() || series < 0 || series >= int(m_series.size()))
        return {};
    const Layout l = layout(size());
    const double v = m_series[std::size_t(series)].values[std::size_t(cls)];
    const double w = std::isnan(v) ? 0 : std::clamp(v, 0.0, 1.0) * (l.right - l.left);
    return QRectF(l.left, l.top + cls * l.groupHeight + series * l.barHeight, w, l.barHeight - 2);
}

void ClassBarChart::paintChart(QPainter &p, const QSize &size) const
{
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setFont(font());
    const QPalette pal = palette();
    p.fillRect(QRect(QPoint(0, 0), size), pal.base());
    const QFontMetrics fm(font());
    if (m_classes.isEmpty() || m_series.empty()) {
        p.setPen(pal.placeholderText().color());
        p.drawText(QRect(QPoint(0, 0), size), Qt::AlignCenter, tr("Interpret a run to see its per-class metrics"));
        return;
    }
    const Layout l = layout(size);
    const double width = l.right - l.left;
    // Title and legend.
    p.setPen(pal.text().color());
    if (!m_title.isEmpty()) {
        QFont bold = font();
        bold.setBold(true);
        p.setFont(bold);
        p.drawText(QPointF(kMargin, kMargin + fm.ascent()), m_title);
        p.setFont(font());
    }
    std::vector<QPointF> at;
    legendLines(size.width(), &at);
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        p.fillRect(QRectF(at[i].x(), at[i].y() + 2, 12, 12), m_series[i].color);
        p.drawText(QPointF(at[i].x() + 16, at[i].y() + fm.ascent()), m_series[i].name);
    }
    // The 0..1 axis with a faint grid.
    const double axisY = l.top - 4;
    const double bottom = l.top + m_classes.size() * l.groupHeight - kGap;
    for (int t = 0; t <= 4; ++t) {
        const double gx = l.left + width * t / 4;
        p.setPen(QPen(pal.mid().color(), 0.6, t == 0 ? Qt::SolidLine : Qt::DotLine));
        p.drawLine(QPointF(gx, axisY), QPointF(gx, bottom));
        p.setPen(pal.text().color());
        const QString label = QLocale().toString(t / 4.0, 'f', 2);
        p.drawText(QPointF(gx - fm.horizontalAdvance(label) / 2.0, axisY - 4), label);
    }
    for (int c = 0; c < m_classes.size(); ++c) {
        const double gy = l.top + c * l.groupHeight;
        p.setPen(pal.text().color());
        const QString name = fm.elidedText(m_classes[c], Qt::ElideMiddle, int(l.left - kMargin - 8));
        const double groupMid = gy + (l.groupHeight - kGap) / 2;
        p.drawText(QPointF(l.left - 8 - fm.horizontalAdvance(name), groupMid + fm.ascent() / 2.0 - 1), name);
        for (int s = 0; s < int(m_series.size()); ++s) {
            const double v = m_series[std::size_t(s)].values[std::size_t(c)];
            const QRectF r(l.left, gy + s * l.barHeight, std::isnan(v) ? 0 : std::clamp(v, 0.0, 1.0) * width, l.barHeight - 2);
            p.fillRect(r, m_series[std::size_t(s)].color);
            const QString text = std::isnan(v) ? QStringLiteral("–") : QLocale().toString(v, 'f', 3);
            QFont small = font();
            small.setPointSizeF(font().pointSizeF() * 0.85);
            p.setFont(small);
            p.setPen(pal.text().color());
            p.drawText(QPointF(r.right() + 4, r.center().y() + QFontMetrics(small).ascent() / 2.0 - 1), text);
            p.setFont(font());
        }
    }
}

void ClassBarChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paintChart(p, size());
}

QString ClassBarChart::csv() const
{
    QString out = QStringLiteral("class");
    for (const BarSeries &s : m_series)
        out += QLatin1Char(',') + csvField(s.name);
    out += QLatin1Char('\n');
    for (int c = 0; c < m_classes.size(); ++c) {
        out += csvField(m_classes[c]);
        for (const BarSeries &s : m_series) {
            const double v = s.values[std::size_t(c)];
            out += QLatin1Char(',') + (std::isnan(v) ? QString() : QString::number(v, 'g', 8));
        }
        out += QLatin1Char('\n');
    }
    return out;
}

ExportablePicture ClassBarChart::picture()
{
    ExportablePicture p;
    p.name = QStringLiteral("per-class");
    p.title = tr("Per-class metrics");
    p.size = [this] {
        const int w = std::max(560, width());
        return m_classes.isEmpty() ? QSize() : QSize(w, heightForWidth(w));
    };
    p.paint = [this](QPaintDevice &device, const QSize &size) {
        QPainter painter(&device);
        paintChart(painter, size);
    };
    p.csv = [this] { return csv(); };
    return p;
}

} // namespace kiln
