// Model bundles: export from a real (tiny) run, load with no project, predict, and the file as
// Python's torch.load sees it. ONNX and TorchScript exports of every architecture and head.
#include "data/project.h"
#include "export/modelbundle.h"
#include "export/onnxexport.h"
#include "export/torchscriptexport.h"
#include "models/models.h"
#include "testfiles.h"
#include "tinytraining.h"
#include "train/learner.h"
#include "train/runfiles.h"
#include "train/trainer.h"

#include <QProcess>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

// A device that cannot be used (here a GPU ordinal no machine has; on a CPU build of LibTorch, any
// GPU) is an error with advice from the predictor, the batch predictions and training; never a crash.
TEST(DeviceErrors, AnUnusableDeviceIsAMessageWithAdviceNotACrash)
{
    TempDir dir;
    ASSERT_TRUE(test::makeTrainedProject(dir / "p", dir / "p/runs/r", 30).ok());
    auto run = readRunInfo(dir / "p/runs/r");
    ASSERT_TRUE(run.ok()) << run.message();
    struct Restore {
        ~Restore() { setPreferredDevice("auto"); }
    } restore;
    setPreferredDevice("cuda:63");
    auto warm = Predictor::load(run->spec, run->input, run->checkpoint, 1, Precision::Fp32);
    ASSERT_FALSE(warm.ok());
    EXPECT_NE(warm.message().find("cuda:63"), std::string::npos) << warm.message();
    EXPECT_NE(warm.message().find("--device cpu"), std::string::npos) << warm.message();

    PredictOptions options;
    options.device = "cuda:63";
    const fs::path image = dir / "p/images/left/img_0.png";
    auto batch = predictFiles(run->spec, run->input, run->checkpoint, run->classes, {image}, {-1}, options);
    ASSERT_FALSE(batch.ok());
    EXPECT_NE(batch.message().find("cuda:63"), std::string::npos) << batch.message();
    EXPECT_NE(batch.message().find("Always the CPU"), std::string::npos) << batch.message();

    // The preference back on auto: the same calls work.
    setPreferredDevice("auto");
    auto again = Predictor::load(run->spec, run->input, run->checkpoint, 1, Precision::Fp32);
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_TRUE((*again)->probabilities(image).ok());
}

TEST(ModelBundle, ExportsLoadsWithoutTheProjectAndPredicts)
{
    TempDir dir;
    ASSERT_TRUE(test::makeTrainedProject(dir / "p", dir / "p/runs/r", 30).ok());
    auto run = readRunInfo(dir / "p/runs/r");
    ASSERT_TRUE(run.ok()) << run.message();
    auto exported = exportBundle(run.value(), dir / "m.kiln");
    ASSERT_TRUE(exported.ok()) << exported.message();
    EXPECT_GT(exported->bytes, 1000u);
    EXPECT_GT(exported->oodThreshold, 0.0);
    EXPECT_LE(exported->oodThreshold, 1.0);

    // No project: copy two images away, note what the run's own checkpoint says of them, and
    // delete the project.
    fs::copy_file(dir / "p/images/left/img_0.png", dir / "a.png");
    fs::copy_file(dir / "p/images/right/img_1001.png", dir / "b.png");
    auto before = predictFiles(run->spec, run->input, run->checkpoint, run->classes, {dir / "a.png", dir / "b.png"}, {-1, -1});
    ASSERT_TRUE(before.ok());
    fs::remove_all(dir / "p");
    auto bundle = loadBundle(dir / "m.kiln");
    ASSERT_TRUE(bundle.ok()) << bundle.message();
    EXPECT_EQ(bundle->classes, (std::vector<std::string>{"left", "right"}));
    EXPECT_EQ(bundle->input.size, 16);
    EXPECT_EQ(bundle->input.channels, 1);
    EXPECT_EQ(bundle->metadata.value("architecture").toString(), "simple_cnn");
    test::writeText(dir / "broken.png", "<html>");
    auto preds = predictImages(bundle.value(), {dir / "a.png", dir / "b.png", dir / "broken.png", dir / "missing.png"}, 2);
    ASSERT_TRUE(preds.ok()) << preds.message();
    ASSERT_EQ(preds->size(), 4u);
    EXPECT_EQ((*preds)[0].top.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) { // the same model: the same probabilities
        const auto &[cls, prob] = (*preds)[i].top[0];
        EXPECT_EQ(cls, before->predicted[i]);
        EXPECT_NEAR(prob, before->prob(i, cls), 1e-6);
    }
    EXPECT_NEAR((*preds)[0].top[0].second + (*preds)[0].top[1].second, 1.0, 1e-5);
    for (int i = 0; i < 2; ++i)
        EXPECT_EQ((*preds)[std::size_t(i)].outOfDomain, (*preds)[std::size_t(i)].maxProbability < bundle->oodThreshold);
    // The warm single-image path gives the same probabilities.
    auto warm = Predictor::load(bundle->spec, bundle->input, bundle->file, 1, bundle->precision);
    ASSERT_TRUE(warm.ok()) << warm.message();
    auto single = (*warm)->probabilities(dir / "a.png");
    ASSERT_TRUE(single.ok());
    ASSERT_EQ(single->size(), 2u);
    for (int c = 0; c < 2; ++c)
        EXPECT_NEAR((*single)[std::size_t(c)], before->prob(0, c), 1e-5);
    EXPECT_FALSE((*warm)->probabilities(dir / "broken.png").ok());
    EXPECT_FALSE((*preds)[2].error.empty());
    EXPECT_EQ((*preds)[3].error, "not found");
    // A folder is every image in it.
    fs::create_directories(dir / "folder");
    fs::copy_file(dir / "a.png", dir / "folder/x.png");
    auto folder = predictImages(bundle.value(), {dir / "folder"});
    ASSERT_TRUE(folder.ok());
    EXPECT_EQ(folder->size(), 1u);

    // Not a bundle: a clear error.
    EXPECT_FALSE(loadBundle(dir / "a.png").ok());

    // Python's torch.load reads it, with the metadata as documented (python3-torch is a test
    // dependency: packaging/install-deps.sh installs it).
    QProcess py;
    py.start("/usr/bin/python3", {"-c", "import json, sys, torch\n"
                                        "d = torch.load(sys.argv[1])\n"
                                        "m = json.loads(bytes(d['kiln_metadata'].tolist()))\n"
                                        "print(m['architecture'], ','.join(m['classes']), len([k for k in d if k.startswith('model.')]))",
                                  QString::fromStdString((dir / "m.kiln").string())});
    ASSERT_TRUE(py.waitForFinished(60000));
    ASSERT_EQ(py.exitCode(), 0) << "python3's torch.load of the bundle failed (python3-torch comes from packaging/install-deps.sh): "
                                << py.readAllStandardError().toStdString();
    EXPECT_TRUE(QString::fromUtf8(py.readAllStandardOutput()).startsWith("simple_cnn left,right"));
}

namespace {

// A checkpoint of `spec`'s model as the learner writes one ("model.<name>" tensors), with
// BatchNorm's affine parameters randomised (gains below 1, as training tends to leave them) and
// its running statistics those of a batch of random images: activations stay near unit scale as in
// a trained model, so the comparisons see float rounding, not a random network's blown-up
// outputs, and folding BatchNorm into the convolutions is checked.
void writeCheckpoint(const ModelSpec &spec, int size, const fs::path &file)
{
    torch::manual_seed(int(spec.arch) * 2 + int(spec.head));
    auto model = makeClassifier(spec);
    {
        torch::NoGradGuard guard;
        model->eval(); // no dropout or stochastic depth; BatchNorm alone on batch statistics
        for (const auto &m : model->modules())
            if (auto *bn = dynamic_cast<torch::nn::BatchNorm2dImpl *>(m.get())) {
                bn->weight.uniform_(0.2, 0.6);
                bn->bias.uniform_(-0.2, 0.2);
                bn->options.momentum(1.0); // running statistics = this batch's
                bn->train();
            }
        model->forward(torch::randn({16, spec.inChannels, size, size}));
    }
    TensorMap tensors;
    for (const auto &p : model->named_parameters())
        tensors["model." + p.key()] = p.value();
    for (const auto &b : model->named_buffers())
        tensors["model." + b.key()] = b.value();
    ASSERT_TRUE(writeTensorMap(file, tensors).ok());
}

// Every architecture at 64 px with colour input, as a checkpoint; the heads alternate so that each
// kind is exported (fastai's; a linear fc; torchvision's classifiers of MobileNetV3 and EfficientNet).
struct ExportCase {
    ModelSpec spec;
    PipelineConfig input;
    fs::path checkpoint;
    std::string name;
};

std::vector<ExportCase> everyArchitecture(const fs::path &dir)
{
    const std::pair<Architecture, HeadKind> kCases[] = {
        {Architecture::SimpleCnn, HeadKind::Fastai},        {Architecture::ResNet18, HeadKind::Linear},
        {Architecture::ResNet34, HeadKind::Fastai},         {Architecture::ResNet50, HeadKind::Linear},
        {Architecture::MobileNetV3Small, HeadKind::Linear}, {Architecture::MobileNetV3Large, HeadKind::Fastai},
        {Architecture::EfficientNetB0, HeadKind::Linear},
    };
    EXPECT_EQ(std::size(kCases), architectureNames().size()) << "a new architecture needs its export case";
    std::vector<ExportCase> cases;
    for (const auto &[arch, head] : kCases) {
        ExportCase c;
        c.spec.arch = arch;
        c.spec.head = head;
        c.spec.numClasses = 3;
        c.input.size = 64;
        c.name = std::string(architectureName(arch)) + "-" + headKindName(head);
        c.checkpoint = dir / (c.name + ".pt");
        writeCheckpoint(c.spec, c.input.size, c.checkpoint);
        cases.push_back(c);
    }
    return cases;
}

} // namespace

TEST(OnnxExport, EveryArchitectureMatchesLibTorchInOpenCv)
{
    TempDir dir;
    std::vector<fs::path> images;
    for (int i = 0; i < 3; ++i) {
        images.push_back(dir / ("img" + std::to_string(i) + ".png"));
        test::writeImage(images.back(), 80, 72, 3, 8, i);
    }
    QStringList onnxFiles;
    const auto cases = everyArchitecture(dir.path());
    for (const ExportCase &c : cases) {
        // The softmax is one node after the logits, whatever the architecture: checked once.
        for (bool softmax : {false, true}) {
            if (softmax && &c != &cases.front())
                continue;
            const fs::path onnx = dir / (c.name + (softmax ? "-p" : "") + ".onnx");
            auto written = writeOnnx(c.spec, c.input, c.checkpoint, onnx, {softmax});
            ASSERT_TRUE(written.ok()) << c.name << ": " << written.message();
            // OpenCV runs the three images as one batch.
            auto diff = compareOnnxWithTorch(c.spec, c.input, c.checkpoint, onnx, images, softmax);
            ASSERT_TRUE(diff.ok()) << c.name << ": " << diff.message();
            EXPECT_LE(diff.value(), 1e-4) << c.name << (softmax ? " with softmax" : "");
            onnxFiles << QString::fromStdString(onnx.string());
        }
    }

    // onnx.checker accepts every file (python3-onnx is a test dependency).
    QProcess py;
    py.start("/usr/bin/python3", QStringList{"-c", "import sys, onnx\n"
                                                   "for f in sys.argv[1:]:\n"
                                                   "    onnx.checker.check_model(f)\n"
                                                   "print('KILN_ONNX_OK', len(sys.argv) - 1)"}
                                     + onnxFiles);
    ASSERT_TRUE(py.waitForFinished(120000));
    EXPECT_EQ(py.exitCode(), 0) << py.readAllStandardError().toStdString();
    EXPECT_EQ(QString::fromUtf8(py.readAllStandardOutput()).trimmed(), QStringLiteral("KILN_ONNX_OK %1").arg(onnxFiles.size()));
}

TEST(TorchScriptExport, EveryArchitectureRunsInLibTorchAndInPython)
{
    TempDir dir;
    QStringList pairs;
    const auto cases = everyArchitecture(dir.path());
    for (const ExportCase &c : cases) {
        const fs::path script = dir / (c.name + ".ts"), reference = dir / (c.name + "-ref.pt");
        auto written = writeTorchScript(c.spec, c.checkpoint, script);
        ASSERT_TRUE(written.ok()) << c.name << ": " << written.message();
        auto diff = compareTorchScriptWithTorch(c.spec, c.input, c.checkpoint, script);
        ASSERT_TRUE(diff.ok()) << c.name << ": " << diff.message();
        EXPECT_LE(diff.value(), 1e-4) << c.name;
        ASSERT_TRUE(writeReferenceBatch(c.spec, c.input, c.checkpoint, reference).ok());
        pairs << QString::fromStdString(script.string()) << QString::fromStdString(reference.string());
    }

    // Python's torch.jit.load runs each with the same outputs (python3-torch is a test dependency).
    QProcess py;
    py.start("/usr/bin/python3", QStringList{"-c", "import sys, torch\n"
                                                   "a = sys.argv[1:]\n"
                                                   "for s, r in zip(a[0::2], a[1::2]):\n"
                                                   "    m = torch.jit.load(s); ref = torch.load(r)\n"
                                                   "    print(s, float((m(ref['x']) - ref['y']).abs().max()))\n"}
                                     + pairs);
    ASSERT_TRUE(py.waitForFinished(120000));
    ASSERT_EQ(py.exitCode(), 0) << py.readAllStandardError().toStdString();
    const QStringList lines = QString::fromUtf8(py.readAllStandardOutput()).trimmed().split('\n');
    ASSERT_EQ(std::size_t(lines.size()), cases.size());
    for (const QString &line : lines)
        EXPECT_LE(line.section(' ', -1).toDouble(), 1e-4) << line.toStdString();
}

TEST(ModelBundle, AMobileNetRunExportsAndPredicts)
{
    // A real run of a torchvision architecture whose linear head is torchvision's classifier,
    // bundled, loaded with no project and predicting as the run's checkpoint does (the bundle's
    // code is the same for every architecture; the export tests above cover each graph).
    TempDir dir;
    TrainConfig c = test::tinyTraining(1, 8, 1e-3, 2);
    c.arch = Architecture::MobileNetV3Small;
    c.head = HeadKind::Linear;
    ASSERT_TRUE(test::makeTrainedProject(dir / "p", dir / "p/runs/r", 8, c, 32).ok());
    auto run = readRunInfo(dir / "p/runs/r");
    ASSERT_TRUE(run.ok()) << run.message();
    auto exported = exportBundle(run.value(), dir / "m.kiln");
    ASSERT_TRUE(exported.ok()) << exported.message();
    auto bundle = loadBundle(dir / "m.kiln");
    ASSERT_TRUE(bundle.ok()) << bundle.message();
    EXPECT_EQ(bundle->metadata.value("architecture").toString(), "mobilenet_v3_small");
    EXPECT_EQ(bundle->metadata.value("head").toString(), "linear");
    const std::vector<fs::path> images{dir / "p/images/left/img_0.png", dir / "p/images/right/img_1001.png"};
    auto preds = predictImages(bundle.value(), images, 2);
    ASSERT_TRUE(preds.ok()) << preds.message();
    auto direct = predictFiles(run->spec, run->input, run->checkpoint, run->classes, images, {-1, -1});
    ASSERT_TRUE(direct.ok()) << direct.message();
    for (std::size_t i = 0; i < images.size(); ++i) {
        ASSERT_EQ((*preds)[i].top.size(), 2u);
        EXPECT_NEAR((*preds)[i].top[0].second, direct->prob(i, (*preds)[i].top[0].first), 1e-5);
    }
}
