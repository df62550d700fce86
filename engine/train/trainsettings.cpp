#include "train/trainsettings.h"

#include "data/datasetindex.h"

#include "data/imageformat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <type_traits>

// The labels and help lines are translated by the GUI (context "kiln::TrainSettings"); lupdate
// finds them through this macro, which is Qt's name for "translate later". No Qt here.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, text) text
#endif

namespace kiln {

namespace {

std::string numberText(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

template <class E>
std::string nameOf(E value, const std::vector<std::string> &choices)
{
    const std::size_t i = std::size_t(value);
    return i < choices.size() ? choices[i] : std::string();
}

template <class E>
void setByName(E &field, const std::vector<std::string> &choices, const std::string &v)
{
    for (std::size_t i = 0; i < choices.size(); ++i)
        if (choices[i] == v)
            field = E(i);
}

// `v` in the field's type, clamped to what the type holds (no undefined conversion; validate()
// then names the value, which is out of the setting's range anyway).
template <class T>
T fitted(double v)
{
    if constexpr (std::is_floating_point_v<T>)
        return T(v);
    else
        return T(std::clamp(v, double(std::numeric_limits<T>::lowest()), double(std::numeric_limits<T>::max() / 2)));
}

// The spelling of each enumeration, in the enumeration's order.
const std::vector<std::string> &archChoices()
{
    static const std::vector<std::string> c = architectureNames();
    return c;
}
const std::vector<std::string> kHeads{"fastai", "linear"};
const std::vector<std::string> kResize{"squish", "crop", "pad"};
const std::vector<std::string> kSchedules{"one-cycle", "fine-tune", "constant"};
const std::vector<std::string> kOptimizers{"adamw", "sgd"};
const std::vector<std::string> kDevices{"auto", "cpu", "cuda"};
const std::vector<std::string> kPrecisions{"auto", "fp32", "bf16", "fp16"};

// Field accessors, one macro each so the table reads as a table.
#define KILN_NUM(member) \
    [](const TrainConfig &c) { return double(c.member); }, [](TrainConfig &c, double v) { c.member = fitted<decltype(c.member)>(v); }, \
        nullptr, nullptr
#define KILN_FLAG(member) \
    [](const TrainConfig &c) { return c.member ? 1.0 : 0.0; }, [](TrainConfig &c, double v) { c.member = v != 0; }, nullptr, nullptr
#define KILN_TEXT(member) \
    nullptr, nullptr, [](const TrainConfig &c) { return c.member; }, [](TrainConfig &c, const std::string &v) { c.member = v; }
#define KILN_ENUM(member, list) \
    nullptr, nullptr, [](const TrainConfig &c) { return nameOf(c.member, list); }, \
        [](TrainConfig &c, const std::string &v) { setByName(c.member, list, v); }

std::vector<TrainSetting> makeSettings()
{
    using T = SettingType;
    const double maxSeed = 9007199254740991.0; // 2^53 - 1: every seed a JSON number holds exactly
    std::vector<TrainSetting> settings{
        // key, flag, type, min, max, auto, choices, flagValue, label, help, valueName, decimals, access
        {"arch", "--arch", T::Choice, 0, 0, false, archChoices(), true,
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Architecture"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "The network: simple_cnn for small images, a ResNet for photos"), "", 0,
         KILN_ENUM(arch, archChoices())},
        {"head", "--head", T::Choice, 0, 0, false, kHeads, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Head"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "fastai's head (pooling, two linear layers with dropout) or one linear layer"), "", 0,
         KILN_ENUM(head, kHeads)},
        {"pretrained", "--pretrained", T::Text, 0, 0, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Pretrained weights"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "imagenet: torchvision's ImageNet weights (downloaded once); a torchvision state dict (.pth); or none: train from scratch"), "imagenet|FILE|none", 0,
         KILN_TEXT(pretrained)},
        {"size", "--size", T::Int, 8, 1024, true, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Image size"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Pixels a side the images are resized to; auto: from the data"), "N", 0,
         KILN_NUM(size)},
        {"resize", "--resize", T::Choice, 0, 0, false, kResize, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Resize"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "How an image becomes square: squish it, crop its centre, or pad it"), "", 0,
         KILN_ENUM(resize, kResize)},
        {"batch_size", "--bs", T::Int, 1, 4096, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Batch size"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Images per training step"), "N", 0, KILN_NUM(batchSize)},
        {"epochs", "--epochs", T::Int, 1, 10000, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Epochs"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Passes over the training images (fine-tune adds its frozen epochs)"), "N", 0,
         KILN_NUM(epochs)},
        {"schedule", "--schedule", T::Choice, 0, 0, false, kSchedules, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Schedule"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "fastai's fit_one_cycle, fine_tune (head first, then everything), or a constant rate"),
         "", 0, KILN_ENUM(schedule, kSchedules)},
        {"lr", "--lr", T::Real, 1e-7, 100, true, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Learning rate"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "The peak learning rate; auto: the learning-rate finder's valley"), "X", 7,
         KILN_NUM(lr)},
        {"augment", "--no-aug", T::Flag, 0, 0, false, {}, false, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Augment"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Vary the training images (fastai's aug_transforms); the option turns it off"), "", 0,
         KILN_FLAG(augment)},
        {"min_scale", "--min-scale", T::Real, 0.001, 1, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Min crop scale"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Smallest share of the image a random crop keeps; 1: no random crop"), "F", 3,
         KILN_NUM(minScale)},
        {"flip_p", "--flip-p", T::Real, 0, 1, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Flip probability"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Probability of a horizontal flip"), "F", 2, KILN_NUM(flipP)},
        {"max_rotate", "--max-rotate", T::Real, 0, 180, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Max rotation"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Largest rotation, in degrees"), "DEG", 1, KILN_NUM(maxRotate)},
        {"max_zoom", "--max-zoom", T::Real, 1, 4, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Max zoom"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Largest zoom factor"), "F", 2, KILN_NUM(maxZoom)},
        {"max_warp", "--max-warp", T::Real, 0, 1, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Max warp"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Largest perspective warp"), "F", 2, KILN_NUM(maxWarp)},
        {"max_lighting", "--max-lighting", T::Real, 0, 0.95, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Max lighting"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Largest change of brightness and contrast"), "F", 2, KILN_NUM(maxLighting)},
        {"valid_pct", "--valid-pct", T::Real, 0, 0.99, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Valid share"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Share of the images held out for validation (random splits)"), "F", 2,
         KILN_NUM(validPct)},
        {"seed", "--seed", T::Int, 0, maxSeed, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Seed"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Seed of the split, the initial weights and the augmentation"), "N", 0,
         KILN_NUM(seed)},
        {"optimizer", "--opt", T::Choice, 0, 0, false, kOptimizers, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Optimizer"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "AdamW (fastai's default) or SGD with momentum"), "", 0,
         KILN_ENUM(optimizer, kOptimizers)},
        {"weight_decay", "--wd", T::Real, 0, 100, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Weight decay"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Decoupled weight decay"), "X", 4, KILN_NUM(weightDecay)},
        {"momentum", "--momentum", T::Real, 0, 0.99, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Momentum"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "SGD's momentum with the constant schedule"), "F", 2, KILN_NUM(momentum)},
        {"label_smoothing", "--label-smoothing", T::Real, 0, 0.99, false, {}, true,
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Label smoothing"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Share of each label spread over the other classes; 0: off"), "F", 2,
         KILN_NUM(labelSmoothing)},
        {"freeze_epochs", "--freeze-epochs", T::Int, 0, 10000, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Frozen epochs"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "fine-tune: epochs that train the head alone first"), "N", 0, KILN_NUM(freezeEpochs)},
        {"pct_start", "--pct-start", T::Real, 0.01, 0.99, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Warm-up share"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "one-cycle: share of the steps that raise the learning rate"), "F", 2,
         KILN_NUM(pctStart)},
        {"early_stop_patience", "--early-stop", T::Int, 0, 1000, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Early stop"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Stop after this many epochs without a lower validation loss; 0: off"), "N", 0,
         KILN_NUM(earlyStopPatience)},
        {"keep_best", "--keep-best", T::Flag, 0, 0, false, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Keep best"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "End with the weights of the epoch with the lowest validation loss"), "", 0,
         KILN_FLAG(keepBest)},
        {"threads", "--threads", T::Int, 1, 256, true, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Threads"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "CPU threads for training; auto: every core"), "N", 0, KILN_NUM(threads)},
        {"workers", "--workers", T::Int, 1, 64, true, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Loader threads"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Threads that decode and augment images; auto: chosen from the cores"), "N", 0,
         KILN_NUM(workers)},
        {"device", "--device", T::Choice, 0, 0, false, kDevices, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Device"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Where to train: a CUDA GPU when there is one (auto), or the CPU"), "", 0,
         KILN_TEXT(device)},
        {"precision", "--precision", T::Choice, 0, 0, false, kPrecisions, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Precision"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "Mixed precision: auto is bf16 on a CPU with native bf16 where it is faster, fp16 on a GPU, else fp32"),
         "", 0, KILN_ENUM(precision, kPrecisions)},
        {"channels", "", T::Int, 1, 3, true, {}, true, QT_TRANSLATE_NOOP("kiln::TrainSettings", "Channels"),
         QT_TRANSLATE_NOOP("kiln::TrainSettings", "1 (gray) or 3 (colour) input channels; auto: from the data"), "N", 0,
         KILN_NUM(channels)},
    };
    for (TrainSetting &st : settings)
        for (const char *key : {"arch", "pretrained", "size", "batch_size", "schedule", "epochs", "freeze_epochs", "lr", "valid_pct", "seed"})
            if (std::string(key) == st.key)
                st.fromData = true;
    return settings;
}

#undef KILN_NUM
#undef KILN_FLAG
#undef KILN_TEXT
#undef KILN_ENUM

} // namespace

std::string TrainSetting::rule() const
{
    std::string r;
    switch (type) {
    case SettingType::Int: r = "a whole number from " + numberText(min) + " to " + numberText(max); break;
    case SettingType::Real: r = "a number from " + numberText(min) + " to " + numberText(max); break;
    case SettingType::Flag: r = "on or off"; break;
    case SettingType::Text: r = "a file name, or nothing"; break;
    case SettingType::Choice: {
        r = "one of ";
        for (std::size_t i = 0; i < choices.size(); ++i)
            r += (i ? ", " : "") + choices[i];
        break;
    }
    }
    if (hasAuto)
        r += ", or auto";
    return r;
}

std::string TrainSetting::format(const TrainConfig &c) const
{
    if (type == SettingType::Text && text(c).empty())
        return "none";
    if (!numeric())
        return text(c);
    const double v = number(c);
    if (type == SettingType::Flag)
        return v != 0 ? "on" : "off";
    if (hasAuto && v == 0)
        return "auto";
    return numberText(v);
}

const std::vector<TrainSetting> &trainSettings()
{
    static const std::vector<TrainSetting> settings = makeSettings();
    return settings;
}

const TrainSetting *findTrainSetting(const std::string &key)
{
    for (const auto &s : trainSettings())
        if (key == s.key)
            return &s;
    return nullptr;
}

const std::vector<SettingAlias> &trainSettingAliases()
{
    static const std::vector<SettingAlias> aliases{{"--linear-head", "head", "linear"}};
    return aliases;
}

namespace {

std::string what(const TrainSetting &s)
{
    return *s.flag ? std::string(s.key) + " (" + s.flag + ")" : std::string(s.key);
}

} // namespace

Result<void> setTrainSetting(TrainConfig &c, const TrainSetting &s, const std::string &text)
{
    auto bad = [&] { return Error{what(s) + " takes " + s.rule() + ", not '" + text + "'"}; };
    switch (s.type) {
    case SettingType::Choice:
        if (std::find(s.choices.begin(), s.choices.end(), text) == s.choices.end())
            return bad();
        s.setText(c, text);
        return Ok{};
    case SettingType::Text:
        s.setText(c, text == "none" ? std::string() : text);
        return Ok{};
    case SettingType::Flag:
        if (text == "on" || text == "true" || text == "1")
            s.setNumber(c, 1);
        else if (text == "off" || text == "false" || text == "0")
            s.setNumber(c, 0);
        else
            return bad();
        return Ok{};
    case SettingType::Int:
    case SettingType::Real: {
        if (s.hasAuto && text == "auto") {
            s.setNumber(c, 0);
            return Ok{};
        }
        std::size_t pos = 0;
        double v = 0;
        try {
            v = std::stod(text, &pos);
        } catch (...) {
            return bad();
        }
        if (pos != text.size() || !std::isfinite(v) || (s.type == SettingType::Int && v != std::floor(v)))
            return bad();
        // Out of range is validate()'s message; a value the field cannot even hold is this one's
        // (no setting takes a negative number).
        if (v < 0 || v > 9007199254740991.0)
            return bad();
        s.setNumber(c, v);
        return Ok{};
    }
    }
    return bad();
}

Result<void> validate(const TrainConfig &c)
{
    for (const auto &s : trainSettings()) {
        if (s.type == SettingType::Choice) {
            const std::string v = s.text(c);
            if (std::find(s.choices.begin(), s.choices.end(), v) == s.choices.end())
                return Error{what(s) + " must be " + s.rule() + ", not '" + v + "'"};
            continue;
        }
        if (s.type != SettingType::Int && s.type != SettingType::Real)
            continue;
        const double v = s.number(c);
        if (s.hasAuto && v == 0)
            continue;
        if (!std::isfinite(v) || v < s.min || v > s.max)
            return Error{what(s) + " must be " + s.rule() + ", not " + numberText(v)};
    }
    if (c.channels == 2)
        return Error{"channels must be 1 (gray) or 3 (colour), or auto, not 2"};
    if (!c.pretrained.empty() && c.channels == 1)
        return Error{"pretrained weights (--pretrained) need 3-channel input; channels is 1"};
    return Ok{};
}

int suggestedSize(Architecture arch, int side)
{
    if (side <= 0)
        return arch == Architecture::SimpleCnn ? 64 : 224;
    if (side <= 64)
        return std::max(8, side);
    return arch == Architecture::SimpleCnn ? 64 : 224;
}

TrainConfig suggestFor(const DatasetIndex &index, std::optional<Architecture> arch)
{
    TrainConfig c;
    if (!index.splitByFolder()) {
        c.validPct = index.splitOptions().validPct;
        c.seed = index.splitOptions().seed;
    }
    // The longer side of the largest of a few images spread over the dataset, from their headers
    // (no decoding: fast enough for the GUI thread).
    int side = 0;
    const std::size_t n = index.size();
    for (std::size_t k = 0, probes = 0; k < n && probes < 5; k += std::max<std::size_t>(1, n / 5), ++probes) {
        std::ifstream in(index.absolutePath(k), std::ios::binary);
        std::vector<unsigned char> head(256 * 1024);
        in.read(reinterpret_cast<char *>(head.data()), std::streamsize(head.size()));
        const ImageHeader h = readImageHeader(head.data(), std::size_t(in.gcount()));
        if (h.dimensionsKnown)
            side = std::max(side, std::max(h.width, h.height));
    }
    const bool small = side > 0 && side <= 64;
    c.arch = arch ? *arch : small ? Architecture::SimpleCnn : Architecture::ResNet18;
    c.size = suggestedSize(c.arch, side);
    c.batchSize = c.size <= 64 ? 64 : 32;
    if (!small && c.arch != Architecture::SimpleCnn) {
        // Photos: fastai's vision_learner + fine_tune, from torchvision's ImageNet weights.
        c.pretrained = "imagenet";
        c.schedule = ScheduleKind::FineTune;
        c.freezeEpochs = 1;
        c.epochs = 3;
        c.lr = 2e-3; // fine_tune's base_lr: a pretrained body needs no lr_find (and it would cost more than the run)
    }
    return c;
}

} // namespace kiln
