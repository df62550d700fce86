#include "data/folderimport.h"

#include "core/fileutil.h"
#include "data/datasetindex.h"

namespace fs = std::filesystem;

namespace kiln {

Result<FolderImportSummary> importFolder(const fs::path &source, const fs::path &outRoot, Progress *progress)
{
    auto index = DatasetIndex::scan(source);
    if (!index)
        return index.error();
    if (index->size() == 0)
        return Error{"No images found in " + source.string()
                     + ". Kiln expects one sub-folder per class with the images inside (source/<class>/<image>)."};
    std::error_code ec;
    if (fs::equivalent(source, outRoot, ec))
        return Error{"The source folder is the project's own images folder."};
    FolderImportSummary summary;
    summary.classes = index->classes();
    summary.warnings = index->warnings();
    addTotal(progress, index->size());
    for (std::size_t i = 0; i < index->size(); ++i) {
        if (isCancelled(progress)) {
            summary.cancelled = true;
            break;
        }
        const auto &rel = index->samples()[i].relPath;
        auto copied = copyNoClobber(index->absolutePath(i), outRoot / rel);
        if (copied)
            ++summary.copied;
        else
            summary.problems.push_back(copied.message());
        stepProgress(progress);
    }
    return summary;
}

} // namespace kiln
