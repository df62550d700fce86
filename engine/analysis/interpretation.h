#pragma once
// What a classifier gets wrong, from its labels and predictions: the confusion matrix, fastai's
// most_confused, per-class precision / recall / F1 / support, accuracy, and the top losses.
// Plain functions over plain data (no Qt, no LibTorch); callable from any thread.

#include <cstddef>
#include <string>
#include <vector>

namespace kiln {

struct ClassMetrics {
    double precision = 0; // of the images predicted as this class, the share that are (0 when none)
    double recall = 0;    // of the images of this class, the share found (0 when none)
    double f1 = 0;
    std::size_t support = 0; // images of this class
};

struct ConfusedPair {
    int actual = 0;
    int predicted = 0;
    std::size_t count = 0;
};

class Interpretation {
public:
    // Entries with a label or prediction outside 0..classes-1 are ignored.
    Interpretation(std::vector<std::string> classes, const std::vector<int> &labels, const std::vector<int> &predicted);

    const std::vector<std::string> &classes() const { return m_classes; }
    int classCount() const { return int(m_classes.size()); }
    std::size_t count(int actual, int predicted) const { return m_matrix[std::size_t(actual) * m_classes.size() + std::size_t(predicted)]; }
    std::size_t rowTotal(int actual) const { return m_perClass[std::size_t(actual)].support; }
    // count / rowTotal (0 for an empty row): sklearn's normalize='true'.
    double rowFraction(int actual, int predicted) const;
    std::size_t total() const { return m_total; }
    std::size_t correct() const { return m_correct; }
    double accuracy() const { return m_total ? double(m_correct) / double(m_total) : 0; }
    const std::vector<ClassMetrics> &perClass() const { return m_perClass; }
    double macroF1() const;

    // fastai's most_confused(min_val): off-diagonal cells with at least minCount images, the
    // largest first (ties by class order).
    std::vector<ConfusedPair> mostConfused(std::size_t minCount = 1) const;

private:
    std::vector<std::string> m_classes;
    std::vector<std::size_t> m_matrix; // row = actual, column = predicted
    std::vector<ClassMetrics> m_perClass;
    std::size_t m_total = 0;
    std::size_t m_correct = 0;
};

// Indices of the k largest losses, largest first (NaN losses are skipped; ties keep input order).
// k larger than the count returns them all.
std::vector<std::size_t> topLosses(const std::vector<float> &losses, std::size_t k);

} // namespace kiln
