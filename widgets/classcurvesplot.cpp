#include "classcurvesplot.h"

#include "plotstyle.h"
#include "qcustomplot_include.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace kiln {

namespace {

QString number(double v, int digits = 3) { return std::isfinite(v) ? QLocale().toString(v, 'f', digits) : QStringLiteral("–"); }

} // namespace

ClassCurvesPlot::ClassCurvesPlot(QWidget *parent)
    : QWidget(parent)
    , m_class(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_plot(new QCustomPlot(this))
    , m_summary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Class:"), this));
    top->addWidget(m_class, 1);
    top->addWidget(m_kind);
    top->addWidget(makeExportButton(picture(), this));
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_summary);
    m_summary->setWordWrap(true);
    m_kind->addItem(tr("Precision-recall"));
    m_kind->addItem(tr("ROC"));
    m_curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_curve->setPen(QPen(QColor(25, 90, 200), 2));
    m_chance = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    m_chance->setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1.02);
    styleForDesktop(m_plot);
    m_plot->setMouseTracking(true);
    connect(m_class, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent *event) {
        const QString text = textAt(event->position());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
    });
    clear();
}

void ClassCurvesPlot::clear()
{
    m_classes.clear();
    m_probs.clear();
    m_labels.clear();
    m_class->clear();
    m_curves = {};
    m_curve->data()->clear();
    m_chance->data()->clear();
    m_summary->setText(tr("Interpret a run to see each class's precision-recall and ROC curves."));
    m_plot->replot();
}

void ClassCurvesPlot::setData(const QStringList &classes, std::vector<float> probs, std::vector<int> labels)
{
    const int keep = m_class->currentIndex();
    m_probs = std::move(probs);
    m_labels = std::move(labels);
    if (classes != m_classes) {
        m_classes = classes;
        const QSignalBlocker block(m_class);
        m_class->clear();
        m_class->addItems(classes);
        m_class->setCurrentIndex(keep >= 0 && keep < classes.size() ? keep : 0);
    }
    recompute();
}

void ClassCurvesPlot::recompute()
{
    const int c = m_class->currentIndex();
    if (c < 0 || m_classes.isEmpty()) {
        m_curve->data()->clear();
        m_plot->replot();
        return;
    }
    m_curves = classCurves(m_probs, std::size_t(m_classes.size()), m_labels, c);
    const bool pr = m_kind->currentIndex() == 0;
    const auto &points = pr ? m_curves.pr : m_curves.roc;
    QVector<double> x, y;
    for (const auto &p : points) {
        x << p.x;
        y << p.y;
    }
    m_curve->setData(x, y);
    const double base = m_curves.positives + m_curves.negatives > 0
                            ? double(m_curves.positives) / double(m_curves.positives + m_curves.negatives)
                            : 0;
    m_chance->setData(QVector<double>{0, 1}, pr ? QVector<double>{base, base} : QVector<double>{0, 1});
    m_plot->xAxis->setLabel(pr ? tr("recall") : tr("false-positive rate"));
    m_plot->yAxis->setLabel(pr ? tr("precision") : tr("true-positive rate"));
    m_summary->setText(summary());
    m_plot->replot();
}

QString ClassCurvesPlot::summary() const
{
    if (m_classes.isEmpty() || m_class->currentIndex() < 0)
        return {};
    return tr("%1: average precision %2 · ROC AUC %3 · %Ln image(s) of the class", nullptr, int(m_curves.positives))
               .arg(m_classes.value(m_class->currentIndex()), number(m_curves.averagePrecision), number(m_curves.auc))
           + tr(" among %Ln", nullptr, int(m_curves.positives + m_curves.negatives));
}

QString ClassCurvesPlot::textAt(const QPointF &pixel) const
{
    const bool pr = m_kind->currentIndex() == 0;
    const auto &points = pr ? m_curves.pr : m_curves.roc;
    double best = std::numeric_limits<double>::infinity();
    const CurvePoint *nearest = nullptr;
    for (const auto &p : points) {
        if (!std::isfinite(p.threshold))
            continue;
        const double dx = m_plot->xAxis->coordToPixel(p.x) - pixel.x(), dy = m_plot->yAxis->coordToPixel(p.y) - pixel.y();
        if (dx * dx + dy * dy < best) {
            best = dx * dx + dy * dy;
            nearest = &p;
        }
    }
    if (!nearest || best > 20.0 * 20.0)
        return {};
    return pr ? tr("threshold %1: precision %2, recall %3").arg(number(nearest->threshold), number(nearest->y), number(nearest->x))
              : tr("threshold %1: true-positive rate %2, false-positive rate %3")
                    .arg(number(nearest->threshold), number(nearest->y), number(nearest->x));
}

QString ClassCurvesPlot::csv() const
{
    QString out = QStringLiteral("class,curve,threshold,x,y\n");
    for (int c = 0; c < m_classes.size(); ++c) {
        const ClassCurves curves = classCurves(m_probs, std::size_t(m_classes.size()), m_labels, c);
        const std::pair<const char *, const std::vector<CurvePoint> *> kinds[] = {{"pr", &curves.pr}, {"roc", &curves.roc}};
        for (const auto &[kind, points] : kinds)
            for (const CurvePoint &p : *points)
                out += csvField(m_classes[c]) + QLatin1Char(',') + QLatin1String(kind) + QLatin1Char(',')
                       + (std::isfinite(p.threshold) ? QString::number(p.threshold, 'g', 8) : QStringLiteral("inf")) + QLatin1Char(',')
                       + QString::number(p.x, 'g', 8) + QLatin1Char(',') + QString::number(p.y, 'g', 8) + QLatin1Char('\n');
    }
    return out;
}

ExportablePicture ClassCurvesPlot::picture()
{
    ExportablePicture p;
    p.name = QStringLiteral("class-curves");
    p.title = tr("Per-class curves");
    p.size = [this] { return m_classes.isEmpty() ? QSize() : QSize(std::max(560, m_plot->width()), std::max(420, m_plot->height())); };
    p.paint = [this](QPaintDevice &device, const QSize &size) { paintCustomPlot(m_plot, device, size); };
    p.csv = [this] { return csv(); };
    return p;
}

} // namespace kiln
