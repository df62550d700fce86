// Tests for engine/models/statedict: real .pth files written by Python's torch.save (fixtures from
// tests/data/make_statedict_fixtures.py), files written at test time, and, when Debian's
// python3-torch is installed, Python loading what Kiln saves.

#include "models/statedict.h"
#include "testfiles.h"

#include <caffe2/serialize/inline_container.h>
#include <gtest/gtest.h>
#include <torch/csrc/jit/serialization/pickle.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>

#include <fstream>
#include <sstream>

using namespace kiln;
using namespace std::string_literals;
using kiln::test::kPython;
using kiln::test::pythonHas;
using kiln::test::runPython;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

fs::path dataFile(const std::string &name)
{
    return fs::path(KILN_TEST_DATA_DIR) / name;
}

// The C++ twin of MirrorNet in make_statedict_fixtures.py; the options make variants whose names or
// shapes differ from the file, for the load report.
struct MirrorOptions {
    int classes = 3;         // fc outputs; the file has 3
    bool withLayer1 = true;  // without it the file's layer1.* names are unexpected
    bool withExtra = false;  // an "extra" Linear the file does not have: missing names
};

struct BlockImpl : torch::nn::Module {
    BlockImpl()
        : conv1(register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(4, 4, 3).padding(1).bias(false)))),
          bn1(register_module("bn1", torch::nn::BatchNorm2d(4)))
    {
    }
    at::Tensor forward(const at::Tensor &x) { return bn1(conv1(x)).relu(); } // Sequential needs one
    torch::nn::Conv2d conv1;
    torch::nn::BatchNorm2d bn1;
};
TORCH_MODULE(Block);

struct MirrorNetImpl : torch::nn::Module {
    explicit MirrorNetImpl(const MirrorOptions &options = {})
        : conv1(register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, 4, 3).bias(false)))),
          bn1(register_module("bn1", torch::nn::BatchNorm2d(4)))
    {
        if (options.withLayer1)
            layer1 = register_module("layer1", torch::nn::Sequential(Block()));
        fc = register_module("fc", torch::nn::Linear(4, options.classes));
        if (options.withExtra)
            extra = register_module("extra", torch::nn::Linear(2, 2));
    }
    torch::nn::Conv2d conv1;
    torch::nn::BatchNorm2d bn1;
    torch::nn::Sequential layer1{nullptr};
    torch::nn::Linear fc{nullptr};
    torch::nn::Linear extra{nullptr};
};
TORCH_MODULE(MirrorNet);

// One line of statedict_expected.tsv (or of a file Python writes the same way at test time).
struct Expected {
    std::string name;
    at::ScalarType dtype;
    std::vector<int64_t> shape;
    double sum, weightedSum, first;
};

std::vector<Expected> readExpected(const fs::path &tsv)
{
    std::vector<Expected> result;
    std::ifstream in(tsv);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string name, dtype, shape, sum, weighted, first;
        std::getline(fields, name, '\t');
        std::getline(fields, dtype, '\t');
        std::getline(fields, shape, '\t');
        std::getline(fields, sum, '\t');
        std::getline(fields, weighted, '\t');
        std::getline(fields, first, '\t');
        Expected e{name, dtype == "int64" ? at::kLong : dtype == "float32" ? at::kFloat : at::kDouble, {},
                   std::stod(sum), std::stod(weighted), std::stod(first)};
        std::istringstream dims(shape);
        for (std::string d; std::getline(dims, d, ',');)
            e.shape.push_back(std::stoll(d));
        result.push_back(e);
    }
    return result;
}

// The same checksums as describe() in the fixtures script.
void expectContents(const StateDict &dict, const std::vector<Expected> &expected, double tolerance)
{
    ASSERT_EQ(dict.size(), expected.size());
    for (std::size_t i = 0; i < dict.size(); ++i) {
        const auto &[name, tensor] = dict[i];
        const Expected &e = expected[i];
        SCOPED_TRACE(e.name);
        EXPECT_EQ(name, e.name);
        EXPECT_EQ(tensor.scalar_type(), e.dtype);
        EXPECT_EQ(tensor.sizes().vec(), e.shape);
        EXPECT_EQ(tensor.device().type(), at::kCPU);
        const at::Tensor flat = tensor.reshape({-1}).to(at::kDouble);
        const at::Tensor weights = (torch::arange(flat.numel(), torch::kLong) % 7 + 1).to(at::kDouble);
        EXPECT_NEAR(flat.sum().item<double>(), e.sum, tolerance * (1 + std::abs(e.sum)));
        EXPECT_NEAR((flat * weights).sum().item<double>(), e.weightedSum, tolerance * (1 + std::abs(e.weightedSum)));
        EXPECT_NEAR(flat[0].item<double>(), e.first, tolerance * (1 + std::abs(e.first)));
    }
}

std::vector<std::string> namesOf(const StateDict &dict)
{
    std::vector<std::string> names;
    for (const auto &entry : dict)
        names.push_back(entry.first);
    return names;
}

at::Tensor tensorNamed(const StateDict &dict, const std::string &name)
{
    for (const auto &[n, t] : dict)
        if (n == name)
            return t;
    ADD_FAILURE() << "no tensor " << name;
    return {};
}

StateDict readFixture()
{
    auto read = readStateDict(dataFile("statedict_ordered.pth"));
    EXPECT_TRUE(read.ok()) << read.message();
    return read.ok() ? *read : StateDict{};
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

// Writes a zip archive as torch does, holding the given records.
void writeArchive(const fs::path &path, const std::vector<std::pair<std::string, std::string>> &records)
{
    caffe2::serialize::PyTorchStreamWriter writer(path.string());
    for (const auto &[name, data] : records)
        writer.writeRecord(name, data.data(), data.size());
    writer.writeEndOfFile();
}

} // namespace

// ---------------------------------------------------------------------------------------------
// readStateDict

TEST(StateDict, ReadsTheNormalOrderedDictWithMetadata)
{
    auto read = readStateDict(dataFile("statedict_ordered.pth"));
    ASSERT_TRUE(read.ok()) << read.message();
    expectContents(*read, readExpected(dataFile("statedict_expected.tsv")), 0.0);
}

TEST(StateDict, ReadsAPlainDict)
{
    auto read = readStateDict(dataFile("statedict_plain.pth"));
    ASSERT_TRUE(read.ok()) << read.message();
    expectContents(*read, readExpected(dataFile("statedict_expected.tsv")), 0.0);
}

TEST(StateDict, TiedWeightsShareStorage)
{
    auto read = readStateDict(dataFile("statedict_tied.pth"));
    ASSERT_TRUE(read.ok()) << read.message();
    EXPECT_EQ(namesOf(*read), (std::vector<std::string>{"a.weight", "b.weight"}));
    EXPECT_EQ((*read)[0].second.data_ptr(), (*read)[1].second.data_ptr());
    EXPECT_TRUE(torch::equal((*read)[0].second, (*read)[1].second));
}

TEST(StateDict, ReadsASingleTensorDict)
{
    auto read = readStateDict(dataFile("statedict_single.pth"));
    ASSERT_TRUE(read.ok()) << read.message();
    ASSERT_EQ(namesOf(*read), std::vector<std::string>{"weight"});
    EXPECT_TRUE(torch::equal((*read)[0].second, torch::arange(6.0, torch::kFloat).reshape({3, 2}) / 4));
}

TEST(StateDict, TensorsSavedFromAGpuComeBackOnTheCpu)
{
    auto read = readStateDict(dataFile("statedict_cuda.pth"));
    ASSERT_TRUE(read.ok()) << read.message();
    ASSERT_EQ(namesOf(*read), (std::vector<std::string>{"weight", "bias"}));
    EXPECT_EQ((*read)[0].second.device().type(), at::kCPU);
    EXPECT_TRUE(torch::equal((*read)[0].second, torch::arange(6.0, torch::kFloat).reshape({3, 2}) / 4));
    EXPECT_TRUE(torch::equal((*read)[1].second, torch::tensor({1.0f, 2.0f, 3.0f}) / 8));
}

TEST(StateDict, NamedParametersGiveAnErrorThatSaysWhatToSave)
{
    auto read = readStateDict(dataFile("statedict_parameters.pth"));
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(contains(read.message(), "statedict_parameters.pth")) << read.message();
    EXPECT_TRUE(contains(read.message(), "nn.Parameter")) << read.message();
    EXPECT_TRUE(contains(read.message(), "state_dict()")) << read.message();
}

TEST(StateDict, LegacyFormatGivesAnErrorThatSaysHowToResave)
{
    const fs::path legacy = dataFile("statedict_legacy.pth");
    auto read = readStateDict(legacy);
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(contains(read.message(), legacy.string())) << read.message();
    EXPECT_TRUE(contains(read.message(), "legacy")) << read.message();
    EXPECT_TRUE(contains(read.message(), "torch.save(model.state_dict(), path)")) << read.message();
}

TEST(StateDict, CheckpointGivesAnErrorThatPointsAtItsStateDict)
{
    auto read = readStateDict(dataFile("statedict_checkpoint.pth"));
    ASSERT_FALSE(read.ok());
    EXPECT_TRUE(contains(read.message(), "statedict_checkpoint.pth")) << read.message();
    EXPECT_TRUE(contains(read.message(), "checkpoint['state_dict']")) << read.message();
}

TEST(StateDict, BrokenAndForeignFilesGiveErrorsNamingTheFile)
{
    TempDir dir;
    const auto fixture = test::readBytes(dataFile("statedict_ordered.pth"));
    std::vector<unsigned char> noise(4000);
    for (std::size_t i = 0; i < noise.size(); ++i)
        noise[i] = static_cast<unsigned char>((i * 2654435761u) >> 13);
    test::writeBytes(dir / "empty.pth", {});
    test::writeText(dir / "text.pth", "these are not weights\n");
    test::writeBytes(dir / "noise.pth", noise);
    test::writeBytes(dir / "truncated.pth", {fixture.begin(), fixture.begin() + fixture.size() / 2});
    auto zipEnd = fixture; // a zip whose central directory points to nowhere
    std::fill(zipEnd.end() - 30, zipEnd.end(), 0xff);
    test::writeBytes(dir / "corrupt-end.pth", zipEnd);
    fs::create_directories(dir / "folder.pth");
    writeArchive(dir / "no-pickle.pth", {{"hello.txt", "hello"}});
    writeArchive(dir / "bad-pickle.pth", {{"data.pkl", "\x80\x02this is no pickle"s}});
    writeArchive(dir / "cut-pickle.pth", {{"data.pkl", "\x80\x02}q\x00(X\x03\x00\x00"s}});
    const auto intPickle = torch::jit::pickle_save(c10::IValue(int64_t(5)));
    test::writeBytes(dir / "an-int.pth", {intPickle.begin(), intPickle.end()});
    c10::Dict<std::string, int64_t> notTensors;
    notTensors.insert("epoch", 3);
    const auto dictPickle = torch::jit::pickle_save(c10::IValue(notTensors));
    test::writeBytes(dir / "not-tensors.pth", {dictPickle.begin(), dictPickle.end()});

    for (const char *name : {"missing.pth", "empty.pth", "text.pth", "noise.pth", "truncated.pth", "corrupt-end.pth",
                             "folder.pth", "no-pickle.pth", "bad-pickle.pth", "cut-pickle.pth", "an-int.pth",
                             "not-tensors.pth"}) {
        SCOPED_TRACE(name);
        auto read = readStateDict(dir / name);
        ASSERT_FALSE(read.ok());
        EXPECT_TRUE(contains(read.message(), (dir / name).string())) << read.message();
        EXPECT_FALSE(contains(read.message(), "Exception raised from")) << read.message(); // no C++ backtrace
    }
    EXPECT_TRUE(contains(readStateDict(dir / "missing.pth").message(), "does not exist"));
    EXPECT_TRUE(contains(readStateDict(dir / "empty.pth").message(), "empty"));
    EXPECT_TRUE(contains(readStateDict(dir / "an-int.pth").message(), "an int, not a dict"));
    EXPECT_TRUE(contains(readStateDict(dir / "not-tensors.pth").message(), "'epoch' is an int, not a tensor"));
}

// ---------------------------------------------------------------------------------------------
// loadStateDict, stateDictOf

TEST(StateDict, StateDictOfListsNamesInPythonsOrder)
{
    MirrorNet net;
    auto own = stateDictOf(*net);
    ASSERT_TRUE(own.ok()) << own.message();
    std::vector<std::string> expectedNames;
    for (const auto &e : readExpected(dataFile("statedict_expected.tsv")))
        expectedNames.push_back(e.name);
    EXPECT_EQ(namesOf(*own), expectedNames);
}

TEST(StateDict, LoadCopiesEveryTensorIncludingBatchCounters)
{
    const StateDict file = readFixture();
    MirrorNet net;
    const auto report = loadStateDict(*net, file);
    EXPECT_EQ(report.matched.size(), 14u);
    EXPECT_TRUE(report.missing.empty());
    EXPECT_TRUE(report.unexpected.empty());
    EXPECT_TRUE(report.shapeMismatch.empty());
    EXPECT_TRUE(report.skipped.empty());
    EXPECT_TRUE(report.complete());

    EXPECT_TRUE(torch::equal(net->conv1->weight, tensorNamed(file, "conv1.weight")));
    EXPECT_TRUE(torch::equal(net->fc->bias, tensorNamed(file, "fc.bias")));
    EXPECT_TRUE(torch::equal(net->bn1->running_var, tensorNamed(file, "bn1.running_var")));
    EXPECT_EQ(net->bn1->num_batches_tracked.item<int64_t>(), 7);
    auto block = net->layer1[0]->as<BlockImpl>();
    ASSERT_NE(block, nullptr);
    EXPECT_EQ(block->bn1->num_batches_tracked.item<int64_t>(), 11);
    EXPECT_TRUE(torch::equal(block->conv1->weight, tensorNamed(file, "layer1.0.conv1.weight")));
    // The module keeps its own tensors (copied into, not replaced) and they still train.
    EXPECT_NE(net->conv1->weight.data_ptr(), tensorNamed(file, "conv1.weight").data_ptr());
    EXPECT_TRUE(net->conv1->weight.requires_grad());
}

TEST(StateDict, LoadReportsMissingUnexpectedAndShapeMismatch)
{
    const StateDict file = readFixture();
    MirrorNet net(MirrorOptions{.classes = 5, .withLayer1 = false, .withExtra = true});
    const at::Tensor fcBefore = net->fc->weight.clone();
    const auto report = loadStateDict(*net, file);
    EXPECT_EQ(report.matched, (std::vector<std::string>{"conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean",
                                                         "bn1.running_var", "bn1.num_batches_tracked"}));
    EXPECT_EQ(report.missing, (std::vector<std::string>{"extra.weight", "extra.bias"}));
    EXPECT_EQ(report.unexpected,
              (std::vector<std::string>{"layer1.0.conv1.weight", "layer1.0.bn1.weight", "layer1.0.bn1.bias",
                                        "layer1.0.bn1.running_mean", "layer1.0.bn1.running_var",
                                        "layer1.0.bn1.num_batches_tracked"}));
    EXPECT_EQ(report.shapeMismatch,
              (std::vector<std::string>{"fc.weight: file [3, 4] vs model [5, 4]", "fc.bias: file [3] vs model [5]"}));
    EXPECT_FALSE(report.complete());
    EXPECT_TRUE(torch::equal(net->fc->weight, fcBefore));
    EXPECT_TRUE(torch::equal(net->conv1->weight, tensorNamed(file, "conv1.weight")));
}

TEST(StateDict, SkipPrefixesLeaveTheHeadAlone)
{
    const StateDict file = readFixture();
    MirrorNet net(MirrorOptions{.classes = 5});
    const at::Tensor fcBefore = net->fc->weight.clone();
    StateDict withOldHead = file;
    withOldHead.emplace_back("fc.extra_only_in_file", torch::zeros({1}));
    const auto report = loadStateDict(*net, withOldHead, {"fc."});
    EXPECT_EQ(report.matched.size(), 12u);
    EXPECT_TRUE(report.shapeMismatch.empty());
    EXPECT_TRUE(report.missing.empty());
    EXPECT_TRUE(report.unexpected.empty());
    EXPECT_EQ(report.skipped, (std::vector<std::string>{"fc.weight", "fc.bias", "fc.extra_only_in_file"}));
    EXPECT_TRUE(torch::equal(net->fc->weight, fcBefore));
    EXPECT_EQ(net->bn1->num_batches_tracked.item<int64_t>(), 7);
}

TEST(StateDict, LoadConvertsToTheModulesDtype)
{
    const StateDict file = readFixture();
    MirrorNet net;
    net->to(torch::kDouble);
    const auto report = loadStateDict(*net, file);
    EXPECT_TRUE(report.complete());
    EXPECT_EQ(report.matched.size(), 14u);
    EXPECT_EQ(net->conv1->weight.scalar_type(), torch::kDouble);
    EXPECT_TRUE(torch::equal(net->conv1->weight, tensorNamed(file, "conv1.weight").to(torch::kDouble)));
    // LibTorch's Module::to(dtype), unlike Python's, converts integer buffers too: the counter follows.
    EXPECT_EQ(net->bn1->num_batches_tracked.scalar_type(), torch::kDouble);
    EXPECT_EQ(net->bn1->num_batches_tracked.item<double>(), 7.0);
}

// ---------------------------------------------------------------------------------------------
// saveStateDict

TEST(StateDict, SaveRoundTripsThroughRead)
{
    TempDir dir;
    MirrorNet net;
    ASSERT_TRUE(loadStateDict(*net, readFixture()).complete());
    const fs::path path = dir / "sub" / "weights.pth";
    auto saved = saveStateDict(*net, path);
    ASSERT_TRUE(saved.ok()) << saved.message();
    EXPECT_EQ(test::countFiles(dir.path()), 1u); // no temporary file left behind

    auto read = readStateDict(path);
    ASSERT_TRUE(read.ok()) << read.message();
    expectContents(*read, readExpected(dataFile("statedict_expected.tsv")), 0.0);

    MirrorNet other;
    EXPECT_TRUE(loadStateDict(*other, *read).complete());
    EXPECT_TRUE(torch::equal(other->layer1[0]->as<BlockImpl>()->bn1->running_mean,
                             net->layer1[0]->as<BlockImpl>()->bn1->running_mean));

    // Saving again replaces the file.
    torch::NoGradGuard noGrad;
    net->fc->bias.fill_(0.5);
    ASSERT_TRUE(saveStateDict(*net, path).ok());
    auto again = readStateDict(path);
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_TRUE(torch::equal(tensorNamed(*again, "fc.bias"), torch::full({3}, 0.5)));
}

TEST(StateDict, SaveIntoAnImpossiblePlaceGivesAnError)
{
    TempDir dir;
    test::writeText(dir / "file", "x");
    MirrorNet net;
    const fs::path path = dir / "file" / "weights.pth";
    auto saved = saveStateDict(*net, path);
    ASSERT_FALSE(saved.ok());
    EXPECT_TRUE(contains(saved.message(), path.string())) << saved.message();
}

// ---------------------------------------------------------------------------------------------
// Exchange with Python (Debian's python3-torch / python3-torchvision, test dependencies that
// packaging/install-deps.sh installs)

TEST(StateDict, PythonLoadsWhatKilnSavesStrictly)
{
    ASSERT_TRUE(pythonHas("torch")) << kPython << " cannot import torch: run packaging/install-deps.sh";
    TempDir dir;
    MirrorNet net;
    ASSERT_TRUE(loadStateDict(*net, readFixture()).complete());
    {
        torch::NoGradGuard noGrad;
        net->fc->bias.copy_(torch::tensor({1.0f, 2.0f, 3.0f}));
    }
    const fs::path saved = dir / "kiln.pth";
    ASSERT_TRUE(saveStateDict(*net, saved).ok());

    const std::string script = R"(
import sys
sys.dont_write_bytecode = True  # never leave __pycache__ in tests/data
data_dir, saved, reference = sys.argv[1:4]
sys.path.insert(0, data_dir)
import torch
from make_statedict_fixtures import MirrorNet
m = MirrorNet()
result = m.load_state_dict(torch.load(saved), strict=True)
ref = torch.load(reference)
for name, value in m.state_dict().items():
    if name != "fc.bias":
        assert torch.equal(value, ref[name]), name
assert torch.equal(m.fc.bias.detach(), torch.tensor([1.0, 2.0, 3.0]))
assert m.bn1.num_batches_tracked.dtype == torch.int64 and int(m.bn1.num_batches_tracked) == 7
print("KILN_PY_OK", result)
)";
    std::string output;
    const int code = runPython(dir.path(), script,
                               {KILN_TEST_DATA_DIR, saved.string(), dataFile("statedict_ordered.pth").string()}, output);
    EXPECT_EQ(code, 0) << output;
    EXPECT_TRUE(contains(output, "KILN_PY_OK <All keys matched successfully>")) << output;
}

TEST(StateDict, ReadsATorchvisionResNet18)
{
    ASSERT_TRUE(pythonHas("torch, torchvision")) << kPython << " cannot import torch and torchvision: run packaging/install-deps.sh";
    TempDir dir;
    const std::string script = R"(
import sys
sys.dont_write_bytecode = True
data_dir, out, tsv = sys.argv[1:4]
sys.path.insert(0, data_dir)
import torch, torchvision
from make_statedict_fixtures import describe
torch.manual_seed(0)
sd = torchvision.models.resnet18(weights=None).state_dict()
torch.save(sd, out)
with open(tsv, "w") as f:
    f.write(describe(sd))
)";
    const fs::path weights = dir / "resnet18.pth";
    const fs::path tsv = dir / "resnet18.tsv";
    std::string output;
    ASSERT_EQ(runPython(dir.path(), script, {KILN_TEST_DATA_DIR, weights.string(), tsv.string()}, output), 0) << output;

    auto read = readStateDict(weights);
    ASSERT_TRUE(read.ok()) << read.message();
    ASSERT_EQ(read->size(), 122u);
    std::size_t buffers = 0;
    for (const auto &[name, tensor] : *read)
        buffers += name.ends_with(".running_mean") || name.ends_with(".running_var")
                   || name.ends_with(".num_batches_tracked");
    EXPECT_EQ(buffers, 60u);
    EXPECT_EQ(tensorNamed(*read, "conv1.weight").sizes().vec(), (std::vector<int64_t>{64, 3, 7, 7}));
    EXPECT_EQ(tensorNamed(*read, "fc.weight").sizes().vec(), (std::vector<int64_t>{1000, 512}));
    EXPECT_EQ(tensorNamed(*read, "layer4.1.bn2.running_var").sizes().vec(), (std::vector<int64_t>{512}));
    EXPECT_EQ(tensorNamed(*read, "layer2.0.downsample.0.weight").sizes().vec(),
              (std::vector<int64_t>{128, 64, 1, 1}));
    // Every value as Python saw it (sums in float64; summation order differs, hence the tolerance).
    expectContents(*read, readExpected(tsv), 1e-9);
}
