#pragma once
// The runs of a dataset, newest first, as one item model that the Train, Analyze and Export pages
// share (DESIGN.md, "A run"): each row is a run folder with its id, architecture, status and final
// accuracy, or a damaged run with the reason it cannot be read (listed, never hidden).
// refresh() re-reads runs/ and changes only the rows that changed, so views keep their selection;
// it is called when a run starts or ends, never on a timer. GUI thread only.

#include "train/run.h"

#include <QAbstractListModel>
#include <QSortFilterProxyModel>

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
    // The row of a run folder, -1 when not listed.
    int rowOf(const QString &runDir) const;

    // A run's status in the user's language.
    static QString statusText(const RunEntry &e);

private:
    std::filesystem::path m_dataset;
    std::vector<RunEntry> m_entries;
};

// Only the runs that have a result (for exporting and interpreting).
class FinishedRunsModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit FinishedRunsModel(QObject *parent = nullptr);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;
};

} // namespace kiln
