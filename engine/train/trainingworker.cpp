#include "train/trainingworker.h"

#include "train/learner.h"
#include "train/trainer.h"

namespace kiln {

TrainingWorker::TrainingWorker(QObject *parent)
    : QObject(parent)
{
}

TrainingTelemetry TrainingWorker::takeTelemetry()
{
    std::lock_guard lock(m_bufferMutex);
    TrainingTelemetry out = std::move(m_buffer);
    m_buffer = {};
    m_signalPending = false;
    return out;
}

void TrainingWorker::push(const std::function<void(TrainingTelemetry &)> &add)
{
    bool notify = false;
    {
        std::lock_guard lock(m_bufferMutex);
        add(m_buffer);
        if (!m_signalPending) {
            m_signalPending = true;
            notify = true;
        }
    }
    if (notify)
        Q_EMIT dataAvailable();
}

void TrainingWorker::pause()
{
    m_paused = true;
}

void TrainingWorker::resume()
{
    {
        std::lock_guard lock(m_pauseMutex);
        m_paused = false;
    }
    m_pauseChanged.notify_all();
}

void TrainingWorker::arm()
{
    std::lock_guard lock(m_pauseMutex);
    m_stop = false;
    m_paused = false;
}

void TrainingWorker::requestStop()
{
    {
        std::lock_guard lock(m_pauseMutex);
        m_stop = true;
    }
    m_pauseChanged.notify_all();
}

void TrainingWorker::waitWhilePaused()
{
    if (!m_paused.load())
        return;
    push([](TrainingTelemetry &t) { t.messages.push_back("paused"); });
    std::unique_lock lock(m_pauseMutex);
    m_pauseChanged.wait(lock, [this] { return !m_paused.load() || m_stop.load(); });
    if (!m_stop.load())
        push([](TrainingTelemetry &t) { t.messages.push_back("resumed"); });
}

TrainHooks TrainingWorker::makeHooks()
{
    TrainHooks hooks;
    hooks.batch = [this](const BatchTelemetry &b) { push([&](TrainingTelemetry &t) { t.batches.push_back(b); }); };
    hooks.epoch = [this](const EpochMetrics &e) { push([&](TrainingTelemetry &t) { t.epochs.push_back(e); }); };
    hooks.message = [this](const std::string &m) { push([&](TrainingTelemetry &t) { t.messages.push_back(m); }); };
    hooks.pausePoint = [this] { waitWhilePaused(); };
    hooks.stop = &m_stop;
    hooks.started = [this](const std::string &runDir) { Q_EMIT runStarted(QString::fromStdString(runDir)); };
    return hooks;
}

void TrainingWorker::train(const QString &datasetDir, const TrainConfig &config, const QString &runDir)
{
    const TrainHooks hooks = makeHooks();
    auto result = runTraining(datasetDir.toStdString(), config, runDir.toStdString(), hooks);
    if (result)
        Q_EMIT finished(result.value());
    else
        Q_EMIT failed(QString::fromStdString(result.message()));
}

void TrainingWorker::resumeRun(const QString &runDir)
{
    const TrainHooks hooks = makeHooks();
    auto result = resumeTraining(runDir.toStdString(), hooks);
    if (result)
        Q_EMIT finished(result.value());
    else
        Q_EMIT failed(QString::fromStdString(result.message()));
}

void TrainingWorker::findLearningRate(const QString &datasetDir, const TrainConfig &config)
{
    const TrainHooks hooks = makeHooks();
    auto result = findLearningRateFor(datasetDir.toStdString(), config, hooks);
    if (result)
        Q_EMIT learningRateFound(result.value());
    else
        Q_EMIT failed(QString::fromStdString(result.message()));
}

TrainingController::TrainingController(QObject *parent)
    : QObject(parent)
    , m_worker(new TrainingWorker)
{
    qRegisterMetaType<kiln::TrainConfig>();
    qRegisterMetaType<kiln::TrainSummary>();
    qRegisterMetaType<kiln::LrFindResult>();
    m_thread.setObjectName("kiln-training");
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &TrainingController::startRequested, m_worker, &TrainingWorker::train);
    connect(this, &TrainingController::resumeRequested, m_worker, &TrainingWorker::resumeRun);
    connect(this, &TrainingController::lrFindRequested, m_worker, &TrainingWorker::findLearningRate);
    connect(m_worker, &TrainingWorker::learningRateFound, this, [this] {
        m_running = false;
        Q_EMIT runEnded();
    });
    connect(m_worker, &TrainingWorker::finished, this, [this] {
        m_running = false;
        Q_EMIT runEnded();
    });
    connect(m_worker, &TrainingWorker::failed, this, [this] {
        m_running = false;
        Q_EMIT runEnded();
    });
    m_thread.start();
}

TrainingController::~TrainingController()
{
    shutdown();
}

void TrainingController::start(const QString &datasetDir, const TrainConfig &config, const QString &runDir)
{
    m_running = true;
    m_worker->arm(); // before the command is queued: a stop asked from now on is kept
    Q_EMIT startRequested(datasetDir, config, runDir);
}

void TrainingController::resumeRun(const QString &runDir)
{
    m_running = true;
    m_worker->arm(); // before the command is queued: a stop asked from now on is kept
    Q_EMIT resumeRequested(runDir);
}

void TrainingController::findLearningRate(const QString &datasetDir, const TrainConfig &config)
{
    m_running = true;
    m_worker->arm(); // before the command is queued: a stop asked from now on is kept
    Q_EMIT lrFindRequested(datasetDir, config);
}

void TrainingController::shutdown()
{
    if (!m_thread.isRunning())
        return;
    m_worker->requestStop();
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

} // namespace kiln
