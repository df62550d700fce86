#include "trainpage.h"

#include "preferencesdialog.h"

#include "augmentationpreview.h"
#include "backgroundjob.h"
#include "lrfinderplot.h"
#include "metricstablemodel.h"
#include "progresspanel.h"
#include "runcompareview.h"
#include "runlistmodel.h"
#include "trainingplot.h"
#include "trainsettingsform.h"
#include "weightschooser.h"

#include "data/datasetindex.h"
#include "data/imageloader.h"
#include "train/learner.h"
#include "train/run.h"
#include "train/trainingworker.h"
#include "train/trainsettings.h"
#include "models/weights.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <cmath>

namespace fs = std::filesystem;

namespace kiln {

namespace {

QString q(const fs::path &p) { return QString::fromStdString(p.string()); }

QGroupBox *group(const QString &title, QWidget *parent, QFormLayout *&form)
{
    auto *box = new QGroupBox(title, parent);
    form = new QFormLayout(box);
    return box;
}

} // namespace

TrainPage::TrainPage(QWidget *parent)
    : QWidget(parent)
    , m_controller(new TrainingController(this))
    , m_runModel(new RunListModel(this))
    , m_form(new TrainSettingsForm(this))
    , m_downloadPanel(new ProgressPanel(this))
    , m_download(new BackgroundJob(this, m_downloadPanel))
{
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(buildForm());
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(380);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_runs = new QListView(this);
    m_runs->setModel(m_runModel);
    m_runs->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runs->setToolTip(tr("Runs of this project; click one to see its curves again, tick several to compare them"));
    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(scroll);
    auto *runsBox = new QGroupBox(tr("Runs"), left);
    auto *runsLayout = new QVBoxLayout(runsBox);
    runsLayout->addWidget(m_runs);
    left->addWidget(runsBox);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);

    // Controls and state.
    m_startButton = new QPushButton(tr("Start"), this);
    m_pauseButton = new QPushButton(tr("Pause"), this);
    m_stopButton = new QPushButton(tr("Stop"), this);
    m_stateLabel = new QLabel(this);
    m_stateLabel->setMinimumWidth(260);
    m_stateLabel->setWordWrap(true);
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_startButton);
    controls->addWidget(m_pauseButton);
    controls->addWidget(m_stopButton);
    controls->addWidget(m_stateLabel, 1);

    m_epochBar = new QProgressBar(this);
    m_batchBar = new QProgressBar(this);
    m_epochBar->setFormat(tr("epoch %v / %m"));
    m_batchBar->setFormat(tr("batch %v / %m"));
    m_speed = new QLabel(this);
    auto *progress = new QHBoxLayout;
    progress->addWidget(m_epochBar, 1);
    progress->addWidget(m_batchBar, 1);
    progress->addWidget(m_speed);

    m_plot = new TrainingPlot(this);
    controls->addWidget(m_plot->makeExportButton(this));
    m_lrPlot = new LrFinderPlot(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_plot, tr("Training curves"));
    m_tabs->addTab(m_lrPlot, tr("Learning-rate finder"));
    m_compare = new RunCompareView(false, this);
    m_compare->setRunModel(m_runModel);
    m_tabs->addTab(m_compare, tr("Compare runs"));

    m_metrics = new MetricsTableModel(this);
    m_table = new QTableView(this);
    m_table->setModel(m_metrics);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_overfit = new QLabel(this);
    m_overfit->setWordWrap(true);
    m_overfit->setStyleSheet("QLabel { color: #b06000; }");
    m_overfit->setVisible(false);
    m_log = new QLabel(this);
    m_log->setWordWrap(true);
    m_log->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(controls);
    rightLayout->addWidget(m_downloadPanel);
    rightLayout->addLayout(progress);
    auto *rightSplit = new QSplitter(Qt::Vertical, right);
    rightSplit->addWidget(m_tabs);
    auto *tableBox = new QWidget(rightSplit);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(m_table, 1);
    tableLayout->addWidget(m_overfit);
    tableLayout->addWidget(m_log);
    rightSplit->addWidget(tableBox);
    rightSplit->setStretchFactor(0, 3);
    rightSplit->setStretchFactor(1, 1);
    rightLayout->addWidget(rightSplit, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_startButton, &QPushButton::clicked, this, &TrainPage::start);
    connect(m_pauseButton, &QPushButton::clicked, this, &TrainPage::pauseOrResume);
    connect(m_stopButton, &QPushButton::clicked, this, &TrainPage::stop);
    connect(m_findLr, &QPushButton::clicked, this, &TrainPage::findLearningRate);
    connect(m_lrPlot, &LrFinderPlot::learningRatePicked, this,
            [this](double lr) { static_cast<QDoubleSpinBox *>(m_form->editor("lr"))->setValue(lr); });
    // A click that ticks or unticks a run compares; a click on its name shows its curves.
    connect(m_runs, &QListView::pressed, this, [this](const QModelIndex &index) { m_pressedCheck = index.data(Qt::CheckStateRole); });
    connect(m_runs, &QListView::clicked, this, [this](const QModelIndex &index) {
        if (index.data(Qt::CheckStateRole) == m_pressedCheck)
            openRun(index.data(RunListModel::DirRole).toString());
    });
    connectRunTicks();

    // Telemetry: drained at 25 Hz; dataAvailable only wakes an idle timer.
    m_drainTimer.setInterval(40);
    connect(&m_drainTimer, &QTimer::timeout, this, &TrainPage::drainTelemetry);
    TrainingWorker *worker = m_controller->worker();
    connect(worker, &TrainingWorker::dataAvailable, this, [this] {
        if (!m_drainTimer.isActive())
            m_drainTimer.start();
    });
    connect(worker, &TrainingWorker::runStarted, this, [this](const QString &runDir) {
        m_runDir = runDir;
        m_runModel->refresh();
        m_runs->setCurrentIndex(m_runModel->index(m_runModel->rowOf(runDir)));
        Q_EMIT runStarted(runDir);
    });
    connect(worker, &TrainingWorker::finished, this, [this](const TrainSummary &summary) {
        runEnded();
        const QLocale locale;
        QString detail = summary.stopped ? tr("stopped; the checkpoint of the last finished epoch is kept") : tr("done");
        if (!summary.epochs.empty())
            detail += tr(" · accuracy %1").arg(locale.toString(summary.epochs.back().accuracy, 'f', 4));
        if (summary.earlyStopped)
            detail += tr(" · early stopping");
        if (!summary.precision.empty())
            detail += QStringLiteral(" · ") + QString::fromStdString(summary.precision);
        setState(State::Finished, detail);
        Q_EMIT runFinished(m_runDir);
    });
    connect(worker, &TrainingWorker::failed, this, [this](const QString &message) {
        runEnded();
        setState(State::Failed, message);
    });
    connect(worker, &TrainingWorker::learningRateFound, this, [this](const LrFindResult &result) {
        drainTelemetry();
        m_drainTimer.stop();
        m_lrPlot->setResult(result);
        m_tabs->setCurrentWidget(m_lrPlot);
        if (result.suggestions.valid)
            static_cast<QDoubleSpinBox *>(m_form->editor("lr"))->setValue(result.suggestions.valley);
        setState(State::Idle, tr("learning rate set to the valley suggestion; click the curve to pick another"));
    });

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(150);
    connect(&m_previewTimer, &QTimer::timeout, this, &TrainPage::updatePreview);
    connect(m_form, &TrainSettingsForm::edited, this, [this](const QString &key) {
        static const QStringList previewed{"augment", "flip_p", "max_rotate", "max_zoom", "max_warp", "max_lighting", "min_scale",
                                           "size", "resize"};
        if (previewed.contains(key))
            m_previewTimer.start();
        if (key == QLatin1String("arch") && m_index) {
            // Another architecture: the size and batch size follow it, unless the user set them.
            const TrainConfig c = suggestFor(*m_index, m_form->config().arch);
            for (const char *setting : {"size", "batch_size"})
                if (!m_form->isUserSet(setting))
                    m_form->setSetting(setting, findTrainSetting(setting)->format(c));
            m_previewTimer.start();
        }
    });
    setState(State::Idle);
}

TrainPage::~TrainPage()
{
    shutdown();
}

QWidget *TrainPage::buildForm()
{
    auto *host = new QWidget;
    auto *layout = new QVBoxLayout(host);
    QFormLayout *f = nullptr;

    layout->addWidget(group(tr("Model"), host, f));
    m_form->addRows(f, {"arch"});
    m_weights = new WeightsChooser(m_form, host);
    f->addRow(TrainSettingsForm::label(*findTrainSetting("pretrained")) + QLatin1Char(':'), m_weights);
    m_form->addRows(f, {"size", "resize", "head"});
    static_cast<QSpinBox *>(m_form->editor("size"))->setSuffix(tr(" px"));

    layout->addWidget(group(tr("Schedule"), host, f));
    m_form->addRows(f, {"batch_size", "epochs", "schedule"});
    m_findLr = new QPushButton(tr("Find"), host);
    m_findLr->setToolTip(tr("Run the learning-rate finder (fastai's lr_find)"));
    auto *lrRow = new QHBoxLayout;
    lrRow->addWidget(m_form->editor("lr"), 1);
    lrRow->addWidget(m_findLr);
    f->addRow(TrainSettingsForm::label(*findTrainSetting("lr")) + QLatin1Char(':'), lrRow);
    m_form->addRows(f, {"freeze_epochs", "pct_start"});

    layout->addWidget(group(tr("Augmentation (training images only)"), host, f));
    m_form->addRows(f, {"augment", "flip_p", "max_rotate", "max_zoom", "max_warp", "max_lighting", "min_scale"});
    static_cast<QDoubleSpinBox *>(m_form->editor("max_rotate"))->setSuffix(tr("°"));
    m_preview = new PreviewStrip(host);
    f->addRow(m_preview);
    auto *augment = static_cast<QCheckBox *>(m_form->editor("augment"));
    for (const char *key : {"flip_p", "max_rotate", "max_zoom", "max_warp", "max_lighting", "min_scale"})
        connect(augment, &QCheckBox::toggled, m_form->editor(key), &QWidget::setEnabled);

    layout->addWidget(group(tr("Data and device"), host, f));
    m_form->addRows(f, {"valid_pct", "seed", "device", "precision"});
    auto *device = static_cast<QComboBox *>(m_form->editor("device"));
    device->setItemText(device->findData("auto"), tr("The GPU when there is one"));
    device->setItemText(device->findData("cpu"), tr("CPU (%1 threads)").arg(QThread::idealThreadCount()));
    device->setItemText(device->findData("cuda"), tr("CUDA GPU"));
    if (!cudaAvailable()) {
        if (auto *items = qobject_cast<QStandardItemModel *>(device->model()))
            items->item(device->findData("cuda"))->setEnabled(false);
        device->setToolTip(tr("No CUDA device was found; training runs on the CPU"));
    }

    auto *more = new QGroupBox(tr("More settings"), host);
    more->setCheckable(true);
    more->setChecked(false);
    auto *moreForm = new QFormLayout;
    auto *moreBody = new QWidget(more);
    moreBody->setLayout(moreForm);
    moreBody->setVisible(false);
    auto *moreLayout = new QVBoxLayout(more);
    moreLayout->addWidget(moreBody);
    m_form->addRows(moreForm, {"optimizer", "weight_decay", "momentum", "label_smoothing", "early_stop_patience", "keep_best", "workers"});
    connect(more, &QGroupBox::toggled, moreBody, &QWidget::setVisible);
    layout->addWidget(more);
    layout->addStretch();
    m_form->setConfig(TrainConfig{}, false);
    return host;
}

TrainConfig TrainPage::config() const
{
    return m_form->config();
}

void TrainPage::applyPreferences(const Preferences &p)
{
    setDefaultWeightsBaseUrl(p.weightsUrl.toStdString());
    setPreferredDevice(p.device.toStdString()); // interpreting, exporting and predicting too
    m_weights->refresh();
    m_form->setSetting("threads", p.threads > 0 ? std::to_string(p.threads) : "auto");
    m_form->setSetting("device", p.device.toStdString());
}

void TrainPage::setConfig(const TrainConfig &c)
{
    m_form->setConfig(c, true);
    m_weights->refresh();
    m_previewTimer.start();
    if (auto valid = validate(c); !valid && !isBusy())
        setState(State::Failed, tr("this configuration cannot train: %1").arg(QString::fromStdString(valid.message())));
}

void TrainPage::setDataset(const fs::path &datasetDir, std::shared_ptr<const DatasetIndex> index)
{
    const bool sameDataset = datasetDir == m_dataset;
    m_dataset = datasetDir;
    m_index = std::move(index);
    if (m_runModel->dataset() != datasetDir)
        m_runModel->setDataset(datasetDir);
    else
        m_runModel->refresh();
    if (m_index) {
        // The engine's suggestion for this data (it reads a few image headers), for the
        // architecture the user chose if they did.
        TrainConfig c = suggestFor(*m_index, sameDataset && m_form->isUserSet("arch") ? std::optional(m_form->config().arch)
                                                                                      : std::nullopt);
        if (sameDataset) {
            m_form->suggest(c);
        } else {
            const TrainConfig now = m_form->config();
            c.threads = now.threads; // the machine's settings stay
            c.device = now.device;
            m_form->setConfig(c, false);
        }
        m_weights->refresh();
        const bool byFolder = m_index->splitByFolder();
        m_form->editor("valid_pct")->setEnabled(!byFolder);
        m_form->editor("valid_pct")->setToolTip(byFolder ? tr("This dataset is split by its train/valid folders")
                                                          : TrainSettingsForm::help(*findTrainSetting("valid_pct")));
    }
    m_previewTimer.start();
    updateButtons();
}

void TrainPage::updatePreview()
{
    if (!m_index || m_index->size() == 0)
        return;
    PipelineConfig pipeline;
    const TrainConfig c = config();
    pipeline.size = std::clamp(c.size > 0 ? c.size : 64, 8, 256);
    pipeline.resize = c.resize;
    pipeline.channels = 3;
    pipeline.augment = augmentConfigOf(c);
    const fs::path image = m_index->absolutePath(0);
    runOnPool(this, [image, pipeline] { return augmentedPreviews(image, pipeline, 4, 7); },
              [this](std::vector<QImage> images) { m_preview->setImages(std::move(images)); });
}

bool TrainPage::isBusy() const
{
    return m_controller->isRunning();
}

QString TrainPage::stateText() const
{
    return m_stateLabel->text();
}

void TrainPage::setState(State state, const QString &detail)
{
    m_state = state;
    QString text;
    switch (state) {
    case State::Idle: text = tr("Ready"); break;
    case State::Downloading: text = tr("Downloading weights…"); break;
    case State::FindingLr: text = tr("Finding a learning rate…"); break;
    case State::Training: text = tr("Training"); break;
    case State::Paused: text = tr("Paused"); break;
    case State::Stopping: text = tr("Stopping after this batch…"); break;
    case State::Finished: text = tr("Finished"); break;
    case State::Failed: text = tr("Failed"); break;
    }
    if (!detail.isEmpty())
        text += QStringLiteral(": ") + detail;
    m_stateLabel->setText(text);
    m_stateLabel->setToolTip(text);
    m_stateLabel->setStyleSheet(state == State::Failed ? "QLabel { color: #b00020; }" : QString());
    updateButtons();
    Q_EMIT stateChanged(state);
}

void TrainPage::updateButtons()
{
    const bool busy = m_controller->isRunning() || m_download->isRunning();
    const bool haveData = m_index && m_index->size() > 0;
    m_startButton->setEnabled(!busy && haveData);
    m_findLr->setEnabled(!busy && haveData);
    m_pauseButton->setEnabled(busy && (m_state == State::Training || m_state == State::Paused));
    m_pauseButton->setText(m_state == State::Paused ? tr("Resume") : tr("Pause"));
    m_stopButton->setEnabled(busy && m_state != State::Stopping);
}

std::optional<TrainConfig> TrainPage::configToTrain(void (TrainPage::*then)())
{
    if (m_controller->isRunning() || m_download->isRunning() || m_dataset.empty())
        return std::nullopt;
    const TrainConfig c = config();
    // The engine's rule, so the message is the one kiln-cli and the learner give.
    if (auto valid = validate(c); !valid) {
        setState(State::Failed, QString::fromStdString(valid.message()));
        return std::nullopt;
    }
    if (c.pretrained != "imagenet")
        return c;
    auto entry = imagenetWeightsFor(architectureName(c.arch));
    if (!entry) {
        setState(State::Failed, QString::fromStdString(entry.message()));
        return std::nullopt;
    }
    if (cachedWeights(entry.value()).present)
        return c;
    // First use: torchvision's file into torch.hub's cache, then what was asked for.
    const QString arch = QString::fromLatin1(architectureName(c.arch));
    m_download->start(
        tr("Downloading the ImageNet weights of %1").arg(arch),
        [e = entry.value()](Progress &progress) { return downloadWeights(e, weightsCacheDir(), &progress); },
        [this, then](Result<VerifiedWeights> got) {
            m_weights->refresh();
            if (!got) {
                setState(State::Failed, QString::fromStdString(got.message()));
                return;
            }
            setState(State::Idle, tr("weights downloaded and checked"));
            (this->*then)();
        },
        ProgressPanel::kBytes);
    setState(State::Downloading, QString::fromStdString(entry->url));
    return std::nullopt;
}

void TrainPage::start()
{
    const auto chosen = configToTrain(&TrainPage::start);
    if (!chosen)
        return;
    const TrainConfig &c = *chosen;
    m_runDir = q(RunStore(m_dataset).newRunDir(c.arch));
    m_plot->clear();
    m_metrics->clear();
    m_overfit->setVisible(false);
    m_log->clear();
    m_epochBar->setRange(0, c.epochs + (c.schedule == ScheduleKind::FineTune ? c.freezeEpochs : 0));
    m_epochBar->setValue(0);
    m_batchBar->setValue(0);
    m_speed->clear();
    m_tabs->setCurrentWidget(m_plot);
    m_runClock.start();
    m_controller->start(q(m_dataset), c, m_runDir);
    setState(State::Training, QFileInfo(m_runDir).fileName());
}

void TrainPage::runEnded()
{
    drainTelemetry();
    m_drainTimer.stop();
    m_runModel->refresh();
}

void TrainPage::pauseOrResume()
{
    if (m_state == State::Paused) {
        m_controller->resume();
        setState(State::Training, QFileInfo(m_runDir).fileName());
    } else if (m_state == State::Training) {
        m_controller->pause();
        setState(State::Paused, tr("between batches; Resume continues, Stop ends the run"));
    }
}

void TrainPage::stop()
{
    if (m_download->isRunning()) {
        m_download->cancel();
        return;
    }
    if (!m_controller->isRunning())
        return;
    m_controller->stop();
    setState(State::Stopping);
}

void TrainPage::findLearningRate()
{
    const auto chosen = configToTrain(&TrainPage::findLearningRate);
    if (!chosen)
        return;
    m_lrPlot->clear();
    m_tabs->setCurrentWidget(m_lrPlot);
    m_controller->findLearningRate(q(m_dataset), *chosen);
    setState(State::FindingLr);
}

void TrainPage::shutdown()
{
    m_controller->shutdown();
}

void TrainPage::drainTelemetry()
{
    TrainingTelemetry t = m_controller->worker()->takeTelemetry();
    if (t.batches.empty() && t.epochs.empty() && t.messages.empty()) {
        m_drainTimer.stop(); // nothing new: sleep until the worker signals again
        return;
    }
    if (m_state == State::Training || m_state == State::Paused || m_state == State::Stopping) {
        m_plot->addBatches(t.batches);
        for (const auto &e : t.epochs) {
            m_plot->addEpoch(e);
            m_metrics->append(e);
            m_table->scrollToBottom();
        }
        if (!t.batches.empty()) {
            const BatchTelemetry &b = t.batches.back();
            m_epochBar->setValue(b.epoch);
            m_batchBar->setRange(0, b.batches);
            m_batchBar->setValue(b.batch + 1);
            const double elapsed = m_runClock.elapsed() / 1000.0;
            const double left = b.position > 0.001 ? elapsed * (1 - b.position) / b.position : NAN;
            m_speed->setText(tr("%1 images/s · %2 left").arg(QLocale().toString(b.imagesPerSecond, 'f', 0),
                                                             ProgressPanel::formatDuration(left)));
        }
        if (!t.epochs.empty())
            m_epochBar->setValue(t.epochs.back().epoch + 1);
        if (m_metrics->overfitting()) {
            m_overfit->setText(tr("⚠ The validation loss rose two epochs running while the training loss fell: the model "
                                  "is probably overfitting. Train fewer epochs, add augmentation or data, or keep the best epoch."));
            m_overfit->setVisible(true);
        }
        m_plot->replotIfDirty();
    }
    for (const auto &m : t.messages)
        m_log->setText(QString::fromStdString(m));
}

} // namespace kiln
