#include "net/CircuitBreaker.h"

#include <QTest>

using namespace gtm;
using namespace std::chrono_literals;

class TestCircuitBreaker : public QObject
{
    Q_OBJECT
    std::chrono::steady_clock::time_point m_now;

    CircuitBreaker make(int threshold = 5)
    {
        m_now = std::chrono::steady_clock::time_point {} + 1h;
        return CircuitBreaker(threshold, 30s, [this] { return m_now; });
    }

private Q_SLOTS:
    void opensAfterConsecutiveFailures()
    {
        auto b = make();
        for (int i = 0; i < 4; ++i) {
            QVERIFY(b.allowRequest());
            b.recordFailure();
        }
        QCOMPARE(b.state(), CircuitBreaker::State::Closed);
        b.recordSuccess(); // a success in between resets the count
        for (int i = 0; i < 5; ++i)
            b.recordFailure();
        QCOMPARE(b.state(), CircuitBreaker::State::Open);
        QCOMPARE(b.stateName(), QStringLiteral("open"));
        QVERIFY(!b.allowRequest());
        QCOMPARE(CircuitBreaker::refusalReason(), QStringLiteral("circuit breaker open"));
    }

    void halfOpen_letsOneProbeThrough_andSuccessCloses()
    {
        auto b = make();
        for (int i = 0; i < 5; ++i)
            b.recordFailure();
        m_now += 29s;
        QVERIFY(!b.allowRequest());
        m_now += 1s;
        QCOMPARE(b.state(), CircuitBreaker::State::HalfOpen);
        QVERIFY(b.allowRequest()); // the probe
        QVERIFY(!b.allowRequest()); // nothing else while it is out
        b.recordSuccess();
        QCOMPARE(b.state(), CircuitBreaker::State::Closed);
        QVERIFY(b.allowRequest());
        QVERIFY(b.allowRequest());
    }

    void halfOpen_failedProbeReopensForAnotherResetTime()
    {
        auto b = make();
        for (int i = 0; i < 5; ++i)
            b.recordFailure();
        m_now += 30s;
        QVERIFY(b.allowRequest());
        b.recordFailure();
        QCOMPARE(b.state(), CircuitBreaker::State::Open);
        m_now += 20s;
        QVERIFY(!b.allowRequest());
        m_now += 10s;
        QVERIFY(b.allowRequest());
    }

    void lateFailures_doNotPostponeTheProbe()
    {
        auto b = make(2);
        b.recordFailure();
        b.recordFailure();
        m_now += 20s;
        b.recordFailure(); // an answer to a query let through before it opened
        m_now += 10s;
        QVERIFY(b.allowRequest());
    }
};

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
