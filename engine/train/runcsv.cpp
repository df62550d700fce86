#include "train/runcsv.h"

#include "core/fileutil.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>

namespace fs = std::filesystem;

namespace kiln {

namespace {

const char *const kMetricsHeader = "epoch,phase,train_loss,valid_loss,accuracy,error_rate,time\n";
const char *const kBatchesHeader = "epoch,batch,loss,smooth_loss,lr,mom\n";
// A row longer than this is not a row Kiln wrote (it would be a damaged or foreign file).
constexpr std::size_t kMaxLine = 4096;

std::vector<std::string> cells(const std::string &line)
{
    std::vector<std::string> out(1);
    for (char ch : line) {
        if (ch == ',')
            out.emplace_back();
        else if (ch != '\r')
            out.back() += ch;
    }
    return out;
}

bool toDouble(const std::string &s, double &out)
{
    if (s.empty())
        return false;
    char *end = nullptr;
    errno = 0;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && errno != ERANGE && std::isfinite(out);
}

bool toInt(const std::string &s, int &out)
{
    double d = 0;
    if (!toDouble(s, d) || d != std::floor(d) || d < 0 || d > 1e9)
        return false;
    out = int(d);
    return true;
}

bool parseBatchRow(const std::vector<std::string> &c, BatchTelemetry &b)
{
    return c.size() == 6 && toInt(c[0], b.epoch) && toInt(c[1], b.batch) && toDouble(c[2], b.loss) && toDouble(c[3], b.smoothLoss)
        && toDouble(c[4], b.lr) && toDouble(c[5], b.mom);
}

Error damaged(const fs::path &file, std::size_t line, const std::string &why)
{
    return Error{file.string() + " is damaged at line " + std::to_string(line) + " (" + why
                 + "). The run's curves cannot be shown from it; train a new run, or restore the file from a backup."};
}

// Calls `row` for each data line; stops with an Error at the first line it refuses. With
// `tornTail`, a last line without its newline (an append cut short by a kill) is skipped.
template <class F>
Result<void> eachRow(const fs::path &file, bool tornTail, F row)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::error_code ec;
        if (!fs::exists(file, ec))
            return Ok{};
        return Error{"Cannot read " + file.string() + ": " + systemErrorText(errno)};
    }
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (tornTail && in.eof())
            break; // the last line ended without a newline
        if (line.size() > kMaxLine)
            return damaged(file, number, "a line of " + std::to_string(line.size()) + " characters");
        if (number == 1 || line.empty() || line == "\r")
            continue; // the header
        if (auto r = row(cells(line), number); !r)
            return r;
    }
    return Ok{};
}

} // namespace

Result<void> writeMetrics(const fs::path &file, const std::vector<EpochMetrics> &rows)
{
    std::string text = kMetricsHeader;
    for (const auto &m : rows) {
        char buf[256];
        std::snprintf(buf, sizeof buf, "%d,%s,%.6f,%.6f,%.6f,%.6f,%.2f\n", m.epoch, m.phase.c_str(), m.trainLoss, m.validLoss,
                      m.accuracy, m.errorRate, m.seconds);
        text += buf;
    }
    return writeFileAtomic(file, text);
}

Result<std::vector<EpochMetrics>> readMetrics(const fs::path &file)
{
    std::vector<EpochMetrics> out;
    auto read = eachRow(file, false, [&](const std::vector<std::string> &c, std::size_t line) -> Result<void> {
        if (c.size() != 7)
            return damaged(file, line, std::to_string(c.size()) + " fields where 7 belong");
        EpochMetrics m;
        m.phase = c[1];
        if (!toInt(c[0], m.epoch) || !toDouble(c[2], m.trainLoss) || !toDouble(c[3], m.validLoss)
            || !toDouble(c[4], m.accuracy) || !toDouble(c[5], m.errorRate) || !toDouble(c[6], m.seconds))
            return damaged(file, line, "a field that is not a number");
        out.push_back(m);
        return Ok{};
    });
    if (!read)
        return read.error();
    return out;
}

void trimBatchLog(const fs::path &file, int keepEpochs)
{
    std::ifstream in(file);
    std::string text = kBatchesHeader, line;
    std::getline(in, line);
    // Only whole rows Kiln wrote survive a resume: a torn or damaged line (a crash mid-write, an
    // edit) is dropped here rather than kept before the new rows.
    while (std::getline(in, line)) {
        BatchTelemetry b;
        if (line.size() <= kMaxLine && parseBatchRow(cells(line), b) && b.epoch < keepEpochs)
            text += line + "\n";
    }
    in.close();
    (void)writeFileAtomic(file, text);
}

Result<void> appendBatchLog(const fs::path &file, const std::string &rows)
{
    if (rows.empty())
        return Ok{};
    // One write with the torn-line guard, synced (once an epoch).
    const std::string_view body(rows.data(), rows.back() == '\n' ? rows.size() - 1 : rows.size());
    return appendLine(file, body);
}

Result<std::vector<BatchTelemetry>> readBatches(const fs::path &file)
{
    std::vector<BatchTelemetry> rows;
    std::map<int, int> perEpoch;
    auto read = eachRow(file, true, [&](const std::vector<std::string> &c, std::size_t line) -> Result<void> {
        if (c.size() != 6)
            return damaged(file, line, std::to_string(c.size()) + " fields where 6 belong");
        BatchTelemetry b;
        if (!parseBatchRow(c, b))
            return damaged(file, line, "a field that is not a number");
        perEpoch[b.epoch] = std::max(perEpoch[b.epoch], b.batch + 1);
        rows.push_back(b);
        return Ok{};
    });
    if (!read)
        return read.error();
    for (auto &b : rows)
        b.batches = perEpoch[b.epoch];
    return rows;
}

} // namespace kiln
