#pragma once

#include "model/RunState.h"

#include <QObject>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace gtm {

class ResearchPipeline;

// Keeps a session file up to date while a run goes on: at every progress milestone, every
// interval while running, and when the run ends, so a killed process loses at most the
// queries in flight. Used by the GUI (autosave for restore) and the CLI (--session).
//
// The state is copied on the pipeline's thread and serialised and written on a worker thread;
// there is never more than one save in flight (changes that arrive meanwhile are written
// right after it), and each save replaces the file atomically.
//
// Before the process exits, call flush() (or destroy the autosaver): it waits for the save in
// flight and writes what is still pending, so the file ends with the final state.
class SessionAutosaver : public QObject
{
    Q_OBJECT
public:
    SessionAutosaver(QString path, std::chrono::milliseconds interval, QObject *parent = nullptr);
    ~SessionAutosaver() override;

    void attach(ResearchPipeline *pipeline);
    // Anything else that has a state to keep (tests, a front end with a loaded session): the
    // owner calls stateChanged() and checkpoint() itself. The provider is called on this
    // object's thread; nullopt means there is nothing (any more) to save.
    using StateProvider = std::function<std::optional<RunState>()>;
    void attach(StateProvider provider);
    void detach();
    // Writes the pipeline's current state now, on this thread; false (and saveFailed) on error.
    bool saveNow();
    // Blocks until nothing is pending or in flight.
    void flush();
    QString path() const { return m_path; }
    int saveCount() const { return m_saveCount; } // completed saves, for tests and the log

    // Where the GUI keeps its autosave: <AppDataLocation>/autosave.gtmr
    static QString defaultAutosavePath();

public Q_SLOTS:
    // Something changed: it is written within the interval.
    void stateChanged();
    // A moment worth keeping (plan ready, milestone, end of run): written now, off this thread.
    void checkpoint();

Q_SIGNALS:
    void saveFailed(const QString &error);
    void saved(const QString &path);

private:
    void startSave();
    void onSaveDone(const QString &error);
    void waitForSaveInFlight();
    std::shared_ptr<const RunState> currentState();

    QString m_path;
    std::chrono::milliseconds m_interval;
    StateProvider m_provider;
    QTimer *m_timer = nullptr;
    QList<QMetaObject::Connection> m_connections;
    struct InFlight;
    std::unique_ptr<InFlight> m_inFlight;
    std::shared_ptr<RunState> m_lastState; // for the final save if the pipeline is gone
    bool m_pending = false;
    int m_saveCount = 0;
};

} // namespace gtm
