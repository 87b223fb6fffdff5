#pragma once

#include "StrategyGenerator.h"

#include <memory>

namespace gtm {

class TechDictionary;

// Strategies without an LLM: the goal is read with the technology dictionary into key terms
// (technologies, topics, roles, the remaining phrases) and written into the queries a person
// would type: site searches, careers pages, news with the company's name, job searches by
// role and technology, Hacker News. Each facet of the goal (or of the user's edit) adds the
// queries that find its deciding evidence.
class TemplateStrategyGenerator : public StrategyGenerator
{
public:
    explicit TemplateStrategyGenerator(std::shared_ptr<const TechDictionary> dictionary);
    QCoro::Task<StrategyPlan> generate(QString goal, Depth depth, QStringList channels,
        std::optional<GoalModel> edited = std::nullopt, CancelToken cancel = {}) override;

    // The same, on the calling thread (the work is small).
    StrategyPlan plan(const QString &goal, Depth depth, const QStringList &channels,
        const std::optional<GoalModel> &edited = std::nullopt) const;

private:
    std::shared_ptr<const TechDictionary> m_dictionary;
};

} // namespace gtm
