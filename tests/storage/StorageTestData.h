#pragma once

#include "model/RunState.h"

#include <QDateTime>
#include <QTest>

namespace gtm::test {

inline Evidence evidenceItem(const QString &url, const QString &title, const QString &snippet,
    const QString &source, const QString &channel = QStringLiteral("google_search"))
{
    Evidence e;
    e.url = url;
    e.title = title;
    e.snippet = snippet;
    e.sourceName = source;
    e.channel = channel;
    return e;
}

// A run half way through: one company analysed, one with some queries done, one untouched.
inline RunState sampleRunState()
{
    RunState s;
    s.request.goal = QStringLiteral("Find fintech companies using AI for fraud detection");
    s.request.domains = { QStringLiteral("stripe.com"), QStringLiteral("adyen.com"),
        QStringLiteral("klarna.com") };
    s.request.depth = Depth::Comprehensive;
    s.request.maxParallelSearches = 12;
    s.request.confidenceThreshold = 0.65;
    s.request.sources = { QStringLiteral("google_search"), QStringLiteral("jobs_search") };

    s.strategies = {
        { QStringLiteral("google_search"), QStringLiteral("site:{DOMAIN} fraud machine learning"),
            0.9 },
        { QStringLiteral("jobs_search"), QStringLiteral("{COMPANY_NAME} fraud data scientist"),
            0.7 },
    };

    CompanyResult stripe;
    stripe.domain = QStringLiteral("stripe.com");
    stripe.status = CompanyStatus::Done;
    stripe.confidence = 0.83;
    stripe.technologies = { QStringLiteral("TensorFlow"), QStringLiteral("Kafka") };
    Evidence radar = evidenceItem(QStringLiteral("https://stripe.com/radar"),
        QStringLiteral("Radar — fraud “ML”"),
        QStringLiteral("Radar uses machine learning,\ntrained on billions of payments"),
        QStringLiteral("Tavily"));
    radar.publishedAt = QDateTime(QDate(2026, 3, 1), QTime(9, 30, 15), Qt::UTC);
    radar.score = 0.91;
    stripe.evidence = { radar,
        evidenceItem(QStringLiteral("https://boards.greenhouse.io/stripe/jobs/1"),
            QStringLiteral("ML Engineer, Fraud"), QStringLiteral("Build models"),
            QStringLiteral("Greenhouse"), QStringLiteral("jobs_search")) };
    stripe.signalsFound = { { QStringLiteral("ML-based fraud scoring"), { 0, 1 } } };
    stripe.evidenceSources = { QStringLiteral("Tavily"), QStringLiteral("Greenhouse") };
    stripe.analyzer = QStringLiteral("heuristic");

    CompanyResult adyen;
    adyen.domain = QStringLiteral("adyen.com");
    adyen.status = CompanyStatus::Searching;
    adyen.evidence = { evidenceItem(QStringLiteral("https://www.adyen.com/risk"),
        QStringLiteral("RevenueProtect"), QStringLiteral("Risk management"),
        QStringLiteral("Tavily")) };
    adyen.evidenceSources = { QStringLiteral("Tavily") };
    adyen.errors.insert(QStringLiteral("Greenhouse"), QStringLiteral("HTTP 503 after 4 attempts"));

    CompanyResult klarna;
    klarna.domain = QStringLiteral("klarna.com");

    s.results = { stripe, adyen, klarna };
    s.finishedQueries = { RunState::queryKey(QStringLiteral("stripe.com"), 0),
        RunState::queryKey(QStringLiteral("stripe.com"), 1),
        RunState::queryKey(QStringLiteral("adyen.com"), 0) };

    s.metrics.processingTimeMs = 4321;
    s.metrics.totalDomains = 3;
    s.metrics.totalQueries = 6;
    s.metrics.completedQueries = 3;
    s.metrics.failedRequests = 1;
    s.metrics.retries = 3;
    s.metrics.cacheHits = 1;
    s.metrics.queriesPerSecond = 0.75;
    s.metrics.strategiesGenerated = 2;
    s.metrics.analyzer = QStringLiteral("heuristic");
    s.metrics.strategySource = QStringLiteral("templates");
    SourceStats tavily;
    tavily.requests = 2;
    tavily.queries = 2;
    tavily.cacheHits = 1;
    s.metrics.perSource.insert(QStringLiteral("Tavily"), tavily);
    SourceStats greenhouse;
    greenhouse.requests = 4;
    greenhouse.queries = 1;
    greenhouse.failures = 1;
    greenhouse.retries = 3;
    greenhouse.breakerState = QStringLiteral("open");
    greenhouse.stopReason = QStringLiteral("circuit open after 5 failures");
    s.metrics.perSource.insert(QStringLiteral("Greenhouse"), greenhouse);
    return s;
}

inline void compareRunStates(const RunState &actual, const RunState &expected)
{
    QVERIFY(actual.request == expected.request);
    QVERIFY(actual.strategies == expected.strategies);
    QCOMPARE(actual.results.size(), expected.results.size());
    for (qsizetype i = 0; i < expected.results.size(); ++i)
        QVERIFY2(actual.results.at(i) == expected.results.at(i),
            qPrintable(expected.results.at(i).domain));
    QCOMPARE(actual.finishedQueries, expected.finishedQueries);
    QVERIFY(actual.metrics == expected.metrics);
}

} // namespace gtm::test
