#pragma once
// The studio's main window: a side bar with a page per step of the loop (pages later issues build
// are listed but disabled), the project menu (new, open, recent, import, export) and a progress
// panel for long jobs. Wiring only; the work happens in the engine and the pages.

#include "core/result.h"

#include <QMainWindow>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

class QListWidget;
class QStackedWidget;
class QMenu;
class QLabel;

namespace kiln {

class AcquirePage;
class AnalyzePage;
class ExportPage;
class DatasetPage;
class TrainPage;
class BackgroundJob;
class ProgressPanel;
class ProjectSession;
struct Progress;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a project folder; shows the error in the window and returns false when it cannot. A
    // plain folder of class folders is offered to become a project beside it (createProjectFor).
    bool openProject(const QString &dir);
    // Answers the window's yes/no questions instead of a dialog (tests; offscreen the answer is
    // otherwise no). The handler gets the title and the question.
    void setQuestionHandler(std::function<bool(const QString &, const QString &)> handler) { m_questionHandler = std::move(handler); }
    // Imports the Fashion-MNIST demo once (in the background), then opens it.
    void openDemo();

    DatasetPage *datasetPage() const { return m_datasetPage; }
    TrainPage *trainPage() const { return m_trainPage; }
    AnalyzePage *analyzePage() const { return m_analyzePage; }
    AcquirePage *acquirePage() const { return m_acquirePage; }
    ExportPage *exportPage() const { return m_exportPage; }
    void showPage(int row);
    QListWidget *sideBar() const { return m_sideBar; }
    QString projectRoot() const;
    QString lastError() const { return m_lastError; }
    bool isBusy() const;
    ProjectSession *session() const { return m_session; }

    static constexpr int kMaxRecent = 8;

protected:
    void closeEvent(QCloseEvent *event) override;

Q_SIGNALS:
    void projectOpened(const QString &root);
    void jobFinished(bool ok, const QString &message);

private:
    struct JobOutcome {
        QString message;
        QString openAfter; // a project to open when the job succeeded
    };
    using Job = std::function<Result<JobOutcome>(Progress &)>;

    void buildMenus();
    void buildSideBar();
    void runJob(const QString &label, Job job);
    void showError(const QString &title, const QString &message);
    bool ask(const QString &title, const QString &question);
    void addRecent(const QString &dir);
    void rebuildRecentMenu();
    void updateTitle();
    void retrain(const QString &runDir);
    void showHelp(const QString &title, const QString &html);
    void applyPreferences(const struct Preferences &p);
    void offerRestartForLanguage();

    void newProject();
    void openProjectDialog();
    void importIdxDialog();
    void importFolderDialog();
    void importCsvDialog();
    void exportCsvDialog();
    bool requireProject();

    ProjectSession *m_session;
    QListWidget *m_sideBar;
    QStackedWidget *m_stack;
    DatasetPage *m_datasetPage;
    TrainPage *m_trainPage;
    AnalyzePage *m_analyzePage;
    AcquirePage *m_acquirePage;
    ExportPage *m_exportPage;
    ProgressPanel *m_jobPanel;
    BackgroundJob *m_job;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_statusLabel;
    QString m_lastError;
    std::function<bool(const QString &, const QString &)> m_questionHandler;
};

} // namespace kiln
