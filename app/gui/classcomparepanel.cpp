#include "classcomparepanel.h"

#include "backgroundjob.h"
#include "classbarchart.h"
#include "classcomparemodel.h"
#include "pictureexport.h"
#include "progresspanel.h"
#include "runlistmodel.h"
#include "runoverlayplot.h"
#include "sortedtable.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace kiln {

namespace {
QString toQ(const std::string &s) { return QString::fromStdString(s); }
QString runName(const QString &dir) { return QFileInfo(dir).fileName(); }
} // namespace

ClassComparePanel::ClassComparePanel(QWidget *parent)
    : QWidget(parent)
    , m_finished(new FinishedRunsModel(this))
    , m_runB(new QComboBox(this))
    , m_button(new QPushButton(tr("Compare per class"), this))
    , m_status(new QLabel(this))
    , m_panel(new ProgressPanel(this))
    , m_job(new BackgroundJob(this, m_panel))
    , m_model(new ClassCompareModel(this))
    , m_chart(new ClassBarChart(this))
{
    m_runB->setModel(m_finished);
    m_runB->setMinimumWidth(120);
    m_runB->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_runB->setMinimumContentsLength(12);
    m_runB->setToolTip(tr("Run B, compared with the run interpreted above (A)"));
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // a long status never widens the window
    m_table = makeSortedTable(m_model, ClassCompareModel::SortRole, ClassCompareModel::F1Change, Qt::AscendingOrder, this);

    const ExportablePicture table = tablePicture(m_table, QStringLiteral("per-class-compared"), tr("Per-class metrics of two runs"),
                                                 [this] { return m_model->csv(); });

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Run B:"), this));
    top->addWidget(m_runB);
    top->addWidget(m_button);
    top->addStretch(1);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(makeExportButton(m_chart->picture(), this, tr("Export chart")));
    statusRow->addWidget(makeExportButton(table, this, tr("Export table")));

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_chart);
    scroll->setWidgetResizable(true);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(scroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addLayout(statusRow);
    layout->addWidget(m_panel);
    layout->addWidget(split, 1);

    connect(m_button, &QPushButton::clicked, this, &ClassComparePanel::compare);
    connect(m_job, &BackgroundJob::runningChanged, this, &ClassComparePanel::updateButton);
    connect(m_job, &BackgroundJob::runningChanged, this, &ClassComparePanel::busyChanged);
    m_status->setText(tr("Interpret a run, choose run B, and press Compare per class."));
    updateButton();
}

ClassComparePanel::~ClassComparePanel() = default;

void ClassComparePanel::setRunModel(RunListModel *runs)
{
    if (m_runs)
        disconnect(m_runs, nullptr, this, nullptr);
    m_runs = runs;
    m_finished->setSourceModel(runs);
    auto chooseTicked = [this] {
        // A ticked run other than A becomes B, so ticking two runs compares them.
        for (const QString &dir : m_runs->checkedRuns()) {
            if (dir == m_runA)
                continue;
            const int row = m_runB->findData(dir, RunListModel::DirRole);
            if (row >= 0) {
                m_runB->setCurrentIndex(row);
                return;
            }
        }
    };
    connect(runs, &RunListModel::checkedRunsChanged, this, chooseTicked);
    connect(m_finished, &QAbstractItemModel::rowsInserted, this, &ClassComparePanel::updateButton, Qt::UniqueConnection);
    connect(m_finished, &QAbstractItemModel::modelReset, this, &ClassComparePanel::updateButton, Qt::UniqueConnection);
    updateButton();
}

void ClassComparePanel::clear()
{
    m_job->cancel();
    m_a.reset();
    m_runA.clear();
    m_shownB.clear();
    m_pending = false;
    m_model->clear();
    m_chart->clear();
    m_status->setText(tr("Interpret a run, choose run B, and press Compare per class."));
    updateButton();
}

bool ClassComparePanel::isBusy() const
{
    return m_job->isRunning();
}

QString ClassComparePanel::status() const
{
    return m_status->text();
}

void ClassComparePanel::updateButton()
{
    m_button->setEnabled(!m_job->isRunning() && m_a.has_value() && m_runB->count() > 0);
}

void ClassComparePanel::setRunA(const QString &runDir, const Interpretation &interpretation, AnalysisScope scope)
{
    const bool again = !m_shownB.isEmpty() && (runDir != m_runA || scope != m_scope || m_model->rowCount() > 0);
    m_runA = runDir;
    m_a = interpretation;
    m_scope = scope;
    if (m_runB->currentData(RunListModel::DirRole).toString() == runDir && m_runB->count() > 1) {
        // B should not be A: another ticked run, else the next in the list.
        int other = m_runB->currentIndex() == 0 ? 1 : 0;
        if (m_runs)
            for (const QString &dir : m_runs->checkedRuns())
                if (dir != runDir && m_runB->findData(dir, RunListModel::DirRole) >= 0) {
                    other = m_runB->findData(dir, RunListModel::DirRole);
                    break;
                }
        m_runB->setCurrentIndex(other);
    }
    updateButton();
    if (again)
        compare();
}

void ClassComparePanel::compare()
{
    const QString dirB = m_runB->currentData(RunListModel::DirRole).toString();
    if (m_job->isRunning()) {
        m_pending = true; // the job's result is for the old A or B: compare again when it ends
        return;
    }
    if (!m_a || dirB.isEmpty())
        return;
    auto info = readRunInfo(dirB.toStdString());
    if (!info) {
        m_status->setText(toQ(info.message()));
        Q_EMIT compared(false, m_status->text());
        return;
    }
    m_status->setText(tr("Predicting %1…").arg(runName(dirB)));
    const AnalysisScope scope = m_scope;
    m_job->start(
        tr("Predicting run B"),
        [info = info.value(), scope](Progress &progress) -> Result<Interpretation> {
            auto preds = predictRun(info, scope, {}, &progress);
            if (!preds)
                return preds.error();
            return preds->interpretation(scope);
        },
        [this, dirB, scope](Result<Interpretation> b) {
            if (m_pending || scope != m_scope || !m_a) {
                // A, its split or B changed meanwhile: this B is not the one to show.
                m_pending = false;
                if (m_a)
                    QMetaObject::invokeMethod(this, &ClassComparePanel::compare, Qt::QueuedConnection);
                return;
            }
            if (!b) {
                m_status->setText(toQ(b.message()));
                Q_EMIT compared(false, m_status->text());
                return;
            }
            m_shownB = dirB;
            show(b.value());
            Q_EMIT compared(true, m_status->text());
        });
}

void ClassComparePanel::show(const Interpretation &b)
{
    const QString a = runName(m_runA), bName = runName(m_shownB);
    m_model->setRuns(a, *m_a, bName, b);
    const QStringList classes = m_model->classes();
    BarSeries fa{tr("A: %1").arg(a), RunOverlayPlot::runColor(0), {}}, fb{tr("B: %1").arg(bName), RunOverlayPlot::runColor(1), {}};
    for (int r = 0; r < classes.size(); ++r) {
        const auto ma = m_model->metrics(r, 0), mb = m_model->metrics(r, 1);
        fa.values.push_back(ma ? ma->f1 : std::numeric_limits<double>::quiet_NaN());
        fb.values.push_back(mb ? mb->f1 : std::numeric_limits<double>::quiet_NaN());
    }
    m_chart->setData(classes, {fa, fb}, tr("F1 per class"));
    const QLocale locale;
    QString text = tr("A %1: accuracy %2 · B %3: accuracy %4 on %n images", nullptr, int(b.total()))
                       .arg(a, locale.toString(m_a->accuracy(), 'f', 4), bName, locale.toString(b.accuracy(), 'f', 4));
    if (m_a->classes() != b.classes())
        text += QLatin1Char(' ') + tr("The runs' classes differ; they are matched by name.");
    m_status->setText(text);
}

} // namespace kiln
