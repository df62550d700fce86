#include "analysis/curves.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace kiln {

ClassCurves oneVsRestCurves(const std::vector<float> &scores, const std::vector<char> &positive)
{
    ClassCurves out;
    // A score that is not a number (a diverged model) ranks nowhere: it is left out.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < std::min(scores.size(), positive.size()); ++i)
        if (!std::isnan(scores[i]))
            order.push_back(i);
    const std::size_t n = order.size();
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    for (std::size_t i : order)
        (positive[i] ? out.positives : out.negatives) += 1;
    const double P = double(out.positives), N = double(out.negatives);
    out.roc.push_back({std::numeric_limits<double>::infinity(), 0, 0});
    double tp = 0, fp = 0, lastRecall = 0, ap = 0, auc = 0;
    for (std::size_t k = 0; k < n;) {
        const float t = scores[order[k]];
        // Every item with this score at once: a tie is one threshold.
        for (; k < n && scores[order[k]] == t; ++k)
            (positive[order[k]] ? tp : fp) += 1;
        const double precision = tp / (tp + fp), recall = P > 0 ? tp / P : 0;
        out.pr.push_back({double(t), recall, precision});
        ap += (recall - lastRecall) * precision;
        lastRecall = recall;
        const CurvePoint prev = out.roc.back();
        const CurvePoint here{double(t), N > 0 ? fp / N : 0, P > 0 ? tp / P : 0};
        auc += (here.x - prev.x) * (here.y + prev.y) / 2;
        out.roc.push_back(here);
    }
    out.averagePrecision = P > 0 ? ap : NAN;
    out.auc = P > 0 && N > 0 ? auc : NAN;
    return out;
}

ClassCurves classCurves(const std::vector<float> &probs, std::size_t classes, const std::vector<int> &labels, int cls)
{
    std::vector<float> scores;
    std::vector<char> positive;
    if (cls < 0 || std::size_t(cls) >= classes)
        return oneVsRestCurves(scores, positive);
    for (std::size_t i = 0; i < labels.size() && (i + 1) * classes <= probs.size(); ++i) {
        if (labels[i] < 0)
            continue;
        scores.push_back(probs[i * classes + std::size_t(cls)]);
        positive.push_back(char(labels[i] == cls));
    }
    return oneVsRestCurves(scores, positive);
}

} // namespace kiln
