#pragma once

#include "net/ResponseStore.h"

#include <QDateTime>
#include <QString>
#include <chrono>
#include <functional>

namespace gtm {

// The SQLite response store (QtSql): answers already paid for, by provider and cache key,
// kept for a time-to-live. Only successful (2xx) answers are kept.
//
// Several instances, in one process or in two running apps, may use one file at once: the
// database runs in WAL mode with a busy timeout, and each instance has its own connection.
// A QSqlDatabase connection belongs to the thread that opened it: create, use and destroy an
// instance on one thread (the HttpClient's).
//
// Expired entries are deleted when an instance opens the file.
//
// A damaged file (not a database, truncated, corrupt) is moved aside and a fresh cache started
// in its place; notice() says so, once, from the instance that did it. A cache that still cannot
// be opened (an unwritable folder) is not fatal: isOpen() is false, lookup() finds nothing,
// store() does nothing, and error() says why.
class ResponseCache : public ResponseStore
{
public:
    using Clock = std::function<QDateTime()>;
    static constexpr std::chrono::seconds kDefaultTimeToLive { 7 * 24 * 3600 };

    explicit ResponseCache(
        QString path, std::chrono::seconds timeToLive = kDefaultTimeToLive, Clock clock = {});
    ~ResponseCache() override;
    ResponseCache(const ResponseCache &) = delete;
    ResponseCache &operator=(const ResponseCache &) = delete;

    std::optional<HttpResponse> lookup(const QString &provider, const QByteArray &key) override;
    void store(
        const QString &provider, const QByteArray &key, const HttpResponse &response) override;

    void setTimeToLive(std::chrono::seconds timeToLive) { m_timeToLive = timeToLive; }
    std::chrono::seconds timeToLive() const { return m_timeToLive; }

    bool clear(); // every entry, for every provider; a damaged file is replaced by a new one
    int removeExpired(); // returns how many went
    int entryCount(); // including expired ones not yet removed

    // Hits and misses of this instance, for the metrics.
    int hits() const { return m_hits; }
    int misses() const { return m_misses; }

    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }
    // Set when this instance found the file damaged and started a new one; empty otherwise.
    QString notice() const { return m_notice; }
    QString path() const { return m_path; }

    // <CacheLocation>/responses.sqlite
    static QString defaultPath();

private:
    bool open();
    void close();
    void pruneOnOpen();
    bool startAfresh(bool keepDamagedCopy);
    qint64 now() const;

    QString m_path;
    QString m_connectionName;
    std::chrono::seconds m_timeToLive;
    Clock m_clock;
    bool m_open = false;
    QString m_error;
    QString m_notice;
    bool m_damaged = false; // the last SQLite error said the file is not a sound database
    int m_hits = 0;
    int m_misses = 0;
};

} // namespace gtm
