#pragma once
// Confident learning (Northcutt, Jiang & Chuang, JAIR 2021; cleanlab's defaults): which labels of
// a dataset are likely wrong, from out-of-sample predicted probabilities. Per-class thresholds
// (the mean self-confidence of the images given that class), the confident joint of given and
// likely true labels, calibrated to the label counts, and pruning by noise rate: for each given
// class k and each other class j, the images labelled k with the largest margin p(j) - p(k), as
// many as the calibrated joint counts. An image whose prediction is its given label is never
// flagged. Plus the stratified folds that give the out-of-sample probabilities.
// Plain functions over plain data (no Qt, no LibTorch); any thread.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kiln {

// A row-major n x k matrix of class probabilities, one row per image.
struct ProbabilityMatrix {
    std::size_t rows = 0;
    int classes = 0;
    std::vector<float> values;
    float at(std::size_t i, int c) const { return values[i * std::size_t(classes) + std::size_t(c)]; }
};

// Per class: the mean probability of that class over the images labelled with it (0 for a class
// no image is labelled with).
std::vector<double> confidentThresholds(const ProbabilityMatrix &probs, const std::vector<int> &labels);

// The confident joint, k x k, row = given label, column = likely true label: an image counts
// under the class whose probability reaches that class's threshold (the most probable one when
// several do; not at all when none does). The diagonal is at least 1, as cleanlab keeps it, so
// every class keeps a correctly labelled image. Labels outside 0..k-1 are ignored.
std::vector<double> confidentJoint(const ProbabilityMatrix &probs, const std::vector<int> &labels,
                                   const std::vector<double> &thresholds);

// Each row scaled to the number of images given that label, then the whole to the number of
// images, then rounded to whole counts keeping each row's total (largest remainders first).
std::vector<double> calibrateConfidentJoint(const std::vector<double> &joint, int classes, const std::vector<int> &labels);

enum class LabelScore { SelfConfidence, NormalizedMargin };

// The score of an image's given label, lower is more likely wrong: p(given) (self-confidence), or
// p(given) - max other p (normalized margin, shifted to 0..1 as (margin + 1) / 2).
double labelQuality(const ProbabilityMatrix &probs, std::size_t i, int given, LabelScore score);

struct LabelIssue {
    std::size_t index = 0; // the image's row
    int given = 0;
    int suggested = 0;     // the most probable class
    double score = 0;      // labelQuality, lower first
};

struct LabelIssueReport {
    std::vector<LabelIssue> issues;          // flagged images, lowest score first
    std::vector<double> thresholds;          // per class
    std::vector<double> joint;               // calibrated confident joint, k x k, row = given
    std::vector<std::size_t> labelCounts;    // images per given class
    std::vector<std::size_t> estimatedErrors; // per given class: the calibrated joint off its diagonal
    std::size_t estimatedTotal() const;
};

// cleanlab's find_label_issues(filter_by="prune_by_noise_rate", min_examples_per_class=1,
// frac_noise=1). `labels`: -1 for an image to leave out.
LabelIssueReport findLabelIssues(const ProbabilityMatrix &probs, const std::vector<int> &labels,
                                 LabelScore score = LabelScore::SelfConfidence);

// Fold 0..k-1 per image, stratified (each class dealt round-robin over the folds after a seeded
// shuffle, so every fold holds each class's share) and deterministic for a seed. Images with label
// -1 get fold -1. k is clamped to at least 2.
std::vector<int> stratifiedFolds(const std::vector<int> &labels, int k, std::uint64_t seed);

} // namespace kiln
