#include "models/weights.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>
#include <mutex>

namespace fs = std::filesystem;

namespace kiln {

namespace {

std::mutex g_baseMutex;
std::string g_defaultBase;

std::string joinUrl(const std::string &base, const std::string &file)
{
    if (base.empty() || base.back() == '/')
        return base + file;
    return base + "/" + file;
}

bool isAbsoluteUrl(const std::string &u)
{
    return u.find("://") != std::string::npos;
}

} // namespace

std::string hashPrefixFromFileName(const std::string &fileName)
{
    // torch.hub: HASH_REGEX = re.compile(r'-([a-f0-9]*)\.'), searched in the file name.
    for (std::size_t dash = fileName.find('-'); dash != std::string::npos; dash = fileName.find('-', dash + 1)) {
        std::size_t end = dash + 1;
        while (end < fileName.size() && ((fileName[end] >= '0' && fileName[end] <= '9') || (fileName[end] >= 'a' && fileName[end] <= 'f')))
            ++end;
        if (end < fileName.size() && fileName[end] == '.')
            return fileName.substr(dash + 1, end - dash - 1);
    }
    return {};
}

WeightsCatalog WeightsCatalog::builtIn(const std::string &baseUrl)
{
    // torchvision 0.14's IMAGENET1K_V1 files (../shared/reference/pretrained-weights.md).
    struct Row { const char *arch, *file; int resize; double top1, params; };
    static const Row rows[] = {
        {"resnet18", "resnet18-f37072fd.pth", 256, 69.758, 11.69},
        {"resnet34", "resnet34-b627a593.pth", 256, 73.314, 21.80},
        {"resnet50", "resnet50-0676ba61.pth", 256, 76.130, 25.56},
        {"mobilenet_v3_small", "mobilenet_v3_small-047dcff4.pth", 256, 67.668, 2.54},
        {"mobilenet_v3_large", "mobilenet_v3_large-8738ca79.pth", 256, 74.042, 5.48},
        {"efficientnet_b0", "efficientnet_b0_rwightman-3dd342df.pth", 256, 77.692, 5.29},
        {"convnext_tiny", "convnext_tiny-983f1562.pth", 236, 82.520, 28.59},
    };
    WeightsCatalog c;
    for (const Row &r : rows) {
        WeightsEntry e;
        e.architecture = r.arch;
        e.file = r.file;
        e.url = joinUrl(baseUrl, r.file);
        e.sha256Prefix = hashPrefixFromFileName(r.file);
        e.resize = r.resize;
        e.top1 = r.top1;
        e.millionParams = r.params;
        c.m_entries.push_back(e);
    }
    return c;
}

Result<WeightsCatalog> WeightsCatalog::fromFile(const fs::path &file, const std::string &baseUrl)
{
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::ReadOnly))
        return Error{"Cannot read the weights catalogue " + file.string() + ": " + f.errorString().toStdString()};
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(16 << 20), &perr);
    if (!doc.isArray())
        return Error{"The weights catalogue " + file.string() + " is not a JSON array of entries"
                     + (perr.error != QJsonParseError::NoError ? " (" + perr.errorString().toStdString() + ")" : std::string())};
    // Entries named like a built-in one take its facts (transform, accuracy) unless they say otherwise.
    const WeightsCatalog defaults = builtIn(baseUrl);
    WeightsCatalog c;
    int n = 0;
    for (const QJsonValue &v : doc.array()) {
        ++n;
        const QJsonObject o = v.toObject();
        const std::string where = file.string() + ", entry " + std::to_string(n);
        if (!o.value("architecture").isString() || !o.value("file").isString() || !o.value("url").isString())
            return Error{where + ": an entry needs \"architecture\", \"file\" and \"url\" (text)."};
        WeightsEntry e;
        e.architecture = o.value("architecture").toString().toStdString();
        if (const WeightsEntry *known = defaults.find(e.architecture))
            e = *known;
        e.file = o.value("file").toString().toStdString();
        if (e.file.empty() || e.file.find('/') != std::string::npos || e.file.front() == '.')
            return Error{where + ": \"file\" must be a plain file name, not '" + e.file + "'."};
        const std::string url = o.value("url").toString().toStdString();
        e.url = isAbsoluteUrl(url) ? url : joinUrl(baseUrl, url);
        e.sha256Prefix = o.value("sha256_prefix").toString(QString::fromStdString(hashPrefixFromFileName(e.file))).toLower().toStdString();
        e.resize = o.value("resize").toInt(e.resize);
        e.crop = o.value("crop").toInt(e.crop);
        e.top1 = o.value("top1").toDouble(e.top1);
        e.millionParams = o.value("million_params").toDouble(e.millionParams);
        c.m_entries.push_back(e);
    }
    return c;
}

void setDefaultWeightsBaseUrl(const std::string &baseUrl)
{
    std::lock_guard lock(g_baseMutex);
    g_defaultBase = baseUrl;
}

Result<WeightsCatalog> WeightsCatalog::current()
{
    std::string base = kTorchvisionWeightsBase;
    {
        std::lock_guard lock(g_baseMutex);
        if (!g_defaultBase.empty())
            base = g_defaultBase;
    }
    if (const char *env = std::getenv("KILN_WEIGHTS_URL"); env && *env)
        base = env;
    if (const char *file = std::getenv("KILN_WEIGHTS_CATALOG"); file && *file)
        return fromFile(file, base);
    return builtIn(base);
}

const WeightsEntry *WeightsCatalog::find(const std::string &architecture) const
{
    for (const auto &e : m_entries)
        if (e.architecture == architecture)
            return &e;
    return nullptr;
}

fs::path weightsCacheDir()
{
    if (const char *home = std::getenv("TORCH_HOME"); home && *home)
        return fs::path(home) / "hub" / "checkpoints";
    if (const char *xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return fs::path(xdg) / "torch" / "hub" / "checkpoints";
    const char *home = std::getenv("HOME");
    return fs::path(home && *home ? home : "/tmp") / ".cache" / "torch" / "hub" / "checkpoints";
}

CachedWeights cachedWeights(const WeightsEntry &entry, const fs::path &cacheDir)
{
    CachedWeights c;
    c.path = cacheDir / entry.file;
    std::error_code ec;
    c.present = fs::is_regular_file(c.path, ec);
    if (c.present)
        c.bytes = fs::file_size(c.path, ec);
    return c;
}

Result<std::string> sha256OfFile(const fs::path &file, Progress *progress)
{
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::ReadOnly))
        return Error{"Cannot read " + file.string() + ": " + f.errorString().toStdString()};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk;
    while (!(chunk = f.read(4 << 20)).isEmpty()) {
        hash.addData(chunk);
        stepProgress(progress, std::size_t(chunk.size()));
        if (isCancelled(progress))
            return Error{"Cancelled."};
    }
    if (f.error() != QFileDevice::NoError)
        return Error{"Cannot read " + file.string() + ": " + f.errorString().toStdString()};
    return hash.result().toHex().toStdString();
}

Result<VerifiedWeights> verifiedWeights(const WeightsEntry &entry, const fs::path &cacheDir)
{
    const CachedWeights cached = cachedWeights(entry, cacheDir);
    if (!cached.present)
        return Error{"The ImageNet weights of " + entry.architecture + " (" + entry.file + ") are not downloaded yet: run 'kiln-cli weights download "
                     + entry.architecture + "', or put the file from " + entry.url + " into " + cacheDir.string() + "."};
    auto sha = sha256OfFile(cached.path);
    if (!sha)
        return sha.error();
    if (!entry.sha256Prefix.empty() && sha->compare(0, entry.sha256Prefix.size(), entry.sha256Prefix) != 0)
        return Error{cached.path.string() + " is not the file " + entry.file + " should be (its SHA-256 starts with " + sha->substr(0, 8)
                     + ", not " + entry.sha256Prefix + "): it is damaged or another file. Delete it and download it again from "
                     + entry.url + "."};
    return VerifiedWeights{cached.path, sha.value()};
}

Result<VerifiedWeights> ensureWeights(const WeightsEntry &entry, const fs::path &cacheDir, Progress *progress)
{
    if (cachedWeights(entry, cacheDir).present)
        return verifiedWeights(entry, cacheDir);
    return downloadWeights(entry, cacheDir, progress);
}

Result<WeightsEntry> imagenetWeightsFor(const std::string &architecture)
{
    auto catalog = WeightsCatalog::current();
    if (!catalog)
        return catalog.error();
    if (const WeightsEntry *e = catalog->find(architecture))
        return *e;
    return Error{"No ImageNet weights are known for " + architecture + "; train it from scratch (--pretrained none) or give a file."};
}

} // namespace kiln
