#pragma once
// Full verification of one image file: the container is checked, the dimensions are capped before
// any pixel memory is allocated (decompression bombs are refused), then every pixel is decoded with
// OpenCV. Thread-safe; meant to run on many files in parallel.

#include "data/verifyresult.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

VerifyResult verifyImageFile(const std::filesystem::path &path, const VerifyOptions &options = {});
VerifyResult verifyImageData(const unsigned char *data, std::size_t size,
                             const VerifyOptions &options = {});

// The checks of verifyImageData, keeping the decoded pixels in `pixels` (may be null) as OpenCV's
// `imreadFlags` decode them: IMREAD_UNCHANGED keeps channels, depth and the stored orientation;
// IMREAD_COLOR gives 8-bit BGR turned upright by the EXIF orientation. One decode does both.
VerifyResult verifyAndDecode(const unsigned char *data, std::size_t size, int imreadFlags, cv::Mat *pixels,
                             const VerifyOptions &options = {});

// Reads, checks and decodes a file with exactly the checks above (so a truncated or oversized file
// is never half-used), keeping the pixels as stored (BGR order, any depth; the EXIF orientation is
// not applied). Returns an empty Mat with `error` set to the verification reason on failure.
cv::Mat decodeImageFile(const std::filesystem::path &path, std::string *error = nullptr,
                        const VerifyOptions &options = {});

} // namespace kiln
