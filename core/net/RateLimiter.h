#pragma once

#include <chrono>

namespace gtm {

// A token bucket that hands out reservations instead of polling: each caller learns at once
// how long to wait for its token, so the limit holds under any concurrency (in no window of
// T seconds more than burst + rate x T requests start) and waiters are served in order.
class RateLimiter
{
public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(double ratePerMinute, int burst);

    bool unlimited() const { return m_perSecond <= 0.0; }
    double ratePerMinute() const { return m_perSecond * 60.0; }
    int burst() const { return m_burst; }

    // Takes the next token; the caller must wait the returned time before it sends.
    std::chrono::milliseconds reserve() { return reserve(Clock::now()); }
    std::chrono::milliseconds reserve(Clock::time_point now);

private:
    double m_perSecond;
    int m_burst;
    double m_tokens;
    Clock::time_point m_last;
    bool m_started = false;
};

} // namespace gtm
