#include "analysis/picturematch.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace kiln {

namespace {

constexpr int kSide = 32;
constexpr int kWindow = 22; // the central part compared: what a crop of a few pixels keeps

cv::Mat asFloat(const PictureDescriptor &d)
{
    cv::Mat m(kSide, kSide, CV_32F);
    for (int i = 0; i < kSide * kSide; ++i)
        m.at<float>(i / kSide, i % kSide) = float(d.grey[std::size_t(i)]);
    return m;
}

double correlation(const cv::Mat &a, const cv::Mat &b)
{
    cv::Scalar ma, sa, mb, sb;
    cv::meanStdDev(a, ma, sa);
    cv::meanStdDev(b, mb, sb);
    if (sa[0] < 1e-3 || sb[0] < 1e-3)
        return -1;
    const double cov = cv::mean((a - ma[0]).mul(b - mb[0]))[0];
    return cov / (sa[0] * sb[0]);
}

// `b` zoomed by `zoom` about its centre and shifted by (dx, dy), its central window.
cv::Mat warped(const cv::Mat &b, double zoom, double dx, double dy)
{
    const double c = (kSide - 1) / 2.0;
    cv::Mat m = (cv::Mat_<double>(2, 3) << zoom, 0, c - zoom * c + dx, 0, zoom, c - zoom * c + dy);
    cv::Mat out;
    cv::warpAffine(b, out, m, b.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

} // namespace

PictureDescriptor describePicture(const cv::Mat &image)
{
    PictureDescriptor d;
    if (image.empty())
        return d;
    cv::Mat grey;
    if (image.channels() == 3)
        cv::cvtColor(image, grey, cv::COLOR_BGR2GRAY);
    else if (image.channels() == 4)
        cv::cvtColor(image, grey, cv::COLOR_BGRA2GRAY);
    else
        grey = image;
    if (grey.depth() != CV_8U) {
        double lo = 0, hi = 0;
        cv::minMaxLoc(grey, &lo, &hi);
        grey.convertTo(grey, CV_8U, hi > lo ? 255.0 / (hi - lo) : 1.0, hi > lo ? -lo * 255.0 / (hi - lo) : 0.0);
    }
    cv::Mat small;
    cv::resize(grey, small, cv::Size(kSide, kSide), 0, 0, cv::INTER_AREA);
    for (int i = 0; i < kSide * kSide; ++i)
        d.grey[std::size_t(i)] = small.at<std::uint8_t>(i / kSide, i % kSide);
    d.valid = true;
    return d;
}

std::vector<float> candidateVector(const PictureDescriptor &d)
{
    std::vector<float> v(256, 0.0f);
    if (!d.valid)
        return v;
    cv::Mat blurred, small;
    cv::GaussianBlur(asFloat(d), blurred, cv::Size(5, 5), 1.2);
    cv::resize(blurred, small, cv::Size(16, 16), 0, 0, cv::INTER_AREA);
    double mean = cv::mean(small)[0], norm = 0;
    for (int i = 0; i < 256; ++i) {
        v[std::size_t(i)] = small.at<float>(i / 16, i % 16) - float(mean);
        norm += double(v[std::size_t(i)]) * v[std::size_t(i)];
    }
    if (norm > 1e-9)
        for (float &x : v)
            x = float(x / std::sqrt(norm));
    return v;
}

double alignedCorrelation(const PictureDescriptor &a, const PictureDescriptor &b)
{
    if (!a.valid || !b.valid)
        return -1;
    const cv::Mat fa = asFloat(a), fb = asFloat(b);
    const cv::Rect window((kSide - kWindow) / 2, (kSide - kWindow) / 2, kWindow, kWindow);
    const cv::Mat ca = fa(window);
    // Zoom first (nine steps, geometric), then shifts around the best zoom.
    double best = -1, bestZoom = 1;
    for (int s = -4; s <= 4; ++s) {
        const double zoom = std::pow(1.25, s / 4.0);
        const double r = correlation(ca, warped(fb, zoom, 0, 0)(window));
        if (r > best) {
            best = r;
            bestZoom = zoom;
        }
    }
    double bx = 0, by = 0;
    for (double step : {1.0, 0.5}) {
        const double cx = bx, cy = by;
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                if (dx == 0 && dy == 0)
                    continue;
                const double r = correlation(ca, warped(fb, bestZoom, cx + dx * step, cy + dy * step)(window));
                if (r > best) {
                    best = r;
                    bx = cx + dx * step;
                    by = cy + dy * step;
                }
            }
    }
    return best;
}

} // namespace kiln
