#pragma once
// A read-only table of `model` behind a sorting proxy (sorted by `sortRole`, initially on
// `sortColumn`), one row selected at a time, columns sized to their contents. GUI thread only.

#include <Qt>

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace kiln {

QTableView *makeSortedTable(QAbstractItemModel *model, int sortRole, int sortColumn, Qt::SortOrder order, QWidget *parent);

} // namespace kiln
