// The settings table, validate() and suggestFor(), the Run type and its store, and the project
// file's one writer.
#include "data/datasetindex.h"
#include "data/project.h"
#include "testfiles.h"
#include "tinytraining.h"
#include "train/run.h"
#include "train/runcsv.h"
#include "train/trainer.h"
#include "train/trainsettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <set>
#include <thread>

using namespace kiln;
using kiln::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A configuration in which every setting differs from TrainConfig's default, each value valid.
TrainConfig everySettingChanged()
{
    TrainConfig c;
    for (const TrainSetting &s : trainSettings()) {
        switch (s.type) {
        case SettingType::Int:
        case SettingType::Real: {
            const double def = s.number(c);
            double v = s.type == SettingType::Int ? std::floor((s.min + s.max) / 3) : (s.min + s.max) / 3;
            if (v == def)
                v = s.max;
            s.setNumber(c, v);
            break;
        }
        case SettingType::Flag: s.setNumber(c, s.number(c) != 0 ? 0 : 1); break;
        case SettingType::Choice: s.setText(c, s.choices.back() == s.text(c) ? s.choices.front() : s.choices.back()); break;
        case SettingType::Text: s.setText(c, "weights.pth"); break;
        }
    }
    c.channels = 3;
    return c;
}


} // namespace

TEST(TrainSettings, EveryFieldIsDescribedAndRoundTripsThroughRunJson)
{
    std::set<std::string> keys, flags;
    for (const TrainSetting &s : trainSettings()) {
        EXPECT_TRUE(keys.insert(s.key).second) << "two settings named " << s.key;
        if (*s.flag)
            EXPECT_TRUE(flags.insert(s.flag).second) << "two settings take " << s.flag;
        EXPECT_TRUE(*s.label && *s.help) << s.key;
        EXPECT_EQ(s.numeric(), s.number != nullptr) << s.key;
    }
    // run.json holds exactly the table's keys.
    const QJsonObject json = trainConfigToJson(TrainConfig{});
    EXPECT_EQ(std::size_t(json.size()), trainSettings().size());
    for (const QString &k : json.keys())
        EXPECT_TRUE(keys.count(k.toStdString())) << k.toStdString();

    const TrainConfig changed = everySettingChanged();
    ASSERT_TRUE(validate(changed).ok()) << validate(changed).message();
    EXPECT_NE(test::settingsText(changed), test::settingsText(TrainConfig{}));
    auto back = trainConfigFromJson(trainConfigToJson(changed));
    ASSERT_TRUE(back.ok()) << back.message();
    EXPECT_EQ(test::settingsText(back.value()), test::settingsText(changed));
    // Each setting on its own differs from the default and survives.
    for (const TrainSetting &s : trainSettings())
        EXPECT_NE(s.format(changed), s.defaultText()) << s.key;
}

TEST(TrainSettings, ValidateNamesTheSettingItsOptionAndWhatItTakes)
{
    EXPECT_TRUE(validate(TrainConfig{}).ok());
    for (const TrainSetting &s : trainSettings()) {
        if (s.type != SettingType::Int && s.type != SettingType::Real)
            continue;
        for (double bad : {s.min - 1, s.max + 1}) {
            if ((s.hasAuto && bad == 0) || (bad < 0 && std::string(s.key) == "seed"))
                continue; // 0 means auto; a seed cannot even hold a negative number
            TrainConfig c;
            s.setNumber(c, bad);
            auto r = validate(c);
            ASSERT_FALSE(r.ok()) << s.key << " = " << bad;
            EXPECT_EQ(r.message().find(s.key), 0u) << r.message();
            if (*s.flag)
                EXPECT_NE(r.message().find(std::string("(") + s.flag + ")"), std::string::npos) << r.message();
            EXPECT_NE(r.message().find(s.rule()), std::string::npos) << r.message();
        }
    }
    TrainConfig c;
    c.epochs = 20000;
    EXPECT_EQ(validate(c).message(), "epochs (--epochs) must be a whole number from 1 to 10000, not 20000");
    c = TrainConfig{};
    c.schedule = ScheduleKind(7);
    EXPECT_FALSE(validate(c).ok());
    // The CLI's spelling of a value: a word where a number belongs, a fraction for a count.
    const TrainSetting &bs = *findTrainSetting("batch_size");
    EXPECT_FALSE(setTrainSetting(c, bs, "many").ok());
    EXPECT_FALSE(setTrainSetting(c, bs, "1.5").ok());
    EXPECT_TRUE(setTrainSetting(c, *findTrainSetting("lr"), "auto").ok());
    EXPECT_EQ(c.lr, 0);
    EXPECT_FALSE(setTrainSetting(c, *findTrainSetting("seed"), "-5").ok());
    EXPECT_FALSE(setTrainSetting(c, *findTrainSetting("epochs"), "1e300").ok());
}

TEST(TrainSettings, TheLearnerRefusesWhatValidateRefuses)
{
    TempDir dir;
    test::makeLearnableDataset(dir / "data", 4);
    TrainConfig c = test::tinyTraining();
    c.maxZoom = 9;
    const std::string expected = validate(c).message();
    ASSERT_FALSE(expected.empty());
    auto r = runTraining(dir / "data", c, dir / "data/runs/bad", {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.message(), expected);
    EXPECT_FALSE(fs::exists(dir / "data/runs/bad")); // refused before anything was created
}

TEST(TrainSettings, SuggestForFollowsTheData)
{
    TempDir dir;
    test::makeDataset(dir / "small", {"a", "b"}, 3, 28);
    for (const char *c : {"a", "b"})
        for (int i = 0; i < 3; ++i)
            test::writeImage(dir / "photos" / c / (std::to_string(i) + ".jpg"), 320, 240);
    auto small = DatasetIndex::scan(dir / "small", {0.3, 9});
    ASSERT_TRUE(small.ok());
    TrainConfig s = suggestFor(small.value());
    EXPECT_EQ(s.arch, Architecture::SimpleCnn);
    EXPECT_EQ(s.size, 28);
    EXPECT_EQ(s.batchSize, 64);
    EXPECT_DOUBLE_EQ(s.validPct, 0.3);
    EXPECT_EQ(s.seed, 9u);
    TrainConfig p = suggestFor(dir / "photos");
    EXPECT_EQ(p.arch, Architecture::ResNet18);
    EXPECT_EQ(p.size, 224);
    EXPECT_EQ(p.batchSize, 32);
    EXPECT_EQ(p.pretrained, "imagenet"); // fastai's vision_learner + fine_tune
    EXPECT_EQ(p.schedule, ScheduleKind::FineTune);
    EXPECT_EQ(s.pretrained, ""); // small images train from scratch
    // An architecture asked for: the rest follows it.
    TrainConfig given = suggestFor(dir / "photos", Architecture::SimpleCnn);
    EXPECT_EQ(given.arch, Architecture::SimpleCnn);
    EXPECT_EQ(given.size, 64);
    EXPECT_EQ(given.batchSize, 64);
    EXPECT_EQ(given.pretrained, "");
}

TEST(RunFiles, SavesLoadsAndListsDamagedRunsWithTheirReason)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "p").ok());
    RunStore store(dir / "p");
    const TrainConfig config = everySettingChanged();
    kiln::Run run = kiln::Run::begin(store.runsDir() / "20260101-000000-simple_cnn", dir / "p", config);
    fs::create_directories(run.dir());
    run.status = RunStatus::Finished;
    TrainSummary result;
    result.classes = {"a", "b"};
    result.size = 28;
    result.channels = 1;
    result.mean = {0.5f};
    result.std = {0.25f};
    result.epochs.push_back({0, "", 0.7, 0.6, 0.75, 0.25, 1.5, 100});
    run.result = result;
    ASSERT_TRUE(run.save().ok());
    auto loaded = kiln::Run::load(run.dir());
    ASSERT_TRUE(loaded.ok()) << loaded.message();
    EXPECT_EQ(test::settingsText(loaded->config), test::settingsText(config));
    EXPECT_EQ(loaded->status, RunStatus::Finished);
    EXPECT_TRUE(loaded->hasResult());
    EXPECT_DOUBLE_EQ(loaded->accuracy(), 0.75);
    EXPECT_EQ(loaded->result->mean, result.mean);

    // Damaged run.json files, each listed with what is wrong.
    const std::vector<std::pair<std::string, std::string>> damaged{
        {"20260102-000000-a", "{ not json"},
        {"20260102-000000-b", "[1, 2]"},
        {"20260102-000000-c", R"({"status": "finished", "config": {"batch_size": "many"}})"},
        {"20260102-000000-d", R"({"status": 3, "config": {}})"},
        {"20260102-000000-e", R"({"status": "finished", "config": {"arch": "vgg"}})"},
        {"20260102-000000-f", R"({"status": "finished", "config": {}, "result": {"classes": "a,b"}})"},
        {"20260102-000000-g", std::string(50000, '[') + std::string(50000, ']')},
        {"20260102-000000-h", R"({"format_version": 99, "config": {}})"},
    };
    for (const auto &[id, text] : damaged)
        test::writeText(store.runsDir() / id / "run.json", text);
    const auto entries = store.list();
    ASSERT_EQ(entries.size(), damaged.size() + 1);
    EXPECT_EQ(entries.back().id, "20260101-000000-simple_cnn"); // newest first
    EXPECT_TRUE(entries.back().run.has_value());
    for (std::size_t i = 0; i + 1 < entries.size(); ++i) {
        EXPECT_FALSE(entries[i].run.has_value()) << entries[i].id;
        EXPECT_NE(entries[i].damage.find("run.json"), std::string::npos) << entries[i].damage;
    }
    EXPECT_NE(kiln::Run::load(store.runsDir() / "20260102-000000-c").message().find("batch_size"), std::string::npos);
    EXPECT_NE(kiln::Run::load(store.runsDir() / "20260102-000000-h").message().find("newer Kiln"), std::string::npos);
    // Nothing was changed or removed.
    EXPECT_EQ(test::readBytes(store.runsDir() / "20260102-000000-a/run.json").size(), 10u);
}

// A resume after a crash mid-append: the torn row and a damaged one are dropped, the next epoch's
// rows start on their own line, and the whole file reads back.
TEST(RunFiles, AResumeDropsTornBatchRowsAndAppendsOnANewLine)
{
    TempDir dir;
    const fs::path file = dir / "batches.csv";
    test::writeText(file, "epoch,batch,loss,smooth_loss,lr,mom\n0,0,0.9,0.9,0.001,0.95\n0,1,0.8,0.85,0.001,0.95\n"
                          "0,2,zero,0.8,0.001,0.95\n1,0,0.7,0.8,0.001,0.95\n1,1,0.6");
    trimBatchLog(file, 1); // epoch 1 is trained again
    ASSERT_TRUE(appendBatchLog(file, "1,0,0.5,0.7,0.001,0.95\n").ok());
    auto rows = readBatches(file);
    ASSERT_TRUE(rows.ok()) << rows.message();
    ASSERT_EQ(rows->size(), 3u);
    EXPECT_EQ((*rows)[2].epoch, 1);
    EXPECT_DOUBLE_EQ((*rows)[2].loss, 0.5);
    // A torn last row (a kill during the append itself) and the next append.
    const auto bytes = test::readBytes(file);
    test::writeText(file, std::string(bytes.begin(), bytes.end()) + "1,1,0.4");
    ASSERT_TRUE(appendBatchLog(file, "2,0,0.3,0.6,0.001,0.95\n").ok());
    auto again = readBatches(file);
    ASSERT_FALSE(again.ok()); // the torn row is now inside the file: damage, named
    EXPECT_NE(again.message().find("batches.csv"), std::string::npos) << again.message();
    trimBatchLog(file, 3);
    auto trimmed = readBatches(file);
    ASSERT_TRUE(trimmed.ok()) << trimmed.message();
    EXPECT_EQ(trimmed->size(), 4u);
    EXPECT_EQ(trimmed->back().epoch, 2);
}

TEST(RunFiles, DamagedMetricsAndBatchesAreErrorsThatNameTheFileAndLine)
{
    TempDir dir;
    const fs::path metrics = dir / "metrics.csv";
    ASSERT_TRUE(writeMetrics(metrics, {{0, "", 0.5, 0.4, 0.8, 0.2, 1.0, 0}, {1, "", 0.3, 0.35, 0.85, 0.15, 1.0, 0}}).ok());
    auto read = readMetrics(metrics);
    ASSERT_TRUE(read.ok()) << read.message();
    ASSERT_EQ(read->size(), 2u);
    EXPECT_DOUBLE_EQ(read->back().accuracy, 0.85);
    EXPECT_TRUE(readMetrics(dir / "none.csv").ok()); // not written yet: no rows
    for (const std::string &row : std::vector<std::string>{"1,,0.3,oops,0.85,0.15,1.0", "1,,0.3,nan,0.85,0.15,1.0", "1,,0.3,1e400,0.85,0.15,1.0",
                                   "1,,0.3", std::string(200000, '9')}) {
        test::writeText(metrics, "epoch,phase,train_loss,valid_loss,accuracy,error_rate,time\n0,,0.5,0.4,0.8,0.2,1.0\n" + row + "\n");
        auto bad = readMetrics(metrics);
        ASSERT_FALSE(bad.ok()) << row.substr(0, 40);
        EXPECT_NE(bad.message().find(metrics.string()), std::string::npos);
        EXPECT_NE(bad.message().find("line 3"), std::string::npos) << bad.message();
    }
    test::writeText(dir / "batches.csv", "epoch,batch,loss,smooth_loss,lr,mom\n0,0,1,1,0.1,0.9\n0,x,1,1,0.1,0.9\n");
    EXPECT_FALSE(readBatches(dir / "batches.csv").ok());
    // A kill during an append leaves a last row without its newline: the rows before it stand.
    test::writeText(dir / "batches.csv", "epoch,batch,loss,smooth_loss,lr,mom\n0,0,1,1,0.1,0.9\n0,1,0.9,0.9,0.1,0.9\n0,2,0.");
    auto torn = readBatches(dir / "batches.csv");
    ASSERT_TRUE(torn.ok()) << torn.message();
    EXPECT_EQ(torn->size(), 2u);
    EXPECT_EQ(torn->back().batches, 2);
}

TEST(Project, WritersUnderTheLockNeverLoseEachOthersChanges)
{
    TempDir dir;
    ASSERT_TRUE(Project::create(dir / "p").ok());
    // Two writers (think: the GUI and kiln-cli) each add their runs; neither saves a stale list.
    auto writer = [&](char who) {
        for (int i = 0; i < 15; ++i)
            ASSERT_TRUE(Project::recordRun(dir / "p", {std::string(1, who) + std::to_string(i), "", ""}).ok());
    };
    std::thread a(writer, 'a'), b(writer, 'b');
    a.join();
    b.join();
    auto p = Project::open(dir / "p");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->runs.size(), 30u);
    ASSERT_TRUE(Project::recordClasses(dir / "p", {"x", "y"}).ok());
    EXPECT_EQ(Project::open(dir / "p")->runs.size(), 30u);
    EXPECT_FALSE(Project::update(dir / "nothing", [](Project &) {}).ok());
}

TEST(RunFiles, ThePrecisionAutoResolvedToIsRecordedAndKeptOnResume)
{
    TempDir dir;
    test::makeLearnableDataset(dir / "data", 16);
    TrainConfig c = test::tinyTraining(3, 8);
    c.precision = Precision::Auto;
    // Stop after the first epoch, as a person pressing Stop would.
    std::atomic<bool> stop{false};
    TrainHooks hooks;
    hooks.stop = &stop;
    hooks.epoch = [&](const EpochMetrics &) { stop = true; };
    auto first = runTraining(dir / "data", c, dir / "data/runs/r", hooks);
    ASSERT_TRUE(first.ok()) << first.message();
    EXPECT_TRUE(first->stopped);
    auto run = kiln::Run::load(dir / "data/runs/r");
    ASSERT_TRUE(run.ok());
    const Precision resolved = resolvePrecision(Precision::Auto, Architecture::SimpleCnn, false);
    EXPECT_EQ(run->config.precision, resolved); // run.json holds what auto became, not "auto"
    EXPECT_EQ(first->precision, precisionName(resolved));
    auto resumed = resumeTraining(dir / "data/runs/r", {});
    ASSERT_TRUE(resumed.ok()) << resumed.message();
    EXPECT_EQ(resumed->precision, precisionName(resolved));
    EXPECT_EQ(kiln::Run::load(dir / "data/runs/r")->result->precision, precisionName(resolved));
}

// The exports a run records, and keys of a newer Kiln inside "result" and an export, survive a
// load and a save.
TEST(RunFile, ExportsAndUnknownKeysInsideTheResultSurviveASave)
{
    TempDir dir;
    const fs::path runDir = dir / "runs" / "20260101-000000-simple_cnn";
    kiln::Run run = kiln::Run::begin(runDir, dir.path(), TrainConfig{});
    TrainSummary summary;
    summary.classes = {"a", "b"};
    run.result = summary;
    run.status = RunStatus::Finished;
    run.exports.push_back({"onnx", "/tmp/m.onnx", "2026-01-01T00:00:00Z", 1234, 0, 2e-6, 0.3});
    fs::create_directories(runDir);
    ASSERT_TRUE(run.save().ok());
    // A newer Kiln adds keys inside both.
    auto bytes = test::readBytes(run.file());
    QJsonObject o = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()))).object();
    QJsonObject result = o.value("result").toObject();
    result.insert("future_metric", 42);
    o.insert("result", result);
    QJsonArray exports = o.value("exports").toArray();
    QJsonObject first = exports[0].toObject();
    first.insert("signature", "abc");
    exports[0] = first;
    o.insert("exports", exports);
    const QByteArray text = QJsonDocument(o).toJson();
    test::writeText(run.file(), std::string(text.constData(), std::size_t(text.size())));

    auto loaded = kiln::Run::load(runDir);
    ASSERT_TRUE(loaded.ok()) << loaded.message();
    ASSERT_EQ(loaded->exports.size(), 1u);
    EXPECT_EQ(loaded->exports[0].format, "onnx");
    EXPECT_DOUBLE_EQ(loaded->exports[0].bytes, 1234);
    EXPECT_DOUBLE_EQ(loaded->exports[0].maxDifference, 2e-6);
    loaded->exports.push_back({"bundle", "/tmp/m.kiln", "2026-01-02T00:00:00Z", 99, 0.9, 0, 0.3});
    ASSERT_TRUE(loaded->save().ok());
    bytes = test::readBytes(run.file());
    const QJsonObject again = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size()))).object();
    EXPECT_EQ(again.value("result").toObject().value("future_metric").toInt(), 42);
    EXPECT_EQ(again.value("exports").toArray()[0].toObject().value("signature").toString(), "abc");
    EXPECT_EQ(again.value("exports").toArray().size(), 2);

    // A list that is not a list is damage, named.
    o.insert("exports", "none");
    const QByteArray bad = QJsonDocument(o).toJson();
    test::writeText(run.file(), std::string(bad.constData(), std::size_t(bad.size())));
    auto damaged = kiln::Run::load(runDir);
    ASSERT_FALSE(damaged.ok());
    EXPECT_NE(damaged.message().find("exports"), std::string::npos) << damaged.message();
}
