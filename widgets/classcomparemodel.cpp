#include "classcomparemodel.h"

#include "pictureexport.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>
#include <limits>

namespace kiln {

ClassCompareModel::ClassCompareModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ClassCompareModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_nameA.clear();
    m_nameB.clear();
    endResetModel();
}

void ClassCompareModel::setRuns(const QString &nameA, const Interpretation &a, const QString &nameB, const Interpretation &b)
{
    beginResetModel();
    m_nameA = nameA;
    m_nameB = nameB;
    m_rows.clear();
    auto rowFor = [this](const QString &name) -> Row & {
        for (Row &r : m_rows)
            if (r.name == name)
                return r;
        m_rows.push_back({name, {}});
        return m_rows.back();
    };
    const Interpretation *runs[2] = {&a, &b};
    for (int run = 0; run < 2; ++run)
        for (int c = 0; c < runs[run]->classCount(); ++c)
            rowFor(QString::fromStdString(runs[run]->classes()[std::size_t(c)])).m[run] = runs[run]->perClass()[std::size_t(c)];
    endResetModel();
}

QStringList ClassCompareModel::classes() const
{
    QStringList out;
    for (const Row &r : m_rows)
        out << r.name;
    return out;
}

std::optional<ClassMetrics> ClassCompareModel::metrics(int row, int run) const
{
    if (row < 0 || row >= int(m_rows.size()) || run < 0 || run > 1)
        return std::nullopt;
    return m_rows[std::size_t(row)].m[run];
}

int ClassCompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClassCompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

// The value of a column for one run's metrics, NaN when absent.
double columnValue(const std::optional<ClassMetrics> &m, int column)
{
    if (!m)
        return std::numeric_limits<double>::quiet_NaN();
    switch (column) {
    case ClassCompareModel::PrecisionA:
    case ClassCompareModel::PrecisionB: return m->precision;
    case ClassCompareModel::RecallA:
    case ClassCompareModel::RecallB: return m->recall;
    case ClassCompareModel::F1A:
    case ClassCompareModel::F1B: return m->f1;
    case ClassCompareModel::SupportA:
    case ClassCompareModel::SupportB: return double(m->support);
    }
    return std::numeric_limits<double>::quiet_NaN();
}

int runOfColumn(int column)
{
    return column == ClassCompareModel::PrecisionB || column == ClassCompareModel::RecallB || column == ClassCompareModel::F1B
                   || column == ClassCompareModel::SupportB
               ? 1
               : 0;
}

} // namespace

QVariant ClassCompareModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const int col = index.column();
    double value = std::numeric_limits<double>::quiet_NaN();
    if (col == F1Change) {
        if (row.m[0] && row.m[1])
            value = row.m[1]->f1 - row.m[0]->f1;
    } else if (col != ClassColumn) {
        value = columnValue(row.m[runOfColumn(col)], col);
    }
    switch (role) {
    case Qt::DisplayRole:
        if (col == ClassColumn)
            return row.name;
        if (std::isnan(value))
            return QStringLiteral("–");
        if (col == SupportA || col == SupportB)
            return QLocale().toString(qlonglong(value));
        if (col == F1Change)
            return (value > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(value, 'f', 3);
        return QLocale().toString(value, 'f', 3);
    case SortRole:
        if (col == ClassColumn)
            return row.name;
        return std::isnan(value) ? -1e300 : value;
    case Qt::TextAlignmentRole:
        return col == ClassColumn ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (col == F1Change && !std::isnan(value) && std::abs(value) >= 0.0005)
            return QBrush(value > 0 ? QColor(20, 130, 50) : QColor(190, 40, 30));
        return {};
    case Qt::ToolTipRole:
        if (col != ClassColumn && std::isnan(value))
            return tr("This run has no class %1").arg(row.name);
        return {};
    }
    return {};
}

QVariant ClassCompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    const QString a = tr("A"), b = tr("B");
    if (role == Qt::ToolTipRole && section != ClassColumn && section != F1Change)
        return runOfColumn(section) ? m_nameB : m_nameA;
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ClassColumn: return tr("Class");
    case PrecisionA: return tr("Precision %1").arg(a);
    case PrecisionB: return tr("Precision %1").arg(b);
    case RecallA: return tr("Recall %1").arg(a);
    case RecallB: return tr("Recall %1").arg(b);
    case F1A: return tr("F1 %1").arg(a);
    case F1B: return tr("F1 %1").arg(b);
    case F1Change: return tr("F1 change");
    case SupportA: return tr("Images %1").arg(a);
    case SupportB: return tr("Images %1").arg(b);
    }
    return {};
}

QString ClassCompareModel::csv() const
{
    QString out = QStringLiteral("class,precision_a,precision_b,recall_a,recall_b,f1_a,f1_b,f1_change,support_a,support_b\n");
    for (const Row &row : m_rows) {
        out += csvField(row.name);
        for (int col = PrecisionA; col < ColumnCount; ++col) {
            double v = std::numeric_limits<double>::quiet_NaN();
            if (col == F1Change)
                v = row.m[0] && row.m[1] ? row.m[1]->f1 - row.m[0]->f1 : v;
            else
                v = columnValue(row.m[runOfColumn(col)], col);
            out += QLatin1Char(',') + (std::isnan(v) ? QString() : QString::number(v, 'g', 8));
        }
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace kiln
