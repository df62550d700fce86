#pragma once
// Writes real image files and datasets for tests: valid images in every supported format and the
// broken kinds the issue lists (truncated, empty, HTML, decompression bomb header, ...).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiln::test {

// A fresh temporary folder, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    const std::filesystem::path &path() const { return m_path; }
    std::filesystem::path operator/(const std::string &rel) const { return m_path / rel; }

private:
    std::filesystem::path m_path;
};

std::vector<unsigned char> encodeImage(const std::string &ext, int width, int height, int channels = 3, int depth = 8,
                                       int seed = 0);
void writeBytes(const std::filesystem::path &path, const std::vector<unsigned char> &bytes);
void writeText(const std::filesystem::path &path, const std::string &text);
std::vector<unsigned char> readBytes(const std::filesystem::path &path);

// A valid image of the given format (by extension) and size.
void writeImage(const std::filesystem::path &path, int width = 32, int height = 24, int channels = 3, int depth = 8,
                int seed = 0);
// The first `keep` fraction of a valid image.
void writeTruncated(const std::filesystem::path &path, const std::string &ext, double keep = 0.5);
// A structurally valid PNG header claiming width x height pixels, with a tiny IDAT.
void writePngHeaderClaiming(const std::filesystem::path &path, std::uint32_t width, std::uint32_t height);
// A gray + alpha PNG (colour type 4), which OpenCV cannot write itself.
void writeGrayAlphaPng(const std::filesystem::path &path, int width, int height);
// The CMYK JPEG shipped in tests/data.
std::filesystem::path cmykJpeg();

// root/<class>/<class>_<i>.png for each class with `perClass` images.
void makeDataset(const std::filesystem::path &root, const std::vector<std::string> &classes, int perClass,
                 int side = 16);

// root/left/*.png and root/right/*.png, `perClass` gray side x side images each whose bright half
// (left or right) is the label: a dataset a small network learns in a few epochs.
void makeLearnableDataset(const std::filesystem::path &root, int perClass, int side = 16);
// Distinct, learnable pictures for data-issue tests: classes "horizontal" and "vertical" (a bright
// bar of that orientation at a random place) over random noise and circles, so no two images are
// alike; `perClass` `side`-pixel grey PNGs per class, the same for a seed.
void makeBarsDataset(const std::filesystem::path &root, int perClass, int side = 32, unsigned seed = 7);
// A near copy of an image (brightened by 12 grey levels, saved as JPEG quality 85) at `to`.
void writeNearCopy(const std::filesystem::path &from, const std::filesystem::path &to);

// A JPEG picture with structure (a gradient and a few discs), distinct per seed, so duplicate
// detectors see different pictures as different; `scale` resizes it, `quality` re-encodes it.
std::vector<unsigned char> structuredJpeg(int seed, int quality = 92, double scale = 1.0);

// Counts regular files below a folder (including hidden ones).
std::size_t countFiles(const std::filesystem::path &root);

// Debian's Python with python3-torch and python3-torchvision, test dependencies
// (packaging/install-deps.sh); build-notes.md says why not the `python3` on PATH.
inline constexpr const char *kPython = "/usr/bin/python3";
// Runs `kPython <dir>/script.py args...` with `script` as the script's text; returns its exit code
// and puts its stdout and stderr in `output`.
int runPython(const std::filesystem::path &dir, const std::string &script, const std::vector<std::string> &args,
              std::string &output);
// Whether kPython can run `import <modules>` ("torch, torchvision").
bool pythonHas(const std::string &modules);

// An IDX file of unsigned bytes with the given dimensions and data, optionally gzip-compressed.
void writeIdx(const std::filesystem::path &path, const std::vector<std::uint32_t> &dims,
              const std::vector<std::uint8_t> &data, bool gzip);

} // namespace kiln::test
