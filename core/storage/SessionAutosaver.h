#pragma once

#include <QObject>
#include <QPointer>
#include <chrono>

namespace gtm {

class ResearchPipeline;

// Keeps a session file up to date while a run goes on: at every progress milestone, every
// interval while running, and when the run ends, so a killed process loses at most the
// queries in flight. Used by the GUI (autosave for restore) and the CLI (--session).
class SessionAutosaver : public QObject
{
    Q_OBJECT
public:
    SessionAutosaver(QString path, std::chrono::milliseconds interval, QObject *parent = nullptr);
    ~SessionAutosaver() override;

    void attach(ResearchPipeline *pipeline);
    void detach();
    bool saveNow();
    QString path() const { return m_path; }

    // Where the GUI keeps its autosave: <AppDataLocation>/autosave.gtmr
    static QString defaultAutosavePath();

Q_SIGNALS:
    void saveFailed(const QString &error);

private:
    QString m_path;
    std::chrono::milliseconds m_interval;
    QPointer<ResearchPipeline> m_pipeline;
};

} // namespace gtm
