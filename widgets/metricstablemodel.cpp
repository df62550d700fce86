#include "metricstablemodel.h"

#include <cmath>

namespace kiln {

MetricsTableModel::MetricsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MetricsTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void MetricsTableModel::append(const EpochMetrics &metrics)
{
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.push_back(metrics);
    endInsertRows();
}

bool MetricsTableModel::overfitting() const
{
    const std::size_t n = m_rows.size();
    if (n < 3)
        return false;
    const auto &a = m_rows[n - 3], &b = m_rows[n - 2], &c = m_rows[n - 1];
    return b.validLoss > a.validLoss && c.validLoss > b.validLoss && b.trainLoss < a.trainLoss && c.trainLoss < b.trainLoss;
}

int MetricsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MetricsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MetricsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const EpochMetrics &m = m_rows[std::size_t(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case EpochColumn: return m.phase.empty() ? QString::number(m.epoch) : tr("%1 (%2)").arg(m.epoch).arg(QString::fromStdString(m.phase));
        case TrainLossColumn: return QString::number(m.trainLoss, 'f', 6);
        case ValidLossColumn: return QString::number(m.validLoss, 'f', 6);
        case AccuracyColumn: return QString::number(m.accuracy, 'f', 6);
        case ErrorRateColumn: return QString::number(m.errorRate, 'f', 6);
        case TimeColumn: {
            const long s = std::lround(m.seconds);
            return QStringLiteral("%1:%2").arg(s / 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
        }
        }
    }
    if (role == Qt::TextAlignmentRole)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MetricsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *names[] = {"epoch", "train_loss", "valid_loss", "accuracy", "error_rate", "time"};
    return section >= 0 && section < ColumnCount ? QString::fromLatin1(names[section]) : QVariant();
}

} // namespace kiln
