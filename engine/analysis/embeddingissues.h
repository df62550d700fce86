#pragma once
// Numerics over image embeddings (one row per image) for finding data issues: out-of-sample class
// probabilities from a small head trained per fold on frozen embeddings, each image's nearest
// neighbours by cosine similarity, the outlier score they give, and the grouping of duplicate
// pairs. Torch-free interface over LibTorch; synchronous on the calling thread (LibTorch's own
// threads), so call it from a worker.

#include "analysis/confidentlearning.h"
#include "core/progress.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiln {

struct EmbeddingMatrix {
    std::size_t rows = 0;
    int dim = 0;
    const float *values = nullptr; // rows x dim, row-major; not owned
};

struct HeadOptions {
    int steps = 300;          // full-batch Adam steps per fold
    double lr = 0.01;
    double weightDecay = 1e-3;
    int threads = 0;          // 0: leave LibTorch's setting
};

// For each image of fold f (folds[i], from stratifiedFolds), the softmax of a linear head
// (features standardised on the other folds) trained with cross-entropy on the images of the other
// folds. Images with fold -1 or label -1 get a uniform row. Cancellable through `progress`.
Result<ProbabilityMatrix> crossValidatedHead(const EmbeddingMatrix &embeddings, const std::vector<int> &labels, int classes,
                                             const std::vector<int> &folds, const HeadOptions &options = {},
                                             Progress *progress = nullptr);

struct Neighbours {
    int k = 0;
    std::vector<std::uint32_t> index;  // rows x k, nearest first (never the image itself)
    std::vector<float> similarity;     // rows x k, cosine
};

// The k nearest neighbours of every row by cosine similarity about the rows' mean (exact, in
// blocks). k is clamped to rows - 1.
Result<Neighbours> nearestNeighbours(const EmbeddingMatrix &embeddings, int k, Progress *progress = nullptr);

// Per image: the mean cosine distance (1 - similarity) to its k nearest neighbours (k <= the
// neighbours kept); far from every neighbour is high.
std::vector<float> outlierScores(const Neighbours &neighbours, int k);

// The score above which an image is an outlier: Tukey's far-out fence, Q3 + 3 (Q3 - Q1), with the
// spread at least 5 % of Q3.
double outlierFence(const std::vector<float> &scores);

// Two images whose embeddings are alike.
struct LinkedPair {
    std::size_t a = 0, b = 0;
    float similarity = 0;
};

// Groups of two or more images, each group sorted, groups ordered by their first member: `pairs`
// (the same file, the same picture) join transitively (union-find); `similar` pairs at or above
// `threshold` join by complete linkage (every member of one group linked to every member of the
// other by a pair of either kind), so a chain of look-alikes stays apart.
std::vector<std::vector<std::size_t>> groupPairs(std::size_t count, const std::vector<std::pair<std::size_t, std::size_t>> &pairs,
                                                 const std::vector<LinkedPair> &similar = {}, float threshold = 1.0f);

} // namespace kiln
