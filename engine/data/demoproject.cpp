#include "data/demoproject.h"

#include "data/datasetindex.h"
#include "data/idximport.h"

#include <QStandardPaths>
#include <QString>

#include <cstdlib>
#include <tuple>

namespace fs = std::filesystem;

namespace kiln {

std::optional<FashionMnistFiles> findFashionMnist()
{
    std::vector<fs::path> dirs;
    if (const char *env = std::getenv("KILN_FASHION_MNIST_DIR"); env && *env)
        dirs.emplace_back(env);
    dirs.emplace_back("/usr/share/datasets/fashion-mnist");
    for (const auto &d : dirs) {
        FashionMnistFiles f;
        auto pick = [&](const char *stem) -> fs::path {
            std::error_code ec;
            for (const char *ext : {".gz", ""}) {
                fs::path p = d / (std::string(stem) + ext);
                if (fs::is_regular_file(p, ec))
                    return p;
            }
            return {};
        };
        f.trainImages = pick("train-images-idx3-ubyte");
        f.trainLabels = pick("train-labels-idx1-ubyte");
        f.testImages = pick("t10k-images-idx3-ubyte");
        f.testLabels = pick("t10k-labels-idx1-ubyte");
        if (!f.trainImages.empty() && !f.trainLabels.empty() && !f.testImages.empty() && !f.testLabels.empty())
            return f;
    }
    return std::nullopt;
}

fs::path defaultDemoProjectDir()
{
    if (const char *env = std::getenv("KILN_DATA_DIR"); env && *env)
        return fs::path(env) / "demo" / "fashion-mnist";
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QString::fromLocal8Bit(qgetenv("HOME")) + "/.local/share";
    return fs::path(base.toStdString()) / "kiln" / "demo" / "fashion-mnist";
}

Result<Project> ensureDemoProject(const fs::path &dir, Progress *progress)
{
    if (Project::isProject(dir)) {
        auto p = Project::open(dir);
        if (!p)
            return p.error();
        if (p->properties.value("demo_complete").toBool())
            return p;
    }
    const auto files = findFashionMnist();
    if (!files)
        return Error{"The Fashion-MNIST files were not found in /usr/share/datasets/fashion-mnist. "
                     "Install the Debian package: sudo apt-get install dataset-fashion-mnist"};
    auto project = Project::isProject(dir) ? Project::open(dir) : Project::create(dir, "Fashion-MNIST demo");
    if (!project)
        return project.error();
    IdxImportOptions options;
    options.classNames = fashionMnistClasses();
    for (const auto &[images, labels, subset] : {std::tuple{files->trainImages, files->trainLabels, "train"},
                                                  std::tuple{files->testImages, files->testLabels, "test"}}) {
        options.filePrefix = std::string(subset) + "_";
        auto result = importIdx(images, labels, project->imagesDir() / subset, options, progress);
        if (!result)
            return result.error();
        if (result->cancelled)
            return Error{"The demo import was cancelled; it resumes where it stopped next time."};
    }
    auto index = DatasetIndex::scan(project->imagesDir());
    return Project::update(project->root(), [&](Project &p) {
        if (index)
            p.classes = index->classes();
        p.validPct = 0.0;
        p.properties.insert("source", "fashion-mnist");
        p.properties.insert("demo_complete", true);
    });
}

} // namespace kiln
