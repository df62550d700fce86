#include "projectsession.h"

#include "runlistmodel.h"

namespace kiln {

ProjectSession::ProjectSession(QObject *parent)
    : QObject(parent)
    , m_runs(new RunListModel(this))
{
}

Result<void> ProjectSession::open(const std::filesystem::path &dir)
{
    auto project = Project::open(dir);
    if (!project)
        return project.error();
    m_project = std::move(project).value();
    m_runs->setDataset(m_project->root());
    Q_EMIT changed();
    return Ok{};
}

Result<void> ProjectSession::update(const std::function<void(Project &)> &change)
{
    if (!m_project)
        return Error{"No project is open."};
    auto saved = Project::update(m_project->root(), change);
    if (!saved)
        return saved.error();
    m_project = std::move(saved).value();
    Q_EMIT changed();
    return Ok{};
}

Result<void> ProjectSession::reload()
{
    if (!m_project)
        return Ok{};
    m_runs->refresh();
    auto again = Project::open(m_project->root());
    if (!again)
        return again.error(); // the snapshot stays as it was
    m_project = std::move(again).value();
    Q_EMIT changed();
    return Ok{};
}

} // namespace kiln
