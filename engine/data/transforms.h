#pragma once
// The image pipeline of training (fastai/vision/augment.py): resize (squish, crop, pad) or
// RandomResizedCrop, then on the training split fastai's aug_transforms defaults (flip; rotate,
// zoom and perspective warp fused into one resample with reflection padding; brightness and
// contrast in logit space), then normalisation to a float CHW tensor. OpenCV only, no torch, so
// it is testable alone; every function is pure given its random generator.

#include <opencv2/core.hpp>

#include <array>
#include <cstdint>
#include <random>
#include <string>

namespace kiln {

enum class ResizeMethod { Squish, Crop, Pad };
const char *resizeMethodName(ResizeMethod m); // "squish", "crop", "pad"
bool parseResizeMethod(const std::string &name, ResizeMethod &out);

struct AugmentConfig {
    bool enabled = true;
    double flipP = 0.5;
    double maxRotate = 10.0; // degrees
    double maxZoom = 1.1;
    double maxWarp = 0.2;
    double pAffine = 0.75;
    double maxLighting = 0.2;
    double pLighting = 0.75;
    double minScale = 1.0; // RandomResizedCrop's min_scale; 1 disables it (plain Resize)
};

struct PipelineConfig {
    int size = 28;
    ResizeMethod resize = ResizeMethod::Squish;
    int channels = 3; // 1 or 3
    AugmentConfig augment;
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};
};

// Converts any decoded OpenCV image (1-4 channels, 8 or 16 bit, BGR order) to 8-bit with
// `channels` channels (gray or RGB).
cv::Mat toChannels(const cv::Mat &decoded, int channels);

// Resize to size x size by the method; `train` picks a random crop position for Crop.
cv::Mat resizeImage(const cv::Mat &img, int size, ResizeMethod method, bool train, std::mt19937_64 &rng);
// RandomResizedCrop(size, min_scale, ratio=(3/4, 4/3)): 10 attempts, then a centre crop.
cv::Mat randomResizedCrop(const cv::Mat &img, int size, double minScale, std::mt19937_64 &rng);
// The fused geometric augmentation and lighting; returns `img` unchanged when nothing was drawn.
cv::Mat augmentImage(const cv::Mat &img, const AugmentConfig &config, std::mt19937_64 &rng);

// The whole item pipeline: decoded image -> size x size x channels 8-bit, augmented when `train`.
cv::Mat prepareImage(const cv::Mat &decoded, const PipelineConfig &config, bool train, std::mt19937_64 &rng);
// Writes a prepared 8-bit HWC image into `out` (channels x size x size floats), normalised.
void normaliseInto(const cv::Mat &prepared, const PipelineConfig &config, float *out);

// A per-sample generator that depends only on (seed, epoch, sample): reproducible whatever thread
// processes the sample.
std::mt19937_64 sampleRng(std::uint64_t seed, std::uint64_t epoch, std::uint64_t sample);

} // namespace kiln
