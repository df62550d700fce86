#pragma once
// The Export & Predict page: export a run as a model bundle and/or ONNX (each checked when
// written), and predict images with a model: open or drop images or a folder, see each one's top
// classes as bars and whether it looks unlike the training data, save the table as CSV.

#include <QWidget>

#include <filesystem>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace kiln {

class BackgroundJob;
class FinishedRunsModel;
class ReportButton;
class RunListModel;

class ExportPage : public QWidget {
    Q_OBJECT
public:
    explicit ExportPage(QWidget *parent = nullptr);

    // The list of runs (the main window shares one with the other pages); the page keeps its own
    // until given one. Only runs with a result are offered.
    void setRunModel(RunListModel *runs);
    // Lists the project's runs; the destination becomes the project's exports/ folder unless
    // `root` is the project already shown.
    void setProject(const std::filesystem::path &root);
    void exportSelected();
    void setModel(const QString &file);
    void predict(const QStringList &paths);
    bool saveCsv(const QString &file) const;
    bool isBusy() const;

    QTableWidget *results() const { return m_results; }
    QLineEdit *destination() const { return m_destination; }
    QComboBox *runBox() const { return m_run; }
    QComboBox *checkpointBox() const { return m_checkpoint; }
    ReportButton *reportButton() const { return m_report; }
    QString exportText() const;

Q_SIGNALS:
    void exported(bool ok, const QString &message);
    void predicted(bool ok, const QString &message);

protected:
    void dragEnterEvent(class QDragEnterEvent *event) override;
    void dropEvent(class QDropEvent *event) override;

private:
    void updateHint();
    void updateButtons();

    std::filesystem::path m_root;
    QComboBox *m_run;
    QComboBox *m_checkpoint;
    ReportButton *m_report;
    QCheckBox *m_bundle, *m_onnx, *m_torchscript, *m_softmax;
    QLineEdit *m_destination;
    QPushButton *m_export;
    QLabel *m_exportResult;
    QLineEdit *m_model;
    QPushButton *m_openImages, *m_openFolder, *m_saveCsv;
    QLabel *m_predictStatus;
    QTableWidget *m_results;
    RunListModel *m_runs;
    FinishedRunsModel *m_finished;
    BackgroundJob *m_job;
};

} // namespace kiln
