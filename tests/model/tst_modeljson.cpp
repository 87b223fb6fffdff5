#include "model/CompanyResult.h"
#include "model/QueryStrategy.h"
#include "model/ResearchRequest.h"
#include "model/RunMetrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

CompanyResult sampleResult()
{
    CompanyResult c;
    c.domain = u"stripe.com"_s;
    c.status = CompanyStatus::Done;
    c.confidence = 0.82;
    c.technologies = {u"Python"_s, u"TensorFlow"_s};
    Evidence e;
    e.url = u"https://stripe.com/radar"_s;
    e.title = u"Radar: fraud detection with machine learning"_s;
    e.snippet = u"Radar uses ML models trained on billions of payments"_s;
    e.sourceName = u"Tavily"_s;
    e.channel = u"google_search"_s;
    e.publishedAt = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
    e.score = 0.91;
    c.evidence = {e};
    c.signalsFound = {GoalSignal{u"ML fraud detection"_s, {0}},
        GoalSignal{u"Not counted for uses Kafka — planned: “Kafka next year”"_s, {0}, false}};
    c.evidenceSources = {u"Tavily"_s};
    c.errors = {{u"NewsAPI"_s, u"NewsAPI rejected the API key"_s}};
    c.analyzer = u"heuristic"_s;
    return c;
}
} // namespace

class TestModelJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void request_roundTrip();
    void request_rejectsWrongTypesAndRanges_data();
    void request_rejectsWrongTypesAndRanges();
    void request_ignoresUnknownFields();
    void strategy_buildsQueryForDomain();
    void strategies_roundTripInSeedShape();
    void strategies_reportIndexOfBadEntry();
    void result_roundTrip();
    void result_rejectsWrongTypes_data();
    void result_rejectsWrongTypes();
    void metrics_roundTrip();
    void status_namesAreStable();
};

void TestModelJson::request_roundTrip()
{
    ResearchRequest r;
    r.goal = u"Find fintech companies using AI for fraud detection"_s;
    r.domains = {u"stripe.com"_s, u"adyen.com"_s};
    r.depth = Depth::Comprehensive;
    r.maxParallelSearches = 42;
    r.confidenceThreshold = 0.65;
    r.sources = {u"google_search"_s, u"website"_s};
    r.allQueries = true;
    QString error;
    const auto back = ResearchRequest::fromJson(r.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, r);
}

void TestModelJson::request_rejectsWrongTypesAndRanges_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("missing goal") << QByteArray(R"({"domains":[]})") << u"request.goal: missing"_s;
    QTest::newRow("goal is a number") << QByteArray(R"({"goal":5})") << u"request.goal: expected a string"_s;
    QTest::newRow("domains not array") << QByteArray(R"({"goal":"x","domains":"a.com"})") << u"request.domains: expected an array"_s;
    QTest::newRow("domain not string") << QByteArray(R"({"goal":"x","domains":["a.com",3]})") << u"request.domains[1]"_s;
    QTest::newRow("unknown depth") << QByteArray(R"({"goal":"x","depth":"deep"})") << u"unknown depth"_s;
    QTest::newRow("parallel 0") << QByteArray(R"({"goal":"x","max_parallel_searches":0})")
                                << u"between 1 and 500"_s;
    QTest::newRow("parallel 501") << QByteArray(R"({"goal":"x","max_parallel_searches":501})")
                                  << u"between 1 and 500"_s;
    // Beyond every integer type: refused, never converted (the conversion is undefined).
    QTest::newRow("parallel 1e300")
        << QByteArray(R"({"goal":"x","max_parallel_searches":1e300})") << u"whole number"_s;
    QTest::newRow("parallel -1e300")
        << QByteArray(R"({"goal":"x","max_parallel_searches":-1e300})") << u"whole number"_s;
    QTest::newRow("parallel fraction") << QByteArray(R"({"goal":"x","max_parallel_searches":2.5})") << u"whole number"_s;
    QTest::newRow("all_queries a string") << QByteArray(R"({"goal":"x","all_queries":"yes"})")
                                          << u"request.all_queries: expected true or false"_s;
    QTest::newRow("threshold 2") << QByteArray(R"({"goal":"x","confidence_threshold":2})") << u"between 0 and 1"_s;
}

void TestModelJson::request_rejectsWrongTypesAndRanges()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, errorContains);
    QString error;
    const auto r = ResearchRequest::fromJson(parse(json.constData()), &error);
    QVERIFY(!r);
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestModelJson::request_ignoresUnknownFields()
{
    QString error;
    const auto r = ResearchRequest::fromJson(parse(R"({"goal":"g","domains":["a.com"],"future_field":{"x":1}})"), &error);
    QVERIFY2(r, qPrintable(error));
    QCOMPARE(r->goal, u"g"_s);
    QCOMPARE(r->depth, Depth::Standard);
    QCOMPARE(r->sources, channel::all());
    QCOMPARE(r->allQueries, false); // sessions from before the option open as free-first
}

void TestModelJson::strategy_buildsQueryForDomain()
{
    QueryStrategy s{u"news_search"_s, u"\"{COMPANY_NAME}\" fraud site:{DOMAIN}"_s, 0.8};
    QCOMPARE(s.buildQuery(u"acme-robotics.io"_s), u"\"Acme Robotics\" fraud site:acme-robotics.io"_s);
}

void TestModelJson::strategies_roundTripInSeedShape()
{
    const QJsonObject seed = parse(R"({"strategies":[
        {"channel":"google_search","query_template":"site:{DOMAIN} fraud detection","relevance_score":0.9},
        {"channel":"jobs_search","query_template":"machine learning engineer","relevance_score":0.7,"extra":1}]})");
    QString error;
    const auto list = strategiesFromJson(seed, &error);
    QVERIFY2(list, qPrintable(error));
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(1).channel, u"jobs_search"_s);
    QCOMPARE(list->at(0).relevanceScore, 0.9);
    const auto again = strategiesFromJson(strategiesToJson(*list), &error);
    QVERIFY(again);
    QCOMPARE(*again, *list);
}

void TestModelJson::strategies_reportIndexOfBadEntry()
{
    QString error;
    QVERIFY(!strategiesFromJson(parse(R"({"strategies":[{"channel":"website","query_template":"x"},{"channel":"website"}]})"), &error));
    QVERIFY2(error.contains(u"strategies[1]"_s) && error.contains(u"query_template"_s), qPrintable(error));
    QVERIFY(!strategiesFromJson(parse(R"({"strategies":{}})"), &error));
    QVERIFY(!strategiesFromJson(parse(R"({"other":[]})"), &error));
    QVERIFY(!strategiesFromJson(parse(R"({"strategies":[{"channel":"website","query_template":"x","relevance_score":"high"}]})"), &error));
    QVERIFY2(error.contains(u"relevance_score"_s), qPrintable(error));
}

void TestModelJson::result_roundTrip()
{
    const CompanyResult c = sampleResult();
    QString error;
    const auto back = CompanyResult::fromJson(c.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->evidence.first().publishedAt, c.evidence.first().publishedAt);
    QCOMPARE(*back, c);
}

void TestModelJson::result_rejectsWrongTypes_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("errorContains");
    QTest::newRow("confidence string") << u"confidence_score"_s << QJsonValue(u"high"_s) << u"confidence_score"_s;
    QTest::newRow("confidence 1.5") << u"confidence_score"_s << QJsonValue(1.5) << u"between 0 and 1"_s;
    QTest::newRow("status unknown") << u"status"_s << QJsonValue(u"exploded"_s) << u"unknown status"_s;
    QTest::newRow("evidence not array") << u"evidence"_s << QJsonValue(3) << u"result.evidence"_s;
    QTest::newRow("evidence item string") << u"evidence"_s << QJsonValue(QJsonArray{u"x"_s}) << u"evidence[0]"_s;
    QTest::newRow("evidence url number") << u"evidence"_s << QJsonValue(QJsonArray{QJsonObject{{u"url"_s, 4}}}) << u"evidence.url"_s;
    QTest::newRow("bad date") << u"evidence"_s << QJsonValue(QJsonArray{QJsonObject{{u"published_at"_s, u"yesterday"_s}}}) << u"published_at"_s;
    QTest::newRow("errors value") << u"errors"_s << QJsonValue(QJsonObject{{u"Tavily"_s, 1}}) << u"errors.Tavily"_s;
    QTest::newRow("signal index") << u"signals"_s << QJsonValue(QJsonArray{QJsonObject{{u"text"_s, u"x"_s}, {u"evidence"_s, QJsonArray{u"a"_s}}}}) << u"signals[0].evidence"_s;
}

void TestModelJson::result_rejectsWrongTypes()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, errorContains);
    QJsonObject json = sampleResult().toJson();
    json.insert(field, value);
    QString error;
    QVERIFY(!CompanyResult::fromJson(json, &error));
    QVERIFY2(error.contains(errorContains), qPrintable(error));
}

void TestModelJson::metrics_roundTrip()
{
    RunMetrics m;
    m.processingTimeMs = 3400;
    m.totalDomains = 200;
    m.highConfidenceMatches = 17;
    m.averageConfidence = 0.41;
    m.totalEvidence = 1234;
    m.totalQueries = 1800;
    m.completedQueries = 1800;
    m.failedRequests = 3;
    m.retries = 5;
    m.cacheHits = 10;
    m.queriesPerSecond = 529.4;
    m.llmPromptTokens = 1000;
    m.analyzer = u"heuristic"_s;
    SourceStats s;
    s.requests = 600;
    s.breakerState = u"open"_s;
    s.stopReason = u"plan limit"_s;
    m.perSource.insert(u"Tavily"_s, s);
    QString error;
    const auto back = RunMetrics::fromJson(m.toJson(), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, m);
    QVERIFY(!RunMetrics::fromJson(parse(R"({"retries":"many"})"), &error));
}

void TestModelJson::status_namesAreStable()
{
    QCOMPARE(statusToString(CompanyStatus::NoEvidence), u"no_evidence"_s);
    for (int i = 0; i <= int(CompanyStatus::Cancelled); ++i)
        QCOMPARE(statusFromString(statusToString(CompanyStatus(i))), CompanyStatus(i));
    QVERIFY(!statusFromString(u"DONE"));
}

QTEST_GUILESS_MAIN(TestModelJson)
#include "tst_modeljson.moc"
