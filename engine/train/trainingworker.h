#pragma once
// Training on a background thread, per DESIGN.md. A TrainingWorker lives on a QThread owned by a
// TrainingController; commands go in through the controller (queued signals for start/resume,
// atomic flags for pause/stop, checked between batches); telemetry comes out through a
// mutex-guarded buffer and one coalesced dataAvailable() signal, never one signal per batch;
// results come out as signals carrying plain data. Torch-free header.

#include "train/trainconfig.h"

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

namespace kiln {

// What accumulated since the last drain.
struct TrainingTelemetry {
    std::vector<BatchTelemetry> batches;
    std::vector<EpochMetrics> epochs;
    std::vector<std::string> messages;
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(QObject *parent = nullptr);

    // Any thread. Takes everything buffered so far and re-arms dataAvailable().
    TrainingTelemetry takeTelemetry();
    // Any thread. Pause blocks the worker between batches until resume or stop.
    void pause();
    void resume();
    void requestStop();
    bool isPaused() const { return m_paused.load(); }
    // Any thread. Clears the stop and pause flags for the next command. The controller calls it
    // before it queues a command, never the worker when the command starts: a stop asked between
    // the two (Start, then Stop or closing the window at once) is therefore never lost.
    void arm();

public Q_SLOTS:
    // Run on the worker's thread; each returns when the run ends.
    void train(const QString &datasetDir, const kiln::TrainConfig &config, const QString &runDir);
    void resumeRun(const QString &runDir);
    void findLearningRate(const QString &datasetDir, const kiln::TrainConfig &config);

Q_SIGNALS:
    void dataAvailable();
    // The run's folder and run.json exist (emitted from the training thread).
    void runStarted(const QString &runDir);
    void finished(const kiln::TrainSummary &summary);
    void failed(const QString &message);
    void learningRateFound(const kiln::LrFindResult &result);

private:
    TrainHooks makeHooks();
    void push(const std::function<void(TrainingTelemetry &)> &add);
    void waitWhilePaused();

    std::mutex m_bufferMutex;
    TrainingTelemetry m_buffer;
    bool m_signalPending = false;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
    std::mutex m_pauseMutex;
    std::condition_variable m_pauseChanged;
};

// Owns the training thread and its worker. GUI thread only.
class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override; // stops a run and waits for the thread

    TrainingWorker *worker() const { return m_worker; }
    bool isRunning() const { return m_running; }

    void start(const QString &datasetDir, const TrainConfig &config, const QString &runDir);
    void resumeRun(const QString &runDir);
    void findLearningRate(const QString &datasetDir, const TrainConfig &config);
    void pause() { m_worker->pause(); }
    void resume() { m_worker->resume(); }
    void stop() { m_worker->requestStop(); }
    // Stops any run and waits for the thread to end: requestInterruption(); quit(); wait().
    void shutdown();

Q_SIGNALS:
    void startRequested(const QString &datasetDir, const kiln::TrainConfig &config, const QString &runDir);
    void resumeRequested(const QString &runDir);
    void lrFindRequested(const QString &datasetDir, const kiln::TrainConfig &config);
    void runEnded();

private:
    QThread m_thread;
    TrainingWorker *m_worker;
    bool m_running = false;
};

} // namespace kiln

Q_DECLARE_METATYPE(kiln::TrainConfig)
Q_DECLARE_METATYPE(kiln::TrainSummary)
Q_DECLARE_METATYPE(kiln::LrFindResult)
