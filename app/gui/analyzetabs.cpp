// The Analyze page's tabs that show more than one table: per class (the table and its chart),
// comparing runs, and two runs per class; and what each picture of the page exports (the
// confusion matrix, the gallery's selection). The rest of the page is in analyzepage.cpp.
#include "analyzepage.h"

#include "classbarchart.h"
#include "classcomparepanel.h"
#include "classmetricsmodel.h"
#include "confusionmatrixmodel.h"
#include "confusionmatrixview.h"
#include "contactsheet.h"
#include "galleryview.h"
#include "lossitemmodel.h"
#include "pictureexport.h"
#include "runcompareview.h"
#include "runlistmodel.h"
#include "runoverlayplot.h"
#include "sortedtable.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace kiln {

QWidget *AnalyzePage::buildPerClassTab()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_metricsTable = makeSortedTable(m_metrics, ClassMetricsModel::SortRole, ClassMetricsModel::F1Column, Qt::AscendingOrder, page);
    m_classChart = new ClassBarChart(page);
    auto *tools = new QHBoxLayout;
    tools->addStretch(1);
    tools->addWidget(makeExportButton(m_classChart->picture(), page, tr("Export chart")));
    layout->addLayout(tools);
    auto *scroll = new QScrollArea(page);
    scroll->setWidget(m_classChart);
    scroll->setWidgetResizable(true);
    auto *split = new QSplitter(Qt::Vertical, page);
    split->addWidget(m_metricsTable);
    split->addWidget(scroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2); // the chart grows with the classes; the table scrolls
    split->setSizes({1, 2});
    layout->addWidget(split, 1);
    return page;
}

void AnalyzePage::buildCompareTabs()
{
    m_compare = new RunCompareView(true, this);
    m_compare->setRunModel(m_runs);
    m_tabs->addTab(m_compare, tr("Compare runs"));
    m_classCompare = new ClassComparePanel(this);
    m_classCompare->setRunModel(m_runs);
    connect(m_classCompare, &ClassComparePanel::busyChanged, this, &AnalyzePage::updateEditButtons);
    m_tabs->addTab(m_classCompare, tr("Two runs per class"));
}

void AnalyzePage::showPerClass(const Interpretation &in)
{
    QStringList classes;
    BarSeries precision{tr("precision"), RunOverlayPlot::runColor(0), {}}, recall{tr("recall"), RunOverlayPlot::runColor(1), {}},
        f1{tr("F1"), RunOverlayPlot::runColor(2), {}};
    for (int c = 0; c < in.classCount(); ++c) {
        classes << QString::fromStdString(in.classes()[std::size_t(c)]);
        const ClassMetrics &m = in.perClass()[std::size_t(c)];
        precision.values.push_back(m.precision);
        recall.values.push_back(m.recall);
        f1.values.push_back(m.f1);
    }
    m_classChart->setData(classes, {precision, recall, f1}, QFileInfo(m_predsRun).fileName());
    m_classCompare->setRunA(m_predsRun, in, scope());
}

ExportablePicture AnalyzePage::matrixPicture()
{
    ExportablePicture p;
    p.name = QStringLiteral("confusion-matrix");
    p.title = tr("Confusion matrix");
    p.size = [this] {
        QWidget *canvas = m_matrixView->widget();
        return m_matrix->rowCount() && canvas ? canvas->size() : QSize();
    };
    p.paint = [this](QPaintDevice &device, const QSize &size) { paintWidget(m_matrixView->widget(), device, size); };
    p.csv = [this] {
        const Interpretation *in = m_matrix->interpretation();
        if (!in)
            return QString();
        QString out = QStringLiteral("actual\\predicted");
        for (const auto &c : in->classes())
            out += QLatin1Char(',') + csvField(QString::fromStdString(c));
        out += QLatin1Char('\n');
        for (int a = 0; a < in->classCount(); ++a) {
            out += csvField(QString::fromStdString(in->classes()[std::size_t(a)]));
            for (int pr = 0; pr < in->classCount(); ++pr)
                out += QLatin1Char(',') + QString::number(qulonglong(in->count(a, pr)));
            out += QLatin1Char('\n');
        }
        return out;
    };
    return p;
}

std::vector<int> AnalyzePage::galleryRows() const
{
    // The selected images, in the gallery's order; every image shown when none is selected.
    std::vector<int> rows;
    const QModelIndexList selected = m_gallery->selectionModel() ? m_gallery->selectionModel()->selectedIndexes() : QModelIndexList();
    if (!selected.isEmpty()) {
        for (const QModelIndex &i : selected)
            rows.push_back(i.row());
        std::sort(rows.begin(), rows.end());
    } else {
        for (int r = 0; r < m_lossFilter->rowCount(); ++r)
            rows.push_back(r);
    }
    for (int &r : rows)
        r = m_lossFilter->mapToSource(m_lossFilter->index(r, 0)).row();
    return rows;
}

ExportablePicture AnalyzePage::galleryPicture()
{
    auto className = [this](int c) { return c >= 0 && c < m_losses->classes().size() ? m_losses->classes()[c] : QString(); };
    auto items = [this, className] {
        std::vector<SheetItem> out;
        for (int r : galleryRows()) {
            const LossItem &it = m_losses->item(r);
            out.push_back({it.path, tr("%1 / %2").arg(className(it.predicted), className(it.actual)) + QLatin1Char('\n')
                                        + tr("loss %1 · p %2").arg(it.loss, 0, 'f', 2).arg(it.pPredicted, 0, 'f', 2)});
        }
        return out;
    };
    auto csv = [this, className] {
        QString out = QStringLiteral("file,split,actual,predicted,loss,p_predicted,p_actual\n");
        for (int r : galleryRows()) {
            const LossItem &it = m_losses->item(r);
            out += csvField(it.path) + QLatin1Char(',') + (it.valid ? QStringLiteral("valid") : QStringLiteral("train")) + QLatin1Char(',')
                   + csvField(className(it.actual)) + QLatin1Char(',') + csvField(className(it.predicted)) + QLatin1Char(',')
                   + QString::number(it.loss, 'g', 7) + QLatin1Char(',') + QString::number(it.pPredicted, 'g', 7) + QLatin1Char(',')
                   + QString::number(it.pActual, 'g', 7) + QLatin1Char('\n');
        }
        return out;
    };
    return contactSheetPicture(items, csv, QStringLiteral("images"), tr("Chosen images"));
}

} // namespace kiln
