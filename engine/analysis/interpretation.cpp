#include "analysis/interpretation.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace kiln {

Interpretation::Interpretation(std::vector<std::string> classes, const std::vector<int> &labels,
                               const std::vector<int> &predicted)
    : m_classes(std::move(classes))
{
    const std::size_t C = m_classes.size();
    m_matrix.assign(C * C, 0);
    m_perClass.assign(C, {});
    const std::size_t n = std::min(labels.size(), predicted.size());
    for (std::size_t i = 0; i < n; ++i) {
        const int a = labels[i], p = predicted[i];
        if (a < 0 || p < 0 || std::size_t(a) >= C || std::size_t(p) >= C)
            continue;
        ++m_matrix[std::size_t(a) * C + std::size_t(p)];
        ++m_total;
        m_correct += a == p;
    }
    for (std::size_t c = 0; c < C; ++c) {
        std::size_t row = 0, col = 0;
        for (std::size_t k = 0; k < C; ++k) {
            row += m_matrix[c * C + k];
            col += m_matrix[k * C + c];
        }
        const double tp = double(m_matrix[c * C + c]);
        ClassMetrics &m = m_perClass[c];
        m.support = row;
        m.precision = col ? tp / double(col) : 0;
        m.recall = row ? tp / double(row) : 0;
        m.f1 = m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0;
    }
}

double Interpretation::rowFraction(int actual, int predicted) const
{
    const std::size_t row = rowTotal(actual);
    return row ? double(count(actual, predicted)) / double(row) : 0;
}

double Interpretation::macroF1() const
{
    if (m_perClass.empty())
        return 0;
    double sum = 0;
    for (const auto &m : m_perClass)
        sum += m.f1;
    return sum / double(m_perClass.size());
}

std::vector<ConfusedPair> Interpretation::mostConfused(std::size_t minCount) const
{
    std::vector<ConfusedPair> out;
    const int C = classCount();
    for (int a = 0; a < C; ++a)
        for (int p = 0; p < C; ++p)
            if (a != p && count(a, p) >= std::max<std::size_t>(minCount, 1))
                out.push_back({a, p, count(a, p)});
    std::stable_sort(out.begin(), out.end(), [](const ConfusedPair &x, const ConfusedPair &y) { return x.count > y.count; });
    return out;
}

std::vector<std::size_t> topLosses(const std::vector<float> &losses, std::size_t k)
{
    std::vector<std::size_t> idx;
    idx.reserve(losses.size());
    for (std::size_t i = 0; i < losses.size(); ++i)
        if (!std::isnan(losses[i]))
            idx.push_back(i);
    k = std::min(k, idx.size());
    auto greater = [&](std::size_t a, std::size_t b) { return losses[a] != losses[b] ? losses[a] > losses[b] : a < b; };
    std::partial_sort(idx.begin(), idx.begin() + long(k), idx.end(), greater);
    idx.resize(k);
    return idx;
}

} // namespace kiln
