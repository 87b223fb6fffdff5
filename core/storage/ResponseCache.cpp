#include "ResponseCache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>
#include <atomic>

namespace gtm {

namespace {

std::atomic<int> g_connectionCounter { 0 };

// Another instance may hold the write lock for a moment (a store or a clear); waiting this
// long is cheaper than failing the lookup and paying for the request again.
constexpr int kBusyTimeoutMs = 5000;

QByteArray encodeHeaders(const HeaderList &headers)
{
    QByteArray out;
    for (const auto &[name, value] : headers)
        out += name + ": " + value + '\n';
    return out;
}

HeaderList decodeHeaders(const QByteArray &bytes)
{
    HeaderList headers;
    for (const QByteArray &line : bytes.split('\n')) {
        const qsizetype colon = line.indexOf(": ");
        if (colon > 0)
            headers.append({ line.left(colon), line.mid(colon + 2) });
    }
    return headers;
}

// SQLite's primary result codes for a file that is not, or no longer, a sound database.
bool isDamage(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    constexpr int kCorrupt = 11; // SQLITE_CORRUPT
    constexpr int kNotADatabase = 26; // SQLITE_NOTADB
    return ok && (code == kCorrupt || code == kNotADatabase);
}

} // namespace

ResponseCache::ResponseCache(QString path, std::chrono::seconds timeToLive, Clock clock)
    : m_path(std::move(path))
    , m_connectionName(
          QStringLiteral("gtm-response-cache-%1").arg(g_connectionCounter.fetch_add(1)))
    , m_timeToLive(timeToLive)
    , m_clock(std::move(clock))
{
    m_open = open();
    pruneOnOpen();
    if (m_damaged && startAfresh(true))
        pruneOnOpen();
}

ResponseCache::~ResponseCache()
{
    close();
}

void ResponseCache::close()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_open = false;
}

bool ResponseCache::startAfresh(bool keepDamagedCopy)
{
    close();
    // Otherwise every later run finds the same damage, runs without a cache and pays again.
    const QString aside = m_path + QStringLiteral(".damaged-")
        + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const bool moved = keepDamagedCopy ? QFile::rename(m_path, aside) : QFile::remove(m_path);
    if (!moved && QFileInfo::exists(m_path)) {
        m_error = QStringLiteral("The response cache %1 is damaged and cannot be moved aside")
                      .arg(m_path);
        return false;
    }
    for (const char *suffix : { "-wal", "-shm" })
        QFile::remove(m_path + QLatin1StringView(suffix));
    m_damaged = false;
    m_open = open();
    if (m_open && keepDamagedCopy)
        m_notice = QStringLiteral("The response cache was damaged; it was moved to %1 and a new "
                                  "one started (answers already paid for will be asked again).")
                       .arg(aside);
    return m_open;
}

QString ResponseCache::defaultPath()
{
    // One cache for the GUI and the CLI: an answer paid for in one is free in the other.
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)
        + QStringLiteral("/gtm-research/responses.sqlite");
}

qint64 ResponseCache::now() const
{
    return (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toSecsSinceEpoch();
}

bool ResponseCache::open()
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir)) {
        m_error = QStringLiteral("Cannot create the cache folder %1").arg(dir);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!db.open()) {
        m_error = QStringLiteral("Cannot open the response cache %1: %2")
                      .arg(m_path, db.lastError().text());
        m_damaged = isDamage(db.lastError());
        return false;
    }
    QSqlQuery q(db);
    const QStringList setup {
        QStringLiteral("PRAGMA busy_timeout = %1").arg(kBusyTimeoutMs),
        // Readers never wait for a writer, and two processes can share the file.
        QStringLiteral("PRAGMA journal_mode = WAL"),
        // In WAL mode NORMAL loses at most the last stores on power loss, never the database.
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS responses ("
                       " provider TEXT NOT NULL,"
                       " cache_key BLOB NOT NULL,"
                       " status INTEGER NOT NULL,"
                       " headers BLOB NOT NULL,"
                       " body BLOB NOT NULL,"
                       " stored_at INTEGER NOT NULL,"
                       " PRIMARY KEY (provider, cache_key))"),
    };
    for (const QString &statement : setup) {
        if (!q.exec(statement)) {
            m_error = QStringLiteral("Cannot prepare the response cache %1: %2")
                          .arg(m_path, q.lastError().text());
            m_damaged = isDamage(q.lastError());
            db.close();
            return false;
        }
    }
    return true;
}

void ResponseCache::pruneOnOpen()
{
    // Without this the file only grows: expired answers are never asked for again.
    if (m_open)
        removeExpired();
}

std::optional<HttpResponse> ResponseCache::lookup(const QString &provider, const QByteArray &key)
{
    if (!m_open || key.isEmpty())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("SELECT status, headers, body, stored_at FROM responses "
                             "WHERE provider = ? AND cache_key = ?"));
    q.addBindValue(provider);
    q.addBindValue(key);
    if (!q.exec()) {
        m_error = q.lastError().text();
        ++m_misses;
        return std::nullopt;
    }
    if (!q.next() || q.value(3).toLongLong() + qint64(m_timeToLive.count()) <= now()) {
        ++m_misses;
        return std::nullopt;
    }
    HttpResponse response;
    response.status = q.value(0).toInt();
    response.headers = decodeHeaders(q.value(1).toByteArray());
    response.body = q.value(2).toByteArray();
    response.fromCache = true;
    ++m_hits;
    return response;
}

void ResponseCache::store(
    const QString &provider, const QByteArray &key, const HttpResponse &response)
{
    // An error page or a rate-limit answer must not be served back for a week.
    if (!m_open || key.isEmpty() || !response.ok() || response.fromCache || response.status < 200
        || response.status > 299)
        return;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO responses "
                             "(provider, cache_key, status, headers, body, stored_at) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(provider);
    q.addBindValue(key);
    q.addBindValue(response.status);
    q.addBindValue(encodeHeaders(response.headers));
    q.addBindValue(response.body);
    q.addBindValue(now());
    if (!q.exec())
        m_error = q.lastError().text();
}

bool ResponseCache::clear()
{
    if (m_open) {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        if (q.exec(QStringLiteral("DELETE FROM responses")))
            return true;
        m_error = q.lastError().text();
        if (!isDamage(q.lastError()))
            return false;
    } else if (!m_damaged) {
        return false;
    }
    // Clearing a damaged cache is replacing it: nothing in it is worth keeping.
    return startAfresh(false);
}

int ResponseCache::removeExpired()
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral("DELETE FROM responses WHERE stored_at + ? <= ?"));
    q.addBindValue(qint64(m_timeToLive.count()));
    q.addBindValue(now());
    if (!q.exec()) {
        m_error = q.lastError().text();
        m_damaged = isDamage(q.lastError());
        return 0;
    }
    return q.numRowsAffected();
}

int ResponseCache::entryCount()
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM responses")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

} // namespace gtm
