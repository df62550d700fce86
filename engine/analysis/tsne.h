#pragma once
// Barnes-Hut t-SNE (van der Maaten 2014), written for Kiln: PCA to a few dozen dimensions, the k
// nearest neighbours from a vantage-point tree, per-point perplexity calibration by binary search,
// a sparse symmetric P, and gradient descent with early exaggeration, momentum and gains, the
// repulsion approximated with a quadtree (theta). The schedule and defaults are those of
// scikit-learn's TSNE(method="barnes_hut"), except the learning rate, max(N / 12, 200).
//
// Plain C++ over float matrices (no Qt, no LibTorch); runs on the calling thread plus `threads`
// workers. Deterministic for a seed whatever the thread count. Cancellable through Progress; can
// hand out the layout every few iterations and wait while paused.

#include "core/progress.h"
#include "core/result.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace kiln {

struct TsneOptions {
    double perplexity = 30;
    int iterations = 1000;
    int pcaDims = 50;          // reduce to this many dimensions first; 0 keeps the input as is
    double theta = 0.5;        // Barnes-Hut accuracy: 0 is exact (slow), larger is coarser
    double learningRate = 0;   // 0: max(N / 12, 200)
    double earlyExaggeration = 12;
    int exaggerationIterations = 250; // also when the momentum goes from 0.5 to 0.8
    std::uint64_t seed = 42;
    int threads = 0;           // 0: every core
    int reportEvery = 25;      // iterations between calls of `onLayout` (and KL computations)
    // Called every reportEvery iterations and at the end with the iteration, the layout (N x 2,
    // row-major) and the KL divergence; on the t-SNE thread.
    std::function<void(int iteration, const std::vector<float> &layout, double kl)> onLayout;
    const std::atomic<bool> *pause = nullptr; // while true, the optimisation waits between iterations
};

struct TsneResult {
    std::vector<float> layout; // N x 2, row-major
    double kl = 0;             // KL(P || Q) of the final layout
    int iterations = 0;
    double seconds = 0;
    double neighbourSeconds = 0; // PCA, neighbours and P, before the optimisation
};

// `data` is n x dims, row-major. Fails for fewer than 4 points, a perplexity not below n - 1, or
// non-finite input; returns an Error saying "cancelled" when cancelled. Whatever throws inside
// (a worker thread, `onLayout`, an allocation) comes back as an Error too.
Result<TsneResult> runTsne(const std::vector<float> &data, std::size_t n, int dims, const TsneOptions &options = {},
                           Progress *progress = nullptr);

// The perplexity to use for n points when `wanted` may not fit: at most (n - 1) / 3, so that every
// point has its 3 x perplexity neighbours (what openTSNE does for small sets).
inline double fittingPerplexity(double wanted, std::size_t n)
{
    const double most = (double(n) - 1) / 3;
    return wanted < most ? wanted : (most > 1 ? most : 1);
}

// Trustworthiness T(k) of a low-dimensional layout (Venna and Kaski; as scikit-learn computes it):
// 1 when the k nearest neighbours of every point in the layout are also among its nearest in the
// input. Exact, O(n^2 (dims + lowDims)), multi-threaded; NaN when a worker fails (out of memory).
double trustworthiness(const std::vector<float> &high, int dims, const std::vector<float> &low, int lowDims,
                       std::size_t n, int k, int threads = 0);

// The first `components` principal components of n x dims data (centred), n x components.
std::vector<float> pcaProject(const std::vector<float> &data, std::size_t n, int dims, int components);

} // namespace kiln
