#include "classmetricsmodel.h"

#include <QLocale>

namespace kiln {

ClassMetricsModel::ClassMetricsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ClassMetricsModel::setInterpretation(const Interpretation &interpretation)
{
    beginResetModel();
    m_classes.clear();
    for (const auto &c : interpretation.classes())
        m_classes << QString::fromStdString(c);
    m_metrics = interpretation.perClass();
    endResetModel();
}

int ClassMetricsModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_metrics.size()); }
int ClassMetricsModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ClassMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const ClassMetrics &m = m_metrics[std::size_t(index.row())];
    if (role == Qt::TextAlignmentRole && index.column() != ClassColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    auto num = [&](double v) -> QVariant { return sort ? QVariant(v) : QVariant(QLocale().toString(v, 'f', 3)); };
    switch (index.column()) {
    case ClassColumn: return m_classes[index.row()];
    case PrecisionColumn: return num(m.precision);
    case RecallColumn: return num(m.recall);
    case F1Column: return num(m.f1);
    case SupportColumn: return qulonglong(m.support);
    }
    return {};
}

QVariant ClassMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ClassColumn: return tr("Class");
    case PrecisionColumn: return tr("Precision");
    case RecallColumn: return tr("Recall");
    case F1Column: return tr("F1");
    case SupportColumn: return tr("Images");
    }
    return {};
}

} // namespace kiln
