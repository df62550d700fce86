#pragma once
// The ticked runs as a table: each run's colour swatch and id, its final figures (runcompare.h's
// figures: accuracy, losses, epochs, time), then its settings: first those that differ between the
// runs (highlighted), then the few that name a run (architecture, learning rate, epochs, image
// size, batch) when they are equal. Sort by any column
// through SortRole (numbers sort as numbers). GUI thread only.

#include "train/run.h"
#include "train/runcompare.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <string>
#include <vector>

namespace kiln {

class RunCompareModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int DiffersRole = Qt::UserRole + 2; // bool: a setting that differs between the runs
    enum Column { RunColumn, AccuracyColumn, ValidLossColumn, BestValidLossColumn, TrainLossColumn, EpochsColumn,
                  TimeColumn, FixedColumns };

    explicit RunCompareModel(QObject *parent = nullptr);

    // The runs in the order of their colours (RunOverlayPlot::runColor).
    void setRuns(const std::vector<Run> &runs);
    // run.json keys of the setting columns, in order.
    const std::vector<std::string> &settingKeys() const { return m_keys; }
    bool differs(const std::string &key) const;
    int columnOf(const std::string &key) const; // -1 when not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString csv() const;

private:
    struct Row {
        QString id;
        RunFigures figures;
        std::vector<std::string> values; // per setting column
    };
    std::vector<Row> m_rows;
    std::vector<std::string> m_keys, m_labels;
    std::vector<char> m_differs;
};

} // namespace kiln
