#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <optional>

namespace gtm {

struct SourceStats
{
    int requests = 0;   // requests sent on the wire, retries included
    int queries = 0;    // queries this source was asked to run
    int failures = 0;   // queries that ended in an error
    int retries = 0;
    int cacheHits = 0;
    int skipped = 0;    // not run: no API key, stopped, or refused by an open breaker
    QString breakerState = QStringLiteral("closed");
    QString stopReason; // why the source stopped for the rest of the run, if it did

    QJsonObject toJson() const;
    static SourceStats fromJson(const QJsonObject &json);
    bool operator==(const SourceStats &) const = default;
};

struct RunMetrics
{
    qint64 processingTimeMs = 0;
    int totalDomains = 0;
    int highConfidenceMatches = 0;
    double averageConfidence = 0.0;
    int totalEvidence = 0;
    int strategiesGenerated = 0;
    int strategiesDropped = 0;
    int totalQueries = 0;
    int completedQueries = 0;
    int failedRequests = 0;
    int retries = 0;
    int cacheHits = 0;
    int paidQueriesSaved = 0; // not sent: the free sources had decided the company
    double queriesPerSecond = 0.0;
    qint64 llmPromptTokens = 0;
    qint64 llmCompletionTokens = 0;
    QString analyzer;
    QString strategySource; // "llm:gemini-2.5-flash", "templates", "file"
    QMap<QString, SourceStats> perSource;

    QJsonObject toJson() const;
    static std::optional<RunMetrics> fromJson(const QJsonObject &json, QString *error);
    bool operator==(const RunMetrics &) const = default;
};

} // namespace gtm
