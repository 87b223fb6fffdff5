#include "FakeHttpServer.h"
#include "net/HttpClient.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QLocale>
#include <QTest>
#include <QTimer>

using namespace gtm;
using namespace gtm::test;
using namespace std::chrono_literals;

namespace {

class MemoryStore : public ResponseStore
{
public:
    std::optional<HttpResponse> lookup(const QString &provider, const QByteArray &key) override
    {
        ++lookups;
        auto it = entries.find(provider + QString::fromLatin1(key));
        if (it == entries.end())
            return std::nullopt;
        return *it;
    }
    void store(
        const QString &provider, const QByteArray &key, const HttpResponse &response) override
    {
        entries.insert(provider + QString::fromLatin1(key), response);
    }
    QHash<QString, HttpResponse> entries;
    int lookups = 0;
};

// Answers with `first` for the first `times` requests, then with `then`.
FakeHandler sequence(FakeResponse first, int times, FakeResponse then)
{
    auto count = std::make_shared<int>(0);
    return [=](const FakeRequest &) { return (*count)++ < times ? first : then; };
}

QByteArray httpDate(const QDateTime &utc)
{
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT
    FakeHttpServer *m_server = nullptr;
    HttpClient *m_client = nullptr;

    HttpRequest request(const QString &path, const QString &provider = QStringLiteral("test"))
    {
        HttpRequest r;
        r.url = m_server->baseUrl().resolved(QUrl(path));
        r.provider = provider;
        return r;
    }
    void fastRetries(int maxAttempts = 4)
    {
        ProviderPolicy p;
        p.maxAttempts = maxAttempts;
        p.baseBackoff = 10ms;
        p.maxBackoff = 40ms;
        m_client->setProviderPolicy(QStringLiteral("test"), p);
    }

private Q_SLOTS:
    void init()
    {
        m_server = new FakeHttpServer(this);
        QVERIFY(m_server->listen());
        m_client = new HttpClient({}, this);
        fastRetries();
    }
    void cleanup()
    {
        delete m_client;
        delete m_server;
    }

    void retryAfterSeconds_isWaitedBeforeTheRetry()
    {
        m_server->route(QStringLiteral("/r"),
            sequence(FakeResponse::json("{}", 429).withHeader("Retry-After", "1"), 1,
                FakeResponse::json(R"({"ok":true})")));
        HttpResponse r = QCoro::waitFor(m_client->send(request(QStringLiteral("/r"))));
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        QCOMPARE(r.attempts, 2);
        const auto seen = m_server->requests(QStringLiteral("/r"));
        QCOMPARE(seen.size(), 2);
        QVERIFY2(seen.at(1).receivedAtMs - seen.at(0).receivedAtMs >= 1000,
            qPrintable(QString::number(seen.at(1).receivedAtMs - seen.at(0).receivedAtMs)));
    }

    void retryAfterHttpDate_isWaitedBeforeTheRetry()
    {
        // Dates have whole seconds: two seconds ahead means a wait of more than one.
        m_server->route(QStringLiteral("/d"), [](const FakeRequest &) {
            static int n = 0;
            if (n++ == 0)
                return FakeResponse::json("{}", 503).withHeader(
                    "Retry-After", httpDate(QDateTime::currentDateTimeUtc().addSecs(2)));
            return FakeResponse::json("{}");
        });
        HttpResponse r = QCoro::waitFor(m_client->send(request(QStringLiteral("/d"))));
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        const auto seen = m_server->requests(QStringLiteral("/d"));
        QCOMPARE(seen.size(), 2);
        const qint64 gap = seen.at(1).receivedAtMs - seen.at(0).receivedAtMs;
        QVERIFY2(gap >= 1000 && gap <= 3000, qPrintable(QString::number(gap)));
    }

    void serverErrors_areRetriedUpToMaxAttempts()
    {
        fastRetries(3);
        m_server->route(QStringLiteral("/e"),
            [](const FakeRequest &) { return FakeResponse::json("{}", 500); });
        HttpResponse r = QCoro::waitFor(m_client->send(request(QStringLiteral("/e"))));
        QCOMPARE(r.error, HttpErrorKind::Http);
        QCOMPARE(r.status, 500);
        QCOMPARE(r.attempts, 3);
        QCOMPARE(m_server->requestCount(QStringLiteral("/e")), 3);
    }

    void rateLimitedAfterRetries_isReportedAsSuch()
    {
        fastRetries(2);
        m_server->route(QStringLiteral("/l"), [](const FakeRequest &) {
            return FakeResponse::json("{}", 429).withHeader("Retry-After", "0");
        });
        HttpResponse r = QCoro::waitFor(m_client->send(request(QStringLiteral("/l"))));
        QCOMPARE(r.error, HttpErrorKind::RateLimited);
        QCOMPARE(m_server->requestCount(QStringLiteral("/l")), 2);
        QVERIFY(r.errorString.contains(QStringLiteral("429")));
    }

    void clientErrors_areTriedOnce_data()
    {
        QTest::addColumn<int>("status");
        for (int s : { 400, 401, 403, 404 })
            QTest::addRow("%d", s) << s;
    }
    void clientErrors_areTriedOnce()
    {
        QFETCH(int, status);
        m_server->route(QStringLiteral("/c"), [status](const FakeRequest &) {
            return FakeResponse::json(R"({"error":"no"})", status);
        });
        HttpResponse r = QCoro::waitFor(m_client->send(request(QStringLiteral("/c"))));
        QCOMPARE(r.error, HttpErrorKind::Http);
        QCOMPARE(r.status, status);
        QCOMPARE(r.attempts, 1);
        QCOMPARE(m_server->requestCount(QStringLiteral("/c")), 1);
        QVERIFY(r.errorString.contains(QString::number(status)));
    }

    void dailyQuota429_isNotRetried()
    {
        m_server->route(QStringLiteral("/g"), [](const FakeRequest &) {
            return FakeResponse::json(
                R"({"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"You exceeded your current quota",
                "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[
                {"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier"}]}]}})",
                429);
        });
        HttpResponse r = QCoro::waitFor(m_client->send(request(QStringLiteral("/g"))));
        QCOMPARE(r.error, HttpErrorKind::QuotaExhausted);
        QCOMPARE(m_server->requestCount(QStringLiteral("/g")), 1);
    }

    void classifyHook_canStopTheProvider()
    {
        ProviderPolicy p;
        p.baseBackoff = 10ms;
        p.classify = [](const HttpResponse &r) {
            return r.status == 432 ? RetryDecision::StopProvider : RetryDecision::Default;
        };
        m_client->setProviderPolicy(QStringLiteral("test"), p);
        m_server->route(QStringLiteral("/p"),
            [](const FakeRequest &) { return FakeResponse::json("{}", 432); });
        HttpResponse r = QCoro::waitFor(m_client->send(request(QStringLiteral("/p"))));
        QCOMPARE(r.error, HttpErrorKind::QuotaExhausted);
        QCOMPARE(m_server->requestCount(QStringLiteral("/p")), 1);
    }

    void oversizedAnswer_isRefused()
    {
        m_server->route(QStringLiteral("/big"), [](const FakeRequest &) {
            FakeResponse r;
            r.action = FakeResponse::Action::Oversize;
            r.oversizeBytes = 64LL * 1024 * 1024;
            return r;
        });
        HttpResponse r = QCoro::waitFor(m_client->send(request(QStringLiteral("/big"))));
        QCOMPARE(r.error, HttpErrorKind::TooLarge);
        QVERIFY(r.body.isEmpty());
        QCOMPARE(m_server->requestCount(QStringLiteral("/big")), 1);
    }

    void oversizedAnswer_keepTruncated_givesTheFirstBytes()
    {
        m_server->route(QStringLiteral("/page"), [](const FakeRequest &) {
            FakeResponse r;
            r.action = FakeResponse::Action::Oversize;
            r.body = QByteArrayLiteral("<html><title>Head</title>");
            r.oversizeBytes = 5LL * 1024 * 1024;
            return r;
        });
        HttpRequest req = request(QStringLiteral("/page"));
        req.maxBytes = 1024 * 1024;
        req.keepTruncated = true;
        HttpResponse r = QCoro::waitFor(m_client->send(req));
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        QVERIFY(r.truncated);
        QCOMPARE(r.body.size(), 1024 * 1024);
        QVERIFY(r.body.startsWith("<html><title>Head</title>"));
    }

    void malformedJson_isAParseError()
    {
        m_server->route(QStringLiteral("/j"),
            [](const FakeRequest &) { return FakeResponse::json(R"({"results": [)"); });
        HttpResponse r = QCoro::waitFor(m_client->send(request(QStringLiteral("/j"))));
        QVERIFY(r.ok());
        QVERIFY(r.json().isNull());
        QCOMPARE(r.error, HttpErrorKind::Parse);
        QVERIFY(r.errorString.contains(QStringLiteral("malformed JSON")));
    }

    void hangingServer_isATimeout()
    {
        fastRetries(1);
        m_server->route(QStringLiteral("/h"), [](const FakeRequest &) {
            FakeResponse r;
            r.action = FakeResponse::Action::Hang;
            return r;
        });
        HttpRequest req = request(QStringLiteral("/h"));
        req.timeout = 300ms;
        HttpResponse r = QCoro::waitFor(m_client->send(req));
        QCOMPARE(r.error, HttpErrorKind::Timeout);
    }

    void resetConnection_isANetworkErrorAndRetried()
    {
        fastRetries(2);
        m_server->route(QStringLiteral("/x"), [](const FakeRequest &) {
            FakeResponse r;
            r.action = FakeResponse::Action::Reset;
            return r;
        });
        HttpResponse r = QCoro::waitFor(m_client->send(request(QStringLiteral("/x"))));
        QCOMPARE(r.error, HttpErrorKind::Network);
        QCOMPARE(r.attempts, 2);
        // Qt itself re-sends once when a kept-alive connection turns out closed.
        QVERIFY(m_server->requestCount(QStringLiteral("/x")) >= 2);
    }

    void cachedAnswer_isServedWithoutARequest()
    {
        MemoryStore store;
        m_client->setResponseStore(&store);
        m_server->route(QStringLiteral("/s"),
            [](const FakeRequest &) { return FakeResponse::json(R"({"n":1})"); });
        HttpRequest req = request(QStringLiteral("/s"));
        req.cacheKey = "search|acme";
        HttpResponse first = QCoro::waitFor(m_client->send(req));
        QVERIFY(first.ok());
        QVERIFY(!first.fromCache);
        HttpResponse second = QCoro::waitFor(m_client->send(req));
        QVERIFY(second.ok());
        QVERIFY(second.fromCache);
        QCOMPARE(second.body, QByteArray(R"({"n":1})"));
        QCOMPARE(m_server->requestCount(QStringLiteral("/s")), 1);
        // Failures are not kept.
        m_server->route(QStringLiteral("/f"),
            [](const FakeRequest &) { return FakeResponse::json("{}", 404); });
        HttpRequest bad = request(QStringLiteral("/f"));
        bad.cacheKey = "search|missing";
        QVERIFY(!QCoro::waitFor(m_client->send(bad)).ok());
        QVERIFY(!QCoro::waitFor(m_client->send(bad)).ok());
        QCOMPARE(m_server->requestCount(QStringLiteral("/f")), 2);
        m_client->setResponseStore(nullptr);
    }

    void cancelToken_endsABackoffWaitPromptly()
    {
        m_server->route(QStringLiteral("/w"), [](const FakeRequest &) {
            return FakeResponse::json("{}", 429).withHeader("Retry-After", "30");
        });
        HttpRequest req = request(QStringLiteral("/w"));
        req.cancel = makeCancelToken();
        QTimer::singleShot(300, req.cancel.get(), &CancelSource::cancel);
        QElapsedTimer t;
        t.start();
        HttpResponse r = QCoro::waitFor(m_client->send(req));
        QCOMPARE(r.error, HttpErrorKind::Cancelled);
        QVERIFY2(t.elapsed() < 5000, "the 30 s Retry-After wait did not end on cancel");
        QCOMPARE(m_server->requestCount(QStringLiteral("/w")), 1);
    }

    void cancelToken_abortsOnlyItsOwnRequests()
    {
        m_server->route(QStringLiteral("/h"), [](const FakeRequest &) {
            FakeResponse r;
            r.action = FakeResponse::Action::Hang;
            return r;
        });
        HttpRequest mine = request(QStringLiteral("/h"), {});
        mine.cancel = makeCancelToken();
        HttpRequest other = request(QStringLiteral("/h"), {});
        HttpResponse mineResult, otherResult;
        bool mineDone = false, otherDone = false;
        m_client->send(mine).then([&](HttpResponse r) {
            mineResult = r;
            mineDone = true;
        });
        m_client->send(other).then([&](HttpResponse r) {
            otherResult = r;
            otherDone = true;
        });
        QTRY_COMPARE_WITH_TIMEOUT(m_server->inFlight(), 2, 5000);
        mine.cancel->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(mineDone, 5000);
        QCOMPARE(mineResult.error, HttpErrorKind::Cancelled);
        QTest::qWait(100);
        QVERIFY(!otherDone);
        m_client->abortAll();
        QTRY_VERIFY_WITH_TIMEOUT(otherDone, 5000);
        QCOMPARE(otherResult.error, HttpErrorKind::Cancelled);
    }

    void abortAll_endsRateLimitWaits()
    {
        ProviderPolicy p;
        p.ratePerMinute = 6; // one every 10 s
        p.burst = 1;
        m_client->setProviderPolicy(QStringLiteral("slow"), p);
        m_server->route(
            QStringLiteral("/ok"), [](const FakeRequest &) { return FakeResponse::json("{}"); });
        QVERIFY(
            QCoro::waitFor(m_client->send(request(QStringLiteral("/ok"), QStringLiteral("slow"))))
                .ok());
        HttpResponse second;
        bool done = false;
        m_client->send(request(QStringLiteral("/ok"), QStringLiteral("slow")))
            .then([&](HttpResponse r) {
                second = r;
                done = true;
            });
        QTest::qWait(200);
        QVERIFY(!done);
        m_client->abortAll();
        QTRY_VERIFY_WITH_TIMEOUT(done, 2000);
        QCOMPARE(second.error, HttpErrorKind::Cancelled);
        QCOMPARE(m_server->requestCount(QStringLiteral("/ok")), 1);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
