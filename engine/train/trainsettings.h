#pragma once
// TrainConfig described once (DESIGN.md, "A training configuration"): one table of its fields,
// each with its run.json key, its kiln-cli option, its type, its limits and a line of help. The
// run.json reader and writer, kiln-cli's parser and --help, and the Train page's form all work
// from this table; validate() is the only rule about what a configuration may hold, and
// suggestFor() the only rule about what suits a dataset, so the CLI, the GUI and the learner agree.
// Torch-free and Qt-free (the numeric core builds without Qt); any thread.

#include "core/result.h"
#include "train/trainconfig.h"

#include <optional>
#include <string>
#include <vector>

namespace kiln {

class DatasetIndex;

enum class SettingType {
    Int,    // a whole number
    Real,   // a number
    Flag,   // on or off
    Choice, // one of `choices`
    Text,   // free text (a file name)
};

struct TrainSetting {
    const char *key;   // run.json key; also the name in messages
    const char *flag;  // kiln-cli option, "" when the CLI does not set it
    SettingType type;
    double min = 0, max = 0;       // Int and Real: the allowed range
    bool hasAuto = false;          // 0 means "chosen automatically" (outside the range)
    std::vector<std::string> choices; // Choice: the values as run.json and the CLI spell them
    bool flagValue = true;         // Flag: what giving `flag` sets (--no-aug sets augment off)
    const char *label;             // for the form (English; the GUI translates it)
    const char *help;              // one line for --help and tooltips
    const char *valueName = "";    // the CLI's placeholder: N, X, F, FILE
    int decimals = 0;              // Real: digits the form shows

    // The value in `c`: a number for Int, Real and Flag (0 or 1), text for Choice and Text.
    double (*number)(const TrainConfig &c) = nullptr;
    void (*setNumber)(TrainConfig &c, double v) = nullptr;
    std::string (*text)(const TrainConfig &c) = nullptr;
    void (*setText)(TrainConfig &c, const std::string &v) = nullptr;
    bool fromData = false; // suggestFor() sets it from the dataset

    bool numeric() const { return type == SettingType::Int || type == SettingType::Real || type == SettingType::Flag; }
    // What the setting takes, in words: "a whole number from 1 to 4096", "one of squish, crop, pad".
    std::string rule() const;
    // The value in `c` as run.json and the CLI spell it ("0.001", "one-cycle", "auto").
    std::string format(const TrainConfig &c) const;
    // The value TrainConfig{} holds.
    std::string defaultText() const { return format(TrainConfig{}); }
};

// Every setting, in the order the form and --help show them.
const std::vector<TrainSetting> &trainSettings();
const TrainSetting *findTrainSetting(const std::string &key);
// Options that set a setting to a fixed value: "--linear-head" is "--head linear".
struct SettingAlias {
    const char *flag;
    const char *key;
    const char *value;
};
const std::vector<SettingAlias> &trainSettingAliases();

// Sets `s` in `c` from text as the CLI or run.json spells it; range limits are validate()'s job.
// The error says what the setting takes.
Result<void> setTrainSetting(TrainConfig &c, const TrainSetting &s, const std::string &text);

// The only check of a configuration: every setting in range, and the settings agree with each
// other. The message names the setting, its option, what it takes and what it holds, the same for
// the CLI, the GUI and the learner.
Result<void> validate(const TrainConfig &c);

// What suits a dataset, from a look at a few of its images: small images (64 px or less a side)
// train simple_cnn at their own size, batch 64, from scratch; photos fine-tune resnet18 from its
// ImageNet weights at 224 px, batch 32, 1 frozen epoch + 3 at fine_tune's base rate 2e-3
// (fastai's vision_learner and fine_tune). With `arch`
// the architecture is given and the rest follows it. The split (valid share, seed) is the
// index's (a project's index is scanned with the project's). Every other setting keeps
// TrainConfig's default. (trainer.h has the same for a folder.)
TrainConfig suggestFor(const DatasetIndex &index, std::optional<Architecture> arch = std::nullopt);

// The input size an architecture uses for images whose longer side is `side` px: simple_cnn their
// own size up to 64 px, the ResNets their own size up to 64 px and 224 px above.
int suggestedSize(Architecture arch, int side);

} // namespace kiln
