// Benchmark: the Dataset page on a large dataset (issue 2). Run on demand:
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_gallery DIR      (or under xvfb-run)
// Measures the time from opening the dataset to the first painted thumbnails, then scrolls the
// whole gallery a page at a time while a 5 ms timer measures event-loop lateness (how long the GUI
// thread was blocked). Prints the maximum and the 99th percentile.
#include "datasetpage.h"
#include "latencyprobe.h"
#include "galleryview.h"
#include "thumbnailcache.h"

#include "data/project.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace kiln;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_gallery DIR [pages-per-second]\n");
        return 2;
    }
    const double pagesPerSecond = argc > 2 ? std::atof(argv[2]) : 30.0;
    const DatasetLocation loc = locateDataset(argv[1]);
    DatasetPage page;
    page.resize(1280, 800);
    page.show();

    QElapsedTimer clock;
    clock.start();
    double loadedAt = -1, firstThumbAt = -1;
    QObject::connect(&page, &DatasetPage::datasetLoaded, &page, [&] { loadedAt = clock.nsecsElapsed() / 1e6; });
    QObject::connect(page.thumbnails(), &ThumbnailCache::thumbnailsReady, &page, [&] {
        if (firstThumbAt < 0)
            firstThumbAt = clock.nsecsElapsed() / 1e6;
    });
    page.setDataset(loc.imagesRoot, loc.home, 0.2, 42);
    while (firstThumbAt < 0 && clock.elapsed() < 20000)
        app.processEvents(QEventLoop::AllEvents, 5);
    // One more frame so the arrived thumbnails are painted.
    page.gallery()->viewport()->repaint();
    const double firstPaintedAt = clock.nsecsElapsed() / 1e6;
    std::printf("open: index ready %.0f ms, first thumbnails decoded %.0f ms, painted %.0f ms (target < 1000 ms)\n",
                loadedAt, firstThumbAt, firstPaintedAt);

    // Scroll the whole gallery while measuring lateness.
    QScrollBar *bar = page.gallery()->verticalScrollBar();
    test::LatencyProbe probe;
    QTimer scroller;
    scroller.setInterval(int(1000.0 / pagesPerSecond));
    int steps = 0;
    QObject::connect(&scroller, &QTimer::timeout, &page, [&] {
        bar->setValue(bar->value() + bar->pageStep());
        ++steps;
        if (bar->value() >= bar->maximum())
            app.quit();
    });
    QElapsedTimer scrollClock;
    scrollClock.start();
    probe.start();
    scroller.start();
    app.exec();
    const double p99 = probe.percentile(0.99);
    const double maxLate = probe.max();
    std::printf("scroll: %d pages (%d rows) in %.1f s at %.0f pages/s; event-loop lateness p99 %.1f ms, max %.1f ms "
                "(target: never > 50 ms); %zu samples\n",
                steps, page.gallery()->model()->rowCount(), scrollClock.elapsed() / 1000.0, pagesPerSecond, p99, maxLate,
                probe.samples());
    return 0;
}
