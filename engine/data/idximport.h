#pragma once
// IDX files (the MNIST family: MNIST, Fashion-MNIST, KMNIST, EMNIST; gzip-compressed or plain)
// read into memory, and imported as PNG files into an image-folder dataset. Callable from any
// thread; progress and cancellation through kiln::Progress.

#include "core/progress.h"
#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

struct IdxArray {
    std::vector<std::uint32_t> dims; // e.g. {60000, 28, 28} for images, {60000} for labels
    std::vector<std::uint8_t> data;  // unsigned bytes, row-major
};

// Reads an IDX file of unsigned bytes (type 0x08). Gzip is detected by content, not by name.
Result<IdxArray> readIdx(const std::filesystem::path &path);

// Fashion-MNIST's ten class names (index = label), and MNIST's ten digits.
const std::vector<std::string> &fashionMnistClasses();
const std::vector<std::string> &digitClasses();

// "fashion" in the path picks fashionMnistClasses(), otherwise digits.
std::vector<std::string> guessIdxClassNames(const std::filesystem::path &imagesPath);
// "train" (for train-*) or "test" (for t10k-* and test-*) from the file name, else empty.
std::string guessIdxSubset(const std::filesystem::path &imagesPath);

struct IdxImportOptions {
    std::vector<std::string> classNames; // empty: guessIdxClassNames()
    std::string filePrefix;              // file names are <prefix><index>.png; empty: subset + "_"
};

struct IdxImportSummary {
    std::size_t written = 0;
    std::size_t alreadyPresent = 0; // files of the same name were there: kept, not overwritten
    std::vector<std::string> classes;
    std::vector<std::size_t> perClass;
    bool cancelled = false;
};

// Writes every image of `imagesPath` as outRoot/<class>/<prefix><index>.png, in parallel.
// Existing files are never overwritten, so an interrupted import can simply be run again.
Result<IdxImportSummary> importIdx(const std::filesystem::path &imagesPath,
                                   const std::filesystem::path &labelsPath,
                                   const std::filesystem::path &outRoot,
                                   const IdxImportOptions &options = {}, Progress *progress = nullptr);

} // namespace kiln
