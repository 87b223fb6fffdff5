#pragma once

#include "model/RunState.h"

#include <QElapsedTimer>
#include <QObject>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace gtm {

// Keeps a session file up to date while a run goes on: at once when the run starts, at every
// progress milestone and when it ends; and soon after every finished query, so a killed
// process loses little more than the queries in flight. Used by the GUI (autosave for
// restore) and the CLI (--session).
//
// After a change the next save waits a gap that grows with what a save costs: four times the
// last save's duration, at least 0.2 s and at most the interval. A small session is saved
// almost after every query; a huge one keeps the worker busy at most a fifth of the time.
//
// The state is copied on the pipeline's thread and serialised and written on a worker thread;
// there is never more than one save in flight (changes that arrive meanwhile are written
// after it), and each save replaces the file atomically.
//
// Before the process exits, call flush() (or destroy the autosaver): it waits for the save in
// flight and writes what is still pending, so the file ends with the final state.
class SessionAutosaver : public QObject
{
    Q_OBJECT
public:
    SessionAutosaver(QString path, std::chrono::milliseconds interval, QObject *parent = nullptr);
    ~SessionAutosaver() override;

    // The owner of the state (core/session/ResearchSession) calls stateChanged() and
    // checkpoint() itself. The provider is called on this object's thread; nullopt means
    // there is nothing (any more) to save.
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
    // Something changed: it is written after the gap (at most the interval).
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
    qint64 gapMs() const;
    std::shared_ptr<const RunState> currentState();

    QString m_path;
    std::chrono::milliseconds m_interval;
    StateProvider m_provider;
    QTimer *m_timer = nullptr;
    struct InFlight;
    std::unique_ptr<InFlight> m_inFlight;
    std::shared_ptr<RunState> m_lastState; // for the final save if the pipeline is gone
    bool m_pending = false; // a checkpoint waits for the save in flight
    bool m_changedDuringSave = false; // a change arrived while a save was in flight
    QElapsedTimer m_lastSaveStart;
    qint64 m_lastSaveMs = 0;
    int m_saveCount = 0;
};

} // namespace gtm
