#include "acquire/imagehash.h"

#include "data/transforms.h"

#include <opencv2/imgproc.hpp>

#include <cstdlib>

namespace kiln {

std::uint64_t differenceHash(const cv::Mat &image)
{
    if (image.empty())
        return 0;
    cv::Mat grey = toChannels(image, 1), small;
    cv::resize(grey, small, cv::Size(9, 8), 0, 0, cv::INTER_AREA);
    std::uint64_t h = 0;
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x)
            h = (h << 1) | (small.at<std::uint8_t>(y, x) < small.at<std::uint8_t>(y, x + 1) ? 1u : 0u);
    return h;
}

ImageFingerprint fingerprint(const cv::Mat &image)
{
    ImageFingerprint f;
    if (image.empty())
        return f;
    f.valid = true;
    f.dhash = differenceHash(image);
    cv::Mat grey = toChannels(image, 1), small;
    cv::resize(grey, small, cv::Size(16, 16), 0, 0, cv::INTER_AREA);
    cv::normalize(small, small, 0, 255, cv::NORM_MINMAX);
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 16; ++x)
            f.thumb[std::size_t(y * 16 + x)] = small.at<std::uint8_t>(y, x);
    return f;
}

double thumbnailDistance(const ImageFingerprint &a, const ImageFingerprint &b)
{
    int sum = 0;
    for (std::size_t i = 0; i < a.thumb.size(); ++i)
        sum += std::abs(int(a.thumb[i]) - int(b.thumb[i]));
    return double(sum) / double(a.thumb.size());
}

bool nearDuplicate(const ImageFingerprint &a, const ImageFingerprint &b, int maxBits, double maxThumbDistance)
{
    return a.valid && b.valid && hammingDistance(a.dhash, b.dhash) <= maxBits && thumbnailDistance(a, b) <= maxThumbDistance;
}

} // namespace kiln
