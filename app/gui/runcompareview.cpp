#include "runcompareview.h"

#include "pictureexport.h"
#include "runcomparemodel.h"
#include "runlistmodel.h"
#include "runoverlayplot.h"
#include "sortedtable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kiln {

RunCompareView::RunCompareView(bool withRunList, QWidget *parent)
    : QWidget(parent)
    , m_hint(new QLabel(this))
    , m_plot(new RunOverlayPlot(this))
    , m_table(new RunCompareModel(this))
{
    m_tableView = makeSortedTable(m_table, RunCompareModel::SortRole, RunCompareModel::AccuracyColumn, Qt::DescendingOrder, this);
    m_tableView->setToolTip(tr("Click a column's title to sort; highlighted settings differ between the ticked runs"));
    m_hint->setWordWrap(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_hint, 1);
    bar->addWidget(makeExportButton(m_plot->picture(), this, tr("Export curves")));
    bar->addWidget(makeExportButton(tablePicture(m_tableView, QStringLiteral("runs"), tr("Runs compared"), [this] { return m_table->csv(); }),
                                    this, tr("Export table")));

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_plot);
    split->addWidget(m_tableView);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->addLayout(bar);
    right->addWidget(split, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    if (withRunList) {
        // Above the plot, so the curves keep the panel's width.
        m_list = new QListView(this);
        m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_list->setToolTip(tr("Tick the runs to draw over each other"));
        m_list->setMaximumHeight(m_list->fontMetrics().height() * 6);
        layout->addWidget(new QLabel(tr("Runs to compare (tick them):"), this));
        layout->addWidget(m_list);
    }
    layout->addLayout(right, 1);
    refresh();
}

void RunCompareView::setRunModel(RunListModel *runs)
{
    if (m_runs)
        disconnect(m_runs, nullptr, this, nullptr);
    m_runs = runs;
    if (m_list)
        m_list->setModel(runs);
    connect(runs, &RunListModel::checkedRunsChanged, this, &RunCompareView::refresh);
    connect(runs, &QAbstractItemModel::modelReset, this, &RunCompareView::refresh);
    refresh();
}

QString RunCompareView::hint() const
{
    return m_hint->text();
}

void RunCompareView::refresh()
{
    std::vector<Run> runs;
    std::vector<RunCurves> curves;
    QStringList problems;
    if (m_runs)
        for (const QString &dir : m_runs->checkedRuns()) {
            const Run *run = m_runs->run(m_runs->rowOf(dir));
            if (!run)
                continue;
            RunCurves c{QString::fromStdString(run->id()), {}, {}};
            // Files written so far; a damaged one is named, and the run still listed.
            if (auto m = run->metrics())
                c.epochs = std::move(m.value());
            else
                problems << QString::fromStdString(m.message());
            if (auto b = run->batches())
                c.batches = std::move(b.value());
            else
                problems << QString::fromStdString(b.message());
            runs.push_back(*run);
            curves.push_back(std::move(c));
        }
    m_plot->setRuns(curves);
    m_table->setRuns(runs);
    QString text;
    if (runs.empty())
        text = tr("Tick two or more runs in the list to draw their curves over each other and compare their settings.");
    else if (runs.size() == 1)
        text = tr("One run ticked: tick another to compare.");
    else
        text = tr("%n runs compared; highlighted settings differ.", nullptr, int(runs.size()));
    if (!problems.isEmpty())
        text += QLatin1Char(' ') + problems.join(QLatin1Char(' '));
    m_hint->setText(text);
}

} // namespace kiln
