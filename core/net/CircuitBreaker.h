#pragma once

#include <QString>
#include <chrono>
#include <functional>

namespace gtm {

// Per source: closed; open after N consecutive failures, refusing queries; half-open after
// the reset time, letting a single probe through whose outcome closes or reopens it.
class CircuitBreaker
{
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;
    enum class State { Closed, Open, HalfOpen };

    explicit CircuitBreaker(int failureThreshold = 5,
        std::chrono::milliseconds resetTimeout = std::chrono::seconds(30), Clock clock = {});

    // True: run the query (and report its outcome). False: refused, the breaker is open or
    // its half-open probe is still out.
    bool allowRequest();
    void recordSuccess();
    void recordFailure();
    // A query that was allowed but ended neither way (cancelled): frees the probe.
    void recordAbandoned();

    State state() const;
    QString stateName() const;
    int consecutiveFailures() const { return m_failures; }

    static QString refusalReason() { return QStringLiteral("circuit breaker open"); }

private:
    std::chrono::steady_clock::time_point now() const;

    int m_threshold;
    std::chrono::milliseconds m_resetTimeout;
    Clock m_clock;
    State m_state = State::Closed;
    int m_failures = 0;
    bool m_probeOut = false;
    std::chrono::steady_clock::time_point m_openedAt;
};

} // namespace gtm
