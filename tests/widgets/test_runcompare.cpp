// Comparing runs: the tick boxes of the shared run list, three runs of different lengths drawn over
// each other, the table of their figures with the differing settings, and two runs per class.
#include "classbarchart.h"
#include "classcomparemodel.h"
#include "runcomparemodel.h"
#include "runlistmodel.h"
#include "runoverlayplot.h"
#include "testfiles.h"
#include "train/run.h"
#include "train/runcsv.h"

#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

#include <gtest/gtest.h>

#include <cmath>

namespace fs = std::filesystem;
using namespace kiln;
using kiln::test::TempDir;

namespace {

// A finished run of `epochs` epochs (3 batches each) with the learning rate `lr`; its accuracy
// rises to `finalAccuracy`.
Run writeRun(const fs::path &project, const std::string &id, int epochs, double lr, double finalAccuracy)
{
    TrainConfig config;
    config.epochs = epochs;
    config.lr = lr;
    Run run = Run::begin(RunStore(project).runsDir() / id, project, config);
    std::vector<EpochMetrics> rows;
    std::string batches;
    for (int e = 0; e < epochs; ++e) {
        const double acc = finalAccuracy - 0.1 * (epochs - 1 - e);
        rows.push_back({e, "", 1.0 / (e + 1), 1.2 / (e + 1), acc, 1 - acc, 2.0, 100});
        for (int b = 0; b < 3; ++b)
            batches += std::to_string(e) + "," + std::to_string(b) + ",0.9,0.8,0.001,0.95\n";
    }
    fs::create_directories(run.dir());
    EXPECT_TRUE(writeMetrics(run.metricsFile(), rows).ok());
    EXPECT_TRUE(appendBatchLog(run.batchesFile(), "epoch,batch,loss,smooth_loss,lr,mom\n" + batches).ok());
    TrainSummary summary;
    summary.classes = {"a", "b"};
    summary.epochs = rows;
    summary.seconds = 2.0 * epochs;
    run.result = summary;
    run.status = RunStatus::Finished;
    EXPECT_TRUE(run.save().ok());
    return run;
}

} // namespace

TEST(RunCompare, TicksFollowTheirRunsAndThreeRunsOfDifferentLengthsOverlay)
{
    QLocale::setDefault(QLocale::c());
    TempDir dir;
    writeRun(dir.path(), "20260101-000000-simple_cnn", 2, 1e-3, 0.70);
    writeRun(dir.path(), "20260102-000000-simple_cnn", 5, 3e-3, 0.90);
    writeRun(dir.path(), "20260103-000000-simple_cnn", 3, 1e-2, 0.80);
    RunListModel runs;
    runs.setDataset(dir.path());
    ASSERT_EQ(runs.rowCount(), 3);
    QSignalSpy changed(&runs, &RunListModel::checkedRunsChanged);
    EXPECT_TRUE(runs.flags(runs.index(0)) & Qt::ItemIsUserCheckable);
    for (int r = 0; r < 3; ++r)
        ASSERT_TRUE(runs.setData(runs.index(r), Qt::Checked, Qt::CheckStateRole));
    EXPECT_EQ(changed.count(), 3);
    const QStringList ticked = runs.checkedRuns();
    ASSERT_EQ(ticked.size(), 3);
    EXPECT_TRUE(ticked[0].endsWith("20260103-000000-simple_cnn")); // newest first
    EXPECT_EQ(runs.index(1).data(Qt::CheckStateRole).toInt(), Qt::Checked);

    // A refresh keeps the ticks; a run removed from disk takes its tick with it.
    fs::remove_all(dir.path() / "runs" / "20260101-000000-simple_cnn");
    runs.refresh();
    EXPECT_EQ(runs.checkedRuns().size(), 2);
    writeRun(dir.path(), "20260101-000000-simple_cnn", 2, 1e-3, 0.70);
    runs.refresh();
    EXPECT_EQ(runs.index(2).data(Qt::CheckStateRole).toInt(), Qt::Unchecked);
    runs.setChecked(runs.index(2).data(RunListModel::DirRole).toString(), true);

    // A damaged run cannot be ticked; another project's runs start unticked.
    fs::create_directories(dir.path() / "runs" / "20260104-000000-simple_cnn");
    test::writeText(dir.path() / "runs" / "20260104-000000-simple_cnn" / "run.json", "{ not json");
    runs.refresh();
    const QString damaged = runs.index(0).data(RunListModel::DirRole).toString();
    ASSERT_TRUE(damaged.endsWith("20260104-000000-simple_cnn"));
    EXPECT_FALSE(runs.flags(runs.index(0)) & Qt::ItemIsUserCheckable);
    runs.setChecked(damaged, true);
    EXPECT_FALSE(runs.checkedRuns().contains(damaged));
    fs::remove_all(dir.path() / "runs" / "20260104-000000-simple_cnn");
    runs.refresh();
    {
        TempDir other;
        RunListModel elsewhere;
        elsewhere.setDataset(dir.path());
        elsewhere.setChecked(elsewhere.index(0).data(RunListModel::DirRole).toString(), true);
        QSignalSpy cleared(&elsewhere, &RunListModel::checkedRunsChanged);
        elsewhere.setDataset(other.path());
        EXPECT_TRUE(elsewhere.checkedRuns().isEmpty());
        EXPECT_EQ(cleared.count(), 1);
    }

    // A chooser of one run shows no tick boxes.
    RunChoiceModel choices;
    choices.setSourceModel(&runs);
    EXPECT_FALSE(choices.index(0, 0).data(Qt::CheckStateRole).isValid());
    EXPECT_FALSE(choices.flags(choices.index(0, 0)) & Qt::ItemIsUserCheckable);

    std::vector<kiln::Run> loaded;
    std::vector<RunCurves> curves;
    for (const QString &d : runs.checkedRuns()) {
        const kiln::Run *r = runs.run(runs.rowOf(d));
        ASSERT_NE(r, nullptr);
        loaded.push_back(*r);
        curves.push_back({QString::fromStdString(r->id()), r->metrics().value(), r->batches().value()});
    }
    RunOverlayPlot plot;
    plot.resize(800, 500);
    plot.setRuns(curves);
    ASSERT_EQ(plot.runCount(), 3);
    EXPECT_EQ(plot.legendNames(), QStringList({"20260103-000000-simple_cnn", "20260102-000000-simple_cnn", "20260101-000000-simple_cnn"}));
    const int epochs[] = {3, 5, 2};
    for (int r = 0; r < 3; ++r) {
        const auto valid = plot.points(r, RunOverlayPlot::Series::ValidLoss);
        ASSERT_EQ(int(valid.size()), epochs[r]);
        EXPECT_DOUBLE_EQ(valid.back().first, epochs[r]); // epoch e ends at x = e + 1
        EXPECT_NEAR(valid.back().second, 1.2 / epochs[r], 1e-9);
        const auto train = plot.points(r, RunOverlayPlot::Series::TrainLoss);
        ASSERT_EQ(int(train.size()), 3 * epochs[r]); // one per batch
        EXPECT_NEAR(train.front().first, 1.0 / 3, 1e-9);
        EXPECT_NEAR(plot.points(r, RunOverlayPlot::Series::Accuracy).back().second, r == 0 ? 0.8 : r == 1 ? 0.9 : 0.7, 1e-9);
        EXPECT_NE(RunOverlayPlot::runColor(r), RunOverlayPlot::runColor(r + 1));
    }
    EXPECT_TRUE(plot.csv().contains("20260102-000000-simple_cnn,valid_loss,5,0.24")) << plot.csv().toStdString();

    RunCompareModel table;
    table.setRuns(loaded);
    ASSERT_EQ(table.rowCount(), 3);
    EXPECT_TRUE(table.differs("lr"));
    EXPECT_TRUE(table.differs("epochs"));
    EXPECT_FALSE(table.differs("arch")); // shown, not highlighted
    EXPECT_GE(table.columnOf("arch"), 0);
    EXPECT_EQ(table.columnOf("momentum"), -1); // equal and not one of the naming settings
    const int lr = table.columnOf("lr");
    EXPECT_TRUE(table.index(0, lr).data(RunCompareModel::DiffersRole).toBool());
    EXPECT_TRUE(table.index(0, lr).data(Qt::BackgroundRole).isValid());
    EXPECT_FALSE(table.index(0, table.columnOf("arch")).data(Qt::BackgroundRole).isValid());
    EXPECT_EQ(table.index(1, RunCompareModel::EpochsColumn).data().toString(), "5/5");
    // Sorting by accuracy (numbers, not text) and by the learning rate.
    QSortFilterProxyModel sorted;
    sorted.setSourceModel(&table);
    sorted.setSortRole(RunCompareModel::SortRole);
    sorted.sort(RunCompareModel::AccuracyColumn, Qt::DescendingOrder);
    EXPECT_EQ(sorted.index(0, 0).data().toString(), "20260102-000000-simple_cnn");
    EXPECT_EQ(sorted.index(2, 0).data().toString(), "20260101-000000-simple_cnn");
    sorted.sort(lr, Qt::AscendingOrder);
    EXPECT_EQ(sorted.index(0, 0).data().toString(), "20260101-000000-simple_cnn");
    // The differing settings come first, then the naming ones.
    EXPECT_LT(table.columnOf("lr"), table.columnOf("arch"));
    EXPECT_LT(table.columnOf("epochs"), table.columnOf("arch"));
    EXPECT_TRUE(table.csv().startsWith("run,accuracy,valid_loss,best_valid_loss,train_loss,epochs,planned_epochs,seconds,"))
        << table.csv().toStdString();
}

TEST(RunCompare, TwoRunsPerClassLineUpByClassName)
{
    QLocale::setDefault(QLocale::c());
    // A: classes cat, dog; B: dog, cat, fox (another order, one more class).
    const Interpretation a({"cat", "dog"}, {0, 0, 0, 1, 1, 1}, {0, 0, 1, 1, 1, 0});
    const Interpretation b({"dog", "cat", "fox"}, {0, 0, 0, 1, 1, 1, 2}, {0, 0, 0, 1, 1, 1, 0});
    ClassCompareModel m;
    m.setRuns("A", a, "B", b);
    ASSERT_EQ(m.classes(), QStringList({"cat", "dog", "fox"}));
    // cat in A: 2 of 3 found, 2 of 3 predicted cat are cats; in B every cat found and no false cat.
    EXPECT_NEAR(m.metrics(0, 0)->recall, 2.0 / 3, 1e-12);
    EXPECT_NEAR(m.metrics(0, 1)->f1, 1.0, 1e-12);
    EXPECT_EQ(m.index(0, ClassCompareModel::F1Change).data().toString(), "+0.333");
    EXPECT_FALSE(m.metrics(2, 0).has_value()); // A has no fox
    EXPECT_EQ(m.index(2, ClassCompareModel::F1A).data().toString(), "–");
    EXPECT_EQ(m.index(2, ClassCompareModel::SupportB).data().toString(), "1");
    EXPECT_TRUE(m.csv().contains("fox,,0,,0,,0,,,1")) << m.csv().toStdString();

    ClassBarChart chart;
    chart.resize(500, chart.sizeHint().height());
    chart.setData(m.classes(), {{"A", Qt::blue, {0.5, 1.0, NAN}}, {"B", Qt::red, {1.0, 0.25, 0}}});
    // A bar's length is its value; a missing value has none.
    EXPECT_NEAR(chart.barRect(1, 0).width(), 4 * chart.barRect(1, 1).width(), 1e-6);
    EXPECT_EQ(chart.barRect(2, 0).width(), 0);
    EXPECT_LT(chart.barRect(0, 0).top(), chart.barRect(0, 1).top());
    EXPECT_LT(chart.barRect(0, 1).bottom(), chart.barRect(1, 0).top());
    EXPECT_TRUE(chart.csv().startsWith("class,A,B\ncat,0.5,1\n")) << chart.csv().toStdString();
}
