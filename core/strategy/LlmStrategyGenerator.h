#pragma once

#include "StrategyGenerator.h"

#include <memory>

namespace gtm {

class LlmClient;
class TemplateStrategyGenerator;

// Asks a model for strategies; validates them, drops and counts what cannot run, and falls
// back to (or tops up from) the built-in templates with a notice when the model fails.
class LlmStrategyGenerator : public StrategyGenerator
{
public:
    LlmStrategyGenerator(
        std::unique_ptr<LlmClient> client, std::unique_ptr<TemplateStrategyGenerator> fallback);
    ~LlmStrategyGenerator() override;

    QCoro::Task<StrategyPlan> generate(QString goal, Depth depth, QStringList channels,
        std::optional<GoalModel> edited = std::nullopt, CancelToken cancel = {}) override;
    QString llmName() const override;

private:
    std::unique_ptr<LlmClient> m_client;
    std::unique_ptr<TemplateStrategyGenerator> m_fallback;
};

} // namespace gtm
