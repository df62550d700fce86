#pragma once
// The Analyze page: pick a run and a split, and see where the model fails (confusion matrix,
// most-confused pairs, per-class metrics) and the images it gets most wrong (top losses), then
// clean them: keep, delete or relabel each image, apply the choices through the dataset's edit
// journal, undo and redo, and retrain with the same configuration. The Embeddings tab
// (embeddingstab.h) shows a t-SNE of the same images; a selection there filters the gallery; the
// Data issues tab (dataissuestab.h) ranks likely label errors, duplicates and outliers for it.
// Which images the gallery shows is in analyzegallery.cpp; the rest in analyzepage.cpp.

#include "analysis/runanalysis.h"
#include "pictureexport.h"

#include <QHash>
#include <QSet>
#include <QVector>
#include <QWidget>

#include <filesystem>
#include <functional>
#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace kiln {

class ClassMetricsModel;
class EmbeddingScatter;
class ClassCurvesPlot;
class ReportButton;
class EmbeddingsTab;
class ConfusionMatrixModel;
class ConfusionMatrixView;
class GalleryView;
class LossFilterModel;
class LossItemModel;
class MostConfusedModel;
class BackgroundJob;
class CleanerActions;
class DataIssuesTab;
struct DataIssues;
class ProgressPanel;
class RunListModel;
class RunChoiceModel;
class RunCompareView;
class ClassComparePanel;
class ClassBarChart;
struct CleanDecision;
struct Progress;

class AnalyzePage : public QWidget {
    Q_OBJECT
public:
    explicit AnalyzePage(QWidget *parent = nullptr);
    ~AnalyzePage() override;

    // The list of runs offered (the main window shares one with the other pages); the page keeps
    // its own until given one.
    void setRunModel(RunListModel *runs);
    // The project whose runs are offered (newest first).
    void setProject(const std::filesystem::path &root);
    void selectRun(const QString &runDir);
    // Predicts the selected run on the selected split (saved predictions make this fast).
    void interpret();
    bool isBusy() const;
    bool hasResult() const { return m_preds != nullptr; }

    // Shows the images of one confusion cell, or every image (-1, -1), in the gallery.
    void showCell(int actual, int predicted);
    void setDecisionForSelection(const CleanDecision &decision);
    void applyDecisions();
    void undo();
    void redo();
    // t-SNE of the analysed images' embeddings, shown as it converges; again stops it.
    void computeEmbeddings();
    void stopEmbeddings();
    bool isComputingEmbeddings() const;

    ConfusionMatrixView *matrixView() const { return m_matrixView; }
    ConfusionMatrixModel *matrixModel() const { return m_matrix; }
    MostConfusedModel *mostConfused() const { return m_confused; }
    ClassMetricsModel *classMetrics() const { return m_metrics; }
    LossItemModel *losses() const { return m_losses; }
    LossFilterModel *lossFilter() const { return m_lossFilter; }
    GalleryView *gallery() const { return m_gallery; }
    QTabWidget *tabs() const { return m_tabs; }
    QComboBox *runBox() const { return m_runCombo; }
    EmbeddingScatter *scatter() const;
    DataIssuesTab *dataIssues() const { return m_dataIssues; }
    ClassCurvesPlot *curvesPlot() const { return m_curves; }
    ReportButton *reportButton() const { return m_report; }
    QString summaryText() const;

Q_SIGNALS:
    void interpreted(bool ok, const QString &message);
    // Files of the dataset moved (applied, undone or redone edits).
    void datasetChanged();
    void editsDone(bool ok, const QString &message);
    void retrainRequested(const QString &runDir);
    void embeddingsFinished(bool ok, const QString &message);

public:
    RunCompareView *compareView() const { return m_compare; }
    ClassComparePanel *classCompare() const { return m_classCompare; }
    ClassBarChart *classChart() const { return m_classChart; }
    // What the confusion matrix and the gallery export (the selected images, or all shown).
    ExportablePicture matrixPicture();
    ExportablePicture galleryPicture();

private:
    void buildUi();
    // In analyzetabs.cpp.
    QWidget *buildPerClassTab();
    void buildCompareTabs();
    void showPerClass(const Interpretation &in);
    std::vector<int> galleryRows() const; // rows of m_losses
    void refreshViews();
    void updateGalleryTitle();
    // The gallery shows what the Actual and Predicted boxes say; the matrix frames that cell.
    void followFilterBoxes();
    void updateEditButtons();
    void runEdit(const QString &label, std::function<Result<EditOutcome>(EditJournal &)> edit);
    QString currentRun() const;
    AnalysisScope scope() const;
    // New predictions (null: none): the embeddings start over and the gallery shows every image.
    void usePredictions(std::shared_ptr<RunPredictions> predictions);
    // Shows these images (indices into the predictions) in the gallery; `any` false: the filter ends.
    void showImages(const QSet<int> &sources, bool any);
    // Shows these images in this order (a data-issue list) under `title`.
    void showRanked(const QVector<int> &ranked, const QString &title);
    // A data-issue search's predictions of every image become the page's, with its suggestions.
    void adoptIssues(std::shared_ptr<const DataIssues> issues);
    void useIssuePredictions(const DataIssues &issues);

    std::filesystem::path m_root;
    QComboBox *m_runCombo;
    QComboBox *m_splitCombo;
    QPushButton *m_interpretButton;
    QLabel *m_summary;
    ProgressPanel *m_progressPanel;
    QTabWidget *m_tabs;
    ConfusionMatrixModel *m_matrix;
    ConfusionMatrixView *m_matrixView;
    QCheckBox *m_normalize;
    MostConfusedModel *m_confused;
    QTableView *m_confusedTable;
    ClassMetricsModel *m_metrics;
    QTableView *m_metricsTable;
    LossItemModel *m_losses;
    LossFilterModel *m_lossFilter;
    GalleryView *m_gallery;
    QLabel *m_galleryTitle;
    QComboBox *m_actualFilter;
    QComboBox *m_predictedFilter;
    QCheckBox *m_mistakesOnly;
    QLabel *m_decisionSummary;
    QPushButton *m_applyButton;
    QPushButton *m_undoButton;
    QPushButton *m_redoButton;
    QPushButton *m_retrainButton;
    QAction *m_undoAction;
    QAction *m_redoAction;

    EmbeddingsTab *m_embeddings;
    ClassCurvesPlot *m_curves = nullptr;
    ClassBarChart *m_classChart = nullptr;
    RunCompareView *m_compare = nullptr;
    ClassComparePanel *m_classCompare = nullptr;
    ReportButton *m_report = nullptr;
    CleanerActions *m_cleaner = nullptr;
    DataIssuesTab *m_dataIssues;
    QHash<int, int> m_suggestions; // source -> class a data-issue search suggests
    QString m_sourceTitle;         // what the gallery shows when it shows chosen images

    std::shared_ptr<RunPredictions> m_preds;
    std::filesystem::path m_imagesRoot;
    QString m_predsRun;
    bool m_predsFromIssues = false; // m_preds are the data-issue search's (both splits)
    RunListModel *m_runs;
    RunChoiceModel *m_runChoices;
    BackgroundJob *m_predictJob;
    BackgroundJob *m_editJob;
    bool m_canUndo = false, m_canRedo = false;
    QString m_undoText, m_redoText;
};

} // namespace kiln
