#include "SessionAutosaver.h"

#include "SessionFile.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace gtm {

namespace {

// Returns an empty string on success, the reason otherwise.
QString writeSession(const QString &path, const RunState &state)
{
    // The data folder does not exist on a fresh profile.
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(folder))
        return QStringLiteral("Cannot save “%1”: cannot create the folder “%2”")
            .arg(QFileInfo(path).fileName(), QDir::toNativeSeparators(folder));
    QString error;
    if (!saveSession(path, state, &error))
        return error.isEmpty() ? QStringLiteral("Cannot save the session") : error;
    return {};
}

} // namespace

struct SessionAutosaver::InFlight
{
    QFuture<QString> future;
    QFutureWatcher<QString> *watcher = nullptr;
};

SessionAutosaver::SessionAutosaver(
    QString path, std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
    , m_path(std::move(path))
    , m_interval(interval)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SessionAutosaver::checkpoint);
}

SessionAutosaver::~SessionAutosaver()
{
    flush();
}

void SessionAutosaver::attach(StateProvider provider)
{
    detach();
    m_provider = std::move(provider);
}

void SessionAutosaver::detach()
{
    flush();
    m_provider = nullptr;
    m_lastState.reset();
}

qint64 SessionAutosaver::gapMs() const
{
    constexpr qint64 kMinimumGapMs = 200;
    const qint64 interval = qint64(m_interval.count());
    return std::min(std::max(4 * m_lastSaveMs, kMinimumGapMs), interval);
}

void SessionAutosaver::stateChanged()
{
    if (m_inFlight) {
        m_changedDuringSave = true;
        return;
    }
    if (m_timer->isActive() || m_pending)
        return;
    const qint64 sinceLast = m_lastSaveStart.isValid() ? m_lastSaveStart.elapsed() : gapMs();
    m_timer->start(int(std::max<qint64>(0, gapMs() - sinceLast)));
}

void SessionAutosaver::checkpoint()
{
    m_timer->stop();
    if (m_inFlight) {
        m_pending = true;
        currentState(); // the pipeline may be gone by the time this save runs
    } else {
        startSave();
    }
}

std::shared_ptr<const RunState> SessionAutosaver::currentState()
{
    // Kept, so that a save still pending when the pipeline is deleted writes its last state.
    if (m_provider) {
        if (auto state = m_provider())
            m_lastState = std::make_shared<RunState>(std::move(*state));
    }
    return m_lastState;
}

void SessionAutosaver::startSave()
{
    m_pending = false;
    const auto state = currentState();
    if (!state)
        return;
    m_changedDuringSave = false;
    m_lastSaveStart.start();
    m_inFlight = std::make_unique<InFlight>();
    m_inFlight->watcher = new QFutureWatcher<QString>(this);
    connect(m_inFlight->watcher, &QFutureWatcher<QString>::finished, this, [this] {
        const QString error = m_inFlight->future.result();
        m_inFlight->watcher->deleteLater();
        m_inFlight.reset();
        onSaveDone(error);
        if (m_pending) {
            startSave();
        } else if (m_changedDuringSave) {
            m_changedDuringSave = false;
            stateChanged();
        }
    });
    // The copy is cheap (implicitly shared); the JSON and the disk are what take time.
    m_inFlight->future = QtConcurrent::run(writeSession, m_path, *state);
    m_inFlight->watcher->setFuture(m_inFlight->future);
}

void SessionAutosaver::onSaveDone(const QString &error)
{
    m_lastSaveMs = m_lastSaveStart.isValid() ? m_lastSaveStart.elapsed() : 0;
    if (error.isEmpty()) {
        ++m_saveCount;
        Q_EMIT saved(m_path);
    } else {
        Q_EMIT saveFailed(error);
    }
}

void SessionAutosaver::waitForSaveInFlight()
{
    if (!m_inFlight)
        return;
    m_inFlight->watcher->disconnect(this);
    m_inFlight->future.waitForFinished();
    const QString error = m_inFlight->future.result();
    m_inFlight->watcher->deleteLater();
    m_inFlight.reset();
    onSaveDone(error);
}

bool SessionAutosaver::saveNow()
{
    waitForSaveInFlight();
    m_timer->stop();
    m_pending = false;
    const auto state = currentState();
    if (!state)
        return false;
    m_changedDuringSave = false;
    m_lastSaveStart.start();
    const QString error = writeSession(m_path, *state);
    onSaveDone(error);
    return error.isEmpty();
}

void SessionAutosaver::flush()
{
    waitForSaveInFlight();
    if (m_pending || m_changedDuringSave || m_timer->isActive())
        saveNow();
}

QString SessionAutosaver::defaultAutosavePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/autosave.gtmr");
}

} // namespace gtm
