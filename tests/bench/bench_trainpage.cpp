// Benchmark: the Train page's responsiveness (issue 4). Run on demand:
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_trainpage PROJECT [EPOCHS]
// 1) Trains PROJECT from the Train page (simple_cnn, bs 64) while a 5 ms timer measures
//    event-loop lateness; prints p50/p99/max lateness and redraws per second.
// 2) Redraws a plot of 100,000 batches (300,000 points) and prints the time per redraw and per
//    zoom step.
#include "latencyprobe.h"
#include "syntheticbatches.h"
#include "trainingplot.h"
#include "trainpage.h"

#include "data/datasetindex.h"
#include "data/project.h"
#include "qcustomplot_include.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace kiln;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_trainpage PROJECT [EPOCHS]\n");
        return 2;
    }
    const DatasetLocation loc = locateDataset(argv[1]);
    auto index = DatasetIndex::scan(loc.imagesRoot);
    if (!index) {
        std::fprintf(stderr, "%s\n", index.message().c_str());
        return 1;
    }
    TrainPage page;
    page.resize(1280, 800);
    page.show();
    page.setDataset(argv[1], std::make_shared<const DatasetIndex>(std::move(index).value()));
    TrainConfig c = page.config();
    c.epochs = argc > 2 ? std::atoi(argv[2]) : 1;
    c.batchSize = 64;
    c.lr = 3e-3;
    page.setConfig(c);

    test::LatencyProbe probe;
    QSignalSpy finished(&page, &TrainPage::runFinished);
    const int replots0 = page.plot()->replotCount();
    QElapsedTimer clock;
    clock.start();
    probe.start();
    page.start();
    while (finished.isEmpty() && page.state() != TrainPage::State::Failed)
        app.processEvents(QEventLoop::AllEvents, 5);
    probe.stop();
    const double seconds = clock.elapsed() / 1000.0;
    std::printf("training: %d epoch(s) in %.1f s; event-loop lateness p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                "(target p99 < 50 ms); %.1f redraws/s (target <= 25)\n",
                c.epochs, seconds, probe.percentile(0.5), probe.percentile(0.99), probe.max(),
                (page.plot()->replotCount() - replots0) / seconds);

    TrainingPlot plot;
    plot.resize(1000, 600);
    plot.show();
    const auto batches = test::syntheticBatches(100000);
    plot.addBatches(batches);
    plot.replotIfDirty();
    app.processEvents();
    QElapsedTimer t;
    t.start();
    const int frames = 20;
    for (int i = 0; i < frames; ++i)
        plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const double redraw = t.elapsed() / double(frames);
    t.restart();
    for (int i = 0; i < frames; ++i) {
        plot.plot()->xAxis->scaleRange(i % 2 ? 1.25 : 0.8);
        plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
    }
    const double zoom = t.elapsed() / double(frames);
    std::printf("plot: %d points; %.1f ms per full redraw, %.1f ms per zoom step (interactive below ~40 ms)\n",
                plot.pointCount(), redraw, zoom);
    return 0;
}
