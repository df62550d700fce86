#pragma once
// The two trees of Barnes-Hut t-SNE (engine-private, included by tsne.cpp only): a vantage-point
// tree for the k nearest neighbours of the input, and the quadtree of the 2-d layout whose cells
// summarise far points. Header-only so the inner loops inline as before. Also the deterministic
// parallel loop both use.

#include "core/guardedthread.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <queue>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace kiln::tsnedetail {

inline int threadCount(int requested)
{
    return requested > 0 ? requested : std::max(1, int(std::thread::hardware_concurrency()));
}

// Runs fn(begin, end) over [0, n) in contiguous slices, one per thread. The slices depend only on
// n and the thread count, and every result is written per index, so the outcome does not depend on
// timing. The workers are GuardedThreads: when a slice throws, every thread is joined first and
// the failure is thrown again on the calling thread (as std::runtime_error), where runTsne's
// guard turns it into an Error.
template <class Fn>
void parallelFor(std::size_t n, int threads, Fn &&fn)
{
    const std::size_t t = std::min<std::size_t>(std::size_t(std::max(threads, 1)), std::max<std::size_t>(n, 1));
    if (t <= 1) {
        fn(std::size_t(0), n);
        return;
    }
    std::vector<GuardedThread> pool;
    const std::size_t step = (n + t - 1) / t;
    std::size_t callerEnd = std::min(n, step); // the calling thread's slice, grown by slices no thread took
    std::vector<std::pair<std::size_t, std::size_t>> leftover;
    for (std::size_t k = 1; k < t; ++k) {
        const std::size_t b = k * step, e = std::min(n, b + step);
        if (b >= e)
            continue;
        GuardedThread worker("a t-SNE worker", [&fn, b, e] { fn(b, e); });
        if (worker.joinable())
            pool.push_back(std::move(worker));
        else
            leftover.emplace_back(b, e);
    }
    fn(0, callerEnd); // a throw here still joins the pool (GuardedThread's destructor)
    for (const auto &[b, e] : leftover)
        fn(b, e);
    std::string failure;
    for (auto &th : pool)
        if (auto r = th.join(); !r && failure.empty())
            failure = r.message();
    if (!failure.empty())
        throw std::runtime_error(failure);
}

inline float squaredDistance(const float *a, const float *b, int dims)
{
    float s = 0;
    for (int d = 0; d < dims; ++d) {
        const float t = a[d] - b[d];
        s += t * t;
    }
    return s;
}

// ---- k nearest neighbours: a vantage-point tree over Euclidean distance -----------------------

class VpTree {
public:
    VpTree(const float *data, std::size_t n, int dims, std::uint64_t seed)
        : m_data(data)
        , m_dims(dims)
        , m_rng(seed)
    {
        m_items.resize(n);
        std::iota(m_items.begin(), m_items.end(), 0);
        m_nodes.reserve(n);
        m_root = build(0, n);
    }

    // The k nearest other points of point `q`, nearest first, with their squared distances.
    void search(std::size_t q, int k, std::vector<std::pair<float, std::size_t>> &out) const
    {
        std::priority_queue<std::pair<float, std::size_t>> heap; // (distance, index), largest on top
        float tau = std::numeric_limits<float>::max();
        search(m_root, q, k, heap, tau);
        out.resize(heap.size());
        for (std::size_t i = heap.size(); i-- > 0;) {
            out[i] = {heap.top().first * heap.top().first, heap.top().second};
            heap.pop();
        }
    }

private:
    struct Node {
        std::size_t item = 0;
        float threshold = 0;
        int left = -1, right = -1;
    };

    float distance(std::size_t a, std::size_t b) const
    {
        return std::sqrt(squaredDistance(m_data + a * std::size_t(m_dims), m_data + b * std::size_t(m_dims), m_dims));
    }

    int build(std::size_t lower, std::size_t upper)
    {
        if (upper == lower)
            return -1;
        const int index = int(m_nodes.size());
        m_nodes.push_back({});
        const std::size_t pick = lower + std::size_t(m_rng() % (upper - lower));
        std::swap(m_items[lower], m_items[pick]);
        m_nodes[std::size_t(index)].item = m_items[lower];
        if (upper - lower > 1) {
            const std::size_t median = (lower + 1 + upper) / 2;
            const std::size_t vp = m_items[lower];
            std::nth_element(m_items.begin() + long(lower) + 1, m_items.begin() + long(median), m_items.begin() + long(upper),
                             [&](std::size_t a, std::size_t b) { return distance(vp, a) < distance(vp, b); });
            m_nodes[std::size_t(index)].threshold = distance(vp, m_items[median]);
            const int left = build(lower + 1, median);
            const int right = build(median, upper);
            m_nodes[std::size_t(index)].left = left;
            m_nodes[std::size_t(index)].right = right;
        }
        return index;
    }

    void search(int node, std::size_t q, int k, std::priority_queue<std::pair<float, std::size_t>> &heap, float &tau) const
    {
        if (node < 0)
            return;
        const Node &n = m_nodes[std::size_t(node)];
        const float d = distance(n.item, q);
        if (n.item != q && d < tau) {
            if (int(heap.size()) == k)
                heap.pop();
            heap.emplace(d, n.item);
            if (int(heap.size()) == k)
                tau = heap.top().first;
        }
        if (n.left < 0 && n.right < 0)
            return;
        if (d < n.threshold) {
            if (d - tau <= n.threshold)
                search(n.left, q, k, heap, tau);
            if (d + tau >= n.threshold)
                search(n.right, q, k, heap, tau);
        } else {
            if (d + tau >= n.threshold)
                search(n.right, q, k, heap, tau);
            if (d - tau <= n.threshold)
                search(n.left, q, k, heap, tau);
        }
    }

    const float *m_data;
    int m_dims;
    std::mt19937_64 m_rng;
    std::vector<std::size_t> m_items;
    std::vector<Node> m_nodes;
    int m_root = -1;
};

// ---- the quadtree of the layout -----------------------------------------------------------------

// Built top-down each iteration over a permuted copy of the points; leaves hold up to kLeafSize
// points. The points of one leaf walk the tree together: a cell is summarised by its centre of
// mass when it is far from the whole leaf (its side below theta times its distance to the leaf's
// bounding box), which is never coarser than the per-point criterion; near leaves are summed
// exactly. One walk per leaf instead of one per point, and the inner loops run over contiguous
// coordinates.
class QuadTree {
public:
    static constexpr int kLeafSize = 16;

    explicit QuadTree(const std::vector<float> &y)
    {
        const std::size_t n = y.size() / 2;
        m_order.resize(n);
        std::iota(m_order.begin(), m_order.end(), 0u);
        float minX = std::numeric_limits<float>::max(), minY = minX, maxX = -minX, maxY = -minX;
        for (std::size_t i = 0; i < n; ++i) {
            minX = std::min(minX, y[2 * i]);
            maxX = std::max(maxX, y[2 * i]);
            minY = std::min(minY, y[2 * i + 1]);
            maxY = std::max(maxY, y[2 * i + 1]);
        }
        const float half = std::max(maxX - minX, maxY - minY) / 2 * 1.0001f + 1e-6f;
        m_nodes.reserve(n / 4 + 16);
        m_nodes.push_back({});
        build(0, y, 0, std::uint32_t(n), (minX + maxX) / 2, (minY + maxY) / 2, half);
        m_x.resize(n);
        m_y.resize(n);
        for (std::size_t k = 0; k < n; ++k) {
            m_x[k] = y[2 * m_order[k]];
            m_y[k] = y[2 * m_order[k] + 1];
        }
    }

    // Repulsion on every point: z[i] (its share of Z: the sum of q over the other points) and
    // (fx[i], fy[i]) (the sum of q^2 (y_i - y_j)).
    void repulsion(float theta2, std::vector<double> &z, std::vector<double> &fx, std::vector<double> &fy, int threads) const
    {
        parallelFor(m_leaves.size(), threads, [&](std::size_t begin, std::size_t end) {
            std::vector<float> zs, fxs, fys;
            for (std::size_t l = begin; l < end; ++l)
                walk(m_leaves[l], theta2, zs, fxs, fys, z, fx, fy);
        });
    }

private:
    struct Node {
        float comX = 0, comY = 0;
        float side2 = 0;          // squared side of the cell
        int count = 0;
        std::uint32_t begin = 0;  // first point (tree order)
        int firstChild = -1;
        int children = 0;         // non-empty children, stored together
    };

    void build(int index, const std::vector<float> &y, std::uint32_t begin, std::uint32_t end, float cx, float cy, float half)
    {
        double sx = 0, sy = 0;
        for (std::uint32_t k = begin; k < end; ++k) {
            sx += y[2 * m_order[k]];
            sy += y[2 * m_order[k] + 1];
        }
        Node node;
        node.count = int(end - begin);
        node.comX = float(sx / node.count);
        node.comY = float(sy / node.count);
        node.side2 = 4 * half * half;
        node.begin = begin;
        if (node.count <= kLeafSize || half < 1e-12f) {
            m_nodes[std::size_t(index)] = node;
            m_leaves.push_back(index);
            return;
        }
        // Quadrants: split on x, then each half on y.
        std::uint32_t *o = m_order.data();
        std::uint32_t *midX = std::partition(o + begin, o + end, [&](std::uint32_t i) { return y[2 * i] < cx; });
        std::uint32_t *lowY = std::partition(o + begin, midX, [&](std::uint32_t i) { return y[2 * i + 1] < cy; });
        std::uint32_t *highY = std::partition(midX, o + end, [&](std::uint32_t i) { return y[2 * i + 1] < cy; });
        const std::uint32_t bounds[5] = {begin, std::uint32_t(lowY - o), std::uint32_t(midX - o), std::uint32_t(highY - o), end};
        const float h = half / 2;
        const float centres[4][2] = {{cx - h, cy - h}, {cx - h, cy + h}, {cx + h, cy - h}, {cx + h, cy + h}};
        node.firstChild = int(m_nodes.size());
        for (int c = 0; c < 4; ++c)
            node.children += bounds[c + 1] > bounds[c];
        m_nodes[std::size_t(index)] = node;
        m_nodes.resize(m_nodes.size() + std::size_t(node.children));
        int child = node.firstChild;
        for (int c = 0; c < 4; ++c)
            if (bounds[c + 1] > bounds[c])
                build(child++, y, bounds[c], bounds[c + 1], centres[c][0], centres[c][1], h);
    }

    void walk(int leafIndex, float theta2, std::vector<float> &zs, std::vector<float> &fxs, std::vector<float> &fys,
              std::vector<double> &z, std::vector<double> &fx, std::vector<double> &fy) const
    {
        const Node &leaf = m_nodes[std::size_t(leafIndex)];
        const std::uint32_t b = leaf.begin, n = std::uint32_t(leaf.count);
        const float *px = m_x.data() + b, *py = m_y.data() + b;
        float minX = px[0], maxX = px[0], minY = py[0], maxY = py[0];
        for (std::uint32_t k = 1; k < n; ++k) {
            minX = std::min(minX, px[k]);
            maxX = std::max(maxX, px[k]);
            minY = std::min(minY, py[k]);
            maxY = std::max(maxY, py[k]);
        }
        zs.assign(n, 0.f);
        fxs.assign(n, 0.f);
        fys.assign(n, 0.f);
        int stack[512];
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            const int index = stack[--top];
            const Node &node = m_nodes[std::size_t(index)];
            const float gx = std::max({minX - node.comX, 0.f, node.comX - maxX});
            const float gy = std::max({minY - node.comY, 0.f, node.comY - maxY});
            if (node.side2 < theta2 * (gx * gx + gy * gy)) {
                const float mass = float(node.count), cx = node.comX, cy = node.comY;
                float *zp = zs.data(), *fxp = fxs.data(), *fyp = fys.data();
                for (std::uint32_t k = 0; k < n; ++k) {
                    const float dx = px[k] - cx, dy = py[k] - cy;
                    const float q = 1.f / (1.f + dx * dx + dy * dy);
                    const float mq = mass * q;
                    zp[k] += mq;
                    fxp[k] += mq * q * dx;
                    fyp[k] += mq * q * dy;
                }
            } else if (node.children == 0) {
                // Exact sums between the two buckets; a point's pair with itself adds q = 1 and no
                // force, taken out below.
                const float *qx = m_x.data() + node.begin, *qy = m_y.data() + node.begin;
                const std::uint32_t m = std::uint32_t(node.count);
                float *zp = zs.data(), *fxp = fxs.data(), *fyp = fys.data();
                for (std::uint32_t t = 0; t < m; ++t) {
                    const float ox = qx[t], oy = qy[t];
                    for (std::uint32_t k = 0; k < n; ++k) { // vectorises over the leaf's points
                        const float dx = px[k] - ox, dy = py[k] - oy;
                        const float q = 1.f / (1.f + dx * dx + dy * dy);
                        zp[k] += q;
                        fxp[k] += q * q * dx;
                        fyp[k] += q * q * dy;
                    }
                }
                if (index == leafIndex)
                    for (std::uint32_t k = 0; k < n; ++k)
                        zs[k] -= 1.f;
            } else if (top + 4 <= 512) {
                for (int c = 0; c < node.children; ++c)
                    stack[top++] = node.firstChild + c;
            }
        }
        for (std::uint32_t k = 0; k < n; ++k) {
            const std::uint32_t i = m_order[b + k];
            z[i] = double(zs[k]);
            fx[i] = double(fxs[k]);
            fy[i] = double(fys[k]);
        }
    }

    std::vector<Node> m_nodes;
    std::vector<int> m_leaves;
    std::vector<std::uint32_t> m_order; // tree order -> point
    std::vector<float> m_x, m_y;        // coordinates in tree order
};

} // namespace kiln::tsnedetail
