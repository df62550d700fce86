#pragma once
// The image pipeline of training (fastai/vision/augment.py): resize (squish, crop, pad) or
// RandomResizedCrop, then on the training split fastai's aug_transforms defaults (flip; rotate,
// zoom and perspective warp fused into one resample with reflection padding; brightness and
// contrast in logit space), then normalisation to a float CHW tensor. OpenCV only, no torch, so
// it is testable alone; every function is pure given its random generator.

#include "data/pipelineconfig.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <random>

namespace kiln {

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
