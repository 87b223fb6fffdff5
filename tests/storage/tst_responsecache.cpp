#include "storage/ResponseCache.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>

using namespace gtm;
using namespace std::chrono_literals;

namespace {

HttpResponse answer(const QByteArray &body, int status = 200)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.headers = { { QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json") },
        { QByteArrayLiteral("x-request-id"), QByteArrayLiteral("abc: def") } };
    r.attempts = 2;
    return r;
}

const QString kTavily = QStringLiteral("tavily");

// A clock the test moves by hand.
struct ManualClock
{
    std::shared_ptr<QDateTime> now
        = std::make_shared<QDateTime>(QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
    ResponseCache::Clock clock() const
    {
        return [now = now] { return *now; };
    }
    void advance(std::chrono::seconds s) { *now = now->addSecs(s.count()); }
};

} // namespace

class TestResponseCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storedAnswer_isFoundByProviderAndKey()
    {
        QTemporaryDir dir;
        ResponseCache cache(dir.filePath(QStringLiteral("responses.sqlite")));
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        QVERIFY(!cache.lookup(kTavily, "q=stripe|depth=basic"));

        const QByteArray body
            = R"({"results":[{"title":"Radar","url":"https://stripe.com/radar"}]})";
        cache.store(kTavily, "q=stripe|depth=basic", answer(body));

        const auto hit = cache.lookup(kTavily, "q=stripe|depth=basic");
        QVERIFY(hit);
        QCOMPARE(hit->status, 200);
        QCOMPARE(hit->body, body);
        QVERIFY(hit->fromCache);
        QVERIFY(hit->ok());
        QCOMPARE(hit->header("content-type"), QByteArrayLiteral("application/json"));
        QCOMPARE(hit->header("x-request-id"), QByteArrayLiteral("abc: def"));

        QVERIFY(!cache.lookup(kTavily, "q=stripe|depth=advanced"));
        QVERIFY(!cache.lookup(QStringLiteral("newsapi"), "q=stripe|depth=basic"));
        QCOMPARE(cache.hits(), 1);
        QCOMPARE(cache.misses(), 3);
        QCOMPARE(cache.entryCount(), 1);
    }

    void binaryKeysAndBodies_roundTrip()
    {
        QTemporaryDir dir;
        ResponseCache cache(dir.filePath(QStringLiteral("responses.sqlite")));
        const QByteArray key("\x00\x01\xff key", 8);
        const QByteArray body("\x00\x89PNG\r\n", 7);
        cache.store(kTavily, key, answer(body));
        QCOMPARE(cache.lookup(kTavily, key).value_or(HttpResponse {}).body, body);
        QVERIFY(!cache.lookup(kTavily, QByteArray("\x00\x01\xff", 3)));
    }

    void onlySuccessfulAnswers_areStored_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("error");
        QTest::newRow("404") << 404 << int(HttpErrorKind::Http);
        QTest::newRow("500") << 500 << int(HttpErrorKind::Http);
        QTest::newRow("429") << 429 << int(HttpErrorKind::RateLimited);
        QTest::newRow("301") << 301 << int(HttpErrorKind::None);
        QTest::newRow("200 that did not parse") << 200 << int(HttpErrorKind::Parse);
        QTest::newRow("200 cut at the size cap") << 200 << int(HttpErrorKind::TooLarge);
        QTest::newRow("network error") << 0 << int(HttpErrorKind::Network);
    }

    void onlySuccessfulAnswers_areStored()
    {
        QFETCH(int, status);
        QFETCH(int, error);
        QTemporaryDir dir;
        ResponseCache cache(dir.filePath(QStringLiteral("responses.sqlite")));
        HttpResponse r = answer("{}", status);
        r.error = HttpErrorKind(error);
        cache.store(kTavily, "k", r);
        QVERIFY(!cache.lookup(kTavily, "k"));
        QCOMPARE(cache.entryCount(), 0);

        cache.store(kTavily, "k", answer("{}", 204));
        QVERIFY(cache.lookup(kTavily, "k"));
    }

    void emptyKey_isNeverCached()
    {
        QTemporaryDir dir;
        ResponseCache cache(dir.filePath(QStringLiteral("responses.sqlite")));
        cache.store(kTavily, QByteArray(), answer("{}"));
        QCOMPARE(cache.entryCount(), 0);
        QVERIFY(!cache.lookup(kTavily, QByteArray()));
    }

    void entries_expireAfterTheTimeToLive()
    {
        QTemporaryDir dir;
        ManualClock clock;
        ResponseCache cache(dir.filePath(QStringLiteral("responses.sqlite")),
            ResponseCache::kDefaultTimeToLive, clock.clock());
        QCOMPARE(cache.timeToLive(), std::chrono::seconds(7 * 24 * 3600));
        cache.store(kTavily, "old", answer("old"));
        clock.advance(3 * 24h);
        cache.store(kTavily, "new", answer("new"));

        clock.advance(4 * 24h - 1s); // "old" is 7 days minus a second old
        QVERIFY(cache.lookup(kTavily, "old"));
        clock.advance(1s);
        QVERIFY(!cache.lookup(kTavily, "old"));
        QVERIFY(cache.lookup(kTavily, "new"));

        QCOMPARE(cache.removeExpired(), 1);
        QCOMPARE(cache.entryCount(), 1);

        cache.setTimeToLive(24h); // shortening the time-to-live applies to what is stored
        QVERIFY(!cache.lookup(kTavily, "new"));

        cache.store(kTavily, "new", answer("fresh")); // storing again renews
        QCOMPARE(cache.lookup(kTavily, "new").value_or(HttpResponse {}).body, QByteArray("fresh"));
    }

    void expiredEntries_areDeletedWhenTheFileIsOpened()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("responses.sqlite"));
        ManualClock clock;
        {
            ResponseCache cache(path, 24h, clock.clock());
            cache.store(kTavily, "old", answer("old"));
            clock.advance(23h);
            cache.store(kTavily, "new", answer("new"));
            QCOMPARE(cache.entryCount(), 2);
        }
        clock.advance(2h);
        ResponseCache reopened(path, 24h, clock.clock());
        QCOMPARE(reopened.entryCount(), 1);
        QVERIFY(reopened.lookup(kTavily, "new"));
    }

    void entries_surviveReopening()
    {
        QTemporaryDir dir;
        const QString path
            = dir.filePath(QStringLiteral("sub/dir/responses.sqlite")); // folders are created
        {
            ResponseCache cache(path);
            QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
            cache.store(kTavily, "k", answer("kept"));
        }
        ResponseCache again(path);
        QCOMPARE(again.lookup(kTavily, "k").value_or(HttpResponse {}).body, QByteArray("kept"));
    }

    void twoInstancesOnOneFile_seeEachOther()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("responses.sqlite"));
        ResponseCache a(path);
        ResponseCache b(path);
        QVERIFY(a.isOpen() && b.isOpen());
        a.store(kTavily, "from-a", answer("a"));
        b.store(kTavily, "from-b", answer("b"));
        QCOMPARE(b.lookup(kTavily, "from-a").value_or(HttpResponse {}).body, QByteArray("a"));
        QCOMPARE(a.lookup(kTavily, "from-b").value_or(HttpResponse {}).body, QByteArray("b"));

        QVERIFY(a.clear());
        QVERIFY(!b.lookup(kTavily, "from-a"));
        QVERIFY(!b.lookup(kTavily, "from-b"));
        QCOMPARE(b.entryCount(), 0);
    }

    void database_isInWalMode()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("responses.sqlite"));
        {
            ResponseCache cache(path);
            cache.store(kTavily, "k", answer("v"));
        }
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    }

    void concurrentWritersOnOneFile_loseNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("responses.sqlite"));
        ResponseCache(path).store(kTavily, "seed", answer("x")); // schema exists before the race
        constexpr int perThread = 150;
        std::atomic<int> failures { 0 };
        const auto worker = [&](QByteArray prefix) {
            // A connection belongs to its thread: each thread opens its own instance.
            ResponseCache cache(path);
            if (!cache.isOpen()) {
                failures += perThread;
                return;
            }
            for (int i = 0; i < perThread; ++i) {
                const QByteArray key = prefix + QByteArray::number(i);
                cache.store(kTavily, key, answer(key));
                if (cache.lookup(kTavily, key).value_or(HttpResponse {}).body != key)
                    ++failures;
            }
        };
        QThread *one = QThread::create(worker, QByteArrayLiteral("one-"));
        QThread *two = QThread::create(worker, QByteArrayLiteral("two-"));
        one->start();
        two->start();
        QVERIFY(one->wait(60000));
        QVERIFY(two->wait(60000));
        delete one;
        delete two;

        QCOMPARE(failures.load(), 0);
        ResponseCache reader(path);
        QCOMPARE(reader.entryCount(), 2 * perThread + 1);
    }

    void garbageFile_isMovedAsideAndAFreshCacheStarts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("responses.sqlite"));
        const QByteArray garbage(4096, 'j');
        QFile junk(path);
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(garbage);
        junk.close();

        ResponseCache cache(path);
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        QVERIFY2(cache.notice().contains(QStringLiteral("damaged")), qPrintable(cache.notice()));
        cache.store(kTavily, "k", answer("v"));
        QVERIFY(cache.lookup(kTavily, "k"));

        // The damaged file is kept beside it, byte for byte, for whoever wants to look.
        const QStringList aside = QDir(dir.path()).entryList({ QStringLiteral("*.damaged-*") });
        QCOMPARE(aside.size(), 1);
        QFile kept(dir.filePath(aside.first()));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), garbage);

        // Said once: the next run finds a sound cache and says nothing.
        ResponseCache next(path);
        QVERIFY(next.isOpen());
        QVERIFY(next.notice().isEmpty());
        QVERIFY(next.lookup(kTavily, "k"));
    }

    void truncatedFile_isMovedAsideAndAFreshCacheStarts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("responses.sqlite"));
        {
            ResponseCache cache(path);
            for (int i = 0; i < 200; ++i)
                cache.store(kTavily, QByteArray::number(i), answer(QByteArray(2000, 'b')));
        }
        QFile file(path);
        QVERIFY(file.size() > 100000);
        QVERIFY(file.resize(file.size() / 2));

        ResponseCache cache(path);
        QVERIFY2(cache.isOpen(), qPrintable(cache.error()));
        QVERIFY2(!cache.notice().isEmpty(), qPrintable(cache.error()));
        QCOMPARE(cache.entryCount(), 0);
        cache.store(kTavily, "k", answer("v"));
        QVERIFY(cache.lookup(kTavily, "k"));
    }

    void clear_replacesACacheDamagedWhileOpen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("responses.sqlite"));
        ResponseCache cache(path);
        for (int i = 0; i < 200; ++i)
            cache.store(kTavily, QByteArray::number(i), answer(QByteArray(2000, 'b')));
        {
            // Checkpoint the WAL so that the damage below is in what SQLite reads.
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(4096));
        file.write(QByteArray(file.size() - 4096, '\xff'));
        file.close();

        QVERIFY2(cache.clear(), qPrintable(cache.error())); // Settings › Clear cache
        QVERIFY(cache.isOpen());
        QCOMPARE(cache.entryCount(), 0);
        cache.store(kTavily, "k", answer("v"));
        QVERIFY(cache.lookup(kTavily, "k"));
    }

    void unusableFolder_disablesTheCacheWithAReason()
    {
        QTemporaryDir dir;
        // The cache's folder is a file: nothing can be created there.
        QFile blocker(dir.filePath(QStringLiteral("folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = dir.filePath(QStringLiteral("folder/responses.sqlite"));

        ResponseCache cache(path);
        QVERIFY(!cache.isOpen());
        QVERIFY(!cache.error().isEmpty());
        cache.store(kTavily, "k", answer("v"));
        QVERIFY(!cache.lookup(kTavily, "k"));
        QVERIFY(!cache.clear());
    }

    void defaultPath_isInTheCacheLocation()
    {
        QVERIFY(ResponseCache::defaultPath().endsWith(QStringLiteral("/responses.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestResponseCache)
#include "tst_responsecache.moc"
