#include "trainpage.h"

#include "preferencesdialog.h"

#include "lrfinderplot.h"
#include "metricstablemodel.h"
#include "progresspanel.h"
#include "trainingplot.h"

#include "data/datasetindex.h"
#include "data/imageloader.h"
#include "data/project.h"
#include "train/learner.h"
#include "train/trainer.h"
#include "train/trainingworker.h"

#include <QCoreApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace fs = std::filesystem;

namespace kiln {

namespace {

QString q(const fs::path &p) { return QString::fromStdString(p.string()); }

// A row of small images, drawn crisp when enlarged.
class PreviewStrip : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(kiln::PreviewStrip)

public:
    explicit PreviewStrip(QWidget *parent)
        : QWidget(parent)
    {
        setMinimumHeight(72);
    }
    void setImages(std::vector<QImage> images)
    {
        m_images = std::move(images);
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
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

private:
    std::vector<QImage> m_images;
};

QDoubleSpinBox *doubleBox(QWidget *parent, double lo, double hi, double step, int decimals, double value)
{
    auto *b = new QDoubleSpinBox(parent);
    b->setRange(lo, hi);
    b->setSingleStep(step);
    b->setDecimals(decimals);
    b->setValue(value);
    return b;
}

QSpinBox *intBox(QWidget *parent, int lo, int hi, int value)
{
    auto *b = new QSpinBox(parent);
    b->setRange(lo, hi);
    b->setValue(value);
    return b;
}

} // namespace

TrainPage::TrainPage(QWidget *parent)
    : QWidget(parent)
    , m_controller(new TrainingController(this))
{
    auto *formHost = new QWidget;
    buildForm(formHost);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(formHost);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(380);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_runs = new QListWidget(this);
    m_runs->setToolTip(tr("Runs of this project; click one to see its curves again"));
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
    QFont bold = m_stateLabel->font();
    bold.setBold(true);
    m_stateLabel->setFont(bold);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_startButton);
    controls->addWidget(m_pauseButton);
    controls->addWidget(m_stopButton);
    controls->addWidget(m_stateLabel, 1);
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export plot"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportButton->setMenu(exportMenu);
    controls->addWidget(exportButton);

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
    m_lrPlot = new LrFinderPlot(this);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(m_plot, tr("Training curves"));
    m_tabs->addTab(m_lrPlot, tr("Learning-rate finder"));

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
    connect(m_lrPlot, &LrFinderPlot::learningRatePicked, this, [this](double lr) { m_lr->setValue(lr); });
    connect(m_runs, &QListWidget::itemClicked, this,
            [this](QListWidgetItem *item) { openRun(item->data(Qt::UserRole).toString()); });
    exportMenu->addAction(tr("PNG…"), this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export plot"), "training.png", tr("PNG images (*.png)"));
        if (!f.isEmpty())
            m_plot->exportPng(f);
    });
    exportMenu->addAction(tr("PDF…"), this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export plot"), "training.pdf", tr("PDF files (*.pdf)"));
        if (!f.isEmpty())
            m_plot->exportPdf(f);
    });
    exportMenu->addAction(tr("CSV…"), this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Export data"), "training.csv", tr("CSV files (*.csv)"));
        if (!f.isEmpty())
            m_plot->exportCsv(f);
    });

    // Telemetry: drained at 25 Hz; dataAvailable only wakes an idle timer.
    m_drainTimer.setInterval(40);
    connect(&m_drainTimer, &QTimer::timeout, this, &TrainPage::drainTelemetry);
    connect(m_controller->worker(), &TrainingWorker::dataAvailable, this, [this] {
        if (!m_drainTimer.isActive())
            m_drainTimer.start();
    });
    connect(m_controller->worker(), &TrainingWorker::finished, this, [this](const TrainSummary &summary) {
        drainTelemetry();
        m_drainTimer.stop();
        const QLocale locale;
        QString detail = summary.stopped ? tr("stopped; the checkpoint of the last finished epoch is kept") : tr("done");
        if (!summary.epochs.empty())
            detail += tr(" · accuracy %1").arg(locale.toString(summary.epochs.back().accuracy, 'f', 4));
        if (summary.earlyStopped)
            detail += tr(" · early stopping");
        setState(State::Finished, detail);
        refreshRuns();
        Q_EMIT runFinished(m_runDir);
    });
    connect(m_controller->worker(), &TrainingWorker::failed, this, [this](const QString &message) {
        drainTelemetry();
        m_drainTimer.stop();
        setState(State::Failed, message);
        refreshRuns();
    });
    connect(m_controller->worker(), &TrainingWorker::learningRateFound, this, [this](const LrFindResult &result) {
        drainTelemetry();
        m_drainTimer.stop();
        m_lrPlot->setResult(result);
        m_tabs->setCurrentWidget(m_lrPlot);
        if (result.suggestions.valid)
            m_lr->setValue(result.suggestions.valley);
        setState(State::Idle, tr("learning rate set to the valley suggestion; click the curve to pick another"));
    });

    m_previewTimer.setSingleShot(true);
    m_previewTimer.setInterval(150);
    connect(&m_previewTimer, &QTimer::timeout, this, &TrainPage::updatePreview);
    for (QDoubleSpinBox *b : {m_flip, m_rotate, m_zoom, m_warp, m_lighting})
        connect(b, &QDoubleSpinBox::valueChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_augment, &QCheckBox::toggled, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_size, &QSpinBox::valueChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    connect(m_resize, &QComboBox::currentIndexChanged, &m_previewTimer, qOverload<>(&QTimer::start));
    setState(State::Idle);
}

TrainPage::~TrainPage()
{
    shutdown();
}

void TrainPage::buildForm(QWidget *host)
{
    auto *layout = new QVBoxLayout(host);
    auto *model = new QGroupBox(tr("Model"), host);
    auto *mf = new QFormLayout(model);
    m_arch = new QComboBox(model);
    for (const auto &name : architectureNames())
        m_arch->addItem(QString::fromStdString(name));
    mf->addRow(tr("Architecture:"), m_arch);
    m_pretrained = new QLineEdit(model);
    m_pretrained->setPlaceholderText(tr("none (train from scratch)"));
    auto *browse = new QPushButton(tr("…"), model);
    browse->setMaximumWidth(32);
    auto *pre = new QHBoxLayout;
    pre->addWidget(m_pretrained, 1);
    pre->addWidget(browse);
    mf->addRow(tr("Pretrained weights:"), pre);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("torchvision state dict"), QString(), tr("PyTorch weights (*.pth *.pt)"));
        if (!f.isEmpty())
            m_pretrained->setText(f);
    });
    m_size = intBox(model, 8, 1024, 28);
    m_size->setSuffix(tr(" px"));
    mf->addRow(tr("Image size:"), m_size);
    m_resize = new QComboBox(model);
    m_resize->addItem(tr("squish"), QStringLiteral("squish"));
    m_resize->addItem(tr("crop"), QStringLiteral("crop"));
    m_resize->addItem(tr("pad"), QStringLiteral("pad"));
    mf->addRow(tr("Resize:"), m_resize);
    layout->addWidget(model);

    auto *schedule = new QGroupBox(tr("Schedule"), host);
    auto *sf = new QFormLayout(schedule);
    m_bs = intBox(schedule, 1, 4096, 64);
    sf->addRow(tr("Batch size:"), m_bs);
    m_epochs = intBox(schedule, 1, 1000, 5);
    sf->addRow(tr("Epochs:"), m_epochs);
    m_schedule = new QComboBox(schedule);
    m_schedule->addItem(tr("one-cycle"), QStringLiteral("one-cycle"));
    m_schedule->addItem(tr("fine-tune"), QStringLiteral("fine-tune"));
    m_schedule->addItem(tr("constant"), QStringLiteral("constant"));
    sf->addRow(tr("Schedule:"), m_schedule);
    m_lr = doubleBox(schedule, 1e-7, 10, 1e-4, 7, 3e-3);
    m_findLr = new QPushButton(tr("Find"), schedule);
    m_findLr->setToolTip(tr("Run the learning-rate finder (fastai's lr_find)"));
    auto *lrRow = new QHBoxLayout;
    lrRow->addWidget(m_lr, 1);
    lrRow->addWidget(m_findLr);
    sf->addRow(tr("Learning rate:"), lrRow);
    layout->addWidget(schedule);

    auto *aug = new QGroupBox(tr("Augmentation (training images only)"), host);
    auto *af = new QFormLayout(aug);
    m_augment = new QCheckBox(tr("Augment"), aug);
    m_augment->setChecked(true);
    af->addRow(m_augment);
    m_flip = doubleBox(aug, 0, 1, 0.1, 2, 0.5);
    af->addRow(tr("Flip probability:"), m_flip);
    m_rotate = doubleBox(aug, 0, 180, 1, 1, 10);
    m_rotate->setSuffix(tr("°"));
    af->addRow(tr("Max rotation:"), m_rotate);
    m_zoom = doubleBox(aug, 1, 3, 0.05, 2, 1.1);
    af->addRow(tr("Max zoom:"), m_zoom);
    m_warp = doubleBox(aug, 0, 1, 0.05, 2, 0.2);
    af->addRow(tr("Max warp:"), m_warp);
    m_lighting = doubleBox(aug, 0, 0.9, 0.05, 2, 0.2);
    af->addRow(tr("Max lighting:"), m_lighting);
    m_preview = new PreviewStrip(aug);
    af->addRow(m_preview);
    for (QWidget *w : std::initializer_list<QWidget *>{m_flip, m_rotate, m_zoom, m_warp, m_lighting})
        connect(m_augment, &QCheckBox::toggled, w, &QWidget::setEnabled);
    layout->addWidget(aug);

    auto *data = new QGroupBox(tr("Data and device"), host);
    auto *df = new QFormLayout(data);
    m_validPct = doubleBox(data, 0, 0.9, 0.05, 2, 0.2);
    df->addRow(tr("Valid share:"), m_validPct);
    m_seed = intBox(data, 0, 1000000, 42);
    df->addRow(tr("Seed:"), m_seed);
    m_device = new QComboBox(data);
    m_device->addItem(tr("CPU (%1 threads)").arg(QThread::idealThreadCount()), "cpu");
    if (cudaAvailable()) {
        m_device->insertItem(0, tr("CUDA GPU"), "cuda");
        m_device->setCurrentIndex(0);
    } else {
        m_device->setEnabled(false);
        m_device->setToolTip(tr("No CUDA device was found; training runs on the CPU"));
    }
    df->addRow(tr("Device:"), m_device);
    layout->addWidget(data);
    layout->addStretch();
}

TrainConfig TrainPage::config() const
{
    TrainConfig c;
    parseArchitecture(m_arch->currentText().toStdString(), c.arch);
    c.pretrained = m_pretrained->text().trimmed().toStdString();
    c.size = m_size->value();
    parseResizeMethod(m_resize->currentData().toString().toStdString(), c.resize);
    c.batchSize = m_bs->value();
    c.epochs = m_epochs->value();
    parseSchedule(m_schedule->currentData().toString().toStdString(), c.schedule);
    c.lr = m_lr->value();
    c.augment = m_augment->isChecked();
    c.flipP = m_flip->value();
    c.maxRotate = m_rotate->value();
    c.maxZoom = m_zoom->value();
    c.maxWarp = m_warp->value();
    c.maxLighting = m_lighting->value();
    c.validPct = m_validPct->value();
    c.seed = std::uint64_t(m_seed->value());
    c.device = m_device->currentData().toString().toStdString();
    c.threads = m_threads;
    return c;
}

void TrainPage::applyPreferences(const Preferences &p)
{
    m_threads = p.threads;
    if (p.device == "cpu")
        m_device->setCurrentIndex(m_device->findData("cpu"));
    else if (m_device->findData("cuda") >= 0)
        m_device->setCurrentIndex(m_device->findData("cuda"));
}

void TrainPage::setConfig(const TrainConfig &c)
{
    m_arch->setCurrentText(architectureName(c.arch));
    m_pretrained->setText(QString::fromStdString(c.pretrained));
    if (c.size > 0)
        m_size->setValue(c.size);
    m_resize->setCurrentIndex(std::max(0, m_resize->findData(QString::fromLatin1(resizeMethodName(c.resize)))));
    m_bs->setValue(c.batchSize);
    m_epochs->setValue(c.epochs);
    m_schedule->setCurrentIndex(std::max(0, m_schedule->findData(QString::fromLatin1(scheduleName(c.schedule)))));
    if (c.lr > 0)
        m_lr->setValue(c.lr);
    m_augment->setChecked(c.augment);
    m_flip->setValue(c.flipP);
    m_rotate->setValue(c.maxRotate);
    m_zoom->setValue(c.maxZoom);
    m_warp->setValue(c.maxWarp);
    m_lighting->setValue(c.maxLighting);
    m_validPct->setValue(c.validPct);
    m_seed->setValue(int(c.seed));
}

void TrainPage::setDataset(const fs::path &datasetDir, std::shared_ptr<const DatasetIndex> index)
{
    const bool sameDataset = datasetDir == m_dataset;
    m_dataset = datasetDir;
    m_index = std::move(index);
    if (!sameDataset && m_index && m_index->size() > 0) {
        // Defaults that fit the data: small gray images -> simple_cnn at their size; photos -> resnet at 224.
        TrainData probe;
        for (std::size_t i = 0; i < m_index->size() && probe.trainPaths.size() < 5; i += std::max<std::size_t>(1, m_index->size() / 5))
            probe.trainPaths.push_back(m_index->absolutePath(i));
        TrainConfig c;
        int size = 0, channels = 0;
        resolveInputShape(probe, c, size, channels);
        const bool small = size <= 64;
        m_arch->setCurrentText(small ? "simple_cnn" : "resnet18");
        m_size->setValue(small ? size : 224);
        m_bs->setValue(small ? 128 : 32);
        double validPct = 0.2;
        std::uint64_t seed = 42;
        datasetSplitDefaults(m_dataset, validPct, seed);
        m_validPct->setValue(validPct);
        m_seed->setValue(int(seed));
        m_validPct->setEnabled(!m_index->splitByFolder());
        if (m_index->splitByFolder())
            m_validPct->setToolTip(tr("This dataset is split by its train/valid folders"));
    }
    refreshRuns();
    m_previewTimer.start();
    updateButtons();
}

void TrainPage::updatePreview()
{
    if (!m_index || m_index->size() == 0)
        return;
    PipelineConfig pipeline;
    const TrainConfig c = config();
    pipeline.size = std::min(c.size, 256);
    parseResizeMethod(m_resize->currentData().toString().toStdString(), pipeline.resize);
    pipeline.channels = 3;
    pipeline.augment = augmentConfigOf(c);
    const fs::path image = m_index->absolutePath(0);
    auto *watcher = new QFutureWatcher<std::vector<QImage>>(this);
    connect(watcher, &QFutureWatcher<std::vector<QImage>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        static_cast<PreviewStrip *>(m_preview)->setImages(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([image, pipeline] { return augmentedPreviews(image, pipeline, 4, 7); }));
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
    const bool busy = m_controller->isRunning();
    const bool haveData = m_index && m_index->size() > 0;
    m_startButton->setEnabled(!busy && haveData);
    m_findLr->setEnabled(!busy && haveData);
    m_pauseButton->setEnabled(busy && (m_state == State::Training || m_state == State::Paused));
    m_pauseButton->setText(m_state == State::Paused ? tr("Resume") : tr("Pause"));
    m_stopButton->setEnabled(busy && m_state != State::Stopping);
}

void TrainPage::start()
{
    if (m_controller->isRunning() || m_dataset.empty())
        return;
    const TrainConfig c = config();
    m_runDir = q(newRunDir(m_dataset, c.arch));
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
    QTimer::singleShot(1500, this, &TrainPage::refreshRuns); // run.json exists once the run has started
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
    if (!m_controller->isRunning())
        return;
    m_controller->stop();
    setState(State::Stopping);
}

void TrainPage::findLearningRate()
{
    if (m_controller->isRunning() || m_dataset.empty())
        return;
    m_lrPlot->clear();
    m_tabs->setCurrentWidget(m_lrPlot);
    m_controller->findLearningRate(q(m_dataset), config());
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

QString TrainPage::runStatusText(const std::string &status)
{
    if (status == "running")
        return tr("running");
    if (status == "finished")
        return tr("finished");
    if (status == "stopped")
        return tr("stopped");
    if (status == "failed")
        return tr("failed");
    return QString::fromStdString(status);
}

void TrainPage::refreshRuns()
{
    m_runs->clear();
    if (m_dataset.empty())
        return;
    for (const RunListing &run : listRuns(m_dataset)) {
        QString text = QStringLiteral("%1 · %2 · %3").arg(q(run.name), q(run.arch), runStatusText(run.status));
        if (run.accuracy >= 0)
            text += tr(" · acc %1").arg(QLocale().toString(run.accuracy, 'f', 4));
        auto *item = new QListWidgetItem(text, m_runs);
        item->setData(Qt::UserRole, q(run.dir.string()));
    }
}

bool TrainPage::openRun(const QString &runDir)
{
    if (m_controller->isRunning())
        return false;
    const fs::path dir = runDir.toStdString();
    if (!fs::exists(dir / "metrics.csv"))
        return false;
    m_plot->clear();
    m_metrics->clear();
    for (const auto &m : readRunMetrics(dir)) {
        m_metrics->append(m);
        m_plot->addEpoch(m);
    }
    m_plot->addBatches(readRunBatches(dir));
    m_plot->setAutoScale(true);
    m_runDir = runDir;
    m_overfit->setVisible(m_metrics->overfitting());
    m_tabs->setCurrentWidget(m_plot);
    setState(State::Idle, tr("showing run %1").arg(QFileInfo(runDir).fileName()));
    return true;
}

} // namespace kiln
