#include "models/models.h"
#include "models/statedict.h"
#include "testfiles.h"
#include "train/distributed.h"
#include "train/learner.h"

#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include <gtest/gtest.h>

#include <fstream>
#include <thread>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A separable toy problem: bright on the left half, or bright on the right half, with noise.
TrainData makeToyData(const fs::path &root, int perClass, int side = 16)
{
    TrainData data;
    data.classes = {"left", "right"};
    cv::RNG rng(7);
    for (int c = 0; c < 2; ++c) {
        for (int i = 0; i < perClass; ++i) {
            cv::Mat img(side, side, CV_8UC1);
            rng.fill(img, cv::RNG::UNIFORM, 0, 60);
            cv::Mat half = img(cv::Rect(c == 0 ? 0 : side / 2, 0, side / 2, side));
            half += cv::Scalar(150);
            const fs::path path = root / data.classes[std::size_t(c)] / (std::to_string(i) + ".png");
            fs::create_directories(path.parent_path());
            cv::imwrite(path.string(), img);
            const bool valid = i % 5 == 0;
            (valid ? data.validPaths : data.trainPaths).push_back(path);
            (valid ? data.validLabels : data.trainLabels).push_back(c);
        }
    }
    return data;
}

TrainConfig toyConfig()
{
    TrainConfig c;
    c.arch = Architecture::SimpleCnn;
    c.batchSize = 16;
    c.epochs = 3;
    c.lr = 1e-2;
    c.augment = false; // a horizontal flip would swap the classes of this toy problem
    c.seed = 3;
    return c;
}

std::vector<std::pair<std::string, at::Tensor>> checkpointModel(const fs::path &file)
{
    auto dict = readStateDict(file);
    EXPECT_TRUE(dict.ok()) << (dict.ok() ? "" : dict.message());
    std::vector<std::pair<std::string, at::Tensor>> out;
    if (dict)
        for (auto &[k, v] : dict.value())
            if (k.rfind("model.", 0) == 0)
                out.emplace_back(k, v);
    return out;
}

} // namespace

TEST(Models, ResNetNamesMatchTorchvision)
{
    ModelSpec spec;
    spec.arch = Architecture::ResNet18;
    spec.head = HeadKind::Linear;
    spec.numClasses = 1000;
    auto model = makeClassifier(spec);
    EXPECT_EQ(model->named_parameters().size(), 62u);
    EXPECT_EQ(model->named_buffers().size(), 60u);
    const auto params = model->named_parameters();
    for (const char *name : {"conv1.weight", "bn1.weight", "layer1.0.conv1.weight", "layer2.0.downsample.0.weight",
                             "layer2.0.downsample.1.bias", "layer4.1.bn2.weight", "fc.weight", "fc.bias"})
        EXPECT_NE(params.find(name), nullptr) << name;
    EXPECT_EQ(params["layer4.1.conv2.weight"].sizes(), (std::vector<int64_t>{512, 512, 3, 3}));
    spec.arch = Architecture::ResNet34;
    EXPECT_EQ(makeClassifier(spec)->named_parameters().size(), 110u);
}

TEST(Models, ForwardShapesAndEmbeddings)
{
    for (Architecture arch : {Architecture::SimpleCnn, Architecture::ResNet18}) {
        for (HeadKind head : {HeadKind::Fastai, HeadKind::Linear}) {
            ModelSpec spec;
            spec.arch = arch;
            spec.head = head;
            spec.inChannels = arch == Architecture::SimpleCnn ? 1 : 3;
            spec.numClasses = 7;
            auto model = makeClassifier(spec);
            model->eval();
            torch::NoGradGuard guard;
            const auto x = torch::randn({2, spec.inChannels, 32, 32});
            EXPECT_EQ(model->forward(x).sizes(), (std::vector<int64_t>{2, 7}));
            EXPECT_EQ(model->embed(x).size(0), 2);
            EXPECT_EQ(model->parameterGroups().size(), 3u);
        }
    }
}

TEST(Models, FreezeKeepsBatchNormTrainable)
{
    ModelSpec spec;
    spec.arch = Architecture::ResNet18;
    auto model = makeClassifier(spec);
    model->freezeBody();
    const auto params = model->named_parameters();
    EXPECT_FALSE(params["conv1.weight"].requires_grad());
    EXPECT_FALSE(params["layer3.1.conv2.weight"].requires_grad());
    EXPECT_TRUE(params["bn1.weight"].requires_grad());
    EXPECT_TRUE(params["layer3.1.bn2.bias"].requires_grad());
    EXPECT_TRUE(params["head.lin2.weight"].requires_grad());
    model->unfreeze();
    EXPECT_TRUE(params["conv1.weight"].requires_grad());
}

TEST(Models, TorchvisionWeightsLoadByName)
{
    // A file written the way torchvision saves: our own resnet18 with a linear head, then a new
    // model with a fastai head loads the body and skips the head.
    TempDir dir;
    ModelSpec spec;
    spec.arch = Architecture::ResNet18;
    spec.head = HeadKind::Linear;
    spec.numClasses = 1000;
    auto source = makeClassifier(spec);
    ASSERT_TRUE(saveStateDict(*source, dir / "r18.pth").ok());
    auto dict = readStateDict(dir / "r18.pth");
    ASSERT_TRUE(dict.ok()) << dict.message();
    spec.head = HeadKind::Fastai;
    spec.numClasses = 3;
    auto target = makeClassifier(spec);
    const auto report = loadStateDict(*target, dict.value(), target->headPrefixes());
    EXPECT_EQ(report.matched.size(), 122u - 2u); // everything but fc.weight, fc.bias
    EXPECT_TRUE(report.shapeMismatch.empty());
    EXPECT_TRUE(torch::equal(target->named_parameters()["layer2.1.conv1.weight"], source->named_parameters()["layer2.1.conv1.weight"]));
}

TEST(Learner, LearnsASeparableProblem)
{
    TempDir dir;
    // Enough batches for BatchNorm's running statistics to settle before evaluation.
    const TrainData data = makeToyData(dir / "data", 40);
    std::vector<EpochMetrics> epochs;
    TrainHooks hooks;
    int batches = 0;
    hooks.batch = [&](const BatchTelemetry &b) {
        ++batches;
        EXPECT_GT(b.lr, 0);
        EXPECT_TRUE(std::isfinite(b.loss));
    };
    hooks.epoch = [&](const EpochMetrics &m) { epochs.push_back(m); };
    TrainConfig config = toyConfig();
    config.batchSize = 8;
    config.epochs = 5;
    auto result = trainModel(data, config, dir / "run", false, hooks);
    ASSERT_TRUE(result.ok()) << result.message();
    ASSERT_EQ(result->epochs.size(), 5u);
    EXPECT_EQ(epochs.size(), 5u);
    EXPECT_GT(batches, 0);
    EXPECT_DOUBLE_EQ(result->epochs.back().accuracy, 1.0);
    EXPECT_LT(result->epochs.back().validLoss, result->epochs.front().validLoss + 1e-9);
    EXPECT_TRUE(fs::exists(dir / "run/checkpoints/last.pt"));
    std::ifstream metrics(dir / "run/metrics.csv");
    std::string header;
    std::getline(metrics, header);
    EXPECT_EQ(header, "epoch,phase,train_loss,valid_loss,accuracy,error_rate,time");
    EXPECT_EQ(result->channels, 1);
    EXPECT_EQ(result->size, 16);
}

TEST(Learner, ResumedRunContinuesIdentically)
{
    TempDir dir;
    const TrainData data = makeToyData(dir / "data", 20);
    TrainConfig config = toyConfig();
    config.epochs = 3;
    config.augment = true; // exercise the augmentation RNG too
    config.threads = 1;
    auto straight = trainModel(data, config, dir / "a", false, {});
    ASSERT_TRUE(straight.ok()) << straight.message();

    // Stop after the first epoch, as a kill or a Stop would leave it, then resume.
    std::atomic<bool> stop{false};
    TrainHooks stopper;
    stopper.stop = &stop;
    stopper.epoch = [&](const EpochMetrics &m) {
        if (m.epoch == 0)
            stop = true;
    };
    auto first = trainModel(data, config, dir / "b", false, stopper);
    ASSERT_TRUE(first.ok()) << first.message();
    EXPECT_TRUE(first->stopped);
    EXPECT_EQ(first->epochs.size(), 1u);
    auto resumed = trainModel(data, config, dir / "b", true, {});
    ASSERT_TRUE(resumed.ok()) << resumed.message();
    ASSERT_EQ(resumed->epochs.size(), 3u);
    // Epoch 0 comes back from metrics.csv (6 decimals); the epochs trained after the resume are exact.
    EXPECT_NEAR(resumed->epochs[0].validLoss, straight->epochs[0].validLoss, 1e-6);
    for (int e = 1; e < 3; ++e) {
        EXPECT_DOUBLE_EQ(resumed->epochs[std::size_t(e)].validLoss, straight->epochs[std::size_t(e)].validLoss) << e;
        EXPECT_DOUBLE_EQ(resumed->epochs[std::size_t(e)].trainLoss, straight->epochs[std::size_t(e)].trainLoss) << e;
    }
    const auto a = checkpointModel(dir / "a/checkpoints/last.pt");
    const auto b = checkpointModel(dir / "b/checkpoints/last.pt");
    ASSERT_EQ(a.size(), b.size());
    ASSERT_FALSE(a.empty());
    for (std::size_t i = 0; i < a.size(); ++i)
        EXPECT_TRUE(torch::equal(a[i].second, b[i].second)) << a[i].first;
}

TEST(Learner, LrFindLeavesTheWeightsAsTheyWere)
{
    TempDir dir;
    const TrainData data = makeToyData(dir / "data", 40);
    TrainConfig config = toyConfig();
    config.batchSize = 4;
    auto result = findLearningRate(data, config, {}, 1e-7, 10, 60);
    ASSERT_TRUE(result.ok()) << result.message();
    EXPECT_GT(result->lrs.size(), 20u);
    EXPECT_EQ(result->lrs.size(), result->losses.size());
    EXPECT_NE(result->checksumDuring, result->checksumBefore); // it did train
    EXPECT_EQ(result->checksumAfter, result->checksumBefore);  // and put everything back
    EXPECT_TRUE(result->suggestions.valid);
    EXPECT_GT(result->suggestions.valley, 1e-7);
    EXPECT_LT(result->suggestions.valley, 10);
}

TEST(Learner, DivergenceStopsWithAClearMessageAndKeepsTheCheckpoint)
{
    TempDir dir;
    const TrainData data = makeToyData(dir / "data", 20);
    TrainConfig config = toyConfig();
    config.epochs = 1;
    auto first = trainModel(data, config, dir / "run", false, {});
    ASSERT_TRUE(first.ok()) << first.message();
    const auto before = test::readBytes(dir / "run/checkpoints/last.pt");

    TrainConfig wild = config;
    wild.epochs = 3;
    wild.schedule = ScheduleKind::Constant;
    wild.optimizer = OptimizerKind::Sgd;
    wild.lr = 100; // the largest rate validate() allows
    auto diverged = trainModel(data, wild, dir / "run", true, {});
    ASSERT_FALSE(diverged.ok());
    EXPECT_TRUE(diverged.message().find("NaN") != std::string::npos || diverged.message().find("infinite") != std::string::npos)
        << diverged.message();
    EXPECT_NE(diverged.message().find("lower learning rate"), std::string::npos);
    EXPECT_EQ(test::readBytes(dir / "run/checkpoints/last.pt"), before);
}

TEST(Learner, BadDataGivesClearErrors)
{
    TempDir dir;
    TrainData data = makeToyData(dir / "data", 10);
    TrainData oneClass = data;
    oneClass.classes = {"left"};
    auto r = trainModel(oneClass, toyConfig(), dir / "r1", false, {});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.message().find("at least two classes"), std::string::npos);
    TrainData noValid = data;
    noValid.validPaths.clear();
    noValid.validLabels.clear();
    auto v = trainModel(noValid, toyConfig(), dir / "r2", false, {});
    ASSERT_FALSE(v.ok());
    EXPECT_NE(v.message().find("validation"), std::string::npos);
}

TEST(Learner, UndecodableFilesAreSkippedAndCounted)
{
    TempDir dir;
    TrainData data = makeToyData(dir / "data", 15);
    test::writeText(dir / "data/left/broken.png", "<html>not an image</html>");
    data.trainPaths.push_back(dir / "data/left/broken.png");
    data.trainLabels.push_back(0);
    TrainConfig config = toyConfig();
    config.epochs = 1;
    std::vector<std::string> messages;
    TrainHooks hooks;
    hooks.message = [&](const std::string &m) { messages.push_back(m); };
    auto r = trainModel(data, config, dir / "run", false, hooks);
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->skippedFiles, 1u);
    bool reported = false;
    for (const auto &m : messages)
        reported |= m.find("broken.png") != std::string::npos;
    EXPECT_TRUE(reported);
}

// Two ranks (threads here, over loopback) train one run: each its share of every global batch,
// the gradients averaged; both report the same metrics (validation is shared out and summed), the
// weights are checked to agree after every epoch, and only rank 0 writes the run folder.
TEST(Learner, TwoDataParallelRanksTrainOneRunAndOnlyRankZeroWrites)
{
    TempDir dir;
    const TrainData data = makeToyData(dir / "data", 40);
    TrainConfig config = toyConfig();
    config.epochs = 5;
    config.batchSize = 8; // per rank: a global batch of 16
    config.threads = 1;
    const int port = freeLoopbackPort();
    ASSERT_GT(port, 0);
    Result<TrainSummary> results[2] = {Error{"not run"}, Error{"not run"}};
    auto rank = [&](int r) {
        DistributedOptions o;
        o.rank = r;
        o.world = 2;
        o.masterPort = port;
        o.timeout = std::chrono::seconds(60);
        auto group = DataParallel::connect(o);
        if (!group) {
            results[r] = group.error();
            return;
        }
        results[r] = trainModel(data, config, dir / ("rank" + std::to_string(r)), false, {}, group->get());
    };
    std::thread other(rank, 1);
    rank(0);
    other.join();
    ASSERT_TRUE(results[0].ok()) << results[0].message();
    ASSERT_TRUE(results[1].ok()) << results[1].message();
    ASSERT_EQ(results[0]->epochs.size(), 5u);
    ASSERT_EQ(results[1]->epochs.size(), 5u);
    for (int e = 0; e < 5; ++e) {
        EXPECT_EQ(results[0]->epochs[std::size_t(e)].accuracy, results[1]->epochs[std::size_t(e)].accuracy);
        EXPECT_EQ(results[0]->epochs[std::size_t(e)].validLoss, results[1]->epochs[std::size_t(e)].validLoss);
    }
    // It learns as one process with the global batch does (BatchNorm's statistics are per rank,
    // so not to the last digit).
    auto single = trainModel(data, [&] {
        TrainConfig c = config;
        c.batchSize = 16;
        return c;
    }(), dir / "single", false, {});
    ASSERT_TRUE(single.ok()) << single.message();
    EXPECT_GE(results[0]->epochs.back().accuracy, 0.9); // it learns the toy problem
    EXPECT_NEAR(results[0]->epochs.back().accuracy, single->epochs.back().accuracy, 0.1);
    EXPECT_TRUE(fs::exists(dir / "rank0" / "metrics.csv"));
    EXPECT_TRUE(fs::exists(dir / "rank0" / "checkpoints" / "last.pt"));
    EXPECT_FALSE(fs::exists(dir / "rank1" / "metrics.csv"));
    EXPECT_FALSE(fs::exists(dir / "rank1" / "checkpoints" / "last.pt"));
}
