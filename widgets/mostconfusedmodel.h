#pragma once
// fastai's most_confused as a sortable table: actual, predicted, count. GUI thread only.

#include "analysis/interpretation.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace kiln {

class MostConfusedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ActualColumn, PredictedColumn, CountColumn, ShareColumn, ColumnCount };
    enum Role { ActualIndexRole = Qt::UserRole + 1, PredictedIndexRole, SortRole };
    explicit MostConfusedModel(QObject *parent = nullptr);
    void setInterpretation(const Interpretation &interpretation, std::size_t minCount = 1);
    const ConfusedPair &pair(int row) const { return m_pairs[std::size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_classes;
    std::vector<ConfusedPair> m_pairs;
    std::vector<std::size_t> m_rowTotals;
};

} // namespace kiln
