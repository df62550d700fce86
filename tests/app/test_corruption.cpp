// Issue 17's corruption test: a real tiny project with a finished run, an edit, saved predictions,
// an acquire manifest and exported models; every file kind Kiln reads back is damaged each way
// (cut at half, empty, random bytes, words in number fields, nan / inf / 1e400, a 200,000-character
// line, wrong JSON types, 50,000-deep nesting, HTML where the file belongs), in a copy of the
// project per case. Then the kiln-cli commands that read the file run as processes, and the studio
// opens the copy offscreen, visits every page and clicks the run. Pass: no crash (an exit code
// 0, 1 or 2, never a signal; no exception caught by the event-loop guard), no hang (timeouts), a
// failure names the damaged file, and no image is lost (images/ and .kiln/trash counted before
// and after). The project is trained once per test; the processes run three at a time.
#include "kilnapplication.h"
#include "analyzepage.h"
#include "datasetpage.h"
#include "exportpage.h"
#include "mainwindow.h"
#include "runlistmodel.h"
#include "trainpage.h"

#include "analysis/runanalysis.h"
#include "data/editjournal.h"
#include "export/bundlefile.h"
#include "export/modelbundle.h"
#include "testfiles.h"
#include "tinytraining.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <random>
#include <regex>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

QString q(const fs::path &p) { return QString::fromStdString(p.string()); }

std::string readAll(const fs::path &f)
{
    const auto b = test::readBytes(f);
    return std::string(b.begin(), b.end());
}

// ---- the damage ------------------------------------------------------------------------------

QJsonValue wrongTypes(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Double: return QString("seven");
    case QJsonValue::String: return 7;
    case QJsonValue::Bool: return QString("yes");
    case QJsonValue::Array: return QJsonObject{{"0", v}};
    case QJsonValue::Object: {
        QJsonObject o;
        const QJsonObject in = v.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            o.insert(it.key(), wrongTypes(it.value()));
        return QJsonArray{o};
    }
    default: return QJsonArray{};
    }
}

// Each way of damaging a file's bytes. `lines`: the file is JSON Lines or CSV (damage a line).
struct Damage {
    std::string name;
    std::function<std::string(const std::string &, bool lines)> apply;
};

std::string replaceNumbers(const std::string &text, const std::vector<std::string> &with)
{
    static const std::regex number(R"(-?\b\d+(\.\d+)?([eE][-+]?\d+)?\b)");
    std::string out;
    std::size_t k = 0;
    auto last = text.cbegin();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it) {
        out.append(last, text.cbegin() + it->position());
        out += with[k++ % with.size()];
        last = text.cbegin() + it->position() + it->length();
    }
    out.append(last, text.cend());
    return out;
}

std::string perLine(const std::string &text, const std::function<std::string(const std::string &)> &f)
{
    std::string out, line;
    for (char c : text) {
        if (c == '\n') {
            out += f(line) + "\n";
            line.clear();
        } else {
            line += c;
        }
    }
    return line.empty() ? out : out + f(line);
}

std::string jsonWrongTypes(const std::string &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text));
    const QJsonValue v = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
    QJsonObject o;
    const QJsonObject in = v.toObject();
    for (auto it = in.begin(); it != in.end(); ++it)
        o.insert(it.key(), wrongTypes(it.value())); // the top stays an object, every member changes type
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

const Damage kCut{"cut at half", [](const std::string &t, bool) { return t.substr(0, t.size() / 2); }};
const Damage kEmpty{"empty", [](const std::string &, bool) { return std::string(); }};
const Damage kRandom{"random bytes", [](const std::string &, bool) {
                         std::mt19937 rng(17);
                         std::string out(4096, '\0');
                         for (char &c : out)
                             c = char(rng() & 0xff);
                         return out;
                     }};
const Damage kHtml{"HTML", [](const std::string &, bool) {
                       return std::string("<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
                                          "<body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>\n");
                   }};
const Damage kWords{"words in number fields", [](const std::string &t, bool) { return replaceNumbers(t, {"seven", "n/a"}); }};
const Damage kNanInf{"nan, inf, 1e400", [](const std::string &t, bool) { return replaceNumbers(t, {"nan", "inf", "1e400", "-inf"}); }};
const Damage kLongLine{"a 200,000-character line", [](const std::string &t, bool lines) {
                           const std::string huge(200000, 'x');
                           if (lines) {
                               const auto nl = t.find('\n');
                               return nl == std::string::npos ? t + "\n" + huge + "\n" : t.substr(0, nl + 1) + huge + "\n" + t.substr(nl + 1);
                           }
                           // JSON: the same document with a member holding 200,000 characters, on one line.
                           QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(t)).object();
                           o.insert("note", QString::fromStdString(huge));
                           return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
                       }};
const Damage kWrongTypes{"wrong JSON types", [](const std::string &t, bool lines) {
                             return lines ? perLine(t, [](const std::string &l) { return jsonWrongTypes(l); }) : jsonWrongTypes(t);
                         }};
const Damage kDeep{"50,000-deep nesting", [](const std::string &t, bool lines) {
                       const std::string deep = std::string(50000, '[') + std::string(50000, ']');
                       return lines ? t + deep + "\n" : deep;
                   }};

const std::vector<Damage> kBinaryDamage{kCut, kEmpty, kRandom, kHtml};
const std::vector<Damage> kCsvDamage{kCut, kEmpty, kRandom, kHtml, kWords, kNanInf, kLongLine};
const std::vector<Damage> kJsonDamage{kCut, kEmpty, kRandom, kHtml, kWords, kNanInf, kLongLine, kWrongTypes, kDeep};

// ---- the project -----------------------------------------------------------------------------

// A project with a finished run, an edit in its journal, saved predictions, an acquire manifest,
// and (with `models`) the run exported as a bundle and as ONNX.
struct Pristine {
    TempDir dir;
    fs::path project, run;
    explicit Pristine(bool models)
    {
        project = dir / "p";
        run = project / "runs" / "20260101-000000-simple_cnn";
        auto trained = test::makeTrainedProject(project, run, 24, test::tinyTraining(2));
        EXPECT_TRUE(trained.ok()) << (trained ? "" : trained.message());
        auto journal = EditJournal::open(project);
        EXPECT_TRUE(journal.ok());
        if (journal)
            EXPECT_TRUE(journal->apply({{EditKind::Relabel, "left/img_0.png", "right", ""},
                                        {EditKind::Remove, "right/img_1001.png", "", "blurry"}})
                            .ok());
        auto info = readRunInfo(run);
        EXPECT_TRUE(info.ok()) << (info ? "" : info.message());
        if (!info)
            return;
        EXPECT_TRUE(predictRun(info.value(), AnalysisScope::Valid).ok()); // saves predictions/valid.pt
        test::writeText(project / ".kiln/acquire/left.jsonl",
                        "{\"url\":\"http://127.0.0.1:9/a.jpg\",\"status\":\"ok\",\"file\":\"images/left/img_2.png\",\"time\":\"2026-01-01T00:00:00Z\"}\n"
                        "{\"url\":\"http://127.0.0.1:9/b.jpg\",\"status\":\"failed\",\"reason\":\"HTTP 404\",\"time\":\"2026-01-01T00:00:01Z\"}\n"
                        "{\"url\":\"http://127.0.0.1:9/c.jpg\",\"status\":\"failed\",\"reason\":\"timeout\",\"retry\":true}\n");
        if (models) {
            EXPECT_TRUE(exportRunAs(info.value(), ExportFormat::Bundle, project / "exports/model.kiln").ok());
            EXPECT_TRUE(exportRunAs(info.value(), ExportFormat::Onnx, project / "exports/model.onnx").ok());
        }
    }
};

// A copy of the project whose run reads the copy's images; file times are kept, so the saved
// predictions still match their checkpoint.
void copyProject(const fs::path &from, const fs::path &to)
{
    fs::create_directories(to.parent_path());
    fs::copy(from, to, fs::copy_options::recursive);
    for (const auto &e : fs::recursive_directory_iterator(from)) {
        std::error_code ec;
        if (e.is_regular_file(ec))
            fs::last_write_time(to / e.path().lexically_relative(from), fs::last_write_time(e.path()), ec);
    }
    for (const auto &e : fs::directory_iterator(to / "runs")) {
        const fs::path runJson = e.path() / "run.json";
        std::string text = readAll(runJson);
        for (std::size_t at; (at = text.find(from.string() + "/")) != std::string::npos || (at = text.find(from.string() + "\"")) != std::string::npos;)
            text.replace(at, from.string().size(), to.string());
        test::writeText(runJson, text);
        fs::last_write_time(runJson, fs::last_write_time(from / runJson.lexically_relative(to)));
    }
}

std::size_t imagesAndTrash(const fs::path &project)
{
    std::error_code ec;
    return test::countFiles(project / "images") + (fs::exists(project / ".kiln/trash", ec) ? test::countFiles(project / ".kiln/trash") : 0);
}

// ---- running -----------------------------------------------------------------------------------

struct Command {
    std::string label;  // the case and the command, for messages
    QStringList args;
    std::string names;  // the damaged file's name, which a failure must mention
};

struct Outcome {
    int code = -1;
    bool crashed = false, timedOut = false;
    QString out, err;
};

// Runs every command as a kiln-cli process, `parallel` at a time.
std::vector<Outcome> runAll(const std::vector<Command> &commands, int parallel = 3, int timeoutMs = 90000)
{
    std::vector<Outcome> out(commands.size());
    std::vector<std::unique_ptr<QProcess>> procs(commands.size());
    std::vector<QElapsedTimer> clocks(commands.size());
    std::size_t next = 0, done = 0;
    int running = 0;
    while (done < commands.size()) {
        while (running < parallel && next < commands.size()) {
            procs[next] = std::make_unique<QProcess>();
            procs[next]->start(KILN_CLI_PATH, commands[next].args);
            clocks[next].start();
            ++running;
            ++next;
        }
        QTest::qWait(20);
        for (std::size_t i = 0; i < next; ++i) {
            QProcess *p = procs[i].get();
            if (!p)
                continue;
            const bool timedOut = p->state() != QProcess::NotRunning && clocks[i].elapsed() > timeoutMs;
            if (timedOut) {
                p->kill();
                p->waitForFinished(5000);
            }
            if (p->state() != QProcess::NotRunning)
                continue;
            out[i] = {p->exitCode(), p->exitStatus() == QProcess::CrashExit, timedOut, QString::fromUtf8(p->readAllStandardOutput()),
                      QString::fromUtf8(p->readAllStandardError())};
            procs[i].reset();
            --running;
            ++done;
        }
    }
    return out;
}

void expectSafe(const Command &c, const Outcome &o)
{
    SCOPED_TRACE(c.label + ": kiln-cli " + c.args.join(' ').left(300).toStdString());
    EXPECT_FALSE(o.crashed) << "crashed (a signal); stderr: " << o.err.toStdString();
    EXPECT_FALSE(o.timedOut) << "hung";
    EXPECT_TRUE(o.code == 0 || o.code == 1 || o.code == 2) << "exit code " << o.code << "; stderr: " << o.err.toStdString();
    if (o.code != 0 && !o.crashed)
        EXPECT_TRUE(o.err.contains(QString::fromStdString(c.names))) << "the message does not name " << c.names << ": "
                                                                      << o.err.left(600).toStdString();
}

// The studio on the project: open it, every page, the run clicked on the Train page, the
// Analyze page's interpretation waited for, the run chosen on the Export page. With
// `mayFailToOpen` (the project file itself is damaged) the window may refuse it, by name.
void visitInTheStudio(const std::string &label, const fs::path &project, const std::string &names, bool mayFailToOpen)
{
    SCOPED_TRACE(label + ": the studio");
    const QString named = QString::fromStdString(names);
    auto *app = static_cast<KilnApplication *>(QCoreApplication::instance());
    const int escapedBefore = app->escapedExceptions();
    {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QSignalSpy loaded(window.datasetPage(), &DatasetPage::datasetLoaded);
        if (!window.openProject(q(project))) {
            EXPECT_TRUE(mayFailToOpen) << window.lastError().toStdString();
            EXPECT_TRUE(window.lastError().contains(named)) << window.lastError().toStdString();
        } else {
            if (loaded.isEmpty())
                loaded.wait(5000);
            TrainPage *train = window.trainPage();
            window.showPage(2);
            // Listed, damaged or not, and clicked; a run that cannot be shown says why, by name.
            EXPECT_EQ(train->runList()->model()->rowCount(), 1);
            if (train->runList()->model()->rowCount() > 0) {
                Q_EMIT train->runList()->clicked(train->runList()->model()->index(0, 0));
                if (train->state() == TrainPage::State::Failed)
                    EXPECT_TRUE(train->stateText().contains(named)) << train->stateText().toStdString();
            }
            QSignalSpy interpreted(window.analyzePage(), &AnalyzePage::interpreted);
            window.showPage(3); // interprets the run
            if (interpreted.isEmpty() && window.analyzePage()->isBusy())
                EXPECT_TRUE(interpreted.wait(30000)) << "the Analyze page did not finish";
            if (!interpreted.isEmpty() && !interpreted.front().at(0).toBool())
                EXPECT_TRUE(interpreted.front().at(1).toString().contains(named)) << interpreted.front().at(1).toString().toStdString();
            window.showPage(4);
            if (window.exportPage()->runBox()->count() > 0)
                window.exportPage()->runBox()->setCurrentIndex(0);
            window.showPage(0);
            window.showPage(1);
            QTest::qWait(10);
        }
    }
    QTest::qWait(10);
    EXPECT_EQ(app->escapedExceptions(), escapedBefore) << app->lastEscapedException().toStdString();
}

struct Kind {
    std::string name;       // for messages
    fs::path file;          // relative to the project
    bool lines = false;     // JSON Lines or CSV
    std::vector<Damage> damage;
    // The commands that read the file, for damage number i (P: the project, R: the run, D: a
    // folder for outputs); rotated so each command meets several kinds of damage.
    std::function<std::vector<QStringList>(std::size_t i, const fs::path &P, const fs::path &R, const fs::path &D)> commands;
    bool studio = false;    // the studio reads it too
    bool mayFailToOpen = false; // the studio may refuse the project (its own file is damaged)
    std::string names;      // what a message about it must name (default: the file name)
};

// Damages every kind each way in a copy of the project, runs the commands and the studio.
void runCorruption(const Pristine &pristine, const std::vector<Kind> &kinds)
{
    QElapsedTimer clock;
    clock.start();
    struct Case {
        std::string label;
        fs::path project, gui;
        std::size_t images = 0;
        const Kind *kind = nullptr;
    };
    std::vector<Case> cases;
    std::vector<Command> commands;
    std::vector<std::size_t> commandCase;
    const fs::path root = pristine.dir / "cases";
    std::size_t n = 0;
    for (const Kind &kind : kinds) {
        const std::string names = kind.names.empty() ? kind.file.filename().string() : kind.names;
        for (std::size_t i = 0; i < kind.damage.size(); ++i) {
            const Damage &d = kind.damage[i];
            Case c;
            c.label = kind.name + ", " + d.name;
            c.kind = &kind;
            c.project = root / std::to_string(n++);
            copyProject(pristine.project, c.project);
            const fs::path file = c.project / kind.file;
            const auto mtime = fs::last_write_time(file);
            test::writeText(file, d.apply(readAll(file), kind.lines));
            fs::last_write_time(file, mtime); // the damage, not a newer file, is what readers meet
            c.images = imagesAndTrash(c.project);
            if (kind.studio) {
                c.gui = root / (std::to_string(n - 1) + "-studio");
                copyProject(c.project, c.gui);
            }
            const fs::path runDir = c.project / pristine.run.lexically_relative(pristine.project);
            fs::create_directories(c.project.string() + "-out");
            for (const QStringList &args : kind.commands(i, c.project, runDir, c.project.string() + "-out")) {
                commands.push_back({c.label, args, names});
                commandCase.push_back(cases.size());
            }
            cases.push_back(c);
        }
    }
    const auto outcomes = runAll(commands);
    for (std::size_t k = 0; k < commands.size(); ++k)
        expectSafe(commands[k], outcomes[k]);
    for (const Case &c : cases) {
        EXPECT_EQ(imagesAndTrash(c.project), c.images) << c.label << ": an image was lost";
        if (c.kind->studio) {
            const std::string names = c.kind->names.empty() ? c.kind->file.filename().string() : c.kind->names;
            visitInTheStudio(c.label, c.gui, names, c.kind->mayFailToOpen);
            EXPECT_EQ(imagesAndTrash(c.gui), c.images) << c.label << ": an image was lost in the studio";
        }
    }
    std::printf("corruption: %zu cases, %zu kiln-cli runs, %.1f s\n", cases.size(), commands.size(), double(clock.elapsed()) / 1000);
}

QStringList withPaths(std::initializer_list<QString> parts) { return QStringList(parts); }

} // namespace

TEST(Corruption, RunFiles)
{
    const Pristine pristine(false);
    ASSERT_FALSE(HasFailure());
    auto runCommands = [](std::size_t i, const fs::path &, const fs::path &R, const fs::path &D) -> std::vector<QStringList> {
        const std::vector<QStringList> all{{"interpret", q(R), "--no-cache"},
                                           {"export", q(R), "--out", q(D / "m.kiln")},
                                           {"tsne", q(R), "--out", q(D / "t.csv"), "--iters", "50"},
                                           {"train", "--resume", q(R)}};
        return {all[i % all.size()]};
    };
    std::vector<Kind> kinds{
        {"run.json", "runs/20260101-000000-simple_cnn/run.json", false, kJsonDamage, runCommands, true},
        // The crash this issue began with: a word in metrics.csv killed kiln-cli export (stod).
        {"metrics.csv", "runs/20260101-000000-simple_cnn/metrics.csv", true, kCsvDamage,
         [](std::size_t i, const fs::path &, const fs::path &R, const fs::path &D) -> std::vector<QStringList> {
             return {{"train", "--resume", q(R)}, {"export", q(R), "--out", q(D / (i % 2 ? "m.onnx" : "m.kiln"))}};
         },
         true},
        {"batches.csv", "runs/20260101-000000-simple_cnn/batches.csv", true, kCsvDamage,
         [](std::size_t, const fs::path &, const fs::path &R, const fs::path &) -> std::vector<QStringList> {
             return {{"train", "--resume", q(R)}};
         },
         true},
        {"checkpoint", "runs/20260101-000000-simple_cnn/checkpoints/last.pt", false, kBinaryDamage,
         [](std::size_t i, const fs::path &, const fs::path &R, const fs::path &D) -> std::vector<QStringList> {
             switch (i) {
             case 0: return {{"export", q(R), "--out", q(D / "m.kiln")}, {"export", q(R), "--out", q(D / "m.onnx")},
                             {"export", q(R), "--out", q(D / "m.pt")}};
             case 1: return {{"interpret", q(R), "--no-cache"}, {"tsne", q(R), "--out", q(D / "t.csv"), "--iters", "50"}};
             case 2: return {{"train", "--resume", q(R)}, {"export", q(R), "--out", q(D / "m.onnx")}};
             default: return {{"interpret", q(R), "--no-cache"}, {"export", q(R), "--out", q(D / "m.pt")}, {"train", "--resume", q(R)}};
             }
         },
         true},
        {"saved predictions", "runs/20260101-000000-simple_cnn/predictions/valid.pt", false, kBinaryDamage,
         [](std::size_t i, const fs::path &, const fs::path &R, const fs::path &D) -> std::vector<QStringList> {
             if (i % 2 == 0)
                 return {{"interpret", q(R)}};
             return {{"tsne", q(R), "--out", q(D / "t.csv"), "--iters", "50"}};
         },
         true},
    };
    runCorruption(pristine, kinds);
}

TEST(Corruption, ProjectFiles)
{
    const Pristine pristine(false);
    ASSERT_FALSE(HasFailure());
    test::writeText(pristine.dir / "urls.txt", "http://127.0.0.1:9/new.jpg\n");
    const QString urls = q(pristine.dir / "urls.txt");
    std::vector<Kind> kinds{
        {"kiln-project.json", "kiln-project.json", false, kJsonDamage,
         [](std::size_t i, const fs::path &P, const fs::path &, const fs::path &) -> std::vector<QStringList> {
             if (i % 2 == 0)
                 return {{"dataset", "info", q(P)}};
             return {{"undo", q(P)}};
         },
         true, true},
        {"journal", ".kiln/journal.jsonl", true, kJsonDamage,
         [](std::size_t, const fs::path &P, const fs::path &, const fs::path &) -> std::vector<QStringList> { return {{"undo", q(P)}}; },
         true},
        {"acquire manifest", ".kiln/acquire/left.jsonl", true, kJsonDamage,
         [urls](std::size_t, const fs::path &P, const fs::path &, const fs::path &) -> std::vector<QStringList> {
             return {{"acquire", q(P), "--class", "left", "--per-class", "30", "--urls", urls}};
         }},
    };
    runCorruption(pristine, kinds);
}

TEST(Corruption, ExportedModels)
{
    const Pristine pristine(true);
    ASSERT_FALSE(HasFailure());
    const QString image = q(pristine.project / "images/left/img_3.png");
    const auto metadata = readBundleMetadata(pristine.project / "exports/model.kiln");
    ASSERT_TRUE(metadata.ok()) << metadata.message();
    auto predict = [image](const std::string &file) {
        return [image, file](std::size_t, const fs::path &P, const fs::path &, const fs::path &) -> std::vector<QStringList> {
            return {{"predict", q(P / "exports" / file), image}};
        };
    };
    std::vector<Kind> kinds{
        {"bundle", "exports/model.kiln", false, kBinaryDamage, predict("model.kiln")},
        {"ONNX metadata", "exports/model.onnx.json", false, kJsonDamage, predict("model.onnx")},
    };
    runCorruption(pristine, kinds);

    // The bundle's own metadata (kiln_metadata inside model.kiln), each way.
    std::vector<Command> commands;
    std::vector<fs::path> dirs;
    const fs::path checkpoint = pristine.run / "checkpoints/last.pt";
    for (std::size_t i = 0; i < kJsonDamage.size(); ++i) {
        const fs::path out = pristine.dir / ("meta-" + std::to_string(i) + ".kiln");
        ASSERT_TRUE(writeBundleFile(checkpoint, kJsonDamage[i].apply(metadata.value(), false), out).ok());
        commands.push_back({"bundle metadata, " + kJsonDamage[i].name, {"predict", q(out), image}, out.filename().string()});
    }
    const auto outcomes = runAll(commands);
    for (std::size_t k = 0; k < commands.size(); ++k)
        expectSafe(commands[k], outcomes[k]);
}
