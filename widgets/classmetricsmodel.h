#pragma once
// Per-class precision, recall, F1 and support as a sortable table. GUI thread only.

#include "analysis/interpretation.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace kiln {

class ClassMetricsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ClassColumn, PrecisionColumn, RecallColumn, F1Column, SupportColumn, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    explicit ClassMetricsModel(QObject *parent = nullptr);
    void setInterpretation(const Interpretation &interpretation);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_classes;
    std::vector<ClassMetrics> m_metrics;
};

} // namespace kiln
