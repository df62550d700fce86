// Mixed precision: the loss scaler's skip-and-lower on an overflow, autocast around the learner's
// forward pass, and what `auto` resolves to.
#include "testfiles.h"
#include "train/learner.h"
#include "train/lossscaler.h"
#include "train/precision.h"

#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

TEST(LossScaler, AnOverflowIsASkippedStepWithALowerScale)
{
    auto w = torch::ones({3}, torch::requires_grad());
    LossScaler scaler(1024.0, 3);
    // A fake overflow: the scaled gradient is infinite.
    (scaler.scale(w.sum()) * std::numeric_limits<float>::infinity()).backward();
    EXPECT_FALSE(scaler.unscale({w}));
    EXPECT_DOUBLE_EQ(scaler.currentScale(), 512.0);
    EXPECT_EQ(scaler.skippedSteps(), 1);
    EXPECT_TRUE(torch::equal(w.grad(), torch::zeros({3}))); // nothing reaches the optimizer
    // A good step: the gradients come back unscaled.
    w.mutable_grad().zero_();
    scaler.scale((w * 2).sum()).backward();
    ASSERT_TRUE(scaler.unscale({w}));
    EXPECT_TRUE(torch::allclose(w.grad(), torch::full({3}, 2.0f)));
    // After `growthInterval` good steps in a row the scale doubles.
    for (int i = 0; i < 2; ++i) {
        w.mutable_grad().zero_();
        scaler.scale(w.sum()).backward();
        ASSERT_TRUE(scaler.unscale({w}));
    }
    EXPECT_DOUBLE_EQ(scaler.currentScale(), 1024.0);
    // A NaN is an overflow too.
    w.mutable_grad().zero_();
    (scaler.scale(w.sum()) * std::numeric_limits<float>::quiet_NaN()).backward();
    EXPECT_FALSE(scaler.unscale({w}));
    EXPECT_DOUBLE_EQ(scaler.currentScale(), 512.0);
}

TEST(Precision, AutoResolvesByDeviceAndArchitecture)
{
    EXPECT_EQ(resolvePrecision(Precision::Fp32, Architecture::ResNet18, true), Precision::Fp32);
    EXPECT_EQ(resolvePrecision(Precision::Bf16, Architecture::ResNet18, false), Precision::Bf16);
    EXPECT_EQ(resolvePrecision(Precision::Auto, Architecture::ResNet18, true), Precision::Fp16);
    EXPECT_EQ(resolvePrecision(Precision::Auto, Architecture::ResNet18, false),
              cpuHasNativeBf16() ? Precision::Bf16 : Precision::Fp32);
    // The architectures bf16 slows down here keep fp32 under auto, on any CPU.
    for (Architecture slower : {Architecture::MobileNetV3Small, Architecture::EfficientNetB0})
        EXPECT_EQ(resolvePrecision(Precision::Auto, slower, false), Precision::Fp32) << architectureName(slower);
    for (Architecture faster : {Architecture::ResNet50, Architecture::MobileNetV3Large})
        EXPECT_EQ(resolvePrecision(Precision::Auto, faster, false), cpuHasNativeBf16() ? Precision::Bf16 : Precision::Fp32)
            << architectureName(faster);
    Precision parsed = Precision::Auto;
    EXPECT_TRUE(parsePrecision("bf16", parsed));
    EXPECT_EQ(parsed, Precision::Bf16);
    EXPECT_FALSE(parsePrecision("fp8", parsed));
}

TEST(Precision, Bf16TrainsAndFp16WithoutAGpuIsRefused)
{
    TempDir dir;
    TrainData data;
    data.classes = {"left", "right"};
    test::makeLearnableDataset(dir / "data", 24, 16);
    for (int c = 0; c < 2; ++c) {
        int i = 0;
        for (const auto &e : fs::directory_iterator(dir / "data" / data.classes[std::size_t(c)])) {
            const bool train = i++ % 4 != 0; // a quarter of each class for validation
            (train ? data.trainPaths : data.validPaths).push_back(e.path());
            (train ? data.trainLabels : data.validLabels).push_back(c);
        }
    }
    TrainConfig c;
    c.epochs = 4;
    c.batchSize = 8;
    c.lr = 1e-2;
    c.augment = false;
    c.threads = 1;
    c.precision = Precision::Bf16;
    auto bf16 = trainModel(data, c, dir / "bf16", false, {});
    ASSERT_TRUE(bf16.ok()) << bf16.message();
    EXPECT_EQ(bf16->precision, "bf16");
    EXPECT_TRUE(std::isfinite(bf16->epochs.back().validLoss));
    EXPECT_GT(bf16->epochs.back().accuracy, 0.6); // it learns in bf16 as in fp32
    c.precision = Precision::Fp16;
    c.device = "cpu";
    auto fp16 = trainModel(data, c, dir / "fp16", false, {});
    ASSERT_FALSE(fp16.ok());
    EXPECT_NE(fp16.message().find("needs a CUDA GPU"), std::string::npos) << fp16.message();
}
