#include "train/schedule.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiln {

double schedCos(double start, double end, double pos)
{
    return start + (1.0 + std::cos(M_PI * (1.0 - pos))) * (end - start) / 2.0;
}

double schedExp(double start, double end, double pos)
{
    return start * std::pow(end / start, pos);
}

double combinedCos(double pct, double start, double middle, double end, double pos)
{
    // combine_scheds([pct, 1-pct], [SchedCos(start, middle), SchedCos(middle, end)])
    if (pos < pct && pct > 0)
        return schedCos(start, middle, pos / pct);
    if (pct >= 1.0)
        return schedCos(start, middle, 1.0);
    return schedCos(middle, end, std::min(1.0, (pos - pct) / (1.0 - pct)));
}

std::vector<double> sliceLrs(double lo, double hi, int groups)
{
    std::vector<double> out(std::size_t(std::max(groups, 1)));
    if (groups <= 1) {
        out[0] = hi;
        return out;
    }
    // even_mults(start, stop, n): start * (stop/start) ** (i / (n-1))
    const double step = std::pow(hi / lo, 1.0 / double(groups - 1));
    for (int i = 0; i < groups; ++i)
        out[std::size_t(i)] = lo * std::pow(step, double(i));
    return out;
}

std::vector<double> sliceLrs(double hi, int groups)
{
    std::vector<double> out(std::size_t(std::max(groups, 1)), hi / 10.0);
    out.back() = hi;
    return out;
}

double lrFindRate(double startLr, double endLr, int iteration, int numIt)
{
    return schedExp(startLr, endLr, double(iteration) / double(numIt));
}

LrSuggestions suggestLearningRates(const std::vector<double> &allLrs, const std::vector<double> &allLosses, int numIt)
{
    LrSuggestions s;
    const long n0 = long(std::min(allLrs.size(), allLosses.size()));
    const long begin = numIt / 10;
    const long end = n0 - 5;
    if (end - begin < 3)
        return s;
    std::vector<double> lrs(allLrs.begin() + begin, allLrs.begin() + end);
    std::vector<double> losses(allLosses.begin() + begin, allLosses.begin() + end);
    for (std::size_t i = 0; i < losses.size(); ++i)
        if (std::isnan(losses[i])) {
            lrs.resize(i);
            losses.resize(i);
            break;
        }
    const long n = long(losses.size());
    if (n < 3)
        return s;

    // valley: longest run of decreasing loss (longest decreasing subsequence, as fastai computes it).
    {
        std::vector<int> lds(std::size_t(n), 1);
        long maxStart = 0, maxEnd = 0;
        for (long i = 1; i < n; ++i) {
            for (long j = 0; j < i; ++j) {
                if (losses[std::size_t(i)] < losses[std::size_t(j)] && lds[std::size_t(i)] < lds[std::size_t(j)] + 1)
                    lds[std::size_t(i)] = lds[std::size_t(j)] + 1;
                if (lds[std::size_t(maxEnd)] < lds[std::size_t(i)]) {
                    maxEnd = i;
                    maxStart = maxEnd - lds[std::size_t(maxEnd)];
                }
            }
        }
        const double sections = double(maxEnd - maxStart) / 3.0;
        const long idx = maxStart + long(sections) + long(sections / 2.0);
        s.valleyIndex = int(std::clamp(idx, 0L, n - 1));
        s.valley = lrs[std::size_t(s.valleyIndex)];
    }
    // slide: walk left while the loss gradient differs by more than thresh over lr_diff points.
    {
        const int lrDiff = 15;
        const double thresh = 0.005;
        std::vector<double> grad(static_cast<std::size_t>(n));
        for (long i = 0; i < n; ++i) {
            if (i == 0)
                grad[0] = losses[1] - losses[0];
            else if (i == n - 1)
                grad[std::size_t(i)] = losses[std::size_t(i)] - losses[std::size_t(i - 1)];
            else
                grad[std::size_t(i)] = (losses[std::size_t(i + 1)] - losses[std::size_t(i - 1)]) / 2.0;
        }
        long r = n - 1, l = r - lrDiff;
        double localMin = l >= 0 ? lrs[std::size_t(l)] : lrs[0];
        while (l >= 0 && std::abs(grad[std::size_t(r)] - grad[std::size_t(l)]) > thresh) {
            localMin = lrs[std::size_t(l)];
            --r;
            --l;
        }
        s.slide = localMin;
    }
    // minimum: the lr at the lowest loss, divided by 10.
    {
        const auto it = std::min_element(losses.begin(), losses.end());
        s.minimum = lrs[std::size_t(it - losses.begin())] / 10.0;
    }
    // steep: the steepest negative slope of loss against log(lr).
    {
        double best = std::numeric_limits<double>::infinity();
        long bestIdx = 0;
        for (long i = 0; i + 1 < n; ++i) {
            const double g = (losses[std::size_t(i + 1)] - losses[std::size_t(i)])
                / (std::log(lrs[std::size_t(i + 1)]) - std::log(lrs[std::size_t(i)]));
            if (g < best) {
                best = g;
                bestIdx = i;
            }
        }
        s.steep = lrs[std::size_t(bestIdx)];
    }
    s.valid = true;
    return s;
}

} // namespace kiln
