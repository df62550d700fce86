#include "analyzepage.h"

#include "classbarchart.h"
#include "classcomparepanel.h"
#include "runcompareview.h"

#include "classmetricsmodel.h"
#include "classcurvesplot.h"
#include "cleaneractions.h"
#include "confusionmatrixmodel.h"
#include "confusionmatrixview.h"
#include "dataissuestab.h"
#include "embeddingstab.h"
#include "backgroundjob.h"
#include "runlistmodel.h"
#include "sortedtable.h"
#include "data/datasetedits.h"
#include "core/progress.h"
#include "data/project.h"
#include "galleryview.h"
#include "lossgallerydelegate.h"
#include "lossitemmodel.h"
#include "mostconfusedmodel.h"
#include "progresspanel.h"
#include "reportbutton.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace fs = std::filesystem;

namespace kiln {

namespace {

QString toQ(const std::string &s) { return QString::fromStdString(s); }

} // namespace

AnalyzePage::AnalyzePage(QWidget *parent)
    : QWidget(parent)
    , m_runCombo(new QComboBox(this))
    , m_splitCombo(new QComboBox(this))
    , m_interpretButton(new QPushButton(tr("Interpret"), this))
    , m_summary(new QLabel(this))
    , m_progressPanel(new ProgressPanel(this))
    , m_tabs(new QTabWidget(this))
    , m_matrix(new ConfusionMatrixModel(this))
    , m_matrixView(new ConfusionMatrixView(this))
    , m_normalize(new QCheckBox(tr("Normalise rows"), this))
    , m_confused(new MostConfusedModel(this))
    , m_metrics(new ClassMetricsModel(this))
    , m_losses(new LossItemModel(this))
    , m_lossFilter(new LossFilterModel(this))
    , m_gallery(new GalleryView(this))
    , m_galleryTitle(new QLabel(this))
    , m_actualFilter(new QComboBox(this))
    , m_predictedFilter(new QComboBox(this))
    , m_mistakesOnly(new QCheckBox(tr("Mistakes only"), this))
    , m_decisionSummary(new QLabel(this))
    , m_applyButton(new QPushButton(tr("Apply"), this))
    , m_undoButton(new QPushButton(tr("Undo"), this))
    , m_redoButton(new QPushButton(tr("Redo"), this))
    , m_retrainButton(new QPushButton(tr("Retrain…"), this))
    , m_undoAction(new QAction(tr("Undo"), this))
    , m_redoAction(new QAction(tr("Redo"), this))
    , m_embeddings(new EmbeddingsTab(this))
    , m_dataIssues(new DataIssuesTab(this))
    , m_runs(new RunListModel(this))
    , m_runChoices(new RunChoiceModel(this))
    , m_predictJob(new BackgroundJob(this, m_progressPanel))
    , m_editJob(new BackgroundJob(this))
{
    m_runChoices->setSourceModel(m_runs);
    m_runCombo->setModel(m_runChoices);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_runs, signal, this, &AnalyzePage::updateEditButtons);
    buildUi();
    updateEditButtons();
    for (BackgroundJob *job : {m_predictJob, m_editJob})
        connect(job, &BackgroundJob::runningChanged, this, &AnalyzePage::updateEditButtons);
}

AnalyzePage::~AnalyzePage() = default;

bool AnalyzePage::isBusy() const
{
    return m_predictJob->isRunning() || m_editJob->isRunning() || m_dataIssues->isBusy() || m_classCompare->isBusy();
}

void AnalyzePage::setRunModel(RunListModel *runs)
{
    if (m_runs->parent() == this)
        m_runs->deleteLater();
    m_runs = runs;
    m_runChoices->setSourceModel(runs);
    m_compare->setRunModel(runs);
    m_classCompare->setRunModel(runs);
    connect(runs, &QAbstractItemModel::rowsInserted, this, &AnalyzePage::updateEditButtons);
    connect(runs, &QAbstractItemModel::rowsRemoved, this, &AnalyzePage::updateEditButtons);
}

QString AnalyzePage::currentRun() const
{
    return m_runCombo->currentData(RunListModel::DirRole).toString();
}

void AnalyzePage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Run:"), this));
    m_runCombo->setMinimumWidth(280);
    m_runCombo->setToolTip(tr("The trained run to interpret"));
    top->addWidget(m_runCombo);
    top->addWidget(new QLabel(tr("Split:"), this));
    m_splitCombo->addItem(tr("Validation"), int(AnalysisScope::Valid));
    m_splitCombo->addItem(tr("Training"), int(AnalysisScope::Train));
    m_splitCombo->addItem(tr("Both"), int(AnalysisScope::Both));
    m_splitCombo->setToolTip(tr("Which images to predict and analyse"));
    top->addWidget(m_splitCombo);
    top->addWidget(m_interpretButton);
    top->addWidget(m_summary, 1);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true); // long in some languages: wraps rather than widening the window
    layout->addLayout(top);
    layout->addWidget(m_progressPanel);

    // Left: the matrix and the tables.
    auto *matrixPage = new QWidget(this);
    auto *ml = new QVBoxLayout(matrixPage);
    ml->setContentsMargins(0, 0, 0, 0);
    auto *mtools = new QHBoxLayout;
    m_normalize->setChecked(true);
    m_normalize->setToolTip(tr("Colour each row by its share of the class (recall on the diagonal) instead of by count"));
    mtools->addWidget(m_normalize);
    mtools->addStretch(1);
    for (auto [text, tip, slot] : {std::tuple{QStringLiteral("−"), tr("Zoom out (Ctrl+wheel)"), &ConfusionMatrixView::zoomOut},
                                   std::tuple{QStringLiteral("+"), tr("Zoom in (Ctrl+wheel)"), &ConfusionMatrixView::zoomIn},
                                   std::tuple{tr("Fit"), tr("Fit the matrix to the window"), &ConfusionMatrixView::fitToWindow}}) {
        auto *b = new QToolButton(matrixPage);
        b->setText(text);
        b->setToolTip(tip);
        connect(b, &QToolButton::clicked, m_matrixView, slot);
        mtools->addWidget(b);
    }
    mtools->addWidget(makeExportButton(matrixPicture(), matrixPage));
    ml->addLayout(mtools);
    m_matrixView->setModel(m_matrix);
    ml->addWidget(m_matrixView, 1);
    auto *hint = new QLabel(tr("Click a cell to see its images, sorted by loss."), matrixPage);
    hint->setEnabled(false);
    ml->addWidget(hint);
    m_tabs->addTab(matrixPage, tr("Confusion matrix"));
    m_confusedTable = makeSortedTable(m_confused, MostConfusedModel::SortRole, MostConfusedModel::CountColumn, Qt::DescendingOrder, this);
    m_tabs->addTab(m_confusedTable, tr("Most confused"));
    m_tabs->addTab(buildPerClassTab(), tr("Per class"));
    m_tabs->addTab(m_embeddings, tr("Embeddings"));
    m_tabs->addTab(m_dataIssues, tr("Data issues"));
    m_curves = new ClassCurvesPlot(this);
    m_tabs->addTab(m_curves, tr("Curves"));
    buildCompareTabs();

    // Right: the gallery of losses and the cleaner.
    auto *right = new QWidget(this);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    auto *titleRow = new QHBoxLayout;
    QFont tf = m_galleryTitle->font();
    tf.setBold(true);
    m_galleryTitle->setFont(tf);
    titleRow->addWidget(m_galleryTitle, 1);
    auto *showAll = new QPushButton(tr("Show all"), right);
    showAll->setToolTip(tr("Every image of the split, largest loss first"));
    titleRow->addWidget(showAll);
    titleRow->addWidget(makeExportButton(galleryPicture(), right, tr("Export images")));
    rl->addLayout(titleRow);
    auto *filters = new QHBoxLayout;
    for (auto *combo : {m_actualFilter, m_predictedFilter}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumContentsLength(10);
    }
    filters->addWidget(new QLabel(tr("Actual:"), right));
    filters->addWidget(m_actualFilter);
    filters->addWidget(new QLabel(tr("Predicted:"), right));
    filters->addWidget(m_predictedFilter);
    filters->addWidget(m_mistakesOnly);
    filters->addStretch(1);
    rl->addLayout(filters);
    auto *legend = new QLabel(tr("Under each image: predicted / actual, then loss / p(predicted) / p(actual). "
                                 "Mark with K (keep), Del (delete), R (relabel), then Apply."),
                              right);
    legend->setEnabled(false);
    legend->setWordWrap(true);
    rl->addWidget(legend);
    m_lossFilter->setSourceModel(m_losses);
    m_lossFilter->sort(0);
    auto *delegate = new LossGalleryDelegate(m_gallery);
    m_gallery->setItemDelegate(delegate);
    m_gallery->setGridSize(delegate->cellSize(m_gallery->fontMetrics()));
    m_gallery->setModel(m_lossFilter);
    m_gallery->setToolTip(tr("K keep · Delete or D delete · R relabel · S relabel to the suggestion · U clear the choice · "
                             "right-click for every class"));
    rl->addWidget(m_gallery, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_decisionSummary, 1);
    m_applyButton->setToolTip(tr("Move the images marked delete to the trash and the ones marked relabel to their new class"));
    m_undoButton->setToolTip(tr("Undo the last edit of the dataset (Ctrl+Z)"));
    m_redoButton->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    m_retrainButton->setToolTip(tr("Train a new run with this run's configuration on the cleaned data"));
    m_report = new ReportButton(this);
    for (QPushButton *b : {m_applyButton, m_undoButton, m_redoButton, m_retrainButton, static_cast<QPushButton *>(m_report)})
        actions->addWidget(b);
    rl->addLayout(actions);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tabs);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    // Shortcuts live on the page, so Ctrl+Z here never undoes something on another page.
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    for (QAction *a : {m_undoAction, m_redoAction}) {
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(a);
    }
    m_cleaner = new CleanerActions(m_gallery, m_lossFilter, m_losses, this);

    connect(m_interpretButton, &QPushButton::clicked, this, &AnalyzePage::interpret);
    connect(m_runCombo, &QComboBox::activated, this, [this] { interpret(); });
    connect(m_runCombo, &QComboBox::currentIndexChanged, this, &AnalyzePage::updateEditButtons);
    connect(m_splitCombo, &QComboBox::activated, this, [this] { interpret(); });
    connect(m_normalize, &QCheckBox::toggled, m_matrixView, &ConfusionMatrixView::setNormalized);
    connect(m_matrixView, &ConfusionMatrixView::cellClicked, this, &AnalyzePage::showCell);
    connect(showAll, &QPushButton::clicked, this, [this] { showCell(-1, -1); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int) {
        if (m_tabs->currentWidget() == m_embeddings && m_preds && !m_embeddings->hasLayout() && !m_embeddings->isComputing())
            computeEmbeddings();
    });
    connect(m_embeddings, &EmbeddingsTab::computeRequested, this, &AnalyzePage::computeEmbeddings);
    connect(m_embeddings, &EmbeddingsTab::imagesSelected, this, &AnalyzePage::showImages);
    connect(m_embeddings, &EmbeddingsTab::finished, this, &AnalyzePage::embeddingsFinished);
    connect(m_dataIssues, &DataIssuesTab::findRequested, this, [this] {
        if (!isBusy()) // not while files move or predictions run
            m_dataIssues->find(currentRun());
    });
    connect(m_dataIssues, &DataIssuesTab::busyChanged, this, &AnalyzePage::updateEditButtons);
    connect(m_dataIssues, &DataIssuesTab::found, this, &AnalyzePage::adoptIssues);
    connect(m_dataIssues, &DataIssuesTab::imagesChosen, this, &AnalyzePage::showRanked);
    connect(m_confusedTable, &QTableView::clicked, this, [this](const QModelIndex &i) {
        showCell(i.data(MostConfusedModel::ActualIndexRole).toInt(), i.data(MostConfusedModel::PredictedIndexRole).toInt());
    });
    auto filterChanged = [this] {
        m_lossFilter->setOnlyMistakes(m_mistakesOnly->isChecked());
        followFilterBoxes();
    };
    connect(m_actualFilter, &QComboBox::activated, this, filterChanged);
    connect(m_predictedFilter, &QComboBox::activated, this, filterChanged);
    connect(m_mistakesOnly, &QCheckBox::toggled, this, filterChanged);
    connect(m_losses, &LossItemModel::decisionsChanged, this, &AnalyzePage::updateEditButtons);
    connect(m_applyButton, &QPushButton::clicked, this, &AnalyzePage::applyDecisions);
    connect(m_undoButton, &QPushButton::clicked, this, &AnalyzePage::undo);
    connect(m_redoButton, &QPushButton::clicked, this, &AnalyzePage::redo);
    connect(m_undoAction, &QAction::triggered, this, &AnalyzePage::undo);
    connect(m_redoAction, &QAction::triggered, this, &AnalyzePage::redo);
    connect(m_retrainButton, &QPushButton::clicked, this, [this] {
        if (!currentRun().isEmpty())
            Q_EMIT retrainRequested(currentRun());
    });
    m_summary->setText(tr("Train a model, then interpret its run here."));
    updateGalleryTitle();
}

void AnalyzePage::setProject(const fs::path &root)
{
    const bool sameProject = root == m_root;
    m_root = root;
    if (m_runs->dataset() != root)
        m_runs->setDataset(root);
    if (!sameProject) {
        usePredictions(nullptr);
        m_predsRun.clear();
        m_losses->setItems({}, {});
        m_losses->clearAllDecisions();
        const Interpretation none({}, {}, {});
        m_matrix->setInterpretation(none);
        m_confused->setInterpretation(none);
        m_metrics->setInterpretation(none);
        m_classChart->clear();
        m_classCompare->clear();
        m_summary->setText(m_runCombo->count() ? tr("Choose a run and press Interpret.")
                                               : tr("No runs yet: train a model on the Train page first."));
    }
    if (auto journal = EditJournal::open(root)) {
        m_canUndo = journal->canUndo();
        m_canRedo = journal->canRedo();
        m_undoText = toQ(journal->undoText());
        m_redoText = toQ(journal->redoText());
    }
    updateEditButtons();
}

void AnalyzePage::selectRun(const QString &runDir)
{
    m_runs->refresh();
    if (const int row = m_runs->rowOf(runDir); row >= 0)
        m_runCombo->setCurrentIndex(row);
}

AnalysisScope AnalyzePage::scope() const
{
    return AnalysisScope(m_splitCombo->currentData().toInt());
}

void AnalyzePage::interpret()
{
    const QString runDir = currentRun();
    if (runDir.isEmpty() || isBusy())
        return;
    auto info = readRunInfo(runDir.toStdString());
    if (!info) {
        m_summary->setText(toQ(info.message()));
        Q_EMIT interpreted(false, toQ(info.message()));
        return;
    }
    m_summary->setText(tr("Predicting…"));
    const AnalysisScope sc = scope();
    m_predictJob->start(
        tr("Predicting"), [info = info.value(), sc](Progress &progress) { return predictRun(info, sc, {}, &progress); },
        [this, runDir, datasetDir = info->datasetDir](Result<RunPredictions> out) {
            if (!out) {
                m_summary->setText(toQ(out.message()));
                Q_EMIT interpreted(false, toQ(out.message()));
                return;
            }
            if (m_predsRun != runDir)
                m_losses->clearAllDecisions();
            usePredictions(std::make_shared<RunPredictions>(std::move(out).value()));
            m_predsRun = runDir;
            m_imagesRoot = locateDataset(datasetDir).imagesRoot;
            m_embeddings->setRunFolder(runDir, locateDataset(datasetDir).home);
            refreshViews();
            Q_EMIT interpreted(true, summaryText());
        });
}

QString AnalyzePage::summaryText() const
{
    return m_summary->text();
}

void AnalyzePage::refreshViews()
{
    if (!m_preds)
        return;
    const AnalysisScope sc = scope();
    const Interpretation in = m_preds->interpretation(sc);
    m_matrix->setInterpretation(in);
    m_confused->setInterpretation(in);
    m_metrics->setInterpretation(in);
    showPerClass(in);
    std::vector<int> counted(m_preds->predictions.size(), -1); // the curves of the images in scope
    for (std::size_t i = 0; i < counted.size(); ++i)
        if (m_preds->counts(i, sc))
            counted[i] = m_preds->predictions.labels[i];

    QStringList classes;
    for (const auto &c : in.classes())
        classes << toQ(c);
    m_curves->setData(classes, m_preds->predictions.probs, std::move(counted));
    const Predictions &p = m_preds->predictions;
    std::vector<LossItem> items;
    items.reserve(p.size());
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!m_preds->counts(i, sc))
            continue;
        LossItem it;
        it.path = toQ(p.files[i].string());
        it.actual = p.labels[i];
        it.predicted = p.predicted[i];
        it.loss = p.losses[i];
        it.pPredicted = p.prob(i, p.predicted[i]);
        it.pActual = p.probActual(i);
        it.valid = m_preds->splits[i] == Split::Valid;
        it.source = int(i);
        items.push_back(it);
    }
    m_losses->setItems(classes, std::move(items));
    m_losses->setSuggestions(m_suggestions);
    m_lossFilter->sort(0);

    const int actual = m_actualFilter->count() ? m_actualFilter->currentData().toInt() : -1;
    const int predicted = m_predictedFilter->count() ? m_predictedFilter->currentData().toInt() : -1;
    for (auto *combo : {m_actualFilter, m_predictedFilter}) {
        combo->clear();
        combo->addItem(tr("Any class"), -1);
        for (int c = 0; c < classes.size(); ++c)
            combo->addItem(classes[c], c);
    }
    m_actualFilter->setCurrentIndex(std::max(0, m_actualFilter->findData(actual)));
    m_predictedFilter->setCurrentIndex(std::max(0, m_predictedFilter->findData(predicted)));
    followFilterBoxes();

    QString text = tr("Accuracy %1 (%2 of %3 images), macro F1 %4")
                       .arg(QLocale().toString(in.accuracy(), 'f', 4))
                       .arg(QLocale().toString(qulonglong(in.correct())), QLocale().toString(qulonglong(in.total())))
                       .arg(QLocale().toString(in.macroF1(), 'f', 4));
    text += m_preds->fromCache ? tr(" · saved predictions") : tr(" · predicted in %1 s").arg(QLocale().toString(m_preds->seconds, 'f', 1));
    if (!p.failures.empty())
        text += tr(" · %Ln image(s) did not decode", nullptr, int(p.failures.size()));
    m_summary->setText(text);
    m_embeddings->refreshClasses();
    updateEditButtons();
}

void AnalyzePage::setDecisionForSelection(const CleanDecision &decision)
{
    m_cleaner->setDecisionForSelection(decision);
}

void AnalyzePage::updateEditButtons()
{
    const auto pending = m_losses->pendingEdits();
    int del = 0, rel = 0;
    for (const auto &d : pending)
        (d.choice == CleanChoice::Delete ? del : rel)++;
    m_decisionSummary->setText(tr("Marked: %1 delete, %2 relabel, %3 keep").arg(del).arg(rel).arg(m_losses->keptCount()));
    const bool busy = isBusy();
    m_applyButton->setEnabled(!busy && !pending.isEmpty());
    m_undoButton->setEnabled(!busy && m_canUndo);
    m_redoButton->setEnabled(!busy && m_canRedo);
    m_undoAction->setEnabled(!busy && m_canUndo);
    m_redoAction->setEnabled(!busy && m_canRedo);
    m_undoButton->setToolTip(m_canUndo ? tr("Undo: %1 (Ctrl+Z)").arg(m_undoText) : tr("Nothing to undo"));
    m_redoButton->setToolTip(m_canRedo ? tr("Redo: %1 (Ctrl+Shift+Z)").arg(m_redoText) : tr("Nothing to redo"));
    m_interpretButton->setEnabled(!busy && m_runCombo->count() > 0);
    m_retrainButton->setEnabled(!busy && m_runCombo->count() > 0);
    if (m_report) {
        m_report->setRun(currentRun());
        m_report->setEnabled(m_report->isEnabled() && !busy);
    }
}

void AnalyzePage::runEdit(const QString &label, std::function<Result<EditOutcome>(EditJournal &)> edit)
{
    if (m_root.empty() || isBusy())
        return;
    m_editJob->start(
        label,
        [root = m_root, edit](Progress &) -> Result<DatasetEdit> { return editDataset(root, edit); },
        [this, label](Result<DatasetEdit> done) {
            if (!done) {
                Q_EMIT editsDone(false, toQ(done.message()));
                return;
            }
            const DatasetEdit &out = done.value();
            m_canUndo = out.canUndo;
            m_canRedo = out.canRedo;
            m_undoText = toQ(out.undoText);
            m_redoText = toQ(out.redoText);
            if (!out.outcome) {
                updateEditButtons();
                Q_EMIT editsDone(false, toQ(out.outcome.message()));
                return;
            }
            QStringList moved;
            for (const auto &m : out.outcome->moves)
                moved << toQ(m.from.string());
            m_losses->clearDecisions(moved);
            if (m_preds)
                m_preds->applyMoves(out.outcome->moves, m_imagesRoot);
            if (!out.outcome->moves.empty())
                m_dataIssues->markStale();
            refreshViews();
            QString message = tr("%1: %Ln image(s) moved", nullptr, int(out.outcome->moves.size())).arg(label);
            if (!out.outcome->failures.empty())
                message += tr("; not done: %1").arg(toQ(out.outcome->failures.front()))
                           + (out.outcome->failures.size() > 1 ? tr(" (and %1 more)").arg(out.outcome->failures.size() - 1) : QString());
            Q_EMIT editsDone(out.outcome->failures.empty(), message);
            if (!out.outcome->moves.empty())
                Q_EMIT datasetChanged();
        });
}

void AnalyzePage::applyDecisions()
{
    if (m_losses->pendingEdits().isEmpty())
        return;
    const std::vector<EditRequest> requests = m_losses->editRequests(m_imagesRoot, "marked delete on the Analyze page");
    runEdit(tr("Applied"), [requests](EditJournal &j) { return j.apply(requests); });
}

void AnalyzePage::undo()
{
    if (m_canUndo)
        runEdit(tr("Undone"), [](EditJournal &j) { return j.undo(); });
}

void AnalyzePage::redo()
{
    if (m_canRedo)
        runEdit(tr("Redone"), [](EditJournal &j) { return j.redo(); });
}

void AnalyzePage::computeEmbeddings()
{
    m_embeddings->compute(scope());
}

void AnalyzePage::stopEmbeddings()
{
    m_embeddings->stop();
}

bool AnalyzePage::isComputingEmbeddings() const
{
    return m_embeddings->isComputing();
}

EmbeddingScatter *AnalyzePage::scatter() const
{
    return m_embeddings->scatter();
}

} // namespace kiln
