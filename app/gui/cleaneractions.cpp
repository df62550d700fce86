#include "cleaneractions.h"

#include "galleryview.h"

#include <QAction>
#include <QMenu>

namespace kiln {

CleanerActions::CleanerActions(GalleryView *gallery, LossFilterModel *filter, LossItemModel *items, QObject *parent)
    : QObject(parent)
    , m_gallery(gallery)
    , m_filter(filter)
    , m_items(items)
{
    struct Key { QKeySequence key; CleanChoice choice; };
    for (const Key &k : {Key{Qt::Key_K, CleanChoice::Keep}, Key{Qt::Key_Delete, CleanChoice::Delete},
                         Key{Qt::Key_D, CleanChoice::Delete}, Key{Qt::Key_U, CleanChoice::None}}) {
        auto *a = new QAction(this);
        a->setShortcut(k.key);
        a->setShortcutContext(Qt::WidgetShortcut);
        m_gallery->addAction(a);
        const CleanChoice choice = k.choice;
        connect(a, &QAction::triggered, this, [this, choice] { setDecisionForSelection({choice, -1}); });
    }
    auto *relabelKey = new QAction(this);
    relabelKey->setShortcut(Qt::Key_R);
    relabelKey->setShortcutContext(Qt::WidgetShortcut);
    m_gallery->addAction(relabelKey);
    connect(relabelKey, &QAction::triggered, this, [this] {
        const QRect r = m_gallery->visualRect(m_gallery->currentIndex());
        showMenu(r.isValid() ? r.center() : QPoint(10, 10));
    });
    auto *suggestionKey = new QAction(this);
    suggestionKey->setShortcut(Qt::Key_S);
    suggestionKey->setShortcutContext(Qt::WidgetShortcut);
    m_gallery->addAction(suggestionKey);
    connect(suggestionKey, &QAction::triggered, this, &CleanerActions::acceptSuggestions);
    m_gallery->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_gallery, &QWidget::customContextMenuRequested, this, &CleanerActions::showMenu);
}

QModelIndexList CleanerActions::selectedRows() const
{
    QModelIndexList rows;
    for (const QModelIndex &i : m_gallery->selectionModel()->selectedIndexes())
        rows << m_filter->mapToSource(i);
    if (rows.isEmpty() && m_gallery->currentIndex().isValid())
        rows << m_filter->mapToSource(m_gallery->currentIndex());
    return rows;
}

void CleanerActions::setDecisionForSelection(const CleanDecision &decision)
{
    m_items->setDecision(selectedRows(), decision);
}

int CleanerActions::acceptSuggestions()
{
    int marked = 0;
    for (const QModelIndex &row : selectedRows()) {
        const int suggested = row.data(LossItemModel::SuggestedRole).toInt();
        if (suggested < 0)
            continue;
        m_items->setDecision({row}, {CleanChoice::Relabel, suggested});
        ++marked;
    }
    return marked;
}

void CleanerActions::showMenu(const QPoint &pos)
{
    if (!m_gallery->indexAt(pos).isValid() && !m_gallery->currentIndex().isValid())
        return;
    if (m_gallery->indexAt(pos).isValid() && !m_gallery->selectionModel()->isSelected(m_gallery->indexAt(pos)))
        m_gallery->setCurrentIndex(m_gallery->indexAt(pos));
    QMenu menu(m_gallery);
    menu.addAction(tr("Keep\tK"), this, [this] { setDecisionForSelection({CleanChoice::Keep, -1}); });
    menu.addAction(tr("Delete\tDel"), this, [this] { setDecisionForSelection({CleanChoice::Delete, -1}); });
    const QModelIndex current = m_gallery->currentIndex();
    const int suggested = current.isValid() ? current.data(LossItemModel::SuggestedRole).toInt() : -1;
    const QStringList &classes = m_items->classes();
    if (suggested >= 0 && suggested < classes.size())
        menu.addAction(tr("Relabel to the suggestion (%1)\tS").arg(classes[suggested]), this, &CleanerActions::acceptSuggestions);
    QMenu *relabel = menu.addMenu(tr("Relabel to"));
    for (int c = 0; c < classes.size(); ++c)
        relabel->addAction(classes[c], this, [this, c] { setDecisionForSelection({CleanChoice::Relabel, c}); });
    menu.addSeparator();
    menu.addAction(tr("Clear choice\tU"), this, [this] { setDecisionForSelection({CleanChoice::None, -1}); });
    menu.exec(m_gallery->viewport()->mapToGlobal(pos));
}

} // namespace kiln
