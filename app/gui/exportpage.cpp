#include "exportpage.h"

#include "core/fileutil.h"
#include "data/csvio.h"
#include "data/imageloader.h"
#include "export/modelbundle.h"
#include "train/trainer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFutureWatcher>
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
#include <QtConcurrent>

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
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);

    auto *exportBox = new QGroupBox(tr("Export a trained model"), this);
    auto *el = new QVBoxLayout(exportBox);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(new QLabel(tr("Run:"), exportBox));
    runRow->addWidget(m_run, 1);
    runRow->addWidget(new QLabel(tr("Checkpoint:"), exportBox));
    m_checkpoint->addItem(tr("what the run kept"), QString());
    m_checkpoint->addItem(tr("last epoch"), QStringLiteral("last.pt"));
    m_checkpoint->addItem(tr("best (lowest validation loss)"), QStringLiteral("best.pt"));
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
    el->addLayout(destRow);
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
    setBusy(false);
}

void ExportPage::setProject(const fs::path &root)
{
    // Another project gets its own exports folder; the same project (after a run) keeps the folder
    // the user chose.
    if (root != m_root)
        m_destination->setText(toQ((root / "exports").string()));
    m_root = root;
    refreshRuns();
}

void ExportPage::refreshRuns()
{
    m_run->clear();
    if (m_root.empty())
        return;
    for (const RunListing &run : listRuns(m_root))
        if (run.hasResult)
            m_run->addItem(run.accuracy >= 0 ? tr("%1  (accuracy %2)").arg(toQ(run.name)).arg(QLocale().toString(run.accuracy, 'f', 4)) : toQ(run.name),
                           toQ(run.dir.string()));
    // The hint follows the runs, unless the label shows an export's result.
    const QString noRuns = tr("Train a model first; its runs are listed here."),
                  someRuns = tr("Choose a run and the formats, then press Export.");
    if (m_exportResult->text().isEmpty() || m_exportResult->text() == noRuns || m_exportResult->text() == someRuns)
        m_exportResult->setText(m_run->count() ? someRuns : noRuns);
    setBusy(m_busy);
}

void ExportPage::setBusy(bool busy)
{
    m_busy = busy;
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
    const QString runDir = m_run->currentData().toString();
    if (runDir.isEmpty() || m_busy)
        return;
    auto run = readRunInfo(runDir.toStdString());
    if (!run) {
        m_exportResult->setText(toQ(run.message()));
        Q_EMIT exported(false, m_exportResult->text());
        return;
    }
    const QString checkpoint = m_checkpoint->currentData().toString();
    std::error_code ec;
    if (!checkpoint.isEmpty()) {
        const fs::path chosen = fs::path(runDir.toStdString()) / "checkpoints" / checkpoint.toStdString();
        if (!fs::exists(chosen, ec)) {
            m_exportResult->setText(tr("This run has no %1 (only keep-best runs keep a best checkpoint).").arg(checkpoint));
            Q_EMIT exported(false, m_exportResult->text());
            return;
        }
        run->checkpoint = chosen;
    }
    const fs::path dir = m_destination->text().toStdString();
    fs::create_directories(dir, ec);
    const std::string stem = fs::path(runDir.toStdString()).filename().string();
    const bool bundle = m_bundle->isChecked(), onnx = m_onnx->isChecked(), script = m_torchscript->isChecked(),
               softmax = m_softmax->isChecked();
    if (!bundle && !onnx && !script)
        return;
    setBusy(true);
    m_exportResult->setText(tr("Exporting and checking…"));
    using Out = std::pair<QString, QString>; // message, model to predict with
    auto *watcher = new QFutureWatcher<Out>(this);
    connect(watcher, &QFutureWatcher<Out>::finished, this, [this, watcher] {
        watcher->deleteLater();
        setBusy(false);
        const Out out = watcher->result();
        m_exportResult->setText(out.first);
        if (!out.second.isEmpty())
            setModel(out.second);
        Q_EMIT exported(!out.second.isEmpty(), out.first);
    });
    watcher->setFuture(QtConcurrent::run([info = run.value(), dir, stem, bundle, onnx, script, softmax] {
        QStringList lines;
        QString model;
        const QLocale locale;
        if (bundle) {
            const fs::path file = uniquePath(dir / (stem + ".kiln"));
            auto r = exportBundle(info, file);
            if (r) {
                lines << tr("✔ %1 (%2): reloaded, it predicts the validation images with accuracy %3.")
                             .arg(toQ(file.string()), locale.formattedDataSize(qint64(r->bytes)))
                             .arg(QLocale().toString(r->validationAccuracy, 'f', 4));
                model = toQ(file.string());
            } else {
                lines << tr("✘ bundle: %1").arg(toQ(r.message()));
            }
        }
        if (onnx) {
            const fs::path file = uniquePath(dir / (stem + ".onnx"));
            auto r = exportOnnxModel(info, file, softmax);
            if (r) {
                lines << tr("✔ %1 (%2) and its metadata: OpenCV's dnn module matches LibTorch within %3.")
                             .arg(toQ(file.string()), locale.formattedDataSize(qint64(r->bytes)))
                             .arg(QLocale().toString(r->maxDifference, 'g', 2));
                if (model.isEmpty())
                    model = toQ(file.string());
            } else {
                lines << tr("✘ ONNX: %1").arg(toQ(r.message()));
            }
        }
        if (script) {
            const fs::path file = uniquePath(dir / (stem + ".pt"));
            auto r = exportTorchScriptModel(info, file, softmax);
            lines << (r ? tr("✔ %1 (%2) and its metadata: torch::jit::load matches LibTorch within %3.")
                              .arg(toQ(file.string()), locale.formattedDataSize(qint64(r->bytes)))
                              .arg(QLocale().toString(r->maxDifference, 'g', 2))
                        : tr("✘ TorchScript: %1").arg(toQ(r.message())));
        }
        return Out{lines.join('\n'), model};
    }));
}

void ExportPage::setModel(const QString &file)
{
    m_model->setText(file);
}

void ExportPage::predict(const QStringList &paths)
{
    if (m_busy || paths.isEmpty())
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
    setBusy(true);
    m_predictStatus->setText(tr("Predicting…"));
    struct Out {
        Result<std::vector<ImagePrediction>> preds = Error{"not run"};
        std::vector<QImage> thumbs;
    };
    auto *watcher = new QFutureWatcher<std::shared_ptr<Out>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<Out>>::finished, this, [this, watcher, classes = bundle->classes] {
        watcher->deleteLater();
        setBusy(false);
        const auto out = watcher->result();
        if (!out->preds) {
            m_predictStatus->setText(toQ(out->preds.message()));
            Q_EMIT predicted(false, m_predictStatus->text());
            return;
        }
        const auto &preds = out->preds.value();
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
        setBusy(false);
        Q_EMIT predicted(true, m_predictStatus->text());
    });
    watcher->setFuture(QtConcurrent::run([b = bundle.value(), files] {
        auto out = std::make_shared<Out>();
        out->preds = predictImages(b, files, 5);
        if (out->preds)
            for (const auto &p : out->preds.value())
                out->thumbs.push_back(p.error.empty() ? loadThumbnail(p.file, 76).image : QImage());
        return out;
    }));
}

bool ExportPage::saveCsv(const QString &file) const
{
    std::string csv = "file,top1,p1,top2,p2,top3,p3,top4,p4,top5,p5,note\n";
    for (int r = 0; r < m_results->rowCount(); ++r) {
        csv += csvField(m_results->item(r, 1)->toolTip().toStdString());
        const QVariantList top = m_results->item(r, 2)->data(kTopRole).toList();
        for (int k = 0; k < 5; ++k) {
            const QVariantMap m = top.value(k).toMap();
            csv += "," + csvField(m.value("c").toString().toStdString()) + ","
                   + (m.isEmpty() ? std::string() : QString::number(m.value("p").toDouble(), 'f', 6).toStdString());
        }
        csv += "," + csvField(m_results->item(r, 3)->text().toStdString()) + "\n";
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
