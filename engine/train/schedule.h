#pragma once
// fastai's training schedules (fastai/callback/schedule.py), as plain functions of the position
// in training (0 at the first batch, approaching 1 at the last). Pure C++; no torch, no Qt.

#include <vector>

namespace kiln {

// sched_cos(start, end, pos) = start + (1 + cos(pi * (1 - pos))) * (end - start) / 2
double schedCos(double start, double end, double pos);
// SchedExp: start * (end / start) ** pos
double schedExp(double start, double end, double pos);

// fastai's combined_cos(pct, start, middle, end): cosine from start to middle over the first `pct`
// of training, then from middle to end.
double combinedCos(double pct, double start, double middle, double end, double pos);

struct OneCycle {
    double lrMax = 1e-3;
    double div = 25.0;
    double divFinal = 1e5;
    double pctStart = 0.25;
    double momStart = 0.95, momMid = 0.85, momEnd = 0.95;

    double lr(double pos) const { return combinedCos(pctStart, lrMax / div, lrMax, lrMax / divFinal, pos); }
    double mom(double pos) const { return combinedCos(pctStart, momStart, momMid, momEnd, pos); }
};

// Discriminative learning rates for `groups` parameter groups. slice(lo, hi) spreads geometrically
// (fastai's even_mults); slice(hi) gives [hi/10, ..., hi/10, hi].
std::vector<double> sliceLrs(double lo, double hi, int groups);
std::vector<double> sliceLrs(double hi, int groups);

// lr_find's learning rate at iteration i of num_it: exponential from startLr to endLr.
double lrFindRate(double startLr, double endLr, int iteration, int numIt);

// fastai's suggestion functions over the recorded (learning rate, smoothed loss) curve, applied as
// lr_find does: on lrs[num_it/10 : -5], cut at the first NaN.
struct LrSuggestions {
    double valley = 0, slide = 0, minimum = 0, steep = 0;
    int valleyIndex = -1; // index into the trimmed curve
    bool valid = false;   // false when the curve was too short
};
LrSuggestions suggestLearningRates(const std::vector<double> &lrs, const std::vector<double> &losses, int numIt);

} // namespace kiln
