#include "data/project.h"

#include "core/filelock.h"
#include "core/fileutil.h"
#include "data/imageformat.h"

#include <QByteArray>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace fs = std::filesystem;

namespace kiln {

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }
std::string s(const QString &q) { return q.toStdString(); }

} // namespace

bool Project::isProject(const fs::path &dir)
{
    std::error_code ec;
    return fs::is_regular_file(dir / kFileName, ec);
}

DatasetLocation locateDataset(const fs::path &dir)
{
    DatasetLocation loc;
    if (Project::isProject(dir)) {
        loc.imagesRoot = dir / "images";
        loc.home = dir;
        loc.isProject = true;
    } else {
        loc.imagesRoot = dir;
        loc.home = dir;
    }
    return loc;
}

Result<Project> Project::create(const fs::path &dir, const std::string &name)
{
    if (isProject(dir))
        return Error{"A Kiln project already exists in " + dir.string() + "; open it instead."};
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        return Error{dir.string() + " exists and is not a folder; choose another location."};
    for (const auto &sub : {fs::path("images"), fs::path(".kiln") / "trash", fs::path(".kiln") / "cache",
                            fs::path("runs"), fs::path("exports")}) {
        fs::create_directories(dir / sub, ec);
        if (ec)
            return Error{"Cannot create " + (dir / sub).string() + ": " + ec.message()
                         + ". Choose a folder you can write to."};
    }
    Project p;
    p.m_root = fs::absolute(dir).lexically_normal();
    if (!p.m_root.has_filename())
        p.m_root = p.m_root.parent_path();
    p.name = name.empty() ? p.m_root.filename().string() : name;
    p.properties.insert("created", QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (auto saved = p.save(); !saved)
        return saved.error();
    return p;
}

Result<Project> Project::open(const fs::path &dir)
{
    const fs::path file = dir / kFileName;
    std::error_code ec;
    if (!fs::exists(dir, ec))
        return Error{"The project folder " + dir.string() + " does not exist."};
    if (!fs::exists(file, ec))
        return Error{dir.string() + " is not a Kiln project (no " + kFileName
                     + "). Create a project there, or open its parent folder."};
    QFile f(q(file.string()));
    if (!f.open(QIODevice::ReadOnly))
        return Error{"Cannot read " + file.string() + ": " + s(f.errorString())};
    const QByteArray bytes = f.readAll();
    QJsonParseError perr{};
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return Error{file.string() + " is damaged (" + (doc.isNull() ? s(perr.errorString()) : std::string("not a JSON object"))
                     + " at byte " + std::to_string(perr.offset)
                     + "). Nothing was changed; restore it from a backup, or move it away and create the project again: "
                       "the images stay where they are."};
    const QJsonObject o = doc.object();
    const QJsonValue version = o.value("format_version");
    if (!version.isDouble())
        return Error{file.string() + " has no format_version; it was not written by Kiln."};
    if (version.toInt() > kFormatVersion)
        return Error{file.string() + " uses project format " + std::to_string(version.toInt())
                     + ", newer than this Kiln understands (" + std::to_string(kFormatVersion)
                     + "). Update Kiln to open it."};
    if (version.toInt() < 1)
        return Error{file.string() + " has an invalid format_version " + std::to_string(version.toInt()) + "."};

    Project p;
    p.m_root = fs::absolute(dir).lexically_normal();
    if (!p.m_root.has_filename())
        p.m_root = p.m_root.parent_path();
    p.m_raw = o;
    p.name = s(o.value("name").toString(q(p.m_root.filename().string())));
    for (const auto &c : o.value("classes").toArray())
        p.classes.push_back(s(c.toString()));
    const QJsonObject defaults = o.value("defaults").toObject();
    p.validPct = defaults.value("valid_pct").toDouble(0.2);
    if (!(p.validPct >= 0.0 && p.validPct < 1.0))
        p.validPct = 0.2;
    // A seed is a whole number a double holds exactly; anything else (text, -5, 1e400) is the default.
    const double seed = defaults.value("seed").toDouble(42);
    p.seed = seed >= 0 && seed <= 9007199254740992.0 && seed == std::floor(seed) ? static_cast<std::uint64_t>(seed) : 42;
    for (const auto &r : o.value("runs").toArray()) {
        const QJsonObject ro = r.toObject();
        p.runs.push_back({s(ro.value("id").toString()), s(ro.value("created").toString()),
                          s(ro.value("summary").toString())});
    }
    p.properties = o.value("properties").toObject();
    std::error_code mk;
    fs::create_directories(p.kilnDir() / "trash", mk);
    fs::create_directories(p.kilnDir() / "cache", mk);
    return p;
}

Result<void> Project::save() const
{
    QJsonObject o = m_raw;
    o.insert("format_version", kFormatVersion);
    o.insert("name", q(name));
    QJsonArray cls;
    for (const auto &c : classes)
        cls.append(q(c));
    o.insert("classes", cls);
    QJsonObject defaults = o.value("defaults").toObject();
    defaults.insert("valid_pct", validPct);
    defaults.insert("seed", static_cast<double>(seed));
    o.insert("defaults", defaults);
    QJsonArray runArray;
    for (const auto &r : runs)
        runArray.append(QJsonObject{{"id", q(r.id)}, {"created", q(r.created)}, {"summary", q(r.summary)}});
    o.insert("runs", runArray);
    o.insert("properties", properties);
    const QByteArray json = QJsonDocument(o).toJson(QJsonDocument::Indented);
    return writeFileAtomic(projectFile(), std::string_view(json.constData(), std::size_t(json.size())));
}

Result<Project> Project::update(const fs::path &dir, const std::function<void(Project &)> &change)
{
    if (!isProject(dir))
        return open(dir).error();
    FileLock lock(dir / ".kiln" / "project.lock");
    if (!lock.error().empty())
        return Error{lock.error()};
    auto project = open(dir);
    if (!project)
        return project.error();
    change(project.value());
    if (auto saved = project->save(); !saved)
        return saved.error();
    return project;
}

Result<Project> Project::recordRun(const fs::path &dir, const ProjectRun &run)
{
    return update(dir, [&](Project &p) {
        for (auto &r : p.runs)
            if (r.id == run.id) {
                r.summary = run.summary;
                return;
            }
        p.runs.push_back(run);
    });
}

Result<Project> Project::recordClasses(const fs::path &dir, const std::vector<std::string> &classes)
{
    return update(dir, [&](Project &p) { p.classes = classes; });
}

bool looksLikeImageFolder(const fs::path &dir)
{
    std::error_code ec;
    if (Project::isProject(dir) || !fs::is_directory(dir, ec))
        return false;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::error_code te;
        if (name.empty() || name.front() == '.' || !it->is_directory(te))
            continue;
        // The first image below a class folder (or a train/valid/test folder) is enough.
        std::error_code we;
        for (fs::recursive_directory_iterator r(it->path(), fs::directory_options::skip_permission_denied, we), rend;
             !we && r != rend; r.increment(we)) {
            std::error_code fe;
            if (r->is_regular_file(fe) && hasImageExtension(r->path().filename().string()))
                return true;
        }
    }
    return false;
}

fs::path projectFolderFor(const fs::path &imageFolder)
{
    fs::path folder = fs::absolute(imageFolder).lexically_normal();
    if (!folder.has_filename())
        folder = folder.parent_path();
    return uniquePath(folder.parent_path() / (folder.filename().string() + "-kiln"));
}

Result<Project> createProjectFor(const fs::path &imageFolder)
{
    if (!looksLikeImageFolder(imageFolder))
        return Error{imageFolder.string() + " is not a folder of class folders with images; nothing was created."};
    fs::path folder = fs::absolute(imageFolder).lexically_normal();
    if (!folder.has_filename())
        folder = folder.parent_path();
    const fs::path dir = projectFolderFor(folder);
    std::error_code ec;
    if (!fs::create_directory(dir, ec) || ec)
        return Error{"Cannot create the project folder " + dir.string() + ": " + (ec ? ec.message() : std::string("it exists"))
                     + ". Choose a folder you can write to, or create a project and import the images."};
    fs::create_directory_symlink(folder, dir / "images", ec);
    if (ec) {
        fs::remove(dir, ec);
        return Error{"Cannot link " + (dir / "images").string() + " to " + folder.string() + ": " + ec.message()
                     + ". Create a project and import the images (File > Import) instead."};
    }
    auto project = Project::create(dir, folder.filename().string());
    if (!project)
        return project.error();
    return Project::update(dir, [&](Project &p) { p.properties.insert("images_linked_from", q(folder.string())); });
}

bool isValidClassName(const std::string &name)
{
    return !name.empty() && name.front() != '.' && sanitizeFileName(name) == name;
}

std::string classNameProblem(const std::string &name)
{
    if (isValidClassName(name))
        return {};
    const std::string quoted = "'" + name + "'";
    if (name.empty())
        return "a class name cannot be empty";
    if (name.front() == '.')
        return quoted + " cannot be a class name: it becomes the folder images/" + name
               + ", and a name starting with '.' would be hidden; drop the leading '.'";
    return quoted + " cannot be a class name: it becomes the folder images/<name>, so it cannot hold / \\ : * ? \" < > | "
                    "or control characters, nor start or end with a space or end with '.'; try '"
           + sanitizeFileName(name) + "'";
}

} // namespace kiln
