#include "train/runfiles.h"

#include "core/fileutil.h"
#include "models/models.h"
#include "models/statedict.h"
#include "train/learner.h"

#include <torch/csrc/jit/serialization/pickle.h>

#include <cstdio>
#include <fstream>

namespace fs = std::filesystem;

namespace kiln {

namespace {


const char *kMetricsHeader = "epoch,phase,train_loss,valid_loss,accuracy,error_rate,time\n";

std::string formatMetricsRow(const EpochMetrics &m)
{
    char buf[256];
    std::snprintf(buf, sizeof buf, "%d,%s,%.6f,%.6f,%.6f,%.6f,%.2f\n", m.epoch, m.phase.c_str(), m.trainLoss, m.validLoss,
                  m.accuracy, m.errorRate, m.seconds);
    return buf;
}

} // namespace

std::vector<EpochMetrics> readRunMetrics(const fs::path &runDir)
{
    std::vector<EpochMetrics> out;
    std::ifstream in(runDir / "metrics.csv");
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        std::stringstream ss(line);
        std::string cell;
        std::vector<std::string> cells;
        while (std::getline(ss, cell, ','))
            cells.push_back(cell);
        if (cells.size() < 7)
            continue;
        EpochMetrics m;
        m.epoch = std::stoi(cells[0]);
        m.phase = cells[1];
        m.trainLoss = std::stod(cells[2]);
        m.validLoss = std::stod(cells[3]);
        m.accuracy = std::stod(cells[4]);
        m.errorRate = std::stod(cells[5]);
        m.seconds = std::stod(cells[6]);
        out.push_back(m);
    }
    return out;
}

std::vector<BatchTelemetry> readRunBatches(const fs::path &runDir)
{
    std::vector<BatchTelemetry> rows;
    std::ifstream in(runDir / "batches.csv");
    std::string line;
    std::getline(in, line); // header
    std::map<int, int> perEpoch;
    while (std::getline(in, line)) {
        BatchTelemetry b;
        if (std::sscanf(line.c_str(), "%d,%d,%lf,%lf,%lf,%lf", &b.epoch, &b.batch, &b.loss, &b.smoothLoss, &b.lr, &b.mom) != 6)
            continue;
        perEpoch[b.epoch] = std::max(perEpoch[b.epoch], b.batch + 1);
        rows.push_back(b);
    }
    for (auto &b : rows)
        b.batches = perEpoch[b.epoch];
    return rows;
}

Result<void> writeMetrics(const fs::path &file, const std::vector<EpochMetrics> &rows)
{
    std::string text = kMetricsHeader;
    for (const auto &r : rows)
        text += formatMetricsRow(r);
    return writeFileAtomic(file, text);
}

// batches.csv: one row per training batch (epoch, batch, loss, smooth_loss, lr, mom), so a finished
// run's curves can be drawn again. Rows of epochs after `keepEpochs` are dropped on a resume.
const char *const kBatchesHeader = "epoch,batch,loss,smooth_loss,lr,mom\n";

void trimBatchLog(const fs::path &file, int keepEpochs)
{
    std::ifstream in(file);
    std::string text = kBatchesHeader, line;
    std::getline(in, line);
    while (std::getline(in, line))
        if (!line.empty() && std::atoi(line.c_str()) < keepEpochs)
            text += line + "\n";
    in.close();
    (void)writeFileAtomic(file, text);
}

void appendBatchLog(const fs::path &file, const std::string &rows)
{
    std::ofstream out(file, std::ios::app | std::ios::binary);
    out << rows;
}

// Checkpoints are pickled dicts of named tensors (Python's torch.load reads them too), written
// through a temporary file and a rename.
Result<void> writeTensorMap(const fs::path &file, const TensorMap &tensors)
{
    c10::Dict<std::string, at::Tensor> dict;
    for (const auto &[k, v] : tensors)
        dict.insert(k, v);
    const std::vector<char> bytes = torch::pickle_save(c10::IValue(dict));
    return writeFileAtomic(file, std::string_view(bytes.data(), bytes.size()));
}

Result<TensorMap> readTensorMap(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Error{"Cannot open " + file.string()};
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), {});
    try {
        const c10::IValue value = torch::pickle_load(bytes);
        if (!value.isGenericDict())
            return Error{file.string() + " is not a Kiln checkpoint"};
        TensorMap out;
        for (const auto &entry : value.toGenericDict())
            out[entry.key().toStringRef()] = entry.value().toTensor();
        return out;
    } catch (const std::exception &e) {
        return Error{file.string() + " is not a readable Kiln checkpoint (" + exceptionLine(e) + ")"};
    }
}

Result<void> loadModelTensors(torch::nn::Module &model, const TensorMap &checkpoint)
{
    static const std::string prefix = "model.";
    StateDict dict;
    for (const auto &[name, tensor] : checkpoint)
        if (name.starts_with(prefix))
            dict.emplace_back(name.substr(prefix.size()), tensor);
    const StateDictLoadReport report = loadStateDict(model, dict);
    if (!report.missing.empty())
        return Error{"it has no tensor " + prefix + report.missing.front()};
    if (!report.shapeMismatch.empty())
        return Error{prefix + report.shapeMismatch.front()};
    return Ok{};
}

Result<std::shared_ptr<ClassifierImpl>> loadClassifier(const ModelSpec &spec, const fs::path &weights)
{
    auto model = makeClassifier(spec);
    auto read = readTensorMap(weights);
    if (!read)
        return read.error();
    if (auto loaded = loadModelTensors(*model, read.value()); !loaded)
        return Error{"Cannot load the model from " + weights.string() + ": " + loaded.message()
                     + ". Was it written by a model of this architecture and number of classes?"};
    model->eval();
    return model;
}

} // namespace kiln
