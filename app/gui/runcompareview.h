#pragma once
// Compare runs: the runs ticked in the shared run list (RunListModel) drawn over each other
// (RunOverlayPlot) above a table of their final figures and the settings that differ
// (RunCompareModel), each with its export menu. The Train page shows it beside its own run list;
// the Analyze page with a run list of its own above (the same ticks). It reads the ticked runs' files
// again whenever the ticks or the runs change. GUI thread only.

#include <QWidget>

class QLabel;
class QListView;
class QTableView;

namespace kiln {

class RunCompareModel;
class RunListModel;
class RunOverlayPlot;

class RunCompareView : public QWidget {
    Q_OBJECT
public:
    // withRunList: a tickable list of the runs above the curves.
    explicit RunCompareView(bool withRunList, QWidget *parent = nullptr);

    void setRunModel(RunListModel *runs);
    // Reads the ticked runs again.
    void refresh();

    RunOverlayPlot *plot() const { return m_plot; }
    RunCompareModel *table() const { return m_table; }
    QTableView *tableView() const { return m_tableView; }
    QListView *runList() const { return m_list; }
    QString hint() const;

private:
    RunListModel *m_runs = nullptr;
    QListView *m_list = nullptr;
    QLabel *m_hint;
    RunOverlayPlot *m_plot;
    RunCompareModel *m_table;
    QTableView *m_tableView;
};

} // namespace kiln
