#include "analysis/tsnefile.h"

#include "core/fileutil.h"
#include "data/csvio.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace kiln {

namespace {

std::string number(double v, int digits)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

} // namespace

std::string tsneCsv(const RunPredictions &preds, const std::vector<std::size_t> &rows, const std::vector<float> &layout,
                    const fs::path &base)
{
    const Predictions &p = preds.predictions;
    auto className = [&](int c) { return c >= 0 && std::size_t(c) < p.classes.size() ? p.classes[std::size_t(c)] : std::string(); };
    std::string csv = "file,split,actual,predicted,loss,x,y\n";
    for (std::size_t k = 0; k < rows.size() && 2 * k + 1 < layout.size(); ++k) {
        const std::size_t i = rows[k];
        csv += csvField(base.empty() ? p.files[i].generic_string() : p.files[i].lexically_relative(base).generic_string());
        csv += ',';
        csv += splitName(preds.splits[i]);
        csv += ',';
        csv += csvField(className(p.labels[i]));
        csv += ',';
        csv += csvField(className(p.predicted[i]));
        csv += ',';
        if (!std::isnan(p.losses[i]))
            csv += number(p.losses[i], 6);
        csv += ',';
        csv += number(layout[2 * k], 5);
        csv += ',';
        csv += number(layout[2 * k + 1], 5);
        csv += '\n';
    }
    return csv;
}

fs::path runTsneFile(const fs::path &runDir)
{
    return runDir / "tsne.csv";
}

Result<std::optional<TsnePoints>> readTsneCsv(const fs::path &file)
{
    std::error_code ec;
    if (!fs::exists(file, ec))
        return std::optional<TsnePoints>();
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return Error{file.string() + ": cannot be read"};
    std::ostringstream text;
    text << in.rdbuf();
    const auto rows = parseCsv(text.str());
    if (rows.empty() || rows[0].size() < 7 || rows[0][5] != "x" || rows[0][6] != "y")
        return Error{file.string() + ": not a t-SNE layout (the header should be file,split,actual,predicted,loss,x,y)"};
    TsnePoints t;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto &row = rows[r];
        if (row.size() == 1 && row[0].empty())
            continue;
        char *end = nullptr;
        if (row.size() < 7)
            return Error{file.string() + ": line " + std::to_string(r + 1) + " has " + std::to_string(row.size()) + " fields, not 7"};
        const float x = std::strtof(row[5].c_str(), &end);
        const bool xOk = end && *end == '\0' && !row[5].empty();
        const float y = std::strtof(row[6].c_str(), &end);
        if (!xOk || !end || *end != '\0' || row[6].empty() || !std::isfinite(x) || !std::isfinite(y))
            return Error{file.string() + ": line " + std::to_string(r + 1) + " has no numeric x, y"};
        t.actual.push_back(row[2]);
        t.predicted.push_back(row[3]);
        t.xy.push_back(x);
        t.xy.push_back(y);
    }
    return std::optional<TsnePoints>(std::move(t));
}

} // namespace kiln
