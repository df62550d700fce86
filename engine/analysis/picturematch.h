#pragma once
// The same picture under a new file: resized, re-encoded, cropped a few pixels, brightness or
// contrast shifted. A 32 x 32 grey descriptor per image; candidates by the nearest neighbours of a
// brightness-free 16 x 16 vector; each candidate confirmed by the best normalised correlation over
// small zooms and shifts of one image against the other (a crop of a few pixels, then a resize, is
// a zoom). Pictures that only share a layout (a shoe on black, a face in the middle) correlate far
// less once aligned than copies do. Pure functions on plain data; any thread.

#include <opencv2/core.hpp>

#include <array>
#include <cstdint>
#include <vector>

namespace kiln {

struct PictureDescriptor {
    bool valid = false;
    std::array<std::uint8_t, 32 * 32> grey{};
};

PictureDescriptor describePicture(const cv::Mat &image); // any channels and depth; empty: invalid

// 256 values, zero mean and unit length (so brightness and contrast drop out): the vector whose
// cosine proposes candidate pairs. Zeros for an invalid descriptor.
std::vector<float> candidateVector(const PictureDescriptor &d);

// The best Pearson correlation of the central part of `a` with `b` zoomed by 0.8-1.25 and shifted
// up to 1.5 pixels (of 32); -1 when either is invalid or flat.
double alignedCorrelation(const PictureDescriptor &a, const PictureDescriptor &b);

// At or above it two pictures are the same picture. Copies of photos correlate above 0.99 once
// aligned; Fashion-MNIST's 28 px items of one class reach 0.99 with each other too
// (bench_dataissues), so the bar is high and the copies it misses there are left to the eye.
inline constexpr double kSamePictureCorrelation = 0.99;

} // namespace kiln
