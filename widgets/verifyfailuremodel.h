#pragma once
// The failures of a verification: file, status and reason, one row each. GUI thread only.

#include <QAbstractTableModel>

#include <vector>

namespace kiln {

struct FileVerdict;

class VerifyFailureModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { FileColumn, StatusColumn, ReasonColumn, ColumnCount };

    explicit VerifyFailureModel(QObject *parent = nullptr);
    void setFailures(const std::vector<FileVerdict> &failures, const std::vector<std::string> &quarantined);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(int status);

private:
    struct Row {
        QString file;
        int status;
        QString reason;
        bool quarantined;
    };
    std::vector<Row> m_rows;
};

// Classes with their counts per split. GUI thread only.
class ClassTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TotalColumn, TrainColumn, ValidColumn, TestColumn, ColumnCount };

    explicit ClassTableModel(QObject *parent = nullptr);
    void setCounts(const std::vector<QString> &names, const std::vector<std::size_t> &train,
                   const std::vector<std::size_t> &valid, const std::vector<std::size_t> &test);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<QString> m_names;
    std::vector<std::size_t> m_train, m_valid, m_test;
};

} // namespace kiln
