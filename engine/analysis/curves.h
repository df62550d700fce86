#pragma once
// One-vs-rest curves of a classifier's scores for one class: precision-recall with average
// precision, and ROC with its area, as scikit-learn defines them (precision_recall_curve,
// average_precision_score, roc_curve, roc_auc_score), so a figure Kiln shows is the one a user
// computes in a notebook. Pure functions on plain data; any thread.

#include <cstddef>
#include <vector>

namespace kiln {

struct CurvePoint {
    double threshold = 0; // scores at or above it count as the class
    double x = 0;         // recall (PR) or false-positive rate (ROC)
    double y = 0;         // precision (PR) or true-positive rate (ROC)
};

struct ClassCurves {
    std::vector<CurvePoint> pr;  // by falling threshold; recall rises
    std::vector<CurvePoint> roc; // from (0, 0) at +infinity to (1, 1)
    double averagePrecision = 0; // sum over thresholds of (R_n - R_n-1) P_n; NaN with no positive
    double auc = 0;              // trapezoids under the ROC; NaN without both kinds
    std::size_t positives = 0, negatives = 0;
};

// `scores[i]` the score of item i for the class, `positive[i]` whether it is of the class.
ClassCurves oneVsRestCurves(const std::vector<float> &scores, const std::vector<char> &positive);

// Class `cls` of a softmax matrix (rows x classes, row-major) with labels (-1: unknown, skipped).
ClassCurves classCurves(const std::vector<float> &probs, std::size_t classes, const std::vector<int> &labels, int cls);

} // namespace kiln
