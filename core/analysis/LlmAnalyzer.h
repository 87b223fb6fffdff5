#pragma once

#include "Analyzer.h"

#include <memory>

namespace gtm {

class LlmClient;
class HeuristicAnalyzer;

// Asks a model to judge the evidence. The evidence goes in as quoted, delimited data with an
// explicit instruction that it is untrusted, within a size budget; every technology and quote
// in the answer is checked against the evidence given and dropped when it is not there. A
// failed or malformed answer falls back to the offline analyzer, with a notice.
class LlmAnalyzer : public Analyzer
{
public:
    LlmAnalyzer(std::unique_ptr<LlmClient> client, std::shared_ptr<HeuristicAnalyzer> fallback,
        int evidenceBudgetChars = 12000);
    ~LlmAnalyzer() override;

    QString name() const override;
    QCoro::Task<AnalysisOutcome> analyze(AnalysisInput input) override;

private:
    QCoro::Task<AnalysisOutcome> fallBack(
        AnalysisInput input, QString reason, qint64 promptTokens, qint64 completionTokens);

    std::unique_ptr<LlmClient> m_client;
    std::shared_ptr<HeuristicAnalyzer> m_fallback;
    int m_budget;
};

} // namespace gtm
