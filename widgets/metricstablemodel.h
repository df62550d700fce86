#pragma once
// fastai's per-epoch table: epoch, train_loss, valid_loss, accuracy, error_rate, time. GUI thread only.

#include "train/trainconfig.h"

#include <QAbstractTableModel>

#include <vector>

namespace kiln {

class MetricsTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { EpochColumn, TrainLossColumn, ValidLossColumn, AccuracyColumn, ErrorRateColumn, TimeColumn, ColumnCount };

    explicit MetricsTableModel(QObject *parent = nullptr);
    void clear();
    void append(const EpochMetrics &metrics);
    const std::vector<EpochMetrics> &rows() const { return m_rows; }
    // True when valid loss rose two epochs running while train loss fell (fastai users' overfitting sign).
    bool overfitting() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<EpochMetrics> m_rows;
};

} // namespace kiln
