#include "verifyfailuremodel.h"

#include "data/datasetverifier.h"

#include <QColor>
#include <QLocale>

#include <algorithm>

namespace kiln {

VerifyFailureModel::VerifyFailureModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString VerifyFailureModel::statusText(int status)
{
    switch (VerifyStatus(status)) {
    case VerifyStatus::Ok: return tr("ok");
    case VerifyStatus::Unreadable: return tr("unreadable");
    case VerifyStatus::Truncated: return tr("truncated");
    case VerifyStatus::NotAnImage: return tr("not an image");
    case VerifyStatus::ZeroBytes: return tr("zero bytes");
    case VerifyStatus::TooLarge: return tr("too large");
    case VerifyStatus::Unsupported: return tr("unsupported format");
    }
    return {};
}

void VerifyFailureModel::setFailures(const std::vector<FileVerdict> &failures, const std::vector<std::string> &quarantined)
{
    beginResetModel();
    m_rows.clear();
    for (const auto &f : failures) {
        const bool q = std::find(quarantined.begin(), quarantined.end(), f.relPath) != quarantined.end();
        m_rows.push_back({QString::fromStdString(f.relPath), int(f.result.status), QString::fromStdString(f.result.reason), q});
    }
    endResetModel();
}

void VerifyFailureModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int VerifyFailureModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VerifyFailureModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VerifyFailureModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case FileColumn: return r.quarantined ? tr("%1 (moved to trash)").arg(r.file) : r.file;
        case StatusColumn: return statusText(r.status);
        case ReasonColumn: return r.reason;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn)
        return QColor(190, 40, 40);
    if (role == Qt::UserRole)
        return r.file;
    return {};
}

QVariant VerifyFailureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn: return tr("File");
    case StatusColumn: return tr("Problem");
    case ReasonColumn: return tr("Reason");
    }
    return {};
}

ClassTableModel::ClassTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ClassTableModel::setCounts(const std::vector<QString> &names, const std::vector<std::size_t> &train,
                                const std::vector<std::size_t> &valid, const std::vector<std::size_t> &test)
{
    beginResetModel();
    m_names = names;
    m_train = train;
    m_valid = valid;
    m_test = test;
    endResetModel();
}

int ClassTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

int ClassTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClassTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_names.size()))
        return {};
    const auto i = std::size_t(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        const QLocale locale;
        const bool display = role == Qt::DisplayRole;
        auto num = [&](std::size_t n) -> QVariant { return display ? QVariant(locale.toString(qulonglong(n))) : QVariant(qulonglong(n)); };
        switch (index.column()) {
        case NameColumn: return m_names[i];
        case TotalColumn: return num(m_train[i] + m_valid[i] + m_test[i]);
        case TrainColumn: return num(m_train[i]);
        case ValidColumn: return num(m_valid[i]);
        case TestColumn: return num(m_test[i]);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != NameColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ClassTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Class");
    case TotalColumn: return tr("Images");
    case TrainColumn: return tr("Train");
    case ValidColumn: return tr("Valid");
    case TestColumn: return tr("Test");
    }
    return {};
}

} // namespace kiln
