#pragma once

#include <QObject>
#include <QTimer>
#include <chrono>
#include <coroutine>
#include <memory>

namespace gtm {

// co_await TimedWait(...): suspends for a duration, or less when one of the given stop signals
// fires first. The result says whether the full time passed (false: stopped). Timers are
// precise: a coarse timer may fire 5 % early, which would break rate limits and Retry-After.
template<typename SenderA, typename SenderB> class TimedWait
{
public:
    TimedWait(std::chrono::milliseconds duration, const SenderA *senderA,
        void (SenderA::*signalA)(), const SenderB *senderB, void (SenderB::*signalB)())
        : m_duration(duration)
        , m_senderA(senderA)
        , m_signalA(signalA)
        , m_senderB(senderB)
        , m_signalB(signalB)
    {
    }
    // Copied only before it is awaited (the coroutine machinery may do so).
    TimedWait(const TimedWait &other)
        : TimedWait(
            other.m_duration, other.m_senderA, other.m_signalA, other.m_senderB, other.m_signalB)
    {
    }
    TimedWait &operator=(const TimedWait &) = delete;
    ~TimedWait()
    {
        // Late timers must find nothing to resume; the guard may be the context of the slot
        // running right now, so it goes through the event loop.
        if (m_state)
            m_state->done = true;
        if (m_guard)
            m_guard->deleteLater();
    }

    bool await_ready() const noexcept { return m_duration.count() <= 0; }

    void await_suspend(std::coroutine_handle<> handle)
    {
        m_state = std::make_shared<State>();
        m_state->handle = handle;
        m_guard = new QObject;
        auto state = m_state;
        QTimer::singleShot(m_duration, Qt::PreciseTimer, m_guard, [state] { finish(state, true); });
        // Stop signals resume from the event loop, not from inside the emitter's call stack.
        QObject *guard = m_guard;
        auto stop
            = [state, guard] { QTimer::singleShot(0, guard, [state] { finish(state, false); }); };
        if (m_senderA)
            QObject::connect(m_senderA, m_signalA, m_guard, stop);
        if (m_senderB)
            QObject::connect(m_senderB, m_signalB, m_guard, stop);
    }

    bool await_resume() const noexcept { return !m_state || m_state->completed; }

private:
    struct State
    {
        std::coroutine_handle<> handle;
        bool done = false;
        bool completed = false;
    };

    static void finish(const std::shared_ptr<State> &state, bool completed)
    {
        if (state->done)
            return;
        state->done = true;
        state->completed = completed;
        state->handle.resume();
    }

    std::chrono::milliseconds m_duration;
    const SenderA *m_senderA;
    void (SenderA::*m_signalA)();
    const SenderB *m_senderB;
    void (SenderB::*m_signalB)();
    QObject *m_guard = nullptr;
    std::shared_ptr<State> m_state;
};

} // namespace gtm
