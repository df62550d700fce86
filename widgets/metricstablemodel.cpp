#include "metricstablemodel.h"

#include <QLocale>

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
        case TrainLossColumn: return QLocale().toString(m.trainLoss, 'f', 6);
        case ValidLossColumn: return QLocale().toString(m.validLoss, 'f', 6);
        case AccuracyColumn: return QLocale().toString(m.accuracy, 'f', 6);
        case ErrorRateColumn: return QLocale().toString(m.errorRate, 'f', 6);
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
    // fastai's column names, in the user's language.
    static const char *names[] = {QT_TR_NOOP("epoch"), QT_TR_NOOP("train_loss"), QT_TR_NOOP("valid_loss"),
                                  QT_TR_NOOP("accuracy"), QT_TR_NOOP("error_rate"), QT_TR_NOOP("time")};
    return section >= 0 && section < ColumnCount ? tr(names[section]) : QVariant();
}

} // namespace kiln
