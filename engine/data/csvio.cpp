#include "data/csvio.h"

#include "core/fileutil.h"
#include "data/datasetindex.h"
#include "data/imageformat.h"
#include "data/imageverifier.h"

#include <algorithm>
#include <cctype>

namespace fs = std::filesystem;

namespace kiln {

std::vector<std::vector<std::string>> parseCsv(std::string_view text)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool inQuotes = false;
    bool fieldStarted = false;
    std::size_t i = 0;
    if (text.size() >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB && (unsigned char)text[2] == 0xBF)
        i = 3;
    auto endRow = [&]() {
        if (fieldStarted || !row.empty()) {
            row.push_back(std::move(field));
            rows.push_back(std::move(row));
        }
        row.clear();
        field.clear();
        fieldStarted = false;
    };
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field.push_back(c);
            }
        } else if (c == '"') {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            fieldStarted = true;
        } else if (c == '\n') {
            endRow();
        } else if (c == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            endRow();
        } else {
            field.push_back(c);
            fieldStarted = true;
        }
    }
    endRow();
    return rows;
}

std::string csvField(std::string_view value)
{
    if (value.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"')
            out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string trim(const std::string &s)
{
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string::npos)
        return {};
    const auto e = s.find_last_not_of(" \t");
    return s.substr(b, e - b + 1);
}

} // namespace

Result<CsvImportSummary> importCsv(const fs::path &csvPath, const fs::path &sourceRoot, const fs::path &outRoot,
                                   Progress *progress)
{
    auto bytes = readFileBytes(csvPath, 1ull << 30);
    if (!bytes)
        return Error{"Cannot read the CSV file: " + bytes.message()};
    const auto rows = parseCsv(std::string_view(reinterpret_cast<const char *>(bytes->data()), bytes->size()));
    if (rows.empty())
        return Error{csvPath.string() + " is empty. Expected rows of path,label."};

    std::size_t pathCol = 0, labelCol = 1, first = 0;
    {
        const auto &h = rows.front();
        int p = -1, l = -1;
        for (std::size_t c = 0; c < h.size(); ++c) {
            const std::string name = lower(trim(h[c]));
            if (p < 0 && (name == "path" || name == "file" || name == "filename" || name == "fname" || name == "name" || name == "image"))
                p = int(c);
            else if (l < 0 && (name == "label" || name == "labels" || name == "class" || name == "category"))
                l = int(c);
        }
        if (p >= 0 && l >= 0) {
            pathCol = std::size_t(p);
            labelCol = std::size_t(l);
            first = 1;
        }
    }

    CsvImportSummary summary;
    addTotal(progress, rows.size() - first);
    std::vector<std::string> classes;
    for (std::size_t r = first; r < rows.size(); ++r) {
        if (isCancelled(progress)) {
            summary.cancelled = true;
            break;
        }
        stepProgress(progress);
        const auto &row = rows[r];
        const std::string where = "row " + std::to_string(r + 1) + ": ";
        if (row.size() <= std::max(pathCol, labelCol)) {
            if (!(row.size() == 1 && trim(row[0]).empty()))
                summary.problems.push_back(where + "expected a path and a label");
            continue;
        }
        const std::string rel = trim(row[pathCol]);
        const std::string label = sanitizeFileName(trim(row[labelCol]));
        if (rel.empty() || trim(row[labelCol]).empty()) {
            summary.problems.push_back(where + "empty path or label");
            continue;
        }
        if (!fs::path(rel).is_absolute()) {
            const std::string normal = fs::path(rel).lexically_normal().generic_string();
            if (normal == ".." || normal.starts_with("../")) {
                summary.problems.push_back(where + rel + " leaves " + sourceRoot.string()
                                           + "; a relative path must stay inside the CSV's root folder (not imported)");
                continue;
            }
        }
        fs::path src = fs::path(rel).is_absolute() ? fs::path(rel) : sourceRoot / rel;
        std::error_code ec;
        if (!fs::is_regular_file(src, ec)) {
            summary.problems.push_back(where + src.string() + " does not exist");
            continue;
        }
        // Only images enter the dataset: every file is verified (a full decode) before it is copied.
        VerifyResult verdict;
        try {
            verdict = verifyImageFile(src);
        } catch (...) {
            verdict.reason = "cannot check it";
        }
        if (!verdict.ok()) {
            summary.problems.push_back(where + src.string() + " is not a usable image (" + verifyStatusName(verdict.status)
                                       + (verdict.reason.empty() ? std::string() : ": " + verdict.reason) + "); not imported");
            continue;
        }
        // Under a name the dataset index picks up, whatever the file was called.
        std::string name = src.filename().string();
        if (!hasImageExtension(name))
            name += std::string(".") + (verdict.format == ImageFormat::Jpeg ? "jpg" : imageFormatName(verdict.format));
        auto copied = copyNoClobber(src, outRoot / label / name);
        if (!copied) {
            summary.problems.push_back(where + copied.message());
            continue;
        }
        ++summary.copied;
        if (std::find(classes.begin(), classes.end(), label) == classes.end())
            classes.push_back(label);
    }
    if (summary.copied == 0 && !summary.cancelled)
        return Error{"No image of " + csvPath.string() + " could be imported"
                     + (summary.problems.empty() ? std::string(".") : " (first problem: " + summary.problems.front() + ")")
                     + " Paths are read relative to " + sourceRoot.string() + "."};
    std::sort(classes.begin(), classes.end());
    summary.classes = std::move(classes);
    return summary;
}

Result<void> exportCsv(const DatasetIndex &index, const fs::path &outPath)
{
    std::string out = "path,label,split\n";
    out.reserve(index.size() * 48);
    for (const auto &s : index.samples()) {
        out += csvField(s.relPath);
        out += ',';
        out += csvField(index.classes()[std::size_t(s.label)]);
        out += ',';
        out += splitName(s.split);
        out += '\n';
    }
    return writeFileAtomic(outPath, out);
}

} // namespace kiln
