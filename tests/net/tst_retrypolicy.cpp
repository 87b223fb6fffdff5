#include "net/HttpClient.h"
#include "net/RateLimiter.h"
#include "net/RetryPolicy.h"

#include <QTest>

using namespace gtm;
using namespace std::chrono_literals;

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void retryAfter_seconds()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(parseRetryAfter("3", now), std::optional(3000ms));
        QCOMPARE(parseRetryAfter(" 0 ", now), std::optional(0ms));
        QCOMPARE(parseRetryAfter("-1", now), std::nullopt);
        QCOMPARE(parseRetryAfter("soon", now), std::nullopt);
        QCOMPARE(parseRetryAfter("", now), std::nullopt);
        // More seconds than any integer holds: a day at most, never an undefined conversion.
        QCOMPARE(parseRetryAfter("1e300", now), std::optional(std::chrono::milliseconds(86400000)));
    }

    void retryAfter_httpDateFormats()
    {
        const QDateTime now(QDate(2015, 10, 21), QTime(7, 27, 50), Qt::UTC);
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", now), std::optional(10000ms));
        QCOMPARE(parseRetryAfter("Wednesday, 21-Oct-15 07:28:00 GMT", now), std::optional(10000ms));
        QCOMPARE(parseRetryAfter("Wed Oct 21 07:28:00 2015", now), std::optional(10000ms));
        // A date in the past means: now.
        QCOMPARE(parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", now), std::optional(0ms));
    }

    void geminiRetryInfo_isAServerDelay()
    {
        HttpResponse r;
        r.status = 429;
        r.body = R"({"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"slow down",
                   "details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"7s"}]}})";
        QCOMPARE(serverRetryDelay(r, QDateTime::currentDateTimeUtc()), std::optional(7000ms));
        QVERIFY(!isDailyQuotaExhausted(r));
        r.headers.append({ QByteArrayLiteral("retry-after"), QByteArrayLiteral("2") });
        QCOMPARE(serverRetryDelay(r, QDateTime::currentDateTimeUtc()), std::optional(2000ms));
    }

    void dailyQuota_isRecognised()
    {
        HttpResponse r;
        r.status = 429;
        r.error = HttpErrorKind::Http;
        r.body
            = R"({"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"You exceeded your current quota",
                   "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[
                   {"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests",
                    "quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier","quotaValue":"250"}]}]}})";
        QVERIFY(isDailyQuotaExhausted(r));
        QCOMPARE(defaultRetryDecision(r), RetryDecision::StopProvider);
        r.body.replace("PerDay", "PerMinute");
        QVERIFY(!isDailyQuotaExhausted(r));
        QCOMPARE(defaultRetryDecision(r), RetryDecision::Retry);
    }

    // 429s whose documented body says the quota is gone (newsapi.org/docs/errors; OpenAI's
    // insufficient_quota, current and older form) stop the provider; a bare 429 and an OpenAI
    // rate_limit_exceeded are retried.
    void quotaGoneAnswers_stopInsteadOfRetrying_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("gone");
        QTest::newRow("newsapi rateLimited")
            << QByteArray(R"({"status":"error","code":"rateLimited","message":"m"})") << true;
        QTest::newRow("newsapi apiKeyExhausted")
            << QByteArray(R"({"status":"error","code":"apiKeyExhausted","message":"m"})") << true;
        QTest::newRow("openai insufficient_quota") << QByteArray(
            R"({"error":{"message":"m","type":"insufficient_quota","param":null,"code":"insufficient_quota"}})")
                                                   << true;
        QTest::newRow("openai insufficient_quota, code null") << QByteArray(
            R"({"error":{"message":"m","type":"insufficient_quota","param":null,"code":null}})")
                                                              << true;
        QTest::newRow("openai rate_limit_exceeded") << QByteArray(
            R"({"error":{"message":"Rate limit reached for gpt-4o-mini","type":"requests","param":null,"code":"rate_limit_exceeded"}})")
                                                    << false;
        QTest::newRow("no body") << QByteArray() << false;
    }

    void quotaGoneAnswers_stopInsteadOfRetrying()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, gone);
        HttpResponse r;
        r.status = 429;
        r.error = HttpErrorKind::Http;
        r.body = body;
        QCOMPARE(isQuotaGone(r), gone);
        QCOMPARE(
            defaultRetryDecision(r), gone ? RetryDecision::StopProvider : RetryDecision::Retry);
        r.status = 400; // the same words with another status are not a quota answer
        QVERIFY(!isQuotaGone(r));
    }

    void defaultDecision_retriesOnlyTransientErrors()
    {
        auto decide = [](HttpErrorKind kind, int status) {
            HttpResponse r;
            r.error = kind;
            r.status = status;
            return defaultRetryDecision(r);
        };
        for (int status : { 400, 401, 403, 404, 422 })
            QCOMPARE(decide(HttpErrorKind::Http, status), RetryDecision::Fail);
        for (int status : { 408, 429, 500, 502, 503, 504 })
            QCOMPARE(decide(HttpErrorKind::Http, status), RetryDecision::Retry);
        QCOMPARE(decide(HttpErrorKind::Network, 0), RetryDecision::Retry);
        QCOMPARE(decide(HttpErrorKind::Timeout, 0), RetryDecision::Retry);
        QCOMPARE(decide(HttpErrorKind::TooLarge, 200), RetryDecision::Fail);
        QCOMPARE(decide(HttpErrorKind::Cancelled, 0), RetryDecision::Fail);
    }

    void backoff_growsWithJitterAndCap()
    {
        QCOMPARE(backoffDelay(1, 1000ms, 10000ms, 0.0), 500ms);
        QCOMPARE(backoffDelay(1, 1000ms, 10000ms, 1.0), 1000ms);
        QCOMPARE(backoffDelay(2, 1000ms, 10000ms, 1.0), 2000ms);
        QCOMPARE(backoffDelay(3, 1000ms, 10000ms, 0.5), 3000ms);
        QCOMPARE(backoffDelay(8, 1000ms, 10000ms, 1.0), 10000ms);
        QCOMPARE(backoffDelay(8, 1000ms, 10000ms, 0.0), 5000ms);
    }

    void tokenBucket_reservationsNeverExceedRatePlusBurst()
    {
        // 600/min = 10/s with a burst of 3, 200 callers arriving at once.
        RateLimiter limiter(600, 3);
        const auto t0 = RateLimiter::Clock::now();
        QList<qint64> startMs;
        for (int i = 0; i < 200; ++i)
            startMs << limiter.reserve(t0).count();
        std::sort(startMs.begin(), startMs.end());
        QCOMPARE(startMs.at(2), 0);
        QVERIFY(startMs.at(3) > 0);
        for (int i = 0; i < startMs.size(); ++i) {
            int inWindow = 0;
            for (int j = i; j < startMs.size() && startMs.at(j) < startMs.at(i) + 1000; ++j)
                ++inWindow;
            QVERIFY2(inWindow <= 13,
                qPrintable(QStringLiteral("%1 starts in one second").arg(inWindow)));
        }
        // FIFO: each reservation waits at least as long as the one before it.
        QVERIFY(std::is_sorted(startMs.begin(), startMs.end()));
    }

    void tokenBucket_nearZeroRate_waitsADayAtMost()
    {
        RateLimiter limiter(1e-300, 1);
        const auto t0 = RateLimiter::Clock::now();
        QCOMPARE(limiter.reserve(t0).count(), 0);
        QCOMPARE(limiter.reserve(t0).count(), 24LL * 3600 * 1000 + 1);
    }

    void defaultPolicies_areTheSeeds()
    {
        const auto p = defaultProviderPolicies();
        QCOMPARE(p.value(QStringLiteral("tavily")).ratePerMinute, 500.0);
        QCOMPARE(p.value(QStringLiteral("newsapi")).ratePerMinute, 300.0);
        QCOMPARE(p.value(QStringLiteral("gemini")).ratePerMinute, 2000.0);
        QCOMPARE(p.value(QStringLiteral("hackernews")).ratePerMinute, 0.0);
        QCOMPARE(p.value(QStringLiteral("hackernews")).maxAttempts, 4);
        QCOMPARE(p.value(QStringLiteral("website")).maxAttempts, 2); // dead sites are common
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
