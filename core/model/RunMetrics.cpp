#include "RunMetrics.h"

#include "JsonReader.h"

#include <limits>

namespace gtm {

QJsonObject SourceStats::toJson() const
{
    QJsonObject o{
        {QStringLiteral("requests"), requests},
        {QStringLiteral("queries"), queries},
        {QStringLiteral("failures"), failures},
        {QStringLiteral("retries"), retries},
        {QStringLiteral("cache_hits"), cacheHits},
        {QStringLiteral("skipped"), skipped},
        {QStringLiteral("breaker_state"), breakerState},
    };
    if (!stopReason.isEmpty())
        o.insert(QStringLiteral("stop_reason"), stopReason);
    return o;
}

SourceStats SourceStats::fromJson(const QJsonObject &json)
{
    SourceStats s;
    s.requests = json.value(QStringLiteral("requests")).toInt();
    s.queries = json.value(QStringLiteral("queries")).toInt();
    s.failures = json.value(QStringLiteral("failures")).toInt();
    s.retries = json.value(QStringLiteral("retries")).toInt();
    s.cacheHits = json.value(QStringLiteral("cache_hits")).toInt();
    s.skipped = json.value(QStringLiteral("skipped")).toInt();
    s.breakerState = json.value(QStringLiteral("breaker_state")).toString(QStringLiteral("closed"));
    s.stopReason = json.value(QStringLiteral("stop_reason")).toString();
    return s;
}

QJsonObject RunMetrics::toJson() const
{
    QJsonObject per;
    for (auto it = perSource.cbegin(); it != perSource.cend(); ++it)
        per.insert(it.key(), it.value().toJson());
    return {
        {QStringLiteral("processing_time_ms"), processingTimeMs},
        {QStringLiteral("total_companies"), totalDomains},
        {QStringLiteral("high_confidence_matches"), highConfidenceMatches},
        {QStringLiteral("average_confidence"), averageConfidence},
        {QStringLiteral("total_evidence"), totalEvidence},
        {QStringLiteral("search_strategies_generated"), strategiesGenerated},
        {QStringLiteral("strategies_dropped"), strategiesDropped},
        {QStringLiteral("total_searches_executed"), totalQueries},
        {QStringLiteral("completed_queries"), completedQueries},
        {QStringLiteral("failed_requests"), failedRequests},
        {QStringLiteral("retries"), retries},
        {QStringLiteral("cache_hits"), cacheHits},
        {QStringLiteral("paid_queries_saved"), paidQueriesSaved},
        {QStringLiteral("queries_per_second"), queriesPerSecond},
        {QStringLiteral("llm_prompt_tokens"), llmPromptTokens},
        {QStringLiteral("llm_completion_tokens"), llmCompletionTokens},
        {QStringLiteral("analyzer"), analyzer},
        {QStringLiteral("strategy_source"), strategySource},
        {QStringLiteral("per_source"), per},
    };
}

std::optional<RunMetrics> RunMetrics::fromJson(const QJsonObject &json, QString *error)
{
    JsonReader r(json, QStringLiteral("metrics"));
    RunMetrics m;
    m.processingTimeMs = r.integer(QStringLiteral("processing_time_ms"));
    m.totalDomains
        = int(r.integer(QStringLiteral("total_companies"), 0, 0, std::numeric_limits<int>::max()));
    m.highConfidenceMatches = int(r.integer(
        QStringLiteral("high_confidence_matches"), 0, 0, std::numeric_limits<int>::max()));
    m.averageConfidence = r.number(QStringLiteral("average_confidence"));
    m.totalEvidence
        = int(r.integer(QStringLiteral("total_evidence"), 0, 0, std::numeric_limits<int>::max()));
    m.strategiesGenerated = int(r.integer(
        QStringLiteral("search_strategies_generated"), 0, 0, std::numeric_limits<int>::max()));
    m.strategiesDropped = int(
        r.integer(QStringLiteral("strategies_dropped"), 0, 0, std::numeric_limits<int>::max()));
    m.totalQueries = int(r.integer(
        QStringLiteral("total_searches_executed"), 0, 0, std::numeric_limits<int>::max()));
    m.completedQueries = int(
        r.integer(QStringLiteral("completed_queries"), 0, 0, std::numeric_limits<int>::max()));
    m.failedRequests
        = int(r.integer(QStringLiteral("failed_requests"), 0, 0, std::numeric_limits<int>::max()));
    m.retries = int(r.integer(QStringLiteral("retries"), 0, 0, std::numeric_limits<int>::max()));
    m.cacheHits
        = int(r.integer(QStringLiteral("cache_hits"), 0, 0, std::numeric_limits<int>::max()));
    m.paidQueriesSaved = int(r.integer(
        QStringLiteral("paid_queries_saved"), 0, 0, std::numeric_limits<int>::max()));
    m.queriesPerSecond = r.number(QStringLiteral("queries_per_second"));
    m.llmPromptTokens = r.integer(QStringLiteral("llm_prompt_tokens"));
    m.llmCompletionTokens = r.integer(QStringLiteral("llm_completion_tokens"));
    m.analyzer = r.string(QStringLiteral("analyzer"));
    m.strategySource = r.string(QStringLiteral("strategy_source"));
    const QJsonObject per = r.object(QStringLiteral("per_source"));
    for (auto it = per.begin(); it != per.end(); ++it) {
        if (!it.value().isObject()) {
            r.fail(QStringLiteral("metrics.per_source.%1: expected an object").arg(it.key()));
            break;
        }
        m.perSource.insert(it.key(), SourceStats::fromJson(it.value().toObject()));
    }
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return m;
}

} // namespace gtm
