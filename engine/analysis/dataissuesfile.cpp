#include "analysis/dataissuesfile.h"

#include "core/fileutil.h"
#include "data/csvio.h"

#include <charconv>
#include <filesystem>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace fs = std::filesystem;

namespace kiln {

namespace {

constexpr const char *kMagic = "kiln-data-issues 2";
constexpr std::uint64_t kMaxFile = 2ull << 30;

void appendFloat(std::string &out, float v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// A cursor over the file's text; every read fails cleanly at the end or on a malformed token.
class Reader {
public:
    explicit Reader(std::string text) : m_text(std::move(text)) {}
    bool line(std::string &out)
    {
        if (m_pos >= m_text.size())
            return false;
        const std::size_t end = m_text.find('\n', m_pos);
        out = m_text.substr(m_pos, end == std::string::npos ? std::string::npos : end - m_pos);
        m_pos = end == std::string::npos ? m_text.size() : end + 1;
        return true;
    }
    bool word(std::string_view expected)
    {
        skipSpace();
        if (m_text.compare(m_pos, expected.size(), expected) != 0)
            return false;
        m_pos += expected.size();
        return true;
    }
    template <class T>
    bool number(T &out)
    {
        skipSpace();
        const char *begin = m_text.data() + m_pos, *end = m_text.data() + m_text.size();
        const auto r = std::from_chars(begin, end, out);
        if (r.ec != std::errc())
            return false;
        m_pos += std::size_t(r.ptr - begin);
        return true;
    }

private:
    void skipSpace()
    {
        while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\n'))
            ++m_pos;
    }
    std::string m_text;
    std::size_t m_pos = 0;
};

Result<Reader> open(const fs::path &file, const std::string &key)
{
    auto bytes = readFileBytes(file, kMaxFile);
    if (!bytes)
        return bytes.error();
    Reader r(std::string(bytes->begin(), bytes->end()));
    std::string magic, keyLine;
    if (!r.line(magic) || magic != kMagic || !r.line(keyLine))
        return Error{file.string() + " is not a saved data-issue search."};
    if (keyLine != "key " + key)
        return Error{file.string() + " was made for other data or another model."};
    return r;
}

Error damaged(const fs::path &file) { return Error{"Damaged data-issue file " + file.string() + "."}; }

bool readMatrix(Reader &r, std::size_t rows, int classes, std::vector<float> &values)
{
    std::size_t fileRows = 0;
    int fileClasses = 0;
    if (!r.word("probs") || !r.number(fileRows) || !r.number(fileClasses) || fileRows != rows || fileClasses != classes)
        return false;
    values.resize(rows * std::size_t(classes));
    for (float &v : values)
        if (!r.number(v) || !std::isfinite(v) || v < 0 || v > 1)
            return false;
    return true;
}

void writeMatrix(std::string &out, const std::vector<float> &values, std::size_t rows, int classes)
{
    out += "probs " + std::to_string(rows) + " " + std::to_string(classes) + "\n";
    for (std::size_t i = 0; i < rows; ++i) {
        for (int c = 0; c < classes; ++c) {
            if (c)
                out += ' ';
            appendFloat(out, values[i * std::size_t(classes) + std::size_t(c)]);
        }
        out += '\n';
    }
}

} // namespace

Result<void> saveDataIssues(const fs::path &file, const std::string &key, const DataIssues &issues)
{
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    std::string out = std::string(kMagic) + "\nkey " + key + "\n";
    writeMatrix(out, issues.outOfSample.values, issues.outOfSample.rows, issues.outOfSample.classes);
    out += "pairs " + std::to_string(issues.pairs.size()) + "\n";
    for (const auto &p : issues.pairs) {
        out += std::to_string(p.a) + " " + std::to_string(p.b) + " " + (p.sameBytes ? "1 " : "0 ") + (p.samePicture ? "1 " : "0 ");
        appendFloat(out, p.similarity);
        out += '\n';
    }
    out += "outliers " + std::to_string(issues.outlierScores.size()) + "\n";
    for (float s : issues.outlierScores) {
        appendFloat(out, s);
        out += '\n';
    }
    return writeFileAtomic(file, out);
}

Result<SavedDataIssues> loadDataIssues(const fs::path &file, const std::string &key, std::size_t rows, int classes)
{
    auto r = open(file, key);
    if (!r)
        return r.error();
    SavedDataIssues out;
    out.outOfSample.rows = rows;
    out.outOfSample.classes = classes;
    if (!readMatrix(*r, rows, classes, out.outOfSample.values))
        return damaged(file);
    std::size_t pairs = 0;
    if (!r->word("pairs") || !r->number(pairs) || pairs > rows * 64)
        return damaged(file);
    out.pairs.resize(pairs);
    for (auto &p : out.pairs) {
        int bytes = 0, hash = 0;
        if (!r->number(p.a) || !r->number(p.b) || !r->number(bytes) || !r->number(hash) || !r->number(p.similarity)
            || p.a >= p.b || p.b >= rows)
            return damaged(file);
        p.sameBytes = bytes != 0;
        p.samePicture = hash != 0;
    }
    std::size_t scores = 0;
    if (!r->word("outliers") || !r->number(scores) || scores != rows)
        return damaged(file);
    out.outlierScores.resize(rows);
    for (float &s : out.outlierScores)
        if (!r->number(s) || !std::isfinite(s))
            return damaged(file);
    return out;
}

Result<void> saveFoldProbabilities(const fs::path &file, const std::string &key, const std::vector<float> &probs, int classes)
{
    std::string out = std::string(kMagic) + "\nkey " + key + "\n";
    writeMatrix(out, probs, probs.size() / std::size_t(classes), classes);
    return writeFileAtomic(file, out);
}

Result<std::vector<float>> loadFoldProbabilities(const fs::path &file, const std::string &key, std::size_t rows, int classes)
{
    auto r = open(file, key);
    if (!r)
        return r.error();
    std::vector<float> values;
    if (!readMatrix(*r, rows, classes, values))
        return damaged(file);
    return values;
}

Result<std::string> readKeyLine(const fs::path &file)
{
    auto bytes = readFileBytes(file, 1 << 16);
    if (!bytes)
        return bytes.error();
    std::string text(bytes->begin(), bytes->end());
    return text.substr(0, text.find('\n'));
}

std::string dataIssuesCsv(const DataIssues &issues, float similarity)
{
    struct Row {
        std::string action, toClass, kinds, suggested;
        double score = NAN;
    };
    const Predictions &p = issues.predictions.predictions;
    std::vector<Row> rows(p.size());
    std::vector<char> listed(p.size(), 0);
    auto className = [&](int c) { return c >= 0 && std::size_t(c) < p.classes.size() ? p.classes[std::size_t(c)] : std::string(); };
    auto addKind = [&](std::size_t i, const std::string &kind) {
        rows[i].kinds += rows[i].kinds.empty() ? kind : ";" + kind;
        listed[i] = 1;
    };
    for (const auto &issue : issues.labelIssues.issues) {
        Row &r = rows[issue.index];
        r.action = "relabel";
        r.toClass = className(issue.suggested);
        r.suggested = r.toClass;
        r.score = issue.score;
        addKind(issue.index, "label");
    }
    for (const auto &g : issues.duplicateGroups(similarity)) {
        // The copy a person would keep: the shortest name ("bar.png" over "copy of bar (1).png"),
        // then the first in path order; the others are removed unless the labels disagree.
        std::size_t keeper = g.members.front();
        for (std::size_t m : g.members) {
            const std::string a = issues.relativePath(m), b = issues.relativePath(keeper);
            const std::string na = std::filesystem::path(a).filename().string(), nb = std::filesystem::path(b).filename().string();
            if (na.size() < nb.size() || (na.size() == nb.size() && a < b))
                keeper = m;
        }
        for (std::size_t m = 0; m < g.members.size(); ++m) {
            Row &r = rows[g.members[m]];
            // Only copies of the file are removed; the same picture re-encoded and look-alikes are
            // for a person to judge (kept in the file, listed as duplicates).
            if (g.members[m] != keeper && !g.mixedLabels && g.reason == "same file") {
                r.action = "remove";
                r.toClass.clear();
            }
            addKind(g.members[m], g.mixedLabels ? "duplicate-mixed-labels" : "duplicate");
        }
    }
    for (std::size_t i : issues.outliers())
        addKind(i, "outlier");
    std::string csv = "file,action,class,issue,given,suggested,score\n";
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (!listed[i])
            continue;
        const Row &r = rows[i];
        char score[32] = "";
        if (!std::isnan(r.score))
            std::snprintf(score, sizeof score, "%.6f", r.score);
        csv += csvField(issues.relativePath(i)) + "," + (r.action.empty() ? "keep" : r.action) + "," + csvField(r.toClass) + ","
               + r.kinds + "," + csvField(className(p.labels[i])) + "," + csvField(r.suggested) + "," + score + "\n";
    }
    return csv;
}

} // namespace kiln
