#include "data/transforms.h"

#include "core/enumnames.h"
#include "core/hash.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace kiln {

const char *resizeMethodName(ResizeMethod m)
{
    switch (m) {
    case ResizeMethod::Squish: return "squish";
    case ResizeMethod::Crop: return "crop";
    case ResizeMethod::Pad: return "pad";
    }
    return "squish";
}

bool parseResizeMethod(const std::string &name, ResizeMethod &out)
{
    return parseByName(name, {ResizeMethod::Squish, ResizeMethod::Crop, ResizeMethod::Pad}, resizeMethodName, out);
}

namespace {

double uniform(std::mt19937_64 &rng, double lo, double hi)
{
    return std::uniform_real_distribution<double>(lo, hi)(rng);
}

bool chance(std::mt19937_64 &rng, double p)
{
    return p > 0 && uniform(rng, 0.0, 1.0) < p;
}

int interpolationFor(const cv::Size &from, const cv::Size &to)
{
    return (to.width < from.width || to.height < from.height) ? cv::INTER_AREA : cv::INTER_LINEAR;
}

} // namespace

std::mt19937_64 sampleRng(std::uint64_t seed, std::uint64_t epoch, std::uint64_t sample)
{
    return std::mt19937_64(splitmix64(splitmix64(splitmix64(seed) ^ epoch) ^ sample));
}

cv::Mat toChannels(const cv::Mat &decoded, int channels)
{
    cv::Mat img = decoded;
    if (img.depth() != CV_8U) {
        cv::Mat c;
        img.convertTo(c, CV_8U, img.depth() == CV_16U ? 1.0 / 257.0 : 1.0);
        img = c;
    }
    cv::Mat out;
    const int n = img.channels();
    if (channels == 1) {
        if (n == 1)
            return img;
        if (n == 2) {
            cv::extractChannel(img, out, 0);
            return out;
        }
        cv::cvtColor(img, out, n == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
        return out;
    }
    switch (n) {
    case 1: cv::cvtColor(img, out, cv::COLOR_GRAY2RGB); break;
    case 2: {
        cv::Mat g;
        cv::extractChannel(img, g, 0);
        cv::cvtColor(g, out, cv::COLOR_GRAY2RGB);
        break;
    }
    case 3: cv::cvtColor(img, out, cv::COLOR_BGR2RGB); break;
    default: cv::cvtColor(img, out, cv::COLOR_BGRA2RGB); break;
    }
    return out;
}

cv::Mat resizeImage(const cv::Mat &img, int size, ResizeMethod method, bool train, std::mt19937_64 &rng)
{
    const cv::Size target(size, size);
    if (img.cols == size && img.rows == size)
        return img;
    cv::Mat out;
    switch (method) {
    case ResizeMethod::Squish:
        cv::resize(img, out, target, 0, 0, interpolationFor(img.size(), target));
        return out;
    case ResizeMethod::Crop: {
        const double s = double(size) / std::min(img.cols, img.rows);
        cv::Mat scaled;
        const cv::Size sz(std::max(size, int(std::lround(img.cols * s))), std::max(size, int(std::lround(img.rows * s))));
        cv::resize(img, scaled, sz, 0, 0, interpolationFor(img.size(), sz));
        const int dx = scaled.cols - size, dy = scaled.rows - size;
        const int x = train ? int(uniform(rng, 0, dx + 1 - 1e-9)) : dx / 2;
        const int y = train ? int(uniform(rng, 0, dy + 1 - 1e-9)) : dy / 2;
        return scaled(cv::Rect(x, y, size, size)).clone();
    }
    case ResizeMethod::Pad: {
        const double s = double(size) / std::max(img.cols, img.rows);
        cv::Mat scaled;
        const cv::Size sz(std::max(1, int(std::lround(img.cols * s))), std::max(1, int(std::lround(img.rows * s))));
        cv::resize(img, scaled, sz, 0, 0, interpolationFor(img.size(), sz));
        const int padX = size - scaled.cols, padY = size - scaled.rows;
        cv::copyMakeBorder(scaled, out, padY / 2, padY - padY / 2, padX / 2, padX - padX / 2, cv::BORDER_REFLECT_101);
        return out;
    }
    }
    return img;
}

cv::Mat randomResizedCrop(const cv::Mat &img, int size, double minScale, std::mt19937_64 &rng)
{
    const double area = double(img.cols) * img.rows;
    cv::Rect crop;
    bool found = false;
    for (int attempt = 0; attempt < 10 && !found; ++attempt) {
        const double a = uniform(rng, minScale, 1.0) * area;
        const double ratio = std::exp(uniform(rng, std::log(3.0 / 4.0), std::log(4.0 / 3.0)));
        const int w = int(std::lround(std::sqrt(a * ratio)));
        const int h = int(std::lround(std::sqrt(a / ratio)));
        if (w > 0 && h > 0 && w <= img.cols && h <= img.rows) {
            const int x = int(uniform(rng, 0, img.cols - w + 1 - 1e-9));
            const int y = int(uniform(rng, 0, img.rows - h + 1 - 1e-9));
            crop = cv::Rect(x, y, w, h);
            found = true;
        }
    }
    if (!found) {
        const int side = std::min(img.cols, img.rows);
        crop = cv::Rect((img.cols - side) / 2, (img.rows - side) / 2, side, side);
    }
    cv::Mat out;
    cv::resize(img(crop), out, cv::Size(size, size), 0, 0, interpolationFor(crop.size(), cv::Size(size, size)));
    return out;
}

cv::Mat augmentImage(const cv::Mat &img, const AugmentConfig &c, std::mt19937_64 &rng)
{
    if (!c.enabled)
        return img;
    // Geometry, in fastai's normalised coordinates [-1, 1]: a matrix mapping output points to the
    // input points they sample from.
    cv::Matx33d m = cv::Matx33d::eye();
    bool geometric = false;
    if (chance(rng, c.flipP)) {
        m = m * cv::Matx33d(-1, 0, 0, 0, 1, 0, 0, 0, 1);
        geometric = true;
    }
    const bool affine = chance(rng, c.pAffine);
    if (affine && c.maxRotate > 0) {
        const double t = uniform(rng, -c.maxRotate, c.maxRotate) * M_PI / 180.0;
        m = m * cv::Matx33d(std::cos(t), -std::sin(t), 0, std::sin(t), std::cos(t), 0, 0, 0, 1);
        geometric = true;
    }
    if (affine && c.maxZoom > 1.0) {
        const double s = 1.0 / uniform(rng, 1.0, c.maxZoom);
        const double cx = (1 - s) * (2 * uniform(rng, 0, 1) - 1);
        const double cy = (1 - s) * (2 * uniform(rng, 0, 1) - 1);
        m = m * cv::Matx33d(s, 0, cx, 0, s, cy, 0, 0, 1);
        geometric = true;
    }
    if (affine && c.maxWarp > 0) {
        const double xm = uniform(rng, -c.maxWarp, c.maxWarp), ym = uniform(rng, -c.maxWarp, c.maxWarp);
        const cv::Point2f orig[4] = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
        const cv::Point2f targ[4] = {{float(-1 - ym), float(-1 - xm)}, {float(-1 + ym), float(1 + xm)},
                                     {float(1 + ym), float(-1 + xm)}, {float(1 - ym), float(1 - xm)}};
        // fastai stores (row, col) pairs; here x is the column: swap to (x, y).
        cv::Point2f o[4], t[4];
        for (int i = 0; i < 4; ++i) {
            o[i] = {orig[i].y, orig[i].x};
            t[i] = {targ[i].y, targ[i].x};
        }
        const cv::Mat w = cv::getPerspectiveTransform(o, t);
        m = m * cv::Matx33d(w.ptr<double>());
        geometric = true;
    }
    // Never warp into `img`'s buffer: it may be the loader's cached copy of the image.
    cv::Mat out;
    if (!geometric) {
        out = img;
    } else {
        // pixel (x) -> normalised: n = (2x + 1)/W - 1; and back.
        const double W = img.cols, H = img.rows;
        const cv::Matx33d toNorm(2.0 / W, 0, 1.0 / W - 1, 0, 2.0 / H, 1.0 / H - 1, 0, 0, 1);
        const cv::Matx33d toPix((W) / 2.0, 0, (W - 1) / 2.0, 0, (H) / 2.0, (H - 1) / 2.0, 0, 0, 1);
        const cv::Matx33d dstToSrc = toPix * m * toNorm;
        cv::warpPerspective(img, out, cv::Mat(dstToSrc), img.size(), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                            cv::BORDER_REFLECT_101);
    }
    // Lighting in logit space, through a lookup table.
    const bool bright = chance(rng, c.pLighting) && c.maxLighting > 0;
    const bool contrast = chance(rng, c.pLighting) && c.maxLighting > 0;
    if (bright || contrast) {
        double b = 0.0, k = 1.0;
        if (bright) {
            const double v = uniform(rng, 0.5 * (1 - c.maxLighting), 0.5 * (1 + c.maxLighting));
            b = std::log(v / (1 - v));
        }
        if (contrast)
            k = std::exp(uniform(rng, std::log(1 - c.maxLighting), -std::log(1 - c.maxLighting)));
        cv::Mat lut(1, 256, CV_8U);
        for (int i = 0; i < 256; ++i) {
            const double x = std::clamp(i / 255.0, 1e-3, 1 - 1e-3);
            const double l = (std::log(x / (1 - x)) + b) * k;
            lut.at<uchar>(i) = cv::saturate_cast<uchar>(255.0 / (1.0 + std::exp(-l)));
        }
        cv::Mat lit;
        cv::LUT(out, lut, lit);
        out = lit;
    }
    return out;
}

cv::Mat prepareImage(const cv::Mat &decoded, const PipelineConfig &config, bool train, std::mt19937_64 &rng)
{
    cv::Mat img = toChannels(decoded, config.channels);
    if (train && config.augment.enabled && config.augment.minScale < 1.0)
        img = randomResizedCrop(img, config.size, config.augment.minScale, rng);
    else
        img = resizeImage(img, config.size, config.resize, train, rng);
    if (train)
        img = augmentImage(img, config.augment, rng);
    return img;
}

void normaliseInto(const cv::Mat &prepared, const PipelineConfig &config, float *out)
{
    const int c = prepared.channels();
    const int plane = prepared.rows * prepared.cols;
    float scale[3], shift[3];
    for (int k = 0; k < c; ++k) {
        scale[k] = 1.0f / (255.0f * config.std[std::size_t(k)]);
        shift[k] = -config.mean[std::size_t(k)] / config.std[std::size_t(k)];
    }
    for (int y = 0; y < prepared.rows; ++y) {
        const uchar *row = prepared.ptr<uchar>(y);
        for (int x = 0; x < prepared.cols; ++x)
            for (int k = 0; k < c; ++k)
                out[k * plane + y * prepared.cols + x] = row[x * c + k] * scale[k] + shift[k];
    }
}

} // namespace kiln
