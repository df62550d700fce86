#pragma once
// Two runs' per-class metrics side by side: for each class (matched by name, so runs whose class
// lists differ still line up; a class one run lacks shows a dash), precision, recall and F1 of run
// A and run B, the change in F1 (B - A, green when B is better) and each run's support. Sortable
// through SortRole. GUI thread only.

#include "analysis/interpretation.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <optional>
#include <vector>

namespace kiln {

class ClassCompareModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int SortRole = Qt::UserRole + 1;
    enum Column { ClassColumn, PrecisionA, PrecisionB, RecallA, RecallB, F1A, F1B, F1Change, SupportA, SupportB, ColumnCount };

    explicit ClassCompareModel(QObject *parent = nullptr);

    void setRuns(const QString &nameA, const Interpretation &a, const QString &nameB, const Interpretation &b);
    void clear();
    QString nameA() const { return m_nameA; }
    QString nameB() const { return m_nameB; }
    QStringList classes() const;
    // A class's metrics in run A (0) or B (1); empty when that run has no such class.
    std::optional<ClassMetrics> metrics(int row, int run) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString csv() const;

private:
    struct Row {
        QString name;
        std::optional<ClassMetrics> m[2];
    };
    QString m_nameA, m_nameB;
    std::vector<Row> m_rows;
};

} // namespace kiln
