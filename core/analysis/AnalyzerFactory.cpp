#include "AnalyzerFactory.h"

#include "model/Channel.h"

// Placeholders until strategies and analysis land (issue 5).
namespace gtm {

LlmSettings LlmSettings::withEnvironment() const
{
    return *this;
}

namespace {
class CountingAnalyzer : public Analyzer
{
public:
    QString name() const override { return QStringLiteral("placeholder"); }
    QCoro::Task<AnalysisOutcome> analyze(AnalysisInput input) override
    {
        AnalysisOutcome out;
        out.analyzer = name();
        out.confidence = std::min(1.0, input.evidence.size() / 10.0);
        co_return out;
    }
};

class OnePerChannelGenerator : public StrategyGenerator
{
public:
    QCoro::Task<StrategyPlan> generate(QString goal, Depth, QStringList channels) override
    {
        StrategyPlan plan;
        plan.generator = QStringLiteral("templates");
        for (const QString &c : channels)
            plan.strategies << QueryStrategy{c, QStringLiteral("{COMPANY_NAME} ") + goal, 0.5};
        co_return plan;
    }
};
} // namespace

std::unique_ptr<Analyzer> createAnalyzer(HttpClient *, const LlmSettings &)
{
    return std::make_unique<CountingAnalyzer>();
}

std::unique_ptr<StrategyGenerator> createStrategyGenerator(HttpClient *, const LlmSettings &)
{
    return std::make_unique<OnePerChannelGenerator>();
}

} // namespace gtm
