#include "data/imageloader.h"

#include "core/fileutil.h"
#include "data/imageformat.h"
#include "data/imageverifier.h"
#include "data/transforms.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace kiln {

namespace {

QImage toQImage(const cv::Mat &input)
{
    cv::Mat m = input;
    if (m.depth() != CV_8U) {
        cv::Mat converted;
        const double scale = m.depth() == CV_16U ? 1.0 / 257.0 : (m.depth() == CV_32F || m.depth() == CV_64F ? 255.0 : 1.0);
        m.convertTo(converted, CV_8U, scale);
        m = converted;
    }
    cv::Mat rgba;
    switch (m.channels()) {
    case 1: {
        QImage img(m.cols, m.rows, QImage::Format_Grayscale8);
        for (int y = 0; y < m.rows; ++y)
            std::copy_n(m.ptr<uchar>(y), m.cols, img.scanLine(y));
        return img;
    }
    case 2: {
        std::vector<cv::Mat> planes;
        cv::split(m, planes);
        cv::merge(std::vector<cv::Mat>{planes[0], planes[0], planes[0], planes[1]}, rgba);
        break;
    }
    case 3: cv::cvtColor(m, rgba, cv::COLOR_BGR2RGBA); break;
    case 4: cv::cvtColor(m, rgba, cv::COLOR_BGRA2RGBA); break;
    default: return {};
    }
    QImage img(rgba.cols, rgba.rows, QImage::Format_RGBA8888);
    for (int y = 0; y < rgba.rows; ++y)
        std::copy_n(rgba.ptr<uchar>(y), std::size_t(rgba.cols) * 4, img.scanLine(y));
    return img;
}

LoadedImage decode(const std::filesystem::path &path, int fitSide, int maxSide)
{
    LoadedImage out;
    auto bytes = readFileBytes(path, 512ull << 20);
    if (!bytes) {
        out.error = bytes.message();
        return out;
    }
    const ImageHeader header = readImageHeader(bytes->data(), bytes->size());
    if (header.dimensionsKnown) {
        out.sourceWidth = header.width;
        out.sourceHeight = header.height;
        if (header.width > maxSide || header.height > maxSide || header.width <= 0 || header.height <= 0) {
            out.error = "image is " + std::to_string(header.width) + "x" + std::to_string(header.height)
                        + ", over the display limit";
            return out;
        }
    }
    int flags = cv::IMREAD_UNCHANGED;
    if (fitSide > 0 && header.format == ImageFormat::Jpeg && header.dimensionsKnown) {
        const int side = std::max(header.width, header.height);
        if (side >= fitSide * 8)
            flags = cv::IMREAD_REDUCED_COLOR_8;
        else if (side >= fitSide * 4)
            flags = cv::IMREAD_REDUCED_COLOR_4;
        else if (side >= fitSide * 2)
            flags = cv::IMREAD_REDUCED_COLOR_2;
    }
    cv::Mat m;
    try {
        m = cv::imdecode(cv::Mat(1, int(bytes->size()), CV_8UC1, bytes->data()), flags);
    } catch (const cv::Exception &e) {
        out.error = e.msg;
        return out;
    }
    if (m.empty()) {
        out.error = "cannot decode " + path.filename().string();
        return out;
    }
    if (!header.dimensionsKnown) {
        out.sourceWidth = m.cols;
        out.sourceHeight = m.rows;
    }
    if (fitSide > 0 && (m.cols > fitSide || m.rows > fitSide)) {
        const double s = double(fitSide) / std::max(m.cols, m.rows);
        cv::Mat small;
        cv::resize(m, small, cv::Size(std::max(1, int(m.cols * s + 0.5)), std::max(1, int(m.rows * s + 0.5))), 0, 0,
                   cv::INTER_AREA);
        m = small;
    }
    out.image = toQImage(m);
    if (out.image.isNull())
        out.error = "unsupported pixel layout";
    return out;
}

} // namespace

std::vector<QImage> augmentedPreviews(const std::filesystem::path &path, const PipelineConfig &config, int count,
                                      std::uint64_t seed)
{
    std::vector<QImage> out;
    const cv::Mat decoded = decodeImageFile(path);
    if (decoded.empty())
        return out;
    for (int i = 0; i < count; ++i) {
        auto rng = sampleRng(seed, std::uint64_t(i), 0);
        cv::Mat prepared = prepareImage(decoded, config, true, rng);
        if (prepared.channels() == 3)
            cv::cvtColor(prepared, prepared, cv::COLOR_RGB2BGR); // toQImage expects OpenCV's order
        out.push_back(toQImage(prepared));
    }
    return out;
}

LoadedImage loadThumbnail(const std::filesystem::path &path, int maxSide)
{
    return decode(path, std::max(1, maxSide), 20000);
}

LoadedImage loadImage(const std::filesystem::path &path, int maxSide)
{
    return decode(path, 0, maxSide);
}

} // namespace kiln
