#pragma once
// Fingerprints for finding duplicate downloads. Exact copies are found by a content hash (by the
// caller). Near copies, the same picture re-encoded, resized or lightly recompressed, by a 64-bit
// difference hash (dHash: brightness gradients of a 9 x 8 grey thumbnail), confirmed by comparing
// 16 x 16 grey thumbnails, so pictures that merely share a layout (a product on white, a sky over
// a field) are not taken for copies. Pure functions; any thread.

#include "acquire/fingerprint.h"

#include <opencv2/core.hpp>

#include <cstdint>

namespace kiln {

std::uint64_t differenceHash(const cv::Mat &image); // any channels and depth
ImageFingerprint fingerprint(const cv::Mat &image);
// Mean absolute difference of the two thumbnails, 0-255.
double thumbnailDistance(const ImageFingerprint &a, const ImageFingerprint &b);
// The same picture: dHash within `maxBits` and thumbnails within `maxThumbDistance` grey levels
// (never for an invalid fingerprint).
bool nearDuplicate(const ImageFingerprint &a, const ImageFingerprint &b, int maxBits = 6, double maxThumbDistance = 8);

} // namespace kiln
