#pragma once
// The Dataset page: classes with counts and a balance chart, a lazy thumbnail gallery filterable by
// class and split, a large view of the selected image, and Verify with progress, Cancel and a table
// of failures. Indexing and verification run off the GUI thread.

#include <QWidget>

#include <filesystem>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace kiln {

class BackgroundJob;
class ClassBalanceChart;
class ClassTableModel;
class DatasetIndex;
class GalleryView;
class ImagePreview;
class ProgressPanel;
class SampleFilterModel;
class SampleModel;
class ThumbnailCache;
class VerifyFailureModel;
struct Progress;
struct DatasetVerifyReport;

class DatasetPage : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPage(QWidget *parent = nullptr);
    ~DatasetPage() override;

    // Shows the dataset under `imagesRoot`; `home` holds .kiln/ (trash, journal).
    void setDataset(const std::filesystem::path &imagesRoot, const std::filesystem::path &home, double validPct,
                    std::uint64_t seed);
    void clearDataset();
    void rescan();
    void startVerify();
    void cancelVerify();

    std::shared_ptr<const DatasetIndex> index() const { return m_index; }
    bool isVerifying() const;
    bool isScanning() const { return m_scanning; }

    // For tests and benchmarks.
    GalleryView *gallery() const { return m_gallery; }
    SampleModel *sampleModel() const { return m_samples; }
    SampleFilterModel *filterModel() const { return m_filter; }
    ThumbnailCache *thumbnails() const { return m_thumbnails; }
    ImagePreview *preview() const { return m_preview; }
    VerifyFailureModel *failureModel() const { return m_failures; }
    ClassTableModel *classModel() const { return m_classModel; }
    QComboBox *classFilterBox() const { return m_classBox; }
    QComboBox *splitFilterBox() const { return m_splitBox; }
    QCheckBox *quarantineBox() const { return m_quarantine; }
    QPushButton *verifyButton() const { return m_verifyButton; }
    QLabel *summaryLabel() const { return m_summary; }

Q_SIGNALS:
    void datasetLoaded(int images, int classes);
    void scanFailed(const QString &message);
    void verifyFinished(int checked, int failed);

private:
    void applyIndex(std::shared_ptr<const DatasetIndex> index);
    void onVerifyDone(const DatasetVerifyReport &report);
    void showCurrentSample();
    void updateFilters();

    std::filesystem::path m_root;
    std::filesystem::path m_home;
    double m_validPct = 0.2;
    std::uint64_t m_seed = 42;
    std::shared_ptr<const DatasetIndex> m_index;
    bool m_scanning = false;
    quint64 m_scanRequest = 0;

    ThumbnailCache *m_thumbnails;
    SampleModel *m_samples;
    SampleFilterModel *m_filter;
    ClassTableModel *m_classModel;
    VerifyFailureModel *m_failures;

    QLabel *m_summary;
    QTableView *m_classTable;
    ClassBalanceChart *m_chart;
    QComboBox *m_classBox;
    QComboBox *m_splitBox;
    GalleryView *m_gallery;
    ImagePreview *m_preview;
    QPushButton *m_verifyButton;
    QCheckBox *m_quarantine;
    ProgressPanel *m_verifyPanel;
    BackgroundJob *m_verifyJob;
    QLabel *m_verifySummary;
    QTableView *m_failureTable;
    QSplitter *m_centreSplit = nullptr;
};

} // namespace kiln
