#pragma once
// The Train page: a form for the run (architecture, weights, size, schedule, learning rate with
// the finder, augmentation with a live preview, split, device), Start / Pause / Resume / Stop with
// the state always visible, live curves and fastai's metrics table, progress with images/s and
// time left, and the project's past runs, which open their curves again.
// Telemetry is drained from the worker's buffer on a 25 Hz timer (never one signal per batch).

#include "train/trainconfig.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <filesystem>
#include <memory>
#include <string>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTabWidget;

namespace kiln {

class DatasetIndex;
class LrFinderPlot;
class MetricsTableModel;
class TrainingController;
class TrainingPlot;

class TrainPage : public QWidget {
    Q_OBJECT
public:
    enum class State { Idle, FindingLr, Training, Paused, Stopping, Finished, Failed };

    explicit TrainPage(QWidget *parent = nullptr);
    ~TrainPage() override;

    // The dataset to train (its folder and current index); picks defaults that fit it.
    void setDataset(const std::filesystem::path &datasetDir, std::shared_ptr<const DatasetIndex> index);
    TrainConfig config() const;
    void setConfig(const TrainConfig &config);
    // The device and CPU threads from the preferences.
    void applyPreferences(const struct Preferences &p);

    void start();
    void pauseOrResume();
    void stop();
    void findLearningRate();
    // Stops a run and waits for the training thread (window closing).
    void shutdown();
    bool isBusy() const;
    State state() const { return m_state; }
    QString stateText() const;
    void refreshRuns();
    // A run's status ("running", "finished", "stopped", "failed") in the user's language.
    static QString runStatusText(const std::string &status);
    // Shows a finished run's curves and table.
    bool openRun(const QString &runDir);

    TrainingPlot *plot() const { return m_plot; }
    LrFinderPlot *lrPlot() const { return m_lrPlot; }
    MetricsTableModel *metrics() const { return m_metrics; }
    QListWidget *runList() const { return m_runs; }

Q_SIGNALS:
    void stateChanged(kiln::TrainPage::State state);
    void runFinished(const QString &runDir);

private:
    void buildForm(QWidget *form);
    void setState(State state, const QString &detail = {});
    void drainTelemetry();
    void updatePreview();
    void updateButtons();

    std::filesystem::path m_dataset;
    std::shared_ptr<const DatasetIndex> m_index;
    TrainingController *m_controller;
    State m_state = State::Idle;
    QString m_runDir;
    QTimer m_drainTimer;
    QTimer m_previewTimer;
    QElapsedTimer m_runClock;

    // form
    QComboBox *m_arch;
    QLineEdit *m_pretrained;
    QSpinBox *m_size;
    QComboBox *m_resize;
    QSpinBox *m_bs;
    QSpinBox *m_epochs;
    QComboBox *m_schedule;
    QDoubleSpinBox *m_lr;
    QPushButton *m_findLr;
    QCheckBox *m_augment;
    QDoubleSpinBox *m_flip;
    QDoubleSpinBox *m_rotate;
    QDoubleSpinBox *m_zoom;
    QDoubleSpinBox *m_warp;
    QDoubleSpinBox *m_lighting;
    QWidget *m_preview;
    QDoubleSpinBox *m_validPct;
    QSpinBox *m_seed;
    QComboBox *m_device;

    // run controls and views
    QPushButton *m_startButton;
    QPushButton *m_pauseButton;
    QPushButton *m_stopButton;
    QLabel *m_stateLabel;
    QProgressBar *m_epochBar;
    QProgressBar *m_batchBar;
    QLabel *m_speed;
    QLabel *m_overfit;
    QLabel *m_log;
    QTabWidget *m_tabs;
    TrainingPlot *m_plot;
    LrFinderPlot *m_lrPlot;
    MetricsTableModel *m_metrics;
    QTableView *m_table;
    QListWidget *m_runs;
    int m_threads = 0; // CPU threads for training (preferences; 0: every core)
};

} // namespace kiln
