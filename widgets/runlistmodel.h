#pragma once
// The runs of a dataset, newest first, as one item model that the Train, Analyze and Export pages
// share (DESIGN.md, "A run"): each row is a run folder with its id, architecture, status and final
// accuracy, or a damaged run with the reason it cannot be read (listed, never hidden).
// refresh() re-reads runs/ and changes only the rows that changed, so views keep their selection;
// it is called when a run starts or ends, never on a timer. Each row has a tick box: the runs
// ticked are the ones compared (on every page that shows this model); a tick follows its run
// through refreshes and ends with it. GUI thread only.

#include "train/run.h"

#include <QAbstractListModel>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <filesystem>
#include <vector>

namespace kiln {

class RunListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        DirRole = Qt::UserRole + 1, // QString: the run folder
        IdRole,                     // QString: <date>-<arch>
        StatusRole,                 // QString: running, finished, stopped, failed, damaged
        HasResultRole,              // bool: it can be interpreted and exported
        AccuracyRole,               // double: the last epoch's, -1 when none
    };

    explicit RunListModel(QObject *parent = nullptr);

    void setDataset(const std::filesystem::path &datasetDir);
    const std::filesystem::path &dataset() const { return m_dataset; }
    void refresh();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // The row of a run folder, -1 when not listed.
    int rowOf(const QString &runDir) const;
    // The readable run of a row (null when damaged or out of range).
    const Run *run(int row) const;

    // The ticked runs' folders, in the list's order (newest first).
    QStringList checkedRuns() const;
    void setChecked(const QString &runDir, bool checked);

    // A run's status in the user's language.
    static QString statusText(const RunEntry &e);

Q_SIGNALS:
    void checkedRunsChanged();

private:
    std::filesystem::path m_dataset;
    std::vector<RunEntry> m_entries;
    QSet<QString> m_checked;
};

// The rows without tick boxes, for a chooser (a combo box) of one run: every run, or with
// finishedOnly only those that have a result (for exporting and interpreting).
class RunChoiceModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RunChoiceModel(QObject *parent = nullptr, bool finishedOnly = false);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    bool m_finishedOnly;
};

class FinishedRunsModel : public RunChoiceModel {
    Q_OBJECT
public:
    explicit FinishedRunsModel(QObject *parent = nullptr)
        : RunChoiceModel(parent, true)
    {
    }
};

} // namespace kiln
