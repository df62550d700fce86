#include "train/trainer.h"

#include "core/fileutil.h"
#include "data/datasetindex.h"
#include "data/project.h"
#include "train/learner.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace fs = std::filesystem;

namespace kiln {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

Result<void> writeJson(const fs::path &file, const QJsonObject &o)
{
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    return writeFileAtomic(file, std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

Result<QJsonObject> readJson(const fs::path &file)
{
    QFile f(q(file.string()));
    if (!f.open(QIODevice::ReadOnly))
        return Error{"Cannot read " + file.string() + ": " + f.errorString().toStdString()};
    QJsonParseError err{};
    const auto doc = QJsonDocument::fromJson(f.readAll(), &err);
    if (!doc.isObject())
        return Error{file.string() + " is damaged (" + err.errorString().toStdString() + ")"};
    return doc.object();
}

QJsonObject summaryToJson(const TrainSummary &s)
{
    QJsonArray epochs;
    for (const auto &e : s.epochs)
        epochs.append(QJsonObject{{"epoch", e.epoch}, {"phase", q(e.phase)}, {"train_loss", e.trainLoss},
                                  {"valid_loss", e.validLoss}, {"accuracy", e.accuracy}, {"error_rate", e.errorRate},
                                  {"seconds", e.seconds}, {"images_per_second", e.imagesPerSecond}});
    QJsonArray classes, mean, stdev;
    for (const auto &c : s.classes)
        classes.append(q(c));
    for (float m : s.mean)
        mean.append(double(m));
    for (float v : s.std)
        stdev.append(double(v));
    return QJsonObject{{"device", q(s.device)},
                       {"threads", s.threads},
                       {"classes", classes},
                       {"input", QJsonObject{{"size", s.size}, {"channels", s.channels}, {"mean", mean}, {"std", stdev}}},
                       {"learning_rate", s.learningRate},
                       {"stopped", s.stopped},
                       {"early_stopped", s.earlyStopped},
                       {"best_epoch", s.bestEpoch},
                       {"best_valid_loss", s.bestEpoch >= 0 ? QJsonValue(s.bestValidLoss) : QJsonValue()},
                       {"skipped_files", double(s.skippedFiles)},
                       {"seconds", s.seconds},
                       {"epochs", epochs}};
}

} // namespace

void datasetSplitDefaults(const fs::path &datasetDir, double &validPct, std::uint64_t &seed)
{
    validPct = 0.2;
    seed = 42;
    if (Project::isProject(datasetDir))
        if (auto p = Project::open(datasetDir)) {
            validPct = p->validPct;
            seed = p->seed;
        }
}

Result<TrainData> loadTrainData(const fs::path &datasetDir, double validPct, std::uint64_t seed)
{
    const DatasetLocation loc = locateDataset(datasetDir);
    if (loc.isProject)
        if (auto p = Project::open(datasetDir); !p)
            return p.error();
    auto index = DatasetIndex::scan(loc.imagesRoot, {validPct, seed});
    if (!index)
        return index.error();
    if (index->size() == 0)
        return Error{"No images in " + loc.imagesRoot.string() + ". Put them in one folder per class first."};
    TrainData data;
    data.classes = index->classes();
    for (std::size_t i = 0; i < index->size(); ++i) {
        const Sample &s = index->samples()[i];
        if (s.split == Split::Train) {
            data.trainPaths.push_back(index->absolutePath(i));
            data.trainLabels.push_back(s.label);
        } else if (s.split == Split::Valid) {
            data.validPaths.push_back(index->absolutePath(i));
            data.validLabels.push_back(s.label);
        }
    }
    return data;
}

std::vector<RunListing> listRuns(const fs::path &datasetDir)
{
    std::vector<RunListing> out;
    std::error_code ec;
    const fs::path runsDir = locateDataset(datasetDir).home / "runs";
    for (const auto &entry : fs::directory_iterator(runsDir, ec)) {
        auto run = readJson(entry.path() / "run.json");
        if (!run)
            continue;
        RunListing r;
        r.dir = entry.path();
        r.name = entry.path().filename().string();
        r.arch = run->value("config").toObject().value("arch").toString().toStdString();
        r.status = run->value("status").toString().toStdString();
        const QJsonObject result = run->value("result").toObject();
        r.hasResult = !result.isEmpty();
        const QJsonArray epochs = result.value("epochs").toArray();
        if (!epochs.isEmpty())
            r.accuracy = epochs.last().toObject().value("accuracy").toDouble();
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const RunListing &a, const RunListing &b) { return a.name > b.name; });
    return out;
}

Result<QJsonObject> readRunJson(const fs::path &runDir)
{
    std::error_code ec;
    if (!fs::exists(runDir / "run.json", ec))
        return Error{runDir.string() + " is not a Kiln run folder (it has no run.json)."};
    return readJson(runDir / "run.json");
}

fs::path newRunDir(const fs::path &datasetDir, Architecture arch)
{
    const fs::path home = locateDataset(datasetDir).home;
    const std::string stamp = QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss").toStdString();
    return uniquePath(home / "runs" / (stamp + "-" + architectureName(arch)));
}

QJsonObject trainConfigToJson(const TrainConfig &c)
{
    return QJsonObject{{"arch", architectureName(c.arch)},
                       {"head", headKindName(c.head)},
                       {"pretrained", q(c.pretrained)},
                       {"size", c.size},
                       {"resize", resizeMethodName(c.resize)},
                       {"batch_size", c.batchSize},
                       {"epochs", c.epochs},
                       {"schedule", scheduleName(c.schedule)},
                       {"lr", c.lr},
                       {"augment", c.augment},
                       {"min_scale", c.minScale},
                       {"flip_p", c.flipP},
                       {"max_rotate", c.maxRotate},
                       {"max_zoom", c.maxZoom},
                       {"max_warp", c.maxWarp},
                       {"max_lighting", c.maxLighting},
                       {"valid_pct", c.validPct},
                       {"seed", double(c.seed)},
                       {"optimizer", c.optimizer == OptimizerKind::AdamW ? "adamw" : "sgd"},
                       {"weight_decay", c.weightDecay},
                       {"momentum", c.momentum},
                       {"label_smoothing", c.labelSmoothing},
                       {"freeze_epochs", c.freezeEpochs},
                       {"pct_start", c.pctStart},
                       {"early_stop_patience", c.earlyStopPatience},
                       {"keep_best", c.keepBest},
                       {"threads", c.threads},
                       {"workers", c.workers},
                       {"device", q(c.device)},
                       {"channels", c.channels}};
}

Result<TrainConfig> trainConfigFromJson(const QJsonObject &o)
{
    TrainConfig c;
    if (!parseArchitecture(o.value("arch").toString().toStdString(), c.arch))
        return Error{"unknown architecture '" + o.value("arch").toString().toStdString() + "'"};
    c.head = HeadKind::Fastai; // runs without a head name predate linear heads
    parseHeadKind(o.value("head").toString().toStdString(), c.head);
    c.pretrained = o.value("pretrained").toString().toStdString();
    c.size = o.value("size").toInt();
    if (!parseResizeMethod(o.value("resize").toString("squish").toStdString(), c.resize))
        return Error{"unknown resize method"};
    c.batchSize = o.value("batch_size").toInt(64);
    c.epochs = o.value("epochs").toInt(1);
    if (!parseSchedule(o.value("schedule").toString("one-cycle").toStdString(), c.schedule))
        return Error{"unknown schedule"};
    c.lr = o.value("lr").toDouble();
    c.augment = o.value("augment").toBool(true);
    c.minScale = o.value("min_scale").toDouble(1.0);
    c.flipP = o.value("flip_p").toDouble(0.5);
    c.maxRotate = o.value("max_rotate").toDouble(10.0);
    c.maxZoom = o.value("max_zoom").toDouble(1.1);
    c.maxWarp = o.value("max_warp").toDouble(0.2);
    c.maxLighting = o.value("max_lighting").toDouble(0.2);
    c.validPct = o.value("valid_pct").toDouble(0.2);
    c.seed = std::uint64_t(o.value("seed").toDouble(42));
    c.optimizer = o.value("optimizer").toString() == "sgd" ? OptimizerKind::Sgd : OptimizerKind::AdamW;
    c.weightDecay = o.value("weight_decay").toDouble(0.01);
    c.momentum = o.value("momentum").toDouble(0.9);
    c.labelSmoothing = o.value("label_smoothing").toDouble(0);
    c.freezeEpochs = o.value("freeze_epochs").toInt(1);
    c.pctStart = o.value("pct_start").toDouble(0.25);
    c.earlyStopPatience = o.value("early_stop_patience").toInt(0);
    c.keepBest = o.value("keep_best").toBool(false);
    c.threads = o.value("threads").toInt(0);
    c.workers = o.value("workers").toInt(0);
    c.device = o.value("device").toString("auto").toStdString();
    c.channels = o.value("channels").toInt(0);
    return c;
}

namespace {

Result<TrainSummary> trainInto(const fs::path &datasetDir, TrainConfig config, const fs::path &runDir, bool resume,
                               const TrainHooks &hooks)
{
    auto data = loadTrainData(datasetDir, config.validPct, config.seed);
    if (!data)
        return data.error();
    // Fix the automatic choices before run.json is written, so a resume rebuilds the same model.
    int size = 0, channels = 0;
    resolveInputShape(data.value(), config, size, channels);
    config.size = size;
    config.channels = channels;
    std::error_code ec;
    fs::create_directories(runDir, ec);
    if (ec)
        return Error{"Cannot create the run folder " + runDir.string() + ": " + ec.message()};
    const fs::path runJson = runDir / "run.json";
    QJsonObject run;
    if (resume) {
        auto existing = readJson(runJson);
        if (existing)
            run = existing.value();
    }
    run.insert("format_version", 1);
    run.insert("dataset", q(fs::absolute(datasetDir).lexically_normal().string()));
    run.insert("config", trainConfigToJson(config));
    run.insert("status", "running");
    if (!resume)
        run.insert("created", QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (auto w = writeJson(runJson, run); !w)
        return w.error();

    auto result = trainModel(data.value(), config, runDir, resume, hooks);
    if (!result) {
        run.insert("status", "failed");
        run.insert("error", q(result.message()));
        (void)writeJson(runJson, run);
        return result.error();
    }
    if (config.lr <= 0) {
        // Record the rate lr_find chose, so that a resume uses the same one.
        QJsonObject c = run.value("config").toObject();
        c.insert("lr", result->learningRate);
        c.insert("lr_found", true);
        run.insert("config", c);
    }
    run.insert("status", result->stopped ? "stopped" : "finished");
    run.remove("error");
    run.insert("result", summaryToJson(result.value()));
    if (auto w = writeJson(runJson, run); !w)
        return w.error();

    const DatasetLocation loc = locateDataset(datasetDir);
    if (loc.isProject) {
        if (auto project = Project::open(datasetDir)) {
            const std::string id = runDir.filename().string();
            std::string summaryText;
            if (!result->epochs.empty()) {
                char buf[128];
                const auto &last = result->epochs.back();
                std::snprintf(buf, sizeof buf, "%s, %d epochs, accuracy %.4f, valid_loss %.4f", architectureName(config.arch),
                              int(result->epochs.size()), last.accuracy, last.validLoss);
                summaryText = buf;
            }
            bool found = false;
            for (auto &r : project->runs)
                if (r.id == id) {
                    r.summary = summaryText;
                    found = true;
                }
            if (!found)
                project->runs.push_back({id, QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString(), summaryText});
            (void)project->save();
        }
    }
    return result;
}

} // namespace

Result<TrainSummary> runTraining(const fs::path &datasetDir, const TrainConfig &config, const fs::path &runDir,
                                 const TrainHooks &hooks)
{
    std::error_code ec;
    if (fs::exists(runDir / "run.json", ec))
        return Error{runDir.string() + " already holds a run; resume it (--resume) or choose another folder."};
    return trainInto(datasetDir, config, runDir, false, hooks);
}

Result<TrainSummary> resumeTraining(const fs::path &runDir, const TrainHooks &hooks)
{
    auto run = readJson(runDir / "run.json");
    if (!run)
        return Error{"Cannot resume " + runDir.string() + ": " + run.message()};
    auto config = trainConfigFromJson(run->value("config").toObject());
    if (!config)
        return Error{"Cannot resume " + runDir.string() + ": its run.json has " + config.message()};
    const fs::path dataset = run->value("dataset").toString().toStdString();
    return trainInto(dataset, config.value(), runDir, true, hooks);
}

} // namespace kiln
