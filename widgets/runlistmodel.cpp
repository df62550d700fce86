#include "runlistmodel.h"

#include "models/modelspec.h"

#include <QLocale>

namespace kiln {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

bool sameListing(const RunEntry &a, const RunEntry &b)
{
    if (a.run.has_value() != b.run.has_value() || a.damage != b.damage)
        return false;
    if (!a.run)
        return true;
    return a.run->status == b.run->status && a.run->accuracy() == b.run->accuracy() && a.run->hasResult() == b.run->hasResult()
           && a.run->error == b.run->error && trainConfigToJson(a.run->config) == trainConfigToJson(b.run->config);
}

} // namespace

RunListModel::RunListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void RunListModel::setDataset(const std::filesystem::path &datasetDir)
{
    if (datasetDir != m_dataset) {
        const bool hadTicks = !m_checked.isEmpty();
        beginResetModel();
        m_dataset = datasetDir;
        m_entries.clear();
        m_checked.clear(); // ticks are of this project's runs
        endResetModel();
        if (hadTicks)
            Q_EMIT checkedRunsChanged();
    }
    refresh();
}

void RunListModel::refresh()
{
    std::vector<RunEntry> fresh;
    if (!m_dataset.empty())
        fresh = RunStore(m_dataset).list();
    // Both lists are sorted by id, newest first: walk them together, so rows that stay keep their
    // place (and a view its selection).
    std::size_t i = 0, j = 0;
    bool checkedChanged = false;
    while (i < m_entries.size() || j < fresh.size()) {
        if (j >= fresh.size() || (i < m_entries.size() && m_entries[i].id > fresh[j].id)) {
            if (m_checked.remove(q(m_entries[i].dir.string())))
                checkedChanged = true;
            beginRemoveRows({}, int(i), int(i));
            m_entries.erase(m_entries.begin() + std::ptrdiff_t(i));
            endRemoveRows();
        } else if (i >= m_entries.size() || m_entries[i].id < fresh[j].id) {
            beginInsertRows({}, int(i), int(i));
            m_entries.insert(m_entries.begin() + std::ptrdiff_t(i), std::move(fresh[j]));
            endInsertRows();
            ++i;
            ++j;
        } else {
            const bool changed = !sameListing(m_entries[i], fresh[j]);
            m_entries[i] = std::move(fresh[j]);
            // A run that became damaged cannot stay compared (nor be unticked: it has no box).
            if (!m_entries[i].run && m_checked.remove(q(m_entries[i].dir.string())))
                checkedChanged = true;
            if (changed)
                Q_EMIT dataChanged(index(int(i)), index(int(i)));
            // A ticked run that changed (it finished, or grew epochs) is drawn again.
            if (changed && m_checked.contains(q(m_entries[i].dir.string())))
                checkedChanged = true;
            ++i;
            ++j;
        }
    }
    if (checkedChanged)
        Q_EMIT checkedRunsChanged();
}

const Run *RunListModel::run(int row) const
{
    if (row < 0 || row >= int(m_entries.size()) || !m_entries[std::size_t(row)].run)
        return nullptr;
    return &*m_entries[std::size_t(row)].run;
}

QStringList RunListModel::checkedRuns() const
{
    QStringList out;
    for (const auto &e : m_entries)
        if (m_checked.contains(q(e.dir.string())))
            out << q(e.dir.string());
    return out;
}

void RunListModel::setChecked(const QString &runDir, bool checked)
{
    const int row = rowOf(runDir);
    if (row < 0 || m_checked.contains(runDir) == checked || (checked && !m_entries[std::size_t(row)].run))
        return;
    if (checked)
        m_checked.insert(runDir);
    else
        m_checked.remove(runDir);
    Q_EMIT dataChanged(index(row), index(row), {Qt::CheckStateRole});
    Q_EMIT checkedRunsChanged();
}

bool RunListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || !index.isValid() || index.row() >= int(m_entries.size()))
        return false;
    setChecked(q(m_entries[std::size_t(index.row())].dir.string()), value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags RunListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.row() < int(m_entries.size()) && m_entries[std::size_t(index.row())].run)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

int RunListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString RunListModel::statusText(const RunEntry &e)
{
    if (!e.run)
        return tr("damaged");
    switch (e.run->status) {
    case RunStatus::Running: return tr("running");
    case RunStatus::Finished: return tr("finished");
    case RunStatus::Stopped: return tr("stopped");
    case RunStatus::Failed: return tr("failed");
    }
    return {};
}

QVariant RunListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_entries.size()))
        return {};
    const RunEntry &e = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        if (!e.run)
            return tr("%1 · damaged").arg(q(e.id));
        QString text = QStringLiteral("%1 · %2").arg(q(e.id), statusText(e));
        if (e.run->accuracy() >= 0)
            text += tr(" · accuracy %1").arg(QLocale().toString(e.run->accuracy(), 'f', 4));
        return text;
    }
    case Qt::ToolTipRole:
        if (!e.run)
            return q(e.damage);
        if (e.run->status == RunStatus::Failed && !e.run->error.empty())
            return q(e.run->error);
        return tr("%1, %2 epochs, batch %3, %4 px").arg(QString::fromLatin1(architectureName(e.run->config.arch))).arg(e.run->config.epochs).arg(e.run->config.batchSize).arg(e.run->config.size);
    case Qt::CheckStateRole:
        if (!e.run)
            return {};
        return m_checked.contains(q(e.dir.string())) ? Qt::Checked : Qt::Unchecked;
    case DirRole: return q(e.dir.string());
    case IdRole: return q(e.id);
    case StatusRole: return e.run ? QString::fromLatin1(runStatusName(e.run->status)) : QStringLiteral("damaged");
    case HasResultRole: return e.run && e.run->hasResult();
    case AccuracyRole: return e.run ? e.run->accuracy() : -1.0;
    }
    return {};
}

int RunListModel::rowOf(const QString &runDir) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (q(m_entries[i].dir.string()) == runDir)
            return int(i);
    return -1;
}

RunChoiceModel::RunChoiceModel(QObject *parent, bool finishedOnly)
    : QSortFilterProxyModel(parent)
    , m_finishedOnly(finishedOnly)
{
}

QVariant RunChoiceModel::data(const QModelIndex &index, int role) const
{
    return role == Qt::CheckStateRole ? QVariant() : QSortFilterProxyModel::data(index, role);
}

Qt::ItemFlags RunChoiceModel::flags(const QModelIndex &index) const
{
    return QSortFilterProxyModel::flags(index) & ~Qt::ItemIsUserCheckable;
}

bool RunChoiceModel::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    return !m_finishedOnly || sourceModel()->index(row, 0, parent).data(RunListModel::HasResultRole).toBool();
}

} // namespace kiln
