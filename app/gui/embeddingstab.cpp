#include "embeddingstab.h"

#include "backgroundjob.h"

#include "analysis/tsne.h"
#include "analysis/tsnefile.h"
#include "core/fileutil.h"
#include "core/progress.h"
#include "embeddingscatter.h"
#include "pictureexport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QUrl>
#include <QVBoxLayout>

#include <atomic>
#include <mutex>

namespace kiln {

namespace {

QString toQ(const std::string &s) { return QString::fromStdString(s); }

} // namespace

// What the t-SNE thread and the tab share: the newest layout, written by the thread and drained
// by the tab on a timer, never one signal per iteration.
struct EmbeddingsTab::Run {
    Progress progress;
    std::atomic<bool> paused{false};
    std::mutex mutex;
    std::vector<float> layout;
    int iteration = 0;
    double kl = 0;
    bool fresh = false;
};

EmbeddingsTab::EmbeddingsTab(QWidget *parent)
    : QWidget(parent)
    , m_scatter(new EmbeddingScatter(this))
    , m_button(new QPushButton(tr("Compute t-SNE"), this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_status(new QLabel(this))
    , m_legend(new QListWidget(this))
    , m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *tools = new QHBoxLayout;
    m_button->setToolTip(tr("Barnes-Hut t-SNE of the model's penultimate-layer features of the images analysed"));
    m_pause->setCheckable(true);
    m_pause->setEnabled(false);
    auto *reset = new QToolButton(this);
    reset->setText(tr("Fit"));
    reset->setToolTip(tr("Show every point (wheel zooms, right-drag pans, left-drag selects, Shift adds)"));
    tools->addWidget(m_button);
    tools->addWidget(m_pause);
    tools->addWidget(reset);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    tools->addWidget(m_status, 1);
    tools->addWidget(makeExportButton(m_scatter->picture([this] { return layoutCsv(); }), this));
    layout->addLayout(tools);
    auto *row = new QHBoxLayout;
    row->addWidget(m_scatter, 1);
    m_legend->setMaximumWidth(150);
    m_legend->setToolTip(tr("Untick a class to hide its points"));
    row->addWidget(m_legend);
    layout->addLayout(row, 1);
    auto *hint = new QLabel(tr("Coloured by actual class; ringed points are misclassified. Drag a rectangle to see those "
                               "images in the gallery."),
                            this);
    hint->setEnabled(false);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    m_timer->setInterval(40);
    connect(m_timer, &QTimer::timeout, this, &EmbeddingsTab::drain);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_run)
            stop();
        else
            Q_EMIT computeRequested();
    });
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        if (m_run)
            m_run->paused = paused;
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    });
    connect(reset, &QToolButton::clicked, m_scatter, &EmbeddingScatter::resetView);
    connect(m_scatter, &EmbeddingScatter::selectionChanged, this, [this](const std::vector<int> &points) {
        QSet<int> sources;
        for (int k : points)
            if (k >= 0 && std::size_t(k) < m_sources.size())
                sources.insert(m_sources[std::size_t(k)]);
        Q_EMIT imagesSelected(sources, !points.empty());
    });
    connect(m_scatter, &EmbeddingScatter::pointHovered, this, [this](int point, const QPoint &globalPos) {
        if (point < 0 || !m_preds || std::size_t(point) >= m_sources.size()) {
            QToolTip::hideText();
            return;
        }
        const std::size_t i = std::size_t(m_sources[std::size_t(point)]);
        const Predictions &p = m_preds->predictions;
        auto name = [&](int c) { return c >= 0 ? toQ(p.classes[std::size_t(c)]) : QStringLiteral("?"); };
        const QString file = toQ(p.files[i].string());
        QToolTip::showText(globalPos,
                           tr("<img src=\"%1\" width=\"96\" height=\"96\"><br>actual <b>%2</b>, predicted <b>%3</b><br>loss %4")
                               .arg(QUrl::fromLocalFile(file).toString(), name(p.labels[i]).toHtmlEscaped(),
                                    name(p.predicted[i]).toHtmlEscaped())
                               .arg(QLocale().toString(double(p.losses[i]), 'f', 3)),
                           m_scatter);
    });
    connect(m_legend, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        m_scatter->setClassVisible(m_legend->row(item), item->checkState() == Qt::Checked);
    });
    clear();
}

EmbeddingsTab::~EmbeddingsTab()
{
    if (m_run)
        m_run->progress.cancel = true;
}

void EmbeddingsTab::setPredictions(std::shared_ptr<RunPredictions> predictions)
{
    clear();
    m_preds = std::move(predictions);
}

void EmbeddingsTab::compute(AnalysisScope scope)
{
    if (!m_preds || m_run || m_preds->predictions.embeddings.empty())
        return;
    const Predictions &p = m_preds->predictions;
    m_sources.clear();
    std::vector<float> data;
    const std::size_t dim = std::size_t(p.embeddingDim);
    for (std::size_t i = 0; i < p.size(); ++i)
        if (m_preds->counts(i, scope)) {
            m_sources.push_back(int(i));
            data.insert(data.end(), p.embeddings.begin() + long(i * dim), p.embeddings.begin() + long((i + 1) * dim));
        }
    const std::size_t n = m_sources.size();
    QStringList classes;
    for (const auto &c : p.classes)
        classes << toQ(c);
    m_legend->blockSignals(true);
    m_legend->clear();
    for (int c = 0; c < classes.size(); ++c) {
        QPixmap swatch(12, 12);
        swatch.fill(EmbeddingScatter::classColor(c, int(classes.size())));
        auto *item = new QListWidgetItem(QIcon(swatch), classes[c], m_legend);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_legend->blockSignals(false);
    const PointFlags flags = pointFlags();
    m_scatter->setPoints(std::vector<float>(2 * n, 0.f), flags.cls, flags.wrong, classes);
    m_run = std::make_shared<Run>();
    m_pause->setChecked(false);
    m_pause->setEnabled(true);
    m_button->setText(tr("Stop"));
    m_status->setText(tr("t-SNE of %Ln image(s)…", nullptr, int(n)));
    m_timer->start();

    const auto run = m_run;
    auto work = [run, data = std::move(data), n, dim] {
        TsneOptions options;
        options.perplexity = fittingPerplexity(options.perplexity, n);
        options.reportEvery = 10;
        options.pause = &run->paused;
        options.onLayout = [run](int iteration, const std::vector<float> &layout, double kl) {
            std::lock_guard<std::mutex> lock(run->mutex);
            run->layout = layout;
            run->iteration = iteration;
            run->kl = kl;
            run->fresh = true;
        };
        return runTsne(data, n, int(dim), options, &run->progress);
    };
    runOnPool(this, std::move(work), [this, run, n](Result<TsneResult> out) {
        if (m_run != run)
            return; // stopped or replaced meanwhile
        m_timer->stop();
        drain();
        m_run.reset();
        m_pause->setEnabled(false);
        m_button->setText(tr("Compute t-SNE"));
        if (!out) {
            m_status->setText(toQ(out.message()));
            Q_EMIT finished(false, toQ(out.message()));
            return;
        }
        m_scatter->setPositions(out->layout);
        QString notKept;
        if (!m_runDir.isEmpty() && m_preds) {
            // Kept for the run's report; a folder that cannot be written only loses that, and says so.
            std::vector<std::size_t> rows(m_sources.begin(), m_sources.end());
            const auto kept = writeFileAtomic(runTsneFile(m_runDir.toStdString()), tsneCsv(*m_preds, rows, out->layout, m_base));
            if (!kept)
                notKept = tr(" · not kept for the run's report: %1").arg(toQ(kept.message()));
        }
        m_status->setText(tr("t-SNE of %1 images: KL %2, %3 s")
                              .arg(QLocale().toString(qulonglong(n)))
                              .arg(QLocale().toString(out->kl, 'f', 3))
                              .arg(QLocale().toString(out->seconds, 'f', 1))
                          + notKept);
        Q_EMIT finished(true, m_status->text());
    });
}

void EmbeddingsTab::setRunFolder(const QString &runDir, const std::filesystem::path &base)
{
    m_runDir = runDir;
    m_base = base;
}

QString EmbeddingsTab::layoutCsv() const
{
    if (!m_preds || m_sources.empty() || int(m_sources.size()) != m_scatter->pointCount())
        return {};
    std::vector<std::size_t> rows(m_sources.begin(), m_sources.end());
    return QString::fromStdString(tsneCsv(*m_preds, rows, m_scatter->positions(), {}));
}

void EmbeddingsTab::stop()
{
    if (!m_run)
        return;
    m_run->progress.cancel = true;
    m_run.reset();
    m_timer->stop();
    m_pause->setEnabled(false);
    m_button->setText(tr("Compute t-SNE"));
    m_status->setText(tr("Stopped; the layout shows where t-SNE was."));
}

void EmbeddingsTab::clear()
{
    stop();
    m_sources.clear();
    m_scatter->setPoints({}, {}, {}, {});
    m_legend->clear();
    m_status->setText(tr("Interpret a run, then compute its t-SNE here."));
}

void EmbeddingsTab::drain()
{
    if (!m_run)
        return;
    std::vector<float> layout;
    int iteration = 0;
    double kl = 0;
    {
        std::lock_guard<std::mutex> lock(m_run->mutex);
        if (!m_run->fresh)
            return;
        layout.swap(m_run->layout);
        iteration = m_run->iteration;
        kl = m_run->kl;
        m_run->fresh = false;
    }
    m_scatter->setPositions(layout);
    m_status->setText(tr("t-SNE: iteration %1 of %2, KL %3").arg(iteration).arg(TsneOptions().iterations).arg(QLocale().toString(kl, 'f', 3)));
}

EmbeddingsTab::PointFlags EmbeddingsTab::pointFlags() const
{
    const Predictions &p = m_preds->predictions;
    const std::size_t n = m_sources.size();
    PointFlags f{std::vector<int>(n), std::vector<char>(n), std::vector<char>(n)};
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = std::size_t(m_sources[k]);
        f.cls[k] = p.labels[i];
        f.wrong[k] = p.labels[i] != p.predicted[i];
        f.hidden[k] = m_preds->removed[i];
    }
    return f;
}

void EmbeddingsTab::refreshClasses()
{
    if (!m_preds || m_sources.empty() || int(m_sources.size()) != m_scatter->pointCount())
        return;
    const PointFlags flags = pointFlags();
    m_scatter->setClasses(flags.cls, flags.wrong, flags.hidden);
}

} // namespace kiln
