#include "analysis/confidentlearning.h"

#include "core/hash.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kiln {

namespace {

constexpr double kTolerance = 1e-6;         // cleanlab's FLOATING_POINT_COMPARISON
constexpr double kLowestThreshold = 2e-6;   // CONFIDENT_THRESHOLDS_LOWER_BOUND
constexpr double kAbsentThreshold = 2.0;    // no probability reaches it

bool known(int label, int k) { return label >= 0 && label < k; }

int argmax(const ProbabilityMatrix &p, std::size_t i)
{
    int best = 0;
    for (int c = 1; c < p.classes; ++c)
        if (p.at(i, c) > p.at(i, best))
            best = c;
    return best;
}

// Rounds `x` to whole numbers whose sum is round(sum x): the largest remainders go up, the most
// negative ones down (cleanlab's round_preserving_sum).
void roundPreservingSum(double *x, int n)
{
    std::vector<double> rounded(static_cast<std::size_t>(n));
    double total = 0, sum = 0;
    for (int i = 0; i < n; ++i) {
        rounded[std::size_t(i)] = std::nearbyint(x[i]);
        total += x[i];
        sum += rounded[std::size_t(i)];
    }
    const double target = std::nearbyint(total);
    for (int guard = 0; std::abs(sum - target) > kTolerance && guard < 4 * n + 4; ++guard) {
        const double d = std::nearbyint(target - sum);
        const double step = d > 0 ? 1 : -1;
        const int m = std::min(int(std::abs(d)), n);
        std::vector<int> order(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            const double ra = x[a] - rounded[std::size_t(a)], rb = x[b] - rounded[std::size_t(b)];
            return step > 0 ? ra > rb : ra < rb;
        });
        for (int i = 0; i < m; ++i) {
            rounded[std::size_t(order[std::size_t(i)])] += step;
            sum += step;
        }
    }
    std::copy(rounded.begin(), rounded.end(), x);
}

} // namespace

std::size_t LabelIssueReport::estimatedTotal() const
{
    return std::accumulate(estimatedErrors.begin(), estimatedErrors.end(), std::size_t(0));
}

std::vector<double> confidentThresholds(const ProbabilityMatrix &probs, const std::vector<int> &labels)
{
    const int k = probs.classes;
    std::vector<double> sum(std::size_t(k), 0), count(std::size_t(k), 0);
    for (std::size_t i = 0; i < probs.rows && i < labels.size(); ++i)
        if (known(labels[i], k)) {
            sum[std::size_t(labels[i])] += probs.at(i, labels[i]);
            count[std::size_t(labels[i])] += 1;
        }
    std::vector<double> t(static_cast<std::size_t>(k));
    for (int c = 0; c < k; ++c)
        t[std::size_t(c)] = count[std::size_t(c)] > 0 ? std::max(sum[std::size_t(c)] / count[std::size_t(c)], kLowestThreshold)
                                                     : kAbsentThreshold;
    return t;
}

namespace {

// The likely true class of image i: the class reaching its threshold, the most probable one when
// several do, -1 when none does.
int confidentClass(const ProbabilityMatrix &probs, std::size_t i, const std::vector<double> &thresholds)
{
    int only = -1, confident = 0;
    for (int c = 0; c < probs.classes; ++c)
        if (probs.at(i, c) >= thresholds[std::size_t(c)] - kTolerance) {
            ++confident;
            if (only < 0)
                only = c;
        }
    if (confident == 0)
        return -1;
    return confident > 1 ? argmax(probs, i) : only;
}

} // namespace

std::vector<double> confidentJoint(const ProbabilityMatrix &probs, const std::vector<int> &labels,
                                   const std::vector<double> &thresholds)
{
    const int k = probs.classes;
    std::vector<double> joint(std::size_t(k) * std::size_t(k), 0);
    for (std::size_t i = 0; i < probs.rows && i < labels.size(); ++i) {
        if (!known(labels[i], k))
            continue;
        const int truth = confidentClass(probs, i, thresholds);
        if (truth >= 0)
            joint[std::size_t(labels[i]) * std::size_t(k) + std::size_t(truth)] += 1;
    }
    for (int c = 0; c < k; ++c)
        joint[std::size_t(c) * std::size_t(k) + std::size_t(c)] = std::max(joint[std::size_t(c) * std::size_t(k) + std::size_t(c)], 1.0);
    return joint;
}

std::vector<double> calibrateConfidentJoint(const std::vector<double> &joint, int classes, const std::vector<int> &labels)
{
    const std::size_t k = std::size_t(classes);
    std::vector<double> counts(k, 0);
    for (int l : labels)
        if (known(l, classes))
            counts[std::size_t(l)] += 1;
    std::vector<double> out(joint);
    double total = 0;
    for (std::size_t r = 0; r < k; ++r) {
        double rowSum = 0;
        for (std::size_t c = 0; c < k; ++c)
            rowSum += joint[r * k + c];
        for (std::size_t c = 0; c < k; ++c) {
            out[r * k + c] = joint[r * k + c] * counts[r] / std::max(rowSum, 1e-100);
            total += out[r * k + c];
        }
    }
    const double images = std::accumulate(counts.begin(), counts.end(), 0.0);
    for (double &v : out)
        v = v / std::max(total, 1e-100) * images;
    for (std::size_t r = 0; r < k; ++r)
        roundPreservingSum(out.data() + r * k, classes);
    return out;
}

double labelQuality(const ProbabilityMatrix &probs, std::size_t i, int given, LabelScore score)
{
    const double self = probs.at(i, given);
    if (score == LabelScore::SelfConfidence)
        return self;
    double other = 0;
    for (int c = 0; c < probs.classes; ++c)
        if (c != given)
            other = std::max(other, double(probs.at(i, c)));
    return (self - other + 1) / 2;
}

LabelIssueReport findLabelIssues(const ProbabilityMatrix &probs, const std::vector<int> &labels, LabelScore score)
{
    const int k = probs.classes;
    const std::size_t kk = std::size_t(k);
    LabelIssueReport report;
    report.thresholds = confidentThresholds(probs, labels);
    report.joint = calibrateConfidentJoint(confidentJoint(probs, labels, report.thresholds), k, labels);
    report.labelCounts.assign(kk, 0);
    for (std::size_t i = 0; i < probs.rows && i < labels.size(); ++i)
        if (known(labels[i], k))
            ++report.labelCounts[std::size_t(labels[i])];
    report.estimatedErrors.assign(kk, 0);
    for (std::size_t r = 0; r < kk; ++r)
        for (std::size_t c = 0; c < kk; ++c)
            if (c != r)
                report.estimatedErrors[r] += std::size_t(std::max(0.0, report.joint[r * kk + c]));

    // How many to prune per (true j, given k): the joint transposed, each diagonal at least one
    // image (what it gains comes off the column's non-zero noise counts), rounded to whole counts.
    std::vector<double> prune(kk * kk);
    for (std::size_t j = 0; j < kk; ++j)
        for (std::size_t g = 0; g < kk; ++g)
            prune[j * kk + g] = report.joint[g * kk + j];
    for (std::size_t g = 0; g < kk; ++g) {
        const double diag = prune[g * kk + g];
        const double gain = std::max(diag, 1.0) - diag;
        if (gain > 0) {
            int nonZero = 0;
            for (std::size_t j = 0; j < kk; ++j)
                nonZero += prune[j * kk + g] != 0;
            const double per = gain / std::max(nonZero - 1, 1);
            for (std::size_t j = 0; j < kk; ++j)
                if (j != g)
                    prune[j * kk + g] = std::max(0.0, prune[j * kk + g] - per);
            prune[g * kk + g] = diag + gain;
        }
    }
    // Counts again, each row (true class) keeping its total: cleanlab's round_preserving_row_totals.
    for (std::size_t j = 0; j < kk; ++j)
        roundPreservingSum(prune.data() + j * kk, int(kk));

    std::vector<char> flagged(probs.rows, 0);
    std::vector<std::vector<std::size_t>> byClass(kk);
    for (std::size_t i = 0; i < probs.rows && i < labels.size(); ++i)
        if (known(labels[i], k))
            byClass[std::size_t(labels[i])].push_back(i);
    for (std::size_t g = 0; g < kk; ++g) {
        auto &members = byClass[g];
        if (members.size() <= 1)
            continue; // min_examples_per_class
        for (std::size_t j = 0; j < kk; ++j) {
            const std::size_t count = std::min(members.size(), std::size_t(std::max(0.0, prune[j * kk + g])));
            if (j == g || count == 0)
                continue;
            std::vector<std::size_t> order(members);
            auto margin = [&](std::size_t i) { return probs.at(i, int(j)) - probs.at(i, int(g)); };
            std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(count), order.end(),
                              [&](std::size_t a, std::size_t b) { return margin(a) > margin(b) || (margin(a) == margin(b) && a < b); });
            for (std::size_t n = 0; n < count; ++n)
                flagged[order[n]] = 1;
        }
    }
    for (std::size_t i = 0; i < probs.rows; ++i) {
        if (!flagged[i])
            continue;
        const int given = labels[i];
        // Predicted as its given label (within the tolerance): not an issue.
        bool predictedGiven = true;
        for (int c = 0; c < k && predictedGiven; ++c)
            if (c != given && probs.at(i, c) > probs.at(i, given) + kTolerance)
                predictedGiven = false;
        if (predictedGiven)
            continue;
        int suggested = -1;
        for (int c = 0; c < k; ++c)
            if (c != given && (suggested < 0 || probs.at(i, c) > probs.at(i, suggested)))
                suggested = c;
        report.issues.push_back({i, given, suggested, labelQuality(probs, i, given, score)});
    }
    std::stable_sort(report.issues.begin(), report.issues.end(),
                     [](const LabelIssue &a, const LabelIssue &b) { return a.score < b.score; });
    return report;
}

std::vector<int> stratifiedFolds(const std::vector<int> &labels, int k, std::uint64_t seed)
{
    k = std::max(k, 2);
    std::vector<int> fold(labels.size(), -1);
    int maxLabel = -1;
    for (int l : labels)
        maxLabel = std::max(maxLabel, l);
    std::vector<std::vector<std::size_t>> byClass(std::size_t(maxLabel + 1));
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] >= 0)
            byClass[std::size_t(labels[i])].push_back(i);
    std::uint64_t state = seed;
    int next = 0; // where the next class starts, so small classes do not all land in fold 0
    for (auto &members : byClass) {
        // Fisher-Yates with SplitMix64, so a seed deals the same folds on every standard library.
        for (std::size_t n = members.size(); n > 1; --n) {
            state += kSplitMixStep;
            std::swap(members[n - 1], members[std::size_t(splitmix64(state) % n)]);
        }
        for (std::size_t n = 0; n < members.size(); ++n)
            fold[members[n]] = int((std::size_t(next) + n) % std::size_t(k));
        next = int((std::size_t(next) + members.size()) % std::size_t(k));
    }
    return fold;
}

} // namespace kiln
