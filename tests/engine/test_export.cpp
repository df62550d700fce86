// Model bundles: export from a real (tiny) run, load with no project, predict, and the file as
// Python's torch.load sees it.
#include "data/project.h"
#include "export/modelbundle.h"
#include "export/onnxexport.h"
#include "export/torchscriptexport.h"
#include "testfiles.h"
#include "tinytraining.h"
#include "train/trainer.h"

#include <QProcess>

#include <gtest/gtest.h>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

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

    // Python's torch.load reads it, with the metadata as documented (when python3-torch is there).
    QProcess py;
    py.start("/usr/bin/python3", {"-c", "import json, sys, torch\n"
                                        "d = torch.load(sys.argv[1])\n"
                                        "m = json.loads(bytes(d['kiln_metadata'].tolist()))\n"
                                        "print(m['architecture'], ','.join(m['classes']), len([k for k in d if k.startswith('model.')]))",
                                  QString::fromStdString((dir / "m.kiln").string())});
    if (!py.waitForFinished(60000) || py.exitCode() != 0)
        GTEST_SKIP() << "python3 with torch is not installed (packaging/install-deps.sh --bench)";
    EXPECT_TRUE(QString::fromUtf8(py.readAllStandardOutput()).startsWith("simple_cnn left,right"));
}

TEST(OnnxExport, EveryArchitectureMatchesLibTorchInOpenCv)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "p").ok());
    test::makeLearnableDataset(dir / "p/images", 12, 32);
    const std::vector<fs::path> images{dir / "p/images/left/img_0.png", dir / "p/images/left/img_3.png",
                                       dir / "p/images/right/img_1002.png"};
    struct Case { Architecture arch; HeadKind head; };
    for (const Case &k : {Case{Architecture::SimpleCnn, HeadKind::Fastai}, Case{Architecture::ResNet18, HeadKind::Linear},
                          Case{Architecture::ResNet34, HeadKind::Fastai}}) {
        TrainConfig c = test::tinyTraining(1, 8, 1e-3, 2);
        c.arch = k.arch;
        c.head = k.head;
        const fs::path runDir = dir / "p/runs" / architectureName(k.arch);
        ASSERT_TRUE(runTraining(dir / "p", c, runDir, {}).ok());
        auto run = readRunInfo(runDir);
        ASSERT_TRUE(run.ok()) << run.message();
        for (bool softmax : {false, true}) {
            const fs::path onnx = dir / (std::string(architectureName(k.arch)) + (softmax ? "-p" : "") + ".onnx");
            auto written = writeOnnx(run->spec, run->input, run->checkpoint, onnx, {softmax});
            ASSERT_TRUE(written.ok()) << written.message();
            auto diff = compareOnnxWithTorch(run->spec, run->input, run->checkpoint, onnx, images, softmax);
            ASSERT_TRUE(diff.ok()) << architectureName(k.arch) << ": " << diff.message();
            EXPECT_LE(diff.value(), 1e-4) << architectureName(k.arch) << (softmax ? " with softmax" : "");
        }
    }
}

TEST(TorchScriptExport, RunsInLibTorchAndInPython)
{
    TempDir dir;
    TrainConfig c = test::tinyTraining(1, 8, 1e-3, 2);
    c.arch = Architecture::ResNet18;
    ASSERT_TRUE(test::makeTrainedProject(dir / "p", dir / "p/runs/r", 12, c, 32).ok());
    auto run = readRunInfo(dir / "p/runs/r");
    ASSERT_TRUE(run.ok()) << run.message();
    auto written = writeTorchScript(run->spec, run->checkpoint, dir / "m.pt");
    ASSERT_TRUE(written.ok()) << written.message();
    auto diff = compareTorchScriptWithTorch(run->spec, run->input, run->checkpoint, dir / "m.pt");
    ASSERT_TRUE(diff.ok()) << diff.message();
    EXPECT_LE(diff.value(), 1e-4);

    // Python's torch.jit.load runs it with the same outputs (when python3-torch is installed).
    ASSERT_TRUE(writeReferenceBatch(run->spec, run->input, run->checkpoint, dir / "ref.pt").ok());
    QProcess py;
    py.start("/usr/bin/python3", {"-c", "import sys, torch\n"
                                        "m = torch.jit.load(sys.argv[1]); r = torch.load(sys.argv[2])\n"
                                        "print(float((m(r['x']) - r['y']).abs().max()))",
                                  QString::fromStdString((dir / "m.pt").string()), QString::fromStdString((dir / "ref.pt").string())});
    if (!py.waitForFinished(120000) || py.exitCode() != 0)
        GTEST_SKIP() << "python3 with torch is not installed (packaging/install-deps.sh --bench): "
                     << py.readAllStandardError().toStdString();
    EXPECT_LE(QString::fromUtf8(py.readAllStandardOutput()).trimmed().toDouble(), 1e-4);
}
