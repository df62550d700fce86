// Embeddings scatter benchmark (issue 6): 70,000 points stay interactive. Times a full redraw of
// the scatter (what a zoom, pan or new t-SNE layout costs), a rubber-band selection and hovering,
// each over many repetitions; prints median and worst.
//
// usage: bench_scatter [POINTS]

#include "embeddingscatter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

using namespace kiln;

namespace {

void report(const char *what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    std::printf("%-34s median %6.2f ms   worst %6.2f ms   (%zu runs)\n", what, ms[ms.size() / 2], ms.back(), ms.size());
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int n = argc > 1 ? std::atoi(argv[1]) : 70000;
    // Ten Gaussian clusters, like a t-SNE layout of ten classes.
    std::mt19937 rng(1);
    std::normal_distribution<float> noise(0.f, 4.f);
    std::vector<float> xy;
    std::vector<int> classes;
    std::vector<char> wrong;
    for (int i = 0; i < n; ++i) {
        const int c = i % 10;
        xy.push_back(30.f * std::cos(c * 0.628f) + noise(rng));
        xy.push_back(30.f * std::sin(c * 0.628f) + noise(rng));
        classes.push_back(c);
        wrong.push_back(i % 13 == 0);
    }
    EmbeddingScatter scatter;
    scatter.resize(900, 700);
    scatter.setPoints(xy, classes, wrong, {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"});
    scatter.show();
    app.processEvents();

    std::vector<double> redraw, zoom, select, hover;
    QElapsedTimer t;
    for (int r = 0; r < 30; ++r) {
        for (auto &v : xy)
            v += 0.01f; // a new layout from t-SNE
        t.start();
        scatter.setPositions(xy);
        scatter.repaint();
        redraw.push_back(t.nsecsElapsed() / 1e6);

        const QPointF at(450 + r, 350 - r);
        QWheelEvent wheel(at, scatter.mapToGlobal(at), {}, QPoint(0, r % 2 ? -120 : 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        t.start();
        QApplication::sendEvent(&scatter, &wheel);
        scatter.repaint();
        zoom.push_back(t.nsecsElapsed() / 1e6);

        t.start();
        scatter.selectInRect(QRectF(200 + r, 150, 300, 250));
        scatter.repaint();
        select.push_back(t.nsecsElapsed() / 1e6);

        QMouseEvent move(QEvent::MouseMove, QPointF(300 + 5 * r, 300), scatter.mapToGlobal(QPointF(300 + 5 * r, 300)),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        t.start();
        QApplication::sendEvent(&scatter, &move);
        hover.push_back(t.nsecsElapsed() / 1e6);
    }
    std::printf("%d points, %dx%d\n", n, scatter.width(), scatter.height());
    report("new layout (redraw)", redraw);
    report("zoom step (redraw)", zoom);
    report("rubber-band select (+ redraw)", select);
    report("hover (nearest point)", hover);
    return 0;
}
