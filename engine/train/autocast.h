#pragma once
// Autocast for one forward pass (engine-private: LibTorch): as PyTorch's `with torch.autocast(...)`
// it enables the lower precision on this thread for the scope, and on leaving restores what was
// there and drops the cached casts of the weights. Does nothing for fp32.

#include "train/precision.h"

#include <ATen/autocast_mode.h>

namespace kiln {

class AutocastScope {
public:
    AutocastScope(Precision precision, bool cuda)
        : m_active(precision == Precision::Bf16 || precision == Precision::Fp16)
        , m_cuda(cuda)
    {
        if (!m_active)
            return;
        const at::ScalarType type = precision == Precision::Bf16 ? at::kBFloat16 : at::kHalf;
        if (m_cuda) {
            m_wasEnabled = at::autocast::is_enabled();
            m_oldType = at::autocast::get_autocast_gpu_dtype();
            at::autocast::set_enabled(true);
            at::autocast::set_autocast_gpu_dtype(type);
        } else {
            m_wasEnabled = at::autocast::is_cpu_enabled();
            m_oldType = at::autocast::get_autocast_cpu_dtype();
            at::autocast::set_cpu_enabled(true);
            at::autocast::set_autocast_cpu_dtype(type);
        }
        at::autocast::increment_nesting();
    }
    ~AutocastScope()
    {
        if (!m_active)
            return;
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();
        if (m_cuda) {
            at::autocast::set_enabled(m_wasEnabled);
            at::autocast::set_autocast_gpu_dtype(m_oldType);
        } else {
            at::autocast::set_cpu_enabled(m_wasEnabled);
            at::autocast::set_autocast_cpu_dtype(m_oldType);
        }
    }
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    bool m_active;
    bool m_cuda;
    bool m_wasEnabled = false;
    at::ScalarType m_oldType = at::kBFloat16;
};

} // namespace kiln
