#pragma once
// The Analyze page's Embeddings tab: a t-SNE of the analysed images' penultimate-layer features,
// drawn as it converges (a timer drains the newest layout from the t-SNE thread), with pause,
// stop, a class legend to hide classes, and a hover preview. A rectangle selected in the scatter
// is reported as the images' indices into the predictions, for the page's gallery.

#include "analysis/runanalysis.h"

#include <QSet>
#include <QWidget>

#include <filesystem>
#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;
class QTimer;

namespace kiln {

class EmbeddingScatter;

class EmbeddingsTab : public QWidget {
    Q_OBJECT
public:
    explicit EmbeddingsTab(QWidget *parent = nullptr);
    ~EmbeddingsTab() override;

    // The predictions the next t-SNE uses (null: none). Stops a running t-SNE and forgets the layout.
    void setPredictions(std::shared_ptr<RunPredictions> predictions);
    // t-SNE of the images counted in `scope`; nothing when one runs or there are no embeddings.
    void compute(AnalysisScope scope);
    void stop();
    bool isComputing() const { return m_run != nullptr; }
    bool hasLayout() const { return !m_sources.empty(); }
    // The predictions changed in place (edits applied or undone): recolours and hides points.
    void refreshClasses();

    EmbeddingScatter *scatter() const { return m_scatter; }
    // The layout as CSV (tsnefile.h; files as they are), or empty when there is none.
    QString layoutCsv() const;
    // Where a finished layout is kept for the run's report (RUN/tsne.csv), files relative to `base`.
    void setRunFolder(const QString &runDir, const std::filesystem::path &base);

Q_SIGNALS:
    // The Compute / Stop button asks the page to compute (it knows the scope).
    void computeRequested();
    // The images of a scatter selection, as indices into the predictions; `any` is false when
    // the selection was cleared.
    void imagesSelected(const QSet<int> &sources, bool any);
    void finished(bool ok, const QString &message);

private:
    void clear();
    void drain();
    // Per scatter point: the actual class, whether it is misclassified, whether it was removed.
    struct PointFlags {
        std::vector<int> cls;
        std::vector<char> wrong, hidden;
    };
    PointFlags pointFlags() const;

    EmbeddingScatter *m_scatter;
    QPushButton *m_button;
    QPushButton *m_pause;
    QLabel *m_status;
    QListWidget *m_legend;
    QTimer *m_timer;
    struct Run; // the state shared with the t-SNE thread
    std::shared_ptr<Run> m_run;
    std::shared_ptr<RunPredictions> m_preds;
    std::vector<int> m_sources; // scatter point -> index into m_preds
    QString m_runDir;
    std::filesystem::path m_base;
};

} // namespace kiln
