// AnalyzePage, the gallery's side: which images the cleaner gallery shows (a confusion cell, a
// selection in the embeddings, the data-issue search's ranking), its title, and the predictions
// behind it. The page's layout, interpretation and dataset edits are in analyzepage.cpp.
#include "analyzepage.h"

#include "confusionmatrixview.h"
#include "dataissuestab.h"
#include "embeddingstab.h"
#include "data/project.h"
#include "galleryview.h"
#include "lossitemmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>

namespace fs = std::filesystem;

namespace kiln {

void AnalyzePage::showCell(int actual, int predicted)
{
    m_lossFilter->setSourceFilter({}, false);
    m_actualFilter->setCurrentIndex(std::max(0, m_actualFilter->findData(actual)));
    m_predictedFilter->setCurrentIndex(std::max(0, m_predictedFilter->findData(predicted)));
    if (actual >= 0 && predicted >= 0 && actual == predicted)
        m_mistakesOnly->setChecked(false);
    followFilterBoxes();
    m_gallery->scrollToTop();
}

void AnalyzePage::followFilterBoxes()
{
    m_lossFilter->setActualClass(m_actualFilter->currentData().toInt());
    m_lossFilter->setPredictedClass(m_predictedFilter->currentData().toInt());
    m_matrixView->setSelectedCell(m_lossFilter->actualClass(), m_lossFilter->predictedClass());
    updateGalleryTitle();
}

void AnalyzePage::updateGalleryTitle()
{
    const int a = m_lossFilter->actualClass(), p = m_lossFilter->predictedClass();
    const QStringList &classes = m_losses->classes();
    const int n = m_lossFilter->rowCount();
    QString title;
    if (m_lossFilter->hasSourceFilter())
        title = m_sourceTitle.isEmpty() ? tr("Selected in the embeddings") : m_sourceTitle;
    else if (a >= 0 && p >= 0 && a < classes.size() && p < classes.size())
        title = tr("%1 predicted as %2").arg(classes[a], classes[p]);
    else if (a >= 0 && a < classes.size())
        title = tr("Actual %1").arg(classes[a]);
    else if (p >= 0 && p < classes.size())
        title = tr("Predicted as %1").arg(classes[p]);
    else
        title = tr("Top losses");
    m_galleryTitle->setText(m_lossFilter->isRanked() ? tr("%1 · %Ln image(s)", nullptr, n).arg(title)
                                                     : tr("%1 · %Ln image(s), largest loss first", nullptr, n).arg(title));
}

void AnalyzePage::usePredictions(std::shared_ptr<RunPredictions> predictions)
{
    m_preds = std::move(predictions);
    m_embeddings->setPredictions(m_preds);
    m_lossFilter->setSourceFilter({}, false);
    m_suggestions.clear();
    m_predsFromIssues = false;
}

void AnalyzePage::showImages(const QSet<int> &sources, bool any)
{
    m_actualFilter->setCurrentIndex(0);
    m_predictedFilter->setCurrentIndex(0);
    m_sourceTitle.clear();
    m_lossFilter->setSourceFilter(sources, any);
    followFilterBoxes();
    m_gallery->scrollToTop();
}

void AnalyzePage::showRanked(const QVector<int> &ranked, const QString &title)
{
    if (!m_predsFromIssues) { // another split was interpreted since: the rows index the search's images
        if (!m_dataIssues->issues())
            return;
        useIssuePredictions(*m_dataIssues->issues());
    }
    m_actualFilter->setCurrentIndex(0);
    m_predictedFilter->setCurrentIndex(0);
    m_mistakesOnly->setChecked(false);
    m_sourceTitle = title;
    m_lossFilter->setRankedSources(ranked);
    followFilterBoxes();
    m_gallery->scrollToTop();
}

void AnalyzePage::adoptIssues(std::shared_ptr<const DataIssues> issues)
{
    // A search of another run than the one now chosen (changed while it ran) is not shown as this one's.
    if (fs::absolute(issues->runDir).lexically_normal() != fs::absolute(currentRun().toStdString()).lexically_normal())
        return;
    useIssuePredictions(*issues);
    QVector<int> ranked;
    for (const auto &issue : issues->labelIssues.issues)
        ranked << int(issue.index);
    showRanked(ranked, tr("Likely label errors, least confident first"));
}

void AnalyzePage::useIssuePredictions(const DataIssues &issues)
{
    const QString runDir = currentRun();
    if (m_predsRun != runDir)
        m_losses->clearAllDecisions();
    m_splitCombo->setCurrentIndex(std::max(0, m_splitCombo->findData(int(AnalysisScope::Both))));
    usePredictions(std::make_shared<RunPredictions>(issues.predictions));
    m_predsRun = runDir;
    m_imagesRoot = locateDataset(issues.home).imagesRoot;
    m_embeddings->setRunFolder(runDir, locateDataset(issues.home).home);
    for (const auto &issue : issues.labelIssues.issues)
        m_suggestions.insert(int(issue.index), issue.suggested);
    m_predsFromIssues = true;
    refreshViews();
}

} // namespace kiln
