#include "FakeHttpServer.h"
#include "FakeLlm.h"
#include "goal/GoalModel.h"
#include "lexicon/TechDictionary.h"
#include "llm/GeminiClient.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "strategy/LlmStrategyGenerator.h"
#include "strategy/StrategyFile.h"
#include "strategy/StrategyGeneratorFactory.h"
#include "strategy/StrategyRules.h"
#include "strategy/TemplateStrategyGenerator.h"

#include <QCoroTask>
#include <QTemporaryDir>
#include <QTest>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

namespace {
const QString kStrategyPath = u"/v1beta/models/gemini-2.5-flash:generateContent"_s;
const QString kFraudGoal = u"Find fintech companies using AI for fraud detection"_s;

TemplateStrategyGenerator templates()
{
    return TemplateStrategyGenerator(TechDictionary::loadBuiltIn());
}

QStringList templatesOf(const StrategyPlan &plan, const QString &channel)
{
    QStringList out;
    for (const auto &s : plan.strategies)
        if (s.channel == channel)
            out << s.queryTemplate;
    return out;
}

std::unique_ptr<LlmStrategyGenerator> geminiGenerator(
    HttpClient *http, const FakeHttpServer &server)
{
    return std::make_unique<LlmStrategyGenerator>(
        std::make_unique<GeminiClient>(http, u"k"_s, u"gemini-2.5-flash"_s, server.baseUrl()),
        std::make_unique<TemplateStrategyGenerator>(TechDictionary::loadBuiltIn()));
}

QString strategiesJson(int valid, bool withInvalid)
{
    QJsonArray a;
    const QStringList channels = channel::all();
    for (int i = 0; i < valid; ++i) {
        const QString ch = channels.at(i % channels.size());
        const QString q = ch == channel::JobsSearch ? u"fraud machine learning %1"_s.arg(i)
                                                    : u"site:{DOMAIN} fraud model %1"_s.arg(i);
        a.append(QJsonObject { { u"channel"_s, ch }, { u"query_template"_s, q },
            { u"relevance_score"_s, 0.5 + i * 0.04 } });
    }
    if (withInvalid) {
        a.append(QJsonObject { { u"channel"_s, u"twitter"_s },
            { u"query_template"_s, u"{COMPANY_NAME} fraud"_s }, { u"relevance_score"_s, 0.99 } });
        a.append(QJsonObject { { u"channel"_s, u"google_search"_s },
            { u"query_template"_s, u"fraud detection startups"_s },
            { u"relevance_score"_s, 0.98 } });
    }
    return QString::fromUtf8(
        QJsonDocument(QJsonObject { { u"strategies"_s, a } }).toJson(QJsonDocument::Compact));
}
} // namespace

class TestStrategies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void templates_countFollowsDepth_data()
    {
        QTest::addColumn<Depth>("depth");
        QTest::addColumn<QStringList>("channels");
        QTest::addColumn<int>("min");
        QTest::addColumn<int>("max");
        const QStringList all = channel::all();
        QTest::newRow("quick, all channels") << Depth::Quick << all << 4 << 6;
        QTest::newRow("standard, all channels") << Depth::Standard << all << 7 << 10;
        QTest::newRow("comprehensive, all channels") << Depth::Comprehensive << all << 11 << 13;
        QTest::newRow("comprehensive, news only")
            << Depth::Comprehensive << QStringList { channel::NewsSearch } << 11 << 13;
        QTest::newRow("comprehensive, hackernews only")
            << Depth::Comprehensive << QStringList { channel::HackerNews } << 11 << 13;
        QTest::newRow("standard, jobs and website")
            << Depth::Standard << QStringList { channel::JobsSearch, channel::Website } << 7 << 10;
    }
    void templates_countFollowsDepth()
    {
        QFETCH(Depth, depth);
        QFETCH(QStringList, channels);
        QFETCH(int, min);
        QFETCH(int, max);
        for (const QString &goal :
            { kFraudGoal, u"Companies hiring Go developers"_s, u"carbon accounting"_s }) {
            const StrategyPlan plan = templates().plan(goal, depth, channels);
            QVERIFY2(plan.strategies.size() >= min && plan.strategies.size() <= max,
                qPrintable(u"%1: %2 strategies"_s.arg(goal).arg(plan.strategies.size())));
            QCOMPARE(plan.dropped, 0);
            QCOMPARE(plan.generator, u"templates"_s);
            for (const auto &s : plan.strategies) {
                QVERIFY(channels.contains(s.channel));
                QVERIFY2(strategyProblem(s, channels).isEmpty(), qPrintable(s.queryTemplate));
            }
        }
    }

    void templates_spreadOverEveryChannel_sortedBestFirst()
    {
        const StrategyPlan plan = templates().plan(kFraudGoal, Depth::Quick, channel::all());
        for (const QString &ch : channel::all())
            QVERIFY2(!templatesOf(plan, ch).isEmpty(), qPrintable(ch));
        for (int i = 1; i < plan.strategies.size(); ++i)
            QVERIFY(
                plan.strategies.at(i - 1).relevanceScore >= plan.strategies.at(i).relevanceScore);
        for (const auto &s : plan.strategies)
            QVERIFY(s.relevanceScore > 0.0 && s.relevanceScore <= 1.0);
    }

    void templates_writeQueriesFromTheGoalsKeyTerms()
    {
        const StrategyPlan fraud = templates().plan(kFraudGoal, Depth::Standard, channel::all());
        const QStringList google = templatesOf(fraud, channel::GoogleSearch);
        QVERIFY2(google.contains(u"site:{DOMAIN} machine learning fraud detection"_s),
            qPrintable(google.join(u" | "_s)));
        QVERIFY2(
            templatesOf(fraud, channel::NewsSearch).join(u' ').contains(u"\"{COMPANY_NAME}\""_s),
            "news searches carry the quoted company name");
        QVERIFY(templatesOf(fraud, channel::JobsSearch).join(u' ').contains(u"fraud detection"_s));

        const StrategyPlan go = templates().plan(
            u"Companies hiring Go developers"_s, Depth::Standard, channel::all());
        const QStringList jobs = templatesOf(go, channel::JobsSearch);
        QVERIFY2(jobs.contains(u"golang developer"_s), qPrintable(jobs.join(u" | "_s)));
        QVERIFY2(templatesOf(go, channel::GoogleSearch)
                     .contains(u"site:{DOMAIN} careers golang developer"_s),
            qPrintable(templatesOf(go, channel::GoogleSearch).join(u" | "_s)));
        // Hiring goals run their job searches first.
        QCOMPARE(go.strategies.first().channel, channel::JobsSearch);

        const StrategyPlan k8s = templates().plan(
            u"Companies running Kubernetes in production"_s, Depth::Quick, channel::all());
        QVERIFY(templatesOf(k8s, channel::HackerNews).contains(u"{COMPANY_NAME} Kubernetes"_s));
    }

    void templates_followTheGoalsFacets()
    {
        // Funding goals look for rounds in the news first.
        const StrategyPlan funding = templates().plan(
            u"Companies that recently raised a Series B or later"_s, Depth::Quick, channel::all());
        QCOMPARE(funding.strategies.first().channel, channel::NewsSearch);
        QCOMPARE(funding.strategies.first().queryTemplate, u"\"{COMPANY_NAME}\" raises Series B"_s);
        // Vertical and segment goals read the company's own site and customer pages.
        const StrategyPlan segment = templates().plan(
            u"B2B SaaS companies that sell to hospitals"_s, Depth::Standard, channel::all());
        const QStringList site = templatesOf(segment, channel::Website);
        QVERIFY2(site.contains(u"{DOMAIN} about us"_s), qPrintable(site.join(u" | "_s)));
        const QStringList google = templatesOf(segment, channel::GoogleSearch);
        QVERIFY2(google.contains(u"site:{DOMAIN} customers healthcare"_s),
            qPrintable(google.join(u" | "_s)));
        // Hiring goals read the boards, by role, technology and place.
        const StrategyPlan sdr = templates().plan(
            u"Has an open SDR seat based in Europe"_s, Depth::Quick, channel::all());
        QCOMPARE(sdr.strategies.first().channel, channel::JobsSearch);
        QCOMPARE(
            sdr.strategies.first().queryTemplate, u"sales development representative Europe"_s);
    }

    // The user's edit of the goal's facets is what the run judges by, so it is what the plan
    // looks for: an added role brings job-board queries, a removed round no funding news.
    void templates_followTheEditedFacetsNotTheText()
    {
        const QString goal = u"Fintech companies running Kubernetes that raised a Series B"_s;
        const StrategyPlan parsed = templates().plan(goal, Depth::Standard, channel::all());
        QVERIFY(templatesOf(parsed, channel::NewsSearch)
                    .contains(u"\"{COMPANY_NAME}\" raises Series B"_s));

        GoalModel edited = parseGoalModel(*TechDictionary::loadBuiltIn(), goal);
        edited.facets.removeIf([](const GoalFacet &f) { return f.kind == FacetKind::Funding; });
        GoalFacet role;
        role.kind = FacetKind::HiringRole;
        role.value = u"data engineer"_s;
        edited.facets << role;
        const StrategyPlan plan = templates().plan(goal, Depth::Standard, channel::all(), edited);
        const QStringList jobs = templatesOf(plan, channel::JobsSearch);
        QVERIFY2(jobs.contains(u"data engineer"_s), qPrintable(jobs.join(u" | "_s)));
        QCOMPARE(plan.strategies.first().channel, channel::JobsSearch);
        QVERIFY(templatesOf(plan, channel::HackerNews)
                    .contains(u"{COMPANY_NAME} hiring data engineer"_s));
        for (const QueryStrategy &s : plan.strategies)
            QVERIFY2(!s.queryTemplate.contains(u"raise"_s, Qt::CaseInsensitive)
                    && !s.queryTemplate.contains(u"series"_s, Qt::CaseInsensitive)
                    && !s.queryTemplate.contains(u"funding"_s, Qt::CaseInsensitive),
                qPrintable(s.queryTemplate));
        // What the edit kept is still searched for, now with the role.
        QVERIFY2(jobs.contains(u"Kubernetes data engineer"_s), qPrintable(jobs.join(u" | "_s)));

        // The LLM generator's fallback plans for the edit too.
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kStrategyPath, [](const FakeRequest &) {
            return FakeResponse::json(
                geminiError(403, u"PERMISSION_DENIED"_s, u"The key is not allowed."_s), 403);
        });
        HttpClient http;
        const auto generator = geminiGenerator(&http, server);
        const StrategyPlan fallback
            = QCoro::waitFor(generator->generate(goal, Depth::Standard, channel::all(), edited));
        QCOMPARE(fallback.generator, u"templates"_s);
        QCOMPARE(fallback.strategies, plan.strategies);
    }

    // The model reads the text itself; an edit is told to it, since it overrides the text.
    void llm_isToldTheEditedFacets()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kStrategyPath, [](const FakeRequest &) {
            return FakeResponse::json(geminiAnswer(strategiesJson(12, false)));
        });
        HttpClient http;
        const auto generator = geminiGenerator(&http, server);
        GoalModel edited;
        GoalFacet role;
        role.kind = FacetKind::HiringRole;
        role.value = u"data engineer"_s;
        edited.facets << role;
        QCoro::waitFor(generator->generate(kFraudGoal, Depth::Quick, channel::all()));
        QCoro::waitFor(generator->generate(kFraudGoal, Depth::Quick, channel::all(), edited));
        const QList<FakeRequest> asked = server.requests(kStrategyPath);
        QCOMPARE(asked.size(), 2);
        QVERIFY(!geminiUserText(asked.at(0).body).contains(u"hiring: data engineer"_s));
        const QString told = geminiUserText(asked.at(1).body);
        QVERIFY2(told.contains(kFraudGoal) && told.contains(u"hiring: data engineer"_s),
            qPrintable(told));
    }

    void validation_dropsUnknownChannelsAndMissingPlaceholders_keepsJobsWithout()
    {
        StrategyPlan plan;
        plan.strategies = {
            { channel::GoogleSearch, u"site:{DOMAIN} kubernetes"_s, 0.4 },
            { u"linkedin"_s, u"{COMPANY_NAME} kubernetes"_s, 0.9 },
            { channel::NewsSearch, u"kubernetes news"_s, 0.8 },
            { channel::JobsSearch, u"platform engineer kubernetes"_s, 0.7 },
            { channel::Website, u"   "_s, 0.6 },
            { channel::HackerNews, u"{COMPANY_NAME} k8s"_s, 0.5 },
            { channel::HackerNews, u"{COMPANY_NAME}  K8S"_s,
                0.3 }, // a duplicate, not an invalid one
        };
        finalizePlan(&plan, channel::all(), 13);
        QCOMPARE(plan.dropped, 3);
        QCOMPARE(plan.strategies.size(), 3);
        QCOMPARE(plan.strategies.at(0).channel, channel::JobsSearch);
        QCOMPARE(plan.strategies.at(1).channel, channel::HackerNews);
        QCOMPARE(plan.strategies.at(2).channel, channel::GoogleSearch);

        StrategyPlan disabled;
        disabled.strategies = { { channel::HackerNews, u"{COMPANY_NAME} k8s"_s, 0.5 } };
        finalizePlan(&disabled, { channel::GoogleSearch }, 13);
        QCOMPARE(disabled.dropped, 1);
        QVERIFY(disabled.strategies.isEmpty());
    }

    void llm_validAnswer_isUsedSortedAndInvalidOnesCounted()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kStrategyPath, [](const FakeRequest &) {
            return FakeResponse::json(geminiAnswer(strategiesJson(8, true), 500, 200));
        });
        HttpClient http;
        auto generator = geminiGenerator(&http, server);
        const StrategyPlan plan
            = QCoro::waitFor(generator->generate(kFraudGoal, Depth::Standard, channel::all()));
        QCOMPARE(plan.generator, u"llm:gemini-2.5-flash"_s);
        QCOMPARE(plan.strategies.size(), 8);
        QCOMPARE(plan.dropped, 2);
        QCOMPARE(plan.promptTokens, 500);
        QCOMPARE(plan.completionTokens, 200);
        QVERIFY(plan.notice.isEmpty());
        QCOMPARE(
            plan.strategies.first().queryTemplate, u"fraud machine learning 7"_s); // the best score
        const QString asked = geminiUserText(server.requests(kStrategyPath).value(0).body);
        QVERIFY(asked.contains(kFraudGoal));
        QVERIFY(asked.contains(u"between 7 and 10"_s));
        const QJsonObject schema
            = jsonBody(server.requests(kStrategyPath).value(0).body)[u"generationConfig"_s]
                                                                    [u"responseSchema"_s]
                                                                        .toObject();
        QVERIFY(schema[u"properties"_s][u"strategies"_s].isObject());
    }

    void llm_serverError_fallsBackToTemplatesWithNotice()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kStrategyPath, [](const FakeRequest &) {
            return FakeResponse::json(
                geminiError(503, u"UNAVAILABLE"_s, u"The model is overloaded."_s), 503);
        });
        HttpClient http;
        auto generator = geminiGenerator(&http, server);
        const StrategyPlan plan
            = QCoro::waitFor(generator->generate(kFraudGoal, Depth::Quick, channel::all()));
        QCOMPARE(plan.generator, u"templates"_s);
        QVERIFY(plan.strategies.size() >= 4 && plan.strategies.size() <= 6);
        QVERIFY2(plan.notice.contains(u"overloaded"_s) && plan.notice.contains(u"templates"_s),
            qPrintable(plan.notice));
    }

    void llm_malformedTwice_retriesOnceThenFallsBack()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kStrategyPath, [](const FakeRequest &) {
            return FakeResponse::json(geminiAnswer(u"{\"strategies\": [ {\"channel\": "_s, 50, 5));
        });
        HttpClient http;
        auto generator = geminiGenerator(&http, server);
        const StrategyPlan plan
            = QCoro::waitFor(generator->generate(kFraudGoal, Depth::Standard, channel::all()));
        QCOMPARE(server.requestCount(kStrategyPath), 2);
        QCOMPARE(plan.generator, u"templates"_s);
        QVERIFY(!plan.notice.isEmpty());
        QCOMPARE(plan.promptTokens, 100);
        QVERIFY(geminiUserText(server.requests(kStrategyPath).value(1).body)
                    .contains(u"could not be used"_s));
    }

    void llm_tooFewUsable_toppedUpFromTemplates()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kStrategyPath, [](const FakeRequest &) {
            return FakeResponse::json(geminiAnswer(strategiesJson(3, true)));
        });
        HttpClient http;
        auto generator = geminiGenerator(&http, server);
        const StrategyPlan plan
            = QCoro::waitFor(generator->generate(kFraudGoal, Depth::Comprehensive, channel::all()));
        QVERIFY2(plan.strategies.size() >= 11, qPrintable(QString::number(plan.strategies.size())));
        QCOMPARE(plan.dropped, 2);
        QVERIFY(plan.notice.contains(u"built-in templates"_s));
        // The model's own strategies keep the front of the run order.
        QCOMPARE(plan.strategies.first().queryTemplate, u"fraud machine learning 2"_s);
    }

    void factory_withoutKey_usesTemplates()
    {
        HttpClient http;
        auto generator = createStrategyGenerator(&http, LlmSettings {});
        const StrategyPlan plan
            = QCoro::waitFor(generator->generate(kFraudGoal, Depth::Quick, channel::all()));
        QCOMPARE(plan.generator, u"templates"_s);
    }

    void playbookFile_roundTripsAndRejectsBrokenFiles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"playbook.json"_s);
        const StrategyPlan plan = templates().plan(kFraudGoal, Depth::Standard, channel::all());
        QString error;
        QVERIFY2(saveStrategiesFile(path, plan.strategies, &error), qPrintable(error));
        const auto loaded = loadStrategiesFile(path, &error);
        QVERIFY2(loaded.has_value(), qPrintable(error));
        QCOMPARE(*loaded, plan.strategies);

        QFile broken(dir.filePath(u"broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(R"({"strategies":[{"channel":"google_search"}]})");
        broken.close();
        QVERIFY(!loadStrategiesFile(broken.fileName(), &error));
        QVERIFY2(error.contains(u"query_template"_s), qPrintable(error));
        QVERIFY(!loadStrategiesFile(dir.filePath(u"missing.json"_s), &error));
    }

    void playbookGenerator_dropsWhatCannotRun()
    {
        FileStrategyGenerator generator({ { channel::GoogleSearch, u"site:{DOMAIN} ml"_s, 0.6 },
            { channel::NewsSearch, u"no placeholder"_s, 0.9 },
            { channel::JobsSearch, u"ml engineer"_s, 0.8 } });
        const StrategyPlan plan
            = QCoro::waitFor(generator.generate(QString(), Depth::Quick, channel::all()));
        QCOMPARE(plan.generator, u"file"_s);
        QCOMPARE(plan.dropped, 1);
        QCOMPARE(plan.strategies.size(), 2);
        QCOMPARE(plan.strategies.first().channel, channel::JobsSearch);
    }
};

QTEST_GUILESS_MAIN(TestStrategies)
#include "tst_strategies.moc"
