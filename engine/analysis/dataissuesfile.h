#pragma once
// The files a data-issue search keeps beside its run (runs/<id>/data-issues/): the out-of-sample
// probabilities, the candidate duplicate pairs and the outlier scores of a whole search, and the
// held-out probabilities of each finished thorough-mode fold. Plain text, each led by the key it
// was made for; a file with another key, or damaged, loads as an Error and the caller recomputes.
// Any thread.

#include "analysis/dataissues.h"

#include <filesystem>
#include <string>
#include <vector>

namespace kiln {

struct SavedDataIssues {
    ProbabilityMatrix outOfSample;
    std::vector<DuplicatePair> pairs;
    std::vector<float> outlierScores;
};

Result<void> saveDataIssues(const std::filesystem::path &file, const std::string &key, const DataIssues &issues);
Result<SavedDataIssues> loadDataIssues(const std::filesystem::path &file, const std::string &key, std::size_t rows, int classes);

Result<void> saveFoldProbabilities(const std::filesystem::path &file, const std::string &key, const std::vector<float> &probs,
                                   int classes);
Result<std::vector<float>> loadFoldProbabilities(const std::filesystem::path &file, const std::string &key, std::size_t rows,
                                                 int classes);

// The first line of a small text file (a key), without its newline.
Result<std::string> readKeyLine(const std::filesystem::path &file);

} // namespace kiln
