#include "mostconfusedmodel.h"

#include <QLocale>

namespace kiln {

MostConfusedModel::MostConfusedModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MostConfusedModel::setInterpretation(const Interpretation &interpretation, std::size_t minCount)
{
    beginResetModel();
    m_classes.clear();
    for (const auto &c : interpretation.classes())
        m_classes << QString::fromStdString(c);
    m_pairs = interpretation.mostConfused(minCount);
    m_rowTotals.clear();
    for (int c = 0; c < interpretation.classCount(); ++c)
        m_rowTotals.push_back(interpretation.rowTotal(c));
    endResetModel();
}

int MostConfusedModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_pairs.size()); }
int MostConfusedModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MostConfusedModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const ConfusedPair &p = m_pairs[std::size_t(index.row())];
    const double share = m_rowTotals[std::size_t(p.actual)] ? double(p.count) / double(m_rowTotals[std::size_t(p.actual)]) : 0;
    if (role == ActualIndexRole)
        return p.actual;
    if (role == PredictedIndexRole)
        return p.predicted;
    if (role == Qt::TextAlignmentRole && index.column() >= CountColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (index.column()) {
        case ActualColumn: return m_classes[p.actual];
        case PredictedColumn: return m_classes[p.predicted];
        case CountColumn: return qulonglong(p.count);
        case ShareColumn: return share;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ActualColumn: return m_classes[p.actual];
    case PredictedColumn: return m_classes[p.predicted];
    case CountColumn: return qulonglong(p.count);
    case ShareColumn: return QLocale().toString(100.0 * share, 'f', 1) + QLatin1Char(' ') + QLocale().percent();
    }
    return {};
}

QVariant MostConfusedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ActualColumn: return tr("Actual");
    case PredictedColumn: return tr("Predicted as");
    case CountColumn: return tr("Images");
    case ShareColumn: return tr("Of the class");
    }
    return {};
}

} // namespace kiln
