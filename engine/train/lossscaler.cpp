#include "train/lossscaler.h"

#include <algorithm>

namespace kiln {

bool LossScaler::unscale(const std::vector<at::Tensor> &params)
{
    at::NoGradGuard guard;
    bool finite = true;
    for (const auto &p : params) {
        const at::Tensor &g = p.grad();
        if (g.defined() && !at::isfinite(g).all().item<bool>()) {
            finite = false;
            break;
        }
    }
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
