#pragma once

#include <QObject>
#include <memory>

namespace gtm {

// A flag that a run raises to stop the work it started, and only that work: requests
// carrying the token are aborted and their backoff or rate-limit waits end at once.
class CancelSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    bool isCancelled() const { return m_cancelled; }
    void cancel()
    {
        if (m_cancelled)
            return;
        m_cancelled = true;
        Q_EMIT cancelled();
    }

Q_SIGNALS:
    void cancelled();

private:
    bool m_cancelled = false;
};

using CancelToken = std::shared_ptr<CancelSource>;

inline CancelToken makeCancelToken()
{
    return std::make_shared<CancelSource>();
}

inline bool isCancelled(const CancelToken &token)
{
    return token && token->isCancelled();
}

} // namespace gtm
