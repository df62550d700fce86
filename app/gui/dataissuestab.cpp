#include "dataissuestab.h"

#include "backgroundjob.h"
#include "progresspanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kiln {

namespace {

QString toQ(const std::string &s) { return QString::fromStdString(s); }

constexpr int kSliderSteps = 200; // kMinSimilarity .. 1 in steps of 0.0005
constexpr int RankedRole = Qt::UserRole + 1;  // QVector<int> of the images a row stands for
constexpr int TitleRole = Qt::UserRole + 2;

QVariant ranked(const std::vector<std::size_t> &indices)
{
    QVector<int> v;
    v.reserve(qsizetype(indices.size()));
    for (std::size_t i : indices)
        v << int(i);
    return QVariant::fromValue(v);
}

} // namespace

DataIssuesTab::DataIssuesTab(QWidget *parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_folds(new QSpinBox(this))
    , m_findButton(new QPushButton(tr("Find issues"), this))
    , m_status(new QLabel(this))
    , m_progressPanel(new ProgressPanel(this))
    , m_similarity(new QSlider(Qt::Horizontal, this))
    , m_similarityLabel(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_job(new BackgroundJob(this, m_progressPanel))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_mode->addItem(tr("Fast (embeddings)"), int(DataIssueMode::Fast));
    m_mode->addItem(tr("Thorough (retrain per fold)"), int(DataIssueMode::Thorough));
    m_mode->setToolTip(tr("Fast: a small head trained per fold on the run's frozen embeddings, seconds. "
                          "Thorough: one model per fold trained with the run's settings, minutes; a stopped search resumes."));
    m_folds->setRange(2, 20);
    m_folds->setValue(5);
    m_folds->setSuffix(tr(" folds"));
    m_folds->setToolTip(tr("Each image is judged by a model that did not train on it: the images are dealt into this many folds"));
    top->addWidget(m_mode);
    top->addWidget(m_folds);
    top->addWidget(m_findButton);
    top->addStretch(1);
    layout->addLayout(top);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("Finds labels that are likely wrong (confident learning on out-of-sample predictions), "
                         "near-duplicates and outliers in every image of the run's dataset."));
    layout->addWidget(m_status);
    layout->addWidget(m_progressPanel);
    auto *simRow = new QHBoxLayout;
    simRow->addWidget(new QLabel(tr("Duplicates at similarity:"), this));
    m_similarity->setRange(0, kSliderSteps);
    m_similarity->setValue(int(std::lround((DataIssues::kDefaultSimilarity - DataIssues::kMinSimilarity) / (1 - DataIssues::kMinSimilarity)
                                           * kSliderSteps)));
    m_similarity->setToolTip(tr("Cosine similarity of the embeddings above which two images count as the same picture "
                                "(identical files and pictures with the same hash always do)"));
    simRow->addWidget(m_similarity, 1);
    simRow->addWidget(m_similarityLabel);
    layout->addLayout(simRow);
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Issue"), tr("Label"), tr("Suggested"), tr("Score")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < 4; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setUniformRowHeights(true);
    layout->addWidget(m_tree, 1);
    auto *hint = new QLabel(tr("Click a row to see its images in the gallery; S relabels the selected ones to the suggestion."), this);
    hint->setEnabled(false);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    connect(m_findButton, &QPushButton::clicked, this, [this] {
        if (m_job->isRunning())
            m_job->cancel();
        else
            Q_EMIT findRequested();
    });
    connect(m_job, &BackgroundJob::runningChanged, this, [this](bool running) {
        m_findButton->setText(running ? tr("Stop") : tr("Find issues"));
        m_mode->setEnabled(!running);
        m_folds->setEnabled(!running);
        Q_EMIT busyChanged(running);
    });
    connect(m_similarity, &QSlider::valueChanged, this, [this] { rebuild(); });
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { showItem(item); });
    rebuild();
}

DataIssuesTab::~DataIssuesTab() = default;

bool DataIssuesTab::isBusy() const { return m_job->isRunning(); }

void DataIssuesTab::cancel() { m_job->cancel(); }

QString DataIssuesTab::statusText() const { return m_status->text(); }

float DataIssuesTab::similarity() const
{
    return DataIssues::kMinSimilarity + (1 - DataIssues::kMinSimilarity) * float(m_similarity->value()) / float(kSliderSteps);
}

void DataIssuesTab::markStale()
{
    if (m_issues && !m_stale) {
        m_stale = true;
        m_status->setText(m_status->text() + tr(" · The dataset changed since: find the issues again to update them."));
    }
}

void DataIssuesTab::find(const QString &runDir)
{
    if (runDir.isEmpty() || m_job->isRunning())
        return;
    DataIssueOptions options;
    options.mode = DataIssueMode(m_mode->currentData().toInt());
    options.folds = m_folds->value();
    m_status->setText(options.mode == DataIssueMode::Thorough ? tr("Training %1 models, one per fold…").arg(options.folds)
                                                              : tr("Finding issues…"));
    m_job->start(
        tr("Finding data issues"),
        [run = runDir.toStdString(), options](Progress &progress) { return findDataIssues(run, options, &progress); },
        [this](Result<DataIssues> out) {
            if (!out) {
                m_status->setText(toQ(out.message()));
                Q_EMIT failed(toQ(out.message()));
                return;
            }
            m_issues = std::make_shared<const DataIssues>(std::move(out).value());
            m_stale = false;
            rebuild();
            Q_EMIT found(m_issues);
        },
        tr("steps"));
}

void DataIssuesTab::rebuild()
{
    const float sim = similarity();
    m_similarityLabel->setText(QLocale().toString(double(sim), 'f', 3));
    m_tree->clear();
    if (!m_issues)
        return;
    const DataIssues &d = *m_issues;
    const Predictions &p = d.predictions.predictions;
    auto name = [&](int c) { return c >= 0 && std::size_t(c) < p.classes.size() ? toQ(p.classes[std::size_t(c)]) : QStringLiteral("?"); };
    auto imageItem = [&](QTreeWidgetItem *parent, std::size_t i) {
        // The file's name, its path in the tooltip (the panel is narrow; the folder is the class).
        auto *item = new QTreeWidgetItem(parent, {toQ(d.predictions.predictions.files[i].filename().string()), name(p.labels[i])});
        item->setToolTip(0, toQ(d.relativePath(i)));
        item->setData(0, RankedRole, ranked({i}));
        item->setData(0, TitleRole, toQ(d.relativePath(i)));
        return item;
    };

    std::vector<std::size_t> labelRows;
    for (const auto &issue : d.labelIssues.issues)
        labelRows.push_back(issue.index);
    auto *labels = new QTreeWidgetItem(m_tree, {tr("Label issues: %Ln flagged", nullptr, int(labelRows.size()))
                                                + tr(" (estimated errors: %1)").arg(d.labelIssues.estimatedTotal())});
    labels->setData(0, RankedRole, ranked(labelRows));
    labels->setData(0, TitleRole, tr("Likely label errors, least confident first"));
    for (const auto &issue : d.labelIssues.issues) {
        auto *item = imageItem(labels, issue.index);
        item->setText(2, name(issue.suggested));
        item->setText(3, QLocale().toString(issue.score, 'f', 3));
    }

    const auto groups = d.duplicateGroups(sim);
    std::vector<std::size_t> dupRows;
    int mixed = 0;
    for (const auto &g : groups) {
        dupRows.insert(dupRows.end(), g.members.begin(), g.members.end());
        mixed += g.mixedLabels;
    }
    auto *dups = new QTreeWidgetItem(m_tree, {tr("Duplicate groups: %Ln", nullptr, int(groups.size()))
                                              + tr(" (%Ln with different labels)", nullptr, mixed)});
    dups->setData(0, RankedRole, ranked(dupRows));
    dups->setData(0, TitleRole, tr("Duplicates, group by group"));
    for (const auto &g : groups) {
        QStringList labelNames;
        for (std::size_t m : g.members)
            if (!labelNames.contains(name(p.labels[m])))
                labelNames << name(p.labels[m]);
        const QString reason = g.reason == "same file" ? tr("same file") : g.reason == "same picture" ? tr("same picture") : tr("similar embeddings");
        const QString text = g.mixedLabels ? tr("%1, labelled %2: %Ln images", nullptr, int(g.members.size())).arg(reason, labelNames.join(tr(" and ")))
                                           : tr("%1: %Ln images", nullptr, int(g.members.size())).arg(reason);
        auto *group = new QTreeWidgetItem(dups, {text, labelNames.join(QStringLiteral(", "))});
        group->setData(0, RankedRole, ranked(g.members));
        group->setData(0, TitleRole, text);
        if (g.mixedLabels)
            group->setForeground(0, palette().brush(QPalette::Highlight));
        for (std::size_t m : g.members)
            imageItem(group, m);
    }

    const auto outliers = d.outliers();
    auto *out = new QTreeWidgetItem(m_tree, {tr("Outliers: %Ln", nullptr, int(outliers.size()))});
    out->setData(0, RankedRole, ranked(outliers));
    out->setData(0, TitleRole, tr("Outliers, farthest first"));
    for (std::size_t i : outliers)
        imageItem(out, i)->setText(3, QLocale().toString(double(d.outlierScores[i]), 'f', 3));

    QString text = tr("%Ln label issue(s)", nullptr, int(labelRows.size())) + tr(", %Ln duplicate group(s)", nullptr, int(groups.size()))
                   + tr(", %Ln outlier(s)", nullptr, int(outliers.size()))
                   + tr(" in %Ln image(s)", nullptr, int(p.size()));
    text += d.fromCache ? tr(" · saved search") : tr(" · %1 s").arg(QLocale().toString(d.seconds, 'f', 1));
    if (m_stale)
        text += tr(" · The dataset changed since: find the issues again to update them.");
    m_status->setText(text);
    labels->setExpanded(true);
}

void DataIssuesTab::showItem(QTreeWidgetItem *item)
{
    if (!item)
        return;
    Q_EMIT imagesChosen(item->data(0, RankedRole).value<QVector<int>>(), item->data(0, TitleRole).toString());
}

} // namespace kiln
