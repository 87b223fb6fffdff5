#pragma once

#include <coroutine>
#include <deque>
#include <functional>
#include <memory>

namespace gtm {

// An asynchronous semaphore with first-come first-served hand-over, so that no waiter
// starves: co_await pool.acquire() yields true with a slot, or false once the pool is closed.
// Await it as a statement of its own (bool ok = co_await pool.acquire();): GCC 12 miscompiles
// a co_await written inside an if condition.
// Every successful acquire (or tryAcquire) is paired with one release().
class ConcurrencyPool
{
    struct Waiter
    {
        std::coroutine_handle<> handle;
        bool granted = false;
        bool resumed = false;
    };

public:
    explicit ConcurrencyPool(int capacity);
    ~ConcurrencyPool();
    ConcurrencyPool(const ConcurrencyPool &) = delete;
    ConcurrencyPool &operator=(const ConcurrencyPool &) = delete;

    class Acquire
    {
    public:
        explicit Acquire(ConcurrencyPool *pool)
            : m_pool(pool)
        {
        }
        bool await_ready();
        void await_suspend(std::coroutine_handle<> handle);
        bool await_resume() const;

    private:
        ConcurrencyPool *m_pool;
        bool m_immediate = false;
        std::shared_ptr<Waiter> m_waiter;
    };

    Acquire acquire() { return Acquire(this); }
    bool tryAcquire();
    void release();
    // Wakes every waiter with false; later acquires fail at once.
    void close();
    // Called when a release leaves a slot free (no waiter took it), so that whoever feeds the
    // pool with tryAcquire() can do so at once rather than at its next occasion.
    void setOnFree(std::function<void()> onFree) { m_onFree = std::move(onFree); }

    int capacity() const { return m_capacity; }
    int inUse() const { return m_inUse; }
    int waiting() const { return int(m_waiters.size()); }
    bool isClosed() const { return m_closed; }

private:
    static void resumeLater(std::shared_ptr<Waiter> waiter);

    int m_capacity;
    int m_inUse = 0;
    bool m_closed = false;
    std::deque<std::shared_ptr<Waiter>> m_waiters;
    std::function<void()> m_onFree;
};

// One slot taken from a pool, given back exactly once: by release() or when the last copy
// goes. It keeps the pool alive, so a slot may outlive the pipeline that handed it out.
class PoolSlot
{
public:
    // Wraps a slot already acquired from pool.
    explicit PoolSlot(std::shared_ptr<ConcurrencyPool> pool)
        : m_pool(std::move(pool))
    {
    }
    ~PoolSlot() { release(); }
    PoolSlot(const PoolSlot &) = delete;
    PoolSlot &operator=(const PoolSlot &) = delete;

    void release()
    {
        if (m_held) {
            m_held = false;
            m_pool->release();
        }
    }
    bool isHeld() const { return m_held; }
    const std::shared_ptr<ConcurrencyPool> &pool() const { return m_pool; }

private:
    std::shared_ptr<ConcurrencyPool> m_pool;
    bool m_held = true;
};

} // namespace gtm
