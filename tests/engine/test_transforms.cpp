#include "data/transforms.h"

#include <opencv2/imgproc.hpp>

#include <gtest/gtest.h>

using namespace kiln;

namespace {

cv::Mat gradient(int w, int h, int channels)
{
    cv::Mat m(h, w, CV_8UC(channels));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < channels; ++c)
                m.ptr<uchar>(y)[x * channels + c] = uchar((x * 255) / std::max(1, w - 1));
    return m;
}

} // namespace

TEST(Transforms, ResizeMethodsGiveSquareOutput)
{
    std::mt19937_64 rng(1);
    const cv::Mat img = gradient(80, 40, 3);
    for (ResizeMethod m : {ResizeMethod::Squish, ResizeMethod::Crop, ResizeMethod::Pad}) {
        const cv::Mat out = resizeImage(img, 32, m, false, rng);
        EXPECT_EQ(out.cols, 32) << resizeMethodName(m);
        EXPECT_EQ(out.rows, 32) << resizeMethodName(m);
    }
    // Validation crops are centred: the middle column of a left-to-right gradient stays mid-grey.
    const cv::Mat crop = resizeImage(img, 32, ResizeMethod::Crop, false, rng);
    EXPECT_NEAR(crop.at<cv::Vec3b>(16, 16)[0], 128, 12);
}

TEST(Transforms, ChannelsAndDepthsAreNormalised)
{
    cv::Mat deep(10, 10, CV_16UC3, cv::Scalar(65535, 0, 0)); // blue in BGR
    const cv::Mat rgb = toChannels(deep, 3);
    EXPECT_EQ(rgb.type(), CV_8UC3);
    EXPECT_EQ(rgb.at<cv::Vec3b>(0, 0)[2], 255); // blue ends up last in RGB
    const cv::Mat gray = toChannels(cv::Mat(5, 5, CV_8UC4, cv::Scalar(10, 20, 30, 255)), 1);
    EXPECT_EQ(gray.channels(), 1);
    const cv::Mat fromGray = toChannels(cv::Mat(5, 5, CV_8UC1, cv::Scalar(7)), 3);
    EXPECT_EQ(fromGray.at<cv::Vec3b>(2, 2), cv::Vec3b(7, 7, 7));
}

TEST(Transforms, AugmentationIsDeterministicPerSample)
{
    PipelineConfig config;
    config.size = 24;
    const cv::Mat img = gradient(40, 30, 3);
    auto a = sampleRng(42, 3, 17), b = sampleRng(42, 3, 17), c = sampleRng(42, 4, 17);
    const cv::Mat x = prepareImage(img, config, true, a);
    const cv::Mat y = prepareImage(img, config, true, b);
    EXPECT_EQ(cv::norm(x, y, cv::NORM_L1), 0.0);
    // Another epoch draws other augmentations (with overwhelming probability).
    bool differs = false;
    for (int e = 4; e < 10 && !differs; ++e) {
        auto r = sampleRng(42, std::uint64_t(e), 17);
        differs = cv::norm(prepareImage(img, config, true, r), x, cv::NORM_L1) > 0;
    }
    EXPECT_TRUE(differs);
    (void)c;
}

TEST(Transforms, ValidationIsNotAugmented)
{
    PipelineConfig config;
    config.size = 24;
    const cv::Mat img = gradient(24, 24, 3);
    for (int i = 0; i < 5; ++i) {
        auto rng = sampleRng(1, std::uint64_t(i), 0);
        EXPECT_EQ(cv::norm(prepareImage(img, config, false, rng), toChannels(img, 3), cv::NORM_L1), 0.0);
    }
}

TEST(Transforms, FlipOnlyMirrorsExactly)
{
    AugmentConfig flipOnly;
    flipOnly.flipP = 1.0;
    flipOnly.pAffine = 0;
    flipOnly.pLighting = 0;
    const cv::Mat img = gradient(16, 8, 1);
    std::mt19937_64 rng(3);
    const cv::Mat out = augmentImage(img, flipOnly, rng);
    cv::Mat expected;
    cv::flip(img, expected, 1);
    EXPECT_LE(cv::norm(out, expected, cv::NORM_INF), 1.0);
}

TEST(Transforms, NormaliseWritesChannelPlanes)
{
    PipelineConfig config;
    config.channels = 3;
    config.mean = {0.5f, 0.5f, 0.5f};
    config.std = {0.5f, 0.25f, 1.0f};
    cv::Mat img(2, 2, CV_8UC3, cv::Scalar(255, 0, 255));
    std::vector<float> out(12);
    normaliseInto(img, config, out.data());
    EXPECT_FLOAT_EQ(out[0], 1.0f);  // R plane: (1 - 0.5) / 0.5
    EXPECT_FLOAT_EQ(out[4], -2.0f); // G plane: (0 - 0.5) / 0.25
    EXPECT_FLOAT_EQ(out[8], 0.5f);  // B plane: (1 - 0.5) / 1
}

TEST(Transforms, RandomResizedCropStaysInside)
{
    const cv::Mat img = gradient(50, 30, 3);
    for (int i = 0; i < 20; ++i) {
        std::mt19937_64 rng{static_cast<std::uint64_t>(i)};
        const cv::Mat out = randomResizedCrop(img, 20, 0.08, rng);
        EXPECT_EQ(out.size(), cv::Size(20, 20));
    }
}
