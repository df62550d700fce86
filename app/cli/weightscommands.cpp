// kiln-cli weights list / download, and what train and lr-find do before training from ImageNet
// weights: the catalogue in force, the cache, and downloads with a progress line.
#include "cli/clicommon.h"

#include "core/progress.h"
#include "models/modelspec.h"
#include "models/weights.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cstdlib>

namespace fs = std::filesystem;

namespace kiln::cli {

void applyWeightsOptions(const Args &a)
{
    // The options are the environment variables for this process (weights.h reads them).
    if (a.has("--weights-url"))
        ::setenv("KILN_WEIGHTS_URL", a.get("--weights-url").c_str(), 1);
    if (a.has("--weights-catalog"))
        ::setenv("KILN_WEIGHTS_CATALOG", a.get("--weights-catalog").c_str(), 1);
}

Result<std::string> prepareWeights(const Io &io, const std::string &architecture, const std::string &pretrained)
{
    if (pretrained != "imagenet")
        return pretrained;
    auto entry = imagenetWeightsFor(architecture);
    if (!entry)
        return entry.error();
    if (cachedWeights(entry.value()).present)
        return pretrained; // checked when the run starts
    if (!io.json)
        std::fprintf(io.err, "downloading %s (about %.0f MB) into %s\n", entry->url.c_str(), double(entry->approxBytes()) / 1e6,
                     weightsCacheDir().string().c_str());
    Progress progress;
    Result<VerifiedWeights> got = Error{"not run"};
    if (auto ran = runWithProgress(io, "weights", progress, [&] { got = downloadWeights(entry.value(), weightsCacheDir(), &progress); }, true); !ran)
        return ran.error();
    if (!got)
        return got.error();
    return pretrained;
}

int weights(const Args &a, const Io &io)
{
    applyWeightsOptions(a);
    if (a.positional.empty() || (a.positional[0] != "list" && a.positional[0] != "download"))
        return io.usage("usage: kiln-cli weights list [--json] | kiln-cli weights download ARCH... [--weights-url URL] "
                        "[--weights-catalog FILE]");
    auto catalog = WeightsCatalog::current();
    if (!catalog)
        return io.fail(catalog.message());
    const fs::path cache = weightsCacheDir();
    if (a.positional[0] == "list") {
        if (a.positional.size() != 1)
            return io.usage("usage: kiln-cli weights list [--json]");
        QJsonArray rows;
        if (!io.json)
            std::fprintf(io.out, "%-20s %-40s %-7s %9s  %s\n", "architecture", "file", "params", "top-1 %", "cached");
        for (const WeightsEntry &e : catalog->entries()) {
            const CachedWeights c = cachedWeights(e, cache);
            if (io.json) {
                rows.append(QJsonObject{{"architecture", qs(e.architecture)}, {"file", qs(e.file)}, {"url", qs(e.url)},
                                        {"sha256_prefix", qs(e.sha256Prefix)}, {"million_params", e.millionParams},
                                        {"top1", e.top1}, {"cached", c.present}, {"bytes", double(c.present ? c.bytes : e.approxBytes())},
                                        {"path", qs(c.path.string())}});
            } else {
                char size[32];
                std::snprintf(size, sizeof size, "%.1f MB", double(c.present ? c.bytes : e.approxBytes()) / 1e6);
                std::fprintf(io.out, "%-20s %-40s %5.1f M %9.2f  %s\n", e.architecture.c_str(), e.file.c_str(), e.millionParams, e.top1,
                             c.present ? ("yes, " + std::string(size)).c_str() : ("no (about " + std::string(size) + ")").c_str());
            }
        }
        if (io.json)
            io.printJson(QJsonObject{{"cache", qs(cache.string())}, {"weights", rows}});
        else
            std::fprintf(io.out, "cache: %s (torch.hub's; TORCH_HOME moves it)\n", cache.string().c_str());
        return 0;
    }
    if (a.positional.size() < 2)
        return io.usage("usage: kiln-cli weights download ARCH... (see kiln-cli weights list)");
    QJsonArray done;
    for (std::size_t i = 1; i < a.positional.size(); ++i) {
        const WeightsEntry *e = catalog->find(a.positional[i]);
        if (!e)
            return io.fail("no ImageNet weights are known for '" + a.positional[i] + "'; kiln-cli weights list shows them");
        Progress progress;
        Result<VerifiedWeights> got = Error{"not run"};
        const bool present = cachedWeights(*e, cache).present;
        if (!io.json && !present)
            std::fprintf(io.err, "downloading %s\n", e->url.c_str());
        if (auto ran = runWithProgress(io, e->architecture, progress, [&] { got = ensureWeights(*e, cache, &progress); }, true); !ran)
            return io.fail(ran.message());
        if (!got)
            return io.fail(got.message());
        if (io.json)
            done.append(QJsonObject{{"architecture", qs(e->architecture)}, {"path", qs(got->path.string())},
                                    {"sha256", qs(got->sha256)}, {"downloaded", !present}});
        else
            std::fprintf(io.out, "%s: %s (%s, SHA-256 %s…)\n", e->architecture.c_str(), got->path.string().c_str(),
                         present ? "already there, checked" : "downloaded and checked", got->sha256.substr(0, 12).c_str());
    }
    if (io.json)
        io.printJson(QJsonObject{{"weights", done}});
    return 0;
}

} // namespace kiln::cli
