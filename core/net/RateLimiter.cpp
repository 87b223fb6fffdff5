#include "RateLimiter.h"

#include "model/WholeNumber.h"

#include <algorithm>
#include <cmath>

namespace gtm {

namespace {

// A rate near zero would otherwise ask for a wait no clock can count.
constexpr long long kLongestWaitMs = 24LL * 3600 * 1000;

} // namespace

RateLimiter::RateLimiter(double ratePerMinute, int burst)
    : m_perSecond(std::max(0.0, ratePerMinute) / 60.0)
    , m_burst(std::max(1, burst))
    , m_tokens(m_burst)
{
}

std::chrono::milliseconds RateLimiter::reserve(Clock::time_point now)
{
    if (unlimited())
        return std::chrono::milliseconds(0);
    if (m_started && now > m_last) {
        const double elapsed = std::chrono::duration<double>(now - m_last).count();
        m_tokens = std::min<double>(m_burst, m_tokens + elapsed * m_perSecond);
    }
    if (!m_started || now > m_last) {
        m_last = now;
        m_started = true;
    }
    // The balance may go negative: that is the queue of reservations already handed out.
    m_tokens -= 1.0;
    if (m_tokens >= 0.0)
        return std::chrono::milliseconds(0);
    // Rounded up, plus a millisecond: a token used early would break the limit.
    return std::chrono::milliseconds(
        clampedMilliseconds(-m_tokens / m_perSecond * 1000.0, kLongestWaitMs) + 1);
}

} // namespace gtm
