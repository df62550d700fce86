#include "confusionmatrixview.h"

#include "confusionmatrixmodel.h"

#include <QCoreApplication>
#include <QLocale>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace kiln {

namespace {

constexpr int kTitle = 20;  // room for the axis titles
constexpr int kMargin = 8;

// matplotlib's "Blues", the colour map fastai's plot_confusion_matrix uses.
QColor blues(double v)
{
    static const QColor stops[] = {{247, 251, 255}, {222, 235, 247}, {198, 219, 239}, {158, 202, 225}, {107, 174, 214},
                                   {66, 146, 198},  {33, 113, 181},  {8, 81, 156},    {8, 48, 107}};
    v = std::clamp(v, 0.0, 1.0) * 8.0;
    const int i = std::min(int(v), 7);
    const double t = v - i;
    const QColor &a = stops[i], &b = stops[i + 1];
    return QColor(int(a.red() + t * (b.red() - a.red())), int(a.green() + t * (b.green() - a.green())),
                  int(a.blue() + t * (b.blue() - a.blue())));
}

} // namespace

class ConfusionMatrixCanvas : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(kiln::ConfusionMatrixCanvas)

public:
    explicit ConfusionMatrixCanvas(ConfusionMatrixView *view)
        : QWidget(view)
        , m_view(view)
    {
        setMouseTracking(true);
    }

    QPoint cellAt(const QPoint &p) const
    {
        const auto *m = m_view->m_model;
        const int n = m ? m->rowCount() : 0;
        const int s = m_view->m_cell;
        const int col = (p.x() - m_view->m_left) >= 0 ? (p.x() - m_view->m_left) / s : -1;
        const int row = (p.y() - m_view->m_top) >= 0 ? (p.y() - m_view->m_top) / s : -1;
        if (row < 0 || col < 0 || row >= n || col >= n)
            return {-1, -1};
        return {col, row};
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QPainter p(this);
        p.fillRect(event->rect(), palette().base());
        const auto *m = m_view->m_model;
        if (!m || m->rowCount() == 0)
            return;
        const int n = m->rowCount(), s = m_view->m_cell, L = m_view->m_left, T = m_view->m_top;
        const double maxCount = double(std::max<std::size_t>(m->maxCount(), 1));
        QFont small = font();
        small.setPointSizeF(std::max(6.0, std::min(font().pointSizeF(), s / 4.0)));
        QFont big = small;
        big.setBold(true);
        const QRect visible = event->rect();
        const int r0 = std::max(0, (visible.top() - T) / s), r1 = std::min(n - 1, (visible.bottom() - T) / s);
        const int c0 = std::max(0, (visible.left() - L) / s), c1 = std::min(n - 1, (visible.right() - L) / s);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) {
                const QModelIndex idx = m->index(r, c);
                const double count = idx.data(ConfusionMatrixModel::CountRole).toDouble();
                const double frac = idx.data(ConfusionMatrixModel::FractionRole).toDouble();
                const double v = m_view->m_normalized ? frac : count / maxCount;
                const QRect cell(L + c * s, T + r * s, s, s);
                p.fillRect(cell, blues(v));
                if (s >= 22) {
                    p.setPen(v > 0.55 ? Qt::white : QColor(30, 30, 30));
                    const QLocale locale;
                    const QString countText = locale.toString(qulonglong(count));
                    const QString pct = locale.toString(100.0 * frac, 'f', frac >= 0.1 || frac == 0 ? 0 : 1) + locale.percent();
                    if (s >= 40) {
                        p.setFont(big);
                        p.drawText(cell.adjusted(1, 1, -1, -s / 2 + 4), Qt::AlignHCenter | Qt::AlignBottom,
                                   m_view->m_normalized ? pct : countText);
                        p.setFont(small);
                        p.drawText(cell.adjusted(1, s / 2 + 2, -1, -1), Qt::AlignHCenter | Qt::AlignTop,
                                   m_view->m_normalized ? countText : pct);
                    } else {
                        p.setFont(small);
                        p.drawText(cell, Qt::AlignCenter, m_view->m_normalized ? pct : countText);
                    }
                }
            }
        p.setPen(QPen(palette().mid().color(), 1));
        p.drawRect(L, T, n * s, n * s);
        if (m_view->m_selected.x() >= 0) {
            p.setPen(QPen(QColor(230, 120, 0), 3));
            p.drawRect(L + m_view->m_selected.y() * s + 1, T + m_view->m_selected.x() * s + 1, s - 2, s - 2);
        }
        // Class names: rows on the left, columns on top (turned), elided to the margins.
        p.setFont(font());
        p.setPen(palette().text().color());
        const QFontMetrics fm(font());
        const bool everyLabel = s >= fm.height() - 2;
        const int step = everyLabel ? 1 : int(std::ceil(double(fm.height()) / s));
        for (int i = 0; i < n; i += step) {
            const QString name = m->headerData(i, Qt::Vertical).toString();
            const QString rowText = fm.elidedText(name, Qt::ElideRight, L - kTitle - kMargin);
            p.drawText(QRect(kTitle, T + i * s, L - kTitle - 4, s), Qt::AlignRight | Qt::AlignVCenter, rowText);
            p.save();
            p.translate(L + i * s + s / 2 + fm.ascent() / 2 - 1, T - 4);
            p.rotate(-90);
            p.drawText(0, 0, fm.elidedText(name, Qt::ElideRight, T - kTitle - kMargin));
            p.restore();
        }
        QFont title = font();
        title.setBold(true);
        p.setFont(title);
        p.drawText(QRect(L, 0, n * s, kTitle), Qt::AlignCenter, tr("Predicted"));
        p.save();
        p.translate(0, T + n * s / 2);
        p.rotate(-90);
        p.drawText(QRect(-60, 0, 120, kTitle), Qt::AlignCenter, tr("Actual"));
        p.restore();
    }

    bool event(QEvent *e) override
    {
        if (e->type() == QEvent::ToolTip) {
            auto *help = static_cast<QHelpEvent *>(e);
            const QPoint cell = cellAt(help->pos());
            if (cell.x() >= 0 && m_view->m_model)
                QToolTip::showText(help->globalPos(), m_view->m_model->index(cell.y(), cell.x()).data(Qt::ToolTipRole).toString(), this);
            else
                QToolTip::hideText();
            return true;
        }
        return QWidget::event(e);
    }

    void mouseMoveEvent(QMouseEvent *e) override
    {
        setCursor(cellAt(e->position().toPoint()).x() >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
    }

    void mousePressEvent(QMouseEvent *e) override
    {
        const QPoint cell = cellAt(e->position().toPoint());
        if (e->button() == Qt::LeftButton && cell.x() >= 0) {
            m_view->setSelectedCell(cell.y(), cell.x());
            Q_EMIT m_view->cellClicked(cell.y(), cell.x());
        }
    }

    void wheelEvent(QWheelEvent *e) override
    {
        if (e->modifiers() & Qt::ControlModifier) {
            if (e->angleDelta().y() > 0)
                m_view->zoomIn();
            else if (e->angleDelta().y() < 0)
                m_view->zoomOut();
            e->accept();
            return;
        }
        QWidget::wheelEvent(e);
    }

private:
    ConfusionMatrixView *m_view;
};

ConfusionMatrixView::ConfusionMatrixView(QWidget *parent)
    : QScrollArea(parent)
    , m_canvas(new ConfusionMatrixCanvas(this))
{
    setWidget(m_canvas);
    setWidgetResizable(false);
    setAlignment(Qt::AlignCenter);
    setBackgroundRole(QPalette::Base);
}

void ConfusionMatrixView::setModel(ConfusionMatrixModel *model)
{
    m_model = model;
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_selected = {-1, -1};
        relayout();
    });
    relayout();
}

void ConfusionMatrixView::setNormalized(bool normalized)
{
    m_normalized = normalized;
    m_canvas->update();
}

void ConfusionMatrixView::setCellSize(int side)
{
    m_fit = false;
    m_cell = std::clamp(side, 6, 160);
    relayout();
}

void ConfusionMatrixView::zoomIn() { setCellSize(int(std::ceil(m_cell * 1.25))); }
void ConfusionMatrixView::zoomOut() { setCellSize(int(std::floor(m_cell / 1.25))); }

void ConfusionMatrixView::fitToWindow()
{
    m_fit = true;
    relayout();
}

int ConfusionMatrixView::fittedCell() const
{
    const int n = m_model ? std::max(1, m_model->rowCount()) : 1;
    const QSize room = viewport()->size() - QSize(m_left + kMargin, m_top + kMargin);
    return std::clamp(std::min(room.width(), room.height()) / n, 8, 96);
}

void ConfusionMatrixView::relayout()
{
    const QFontMetrics fm(font());
    int widest = 0;
    const int n = m_model ? m_model->rowCount() : 0;
    for (int i = 0; i < n; ++i)
        widest = std::max(widest, fm.horizontalAdvance(m_model->headerData(i, Qt::Vertical).toString()));
    m_left = m_top = kTitle + kMargin + std::min(widest + fm.averageCharWidth(), 150);
    if (m_fit)
        m_cell = fittedCell();
    m_canvas->resize(m_left + n * m_cell + kMargin, m_top + n * m_cell + kMargin);
    m_canvas->update();
}

void ConfusionMatrixView::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    if (m_fit)
        relayout();
}

QPoint ConfusionMatrixView::cellAt(const QPoint &viewportPos) const
{
    const QPoint cell = m_canvas->cellAt(m_canvas->mapFrom(viewport(), viewportPos));
    return cell.x() < 0 ? QPoint(-1, -1) : QPoint(cell.y(), cell.x()); // (actual, predicted)
}

QPoint ConfusionMatrixView::cellCenter(int actual, int predicted) const
{
    return m_canvas->mapTo(viewport(), QPoint(m_left + predicted * m_cell + m_cell / 2, m_top + actual * m_cell + m_cell / 2));
}

void ConfusionMatrixView::setSelectedCell(int actual, int predicted)
{
    m_selected = {actual, predicted};
    m_canvas->update();
}

} // namespace kiln
