#include "CircuitBreaker.h"

#include <algorithm>

namespace gtm {

CircuitBreaker::CircuitBreaker(
    int failureThreshold, std::chrono::milliseconds resetTimeout, Clock clock)
    : m_threshold(std::max(1, failureThreshold))
    , m_resetTimeout(resetTimeout)
    , m_clock(std::move(clock))
{
}

std::chrono::steady_clock::time_point CircuitBreaker::now() const
{
    return m_clock ? m_clock() : std::chrono::steady_clock::now();
}

CircuitBreaker::State CircuitBreaker::state() const
{
    if (m_state == State::Open && now() - m_openedAt >= m_resetTimeout)
        return State::HalfOpen;
    return m_state;
}

QString CircuitBreaker::stateName() const
{
    switch (state()) {
    case State::Closed:
        return QStringLiteral("closed");
    case State::Open:
        return QStringLiteral("open");
    case State::HalfOpen:
        return QStringLiteral("half_open");
    }
    return {};
}

bool CircuitBreaker::allowRequest()
{
    if (m_state == State::Closed)
        return true;
    if (m_state == State::Open) {
        if (now() - m_openedAt < m_resetTimeout)
            return false;
        m_state = State::HalfOpen;
        m_probeOut = false;
    }
    if (m_probeOut)
        return false;
    m_probeOut = true;
    return true;
}

void CircuitBreaker::recordSuccess()
{
    m_failures = 0;
    m_probeOut = false;
    m_state = State::Closed;
}

void CircuitBreaker::recordFailure()
{
    ++m_failures;
    // Answers of queries let through before the breaker opened do not push the reset back.
    if (m_state == State::Open)
        return;
    if (m_state == State::HalfOpen || m_failures >= m_threshold) {
        m_state = State::Open;
        m_openedAt = now();
        m_probeOut = false;
    }
}

void CircuitBreaker::recordAbandoned()
{
    if (m_state == State::HalfOpen)
        m_probeOut = false;
}

} // namespace gtm
