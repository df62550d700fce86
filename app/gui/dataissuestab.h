#pragma once
// The Analyze page's Data issues tab: finds a run's likely label errors (confident learning, fast
// or thorough), near-duplicate groups (with a similarity slider that regroups live) and outliers
// (dataissues.h), lists them, and shows the images of a clicked row, worst first, in the page's
// cleaner gallery, where the suggested label is one key (S) away.

#include "analysis/dataissues.h"

#include <QVector>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

namespace kiln {

class BackgroundJob;
class ProgressPanel;

class DataIssuesTab : public QWidget {
    Q_OBJECT
public:
    explicit DataIssuesTab(QWidget *parent = nullptr);
    ~DataIssuesTab() override;

    // Searches the run's dataset (nothing when a search runs).
    void find(const QString &runDir);
    bool isBusy() const;
    void cancel();
    // The dataset changed (edits applied or undone): the lists say they may be out of date.
    void markStale();
    std::shared_ptr<const DataIssues> issues() const { return m_issues; }

    QPushButton *findButton() const { return m_findButton; }
    QComboBox *modeBox() const { return m_mode; }
    QSpinBox *foldsBox() const { return m_folds; }
    QSlider *similaritySlider() const { return m_similarity; }
    QTreeWidget *tree() const { return m_tree; }
    QString statusText() const;
    // Shows the images of a row of the tree (a kind, a group or an image) in the gallery.
    void showItem(QTreeWidgetItem *item);

Q_SIGNALS:
    // The Find button asks the page, which knows the run.
    void findRequested();
    // A search finished: its in-sample predictions of every image serve the gallery.
    void found(std::shared_ptr<const DataIssues> issues);
    void failed(const QString &message);
    void busyChanged(bool busy);
    // Images to show, as indices into the issues' predictions, in this order.
    void imagesChosen(const QVector<int> &ranked, const QString &title);

private:
    void rebuild();
    float similarity() const;

    QComboBox *m_mode;
    QSpinBox *m_folds;
    QPushButton *m_findButton;
    QLabel *m_status;
    ProgressPanel *m_progressPanel;
    QSlider *m_similarity;
    QLabel *m_similarityLabel;
    QTreeWidget *m_tree;
    BackgroundJob *m_job;
    std::shared_ptr<const DataIssues> m_issues;
    bool m_stale = false;
};

} // namespace kiln
