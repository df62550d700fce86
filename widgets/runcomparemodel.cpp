#include "runcomparemodel.h"

#include "pictureexport.h"
#include "runoverlayplot.h"
#include "train/trainsettings.h"

#include <QBrush>
#include <QCoreApplication>
#include <QFont>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace kiln {

namespace {

// Shown even when every run has the same value: they are what a reader asks first.
const char *const kAlwaysShown[] = {"arch", "lr", "epochs", "size", "batch_size"};

QString duration(double seconds)
{
    const long s = std::lround(seconds);
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2:%3").arg(s / 3600).arg(s / 60 % 60, 2, 10, QLatin1Char('0')).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString settingLabel(const std::string &label)
{
    return QCoreApplication::translate("kiln::TrainSettings", label.c_str());
}

} // namespace

RunCompareModel::RunCompareModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RunCompareModel::setRuns(const std::vector<Run> &runs)
{
    beginResetModel();
    m_rows.clear();
    m_keys.clear();
    m_labels.clear();
    m_differs.clear();
    std::vector<TrainConfig> configs;
    for (const Run &r : runs)
        configs.push_back(r.config);
    const auto differing = differingSettings(configs);
    // The settings that differ first (what a reader compares), then the naming ones.
    for (int pass = 0; pass < 2; ++pass)
        for (const TrainSetting &s : trainSettings()) {
            const bool differs =
                std::any_of(differing.begin(), differing.end(), [&](const SettingDifference &d) { return d.key == s.key; });
            const bool always =
                std::any_of(std::begin(kAlwaysShown), std::end(kAlwaysShown), [&](const char *k) { return s.key == std::string(k); });
            if (pass == 0 ? !differs : differs || !always)
                continue;
            m_keys.push_back(s.key);
            m_labels.push_back(s.label);
            m_differs.push_back(differs ? 1 : 0);
        }
    for (const Run &r : runs) {
        Row row{QString::fromStdString(r.id()), r.figures(), {}};
        for (const std::string &key : m_keys)
            row.values.push_back(findTrainSetting(key)->format(r.config));
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

bool RunCompareModel::differs(const std::string &key) const
{
    const int c = columnOf(key);
    return c >= 0 && m_differs[std::size_t(c - FixedColumns)];
}

int RunCompareModel::columnOf(const std::string &key) const
{
    const auto it = std::find(m_keys.begin(), m_keys.end(), key);
    return it == m_keys.end() ? -1 : int(FixedColumns + (it - m_keys.begin()));
}

int RunCompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RunCompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(FixedColumns + m_keys.size());
}

QVariant RunCompareModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const RunFigures &f = row.figures;
    const int col = index.column();
    const bool has = f.epochs > 0;
    const QLocale locale;
    if (col >= FixedColumns) {
        const std::size_t k = std::size_t(col - FixedColumns);
        const QString value = QString::fromStdString(row.values[k]);
        const TrainSetting *s = findTrainSetting(m_keys[k]);
        switch (role) {
        case Qt::DisplayRole: return value;
        case SortRole: {
            bool ok = false;
            const double v = value.toDouble(&ok);
            return ok && s && s->numeric() ? QVariant(v) : QVariant(value);
        }
        case DiffersRole: return bool(m_differs[k]);
        case Qt::BackgroundRole:
            return m_differs[k] ? QVariant(QBrush(QColor(255, 214, 102, 150))) : QVariant();
        case Qt::FontRole:
            if (m_differs[k]) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::ToolTipRole:
            return m_differs[k] ? tr("%1 differs between the ticked runs").arg(settingLabel(m_labels[k])) : QVariant();
        }
        return {};
    }
    if (role == Qt::DecorationRole && col == RunColumn)
        return RunOverlayPlot::runColor(index.row());
    if (role == Qt::TextAlignmentRole && col != RunColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == SortRole) {
        switch (col) {
        case RunColumn: return row.id;
        case AccuracyColumn: return has ? f.accuracy : -1.0;
        case ValidLossColumn: return has ? f.validLoss : 1e300;
        case BestValidLossColumn: return has ? f.bestValidLoss : 1e300;
        case TrainLossColumn: return has ? f.trainLoss : 1e300;
        case EpochsColumn: return f.epochs;
        case TimeColumn: return f.seconds;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    if (col == RunColumn)
        return row.id;
    if (col == EpochsColumn)
        return QStringLiteral("%1/%2").arg(f.epochs).arg(f.planned);
    if (!has)
        return QStringLiteral("–");
    switch (col) {
    case AccuracyColumn: return locale.toString(f.accuracy, 'f', 4);
    case ValidLossColumn: return locale.toString(f.validLoss, 'f', 4);
    case BestValidLossColumn: return locale.toString(f.bestValidLoss, 'f', 4);
    case TrainLossColumn: return locale.toString(f.trainLoss, 'f', 4);
    case TimeColumn: return duration(f.seconds);
    }
    return {};
}

QVariant RunCompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RunColumn: return tr("Run");
    case AccuracyColumn: return tr("Accuracy");
    case ValidLossColumn: return tr("Valid loss");
    case BestValidLossColumn: return tr("Best valid loss");
    case TrainLossColumn: return tr("Train loss");
    case EpochsColumn: return tr("Epochs");
    case TimeColumn: return tr("Time");
    }
    const std::size_t k = std::size_t(section - FixedColumns);
    return k < m_labels.size() ? settingLabel(m_labels[k]) : QVariant();
}

QString RunCompareModel::csv() const
{
    QString out = QStringLiteral("run,accuracy,valid_loss,best_valid_loss,train_loss,epochs,planned_epochs,seconds");
    for (const std::string &key : m_keys)
        out += QLatin1Char(',') + QString::fromStdString(key);
    out += QLatin1Char('\n');
    for (const Row &row : m_rows) {
        const RunFigures &f = row.figures;
        out += csvField(row.id);
        for (double v : {f.accuracy, f.validLoss, f.bestValidLoss, f.trainLoss})
            out += QLatin1Char(',') + (f.epochs ? QString::number(v, 'g', 8) : QString());
        out += QStringLiteral(",%1,%2,%3").arg(f.epochs).arg(f.planned).arg(f.seconds, 0, 'g', 8);
        for (const std::string &v : row.values)
            out += QLatin1Char(',') + csvField(QString::fromStdString(v));
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace kiln
