#pragma once
// What differs between runs: the training settings (trainsettings.h's table, so every setting a
// run records is compared, by the spelling run.json and the CLI use) whose values are not the same
// in every configuration given. The Train page's comparison and `kiln-cli runs` both ask this.
// Pure; any thread.

#include "train/trainconfig.h"

#include <string>
#include <vector>

namespace kiln {

struct SettingDifference {
    std::string key;                 // run.json key ("lr", "arch")
    std::string label;               // the form's English label
    std::vector<std::string> values; // one per configuration, in the order given
};

// In the table's order; empty for fewer than two configurations.
std::vector<SettingDifference> differingSettings(const std::vector<TrainConfig> &configs);

} // namespace kiln
