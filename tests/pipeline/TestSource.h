#pragma once

#include "analysis/Analyzer.h"
#include "sources/Source.h"
#include "strategy/StrategyGenerator.h"

#include <QUrl>

namespace gtm {
class HttpClient;
}

namespace gtm::test {

// A source that asks the fake server GET {base}/{channel}?q=QUERY&domain=DOMAIN&s=INDEX and
// reads {"results":[{url,title,content}]}: what a real client does, minus the provider's shape.
class TestSource : public Source
{
public:
    TestSource(HttpClient *http, QUrl base, QString channel, QString name, QString provider = {});

    QString channel() const override { return m_channel; }
    QString name() const override { return m_name; }
    bool requiresKey() const override { return m_requiresKey; }
    bool hasKey() const override { return m_hasKey; }
    QCoro::Task<SourceOutcome> search(SearchContext context) override;

    bool m_requiresKey = false;
    bool m_hasKey = true;
    bool m_httpErrorsAreTheCompanys = false; // like a company website answering 404

private:
    HttpClient *m_http;
    QUrl m_base;
    QString m_channel;
    QString m_name;
    QString m_provider;
};

// Confidence grows with the evidence: a quarter per item.
class CountingAnalyzer : public Analyzer
{
public:
    QString name() const override { return QStringLiteral("counting"); }
    QCoro::Task<AnalysisOutcome> analyze(AnalysisInput input) override;
    int calls = 0;
};

class FixedGenerator : public StrategyGenerator
{
public:
    QCoro::Task<StrategyPlan> generate(QString goal, Depth depth, QStringList channels,
        std::optional<GoalModel> edited = std::nullopt, CancelToken cancel = {}) override;
    int calls = 0;
};

} // namespace gtm::test
