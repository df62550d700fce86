#include "plotstyle.h"

#include "qcustomplot_include.h"

#include <QEvent>
#include <QLocale>

namespace kiln {

namespace {

void paint(QCustomPlot *plot)
{
    const QPalette &pal = plot->palette();
    const QColor text = pal.color(QPalette::Text), base = pal.color(QPalette::Base);
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(110);
    plot->setBackground(base);
    const auto rects = plot->axisRects();
    for (QCPAxisRect *rect : rects) {
        rect->setBackground(Qt::NoBrush);
        for (QCPAxis *axis : rect->axes()) {
            axis->setBasePen(QPen(text, 1));
            axis->setTickPen(QPen(text, 1));
            axis->setSubTickPen(QPen(text, 1));
            axis->setLabelColor(text);
            axis->setTickLabelColor(text);
            axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
            axis->grid()->setZeroLinePen(QPen(grid, 1));
        }
    }
    plot->legend->setBrush(base);
    plot->legend->setTextColor(text);
    if (plot->legend->borderPen().style() != Qt::NoPen)
        plot->legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (QCPAbstractLegendItem *item = plot->legend->item(i))
            item->setTextColor(text);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

class PaletteFollower : public QObject {
public:
    explicit PaletteFollower(QCustomPlot *plot)
        : QObject(plot)
    {
        plot->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::PaletteChange)
            paint(static_cast<QCustomPlot *>(watched));
        return false;
    }
};

} // namespace

void styleForDesktop(QCustomPlot *plot)
{
    plot->setLocale(QLocale());
    paint(plot);
    new PaletteFollower(plot);
}

} // namespace kiln
