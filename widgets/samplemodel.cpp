#include "samplemodel.h"

#include "thumbnailcache.h"

#include "data/datasetindex.h"

#include <QFileInfo>

namespace kiln {

SampleModel::SampleModel(ThumbnailCache *thumbnails, QObject *parent)
    : QAbstractListModel(parent)
    , m_thumbnails(thumbnails)
{
    connect(m_thumbnails, &ThumbnailCache::thumbnailsReady, this, &SampleModel::onThumbnailsReady);
}

void SampleModel::setIndex(std::shared_ptr<const DatasetIndex> index)
{
    beginResetModel();
    m_index = std::move(index);
    m_thumbnails->setIndex(m_index);
    endResetModel();
}

int SampleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_index ? 0 : int(m_index->size());
}

QString SampleModel::splitDisplayName(int split)
{
    switch (Split(split)) {
    case Split::Train: return tr("train");
    case Split::Valid: return tr("valid");
    case Split::Test: return tr("test");
    default: return tr("none");
    }
}

QVariant SampleModel::data(const QModelIndex &index, int role) const
{
    if (!m_index || !index.isValid() || index.row() >= int(m_index->size()))
        return {};
    const Sample &s = m_index->samples()[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole: {
        const auto slash = s.relPath.rfind('/');
        return QString::fromStdString(slash == std::string::npos ? s.relPath : s.relPath.substr(slash + 1));
    }
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2 · %3")
            .arg(QString::fromStdString(s.relPath), QString::fromStdString(m_index->classes()[std::size_t(s.label)]),
                 splitDisplayName(int(s.split)));
    case Qt::DecorationRole:
        return m_thumbnails->thumbnail(index.row());
    case PathRole:
        return QString::fromStdString(m_index->absolutePath(std::size_t(index.row())).string());
    case RelPathRole:
        return QString::fromStdString(s.relPath);
    case LabelRole:
        return s.label;
    case ClassNameRole:
        return QString::fromStdString(m_index->classes()[std::size_t(s.label)]);
    case SplitRole:
        return int(s.split);
    case SampleRole:
        return index.row();
    case ThumbnailFailedRole:
        return m_thumbnails->isFailed(index.row());
    default:
        return {};
    }
}

QHash<int, QByteArray> SampleModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(PathRole, "path");
    names.insert(RelPathRole, "relPath");
    names.insert(LabelRole, "label");
    names.insert(ClassNameRole, "className");
    names.insert(SplitRole, "split");
    return names;
}

void SampleModel::onThumbnailsReady(const QList<int> &samples)
{
    if (samples.isEmpty())
        return;
    // One signal for the contiguous span keeps the view's repaint work proportional to the batch.
    int lo = samples.front(), hi = samples.front();
    for (int s : samples) {
        lo = std::min(lo, s);
        hi = std::max(hi, s);
    }
    Q_EMIT dataChanged(this->index(lo), this->index(hi), {Qt::DecorationRole, ThumbnailFailedRole});
}

SampleFilterModel::SampleFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
}

void SampleFilterModel::setClassFilter(int label)
{
    if (label == m_label)
        return;
    m_label = label;
    invalidateFilter();
}

void SampleFilterModel::setSplitFilter(int split)
{
    if (split == m_split)
        return;
    m_split = split;
    invalidateFilter();
}

bool SampleFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_label < 0 && m_split < 0)
        return true;
    auto *model = qobject_cast<SampleModel *>(sourceModel());
    if (!model || !model->datasetIndex())
        return true;
    const Sample &s = model->datasetIndex()->samples()[std::size_t(sourceRow)];
    return (m_label < 0 || s.label == m_label) && (m_split < 0 || int(s.split) == m_split);
}

} // namespace kiln
