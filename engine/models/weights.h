#pragma once
// Pretrained weights (DESIGN.md, "Pretrained weights"): one catalogue of torchvision's ImageNet
// files (architecture -> file name, URL, SHA-256 prefix, input transform) and one cache, torch.hub's
// own ($TORCH_HOME/hub/checkpoints, default ~/.cache/torch/hub/checkpoints), so a file PyTorch
// downloaded is used as is and PyTorch uses Kiln's. A file is only ever used after its SHA-256
// matches the prefix in its name (torch.hub's convention); downloads go to FILE.part and are
// renamed when whole and checked. Shared by the GUI, kiln-cli and the tests. Torch-free.
//
// The catalogue is built in, and replaceable: KILN_WEIGHTS_CATALOG (or kiln-cli's
// --weights-catalog) names a JSON array of objects with at least "architecture", "file" and "url"
// ("sha256_prefix" defaults to torch.hub's rule on the file name); KILN_WEIGHTS_URL (or
// --weights-url, or the studio's Preferences) replaces the base URL of the built-in files, for
// mirrors and tests.

#include "core/progress.h"
#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

struct WeightsEntry {
    std::string architecture; // Kiln's name: "resnet18"
    std::string file;         // torchvision's: "resnet18-f37072fd.pth"
    std::string url;
    std::string sha256Prefix; // lower-case hex
    int resize = 256;         // torchvision's eval transform: resize, then centre crop
    int crop = 224;
    double top1 = 0;          // ImageNet accuracy, %
    double millionParams = 0;

    // About what the download weighs: 4 bytes a parameter.
    std::uint64_t approxBytes() const { return std::uint64_t(millionParams * 4e6); }
};

// torchvision's download folder, and the base every built-in file's URL starts from.
inline constexpr const char *kTorchvisionWeightsBase = "https://download.pytorch.org/models/";

// torch.hub's rule: the hex after the first '-' of the file name, up to the extension.
std::string hashPrefixFromFileName(const std::string &fileName);

class WeightsCatalog {
public:
    // The built-in catalogue with files under `baseUrl`.
    static WeightsCatalog builtIn(const std::string &baseUrl = kTorchvisionWeightsBase);
    // A catalogue file (see above); relative URLs are taken from `baseUrl`.
    static Result<WeightsCatalog> fromFile(const std::filesystem::path &file, const std::string &baseUrl = kTorchvisionWeightsBase);
    // The catalogue in force: KILN_WEIGHTS_CATALOG's file, else the built-in one, with
    // KILN_WEIGHTS_URL (else the default set by setDefaultWeightsBaseUrl, else torchvision's) as base.
    static Result<WeightsCatalog> current();

    const std::vector<WeightsEntry> &entries() const { return m_entries; }
    const WeightsEntry *find(const std::string &architecture) const;

private:
    std::vector<WeightsEntry> m_entries;
};

// The base URL current() uses when KILN_WEIGHTS_URL is not set (the studio's Preferences); empty
// restores torchvision's. Any thread.
void setDefaultWeightsBaseUrl(const std::string &baseUrl);

// $TORCH_HOME/hub/checkpoints; TORCH_HOME defaults to $XDG_CACHE_HOME/torch, then ~/.cache/torch.
std::filesystem::path weightsCacheDir();

// What the cache holds for an entry.
struct CachedWeights {
    std::filesystem::path path; // where the file is, or would be
    bool present = false;
    std::uint64_t bytes = 0;
};
CachedWeights cachedWeights(const WeightsEntry &entry, const std::filesystem::path &cacheDir = weightsCacheDir());

// The file's SHA-256 (lower-case hex), or an Error when it cannot be read.
Result<std::string> sha256OfFile(const std::filesystem::path &file, Progress *progress = nullptr);

// The cached file of an entry, checked against its hash prefix: an Error that says what to do when
// it is missing or does not match (a damaged file is never trained on).
struct VerifiedWeights {
    std::filesystem::path path;
    std::string sha256;
};
Result<VerifiedWeights> verifiedWeights(const WeightsEntry &entry, const std::filesystem::path &cacheDir = weightsCacheDir());

// Downloads an entry into the cache: to FILE.part, checked, then renamed. Blocking: runs its own
// event loop, so call it from a thread that may block (a worker, or kiln-cli's main thread). Counts
// bytes in `progress` (total from Content-Length) and stops when it is cancelled. Gives up on a
// server that does not answer within `timeoutMs` or stalls that long mid-transfer. On any failure
// no .part file is left and the Error names the URL and the folder where the file can be put by hand.
Result<VerifiedWeights> downloadWeights(const WeightsEntry &entry, const std::filesystem::path &cacheDir = weightsCacheDir(),
                                        Progress *progress = nullptr, int timeoutMs = 30000);

// The verified cached file, downloading it first when it is missing.
Result<VerifiedWeights> ensureWeights(const WeightsEntry &entry, const std::filesystem::path &cacheDir = weightsCacheDir(),
                                      Progress *progress = nullptr);

// What `pretrained` = "imagenet" means for an architecture: its catalogue entry, or an Error that
// says no ImageNet weights are known for it.
Result<WeightsEntry> imagenetWeightsFor(const std::string &architecture);

} // namespace kiln
