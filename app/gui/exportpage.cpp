#include "exportpage.h"

#include "core/fileutil.h"
#include "data/csvio.h"
#include "data/imageloader.h"
#include "export/modelbundle.h"
#include "backgroundjob.h"
#include "reportbutton.h"
#include "runlistmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fs = std::filesystem;

namespace kiln {

namespace {

QString toQ(const std::string &s) { return QString::fromStdString(s); }

constexpr int kTopRole = Qt::UserRole + 1; // QVariantList of {class, probability} maps

// Draws an image's top classes as labelled bars.
class TopKDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(p, option, QModelIndex());
        const QVariantList top = index.data(kTopRole).toList();
        const QRect r = option.rect.adjusted(4, 3, -4, -3);
        const int line = std::max(1, r.height() / std::max<int>(1, int(top.size())));
        p->save();
        for (int i = 0; i < top.size(); ++i) {
            const QVariantMap m = top[i].toMap();
            const double prob = m.value("p").toDouble();
            const QRect row(r.left(), r.top() + i * line, r.width(), line - 1);
            const int labelWidth = std::min(140, row.width() / 2);
            p->setPen(option.palette.text().color());
            p->drawText(QRect(row.left(), row.top(), labelWidth - 4, row.height()), Qt::AlignVCenter | Qt::AlignRight,
                        option.fontMetrics.elidedText(m.value("c").toString(), Qt::ElideRight, labelWidth - 4));
            const QRect bar(row.left() + labelWidth, row.top() + 2, int((row.width() - labelWidth - 44) * prob), row.height() - 4);
            p->fillRect(bar, i == 0 ? QColor(31, 119, 180) : QColor(150, 180, 210));
            p->drawText(QRect(bar.right() + 4, row.top(), 44, row.height()), Qt::AlignVCenter | Qt::AlignLeft,
                        QLocale().toString(prob, 'f', 3));
        }
        p->restore();
    }
};

} // namespace

ExportPage::ExportPage(QWidget *parent)
    : QWidget(parent)
    , m_run(new QComboBox(this))
    , m_checkpoint(new QComboBox(this))
    , m_bundle(new QCheckBox(tr("Model bundle (.kiln): weights and metadata, for Kiln and PyTorch"), this))
    , m_onnx(new QCheckBox(tr("ONNX (.onnx) with its metadata (.onnx.json), for OpenCV, onnxruntime and others"), this))
    , m_torchscript(new QCheckBox(tr("TorchScript (.pt) with its metadata (.pt.json), for torch.jit.load"), this))
    , m_softmax(new QCheckBox(tr("ONNX and TorchScript output probabilities (softmax) instead of logits"), this))
    , m_destination(new QLineEdit(this))
    , m_export(new QPushButton(tr("Export"), this))
    , m_exportResult(new QLabel(this))
    , m_model(new QLineEdit(this))
    , m_openImages(new QPushButton(tr("Open images…"), this))
    , m_openFolder(new QPushButton(tr("Open folder…"), this))
    , m_saveCsv(new QPushButton(tr("Save CSV…"), this))
    , m_predictStatus(new QLabel(this))
    , m_results(new QTableWidget(0, 4, this))
    , m_runs(new RunListModel(this))
    , m_finished(new FinishedRunsModel(this))
    , m_job(new BackgroundJob(this))
{
    m_finished->setSourceModel(m_runs);
    m_run->setModel(m_finished);
    connect(m_job, &BackgroundJob::runningChanged, this, &ExportPage::updateButtons);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_finished, signal, this, &ExportPage::updateHint);
    connect(m_finished, &QAbstractItemModel::modelReset, this, &ExportPage::updateHint);
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);

    auto *exportBox = new QGroupBox(tr("Export a trained model"), this);
    auto *el = new QVBoxLayout(exportBox);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(new QLabel(tr("Run:"), exportBox));
    runRow->addWidget(m_run, 1);
    runRow->addWidget(new QLabel(tr("Checkpoint:"), exportBox));
    m_checkpoint->addItem(tr("what the run kept"), QString());
    m_checkpoint->addItem(tr("last epoch"), QStringLiteral("last"));
    m_checkpoint->addItem(tr("best (lowest validation loss)"), QStringLiteral("best"));
    m_checkpoint->setToolTip(tr("A keep-best run keeps its best epoch; the last epoch's weights are there too"));
    runRow->addWidget(m_checkpoint);
    el->addLayout(runRow);
    m_bundle->setChecked(true);
    m_onnx->setChecked(true);
    for (auto *c : {m_bundle, m_onnx, m_torchscript, m_softmax})
        el->addWidget(c);
    auto *destRow = new QHBoxLayout;
    destRow->addWidget(new QLabel(tr("Into folder:"), exportBox));
    destRow->addWidget(m_destination, 1);
    auto *browse = new QPushButton(tr("Choose…"), exportBox);
    destRow->addWidget(browse);
    destRow->addWidget(m_export);
    m_report = new ReportButton(exportBox);
    m_report->setToolTip(tr("Save the chosen run as one HTML file to share: its curves, confusion matrix, per-class metrics, "
                            "top losses, t-SNE and the models exported from it"));
    destRow->addWidget(m_report);
    el->addLayout(destRow);
    auto followRun = [this] { m_report->setRun(m_run->currentData(RunListModel::DirRole).toString()); };
    connect(m_run, &QComboBox::currentIndexChanged, this, followRun);
    connect(m_finished, &QAbstractItemModel::rowsInserted, this, followRun);
    connect(m_finished, &QAbstractItemModel::modelReset, this, followRun);
    connect(m_report, &ReportButton::saved, this, [this](bool, const QString &message) { m_exportResult->setText(message); });
    m_exportResult->setWordWrap(true);
    m_exportResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    el->addWidget(m_exportResult);
    layout->addWidget(exportBox);

    auto *predictBox = new QGroupBox(tr("Predict"), this);
    auto *pl = new QVBoxLayout(predictBox);
    auto *modelRow = new QHBoxLayout;
    modelRow->addWidget(new QLabel(tr("Model:"), predictBox));
    m_model->setPlaceholderText(tr("a .kiln bundle or an .onnx file (exported above, or chosen)"));
    modelRow->addWidget(m_model, 1);
    auto *chooseModel = new QPushButton(tr("Choose…"), predictBox);
    modelRow->addWidget(chooseModel);
    pl->addLayout(modelRow);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_openImages);
    actions->addWidget(m_openFolder);
    actions->addWidget(m_saveCsv);
    actions->addWidget(m_predictStatus, 1);
    pl->addLayout(actions);
    m_results->setHorizontalHeaderLabels({tr("Image"), tr("File"), tr("Top classes"), tr("Note")});
    m_results->verticalHeader()->setVisible(false);
    m_results->verticalHeader()->setDefaultSectionSize(84);
    m_results->setColumnWidth(0, 84);
    m_results->setColumnWidth(1, 220);
    m_results->setColumnWidth(2, 360);
    m_results->horizontalHeader()->setStretchLastSection(true);
    m_results->setIconSize(QSize(76, 76));
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setItemDelegateForColumn(2, new TopKDelegate(m_results));
    pl->addWidget(m_results, 1);
    auto *hint = new QLabel(tr("Drop images or folders here. \"Unlike the training images\": the top probability is below the "
                               "model's out-of-domain threshold."),
                            predictBox);
    hint->setEnabled(false);
    hint->setWordWrap(true);
    pl->addWidget(hint);
    layout->addWidget(predictBox, 1);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export into"), m_destination->text());
        if (!dir.isEmpty())
            m_destination->setText(dir);
    });
    connect(m_export, &QPushButton::clicked, this, &ExportPage::exportSelected);
    connect(chooseModel, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Model"), m_destination->text(), tr("Models (*.kiln *.onnx)"));
        if (!f.isEmpty())
            setModel(f);
    });
    connect(m_openImages, &QPushButton::clicked, this, [this] {
        const QStringList files =
            QFileDialog::getOpenFileNames(this, tr("Images"), {}, tr("Images (*.jpg *.jpeg *.png *.bmp *.webp *.tif *.tiff)"));
        if (!files.isEmpty())
            predict(files);
    });
    connect(m_openFolder, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder of images"));
        if (!dir.isEmpty())
            predict({dir});
    });
    connect(m_saveCsv, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getSaveFileName(this, tr("Save predictions"), "predictions.csv", tr("CSV (*.csv)"));
        if (!f.isEmpty() && !saveCsv(f))
            m_predictStatus->setText(tr("Cannot write %1").arg(f));
    });
    m_exportResult->setText(tr("Train a model first; its runs are listed here."));
    updateButtons();
}

bool ExportPage::isBusy() const
{
    return m_job->isRunning();
}

void ExportPage::setRunModel(RunListModel *runs)
{
    if (m_runs->parent() == this)
        m_runs->deleteLater();
    m_runs = runs;
    m_finished->setSourceModel(runs);
    updateHint();
}

void ExportPage::setProject(const fs::path &root)
{
    // Another project gets its own exports folder; the same project (after a run) keeps the folder
    // the user chose.
    if (root != m_root)
        m_destination->setText(toQ((root / "exports").string()));
    m_root = root;
    if (m_runs->dataset() != root)
        m_runs->setDataset(root);
    updateHint();
}

void ExportPage::updateHint()
{
    // The hint follows the runs, unless the label shows an export's result.
    const QString noRuns = tr("Train a model first; its runs are listed here."),
                  someRuns = tr("Choose a run and the formats, then press Export.");
    if (m_exportResult->text().isEmpty() || m_exportResult->text() == noRuns || m_exportResult->text() == someRuns)
        m_exportResult->setText(m_run->count() ? someRuns : noRuns);
    updateButtons();
}

void ExportPage::updateButtons()
{
    const bool busy = isBusy();
    m_export->setEnabled(!busy && m_run->count() > 0);
    for (auto *b : {m_openImages, m_openFolder})
        b->setEnabled(!busy);
    m_saveCsv->setEnabled(!busy && m_results->rowCount() > 0);
}

QString ExportPage::exportText() const
{
    return m_exportResult->text();
}

void ExportPage::exportSelected()
{
    const QString runDir = m_run->currentData(RunListModel::DirRole).toString();
    if (runDir.isEmpty() || isBusy())
        return;
    auto run = readRunInfo(runDir.toStdString());
    Result<void> chosen = run ? useCheckpoint(run.value(), m_checkpoint->currentData().toString().toStdString())
                              : Result<void>(run.error());
    if (!chosen) {
        m_exportResult->setText(toQ(chosen.message()));
        Q_EMIT exported(false, m_exportResult->text());
        return;
    }
    std::vector<ExportFormat> formats;
    if (m_bundle->isChecked())
        formats.push_back(ExportFormat::Bundle);
    if (m_onnx->isChecked())
        formats.push_back(ExportFormat::Onnx);
    if (m_torchscript->isChecked())
        formats.push_back(ExportFormat::TorchScript);
    if (formats.empty())
        return;
    const fs::path dir = m_destination->text().toStdString();
    const std::string stem = fs::path(runDir.toStdString()).filename().string();
    const bool softmax = m_softmax->isChecked();
    m_exportResult->setText(tr("Exporting and checking…"));
    m_job->start(
        tr("Exporting"),
        [info = run.value(), formats, dir, stem, softmax](Progress &progress) -> Result<std::vector<FormatExport>> {
            return exportRun(info, formats, dir, stem, softmax, &progress);
        },
        [this](Result<std::vector<FormatExport>> done) {
            if (!done) {
                m_exportResult->setText(toQ(done.message()));
                Q_EMIT exported(false, m_exportResult->text());
                return;
            }
            QStringList lines;
            QString model;
            const QLocale locale;
            for (const FormatExport &e : done.value()) {
                const Result<BundleExport> &r = e.result;
                if (!r) {
                    const QString name = e.format == ExportFormat::Bundle ? tr("bundle")
                                         : e.format == ExportFormat::Onnx ? QStringLiteral("ONNX")
                                                                          : QStringLiteral("TorchScript");
                    lines << tr("✘ %1: %2").arg(name, toQ(r.message()));
                    continue;
                }
                const QString file = toQ(r->file.string()), size = locale.formattedDataSize(qint64(r->bytes));
                if (e.format == ExportFormat::Bundle)
                    lines << tr("✔ %1 (%2): reloaded, it predicts the validation images with accuracy %3.")
                                 .arg(file, size)
                                 .arg(locale.toString(r->validationAccuracy, 'f', 4));
                else if (e.format == ExportFormat::Onnx)
                    lines << tr("✔ %1 (%2) and its metadata: OpenCV's dnn module matches LibTorch within %3.")
                                 .arg(file, size)
                                 .arg(locale.toString(r->maxDifference, 'g', 2));
                else
                    lines << tr("✔ %1 (%2) and its metadata: torch::jit::load matches LibTorch within %3.")
                                 .arg(file, size)
                                 .arg(locale.toString(r->maxDifference, 'g', 2));
                if (!r->warning.empty())
                    lines << tr("  (%1)").arg(toQ(r->warning));
                if (model.isEmpty() && e.format != ExportFormat::TorchScript)
                    model = file;
            }
            m_exportResult->setText(lines.join('\n'));
            if (!model.isEmpty())
                setModel(model);
            Q_EMIT exported(!model.isEmpty(), m_exportResult->text());
        });
}

void ExportPage::setModel(const QString &file)
{
    m_model->setText(file);
}

void ExportPage::predict(const QStringList &paths)
{
    if (isBusy() || paths.isEmpty())
        return;
    auto bundle = loadBundle(m_model->text().toStdString());
    if (!bundle) {
        m_predictStatus->setText(m_model->text().isEmpty() ? tr("Choose a model first.") : toQ(bundle.message()));
        Q_EMIT predicted(false, m_predictStatus->text());
        return;
    }
    std::vector<fs::path> files;
    for (const QString &p : paths)
        files.emplace_back(p.toStdString());
    m_predictStatus->setText(tr("Predicting…"));
    struct Out {
        std::vector<ImagePrediction> preds;
        std::vector<QImage> thumbs;
    };
    auto work = [b = bundle.value(), files](Progress &progress) -> Result<Out> {
        auto preds = predictImages(b, files, 5, 0, &progress);
        if (!preds)
            return preds.error();
        Out out{std::move(preds).value(), {}};
        for (const auto &p : out.preds)
            out.thumbs.push_back(p.error.empty() ? loadThumbnail(p.file, 76).image : QImage());
        return out;
    };
    m_job->start(tr("Predicting"), work, [this, classes = bundle->classes](Result<Out> done) {
        if (!done) {
            m_predictStatus->setText(toQ(done.message()));
            Q_EMIT predicted(false, m_predictStatus->text());
            return;
        }
        const Out *out = &done.value();
        const auto &preds = out->preds;
        m_results->setRowCount(int(preds.size()));
        int unlike = 0, failed = 0;
        for (int r = 0; r < int(preds.size()); ++r) {
            const ImagePrediction &p = preds[std::size_t(r)];
            auto *image = new QTableWidgetItem;
            if (!out->thumbs[std::size_t(r)].isNull())
                image->setIcon(QIcon(QPixmap::fromImage(out->thumbs[std::size_t(r)])));
            m_results->setItem(r, 0, image);
            auto *file = new QTableWidgetItem(toQ(p.file.filename().string()));
            file->setToolTip(toQ(p.file.string()));
            m_results->setItem(r, 1, file);
            QVariantList top;
            QStringList text;
            for (const auto &[c, prob] : p.top) {
                top << QVariantMap{{"c", toQ(classes[std::size_t(c)])}, {"p", double(prob)}};
                text << QStringLiteral("%1 %2").arg(toQ(classes[std::size_t(c)])).arg(QLocale().toString(double(prob), 'f', 3));
            }
            auto *bars = new QTableWidgetItem;
            bars->setData(kTopRole, top);
            bars->setData(Qt::DisplayRole, QString());
            bars->setToolTip(text.join('\n'));
            m_results->setItem(r, 2, bars);
            QString note;
            if (!p.error.empty()) {
                note = tr("cannot read it: %1").arg(toQ(p.error));
                ++failed;
            } else if (p.outOfDomain) {
                note = tr("unlike the training images (top probability %1)").arg(QLocale().toString(double(p.maxProbability), 'f', 2));
                ++unlike;
            }
            m_results->setItem(r, 3, new QTableWidgetItem(note));
        }
        m_predictStatus->setText(tr("%Ln image(s)", nullptr, int(preds.size())) + tr(" · %1 unlike the training images · %2 unreadable")
                                                                                 .arg(unlike)
                                                                                 .arg(failed));
        updateButtons();
        Q_EMIT predicted(true, m_predictStatus->text());
    });
}

bool ExportPage::saveCsv(const QString &file) const
{
    std::string csv = "file,top1,p1,top2,p2,top3,p3,top4,p4,top5,p5,note\n";
    for (int r = 0; r < m_results->rowCount(); ++r) {
        csv += csvField(m_results->item(r, 1)->toolTip().toStdString());
        const QVariantList top = m_results->item(r, 2)->data(kTopRole).toList();
        for (int k = 0; k < 5; ++k) {
            const QVariantMap m = top.value(k).toMap();
            csv.append(1, ',').append(csvField(m.value("c").toString().toStdString())).append(1, ',');
            if (!m.isEmpty())
                csv += QString::number(m.value("p").toDouble(), 'f', 6).toStdString();
        }
        csv.append(1, ',').append(csvField(m_results->item(r, 3)->text().toStdString())).append(1, '\n');
    }
    return bool(writeFileAtomic(file.toStdString(), csv));
}

void ExportPage::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ExportPage::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    predict(paths);
}

} // namespace kiln
