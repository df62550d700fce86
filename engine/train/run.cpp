#include "train/run.h"

#include "core/enumnames.h"
#include "core/fileutil.h"
#include "data/project.h"
#include "train/runcsv.h"
#include "train/trainsettings.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace fs = std::filesystem;

namespace kiln {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }
std::string s(const QString &q) { return q.toStdString(); }

// run.json is a few kilobytes; anything far larger is not one Kiln wrote.
constexpr std::uint64_t kMaxRunJson = 64ull << 20;

// Reads typed values out of JSON objects, remembering the first value of the wrong type.
struct JsonReader {
    std::string problem;

    void wrong(const QString &key, const char *want)
    {
        if (!problem.empty())
            return;
        problem = s(key);
        problem.insert(0, 1, '"');
        problem.append("\" is not ").append(want);
    }
    double number(const QJsonObject &o, const QString &key, double def)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return def;
        if (!v.isDouble() || !std::isfinite(v.toDouble())) {
            wrong(key, "a number");
            return def;
        }
        return v.toDouble();
    }
    bool flag(const QJsonObject &o, const QString &key, bool def)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return def;
        if (!v.isBool()) {
            wrong(key, "true or false");
            return def;
        }
        return v.toBool();
    }
    std::string text(const QJsonObject &o, const QString &key, const std::string &def = {})
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return def;
        if (!v.isString()) {
            wrong(key, "text");
            return def;
        }
        return s(v.toString());
    }
    QJsonObject object(const QJsonObject &o, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            wrong(key, "an object");
        return v.toObject();
    }
    QJsonArray array(const QJsonObject &o, const QString &key)
    {
        const QJsonValue v = o.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isArray())
            wrong(key, "a list");
        return v.toArray();
    }
};

} // namespace

QJsonObject trainSummaryToJson(const TrainSummary &r)
{
    QJsonArray epochs;
    for (const auto &e : r.epochs)
        epochs.append(QJsonObject{{"epoch", e.epoch}, {"phase", q(e.phase)}, {"train_loss", e.trainLoss},
                                  {"valid_loss", e.validLoss}, {"accuracy", e.accuracy}, {"error_rate", e.errorRate},
                                  {"seconds", e.seconds}, {"images_per_second", e.imagesPerSecond}});
    QJsonArray classes, mean, stdev;
    for (const auto &c : r.classes)
        classes.append(q(c));
    for (float m : r.mean)
        mean.append(double(m));
    for (float v : r.std)
        stdev.append(double(v));
    return QJsonObject{{"device", q(r.device)},
                       {"precision", q(r.precision)},
                       {"skipped_steps", double(r.skippedSteps)},
                       {"threads", r.threads},
                       {"classes", classes},
                       {"input", QJsonObject{{"size", r.size}, {"channels", r.channels}, {"mean", mean}, {"std", stdev}}},
                       {"learning_rate", r.learningRate},
                       {"stopped", r.stopped},
                       {"early_stopped", r.earlyStopped},
                       {"best_epoch", r.bestEpoch},
                       {"best_valid_loss", r.bestEpoch >= 0 ? QJsonValue(r.bestValidLoss) : QJsonValue()},
                       {"skipped_files", double(r.skippedFiles)},
                       {"seconds", r.seconds},
                       {"epochs", epochs}};
}

namespace {

TrainSummary summaryFromJson(const QJsonObject &o, JsonReader &in)
{
    TrainSummary r;
    r.device = in.text(o, "device");
    r.precision = in.text(o, "precision", "fp32");
    r.skippedSteps = long(in.number(o, "skipped_steps", 0));
    r.threads = int(in.number(o, "threads", 0));
    for (const QJsonValue &c : in.array(o, "classes")) {
        if (!c.isString())
            in.wrong("classes", "a list of class names");
        r.classes.push_back(s(c.toString()));
    }
    const QJsonObject input = in.object(o, "input");
    r.size = int(in.number(input, "size", 0));
    r.channels = int(in.number(input, "channels", 0));
    for (const char *key : {"mean", "std"})
        for (const QJsonValue &v : in.array(input, key)) {
            if (!v.isDouble())
                in.wrong(key, "a list of numbers");
            (key[0] == 'm' ? r.mean : r.std).push_back(float(v.toDouble()));
        }
    r.learningRate = in.number(o, "learning_rate", 0);
    r.stopped = in.flag(o, "stopped", false);
    r.earlyStopped = in.flag(o, "early_stopped", false);
    r.bestEpoch = int(in.number(o, "best_epoch", -1));
    r.bestValidLoss = in.number(o, "best_valid_loss", 0);
    r.skippedFiles = std::size_t(std::max(0.0, in.number(o, "skipped_files", 0)));
    r.seconds = in.number(o, "seconds", 0);
    for (const QJsonValue &v : in.array(o, "epochs")) {
        if (!v.isObject()) {
            in.wrong("epochs", "a list of objects");
            continue;
        }
        const QJsonObject e = v.toObject();
        EpochMetrics m;
        m.epoch = int(in.number(e, "epoch", 0));
        m.phase = in.text(e, "phase");
        m.trainLoss = in.number(e, "train_loss", 0);
        m.validLoss = in.number(e, "valid_loss", 0);
        m.accuracy = in.number(e, "accuracy", 0);
        m.errorRate = in.number(e, "error_rate", 0);
        m.seconds = in.number(e, "seconds", 0);
        m.imagesPerSecond = in.number(e, "images_per_second", 0);
        r.epochs.push_back(m);
    }
    return r;
}

} // namespace

const char *runStatusName(RunStatus st)
{
    switch (st) {
    case RunStatus::Running: return "running";
    case RunStatus::Finished: return "finished";
    case RunStatus::Stopped: return "stopped";
    case RunStatus::Failed: return "failed";
    }
    return "running";
}

bool parseRunStatus(const std::string &name, RunStatus &out)
{
    return parseByName(name, {RunStatus::Running, RunStatus::Finished, RunStatus::Stopped, RunStatus::Failed}, runStatusName, out);
}

QJsonObject trainConfigToJson(const TrainConfig &c)
{
    QJsonObject o;
    for (const TrainSetting &st : trainSettings()) {
        const QString key = QString::fromLatin1(st.key);
        switch (st.type) {
        case SettingType::Int: o.insert(key, st.number(c)); break;
        case SettingType::Real: o.insert(key, st.number(c)); break;
        case SettingType::Flag: o.insert(key, st.number(c) != 0); break;
        case SettingType::Choice:
        case SettingType::Text: o.insert(key, q(st.text(c))); break;
        }
    }
    return o;
}

Result<TrainConfig> trainConfigFromJson(const QJsonObject &o)
{
    TrainConfig c;
    JsonReader in;
    for (const TrainSetting &st : trainSettings()) {
        const QString key = QString::fromLatin1(st.key);
        if (!o.contains(key) || o.value(key).isNull())
            continue;
        if (st.numeric()) {
            const double v = st.type == SettingType::Flag ? double(in.flag(o, key, st.number(c) != 0)) : in.number(o, key, st.number(c));
            if (st.type == SettingType::Int && (v != std::floor(v) || v < 0 || v > 9007199254740991.0))
                in.wrong(key, "a whole number of the setting's range");
            if (in.problem.empty())
                st.setNumber(c, v);
        } else {
            const std::string v = in.text(o, key, st.text(c));
            if (!in.problem.empty())
                break;
            if (auto set = setTrainSetting(c, st, v); !set)
                return set.error();
        }
        if (!in.problem.empty())
            break;
    }
    if (!in.problem.empty())
        return Error{in.problem};
    return c;
}

Run Run::begin(const fs::path &dir, const fs::path &datasetDir, const TrainConfig &config)
{
    Run r;
    r.m_dir = dir;
    r.datasetDir = fs::absolute(datasetDir).lexically_normal();
    r.created = s(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    r.config = config;
    return r;
}

Result<Run> Run::load(const fs::path &dir)
{
    Run r;
    r.m_dir = dir;
    std::error_code ec;
    if (!fs::exists(r.file(), ec))
        return Error{dir.string() + " is not a Kiln run folder (it has no run.json)."};
    auto bytes = readFileBytes(r.file(), kMaxRunJson);
    if (!bytes)
        return Error{"Damaged run: " + bytes.message()};
    auto damaged = [&](const std::string &why) {
        return Error{"Damaged run: " + r.file().string() + " " + why
                     + ". Kiln leaves it as it is; restore it from a backup, or delete the run folder."};
    };
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(
        QByteArray::fromRawData(reinterpret_cast<const char *>(bytes->data()), qsizetype(bytes->size())), &perr);
    if (!doc.isObject())
        return damaged(perr.error != QJsonParseError::NoError ? "is not valid JSON (" + s(perr.errorString()) + " at byte "
                                                                    + std::to_string(perr.offset) + ")"
                                                              : "is not a JSON object");
    const QJsonObject o = doc.object();
    r.m_raw = o;
    JsonReader in;
    const double version = in.number(o, "format_version", 1);
    if (version > kFormatVersion)
        return Error{r.file().string() + " was written by a newer Kiln (run format " + std::to_string(int(version))
                     + "); update Kiln to read it."};
    r.datasetDir = in.text(o, "dataset");
    r.created = in.text(o, "created");
    r.error = in.text(o, "error");
    const std::string status = in.text(o, "status", "running");
    const QJsonObject config = in.object(o, "config");
    if (!in.problem.empty())
        return damaged("has " + in.problem);
    if (!parseRunStatus(status, r.status))
        return damaged("has an unknown status \"" + status + "\"");
    auto parsed = trainConfigFromJson(config);
    if (!parsed)
        return damaged("has a configuration whose " + parsed.message());
    r.config = parsed.value();
    r.lrFound = in.flag(config, "lr_found", false);
    const QJsonObject weights = in.object(o, "weights");
    r.weightsFile = in.text(weights, "file");
    r.weightsSha256 = in.text(weights, "sha256");
    if (o.contains("result") && !o.value("result").isNull()) {
        const QJsonObject result = in.object(o, "result");
        TrainSummary summary = summaryFromJson(result, in);
        summary.runDir = dir.string();
        r.result = std::move(summary);
    }
    const QJsonValue exports = o.value("exports");
    if (!exports.isUndefined() && !exports.isArray())
        return damaged("has \"exports\" that is not a list");
    for (const QJsonValue &v : exports.toArray()) {
        const QJsonObject e = v.toObject();
        r.exports.push_back({in.text(e, "format"), in.text(e, "file"), in.text(e, "created"), in.number(e, "bytes", 0),
                             in.number(e, "validation_accuracy", 0), in.number(e, "max_difference", 0),
                             in.number(e, "ood_threshold", 0)});
    }
    if (!in.problem.empty())
        return damaged("has " + in.problem);
    return r;
}

Result<void> Run::save() const
{
    QJsonObject o = m_raw;
    o.insert("format_version", kFormatVersion);
    o.insert("dataset", q(datasetDir.string()));
    o.insert("created", q(created));
    // The table's keys over what was read, so keys of a newer Kiln survive here too.
    QJsonObject config = m_raw.value("config").toObject();
    const QJsonObject known = trainConfigToJson(this->config);
    for (auto it = known.begin(); it != known.end(); ++it)
        config.insert(it.key(), it.value());
    if (lrFound)
        config.insert("lr_found", true);
    else
        config.remove("lr_found");
    o.insert("config", config);
    o.insert("status", QString::fromLatin1(runStatusName(status)));
    if (weightsFile.empty())
        o.remove("weights");
    else
        o.insert("weights", QJsonObject{{"file", q(weightsFile)}, {"sha256", q(weightsSha256)}});
    if (error.empty())
        o.remove("error");
    else
        o.insert("error", q(error));
    // Known keys over what was read, here as in config: a newer Kiln's keys survive.
    auto merged = [](QJsonObject base, const QJsonObject &known) {
        for (auto it = known.begin(); it != known.end(); ++it)
            base.insert(it.key(), it.value());
        return base;
    };
    if (result)
        o.insert("result", merged(m_raw.value("result").toObject(), trainSummaryToJson(*result)));
    else
        o.remove("result");
    if (exports.empty()) {
        o.remove("exports");
    } else {
        QJsonArray list;
        const QJsonArray read = m_raw.value("exports").toArray();
        for (std::size_t i = 0; i < exports.size(); ++i) {
            const RunExport &e = exports[i];
            list.append(merged(i < std::size_t(read.size()) ? read[qsizetype(i)].toObject() : QJsonObject(),
                               QJsonObject{{"format", q(e.format)}, {"file", q(e.file)}, {"created", q(e.created)}, {"bytes", e.bytes},
                                           {"validation_accuracy", e.validationAccuracy}, {"max_difference", e.maxDifference},
                                           {"ood_threshold", e.oodThreshold}}));
        }
        o.insert("exports", list);
    }
    const QByteArray bytes = QJsonDocument(o).toJson(QJsonDocument::Indented);
    return writeFileAtomic(file(), std::string_view(bytes.constData(), std::size_t(bytes.size())));
}

fs::path Run::checkpoint() const
{
    std::error_code ec;
    const fs::path best = checkpointsDir() / "best.pt";
    return config.keepBest && fs::exists(best, ec) ? best : checkpointsDir() / "last.pt";
}

double Run::accuracy() const
{
    return result && !result->epochs.empty() ? result->epochs.back().accuracy : -1;
}

Result<std::vector<EpochMetrics>> Run::metrics() const
{
    return readMetrics(metricsFile());
}

Result<std::vector<BatchTelemetry>> Run::batches() const
{
    return readBatches(batchesFile());
}

RunStore::RunStore(const fs::path &datasetDir)
    : m_runsDir(locateDataset(datasetDir).home / "runs")
{
}

std::vector<RunEntry> RunStore::list() const
{
    std::vector<RunEntry> out;
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(m_runsDir, ec)) {
        std::error_code fe;
        if (!entry.is_directory(fe) || !fs::exists(entry.path() / "run.json", fe))
            continue;
        RunEntry e;
        e.dir = entry.path();
        e.id = entry.path().filename().string();
        auto run = Run::load(entry.path());
        if (run)
            e.run = std::move(run).value();
        else
            e.damage = run.message();
        out.push_back(std::move(e));
    }
    std::sort(out.begin(), out.end(), [](const RunEntry &a, const RunEntry &b) { return a.id > b.id; });
    return out;
}

fs::path RunStore::newRunDir(Architecture arch) const
{
    const std::string stamp = s(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    return uniquePath(m_runsDir / (stamp + "-" + architectureName(arch)));
}

RunFigures Run::figures() const
{
    RunFigures f;
    f.planned = config.epochs;
    std::vector<EpochMetrics> epochs;
    if (result) {
        epochs = result->epochs;
        f.bestEpoch = result->bestEpoch;
        f.seconds = result->seconds;
    } else if (auto m = metrics()) {
        epochs = std::move(m.value());
        for (const auto &e : epochs)
            f.seconds += e.seconds;
    }
    if (epochs.empty())
        return f;
    const EpochMetrics &last = epochs.back();
    f.epochs = int(epochs.size());
    f.accuracy = last.accuracy;
    f.validLoss = last.validLoss;
    f.trainLoss = last.trainLoss;
    f.errorRate = last.errorRate;
    f.bestValidLoss = epochs.front().validLoss;
    for (const auto &e : epochs)
        f.bestValidLoss = std::min(f.bestValidLoss, e.validLoss);
    return f;
}

} // namespace kiln
