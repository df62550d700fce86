#include "acquire/imagehash.h"

#include "data/transforms.h"

#include <opencv2/imgproc.hpp>

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

} // namespace kiln
