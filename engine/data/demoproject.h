#pragma once
// The built-in demo: Fashion-MNIST from Debian's dataset-fashion-mnist package, imported once into
// an image-folder project (images/train/<class>, images/test/<class>: 70,000 PNGs, split by folder)
// under the user's data directory, and reused afterwards.

#include "core/progress.h"
#include "core/result.h"
#include "data/project.h"

#include <filesystem>
#include <optional>

namespace kiln {

struct FashionMnistFiles {
    std::filesystem::path trainImages, trainLabels, testImages, testLabels;
};

// Looks in $KILN_FASHION_MNIST_DIR, then /usr/share/datasets/fashion-mnist.
std::optional<FashionMnistFiles> findFashionMnist();

// $KILN_DATA_DIR/demo/fashion-mnist, else <generic data location>/kiln/demo/fashion-mnist
// (~/.local/share/kiln/demo/fashion-mnist).
std::filesystem::path defaultDemoProjectDir();

// Opens the demo project at `dir`, importing it first when it is missing or was interrupted.
Result<Project> ensureDemoProject(const std::filesystem::path &dir, Progress *progress = nullptr);

} // namespace kiln
