#pragma once
// The two CSV files of a run folder: metrics.csv (one row per finished epoch: fastai's table) and
// batches.csv (one row per training batch, so curves can be drawn again). The learner writes them;
// the Run type (run.h) is how everything else reads them. A damaged file is an Error that names the
// file and the line, never an exception. Torch-free and Qt-free; any thread.

#include "core/result.h"
#include "train/trainconfig.h"

#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

// metrics.csv, written atomically.
Result<void> writeMetrics(const std::filesystem::path &file, const std::vector<EpochMetrics> &rows);
// Every row; a missing file is no rows.
Result<std::vector<EpochMetrics>> readMetrics(const std::filesystem::path &file);

// batches.csv: the rows of one epoch are appended when it ends; a resumed run first keeps only the
// rows of its first `keepEpochs` epochs, whole rows only (a torn or damaged line is dropped). The
// append is one write with the torn-line guard, synced (appendLine).
Result<void> appendBatchLog(const std::filesystem::path &file, const std::string &rows);
void trimBatchLog(const std::filesystem::path &file, int keepEpochs);
// Every row, with `batches` (per epoch) filled in; a missing file is no rows, and a last row cut
// short by a kill during an append is left out.
Result<std::vector<BatchTelemetry>> readBatches(const std::filesystem::path &file);

} // namespace kiln
