// fastai's lr_find on the learner: an exponentially growing rate over a number of batches, the
// smoothed loss recorded, the model and optimizer restored after.
#include "train/learnerimpl.h"

#include <cmath>
#include <limits>

namespace kiln::detail {

namespace {

double weightChecksum(torch::nn::Module &model)
{
    torch::NoGradGuard guard;
    double sum = 0;
    for (const auto &p : model.parameters())
        sum += p.to(torch::kDouble).sum().item<double>();
    for (const auto &b : model.buffers())
        sum += b.to(torch::kDouble).sum().item<double>();
    return sum;
}

} // namespace

Result<LrFindResult> Learner::lrFind(double startLr, double endLr, int numIt, bool plotted)
{
    const auto saved = snapshot();
    const double checksumBefore = weightChecksum(*m_model);
    const Optimizer savedOptimizer = m_optimizer->clone();
    applyFreeze(m_config.schedule == ScheduleKind::FineTune);
    LrFindResult result;
    result.numIt = numIt;
    double avg = 0, best = std::numeric_limits<double>::infinity();
    m_model->train();
    int it = 0;
    for (int epoch = 0; it < numIt; ++epoch) {
        m_train->startEpoch(1000000 + epoch);
        bool any = false;
        while (it < numIt) {
            auto batch = m_train->next();
            if (!batch)
                break;
            any = true;
            if (stopRequested())
                break;
            const double lr = lrFindRate(startLr, endLr, it, numIt);
            m_optimizer->setLearningRates(std::vector<double>(3, lr));
            m_optimizer->setMomentum(0.9);
            m_optimizer->zeroGrad();
            auto loss = lossOf(forwardLogits(layout(batch->images.to(m_torchDevice))), batch->labels.to(m_torchDevice));
            const double value = loss.item<double>();
            avg = 0.98 * avg + 0.02 * value;
            const double smooth = avg / (1 - std::pow(0.98, double(it + 1)));
            result.lrs.push_back(lr);
            result.losses.push_back(smooth);
            if (plotted && m_hooks.batch) {
                BatchTelemetry t;
                t.batch = it;
                t.batches = numIt;
                t.loss = value;
                t.smoothLoss = smooth;
                t.lr = lr;
                t.position = double(it + 1) / numIt;
                m_hooks.batch(t);
            }
            ++it;
            if (!std::isfinite(smooth) || smooth > 4 * best)
                break;
            best = std::min(best, smooth);
            backwardAndStep(loss);
            if (!std::isfinite(smooth) || smooth > 4 * best)
                break;
        }
        if (!any || stopRequested() || (result.losses.size() && (!std::isfinite(result.losses.back()) || result.losses.back() > 4 * best)))
            break;
    }
    result.checksumBefore = checksumBefore;
    result.checksumDuring = weightChecksum(*m_model);
    restore(saved);
    m_scaler = LossScaler(); // the search's overflows say nothing of the run's scale
    *m_optimizer = savedOptimizer;
    applyFreeze(false);
    result.checksumAfter = weightChecksum(*m_model);
    result.suggestions = suggestLearningRates(result.lrs, result.losses, numIt);
    return result;
}

} // namespace kiln::detail
