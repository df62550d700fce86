// The learner as one rank of data-parallel training (distributed.h): what it adds to learner.cpp's
// loop. With no group every function here does nothing.
#include "train/distributed.h"
#include "train/learner.h"
#include "train/learnerimpl.h"

#include <cstdio>
#include <stdexcept>

namespace kiln::detail {

namespace {

// A failure of the group ends the run on this rank; the others time out and end too.
void orThrow(const Result<void> &r)
{
    if (!r)
        throw std::runtime_error(r.message());
}

} // namespace

bool Learner::writer() const
{
    return !m_group || m_group->rank() == 0;
}

void Learner::shareWeights()
{
    if (!m_group || m_group->world() == 1)
        return;
    torch::NoGradGuard none;
    std::vector<torch::Tensor> tensors;
    for (const auto &p : m_model->parameters())
        tensors.push_back(p);
    for (const auto &b : m_model->buffers())
        tensors.push_back(b);
    orThrow(m_group->broadcastFromRankZero(tensors));
}

void Learner::averageGradients()
{
    if (!m_group)
        return;
    orThrow(m_group->averageGradients(m_model->parameters()));
    if (!m_reportedBytes && m_group->world() > 1 && writer()) {
        // The figure that decides how training scales across machines.
        char buf[128];
        std::snprintf(buf, sizeof buf, "all-reducing %.2f MB of gradients per step", double(m_group->lastReducedBytes()) / 1e6);
        message(buf);
        m_reportedBytes = true;
    }
}

void Learner::sumOverRanks(double &a, double &b, double &c)
{
    if (!m_group || m_group->world() == 1)
        return;
    auto t = torch::tensor({a, b, c}, torch::kDouble);
    orThrow(m_group->sumInPlace(t));
    a = t[0].item<double>();
    b = t[1].item<double>();
    c = t[2].item<double>();
}

void Learner::checkWeightsAgree(int epoch)
{
    // The parameters' sum and sum of squares on every rank, against rank 0's: averaged gradients
    // keep the ranks identical, so a difference is a bug or a rank that trained other data.
    if (!m_group || m_group->world() == 1)
        return;
    torch::NoGradGuard none;
    double sum = 0, squares = 0;
    for (const auto &p : m_model->parameters()) {
        const auto d = p.to(torch::kDouble);
        sum += d.sum().item<double>();
        squares += d.square().sum().item<double>();
    }
    auto mine = torch::tensor({sum, squares}, torch::kDouble);
    auto zero = mine.clone();
    orThrow(m_group->broadcastFromRankZero({zero}));
    const double scale = 1e-9 * std::max(1.0, std::abs(zero[1].item<double>()));
    if (std::abs(mine[0].item<double>() - zero[0].item<double>()) > scale + 1e-9 * std::abs(zero[0].item<double>())
        || std::abs(mine[1].item<double>() - zero[1].item<double>()) > scale)
        throw std::runtime_error("rank " + std::to_string(m_group->rank()) + "'s weights differ from rank 0's after epoch "
                                 + std::to_string(epoch) + "; the run ends on every rank");
}

} // namespace kiln::detail

namespace kiln {

bool isRankZero(const DataParallel &group)
{
    return group.rank() == 0;
}

} // namespace kiln
