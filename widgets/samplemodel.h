#pragma once
// One row per sample of a DatasetIndex. The decoration role is the thumbnail, fetched lazily from a
// ThumbnailCache: only rows a view paints are decoded. GUI thread only.

#include <QAbstractListModel>
#include <QSortFilterProxyModel>

#include <memory>

namespace kiln {

class DatasetIndex;
class ThumbnailCache;

class SampleModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1, // absolute path (QString)
        RelPathRole,                 // path inside the dataset (QString)
        LabelRole,                   // class index (int)
        ClassNameRole,               // class name (QString)
        SplitRole,                   // kiln::Split as int
        SampleRole,                  // row in the index (int)
        ThumbnailFailedRole,         // bool: the image could not be decoded
    };
    // A split's name in the user's language ("train", "valid", "test", "none" in English).
    static QString splitDisplayName(int split);

    explicit SampleModel(ThumbnailCache *thumbnails, QObject *parent = nullptr);

    void setIndex(std::shared_ptr<const DatasetIndex> index);
    const std::shared_ptr<const DatasetIndex> &datasetIndex() const { return m_index; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void onThumbnailsReady(const QList<int> &samples);

    std::shared_ptr<const DatasetIndex> m_index;
    ThumbnailCache *m_thumbnails;
};

// Filters samples by class and split. -1 means "all".
class SampleFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit SampleFilterModel(QObject *parent = nullptr);
    void setClassFilter(int label);
    void setSplitFilter(int split);
    int classFilter() const { return m_label; }
    int splitFilter() const { return m_split; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_label = -1;
    int m_split = -1;
};

} // namespace kiln
