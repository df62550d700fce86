#include "train/optimizer.h"

#include "models/models.h"

#include <torch/nn/modules/batchnorm.h>

#include <cmath>

namespace kiln {

Optimizer::Optimizer(OptimizerKind kind, ClassifierImpl &model, double weightDecay)
    : m_kind(kind)
    , m_wd(weightDecay)
    , m_lrs{1e-3}
{
    // BatchNorm weights and every bias get no weight decay.
    std::vector<torch::Tensor> noDecay;
    for (const auto &named : model.named_modules()) {
        auto *m = named.value().get();
        const bool bn = dynamic_cast<torch::nn::BatchNorm2dImpl *>(m) || dynamic_cast<torch::nn::BatchNorm1dImpl *>(m);
        for (const auto &p : m->named_parameters(false))
            if (bn || p.key() == "bias")
                noDecay.push_back(p.value());
    }
    const auto groups = model.parameterGroups();
    for (std::size_t g = 0; g < groups.size(); ++g)
        for (const auto &t : groups[g]) {
            Param p;
            p.tensor = t;
            p.group = int(g);
            for (const auto &n : noDecay)
                if (n.is_same(t))
                    p.decay = false;
            m_params.push_back(std::move(p));
        }
}

void Optimizer::setLearningRates(const std::vector<double> &perGroup)
{
    if (!perGroup.empty())
        m_lrs = perGroup;
}

void Optimizer::setMomentum(double mom)
{
    m_mom = mom;
}

void Optimizer::zeroGrad()
{
    // Dropping the gradients (set_to_none) lets the next backward write them instead of adding
    // to zeroed memory.
    for (auto &p : m_params)
        if (p.tensor.grad().defined())
            p.tensor.mutable_grad().reset();
}

void Optimizer::step()
{
    torch::NoGradGuard guard;
    for (auto &p : m_params) {
        const auto &grad = p.tensor.grad();
        if (!grad.defined() || !p.tensor.requires_grad())
            continue;
        const double lr = m_lrs[std::min<std::size_t>(std::size_t(p.group), m_lrs.size() - 1)];
        if (p.decay && m_wd != 0)
            p.tensor.mul_(1.0 - lr * m_wd);
        if (m_kind == OptimizerKind::AdamW) {
            if (!p.avg.defined()) {
                p.avg = torch::zeros_like(p.tensor);
                p.sqAvg = torch::zeros_like(p.tensor);
            }
            ++p.steps;
            p.avg.mul_(m_mom).add_(grad, 1.0 - m_mom);
            p.sqAvg.mul_(beta2).addcmul_(grad, grad, 1.0 - beta2);
            const double debias1 = 1.0 - std::pow(m_mom, double(p.steps));
            const double debias2 = 1.0 - std::pow(beta2, double(p.steps));
            p.tensor.addcdiv_(p.avg, (p.sqAvg / debias2).sqrt_().add_(eps), -lr / debias1);
        } else {
            if (!p.avg.defined())
                p.avg = torch::zeros_like(p.tensor);
            ++p.steps;
            p.avg.mul_(m_mom).add_(grad);
            p.tensor.add_(p.avg, -lr);
        }
    }
}

Optimizer Optimizer::clone() const
{
    Optimizer copy = *this;
    for (auto &p : copy.m_params) {
        if (p.avg.defined())
            p.avg = p.avg.clone();
        if (p.sqAvg.defined())
            p.sqAvg = p.sqAvg.clone();
    }
    return copy;
}

void Optimizer::save(std::map<std::string, torch::Tensor> &out) const
{
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        const auto &p = m_params[i];
        const std::string key = "optim." + std::to_string(i);
        out[key + ".steps"] = torch::tensor(std::int64_t(p.steps));
        if (p.avg.defined())
            out[key + ".avg"] = p.avg.cpu();
        if (p.sqAvg.defined())
            out[key + ".sq"] = p.sqAvg.cpu();
    }
}

void Optimizer::load(const std::map<std::string, torch::Tensor> &in)
{
    auto get = [&](const std::string &k) {
        auto it = in.find(k);
        return it == in.end() ? torch::Tensor() : it->second;
    };
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        auto &p = m_params[i];
        const std::string key = "optim." + std::to_string(i);
        const auto steps = get(key + ".steps");
        p.steps = steps.defined() ? long(steps.item<std::int64_t>()) : 0;
        const auto avg = get(key + ".avg"), sq = get(key + ".sq");
        p.avg = avg.defined() ? avg.to(p.tensor.device()).clone() : torch::Tensor();
        p.sqAvg = sq.defined() ? sq.to(p.tensor.device()).clone() : torch::Tensor();
    }
}

} // namespace kiln
