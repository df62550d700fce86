#pragma once
// The index of an image-folder dataset: root/<class>/**/<image>, or root/{train,valid,test}/<class>/**
// when the root is split by folder. Holds a sorted class vocabulary and one Sample per image with
// its label and split. Building it touches only directory entries, never file contents.
// An index is an immutable value once built; share it between threads freely.

#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

enum class Split : std::uint8_t { Train, Valid, Test };
const char *splitName(Split split); // "train", "valid", "test"

struct Sample {
    std::string relPath; // relative to the dataset root, '/'-separated, UTF-8
    int label = -1;      // index into classes()
    Split split = Split::Train;
};

struct SplitOptions {
    double validPct = 0.2; // share of samples that go to the validation split (random splits)
    std::uint64_t seed = 42;
};

class DatasetIndex {
public:
    // Scans `root`. Hidden entries, `.kiln` and anything below a directory already visited (symlink
    // loops) are skipped. Fails with a clear message when the root is missing, not a folder or
    // unreadable; an empty dataset is not an error (see warnings()).
    static Result<DatasetIndex> scan(const std::filesystem::path &root, const SplitOptions &split = {});

    const std::filesystem::path &root() const { return m_root; }
    const std::vector<std::string> &classes() const { return m_classes; }
    const std::vector<Sample> &samples() const { return m_samples; }
    std::size_t size() const { return m_samples.size(); }
    std::filesystem::path absolutePath(std::size_t i) const { return m_root / m_samples[i].relPath; }

    // True when the split comes from train/valid/test folders, false when it was drawn at random.
    bool splitByFolder() const { return m_splitByFolder; }
    const SplitOptions &splitOptions() const { return m_splitOptions; }

    std::vector<std::size_t> classCounts() const;
    std::vector<std::size_t> classCounts(Split split) const;
    std::size_t countIn(Split split) const;
    int classIndex(const std::string &name) const; // -1 when unknown

    // Things a person should know that did not stop the scan: empty class folders, images outside
    // any class folder, unreadable sub-folders, symlink loops.
    const std::vector<std::string> &warnings() const { return m_warnings; }

    // Re-draws the random split (no effect on a folder split): exactly round(validPct * n) samples,
    // chosen by a seeded hash of each path below its class folder. Deterministic for a seed,
    // independent of file-system order, and stable under relabelling (an image moved to another
    // class folder keeps its split).
    void assignRandomSplit(const SplitOptions &options);

private:
    std::filesystem::path m_root;
    std::vector<std::string> m_classes;
    std::vector<Sample> m_samples;
    std::vector<std::string> m_warnings;
    SplitOptions m_splitOptions;
    bool m_splitByFolder = false;
};

// A deterministic permutation of 0..n-1 for a seed (splitmix64 + Fisher-Yates), identical on every
// platform and standard library.
std::vector<std::size_t> seededPermutation(std::size_t n, std::uint64_t seed);

} // namespace kiln
