#pragma once
// The images of an interpretation, each with its actual and predicted class, loss, p(predicted)
// and p(actual), and the user's cleaning choice (keep, delete, relabel to a class). Choices are
// held by file path, so they survive filtering and re-sorting until they are applied or cleared.
// LossFilterModel filters by actual class, predicted class, split and confusion cell, and sorts
// by loss, largest first. Thumbnails decode lazily through a ThumbnailCache. GUI thread only.

#include "data/editjournal.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <filesystem>
#include <memory>
#include <vector>

namespace kiln {

class ThumbnailCache;

struct LossItem {
    QString path;        // absolute
    int actual = -1;
    int predicted = -1;
    float loss = 0;
    float pPredicted = 0;
    float pActual = 0;
    bool valid = true;   // validation split (else training)
    int source = -1;     // the caller's index (e.g. into RunPredictions)
    int suggested = -1;  // a class a data-issue search suggests instead of `actual`, or -1
};

enum class CleanChoice { None, Keep, Delete, Relabel };

struct CleanDecision {
    CleanChoice choice = CleanChoice::None;
    int toClass = -1; // relabel
};

class LossItemModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PathRole = Qt::UserRole + 1,
        ActualRole,
        PredictedRole,
        LossRole,
        PPredictedRole,
        PActualRole,
        ValidRole,
        SourceRole,
        ChoiceRole,     // CleanChoice as int
        ChoiceClassRole,
        ChoiceTextRole, // "keep", "delete", "→ class", or empty
        CaptionRole,    // the lines the gallery shows under a thumbnail
        ThumbnailFailedRole,
        SuggestedRole,  // the suggested class, -1 for none
    };
    explicit LossItemModel(QObject *parent = nullptr);
    ThumbnailCache *thumbnails() const { return m_thumbs; }

    void setItems(const QStringList &classes, std::vector<LossItem> items);
    const QStringList &classes() const { return m_classes; }
    const LossItem &item(int row) const { return m_items[std::size_t(row)]; }

    // Suggested classes by source index (from a data-issue search); the others lose theirs.
    void setSuggestions(const QHash<int, int> &bySource);
    void setDecision(const QModelIndexList &rows, CleanDecision decision);
    CleanDecision decision(const QString &path) const { return m_decisions.value(path); }
    // Pending choices that change the dataset (delete and relabel), by path.
    QHash<QString, CleanDecision> pendingEdits() const;
    // The pending edits as the dataset's journal takes them (paths inside `imagesRoot`), sorted by
    // path; a delete carries `reason`.
    std::vector<EditRequest> editRequests(const std::filesystem::path &imagesRoot, const std::string &reason) const;
    int keptCount() const;
    // Forgets the choices for these paths (after they were applied, or on request).
    void clearDecisions(const QStringList &paths);
    void clearAllDecisions();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void decisionsChanged();

private:
    QStringList m_classes;
    std::vector<LossItem> m_items;
    QHash<QString, CleanDecision> m_decisions;
    ThumbnailCache *m_thumbs;
};

class LossFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LossFilterModel(QObject *parent = nullptr);
    // -1: any.
    void setActualClass(int c);
    void setPredictedClass(int c);
    void setOnlyMistakes(bool on);
    // Only the items whose source index is in `sources` (e.g. points selected in a scatter), or
    // every item when `enabled` is false.
    void setSourceFilter(const QSet<int> &sources, bool enabled);
    // Only these items, in this order (e.g. a data-issue list, worst first), instead of by loss.
    void setRankedSources(const QVector<int> &ranked);
    bool isRanked() const { return !m_rank.isEmpty(); }
    bool hasSourceFilter() const { return m_sourceFilter; }
    int actualClass() const { return m_actual; }
    int predictedClass() const { return m_predicted; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_actual = -1;
    int m_predicted = -1;
    bool m_onlyMistakes = false;
    bool m_sourceFilter = false;
    QSet<int> m_sources;
    QHash<int, int> m_rank; // source -> position, when ranked
};

} // namespace kiln
