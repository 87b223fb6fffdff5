#include "StrategyRules.h"

#include "model/Channel.h"

#include <QSet>
#include <algorithm>

namespace gtm {

StrategyCount strategyCount(Depth depth)
{
    switch (depth) {
    case Depth::Quick:
        return { 4, 6 };
    case Depth::Standard:
        return { 7, 10 };
    case Depth::Comprehensive:
        return { 11, 13 };
    }
    return { 7, 10 };
}

QString strategyProblem(const QueryStrategy &strategy, const QStringList &channels)
{
    if (!channel::isKnown(strategy.channel))
        return QStringLiteral("unknown channel \"%1\"").arg(strategy.channel);
    if (!channels.isEmpty() && !channels.contains(strategy.channel))
        return QStringLiteral("channel \"%1\" is not enabled").arg(strategy.channel);
    if (strategy.queryTemplate.trimmed().isEmpty())
        return QStringLiteral("empty query");
    if (strategy.channel != channel::JobsSearch
        && !strategy.queryTemplate.contains(QStringLiteral("{DOMAIN}"))
        && !strategy.queryTemplate.contains(QStringLiteral("{COMPANY_NAME}")))
        return QStringLiteral("no {DOMAIN} or {COMPANY_NAME} in \"%1\"")
            .arg(strategy.queryTemplate);
    if (strategy.relevanceScore < 0.0 || strategy.relevanceScore > 1.0)
        return QStringLiteral("relevance_score outside [0, 1]");
    return {};
}

void finalizePlan(StrategyPlan *plan, const QStringList &channels, int max)
{
    QList<QueryStrategy> kept;
    QSet<QString> seen;
    for (const QueryStrategy &s : std::as_const(plan->strategies)) {
        if (!strategyProblem(s, channels).isEmpty()) {
            ++plan->dropped;
            continue;
        }
        const QString key = s.channel + u'|' + s.queryTemplate.simplified().toLower();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        kept << s;
    }
    std::stable_sort(kept.begin(), kept.end(), [](const QueryStrategy &a, const QueryStrategy &b) {
        return a.relevanceScore > b.relevanceScore;
    });
    if (max > 0 && kept.size() > max)
        kept.resize(max);
    plan->strategies = kept;
}

} // namespace gtm
