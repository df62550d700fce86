#include "train/lossscaler.h"

#include <ATen/ATen.h>

#include <algorithm>

namespace kiln {

bool LossScaler::unscale(const std::vector<at::Tensor> &params)
{
    at::NoGradGuard guard;
    // One flag per gradient, read with one host sync (a GPU step would otherwise wait once per
    // parameter).
    std::vector<at::Tensor> flags;
    for (const auto &p : params)
        if (p.grad().defined())
            flags.push_back(at::isfinite(p.grad()).all());
    const bool finite = flags.empty() || at::stack(flags).all().item<bool>();
    if (!finite) {
        for (const auto &p : params)
            if (p.grad().defined())
                p.mutable_grad().zero_();
        m_scale = std::max(1.0, m_scale * 0.5);
        m_goodSteps = 0;
        ++m_skipped;
        return false;
    }
    const double inverse = 1.0 / m_scale;
    for (const auto &p : params)
        if (p.grad().defined())
            p.mutable_grad().mul_(inverse);
    if (++m_goodSteps >= m_interval) {
        m_scale *= 2.0;
        m_goodSteps = 0;
    }
    return true;
}

} // namespace kiln
