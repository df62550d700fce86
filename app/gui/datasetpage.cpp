#include "datasetpage.h"

#include "classbalancechart.h"
#include "galleryview.h"
#include "imagepreview.h"
#include "backgroundjob.h"
#include "progresspanel.h"
#include "samplemodel.h"
#include "thumbnailcache.h"
#include "verifyfailuremodel.h"

#include "core/progress.h"
#include "data/datasetindex.h"
#include "data/datasetverifier.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kiln {

namespace {

std::vector<QString> qNames(const DatasetIndex &index)
{
    std::vector<QString> names;
    for (const auto &c : index.classes())
        names.push_back(QString::fromStdString(c));
    return names;
}

} // namespace

DatasetPage::DatasetPage(QWidget *parent)
    : QWidget(parent)
    , m_thumbnails(new ThumbnailCache(this))
    , m_samples(new SampleModel(m_thumbnails, this))
    , m_filter(new SampleFilterModel(this))
    , m_classModel(new ClassTableModel(this))
    , m_failures(new VerifyFailureModel(this))
    , m_summary(new QLabel(this))
    , m_classTable(new QTableView(this))
    , m_chart(new ClassBalanceChart(this))
    , m_classBox(new QComboBox(this))
    , m_splitBox(new QComboBox(this))
    , m_gallery(new GalleryView(this))
    , m_preview(new ImagePreview(this))
    , m_verifyButton(new QPushButton(tr("Verify images"), this))
    , m_quarantine(new QCheckBox(tr("Move failures to trash"), this))
    , m_verifyPanel(new ProgressPanel(this))
    , m_verifyJob(new BackgroundJob(this, m_verifyPanel))
    , m_verifySummary(new QLabel(this))
    , m_failureTable(new QTableView(this))
{
    m_filter->setSourceModel(m_samples);
    m_gallery->setModel(m_filter);

    // Left: summary, classes table, balance chart.
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_summary->setWordWrap(true);
    leftLayout->addWidget(m_summary);
    m_classTable->setModel(m_classModel);
    m_classTable->verticalHeader()->hide();
    m_classTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_classTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_classTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_classTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *leftSplit = new QSplitter(Qt::Vertical, left);
    leftSplit->addWidget(m_classTable);
    leftSplit->addWidget(m_chart);
    // The chart's legend grows with the split names' length in the user's language; it must not widen the window.
    m_chart->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_chart->setMinimumWidth(160);
    leftSplit->setSizes({360, 280});
    leftLayout->addWidget(leftSplit, 1);

    // Centre: filters, gallery, verify controls and failures.
    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Class:"), centre));
    filters->addWidget(m_classBox, 1);
    filters->addWidget(new QLabel(tr("Split:"), centre));
    m_splitBox->addItem(tr("All splits"), -1);
    m_splitBox->addItem(tr("Train"), int(Split::Train));
    m_splitBox->addItem(tr("Valid"), int(Split::Valid));
    m_splitBox->addItem(tr("Test"), int(Split::Test));
    filters->addWidget(m_splitBox);
    filters->addStretch();
    filters->addWidget(m_quarantine);
    filters->addWidget(m_verifyButton);
    centreLayout->addLayout(filters);
    auto *centreSplit = m_centreSplit = new QSplitter(Qt::Vertical, centre);
    centreSplit->addWidget(m_gallery);
    auto *verifyBox = new QWidget(centreSplit);
    auto *verifyLayout = new QVBoxLayout(verifyBox);
    verifyLayout->setContentsMargins(0, 0, 0, 0);
    verifyLayout->addWidget(m_verifyPanel);
    verifyLayout->addWidget(m_verifySummary);
    m_failureTable->setModel(m_failures);
    m_failureTable->verticalHeader()->hide();
    m_failureTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_failureTable->horizontalHeader()->setStretchLastSection(true);
    m_failureTable->setWordWrap(false);
    verifyLayout->addWidget(m_failureTable, 1);
    centreSplit->addWidget(verifyBox);
    centreSplit->setStretchFactor(0, 4);
    centreSplit->setStretchFactor(1, 1);
    centreLayout->addWidget(centreSplit, 1);
    m_failureTable->setVisible(false);
    m_verifySummary->setVisible(false);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(centre);
    split->addWidget(m_preview);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);
    split->setSizes({260, 700, 260});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    m_verifyButton->setEnabled(false);
    connect(m_verifyButton, &QPushButton::clicked, this, [this] {
        if (isVerifying())
            cancelVerify();
        else
            startVerify();
    });
    connect(m_classBox, &QComboBox::currentIndexChanged, this, &DatasetPage::updateFilters);
    connect(m_splitBox, &QComboBox::currentIndexChanged, this, &DatasetPage::updateFilters);
    connect(m_classTable, &QTableView::clicked, this, [this](const QModelIndex &i) { m_classBox->setCurrentIndex(i.row() + 1); });
    connect(m_gallery->selectionModel(), &QItemSelectionModel::currentChanged, this, &DatasetPage::showCurrentSample);
    connect(m_failureTable, &QTableView::clicked, this, [this](const QModelIndex &i) {
        const QString rel = m_failures->data(i.siblingAtColumn(0), Qt::UserRole).toString();
        if (!m_index)
            return;
        m_preview->showImage(QString::fromStdString((m_index->root() / rel.toStdString()).string()), tr("verification failure"),
                             QString());
    });
}

DatasetPage::~DatasetPage() = default; // the verify job cancels itself

void DatasetPage::setDataset(const std::filesystem::path &imagesRoot, const std::filesystem::path &home, double validPct,
                             std::uint64_t seed)
{
    cancelVerify();
    m_root = imagesRoot;
    m_home = home;
    m_validPct = validPct;
    m_seed = seed;
    m_failures->clear();
    m_failureTable->setVisible(false);
    m_verifySummary->setVisible(false);
    rescan();
}

void DatasetPage::clearDataset()
{
    cancelVerify();
    m_root.clear();
    applyIndex(nullptr);
}

void DatasetPage::rescan()
{
    if (m_root.empty())
        return;
    m_scanning = true;
    const quint64 request = ++m_scanRequest;
    m_summary->setText(tr("Indexing %1…").arg(QString::fromStdString(m_root.string())));
    const SplitOptions options{m_validPct, m_seed};
    runOnPool(this, [root = m_root, options] { return DatasetIndex::scan(root, options); }, [this, request](Result<DatasetIndex> result) {
        if (request != m_scanRequest)
            return; // a newer scan is on its way
        m_scanning = false;
        if (!result) {
            applyIndex(nullptr);
            m_summary->setText(QString::fromStdString(result.message()));
            Q_EMIT scanFailed(QString::fromStdString(result.message()));
            return;
        }
        applyIndex(std::make_shared<const DatasetIndex>(std::move(result).value()));
    });
}

void DatasetPage::applyIndex(std::shared_ptr<const DatasetIndex> index)
{
    m_index = std::move(index);
    m_samples->setIndex(m_index);
    m_preview->clear();
    const QSignalBlocker block(m_classBox);
    m_classBox->clear();
    m_classBox->addItem(tr("All classes"), -1);
    if (!m_index) {
        m_classModel->setCounts({}, {}, {}, {});
        m_chart->setCounts({}, {}, {}, {});
        m_verifyButton->setEnabled(false);
        updateFilters();
        return;
    }
    const auto names = qNames(*m_index);
    for (std::size_t c = 0; c < names.size(); ++c)
        m_classBox->addItem(names[c], int(c));
    const auto tr_ = m_index->classCounts(Split::Train), va = m_index->classCounts(Split::Valid),
               te = m_index->classCounts(Split::Test);
    m_classModel->setCounts(names, tr_, va, te);
    m_classTable->resizeColumnsToContents();
    m_classTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_chart->setCounts(names, tr_, va, te);
    const QLocale locale;
    QString text = tr("<b>%1</b> images in <b>%2</b> classes · train %3 · valid %4")
                       .arg(locale.toString(qulonglong(m_index->size())))
                       .arg(m_index->classes().size())
                       .arg(locale.toString(qulonglong(m_index->countIn(Split::Train))),
                            locale.toString(qulonglong(m_index->countIn(Split::Valid))));
    if (m_index->countIn(Split::Test))
        text += tr(" · test %1").arg(locale.toString(qulonglong(m_index->countIn(Split::Test))));
    text += m_index->splitByFolder() ? tr(" (split by folder)")
                                     : tr(" (random split, %1% valid, seed %2)").arg(m_validPct * 100).arg(m_seed);
    if (m_index->size() == 0)
        text += tr("<br>No images yet. Put them in one folder per class under %1, or use File → Import.")
                    .arg(QString::fromStdString(m_index->root().string()).toHtmlEscaped());
    for (const auto &w : m_index->warnings())
        text += QStringLiteral("<br><span style='color:#b06000'>⚠ %1</span>").arg(QString::fromStdString(w).toHtmlEscaped());
    m_summary->setText(text);
    m_verifyButton->setEnabled(m_index->size() > 0);
    updateFilters();
    Q_EMIT datasetLoaded(int(m_index->size()), int(m_index->classes().size()));
}

void DatasetPage::updateFilters()
{
    m_filter->setClassFilter(m_classBox->currentData().isValid() ? m_classBox->currentData().toInt() : -1);
    m_filter->setSplitFilter(m_splitBox->currentData().toInt());
}

void DatasetPage::showCurrentSample()
{
    const QModelIndex current = m_gallery->currentIndex();
    if (!current.isValid()) {
        m_preview->clear();
        return;
    }
    m_preview->showImage(current.data(SampleModel::PathRole).toString(), current.data(SampleModel::ClassNameRole).toString(),
                         SampleModel::splitDisplayName(current.data(SampleModel::SplitRole).toInt()));
}

bool DatasetPage::isVerifying() const
{
    return m_verifyJob->isRunning();
}

void DatasetPage::startVerify()
{
    if (!m_index || isVerifying())
        return;
    std::vector<std::string> files;
    files.reserve(m_index->size());
    for (const auto &s : m_index->samples())
        files.push_back(s.relPath);
    DatasetVerifyOptions options;
    options.quarantine = m_quarantine->isChecked();
    m_verifyButton->setText(tr("Cancel verify"));
    m_verifySummary->setVisible(false);
    const auto root = m_index->root();
    m_verifyJob->start(
        tr("Verifying"),
        [root, home = m_home, files = std::move(files), options](Progress &progress) -> Result<DatasetVerifyReport> {
            DatasetVerifyReport report = verifyFiles(root, files, home, options, &progress);
            if (!report.error.empty())
                return Error{report.error};
            return report;
        },
        [this, root](Result<DatasetVerifyReport> report) {
            m_verifyButton->setText(tr("Verify images"));
            if (!report) {
                m_verifySummary->setText(QString::fromStdString(report.message()).toHtmlEscaped());
                m_verifySummary->setVisible(true);
                Q_EMIT verifyFinished(0, 0);
                return;
            }
            if (m_index && m_index->root() == root) {
                onVerifyDone(report.value());
            } else {
                DatasetVerifyReport stale; // the dataset changed meanwhile: drop the results
                stale.cancelled = true;
                onVerifyDone(stale);
            }
        });
}

void DatasetPage::cancelVerify()
{
    m_verifyJob->cancel();
}

void DatasetPage::onVerifyDone(const DatasetVerifyReport &report)
{
    m_failures->setFailures(report.failures, report.quarantined);
    const QLocale locale;
    QString text;
    if (report.cancelled)
        text = tr("Verification cancelled after %1 images: %2 failed so far.")
                   .arg(locale.toString(qulonglong(report.checked)), locale.toString(qulonglong(report.failures.size())));
    else
        text = tr("Verified %1 images in %2 s (%3 images/s): %4 ok, %5 failed.")
                   .arg(locale.toString(qulonglong(report.checked)), locale.toString(report.seconds, 'f', 1),
                        locale.toString(report.seconds > 0 ? double(report.checked) / report.seconds : 0.0, 'f', 0),
                        locale.toString(qulonglong(report.ok)), locale.toString(qulonglong(report.failures.size())));
    if (!report.quarantined.empty())
        text += tr(" %1 moved to .kiln/trash/ (nothing was deleted).").arg(report.quarantined.size());
    for (const auto &e : report.quarantineErrors)
        text += QStringLiteral("<br>") + QString::fromStdString(e).toHtmlEscaped();
    m_verifySummary->setText(text);
    m_verifySummary->setVisible(true);
    m_failureTable->setVisible(!report.failures.empty());
    if (!report.failures.empty()) {
        const int h = m_centreSplit->height();
        m_centreSplit->setSizes({h * 3 / 5, h * 2 / 5});
    }
    m_failureTable->resizeColumnToContents(VerifyFailureModel::FileColumn);
    m_failureTable->resizeColumnToContents(VerifyFailureModel::StatusColumn);
    Q_EMIT verifyFinished(int(report.checked), int(report.failures.size()));
    if (!report.quarantined.empty())
        rescan();
}

} // namespace kiln
