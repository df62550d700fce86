#pragma once
// What a model is, in plain data: the architecture and its shape. Torch-free, for the GUI and CLI.

#include <string>
#include <vector>

namespace kiln {

// Every architecture but simple_cnn is torchvision's, with its module names, so torchvision's
// ImageNet state dict loads into it by name.
enum class Architecture { SimpleCnn, ResNet18, ResNet34, ResNet50, MobileNetV3Small, MobileNetV3Large, EfficientNetB0 };
// The classifier after the body. Fastai: fastai's head (concat pooling, BatchNorm, dropout, linear
// 512, linear) named `head`. Linear: torchvision's own classifier after average pooling, with its
// names and shapes: `fc` (one linear layer) for the ResNets, `classifier` = (Dropout 0.2, Linear)
// for EfficientNet-B0, and `classifier` = (Linear to 1280 or 1024, Hardswish, Dropout 0.2, Linear)
// for MobileNetV3, whose hidden layer is part of torchvision's classifier. So a torchvision model
// and Kiln's with a linear head hold the same tensors and give the same logits.
enum class HeadKind { Fastai, Linear };

// "simple_cnn", "resnet18", "resnet34", "resnet50", "mobilenet_v3_small", "mobilenet_v3_large",
// "efficientnet_b0" (torchvision's function names)
const char *architectureName(Architecture arch);
bool parseArchitecture(const std::string &name, Architecture &out);
// Training images/s on a CPU relative to resnet18's at the same input size, fp32, measured with
// tests/bench/run-zoo.py (224 px, batch 16, 2 threads): the Train page's speed class. 0 for
// simple_cnn, whose cost depends on its input.
double relativeCpuTrainingSpeed(Architecture arch);
// Every architecture's name, in the enumeration's order.
std::vector<std::string> architectureNames();
// "fastai", "linear"
const char *headKindName(HeadKind head);
bool parseHeadKind(const std::string &name, HeadKind &out);

struct ModelSpec {
    Architecture arch = Architecture::SimpleCnn;
    HeadKind head = HeadKind::Fastai;
    int inChannels = 3;
    int numClasses = 2;
    double dropout = 0.5; // fastai's ps: 0.25 before the hidden layer, 0.5 before the output
};

} // namespace kiln
