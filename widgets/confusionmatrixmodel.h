#pragma once
// The confusion matrix as a table model: rows are actual classes, columns predicted classes.
// DisplayRole is the count; CountRole / FractionRole (of the row) / ToolTipRole for views.
// GUI thread only.

#include "analysis/interpretation.h"

#include <QAbstractTableModel>

#include <optional>

namespace kiln {

class ConfusionMatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { CountRole = Qt::UserRole + 1, FractionRole };
    explicit ConfusionMatrixModel(QObject *parent = nullptr);

    void setInterpretation(const Interpretation &interpretation);
    const Interpretation *interpretation() const { return m_interp ? &*m_interp : nullptr; }
    std::size_t maxCount() const { return m_max; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::optional<Interpretation> m_interp;
    std::size_t m_max = 0;
};

} // namespace kiln
