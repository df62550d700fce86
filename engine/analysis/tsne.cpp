#include "analysis/tsne.h"
#include "analysis/tsnetrees.h"

#include <opencv2/core.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>
#include <random>
#include <thread>

namespace kiln {

namespace {

using namespace tsnedetail;
using Clock = std::chrono::steady_clock;

// ---- P: perplexity calibration and symmetrisation ----------------------------------------------

struct SparseP {
    std::vector<std::size_t> rowStart; // n + 1
    std::vector<std::uint32_t> cols;
    std::vector<float> values;
};

// Conditional probabilities p(j|i) over each point's neighbours with a Gaussian whose precision
// is found by binary search so that the entropy is log(perplexity) (scikit-learn's
// _binary_search_perplexity: squared distances, 100 steps, tolerance 1e-5).
void calibrate(const std::vector<float> &d2, std::size_t n, int k, double perplexity, std::vector<float> &p, int threads)
{
    const double desired = std::log(perplexity);
    p.assign(n * std::size_t(k), 0.f);
    parallelFor(n, threads, [&](std::size_t begin, std::size_t end) {
        std::vector<double> row(static_cast<std::size_t>(k));
        for (std::size_t i = begin; i < end; ++i) {
            const float *dist = &d2[i * std::size_t(k)];
            double beta = 1, betaMin = -std::numeric_limits<double>::infinity(), betaMax = std::numeric_limits<double>::infinity();
            double sum = 0;
            for (int step = 0; step < 100; ++step) {
                sum = 0;
                for (int j = 0; j < k; ++j) {
                    row[std::size_t(j)] = std::exp(-double(dist[j]) * beta);
                    sum += row[std::size_t(j)];
                }
                if (sum == 0)
                    sum = 1e-8;
                double weighted = 0;
                for (int j = 0; j < k; ++j)
                    weighted += double(dist[j]) * row[std::size_t(j)];
                const double entropy = std::log(sum) + beta * weighted / sum;
                const double diff = entropy - desired;
                if (std::abs(diff) <= 1e-5)
                    break;
                if (diff > 0) {
                    betaMin = beta;
                    beta = std::isinf(betaMax) ? beta * 2 : (beta + betaMax) / 2;
                } else {
                    betaMax = beta;
                    beta = std::isinf(betaMin) ? beta / 2 : (beta + betaMin) / 2;
                }
            }
            for (int j = 0; j < k; ++j)
                p[i * std::size_t(k) + std::size_t(j)] = float(row[std::size_t(j)] / sum);
        }
    });
}

// P = (P_cond + P_cond^T) / sum, as a CSR matrix with sorted columns.
SparseP symmetrise(const std::vector<std::size_t> &nbr, const std::vector<float> &pc, std::size_t n, int k)
{
    std::vector<std::size_t> count(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        for (int j = 0; j < k; ++j) {
            ++count[i];
            ++count[nbr[i * std::size_t(k) + std::size_t(j)]];
        }
    std::vector<std::size_t> start(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        start[i + 1] = start[i] + count[i];
    std::vector<std::pair<std::uint32_t, float>> entries(start[n]);
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < n; ++i)
        for (int j = 0; j < k; ++j) {
            const std::size_t c = nbr[i * std::size_t(k) + std::size_t(j)];
            const float v = pc[i * std::size_t(k) + std::size_t(j)];
            entries[fill[i]++] = {std::uint32_t(c), v};
            entries[fill[c]++] = {std::uint32_t(i), v};
        }
    SparseP P;
    P.rowStart.assign(n + 1, 0);
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        auto b = entries.begin() + long(start[i]), e = entries.begin() + long(start[i + 1]);
        std::sort(b, e, [](const auto &x, const auto &y) { return x.first < y.first; });
        for (auto it = b; it != e; ++it) {
            if (!P.cols.empty() && P.rowStart[i] < P.cols.size() && P.cols.back() == it->first) {
                P.values.back() += it->second;
            } else {
                P.cols.push_back(it->first);
                P.values.push_back(it->second);
            }
            total += it->second;
        }
        P.rowStart[i + 1] = P.cols.size();
    }
    const float scale = float(1.0 / std::max(total, 1e-12));
    for (auto &v : P.values)
        v *= scale;
    return P;
}

} // namespace

std::vector<float> pcaProject(const std::vector<float> &data, std::size_t n, int dims, int components)
{
    components = std::min({components, dims, int(n)});
    cv::Mat input(int(n), dims, CV_32F, const_cast<float *>(data.data()));
    cv::PCA pca(input, cv::noArray(), cv::PCA::DATA_AS_ROW, components);
    cv::Mat projected = pca.project(input);
    projected.convertTo(projected, CV_32F);
    // Fix each component's sign (the eigen solver's is arbitrary): the largest |value| is positive.
    for (int c = 0; c < projected.cols; ++c) {
        float extreme = 0;
        for (int r = 0; r < projected.rows; ++r)
            if (std::abs(projected.at<float>(r, c)) > std::abs(extreme))
                extreme = projected.at<float>(r, c);
        if (extreme < 0)
            projected.col(c) *= -1;
    }
    std::vector<float> out(n * std::size_t(components));
    for (int r = 0; r < projected.rows; ++r)
        std::copy(projected.ptr<float>(r), projected.ptr<float>(r) + components, out.begin() + long(std::size_t(r) * std::size_t(components)));
    return out;
}

namespace {

Result<TsneResult> runTsneUnguarded(const std::vector<float> &data, std::size_t n, int dims, const TsneOptions &options,
                                    Progress *progress)
{
    const auto start = Clock::now();
    if (n < 4)
        return Error{"t-SNE needs at least 4 points; there are " + std::to_string(n) + "."};
    if (dims < 1 || data.size() != n * std::size_t(dims))
        return Error{"The t-SNE input is not an n x dims matrix."};
    if (!(options.perplexity > 0) || options.perplexity >= double(n - 1))
        return Error{"The perplexity must be above 0 and below the number of points minus one (" + std::to_string(n - 1) + ")."};
    if (std::any_of(data.begin(), data.end(), [](float v) { return !std::isfinite(v); }))
        return Error{"The t-SNE input holds NaN or infinite values."};
    const int threads = threadCount(options.threads);
    const int iterations = std::max(1, options.iterations);
    addTotal(progress, std::size_t(iterations));

    // Reduce, then find the neighbours.
    std::vector<float> x;
    int xd = dims;
    if (options.pcaDims > 0 && dims > options.pcaDims) {
        x = pcaProject(data, n, dims, options.pcaDims);
        xd = std::min({options.pcaDims, dims, int(n)});
    } else {
        x = data;
    }
    const int k = std::min<int>(int(n) - 1, int(3 * options.perplexity + 1));
    std::vector<std::size_t> nbr(n * std::size_t(k));
    std::vector<float> d2(n * std::size_t(k));
    {
        VpTree tree(x.data(), n, xd, options.seed);
        parallelFor(n, threads, [&](std::size_t begin, std::size_t end) {
            std::vector<std::pair<float, std::size_t>> found;
            for (std::size_t i = begin; i < end; ++i) {
                tree.search(i, k, found);
                for (int j = 0; j < k; ++j) {
                    d2[i * std::size_t(k) + std::size_t(j)] = found[std::size_t(j)].first;
                    nbr[i * std::size_t(k) + std::size_t(j)] = found[std::size_t(j)].second;
                }
            }
        });
    }
    if (isCancelled(progress))
        return Error{"t-SNE was cancelled."};
    std::vector<float> pc;
    calibrate(d2, n, k, options.perplexity, pc, threads);
    const SparseP P = symmetrise(nbr, pc, n, k);
    TsneResult result;
    result.neighbourSeconds = std::chrono::duration<double>(Clock::now() - start).count();

    // Start from the first two principal components, scaled to a standard deviation of 1e-4
    // (scikit-learn's init="pca").
    std::vector<float> y = pcaProject(x, n, xd, 2);
    {
        double mean = 0, var = 0;
        for (std::size_t i = 0; i < n; ++i)
            mean += y[2 * i];
        mean /= double(n);
        for (std::size_t i = 0; i < n; ++i)
            var += (y[2 * i] - mean) * (y[2 * i] - mean);
        const double sd = std::sqrt(var / double(n));
        const float scale = float(1e-4 / (sd > 0 ? sd : 1));
        for (auto &v : y)
            v *= scale;
    }

    const double lr = options.learningRate > 0 ? options.learningRate : std::max(double(n) / 12.0, 200.0);
    const float theta2 = float(options.theta * options.theta);
    std::vector<float> update(2 * n, 0.f), gains(2 * n, 1.f), grad(2 * n);
    std::vector<double> zPart(n), attrX(n), attrY(n), repX(n), repY(n), klPart(n);

    auto computeKl = [&](double z) {
        parallelFor(n, threads, [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                double c = 0;
                for (std::size_t e = P.rowStart[i]; e < P.rowStart[i + 1]; ++e) {
                    const std::size_t j = P.cols[e];
                    const float dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
                    const double q = 1.0 / (1.0 + double(dx * dx + dy * dy)) / z;
                    const double p = P.values[e];
                    c += p * std::log(std::max(p, 1e-12) / std::max(q, 1e-12));
                }
                klPart[i] = c;
            }
        });
        return std::accumulate(klPart.begin(), klPart.end(), 0.0);
    };

    double z = 1;
    for (int it = 0; it < iterations; ++it) {
        while (options.pause && options.pause->load() && !isCancelled(progress))
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (isCancelled(progress))
            return Error{"t-SNE was cancelled."};
        const bool early = it < options.exaggerationIterations;
        const float exaggeration = early ? float(options.earlyExaggeration) : 1.f;
        const float momentum = early ? 0.5f : 0.8f;
        const QuadTree tree(y);
        tree.repulsion(theta2, zPart, repX, repY, threads);
        parallelFor(n, threads, [&](std::size_t begin, std::size_t end) {
            for (std::size_t i = begin; i < end; ++i) {
                const float yi = y[2 * i], yj = y[2 * i + 1];
                float ax = 0, ay = 0;
                for (std::size_t e = P.rowStart[i]; e < P.rowStart[i + 1]; ++e) {
                    const std::size_t j = P.cols[e];
                    const float dx = yi - y[2 * j], dy = yj - y[2 * j + 1];
                    const float w = P.values[e] / (1.f + dx * dx + dy * dy);
                    ax += w * dx;
                    ay += w * dy;
                }
                attrX[i] = double(ax * exaggeration);
                attrY[i] = double(ay * exaggeration);
            }
        });
        z = std::max(std::accumulate(zPart.begin(), zPart.end(), 0.0), 1e-12);
        for (std::size_t i = 0; i < n; ++i) {
            grad[2 * i] = float(4.0 * (attrX[i] - repX[i] / z));
            grad[2 * i + 1] = float(4.0 * (attrY[i] - repY[i] / z));
        }
        for (std::size_t d = 0; d < 2 * n; ++d) {
            const bool sameDirection = update[d] * grad[d] < 0;
            gains[d] = sameDirection ? gains[d] + 0.2f : std::max(gains[d] * 0.8f, 0.01f);
            update[d] = momentum * update[d] - float(lr) * gains[d] * grad[d];
            y[d] += update[d];
        }
        stepProgress(progress);
        const bool last = it + 1 == iterations;
        if (options.onLayout && options.reportEvery > 0 && ((it + 1) % options.reportEvery == 0 || last)) {
            const double kl = computeKl(z);
            if (last)
                result.kl = kl;
            options.onLayout(it + 1, y, kl);
        }
    }
    if (!options.onLayout || options.reportEvery <= 0)
        result.kl = computeKl(z);
    result.layout = std::move(y);
    result.iterations = iterations;
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
}

} // namespace

Result<TsneResult> runTsne(const std::vector<float> &data, std::size_t n, int dims, const TsneOptions &options, Progress *progress)
{
    try {
        return runTsneUnguarded(data, n, dims, options, progress);
    } catch (...) {
        return Error{"t-SNE failed: " + exceptionText(std::current_exception())};
    }
}

double trustworthiness(const std::vector<float> &high, int dims, const std::vector<float> &low, int lowDims, std::size_t n,
                       int k, int threads)
{
    if (n < 3 || k < 1 || std::size_t(k) >= n / 2)
        return 0;
    std::vector<double> penalty(n, 0);
    try {
        parallelFor(n, threadCount(threads), [&](std::size_t begin, std::size_t end) {
            std::vector<float> dh(n), dl(n);
            std::vector<std::size_t> order(n);
            for (std::size_t i = begin; i < end; ++i) {
                for (std::size_t j = 0; j < n; ++j) {
                    dh[j] = j == i ? std::numeric_limits<float>::max() : squaredDistance(&high[i * std::size_t(dims)], &high[j * std::size_t(dims)], dims);
                    dl[j] = j == i ? std::numeric_limits<float>::max() : squaredDistance(&low[i * std::size_t(lowDims)], &low[j * std::size_t(lowDims)], lowDims);
                }
                // The k nearest in the layout; then each one's rank in the input space (1 = nearest),
                // ties broken by index as a stable argsort does.
                std::iota(order.begin(), order.end(), 0);
                std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](std::size_t a, std::size_t b) {
                    return dl[a] != dl[b] ? dl[a] < dl[b] : a < b;
                });
                double sum = 0;
                for (int m = 0; m < k; ++m) {
                    const std::size_t j = order[std::size_t(m)];
                    std::size_t rank = 1;
                    for (std::size_t t = 0; t < n; ++t)
                        rank += t != i && (dh[t] < dh[j] || (dh[t] == dh[j] && t < j));
                    if (rank > std::size_t(k))
                        sum += double(rank - std::size_t(k));
                }
                penalty[i] = sum;
            }
        });
    } catch (...) {
        return std::nan(""); // out of memory, say: no measure
    }
    const double total = std::accumulate(penalty.begin(), penalty.end(), 0.0);
    const double nn = double(n), kk = double(k);
    return 1.0 - total * 2.0 / (nn * kk * (2.0 * nn - 3.0 * kk - 1.0));
}

} // namespace kiln
