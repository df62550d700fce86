#include "lossitemmodel.h"

#include <algorithm>

#include "thumbnailcache.h"

#include <QLocale>

namespace kiln {

LossItemModel::LossItemModel(QObject *parent)
    : QAbstractListModel(parent)
    , m_thumbs(new ThumbnailCache(this))
{
    m_thumbs->setThumbnailSize(96);
    connect(m_thumbs, &ThumbnailCache::thumbnailsReady, this, [this](const QList<int> &rows) {
        for (int r : rows)
            if (r >= 0 && r < rowCount()) {
                const QModelIndex i = index(r);
                Q_EMIT dataChanged(i, i, {Qt::DecorationRole, ThumbnailFailedRole});
            }
    });
}

void LossItemModel::setItems(const QStringList &classes, std::vector<LossItem> items)
{
    beginResetModel();
    m_classes = classes;
    m_items = std::move(items);
    auto paths = std::make_shared<std::vector<std::filesystem::path>>();
    paths->reserve(m_items.size());
    for (const auto &it : m_items)
        paths->emplace_back(it.path.toStdString());
    m_thumbs->setPaths(std::move(paths));
    endResetModel();
}

void LossItemModel::setSuggestions(const QHash<int, int> &bySource)
{
    for (auto &it : m_items) {
        const int s = bySource.value(it.source, -1);
        it.suggested = s != it.actual ? s : -1; // once relabelled to it, nothing left to suggest
    }
    if (!m_items.empty())
        Q_EMIT dataChanged(index(0), index(int(m_items.size()) - 1), {CaptionRole, SuggestedRole});
}

void LossItemModel::setDecision(const QModelIndexList &rows, CleanDecision decision)
{
    for (const QModelIndex &i : rows) {
        if (!i.isValid() || i.model() != this)
            continue;
        const QString &path = m_items[std::size_t(i.row())].path;
        if (decision.choice == CleanChoice::None)
            m_decisions.remove(path);
        else
            m_decisions.insert(path, decision);
        Q_EMIT dataChanged(i, i, {ChoiceRole, ChoiceClassRole, ChoiceTextRole});
    }
    Q_EMIT decisionsChanged();
}

QHash<QString, CleanDecision> LossItemModel::pendingEdits() const
{
    QHash<QString, CleanDecision> out;
    for (auto it = m_decisions.begin(); it != m_decisions.end(); ++it)
        if (it->choice == CleanChoice::Delete || it->choice == CleanChoice::Relabel)
            out.insert(it.key(), it.value());
    return out;
}

int LossItemModel::keptCount() const
{
    int n = 0;
    for (const auto &d : m_decisions)
        n += d.choice == CleanChoice::Keep;
    return n;
}

void LossItemModel::clearDecisions(const QStringList &paths)
{
    for (const auto &p : paths)
        m_decisions.remove(p);
    if (!m_items.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {ChoiceRole, ChoiceClassRole, ChoiceTextRole});
    Q_EMIT decisionsChanged();
}

void LossItemModel::clearAllDecisions()
{
    clearDecisions(m_decisions.keys());
}

int LossItemModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_items.size()); }

QVariant LossItemModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const LossItem &it = m_items[std::size_t(index.row())];
    auto name = [&](int c) { return c >= 0 && c < m_classes.size() ? m_classes[c] : QStringLiteral("?"); };
    switch (role) {
    case Qt::DecorationRole: return m_thumbs->thumbnail(index.row());
    case ThumbnailFailedRole: return m_thumbs->isFailed(index.row());
    case PathRole: return it.path;
    case ActualRole: return it.actual;
    case PredictedRole: return it.predicted;
    case LossRole: return double(it.loss);
    case PPredictedRole: return double(it.pPredicted);
    case PActualRole: return double(it.pActual);
    case ValidRole: return it.valid;
    case SourceRole: return it.source;
    case ChoiceRole: return int(m_decisions.value(it.path).choice);
    case ChoiceClassRole: return m_decisions.value(it.path).toClass;
    case ChoiceTextRole: {
        const CleanDecision d = m_decisions.value(it.path);
        switch (d.choice) {
        case CleanChoice::Keep: return tr("keep");
        case CleanChoice::Delete: return tr("delete");
        case CleanChoice::Relabel: return QStringLiteral("→ ") + name(d.toClass);
        case CleanChoice::None: return QString();
        }
        return QString();
    }
    case Qt::DisplayRole:
    case CaptionRole:
        if (it.suggested >= 0)
            return tr("%1 / %2\nS → %3").arg(name(it.predicted), name(it.actual), name(it.suggested));
        return tr("%1 / %2\n%3 / %4 / %5")
            .arg(name(it.predicted), name(it.actual))
            .arg(QLocale().toString(double(it.loss), 'f', 2))
            .arg(QLocale().toString(double(it.pPredicted), 'f', 2))
            .arg(QLocale().toString(double(it.pActual), 'f', 2));
    case SuggestedRole: return it.suggested;
    case Qt::ToolTipRole:
        return tr("%1\npredicted %2, actual %3 (%4 split)\nloss %5, p(predicted) %6, p(actual) %7")
            .arg(it.path, name(it.predicted), name(it.actual), it.valid ? tr("validation") : tr("training"))
            .arg(QLocale().toString(double(it.loss), 'f', 3))
            .arg(QLocale().toString(double(it.pPredicted), 'f', 3))
            .arg(QLocale().toString(double(it.pActual), 'f', 3));
    default: return {};
    }
}

LossFilterModel::LossFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void LossFilterModel::setActualClass(int c)
{
    m_actual = c;
    invalidateFilter();
}

void LossFilterModel::setPredictedClass(int c)
{
    m_predicted = c;
    invalidateFilter();
}

void LossFilterModel::setOnlyMistakes(bool on)
{
    m_onlyMistakes = on;
    invalidateFilter();
}

void LossFilterModel::setSourceFilter(const QSet<int> &sources, bool enabled)
{
    m_sources = sources;
    m_sourceFilter = enabled;
    m_rank.clear();
    invalidate();
}

void LossFilterModel::setRankedSources(const QVector<int> &ranked)
{
    m_rank.clear();
    m_sources.clear();
    for (int i = 0; i < ranked.size(); ++i) {
        m_rank.insert(ranked[i], i);
        m_sources.insert(ranked[i]);
    }
    m_sourceFilter = true;
    invalidate();
}

bool LossFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const auto *m = static_cast<const LossItemModel *>(sourceModel());
    const LossItem &it = m->item(sourceRow);
    if (m_sourceFilter && !m_sources.contains(it.source))
        return false;
    return (m_actual < 0 || it.actual == m_actual) && (m_predicted < 0 || it.predicted == m_predicted)
           && (!m_onlyMistakes || it.actual != it.predicted);
}

bool LossFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *m = static_cast<const LossItemModel *>(sourceModel());
    if (!m_rank.isEmpty())
        return m_rank.value(m->item(left.row()).source) < m_rank.value(m->item(right.row()).source);
    return m->item(left.row()).loss > m->item(right.row()).loss; // largest loss first
}

std::vector<EditRequest> LossItemModel::editRequests(const std::filesystem::path &imagesRoot, const std::string &reason) const
{
    std::vector<EditRequest> requests;
    const auto pending = pendingEdits();
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        EditRequest r;
        r.path = std::filesystem::path(it.key().toStdString()).lexically_relative(imagesRoot).generic_string();
        if (it->choice == CleanChoice::Delete) {
            r.kind = EditKind::Remove;
            r.reason = reason;
        } else {
            r.kind = EditKind::Relabel;
            r.newClass = m_classes.value(it->toClass).toStdString();
        }
        requests.push_back(r);
    }
    std::sort(requests.begin(), requests.end(), [](const EditRequest &a, const EditRequest &b) { return a.path < b.path; });
    return requests;
}

} // namespace kiln
