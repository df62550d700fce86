#include "confusionmatrixmodel.h"

#include <QLocale>

namespace kiln {

ConfusionMatrixModel::ConfusionMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ConfusionMatrixModel::setInterpretation(const Interpretation &interpretation)
{
    beginResetModel();
    m_interp = interpretation;
    m_max = 0;
    for (int a = 0; a < interpretation.classCount(); ++a)
        for (int p = 0; p < interpretation.classCount(); ++p)
            m_max = std::max(m_max, interpretation.count(a, p));
    endResetModel();
}

int ConfusionMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_interp ? 0 : m_interp->classCount();
}

int ConfusionMatrixModel::columnCount(const QModelIndex &parent) const
{
    return rowCount(parent);
}

QVariant ConfusionMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!m_interp || !index.isValid())
        return {};
    const int a = index.row(), p = index.column();
    const auto n = m_interp->count(a, p);
    switch (role) {
    case Qt::DisplayRole:
    case CountRole:
        return qulonglong(n);
    case FractionRole:
        return m_interp->rowFraction(a, p);
    case Qt::ToolTipRole: {
        const QString actual = QString::fromStdString(m_interp->classes()[std::size_t(a)]);
        const QString predicted = QString::fromStdString(m_interp->classes()[std::size_t(p)]);
        return tr("Actual %1, predicted %2\n%3 of %4 images (%5%)")
            .arg(actual, predicted, QLocale().toString(qulonglong(n)), QLocale().toString(qulonglong(m_interp->rowTotal(a))))
            .arg(QLocale().toString(100.0 * m_interp->rowFraction(a, p), 'f', 1));
    }
    default:
        return {};
    }
}

QVariant ConfusionMatrixModel::headerData(int section, Qt::Orientation, int role) const
{
    if (!m_interp || section < 0 || section >= m_interp->classCount())
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return QString::fromStdString(m_interp->classes()[std::size_t(section)]);
    return {};
}

} // namespace kiln
