#pragma once
// Decoding images for display: thumbnails and full views as QImage (never QPixmap), so the work can
// run on any thread. The dimension cap is checked from the header before pixels are allocated.

#include "data/pipelineconfig.h"

#include <QImage>

#include <cstdint>
#include <vector>

#include <filesystem>
#include <string>

namespace kiln {

struct LoadedImage {
    QImage image;       // null on failure
    int sourceWidth = 0;
    int sourceHeight = 0;
    std::string error;  // why the image is null
};

// Decodes `path` and scales it to fit in maxSide x maxSide (area filter; never upscales). Big JPEGs
// are decoded at reduced scale, which is fine for display.
LoadedImage loadThumbnail(const std::filesystem::path &path, int maxSide);

// Decodes `path` at full size (capped at `maxSide` pixels a side) for a large view.
LoadedImage loadImage(const std::filesystem::path &path, int maxSide = 20000);

// `count` versions of one image as the training pipeline would show them to the model (resize,
// then augmentation drawn with `seed`), for a live preview of augmentation settings. Empty when
// the image cannot be decoded.
std::vector<QImage> augmentedPreviews(const std::filesystem::path &path, const PipelineConfig &config, int count,
                                      std::uint64_t seed);

} // namespace kiln
