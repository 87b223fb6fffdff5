#include "FreeFirst.h"

#include "model/Providers.h"

namespace gtm::freefirst {

bool isPaidChannel(const QString &channel)
{
    for (const ProviderInfo &p : providers())
        if (p.kind == ProviderInfo::Kind::Source && p.channel == channel
            && !p.billingUnit.isEmpty())
            return true;
    return false;
}

PaidQueue::PaidQueue(QList<Query> queries, QSet<QString> channels)
    : m_queries(std::move(queries))
{
    // A channel without a query left has answered already (before a resume) or has nothing
    // to say: the verdict does not wait for it.
    for (const Query &q : std::as_const(m_queries))
        if (channels.contains(q.channel))
            m_unheard.insert(q.channel);
}

Step PaidQueue::next(double confidence, double threshold)
{
    if (m_inFlight)
        return { Step::Kind::Wait };
    if (m_queries.isEmpty())
        return {};
    const bool leaningNo = confidence <= NonMatchCeiling;
    if (confidence >= threshold + MatchMargin || (leaningNo && m_unheard.isEmpty())) {
        Step skip { Step::Kind::Skip };
        for (const Query &q : std::as_const(m_queries))
            skip.skipped << q.strategy;
        m_queries.clear();
        return skip;
    }
    // Leaning to a non-match, the verdict waits only for the channels not heard yet: their
    // best query goes first.
    qsizetype pick = 0;
    if (leaningNo)
        for (qsizetype i = 0; i < m_queries.size(); ++i)
            if (m_unheard.contains(m_queries.at(i).channel)) {
                pick = i;
                break;
            }
    m_inFlight = true;
    return { Step::Kind::Send, m_queries.takeAt(pick).strategy };
}

void PaidQueue::answered(const QString &channel)
{
    m_inFlight = false;
    m_unheard.remove(channel);
}

} // namespace gtm::freefirst
