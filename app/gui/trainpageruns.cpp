// The Train page's runs: the shared run list (its ticks show the comparison) and a finished run's
// curves drawn again. The rest of the page is in trainpage.cpp.
#include "trainpage.h"

#include "metricstablemodel.h"
#include "runcompareview.h"
#include "runlistmodel.h"
#include "trainingplot.h"
#include "train/run.h"
#include "train/trainingworker.h"

#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QTabWidget>

namespace kiln {

void TrainPage::setRunModel(RunListModel *runs)
{
    if (m_runModel->parent() == this)
        m_runModel->deleteLater();
    m_runModel = runs;
    m_runs->setModel(runs);
    m_compare->setRunModel(runs);
    connectRunTicks();
    if (!m_dataset.empty() && runs->dataset() != m_dataset)
        runs->setDataset(m_dataset);
}

void TrainPage::connectRunTicks()
{
    disconnect(m_runModel, &RunListModel::checkedRunsChanged, this, nullptr);
    // Ticking a second run shows the comparison; unticking all goes back to the curves.
    connect(m_runModel, &RunListModel::checkedRunsChanged, this, [this] {
        const int ticked = int(m_runModel->checkedRuns().size());
        if (ticked >= 2)
            m_tabs->setCurrentWidget(m_compare);
        else if (ticked == 0 && m_tabs->currentWidget() == m_compare)
            m_tabs->setCurrentWidget(m_plot);
    });
}

bool TrainPage::openRun(const QString &runDir)
{
    if (m_controller->isRunning())
        return false;
    auto run = Run::load(runDir.toStdString());
    auto metrics = run ? run->metrics() : Result<std::vector<EpochMetrics>>(run.error());
    if (!metrics) {
        setState(State::Failed, QString::fromStdString(metrics.message()));
        return false;
    }
    m_plot->clear();
    m_metrics->clear();
    for (const auto &m : metrics.value()) {
        m_metrics->append(m);
        m_plot->addEpoch(m);
    }
    // The per-batch curve is a nicety: without it the epochs still show.
    auto batches = run->batches();
    if (batches)
        m_plot->addBatches(batches.value());
    m_plot->setAutoScale(true);
    m_runDir = runDir;
    m_overfit->setVisible(m_metrics->overfitting());
    m_tabs->setCurrentWidget(m_plot);
    setState(State::Idle, tr("showing run %1").arg(QFileInfo(runDir).fileName())
                              + (batches ? QString() : QStringLiteral(" (") + QString::fromStdString(batches.message()) + QLatin1Char(')')));
    return true;
}

} // namespace kiln
