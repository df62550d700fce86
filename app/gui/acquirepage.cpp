#include "acquirepage.h"

#include "backgroundjob.h"

#include "acquire/acquirejob.h"
#include "data/imageloader.h"
#include "preferencesdialog.h"
#include "progresspanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

namespace kiln {

namespace {

// A choice shown in the user's language whose data is the value the search protocol expects
// (an empty value: no filter).
QComboBox *choice(QWidget *parent, const QList<std::pair<QString, QString>> &items)
{
    auto *box = new QComboBox(parent);
    for (const auto &[text, value] : items)
        box->addItem(text, value);
    return box;
}

QTableWidget *table(QWidget *parent, const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->setVisible(false);
    t->horizontalHeader()->setStretchLastSection(true);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    return t;
}

} // namespace

AcquirePage::AcquirePage(QWidget *parent)
    : QWidget(parent)
    , m_endpoint(new QLineEdit(this))
    , m_classes(table(this, {tr("Class"), tr("Search query"), tr("Images wanted")}))
    , m_suffix(new QLineEdit(this))
    , m_wanted(new QSpinBox(this))
    , m_size(choice(this, {{tr("Any size"), {}}, {tr("Small"), "Small"}, {tr("Medium"), "Medium"},
                           {tr("Large"), "Large"}, {tr("Wallpaper"), "Wallpaper"}}))
    , m_type(choice(this, {{tr("Any type"), {}}, {tr("Photo"), "photo"}, {tr("Clip art"), "clipart"},
                           {tr("Animated GIF"), "gif"}, {tr("Transparent"), "transparent"}, {tr("Line drawing"), "line"}}))
    , m_layout(choice(this, {{tr("Any layout"), {}}, {tr("Square"), "Square"}, {tr("Tall"), "Tall"}, {tr("Wide"), "Wide"}}))
    , m_safe(new QComboBox(this))
    , m_region(new QLineEdit(QStringLiteral("us-en"), this))
    , m_maxSide(new QSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_start(new QPushButton(tr("Start"), this))
    , m_overall(new QLabel(this))
    , m_progress(table(this, {tr("Class"), tr("Found"), tr("Downloaded"), tr("Failed"), tr("Duplicates"), tr("State")}))
    , m_arrivals(new QListWidget(this))
    , m_failures(table(this, {tr("Class"), tr("URL"), tr("Why it was not kept")}))
    , m_refresh(new QTimer(this))
{
    buildUi();
    updateButtons();
}

AcquirePage::~AcquirePage() = default;

void AcquirePage::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;

    auto *classBox = new QGroupBox(tr("Classes"), this);
    auto *cl = new QVBoxLayout(classBox);
    m_classes->setToolTip(tr("One row per class. The query defaults to the class name plus the suffix."));
    m_classes->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    cl->addWidget(m_classes);
    auto *rowButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add…"), classBox);
    auto *paste = new QPushButton(tr("Paste names"), classBox);
    auto *remove = new QPushButton(tr("Remove"), classBox);
    add->setToolTip(tr("Type class names, one per line"));
    paste->setToolTip(tr("Add the class names on the clipboard, one per line"));
    for (auto *b : {add, paste, remove})
        rowButtons->addWidget(b);
    rowButtons->addStretch(1);
    cl->addLayout(rowButtons);
    top->addWidget(classBox, 3);

    auto *settings = new QGroupBox(tr("Search and download"), this);
    auto *form = new QFormLayout(settings);
    m_suffix->setPlaceholderText(tr("e.g. photo"));
    m_wanted->setRange(1, 100000);
    m_wanted->setValue(150);
    addSafeSearchChoices(m_safe);
    m_maxSide->setRange(0, 20000);
    m_maxSide->setValue(400);
    m_maxSide->setSpecialValueText(tr("keep the original size"));
    m_maxSide->setSuffix(tr(" px"));
    m_concurrency->setRange(1, 128);
    m_concurrency->setValue(16);
    form->addRow(tr("Query suffix"), m_suffix);
    form->addRow(tr("Images per new class"), m_wanted);
    form->addRow(tr("Size"), m_size);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Layout"), m_layout);
    form->addRow(tr("Safe search"), m_safe);
    form->addRow(tr("Region"), m_region);
    form->addRow(tr("Downscale to at most"), m_maxSide);
    form->addRow(tr("Downloads at once"), m_concurrency);
    m_endpoint->setToolTip(tr("The image-search service (DuckDuckGo's protocol); point it at a proxy or a test server"));
    const QString saved = QSettings().value("acquire/endpoint").toString();
    m_endpoint->setText(qEnvironmentVariableIsSet("KILN_SEARCH_ENDPOINT") || saved.isEmpty() ? defaultSearchEndpoint() : saved);
    form->addRow(tr("Search service"), m_endpoint);
    top->addWidget(settings, 2);
    layout->addLayout(top, 2);

    auto *run = new QHBoxLayout;
    run->addWidget(m_start);
    run->addWidget(m_overall, 1);
    layout->addLayout(run);

    m_arrivals->setViewMode(QListView::IconMode);
    m_arrivals->setFlow(QListView::LeftToRight);
    m_arrivals->setWrapping(false);
    m_arrivals->setIconSize(QSize(64, 64));
    m_arrivals->setFixedHeight(86);
    m_arrivals->setToolTip(tr("The newest images, as they arrive"));
    layout->addWidget(m_arrivals);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_failures);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);
    m_progress->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_failures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (auto *t : {m_progress, m_failures}) {
        t->setWordWrap(false);
        t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    }
    for (int c = 0; c < 5; ++c)
        m_progress->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_failures->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_failures->setColumnWidth(1, 260);
    m_classes->horizontalHeaderItem(1)->setToolTip(tr("Empty: the class name plus the query suffix"));
    layout->addWidget(bottom, 3);

    connect(add, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, tr("Add classes"), tr("Class names, one per line:"), {}, &ok);
        if (ok)
            addClasses(text.split('\n'));
    });
    connect(paste, &QPushButton::clicked, this, [this] { addClasses(QApplication::clipboard()->text().split('\n')); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const auto rows = m_classes->selectionModel()->selectedRows();
        for (int i = int(rows.size()) - 1; i >= 0; --i)
            m_classes->removeRow(rows[i].row());
        updateButtons();
    });
    connect(m_start, &QPushButton::clicked, this, [this] {
        if (isRunning())
            cancel();
        else
            start();
    });
    m_refresh->setInterval(100);
    connect(m_refresh, &QTimer::timeout, this, &AcquirePage::refreshProgress);
    m_overall->setText(tr("Add the classes you want, then Start. Images land in the project's class folders."));
}

void AcquirePage::applyPreferences(const Preferences &p)
{
    m_concurrency->setValue(p.downloads);
    m_region->setText(p.region);
    m_safe->setCurrentIndex(std::max(0, m_safe->findData(p.safeSearch)));
}

void AcquirePage::setEndpoint(const QString &endpoint)
{
    m_endpoint->setText(endpoint);
}

void AcquirePage::setProject(const std::filesystem::path &root)
{
    if (isRunning())
        cancel();
    m_root = root;
    updateButtons();
}

void AcquirePage::addClasses(const QStringList &names)
{
    QSet<QString> existing;
    for (int r = 0; r < m_classes->rowCount(); ++r)
        existing.insert(m_classes->item(r, 0)->text());
    for (const QString &line : names) {
        const QString name = line.trimmed();
        if (name.isEmpty() || existing.contains(name))
            continue;
        existing.insert(name);
        const int r = m_classes->rowCount();
        m_classes->insertRow(r);
        m_classes->setItem(r, 0, new QTableWidgetItem(name));
        m_classes->setItem(r, 1, new QTableWidgetItem(QString()));
        auto *wanted = new QTableWidgetItem;
        wanted->setData(Qt::EditRole, m_wanted->value());
        m_classes->setItem(r, 2, wanted);
    }
    updateButtons();
}

bool AcquirePage::isRunning() const
{
    return m_job && m_job->isRunning();
}

void AcquirePage::start()
{
    if (m_root.empty() || isRunning() || m_classes->rowCount() == 0)
        return;
    std::vector<AcquireClass> classes;
    const QString suffix = m_suffix->text().trimmed();
    for (int r = 0; r < m_classes->rowCount(); ++r) {
        AcquireClass c;
        c.name = m_classes->item(r, 0)->text().trimmed();
        const QString query = m_classes->item(r, 1) ? m_classes->item(r, 1)->text().trimmed() : QString();
        c.query = query.isEmpty() ? (suffix.isEmpty() ? c.name : c.name + ' ' + suffix) : query;
        c.wanted = m_classes->item(r, 2) ? std::max(1, m_classes->item(r, 2)->data(Qt::EditRole).toInt()) : m_wanted->value();
        classes.push_back(c);
    }
    AcquireOptions options;
    options.search.endpoint = m_endpoint->text().trimmed().isEmpty() ? defaultSearchEndpoint() : m_endpoint->text().trimmed();
    if (!qEnvironmentVariableIsSet("KILN_SEARCH_ENDPOINT"))
        QSettings().setValue("acquire/endpoint", options.search.endpoint);
    options.search.region = m_region->text().trimmed().isEmpty() ? QStringLiteral("us-en") : m_region->text().trimmed();
    options.search.safeSearch = m_safe->currentData().toString();
    options.search.size = m_size->currentData().toString();
    options.search.type = m_type->currentData().toString();
    options.search.layout = m_layout->currentData().toString();
    options.maxSide = m_maxSide->value();
    options.concurrency = m_concurrency->value();

    m_job = std::make_unique<AcquireJob>(m_root, classes, options);
    m_added = 0;
    m_failures->setRowCount(0);
    m_arrivals->clear();
    m_progress->setRowCount(int(classes.size()));
    for (int r = 0; r < int(classes.size()); ++r) {
        m_progress->setItem(r, 0, new QTableWidgetItem(classes[std::size_t(r)].name));
        for (int c = 1; c < 6; ++c)
            m_progress->setItem(r, c, new QTableWidgetItem);
    }
    connect(m_job.get(), &AcquireJob::itemFinished, this, &AcquirePage::onItem);
    connect(m_job.get(), &AcquireJob::imageAdded, this, &AcquirePage::onImage);
    connect(m_job.get(), &AcquireJob::finished, this, [this](bool cancelled) {
        m_refresh->stop();
        refreshProgress();
        updateButtons();
        if (m_added > 0)
            Q_EMIT datasetChanged();
        Q_EMIT finished(cancelled, summaryText());
    });
    m_refresh->start();
    m_job->start();
    updateButtons();
}

void AcquirePage::cancel()
{
    if (m_job)
        m_job->cancel();
}

void AcquirePage::onItem(const AcquireOutcome &o)
{
    if (o.status != "failed" && o.status != "duplicate")
        return;
    const int r = m_failures->rowCount();
    m_failures->insertRow(r);
    const QString cls = o.classIndex >= 0 ? m_job->classes()[std::size_t(o.classIndex)].name : QString();
    m_failures->setItem(r, 0, new QTableWidgetItem(cls));
    m_failures->setItem(r, 1, new QTableWidgetItem(o.url.isEmpty() ? tr("(the search)") : o.url));
    auto *why = new QTableWidgetItem(o.reason);
    why->setToolTip(o.reason);
    m_failures->setItem(r, 2, why);
}

void AcquirePage::onImage(int, const QString &path)
{
    ++m_added;
    // Thumbnails decode off the GUI thread; the strip keeps the newest 60.
    runOnPool(this, [path] { return loadThumbnail(path.toStdString(), 64); }, [this, path](LoadedImage loaded) {
        const QImage img = loaded.image;
        if (img.isNull())
            return;
        auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(img)), QString());
        item->setToolTip(path);
        m_arrivals->insertItem(0, item);
        while (m_arrivals->count() > 60)
            delete m_arrivals->takeItem(m_arrivals->count() - 1);
    });
}

void AcquirePage::refreshProgress()
{
    if (!m_job)
        return;
    int have = 0, wanted = 0, downloaded = 0;
    const auto &counts = m_job->counts();
    for (int r = 0; r < int(counts.size()) && r < m_progress->rowCount(); ++r) {
        const AcquireCounts &k = counts[std::size_t(r)];
        have += std::min(k.have(), k.wanted);
        wanted += k.wanted;
        downloaded += k.downloaded;
        const QLocale locale;
        m_progress->item(r, 1)->setText(locale.toString(k.found));
        m_progress->item(r, 2)->setText(k.present ? tr("%1 (+%2 there)").arg(locale.toString(k.downloaded), locale.toString(k.present))
                                                  : locale.toString(k.downloaded));
        m_progress->item(r, 3)->setText(locale.toString(k.failed));
        m_progress->item(r, 4)->setText(locale.toString(k.duplicates));
        QString state = k.state;
        if (k.done)
            state = k.have() >= k.wanted ? tr("done") : tr("done: the search ran out of usable images (%1 of %2)").arg(k.have()).arg(k.wanted);
        else if (state.isEmpty())
            state = k.inFlight ? tr("downloading (%1)").arg(k.inFlight) : tr("waiting");
        m_progress->item(r, 5)->setText(state);
        m_progress->item(r, 5)->setToolTip(state);
    }
    const double elapsed = m_job->elapsedSeconds();
    const double rate = elapsed > 0 ? downloaded / elapsed : 0;
    const QString left = isRunning() ? ProgressPanel::formatDuration(rate > 0 ? (wanted - have) / rate : NAN) : QStringLiteral("0:00");
    m_overall->setText(tr("%1 of %2 images · %3 images/s · %4 left · %5 not kept")
                           .arg(QLocale().toString(have), QLocale().toString(wanted))
                           .arg(QLocale().toString(rate, 'f', 1))
                           .arg(left)
                           .arg(m_failures->rowCount()));
}

QString AcquirePage::summaryText() const
{
    return m_overall->text();
}

void AcquirePage::updateButtons()
{
    const bool running = isRunning();
    m_start->setText(running ? tr("Cancel") : tr("Start"));
    m_start->setEnabled(running || (!m_root.empty() && m_classes->rowCount() > 0));
    m_start->setToolTip(m_root.empty() ? tr("Open or create a project first") : QString());
    m_classes->setEnabled(!running);
}

} // namespace kiln
