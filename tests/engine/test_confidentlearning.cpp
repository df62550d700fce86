#include "analysis/confidentlearning.h"
#include "analysis/embeddingissues.h"
#include "analysis/picturematch.h"
#include "testfiles.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

using namespace kiln;

namespace {

ProbabilityMatrix matrix(int classes, std::vector<std::vector<float>> rows)
{
    ProbabilityMatrix m;
    m.rows = rows.size();
    m.classes = classes;
    for (const auto &r : rows)
        m.values.insert(m.values.end(), r.begin(), r.end());
    return m;
}

} // namespace

TEST(ConfidentLearning, ThresholdsJointCalibrationAndIssuesByTheFormulas)
{
    const auto p = matrix(3, {{0.9f, 0.05f, 0.05f}, {0.7f, 0.2f, 0.1f}, {0.1f, 0.8f, 0.1f},
                              {0.1f, 0.8f, 0.1f}, {0.2f, 0.6f, 0.2f}, {0.3f, 0.3f, 0.4f}});
    const std::vector<int> labels{0, 0, 0, 1, 1, 2};
    const auto t = confidentThresholds(p, labels);
    ASSERT_EQ(t.size(), 3u);
    EXPECT_NEAR(t[0], (0.9 + 0.7 + 0.1) / 3, 1e-6);
    EXPECT_NEAR(t[1], 0.7, 1e-6);
    EXPECT_NEAR(t[2], 0.4, 1e-6);
    // Image 4 reaches no threshold and counts nowhere; image 2 (given 0) is confidently 1.
    const auto joint = confidentJoint(p, labels, t);
    EXPECT_EQ(joint, (std::vector<double>{2, 1, 0, 0, 1, 0, 0, 0, 1}));
    const auto calibrated = calibrateConfidentJoint(joint, 3, labels);
    EXPECT_EQ(calibrated, (std::vector<double>{2, 1, 0, 0, 2, 0, 0, 0, 1}));

    const auto report = findLabelIssues(p, labels);
    EXPECT_EQ(report.estimatedErrors, (std::vector<std::size_t>{1, 0, 0}));
    EXPECT_EQ(report.estimatedTotal(), 1u);
    EXPECT_EQ(report.labelCounts, (std::vector<std::size_t>{3, 2, 1}));
    ASSERT_EQ(report.issues.size(), 1u);
    EXPECT_EQ(report.issues[0].index, 2u);
    EXPECT_EQ(report.issues[0].given, 0);
    EXPECT_EQ(report.issues[0].suggested, 1);
    EXPECT_NEAR(report.issues[0].score, 0.1, 1e-6);
    EXPECT_NEAR(findLabelIssues(p, labels, LabelScore::NormalizedMargin).issues[0].score, (0.1 - 0.8 + 1) / 2, 1e-6);
}

TEST(ConfidentLearning, AClassWithNoConfidentImageKeepsOneOnItsDiagonal)
{
    // Every image given class 1 is most probably class 0: its diagonal would be 0 and is kept at 1.
    const auto p = matrix(2, {{0.6f, 0.4f}, {0.6f, 0.4f}, {0.7f, 0.3f}, {0.8f, 0.2f}});
    const std::vector<int> labels{0, 0, 1, 1};
    const auto t = confidentThresholds(p, labels);
    EXPECT_NEAR(t[1], 0.25, 1e-6);
    const auto joint = confidentJoint(p, labels, t);
    EXPECT_EQ(joint, (std::vector<double>{2, 0, 2, 1}));
    // Row 1 scaled to its 2 images: 4/3 and 2/3, rounded keeping the row's total.
    EXPECT_EQ(calibrateConfidentJoint(joint, 2, labels), (std::vector<double>{2, 0, 1, 1}));
    const auto report = findLabelIssues(p, labels);
    EXPECT_EQ(report.estimatedErrors, (std::vector<std::size_t>{0, 1}));
    // One image of class 1 to prune towards 0: the largest margin p(0) - p(1).
    ASSERT_EQ(report.issues.size(), 1u);
    EXPECT_EQ(report.issues[0].index, 3u);
    EXPECT_EQ(report.issues[0].suggested, 0);

    // A class nobody is labelled with: nothing reaches its threshold.
    const auto absent = confidentThresholds(matrix(3, {{0.5f, 0.2f, 0.3f}, {0.2f, 0.5f, 0.3f}}), {0, 1});
    EXPECT_GT(absent[2], 1.0);
}

TEST(ConfidentLearning, CalibrationRoundsLikeCleanlab)
{
    // Row 0: 2.4, 0.8, 0.8 -> 2, 1, 1; row 2: 1.5, 0, 1.5 rounds to 2, 0, 2 (to even), one too many:
    // the most negative remainder (the first) goes down.
    const std::vector<int> labels{0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2};
    EXPECT_EQ(calibrateConfidentJoint({3, 1, 1, 0, 5, 0, 1, 0, 1}, 3, labels),
              (std::vector<double>{2, 1, 1, 0, 5, 0, 1, 0, 2}));
}

TEST(ConfidentLearning, AnImagePredictedAsItsLabelIsNeverAnIssue)
{
    // Thresholds 0.6 and 0.4. Image 2 (given 0, p = 0.55 / 0.45) reaches only class 1's threshold,
    // so the joint counts it under 1 and the pruning for (1, 0) reaches it; yet its prediction is
    // its label, so it is no issue. Images 3 (given 0) and 5 (given 1) are.
    const auto p = matrix(2, {{0.9f, 0.1f}, {0.8f, 0.2f}, {0.55f, 0.45f}, {0.15f, 0.85f}, {0.5f, 0.5f}, {0.7f, 0.3f}});
    const std::vector<int> labels{0, 0, 0, 0, 1, 1};
    EXPECT_EQ(confidentJoint(p, labels, confidentThresholds(p, labels)), (std::vector<double>{2, 2, 1, 1}));
    const auto report = findLabelIssues(p, labels);
    ASSERT_EQ(report.issues.size(), 2u);
    EXPECT_EQ(report.issues[0].index, 3u); // lowest self-confidence first
    EXPECT_EQ(report.issues[1].index, 5u);
    EXPECT_EQ(report.issues[1].suggested, 0);
}

TEST(ConfidentLearning, FoldsAreStratifiedAndDeterministic)
{
    std::vector<int> labels;
    for (int c = 0; c < 4; ++c)
        labels.insert(labels.end(), std::size_t(23 + 7 * c), c);
    labels.push_back(-1);
    const auto folds = stratifiedFolds(labels, 5, 42);
    EXPECT_EQ(folds, stratifiedFolds(labels, 5, 42));
    EXPECT_NE(folds, stratifiedFolds(labels, 5, 43));
    EXPECT_EQ(folds.back(), -1);
    std::map<std::pair<int, int>, int> count; // (class, fold)
    std::vector<int> perFold(5, 0);
    for (std::size_t i = 0; i + 1 < labels.size(); ++i) {
        ASSERT_GE(folds[i], 0);
        ASSERT_LT(folds[i], 5);
        ++count[{labels[i], folds[i]}];
        ++perFold[std::size_t(folds[i])];
    }
    for (int c = 0; c < 4; ++c) {
        int lo = 1 << 30, hi = 0;
        for (int f = 0; f < 5; ++f) {
            lo = std::min(lo, count[{c, f}]);
            hi = std::max(hi, count[{c, f}]);
        }
        EXPECT_LE(hi - lo, 1) << "class " << c;
    }
    EXPECT_LE(*std::max_element(perFold.begin(), perFold.end()) - *std::min_element(perFold.begin(), perFold.end()), 1);
}

TEST(EmbeddingIssues, TheHeadFindsAFlippedLabelOutOfSample)
{
    // Three well separated clusters of 40 points in 8 dimensions; one point of cluster 2 labelled 0.
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0, 0.3f);
    const int dim = 8, per = 40;
    std::vector<float> values;
    std::vector<int> labels;
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < per; ++i) {
            for (int d = 0; d < dim; ++d)
                values.push_back((d == c ? 3.0f : 0.0f) + noise(rng));
            labels.push_back(c);
        }
    const std::size_t flipped = 2 * per + 5;
    labels[flipped] = 0;
    const EmbeddingMatrix e{labels.size(), dim, values.data()};
    auto probs = crossValidatedHead(e, labels, 3, stratifiedFolds(labels, 5, 1));
    ASSERT_TRUE(probs) << probs.message();
    EXPECT_LT(probs->at(flipped, 0), 0.2f);
    EXPECT_GT(probs->at(flipped, 2), 0.8f);
    const auto report = findLabelIssues(probs.value(), labels);
    ASSERT_FALSE(report.issues.empty());
    EXPECT_EQ(report.issues[0].index, flipped);
    EXPECT_EQ(report.issues[0].suggested, 2);
    EXPECT_LE(report.issues.size(), 3u);

    Progress cancelled;
    cancelled.cancel = true;
    EXPECT_FALSE(crossValidatedHead(e, labels, 3, stratifiedFolds(labels, 5, 1), {}, &cancelled));
    EXPECT_FALSE(crossValidatedHead(e, labels, 1, stratifiedFolds(labels, 5, 1)));
}

TEST(EmbeddingIssues, NeighboursOutliersAndGroups)
{
    // Points evenly round a circle, an exact copy of point 3, and one point pointing elsewhere.
    std::vector<float> values;
    const int n = 60;
    for (int i = 0; i < n; ++i) {
        const float a = float(i) * 6.2831853f / float(n);
        values.insert(values.end(), {std::cos(a), std::sin(a), 0.0f});
    }
    values.insert(values.end(), {values[9], values[10], values[11]}); // row 60 = row 3
    values.insert(values.end(), {0.0f, 0.0f, 1.0f});                 // row 61: orthogonal to all
    const EmbeddingMatrix e{std::size_t(n + 2), 3, values.data()};
    auto nb = nearestNeighbours(e, 4);
    ASSERT_TRUE(nb) << nb.message();
    ASSERT_EQ(nb->k, 4);
    EXPECT_EQ(nb->index[3 * 4], 60u);
    EXPECT_NEAR(nb->similarity[3 * 4], 1.0f, 1e-5f);
    for (std::size_t i = 0; i < std::size_t(n + 2); ++i)
        for (int j = 0; j < 4; ++j)
            EXPECT_NE(nb->index[i * 4 + std::size_t(j)], i) << "itself as a neighbour";
    const auto scores = outlierScores(nb.value(), 4);
    const double fence = outlierFence(scores);
    EXPECT_GT(scores[61], fence);
    int above = 0;
    for (float s : scores)
        above += s > fence;
    EXPECT_EQ(above, 1);

    const auto groups = groupPairs(8, {{5, 2}, {2, 7}, {0, 1}, {3, 3}});
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0], (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(groups[1], (std::vector<std::size_t>{2, 5, 7}));

    // Look-alikes link by complete linkage: the chain 0-1-2 (0 and 2 not alike) stays two groups,
    // the most similar pair first; a triangle 3-4-5 is one group; a pair below the threshold none.
    const std::vector<LinkedPair> similar{{0, 1, 0.98f}, {1, 2, 0.99f}, {3, 4, 0.97f}, {4, 5, 0.97f}, {3, 5, 0.975f}, {6, 7, 0.9f}};
    const auto linked = groupPairs(8, {}, similar, 0.95f);
    ASSERT_EQ(linked.size(), 2u);
    EXPECT_EQ(linked[0], (std::vector<std::size_t>{1, 2}));
    EXPECT_EQ(linked[1], (std::vector<std::size_t>{3, 4, 5}));
    // A same-picture pair counts as a link: 0=1 (same picture) and 2 alike to both join.
    const auto mixed = groupPairs(3, {{0, 1}}, {{0, 2, 0.96f}, {1, 2, 0.96f}}, 0.95f);
    ASSERT_EQ(mixed.size(), 1u);
    EXPECT_EQ(mixed[0], (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(groupPairs(3, {{0, 1}}, {{0, 2, 0.96f}}, 0.95f).size(), 1u); // 2 not alike to 1: only {0, 1}
}

TEST(PictureMatch, TheSamePictureAlteredMatchesAndAnotherPictureDoesNot)
{
    auto decode = [](const std::vector<unsigned char> &bytes) { return cv::imdecode(bytes, cv::IMREAD_COLOR); };
    const cv::Mat original = decode(test::structuredJpeg(3));
    // The planted kinds of change at once: a crop of two pixels, a resize, a brightness shift, JPEG.
    cv::Mat altered = original(cv::Rect(2, 2, original.cols - 4, original.rows - 4)).clone();
    cv::resize(altered, altered, cv::Size(original.cols * 3 / 4, original.rows * 3 / 4), 0, 0, cv::INTER_AREA);
    altered.convertTo(altered, -1, 1.0, 15.0);
    std::vector<unsigned char> jpeg;
    cv::imencode(".jpg", altered, jpeg, {cv::IMWRITE_JPEG_QUALITY, 80});
    const PictureDescriptor a = describePicture(original), b = describePicture(cv::imdecode(jpeg, cv::IMREAD_GRAYSCALE));
    ASSERT_TRUE(a.valid && b.valid);
    EXPECT_GE(alignedCorrelation(a, b), kSamePictureCorrelation);
    EXPECT_NEAR(alignedCorrelation(a, a), 1.0, 1e-6);
    for (int seed : {4, 5, 6})
        EXPECT_LT(alignedCorrelation(a, describePicture(decode(test::structuredJpeg(seed)))), kSamePictureCorrelation) << seed;
    // Candidate vectors are brightness-free and unit length; nothing matches an empty picture.
    const auto va = candidateVector(a), vb = candidateVector(describePicture(original + cv::Scalar(20, 20, 20)));
    double dot = 0, norm = 0;
    for (std::size_t i = 0; i < va.size(); ++i) {
        dot += double(va[i]) * vb[i];
        norm += double(va[i]) * va[i];
    }
    EXPECT_NEAR(norm, 1.0, 1e-4);
    EXPECT_GT(dot, 0.99);
    EXPECT_FALSE(describePicture(cv::Mat()).valid);
    EXPECT_EQ(alignedCorrelation(a, PictureDescriptor{}), -1.0);
}
