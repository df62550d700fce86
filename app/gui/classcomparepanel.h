#pragma once
// The Analyze page's two runs side by side: run A is the run the page interpreted, run B one
// chosen here (a ticked run by default); B is predicted on the same split in the background
// (saved predictions make it fast) and the two runs' precision, recall and F1 per class are shown
// as a table (ClassCompareModel) and as F1 bars (ClassBarChart), each with its export menu.
// GUI thread only.

#include "analysis/runanalysis.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace kiln {

class BackgroundJob;
class ClassBarChart;
class ClassCompareModel;
class FinishedRunsModel;
class ProgressPanel;
class RunListModel;

class ClassComparePanel : public QWidget {
    Q_OBJECT
public:
    explicit ClassComparePanel(QWidget *parent = nullptr);
    ~ClassComparePanel() override;

    void setRunModel(RunListModel *runs);
    // The interpreted run (A) and what the page counts; B is compared again when it was shown.
    void setRunA(const QString &runDir, const Interpretation &interpretation, AnalysisScope scope);
    // Predicts the chosen run B and shows the two side by side.
    void compare();
    bool isBusy() const;
    // Forgets run A and what was shown (another project).
    void clear();

    QComboBox *runBBox() const { return m_runB; }
    ClassCompareModel *model() const { return m_model; }
    ClassBarChart *chart() const { return m_chart; }
    QString status() const;

Q_SIGNALS:
    void compared(bool ok, const QString &message);
    void busyChanged(bool busy);

private:
    void show(const Interpretation &b);
    void updateButton();

    RunListModel *m_runs = nullptr;
    FinishedRunsModel *m_finished;
    QComboBox *m_runB;
    QPushButton *m_button;
    QLabel *m_status;
    ProgressPanel *m_panel;
    BackgroundJob *m_job;
    ClassCompareModel *m_model;
    QTableView *m_table;
    ClassBarChart *m_chart;
    QString m_runA;
    std::optional<Interpretation> m_a;
    AnalysisScope m_scope = AnalysisScope::Valid;
    QString m_shownB; // the run B shown, to compare again when A changes
    bool m_pending = false; // A or B changed while B was predicted: compare again when it ends
};

} // namespace kiln
