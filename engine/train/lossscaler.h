#pragma once
// Dynamic loss scaling for fp16 training (PyTorch's GradScaler, engine-private: LibTorch): the loss
// is multiplied by a scale before backward so small gradients survive fp16; before the optimizer
// step the gradients are divided back, and when any is infinite or NaN the step is skipped and
// the scale halved; after `growthInterval` good steps in a row it doubles. An overflow is
// therefore a skipped step, never a failed run.

#include <ATen/core/Tensor.h>

#include <vector>

namespace kiln {

class LossScaler {
public:
    explicit LossScaler(double initialScale = 65536.0, int growthInterval = 2000)
        : m_scale(initialScale)
        , m_interval(growthInterval)
    {
    }

    at::Tensor scale(const at::Tensor &loss) const { return loss * m_scale; }
    // Divides the gradients of `params` by the scale and says whether they are all finite. When
    // not, the gradients are zeroed, the scale halved, and the caller skips the step.
    bool unscale(const std::vector<at::Tensor> &params);

    double currentScale() const { return m_scale; }
    void setScale(double s) { m_scale = s; }
    long skippedSteps() const { return m_skipped; }

private:
    double m_scale;
    int m_interval;
    int m_goodSteps = 0;
    long m_skipped = 0;
};

} // namespace kiln
