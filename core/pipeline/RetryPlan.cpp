#include "RetryPlan.h"

#include <QSet>

namespace gtm {

int requeueFailedQueries(RunState &state, const QHash<QString, QString> &channelOfSource)
{
    int requeued = 0;
    for (CompanyResult &r : state.results) {
        if (r.errors.isEmpty() && r.status != CompanyStatus::Failed)
            continue;
        QSet<QString> channels;
        bool everything = r.errors.isEmpty(); // failed without a named source
        for (auto it = r.errors.cbegin(); it != r.errors.cend(); ++it) {
            const auto channel = channelOfSource.constFind(it.key());
            if (channel == channelOfSource.cend())
                everything = true;
            else
                channels.insert(channel.value());
        }
        int unmarked = 0;
        for (int s = 0; s < state.strategies.size(); ++s)
            if (everything || channels.contains(state.strategies.at(s).channel))
                unmarked += state.finishedQueries.remove(RunState::queryKey(r.domain, s));
        if (unmarked == 0)
            continue;
        requeued += unmarked;
        r.errors.clear();
        r.status = CompanyStatus::Queued;
    }
    return requeued;
}

int requeueCompanies(RunState &state, const QStringList &domains)
{
    const QSet<QString> wanted(domains.cbegin(), domains.cend());
    int requeued = 0;
    for (CompanyResult &r : state.results) {
        if (!wanted.contains(r.domain))
            continue;
        for (int s = 0; s < state.strategies.size(); ++s) {
            state.finishedQueries.remove(RunState::queryKey(r.domain, s));
            ++requeued;
        }
        const QString domain = r.domain;
        r = CompanyResult {};
        r.domain = domain;
    }
    return requeued;
}

} // namespace gtm
