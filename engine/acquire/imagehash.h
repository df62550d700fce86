#pragma once
// Fingerprints for finding duplicate downloads: a content hash for exact copies and a 64-bit
// difference hash (dHash: brightness gradients of a 9 x 8 grey thumbnail) for near copies, the
// same picture re-encoded, resized or lightly recompressed. Pure functions; any thread.

#include <opencv2/core.hpp>

#include <bit>
#include <cstdint>

namespace kiln {

std::uint64_t differenceHash(const cv::Mat &image); // any channels and depth
inline int hammingDistance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

} // namespace kiln
