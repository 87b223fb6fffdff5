#include "SessionAutosaver.h"

#include "pipeline/ResearchPipeline.h"

#include <QStandardPaths>

// Placeholder until autosave lands (issue 7).
namespace gtm {

SessionAutosaver::SessionAutosaver(QString path, std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_interval(interval)
{
}

SessionAutosaver::~SessionAutosaver() = default;

void SessionAutosaver::attach(ResearchPipeline *pipeline)
{
    m_pipeline = pipeline;
}

void SessionAutosaver::detach()
{
    m_pipeline = nullptr;
}

bool SessionAutosaver::saveNow()
{
    return false;
}

QString SessionAutosaver::defaultAutosavePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave.gtmr");
}

} // namespace gtm
