#pragma once
// The Train page: the run's settings (a form built from the settings table, with the learning-rate
// finder and a live augmentation preview), Start / Pause / Resume / Stop with the state always
// visible, live curves and fastai's metrics table, progress with images/s and time left, and the
// project's runs, which open their curves again. Settings that follow the data are suggested by
// the engine (suggestFor, as for kiln-cli) and never overwrite a value the user set.
// Telemetry is drained from the worker's buffer on a 25 Hz timer (never one signal per batch).

#include "train/trainconfig.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QVariant>
#include <QWidget>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;
class QTableView;
class QTabWidget;

namespace kiln {

class DatasetIndex;
class LrFinderPlot;
class MetricsTableModel;
class PreviewStrip;
class BackgroundJob;
class ProgressPanel;
class RunCompareView;
class RunListModel;
class TrainingController;
class TrainingPlot;
class TrainSettingsForm;
class WeightsChooser;
struct Preferences;

class TrainPage : public QWidget {
    Q_OBJECT
public:
    enum class State { Idle, Downloading, FindingLr, Training, Paused, Stopping, Finished, Failed };

    explicit TrainPage(QWidget *parent = nullptr);
    ~TrainPage() override;

    // The list of runs shown (the main window shares one with the other pages); the page keeps
    // its own until given one.
    void setRunModel(RunListModel *runs);
    RunListModel *runModel() const { return m_runModel; }
    // The dataset to train (its folder and current index). Another dataset gets the suggested
    // settings; the same one, changed, gets new suggestions only for what the user left alone.
    void setDataset(const std::filesystem::path &datasetDir, std::shared_ptr<const DatasetIndex> index);
    TrainConfig config() const;
    // Shows a configuration to train (e.g. to repeat a run); says so when it is out of range.
    void setConfig(const TrainConfig &config);
    // The device and CPU threads from the preferences.
    void applyPreferences(const Preferences &p);

    void start();
    void pauseOrResume();
    void stop();
    void findLearningRate();
    // Stops a run and waits for the training thread (window closing).
    void shutdown();
    bool isBusy() const;
    State state() const { return m_state; }
    QString stateText() const;
    // Shows a finished run's curves and table; false (with the reason shown) when it cannot.
    bool openRun(const QString &runDir);

    TrainingPlot *plot() const { return m_plot; }
    LrFinderPlot *lrPlot() const { return m_lrPlot; }
    RunCompareView *compareView() const { return m_compare; }
    MetricsTableModel *metrics() const { return m_metrics; }
    QListView *runList() const { return m_runs; }
    TrainSettingsForm *form() const { return m_form; }
    WeightsChooser *weights() const { return m_weights; }

Q_SIGNALS:
    void stateChanged(kiln::TrainPage::State state);
    // A run's folder and run.json exist.
    void runStarted(const QString &runDir);
    void runFinished(const QString &runDir);

private:
    QWidget *buildForm();
    void setState(State state, const QString &detail = {});
    void drainTelemetry();
    void updatePreview();
    void updateButtons();
    void runEnded();
    void connectRunTicks();
    // The form's configuration when training can start with it; else the page says why. When
    // it needs ImageNet weights the cache lacks, starts their download, which calls `then` after.
    std::optional<TrainConfig> configToTrain(void (TrainPage::*then)());

    std::filesystem::path m_dataset;
    std::shared_ptr<const DatasetIndex> m_index;
    TrainingController *m_controller;
    RunListModel *m_runModel;
    State m_state = State::Idle;
    QString m_runDir;
    QTimer m_drainTimer;
    QTimer m_previewTimer;
    QElapsedTimer m_runClock;

    TrainSettingsForm *m_form;
    QPushButton *m_findLr = nullptr;
    WeightsChooser *m_weights = nullptr;
    PreviewStrip *m_preview = nullptr;

    QPushButton *m_startButton;
    QPushButton *m_pauseButton;
    QPushButton *m_stopButton;
    QLabel *m_stateLabel;
    QProgressBar *m_epochBar;
    QProgressBar *m_batchBar;
    QLabel *m_speed;
    QLabel *m_overfit;
    QLabel *m_log;
    ProgressPanel *m_downloadPanel;
    BackgroundJob *m_download;
    QTabWidget *m_tabs;
    TrainingPlot *m_plot;
    LrFinderPlot *m_lrPlot;
    RunCompareView *m_compare;
    QVariant m_pressedCheck; // the pressed run's tick, to tell a tick from a click on its name
    MetricsTableModel *m_metrics;
    QTableView *m_table;
    QListView *m_runs;
};

} // namespace kiln
