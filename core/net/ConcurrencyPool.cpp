#include "ConcurrencyPool.h"

#include <QTimer>
#include <algorithm>

namespace gtm {

ConcurrencyPool::ConcurrencyPool(int capacity)
    : m_capacity(std::max(1, capacity))
{
}

ConcurrencyPool::~ConcurrencyPool()
{
    close();
}

bool ConcurrencyPool::Acquire::await_ready()
{
    if (m_pool->m_closed) {
        m_immediate = false;
        return true;
    }
    m_immediate = m_pool->tryAcquire();
    return m_immediate;
}

void ConcurrencyPool::Acquire::await_suspend(std::coroutine_handle<> handle)
{
    m_waiter = std::make_shared<Waiter>();
    m_waiter->handle = handle;
    m_pool->m_waiters.push_back(m_waiter);
}

bool ConcurrencyPool::Acquire::await_resume() const
{
    return m_waiter ? m_waiter->granted : m_immediate;
}

bool ConcurrencyPool::tryAcquire()
{
    // Waiters go first: a newcomer never overtakes the queue.
    if (m_closed || m_inUse >= m_capacity || !m_waiters.empty())
        return false;
    ++m_inUse;
    return true;
}

void ConcurrencyPool::release()
{
    if (!m_waiters.empty() && !m_closed) {
        // The slot passes straight to the longest waiter; m_inUse stays as it is.
        auto next = m_waiters.front();
        m_waiters.pop_front();
        next->granted = true;
        resumeLater(std::move(next));
        return;
    }
    m_inUse = std::max(0, m_inUse - 1);
    if (m_onFree && !m_closed)
        m_onFree();
}

void ConcurrencyPool::close()
{
    m_closed = true;
    auto waiters = std::move(m_waiters);
    m_waiters.clear();
    for (auto &w : waiters)
        resumeLater(std::move(w));
}

void ConcurrencyPool::resumeLater(std::shared_ptr<Waiter> waiter)
{
    // From the event loop: resuming inside release() would nest one coroutine in another.
    QTimer::singleShot(0, [waiter] {
        if (!waiter->resumed) {
            waiter->resumed = true;
            waiter->handle.resume();
        }
    });
}

} // namespace gtm
