#include "analysis/embeddingissues.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace kiln {

namespace {

at::Tensor embeddingTensor(const EmbeddingMatrix &e)
{
    return torch::from_blob(const_cast<float *>(e.values), {std::int64_t(e.rows), std::int64_t(e.dim)}, torch::kFloat);
}

Result<ProbabilityMatrix> headUnguarded(const EmbeddingMatrix &embeddings, const std::vector<int> &labels, int classes,
                                        const std::vector<int> &folds, const HeadOptions &options, Progress *progress)
{
    torch::NoGradGuard outer; // re-enabled per fold below
    const std::size_t n = embeddings.rows;
    ProbabilityMatrix out;
    out.rows = n;
    out.classes = classes;
    out.values.assign(n * std::size_t(classes), 1.0f / float(classes));
    const at::Tensor x = embeddingTensor(embeddings);
    int foldCount = 0;
    for (int f : folds)
        foldCount = std::max(foldCount, f + 1);
    addTotal(progress, std::size_t(foldCount));
    for (int fold = 0; fold < foldCount; ++fold) {
        if (isCancelled(progress))
            return Error{"Cancelled."};
        std::vector<std::int64_t> trainRows, testRows, trainLabels;
        for (std::size_t i = 0; i < n; ++i) {
            if (folds[i] < 0 || labels[i] < 0 || labels[i] >= classes)
                continue;
            if (folds[i] == fold) {
                testRows.push_back(std::int64_t(i));
            } else {
                trainRows.push_back(std::int64_t(i));
                trainLabels.push_back(labels[i]);
            }
        }
        if (testRows.empty() || trainRows.empty()) {
            stepProgress(progress);
            continue;
        }
        const auto trainIdx = torch::tensor(trainRows, torch::kLong);
        const auto testIdx = torch::tensor(testRows, torch::kLong);
        at::Tensor xt = x.index_select(0, trainIdx);
        const at::Tensor mean = xt.mean(0, true);
        const at::Tensor std = xt.std(0, false, true).clamp_min(1e-6); // biased: defined for one row
        xt = (xt - mean) / std;
        const at::Tensor xv = (x.index_select(0, testIdx) - mean) / std;
        const at::Tensor y = torch::tensor(trainLabels, torch::kLong);
        // Initialised as nn.Linear is (uniform within 1/sqrt(dim)) from a generator of its own, so a
        // training on another thread draws the same numbers as without this search.
        at::Generator gen = at::detail::createCPUGenerator(std::uint64_t(fold) + 1);
        const double bound = 1.0 / std::sqrt(double(embeddings.dim));
        at::Tensor weight = torch::empty({std::int64_t(classes), std::int64_t(embeddings.dim)}).uniform_(-bound, bound, gen);
        at::Tensor bias = torch::empty({std::int64_t(classes)}).uniform_(-bound, bound, gen);
        weight.set_requires_grad(true);
        bias.set_requires_grad(true);
        auto forward = [&](const at::Tensor &in) { return torch::addmm(bias, in, weight.t()); };
        torch::optim::Adam opt(std::vector<at::Tensor>{weight, bias}, torch::optim::AdamOptions(options.lr).weight_decay(options.weightDecay));
        {
            torch::AutoGradMode grad(true);
            for (int step = 0; step < options.steps; ++step) {
                if (step % 50 == 0 && isCancelled(progress))
                    return Error{"Cancelled."};
                opt.zero_grad();
                auto loss = torch::nn::functional::cross_entropy(forward(xt), y);
                loss.backward();
                opt.step();
            }
        }
        const at::Tensor p = torch::softmax(forward(xv), 1).contiguous();
        const float *pp = p.data_ptr<float>();
        for (std::size_t r = 0; r < testRows.size(); ++r)
            std::copy(pp + r * std::size_t(classes), pp + (r + 1) * std::size_t(classes),
                      out.values.begin() + std::ptrdiff_t(std::size_t(testRows[r]) * std::size_t(classes)));
        stepProgress(progress);
    }
    return out;
}

} // namespace

Result<ProbabilityMatrix> crossValidatedHead(const EmbeddingMatrix &embeddings, const std::vector<int> &labels, int classes,
                                             const std::vector<int> &folds, const HeadOptions &options, Progress *progress)
{
    if (classes < 2)
        return Error{"Finding label issues needs at least two classes."};
    if (embeddings.dim < 1 || labels.size() != embeddings.rows || folds.size() != embeddings.rows)
        return Error{"The embeddings, labels and folds do not match (" + std::to_string(embeddings.rows) + " rows)."};
    if (options.threads > 0)
        torch::set_num_threads(options.threads);
    try {
        return headUnguarded(embeddings, labels, classes, folds, options, progress);
    } catch (const std::exception &e) {
        return Error{std::string("Training the head on the embeddings failed: ") + e.what()};
    }
}

Result<Neighbours> nearestNeighbours(const EmbeddingMatrix &embeddings, int k, Progress *progress)
{
    Neighbours out;
    const std::size_t n = embeddings.rows;
    out.k = int(std::min<std::size_t>(std::size_t(std::max(k, 0)), n > 0 ? n - 1 : 0));
    if (out.k == 0 || embeddings.dim < 1)
        return out;
    try {
        torch::NoGradGuard guard;
        // Centred first: pooled ReLU features all lie in one orthant, where every cosine is high;
        // about their mean the cosine tells look-alikes from merely related images.
        const at::Tensor features = embeddingTensor(embeddings);
        const at::Tensor unit = torch::nn::functional::normalize(features - features.mean(0, true),
                                                                 torch::nn::functional::NormalizeFuncOptions().dim(1).eps(1e-12));
        const at::Tensor unitT = unit.t().contiguous();
        out.index.resize(n * std::size_t(out.k));
        out.similarity.resize(n * std::size_t(out.k));
        const std::int64_t block = 1024;
        addTotal(progress, (n + std::size_t(block) - 1) / std::size_t(block));
        for (std::int64_t start = 0; start < std::int64_t(n); start += block) {
            if (isCancelled(progress))
                return Error{"Cancelled."};
            const std::int64_t rows = std::min<std::int64_t>(block, std::int64_t(n) - start);
            at::Tensor sim = torch::mm(unit.narrow(0, start, rows), unitT);
            // Not itself: its own column is pushed below every real similarity.
            sim.diagonal(start).fill_(-3.0);
            auto [values, indices] = sim.topk(out.k, 1, true, true);
            values = values.contiguous();
            indices = indices.to(torch::kLong).contiguous();
            const float *v = values.data_ptr<float>();
            const std::int64_t *ix = indices.data_ptr<std::int64_t>();
            for (std::int64_t r = 0; r < rows; ++r)
                for (int j = 0; j < out.k; ++j) {
                    const std::size_t at = std::size_t(start + r) * std::size_t(out.k) + std::size_t(j);
                    out.index[at] = std::uint32_t(ix[r * out.k + j]);
                    out.similarity[at] = std::clamp(v[r * out.k + j], -1.0f, 1.0f);
                }
            stepProgress(progress);
        }
    } catch (const std::exception &e) {
        return Error{std::string("Comparing the embeddings failed: ") + e.what()};
    }
    return out;
}

std::vector<float> outlierScores(const Neighbours &neighbours, int k)
{
    k = std::clamp(k, 1, std::max(neighbours.k, 1));
    const std::size_t n = neighbours.k > 0 ? neighbours.similarity.size() / std::size_t(neighbours.k) : 0;
    std::vector<float> scores(n, 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
        double sum = 0;
        for (int j = 0; j < k && j < neighbours.k; ++j)
            sum += 1.0 - neighbours.similarity[i * std::size_t(neighbours.k) + std::size_t(j)];
        scores[i] = float(sum / std::min(k, neighbours.k));
    }
    return scores;
}

double outlierFence(const std::vector<float> &scores)
{
    if (scores.size() < 4)
        return INFINITY;
    std::vector<float> s(scores);
    std::sort(s.begin(), s.end());
    auto quantile = [&](double q) {
        const double pos = q * double(s.size() - 1);
        const std::size_t lo = std::size_t(pos);
        const std::size_t hi = std::min(lo + 1, s.size() - 1);
        return double(s[lo]) + (pos - double(lo)) * (double(s[hi]) - double(s[lo]));
    };
    const double q1 = quantile(0.25), q3 = quantile(0.75);
    // A spread of at least 5 % of Q3, so near-identical scores (a tight cluster) flag nothing.
    return q3 + 3 * std::max(q3 - q1, 0.05 * q3);
}

std::vector<std::vector<std::size_t>> groupPairs(std::size_t count, const std::vector<std::pair<std::size_t, std::size_t>> &pairs,
                                                 const std::vector<LinkedPair> &similar, float threshold)
{
    std::vector<std::size_t> parent(count);
    std::iota(parent.begin(), parent.end(), std::size_t(0));
    std::vector<std::vector<std::size_t>> members(count);
    for (std::size_t i = 0; i < count; ++i)
        members[i] = {i};
    auto find = [&](std::size_t x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    };
    auto unite = [&](std::size_t ra, std::size_t rb) {
        const std::size_t root = std::min(ra, rb), other = std::max(ra, rb);
        parent[other] = root;
        members[root].insert(members[root].end(), members[other].begin(), members[other].end());
        members[other].clear();
    };
    for (const auto &[a, b] : pairs) {
        if (a >= count || b >= count)
            continue;
        const std::size_t ra = find(a), rb = find(b);
        if (ra != rb)
            unite(ra, rb);
    }
    // Complete linkage for the embedding pairs, most similar first: two groups join only when
    // every image of one is similar to every image of the other (or the same picture), so a chain
    // of look-alikes does not become one group.
    std::unordered_map<std::uint64_t, float> linked;
    auto key = [count](std::size_t a, std::size_t b) { return std::uint64_t(std::min(a, b)) * count + std::max(a, b); };
    for (const auto &[a, b] : pairs)
        if (a < count && b < count)
            linked[key(a, b)] = 2.0f;
    std::vector<LinkedPair> order;
    for (const auto &p : similar)
        if (p.a < count && p.b < count && p.similarity >= threshold) {
            order.push_back(p);
            float &s = linked[key(p.a, p.b)];
            s = std::max(s, p.similarity);
        }
    std::stable_sort(order.begin(), order.end(), [](const LinkedPair &x, const LinkedPair &y) { return x.similarity > y.similarity; });
    for (const auto &p : order) {
        const std::size_t ra = find(p.a), rb = find(p.b);
        if (ra == rb)
            continue;
        bool all = true;
        for (std::size_t x : members[ra]) {
            for (std::size_t y : members[rb])
                if (!linked.count(key(x, y))) {
                    all = false;
                    break;
                }
            if (!all)
                break;
        }
        if (all)
            unite(ra, rb);
    }
    std::vector<std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < count; ++i)
        if (parent[i] == i && members[i].size() > 1) {
            std::sort(members[i].begin(), members[i].end());
            groups.push_back(std::move(members[i]));
        }
    return groups; // roots are each group's smallest member, so already in order
}

} // namespace kiln
