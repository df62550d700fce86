#pragma once
// The cleaner gallery's keys and context menu: K keep, Delete or D delete, R relabel (a menu of
// every class), S relabel to the class a data-issue search suggests, U clear the choice. The
// choices go to the gallery's LossItemModel, for the selected images (or the current one).

#include "lossitemmodel.h"

#include <QObject>

namespace kiln {

class GalleryView;

class CleanerActions : public QObject {
    Q_OBJECT
public:
    CleanerActions(GalleryView *gallery, LossFilterModel *filter, LossItemModel *items, QObject *parent);
    void setDecisionForSelection(const CleanDecision &decision);
    // Marks every selected image that has a suggestion: relabel to it. Returns how many.
    int acceptSuggestions();
    void showMenu(const QPoint &pos);

private:
    QModelIndexList selectedRows() const;
    GalleryView *m_gallery;
    LossFilterModel *m_filter;
    LossItemModel *m_items;
};

} // namespace kiln
