#include "FakeHttpServer.h"
#include "net/ConcurrencyPool.h"
#include "net/HttpClient.h"

#include <QCoroTask>
#include <QTest>

using namespace gtm;
using namespace gtm::test;

namespace {

QCoro::Task<void> pooledSend(
    HttpClient *client, ConcurrencyPool *pool, HttpRequest request, int *done, int *failed)
{
    const bool acquired = co_await pool->acquire(); // not inside the if: GCC 12 miscompiles that
    if (!acquired)
        co_return;
    const HttpResponse r = co_await client->send(std::move(request));
    pool->release();
    *failed += r.ok() ? 0 : 1;
    ++*done;
}

QCoro::Task<void> orderedAcquire(ConcurrencyPool *pool, int id, QList<int> *order)
{
    const bool acquired = co_await pool->acquire();
    if (acquired)
        *order << id;
}

} // namespace

class TestConcurrency : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void peakAtTheServer_equalsThePoolSize_data()
    {
        QTest::addColumn<int>("limit");
        for (int n : { 6, 20, 50, 100 })
            QTest::addRow("%d", n) << n;
    }

    // Qt 6.4 opens at most 6 HTTP/1.1 connections per host per manager: a larger limit only
    // shows at the server if the client spreads requests over managers.
    void peakAtTheServer_equalsThePoolSize()
    {
        QFETCH(int, limit);
        FakeHttpServer server;
        QVERIFY(server.listen());
        // Long enough answers that every slot is taken before the first one frees up.
        server.route(QStringLiteral("/q"), [limit](const FakeRequest &) {
            return FakeResponse::json(R"({"results":[]})").withDelay(std::max(300, limit * 10));
        });
        HttpClient client;
        ConcurrencyPool pool(limit);
        const int total = limit * 3;
        int done = 0, failed = 0;
        for (int i = 0; i < total; ++i) {
            HttpRequest r;
            r.url = server.baseUrl().resolved(QUrl(QStringLiteral("/q?i=%1").arg(i)));
            pooledSend(&client, &pool, r, &done, &failed);
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, total, 60000);
        QCOMPARE(failed, 0);
        QCOMPARE(server.requestCount(QStringLiteral("/q")), total);
        QCOMPARE(server.peakConcurrency(QStringLiteral("/q")), limit);
        QCOMPARE(pool.inUse(), 0);
    }

    void pool_servesWaitersInArrivalOrder()
    {
        ConcurrencyPool pool(1);
        QVERIFY(pool.tryAcquire());
        QList<int> order;
        for (int i = 0; i < 5; ++i)
            orderedAcquire(&pool, i, &order);
        QCOMPARE(pool.waiting(), 5);
        QVERIFY(!pool.tryAcquire()); // no overtaking the queue
        for (int i = 0; i < 5; ++i) {
            pool.release();
            QTRY_COMPARE(order.size(), i + 1);
        }
        QCOMPARE(order, (QList<int> { 0, 1, 2, 3, 4 }));
        QCOMPARE(pool.inUse(), 1);
        pool.release();
        QCOMPARE(pool.inUse(), 0);
    }

    void pool_closeWakesWaitersWithoutASlot()
    {
        ConcurrencyPool pool(1);
        QVERIFY(pool.tryAcquire());
        QList<int> order;
        orderedAcquire(&pool, 7, &order);
        pool.close();
        QTest::qWait(20);
        QVERIFY(order.isEmpty());
        QCOMPARE(pool.waiting(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
