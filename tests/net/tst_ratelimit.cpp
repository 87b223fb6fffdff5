#include "FakeHttpServer.h"
#include "net/ConcurrencyPool.h"
#include "net/HttpClient.h"

#include <QCoroTask>
#include <QTest>

using namespace gtm;
using namespace gtm::test;

namespace {

QCoro::Task<void> pooledSend(
    HttpClient *client, ConcurrencyPool *pool, HttpRequest request, int *done)
{
    const bool acquired = co_await pool->acquire(); // not inside the if: GCC 12 miscompiles that
    if (!acquired)
        co_return;
    co_await client->send(std::move(request));
    pool->release();
    ++*done;
}

int busiestSecond(const QList<FakeRequest> &requests)
{
    int most = 0;
    for (const auto &a : requests) {
        int n = 0;
        for (const auto &b : requests)
            n += b.receivedAtMs >= a.receivedAtMs && b.receivedAtMs < a.receivedAtMs + 1000;
        most = std::max(most, n);
    }
    return most;
}

} // namespace

class TestRateLimit : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void limitHolds_inEverySecond_underConcurrency50()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/search"),
            [](const FakeRequest &) { return FakeResponse::json("{}"); });
        HttpClient client;
        ProviderPolicy policy;
        policy.ratePerMinute = 1200; // 20 per second
        policy.burst = 5;
        client.setProviderPolicy(QStringLiteral("tavily"), policy);
        ConcurrencyPool pool(50);
        const int total = 80;
        int done = 0;
        for (int i = 0; i < total; ++i) {
            HttpRequest r;
            r.url = server.baseUrl().resolved(QUrl(QStringLiteral("/search?i=%1").arg(i)));
            r.provider = QStringLiteral("tavily");
            pooledSend(&client, &pool, r, &done);
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, total, 30000);
        const auto seen = server.requests(QStringLiteral("/search"));
        QCOMPARE(seen.size(), total);
        const int most = busiestSecond(seen);
        QVERIFY2(most <= 20 + 5, qPrintable(QStringLiteral("%1 requests in one second").arg(most)));
        // The limiter paces rather than starves: the budget is used.
        QVERIFY2(most >= 20,
            qPrintable(QStringLiteral("only %1 requests in the busiest second").arg(most)));
    }

    void providersAreLimitedIndependently()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(
            QStringLiteral("/"), [](const FakeRequest &) { return FakeResponse::json("{}"); });
        HttpClient client;
        ProviderPolicy slow;
        slow.ratePerMinute = 60;
        slow.burst = 1;
        client.setProviderPolicy(QStringLiteral("slow"), slow);
        ConcurrencyPool pool(20);
        int done = 0;
        for (int i = 0; i < 2; ++i) {
            HttpRequest r;
            r.url = server.baseUrl().resolved(QUrl(QStringLiteral("/slow")));
            r.provider = QStringLiteral("slow");
            pooledSend(&client, &pool, r, &done);
        }
        for (int i = 0; i < 10; ++i) {
            HttpRequest r;
            r.url = server.baseUrl().resolved(QUrl(QStringLiteral("/free")));
            r.provider = QStringLiteral("free");
            pooledSend(&client, &pool, r, &done);
        }
        // The unlimited provider is not held up behind the slow one's second token.
        QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(QStringLiteral("/free")), 10, 900);
        QCOMPARE(server.requestCount(QStringLiteral("/slow")), 1);
        QTRY_COMPARE_WITH_TIMEOUT(done, 12, 5000);
        const auto slowSeen = server.requests(QStringLiteral("/slow"));
        QVERIFY(slowSeen.at(1).receivedAtMs - slowSeen.at(0).receivedAtMs >= 990);
    }
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
