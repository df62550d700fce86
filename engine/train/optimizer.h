#pragma once
// fastai's optimizers over a classifier's parameter groups (engine-private, LibTorch):
// Adam with decoupled weight decay (AdamW: beta2 0.99, eps 1e-5, wd 0.01) whose beta1 the schedule
// drives, and SGD with momentum. No weight decay on BatchNorm and bias parameters. Parameters
// without a gradient (frozen) are skipped. Used from one thread.

#include "train/trainconfig.h"

#include <torch/nn/module.h>

#include <map>
#include <string>

#include <vector>

namespace kiln {

struct ClassifierImpl;

class Optimizer {
public:
    Optimizer(OptimizerKind kind, ClassifierImpl &model, double weightDecay);

    void setLearningRates(const std::vector<double> &perGroup); // the last value repeats
    void setMomentum(double mom);
    void zeroGrad(); // sets gradients to none
    void step();

    // A deep copy (state tensors cloned), for lr_find's restore.
    Optimizer clone() const;
    // State as named tensors ("optim.<i>.avg", ...), for checkpoints.
    void save(std::map<std::string, torch::Tensor> &out) const;
    void load(const std::map<std::string, torch::Tensor> &in);

    double beta2 = 0.99;
    double eps = 1e-5;

private:
    struct Param {
        torch::Tensor tensor;
        int group = 0;
        bool decay = true;
        torch::Tensor avg;   // Adam: first moment; SGD: momentum buffer
        torch::Tensor sqAvg; // Adam: second moment
        long steps = 0;
    };
    OptimizerKind m_kind;
    double m_wd;
    double m_mom = 0.9;
    std::vector<double> m_lrs;
    std::vector<Param> m_params;
};

} // namespace kiln
