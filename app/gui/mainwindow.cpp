#include "mainwindow.h"

#include "acquirepage.h"
#include "analyzepage.h"
#include "datasetpage.h"
#include "exportpage.h"
#include "appearance.h"
#include "helptexts.h"
#include "preferencesdialog.h"
#include "thumbnailcache.h"
#include "backgroundjob.h"
#include "projectsession.h"
#include "train/learner.h"
#include "train/run.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QTextBrowser>
#include "trainpage.h"
#include "progresspanel.h"

#include "core/progress.h"
#include "data/csvio.h"
#include "data/datasetindex.h"
#include "data/demoproject.h"
#include "data/folderimport.h"
#include "data/idximport.h"
#include "data/project.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QFontMetrics>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QProcess>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <algorithm>

namespace fs = std::filesystem;

namespace kiln {

namespace {

fs::path toPath(const QString &s) { return fs::path(s.toStdString()); }
QString toQ(const fs::path &p) { return QString::fromStdString(p.string()); }
QString toQ(const std::string &s) { return QString::fromStdString(s); }

enum PageRow { AcquireRow, DatasetRow, TrainRow, AnalyzeRow, ExportRow };

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new ProjectSession(this))
    , m_sideBar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_datasetPage(new DatasetPage(this))
    , m_trainPage(new TrainPage(this))
    , m_analyzePage(new AnalyzePage(this))
    , m_acquirePage(new AcquirePage(this))
    , m_exportPage(new ExportPage(this))
    , m_jobPanel(new ProgressPanel(this))
    , m_job(new BackgroundJob(this, m_jobPanel))
    , m_statusLabel(new QLabel(this))
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->addWidget(m_sideBar);
    row->addWidget(m_stack, 1);
    layout->addLayout(row, 1);
    layout->addWidget(m_jobPanel);
    setCentralWidget(central);
    m_stack->addWidget(m_datasetPage);
    m_stack->addWidget(m_trainPage);
    m_stack->addWidget(m_analyzePage);
    m_stack->addWidget(m_acquirePage);
    m_stack->addWidget(m_exportPage);
    statusBar()->addWidget(m_statusLabel, 1);
    // One list of runs for the three pages that show them.
    m_trainPage->setRunModel(m_session->runs());
    m_analyzePage->setRunModel(m_session->runs());
    m_exportPage->setRunModel(m_session->runs());

    buildSideBar();
    buildMenus();
    applyPreferences(Preferences::load());
    updateTitle();
    resize(1280, 800);

    connect(m_datasetPage, &DatasetPage::datasetLoaded, this, [this](int images, int classes) {
        m_statusLabel->setText(tr("%1 images · %2 classes").arg(QLocale().toString(images)).arg(classes));
        if (m_session->isOpen()) {
            m_trainPage->setDataset(m_session->root(), m_datasetPage->index());
            // Keep the project's vocabulary current for tools that read kiln-project.json.
            const auto now = m_datasetPage->index()->classes();
            if (now != m_session->project().classes)
                if (auto saved = m_session->update([&](Project &p) { p.classes = now; }); !saved)
                    showError(tr("Cannot save the project"), toQ(saved.message()));
        }
    });
    // The training thread recorded the run in kiln-project.json; read it again.
    connect(m_trainPage, &TrainPage::runFinished, this, [this](const QString &runDir) {
        if (auto read = m_session->reload(); !read)
            showError(tr("Cannot read the project"), toQ(read.message()));
        m_analyzePage->selectRun(runDir);
    });
    connect(m_session, &ProjectSession::changed, this, &MainWindow::updateTitle);
    connect(m_analyzePage, &AnalyzePage::datasetChanged, m_datasetPage, &DatasetPage::rescan);
    connect(m_acquirePage, &AcquirePage::datasetChanged, m_datasetPage, &DatasetPage::rescan);
    connect(m_acquirePage, &AcquirePage::finished, this, [this](bool cancelled, const QString &summary) {
        statusBar()->showMessage((cancelled ? tr("Acquire cancelled: ") : tr("Acquire finished: ")) + summary, 15000);
    });
    connect(m_analyzePage, &AnalyzePage::editsDone, this, [this](bool ok, const QString &message) {
        if (ok)
            statusBar()->showMessage(message, 8000);
        else
            showError(tr("Some edits were not done"), message);
    });
    connect(m_analyzePage, &AnalyzePage::interpreted, this, [this](bool ok, const QString &message) {
        if (!ok)
            showError(tr("Cannot interpret the run"), message);
    });
    connect(m_analyzePage, &AnalyzePage::retrainRequested, this, &MainWindow::retrain);
    connect(m_datasetPage, &DatasetPage::scanFailed, this, [this](const QString &message) {
        showError(tr("Cannot read the dataset"), message);
    });
}

MainWindow::~MainWindow() = default;

bool MainWindow::isBusy() const
{
    return m_job->isRunning();
}

void MainWindow::buildSideBar()
{
    struct Entry { QString name; QString tip; bool enabled; };
    const Entry entries[] = {
        {tr("Acquire"), tr("Search the web for images of each class and download them"), true},
        {tr("Dataset"), tr("Browse, check and import the images"), true},
        {tr("Train"), tr("Train a classifier and watch it learn"), true},
        {tr("Analyze"), tr("Confusion matrix, top losses, and cleaning the data"), true},
        {tr("Export & Predict"), tr("Export models as bundles or ONNX, and predict images with them"), true},
    };
    QFont f = m_sideBar->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_sideBar->setFont(f);
    m_sideBar->setFixedWidth(160);
    // Long page names (in some languages) wrap onto a second line.
    m_sideBar->setWordWrap(true);
    const QFontMetrics fm(f);
    for (const auto &e : entries) {
        auto *item = new QListWidgetItem(e.name, m_sideBar);
        item->setToolTip(e.tip);
        const int textHeight = fm.boundingRect(QRect(0, 0, 130, 1000), Qt::TextWordWrap, e.name).height();
        item->setSizeHint(QSize(150, std::max(40, textHeight + 16)));
        if (!e.enabled)
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable));
    }
    m_sideBar->setCurrentRow(DatasetRow);
    connect(m_sideBar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row == AcquireRow)
            m_stack->setCurrentWidget(m_acquirePage);
        else if (row == DatasetRow)
            m_stack->setCurrentWidget(m_datasetPage);
        else if (row == TrainRow)
            m_stack->setCurrentWidget(m_trainPage);
        else if (row == ExportRow)
            m_stack->setCurrentWidget(m_exportPage);
        else if (row == AnalyzeRow) {
            m_stack->setCurrentWidget(m_analyzePage);
            if (!m_analyzePage->hasResult() && !m_analyzePage->isBusy())
                m_analyzePage->interpret();
        }
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Project…"), QKeySequence::New, this, &MainWindow::newProject);
    file->addAction(tr("&Open Project…"), QKeySequence::Open, this, &MainWindow::openProjectDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open &Demo Project (Fashion-MNIST)"), this, &MainWindow::openDemo);
    file->addSeparator();
    QMenu *import = file->addMenu(tr("&Import"));
    import->addAction(tr("Image &Folder…"), this, &MainWindow::importFolderDialog);
    import->addAction(tr("&IDX Files (MNIST family)…"), this, &MainWindow::importIdxDialog);
    import->addAction(tr("&CSV (path,label)…"), this, &MainWindow::importCsvDialog);
    file->addAction(tr("&Export CSV…"), this, &MainWindow::exportCsvDialog);
    file->addSeparator();
    file->addAction(tr("&Preferences…"), QKeySequence::Preferences, this, [this] {
        PreferencesDialog dialog(this);
        if (dialog.exec() == QDialog::Accepted) {
            const QString oldLanguage = Preferences::load().language;
            const Preferences p = dialog.preferences();
            p.save();
            applyPreferences(p);
            if (p.language != oldLanguage)
                offerRestartForLanguage();
        }
    });
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *dataset = menuBar()->addMenu(tr("&Dataset"));
    dataset->addAction(tr("&Rescan"), QKeySequence::Refresh, m_datasetPage, &DatasetPage::rescan);
    dataset->addAction(tr("&Verify Images"), m_datasetPage, &DatasetPage::startVerify);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&User Guide"), QKeySequence::HelpContents, this, [this] {
        showHelp(tr("User guide"), HelpTexts::userGuide());
    });
    help->addAction(tr("&Keyboard Shortcuts"), this, [this] { showHelp(tr("Keyboard shortcuts"), HelpTexts::shortcuts()); });
    help->addSeparator();
    help->addAction(tr("&About Kiln"), this, [this] { QMessageBox::about(this, tr("About Kiln"), HelpTexts::about()); });
    rebuildRecentMenu();
}

void MainWindow::applyPreferences(const Preferences &p)
{
    applyAppearance(p.appearance);
    m_trainPage->applyPreferences(p);
    m_acquirePage->applyPreferences(p);
    ThumbnailCache::setCacheLimitForAll(qint64(p.thumbnailCacheMB) << 20);
}

void MainWindow::showHelp(const QString &title, const QString &html)
{
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *layout = new QVBoxLayout(dialog);
    auto *text = new QTextBrowser(dialog);
    text->setHtml(html);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    layout->addWidget(buttons);
    dialog->resize(640, 520);
    dialog->show();
}

void MainWindow::showPage(int row)
{
    m_sideBar->setCurrentRow(row);
}

void MainWindow::offerRestartForLanguage()
{
    if (QApplication::platformName() == QLatin1String("offscreen"))
        return;
    const auto answer = QMessageBox::question(this, tr("Language"),
                                              tr("Kiln shows the new language from its next start. Restart Kiln now?"),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (answer != QMessageBox::Yes)
        return;
    // The same project opens again; the window asks first if a run is training.
    QStringList args;
    if (m_session->isOpen())
        args << toQ(m_session->root().string());
    if (close())
        QProcess::startDetached(QCoreApplication::applicationFilePath(), args);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_trainPage->isBusy()) {
        if (QApplication::platformName() != QLatin1String("offscreen")) {
            const auto answer = QMessageBox::question(
                this, tr("Training is running"),
                tr("Stop the training run and quit? The checkpoint of the last finished epoch is kept, and the run can be "
                   "resumed with kiln-cli train --resume."),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
            if (answer != QMessageBox::Yes) {
                event->ignore();
                return;
            }
        }
        m_trainPage->shutdown();
    }
    event->accept();
}

void MainWindow::retrain(const QString &runDir)
{
    auto run = Run::load(toPath(runDir));
    if (!run) {
        showError(tr("Cannot retrain"), toQ(run.message()));
        return;
    }
    if (m_trainPage->isBusy()) {
        showError(tr("Cannot retrain"), tr("A training run is in progress; stop it first."));
        return;
    }
    // Every setting of the run, on the cleaned data; a found learning rate is kept, so the runs compare.
    m_trainPage->setConfig(run->config);
    showPage(TrainRow);
    m_trainPage->start();
}

QString MainWindow::projectRoot() const
{
    return m_session->isOpen() ? toQ(m_session->root()) : QString();
}

bool MainWindow::ask(const QString &title, const QString &question)
{
    if (m_questionHandler)
        return m_questionHandler(title, question);
    if (QApplication::platformName() == QLatin1String("offscreen"))
        return false; // nobody to answer a modal question
    return QMessageBox::question(this, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) == QMessageBox::Yes;
}

bool MainWindow::openProject(const QString &requested)
{
    QString dir = requested;
    // A plain folder of class folders (as kiln-cli trains it) becomes a project beside it.
    if (looksLikeImageFolder(toPath(dir))
        && ask(tr("Not a Kiln project yet"),
               tr("%1 holds class folders of images but is not a Kiln project.\n\nMake a project for it? Kiln creates the "
                  "folder %2 beside it for runs and exports; the images stay where they are (the project links to them) and "
                  "nothing is copied or moved.")
                   .arg(dir, toQ(projectFolderFor(toPath(dir)))))) {
        auto made = createProjectFor(toPath(dir));
        if (!made) {
            showError(tr("Cannot create the project"), toQ(made.message()));
            return false;
        }
        dir = toQ(made->root());
    }
    if (auto opened = m_session->open(toPath(dir)); !opened) {
        showError(tr("Cannot open the project"), toQ(opened.message()));
        return false;
    }
    const Project &project = m_session->project();
    m_datasetPage->setDataset(project.imagesDir(), project.root(), project.validPct, project.seed);
    m_analyzePage->setProject(project.root());
    m_acquirePage->setProject(project.root());
    m_exportPage->setProject(project.root());
    addRecent(toQ(project.root()));
    updateTitle();
    Q_EMIT projectOpened(toQ(project.root()));
    return true;
}

void MainWindow::openDemo()
{
    const fs::path dir = defaultDemoProjectDir();
    if (Project::isProject(dir)) {
        auto p = Project::open(dir);
        if (p && p->properties.value("demo_complete").toBool()) {
            openProject(toQ(dir));
            return;
        }
    }
    runJob(tr("Importing the Fashion-MNIST demo (once)"), [dir](Progress &progress) -> Result<JobOutcome> {
        auto project = ensureDemoProject(dir, &progress);
        if (!project)
            return project.error();
        return JobOutcome{tr("The demo project is ready."), toQ(project->root())};
    });
}

void MainWindow::runJob(const QString &label, Job job)
{
    const bool started = m_job->start(label, std::move(job), [this](Result<JobOutcome> outcome) {
        if (!outcome) {
            showError(tr("The job did not finish"), toQ(outcome.message()));
            Q_EMIT jobFinished(false, toQ(outcome.message()));
            return;
        }
        statusBar()->showMessage(outcome->message, 8000);
        if (!outcome->openAfter.isEmpty()) {
            openProject(outcome->openAfter);
        } else {
            if (auto read = m_session->reload(); !read) // an import may have written kiln-project.json
                showError(tr("Cannot read the project"), toQ(read.message()));
            m_datasetPage->rescan();
        }
        Q_EMIT jobFinished(true, outcome->message);
    });
    if (!started)
        showError(tr("Busy"), tr("Another import is still running; wait for it or cancel it."));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 15000);
    if (QApplication::platformName() == QLatin1String("offscreen"))
        return; // tests and headless runs: no modal dialog to block on
    QMessageBox::warning(this, title, message);
}

void MainWindow::addRecent(const QString &dir)
{
    QSettings settings;
    QStringList recent = settings.value("recentProjects").toStringList();
    recent.removeAll(dir);
    recent.prepend(dir);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue("recentProjects", recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value("recentProjects").toStringList();
    for (const QString &dir : recent)
        m_recentMenu->addAction(dir, this, [this, dir] { openProject(dir); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_session->isOpen() ? tr("%1 — Kiln").arg(toQ(m_session->project().name)) : tr("Kiln"));
}

bool MainWindow::requireProject()
{
    if (m_session->isOpen())
        return true;
    showError(tr("No project"), tr("Create or open a project first (File → New Project)."));
    return false;
}

void MainWindow::newProject()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose or create an empty folder for the new project"));
    if (dir.isEmpty())
        return;
    auto project = Project::create(toPath(dir));
    if (!project) {
        showError(tr("Cannot create the project"), toQ(project.message()));
        return;
    }
    openProject(dir);
}

void MainWindow::openProjectDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a Kiln project folder"));
    if (!dir.isEmpty())
        openProject(dir);
}

void MainWindow::importFolderDialog()
{
    if (!requireProject())
        return;
    const QString source = QFileDialog::getExistingDirectory(this, tr("Folder with one sub-folder per class"));
    if (source.isEmpty())
        return;
    const fs::path out = m_session->project().imagesDir();
    runJob(tr("Importing images"), [source, out](Progress &progress) -> Result<JobOutcome> {
        auto summary = importFolder(toPath(source), out, &progress);
        if (!summary)
            return summary.error();
        QString msg = tr("Copied %1 images in %2 classes.").arg(summary->copied).arg(summary->classes.size());
        if (!summary->problems.empty())
            msg += tr(" %1 could not be copied; first: %2").arg(summary->problems.size()).arg(toQ(summary->problems.front()));
        return JobOutcome{msg, {}};
    });
}

void MainWindow::importIdxDialog()
{
    if (!requireProject())
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Import IDX files"));
    auto *form = new QFormLayout(&dialog);
    auto pickRow = [&](QLineEdit *edit) {
        auto *w = new QWidget(&dialog);
        auto *h = new QHBoxLayout(w);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(edit, 1);
        auto *browse = new QPushButton(tr("Browse…"), w);
        h->addWidget(browse);
        connect(browse, &QPushButton::clicked, &dialog, [&dialog, edit] {
            const QString f = QFileDialog::getOpenFileName(&dialog, tr("IDX file"), QString(),
                                                           tr("IDX files (*-ubyte *-ubyte.gz *.idx *.gz);;All files (*)"));
            if (!f.isEmpty())
                edit->setText(f);
        });
        return w;
    };
    auto *images = new QLineEdit(&dialog);
    auto *labels = new QLineEdit(&dialog);
    auto *subset = new QComboBox(&dialog);
    subset->addItem(tr("Guess from the file name"), QString("auto"));
    subset->addItem(tr("train"), QString("train"));
    subset->addItem(tr("valid"), QString("valid"));
    subset->addItem(tr("test"), QString("test"));
    subset->addItem(tr("none (random split)"), QString());
    auto *classes = new QLineEdit(&dialog);
    classes->setPlaceholderText(tr("Comma-separated; empty: Fashion-MNIST names or digits"));
    form->addRow(tr("Images file:"), pickRow(images));
    form->addRow(tr("Labels file:"), pickRow(labels));
    form->addRow(tr("Put into:"), subset);
    form->addRow(tr("Class names:"), classes);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(600, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const fs::path imagesPath = toPath(images->text()), labelsPath = toPath(labels->text());
    std::string sub = subset->currentData().toString().toStdString();
    if (sub == "auto")
        sub = guessIdxSubset(imagesPath);
    IdxImportOptions options;
    for (const QString &c : classes->text().split(',', Qt::SkipEmptyParts))
        options.classNames.push_back(c.trimmed().toStdString());
    if (!sub.empty())
        options.filePrefix = sub + "_";
    const fs::path out = sub.empty() ? m_session->project().imagesDir() : m_session->project().imagesDir() / sub;
    runJob(tr("Importing IDX"), [imagesPath, labelsPath, out, options](Progress &progress) -> Result<JobOutcome> {
        auto summary = importIdx(imagesPath, labelsPath, out, options, &progress);
        if (!summary)
            return summary.error();
        return JobOutcome{tr("Imported %1 images (%2 were already there).").arg(summary->written).arg(summary->alreadyPresent), {}};
    });
}

void MainWindow::importCsvDialog()
{
    if (!requireProject())
        return;
    const QString csv = QFileDialog::getOpenFileName(this, tr("CSV file with path,label rows"), QString(),
                                                     tr("CSV files (*.csv);;All files (*)"));
    if (csv.isEmpty())
        return;
    const QString root = QFileDialog::getExistingDirectory(this, tr("Folder the CSV's paths are relative to"),
                                                           QFileInfo(csv).absolutePath());
    if (root.isEmpty())
        return;
    const fs::path out = m_session->project().imagesDir();
    runJob(tr("Importing CSV"), [csv, root, out](Progress &progress) -> Result<JobOutcome> {
        auto summary = importCsv(toPath(csv), toPath(root), out, &progress);
        if (!summary)
            return summary.error();
        QString msg = tr("Copied %1 images.").arg(summary->copied);
        if (!summary->problems.empty())
            msg += tr(" %1 rows skipped; first: %2").arg(summary->problems.size()).arg(toQ(summary->problems.front()));
        return JobOutcome{msg, {}};
    });
}

void MainWindow::exportCsvDialog()
{
    const auto index = m_datasetPage->index();
    if (!requireProject() || !index)
        return;
    const QString file = QFileDialog::getSaveFileName(this, tr("Export CSV"), toQ(m_session->root() / "dataset.csv"),
                                                      tr("CSV files (*.csv)"));
    if (file.isEmpty())
        return;
    if (auto written = exportCsv(*index, toPath(file)); !written)
        showError(tr("Cannot export"), toQ(written.message()));
    else
        statusBar()->showMessage(tr("Wrote %1 rows to %2").arg(index->size()).arg(file), 8000);
}

} // namespace kiln
