#pragma once
// What a model is, in plain data: the architecture and its shape. Torch-free, for the GUI and CLI.

#include <string>
#include <vector>

namespace kiln {

enum class Architecture { SimpleCnn, ResNet18, ResNet34 };
enum class HeadKind { Fastai, Linear };

// "simple_cnn", "resnet18", "resnet34"
const char *architectureName(Architecture arch);
bool parseArchitecture(const std::string &name, Architecture &out);
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
