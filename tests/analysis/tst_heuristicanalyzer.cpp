#include "EvidenceBuilder.h"
#include "analysis/AnalyzerFactory.h"
#include "analysis/HeuristicAnalyzer.h"
#include "goal/GoalParser.h"
#include "lexicon/TechDictionary.h"

#include <QCoroTask>
#include <QSet>
#include <QTest>
#include <QTimer>

using namespace gtm;
using namespace Qt::StringLiterals;
using gtm::test::evidence;

namespace {

std::shared_ptr<const TechDictionary> dict()
{
    static const auto d = TechDictionary::loadBuiltIn();
    return d;
}

// The technologies found in a text, with "!" in front of negated ones.
QStringList found(const QString &text)
{
    const QList<TextToken> tokens = tokenize(text);
    QStringList out;
    for (const TermHit &h : dict()->findTechnologies(text, tokens, TechDictionary::Mode::Evidence))
        out << (h.negated ? u"!"_s : QString()) + dict()->technologies().at(h.id).name;
    return out;
}

AnalysisOutcome analyze(const QString &goal, const QString &domain, const QList<Evidence> &evidence)
{
    return HeuristicAnalyzer(dict()).analyzeNow(AnalysisInput { goal, domain, {}, evidence });
}

const QString kK8sGoal = u"Companies running Kubernetes in production"_s;

QCoro::Task<void> analyzeAndLog(HeuristicAnalyzer *analyzer, AnalysisInput input, QStringList *log)
{
    co_await analyzer->analyze(std::move(input));
    log->append(u"analysis done"_s);
}

} // namespace

class TestHeuristicAnalyzer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dictionary_coversTheCategoriesWithEnoughEntries()
    {
        QVERIFY(dict());
        QVERIFY2(dict()->technologies().size() >= 250,
            qPrintable(QString::number(dict()->technologies().size())));
        QSet<QString> categories;
        QSet<QString> names;
        for (const Technology &t : dict()->technologies()) {
            categories.insert(t.category);
            QVERIFY2(!names.contains(t.name), qPrintable(t.name));
            names.insert(t.name);
        }
        for (const QString &c : { u"language"_s, u"frontend"_s, u"backend"_s, u"database"_s,
                 u"cloud"_s, u"data"_s, u"ml"_s, u"saas"_s })
            QVERIFY2(categories.contains(c), qPrintable(c));
        for (const QString &n :
            { u"Salesforce"_s, u"HubSpot"_s, u"Kubernetes"_s, u"PostgreSQL"_s, u"TensorFlow"_s })
            QVERIFY2(names.contains(n), qPrintable(n));
    }

    // One technology, one entry with all its names: two entries sharing a name leave the
    // matcher's pick to chance and split one product's mentions in the results.
    void dictionary_noNameBelongsToTwoTechnologies()
    {
        QHash<QString, QString> owner; // lower-cased name or alias -> technology
        for (const Technology &t : dict()->technologies()) {
            for (const QString &name : QStringList { t.name } + t.aliases + t.ambiguous) {
                const QString other = owner.value(name.toLower(), t.name);
                QVERIFY2(
                    other == t.name, qPrintable(u"\"%1\": %2 and %3"_s.arg(name, other, t.name)));
                owner.insert(name.toLower(), t.name);
            }
        }
    }

    // Every engine built (a run started, Settings accepted) asks the factory for two analyzers;
    // the dictionary behind them is parsed from the resources once and shared, immutable.
    void analyzerFactory_everyAnalyzerSharesOneDictionary()
    {
        const auto dictionaryOf = [](const std::unique_ptr<Analyzer> &analyzer) {
            const auto *heuristic = dynamic_cast<const HeuristicAnalyzer *>(analyzer.get());
            return heuristic ? heuristic->dictionary().get() : nullptr;
        };
        const auto offline = createOfflineAnalyzer();
        const auto nextEngine = createOfflineAnalyzer();
        const auto automatic = createAnalyzer(nullptr, LlmSettings {});
        QVERIFY(dictionaryOf(offline));
        QCOMPARE(dictionaryOf(nextEngine), dictionaryOf(offline));
        QCOMPARE(dictionaryOf(automatic), dictionaryOf(offline));
        QCOMPARE(TechDictionary::loadBuiltIn().get(), dictionaryOf(offline));
    }

    void guards_keepCommonWordsFromCountingAsTechnologies_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("technology");
        QTest::addColumn<bool>("expected");
        QTest::newRow("Go engineer") << u"We're hiring a Senior Go Engineer."_s << u"Go"_s << true;
        QTest::newRow("written in Go") << u"Our backend is written in Go."_s << u"Go"_s << true;
        QTest::newRow("Go in a list")
            << u"Experience with Python, Go and Rust."_s << u"Go"_s << true;
        QTest::newRow("Golang") << u"golang microservices"_s << u"Go"_s << true;
        QTest::newRow("Go-to-market") << u"Go-to-market manager for EMEA"_s << u"Go"_s << false;
        QTest::newRow("ready to go")
            << u"people who are ready to go above and beyond"_s << u"Go"_s << false;
        QTest::newRow("Let's Go") << u"Let's Go! Free delivery on all fireplaces."_s << u"Go"_s
                                  << false;
        QTest::newRow("Go further") << u"Go further with modular furniture."_s << u"Go"_s << false;
        QTest::newRow("react to") << u"When things break we react to alerts fast."_s << u"React"_s
                                  << false;
        QTest::newRow("How We React To") << u"How We React To Incidents"_s << u"React"_s << false;
        QTest::newRow("React and TypeScript")
            << u"Build our dashboard with React and TypeScript."_s << u"React"_s << true;
        QTest::newRow("spark creativity")
            << u"Little rituals that spark creativity."_s << u"Apache Spark"_s << false;
        QTest::newRow("Spark joy") << u"Spark joy at work"_s << u"Apache Spark"_s << false;
        QTest::newRow("Spark jobs")
            << u"Operate Spark jobs on Kubernetes."_s << u"Apache Spark"_s << true;
        QTest::newRow("rust-coloured")
            << u"the rust-coloured armour set ships next week"_s << u"Rust"_s << false;
        QTest::newRow("Rust Belt") << u"A factory in the Rust Belt"_s << u"Rust"_s << false;
        QTest::newRow("Rust developer") << u"Rust developer, systems team"_s << u"Rust"_s << true;
        QTest::newRow("swift progress")
            << u"Our team made swift progress this sprint."_s << u"Swift"_s << false;
        QTest::newRow("SWIFT network")
            << u"Payments over the SWIFT network settle in a day."_s << u"Swift"_s << false;
        QTest::newRow("Swift iOS") << u"Our iOS app is written in Swift."_s << u"Swift"_s << true;
        QTest::newRow("Ruby the person")
            << u"Ruby, our office manager, keeps everything on the rails."_s << u"Ruby"_s << false;
        QTest::newRow("Ruby on Rails")
            << u"Built on Ruby on Rails and PostgreSQL."_s << u"Ruby on Rails"_s << true;
        QTest::newRow("Elixir drink")
            << u"A healing Elixir for tired travellers."_s << u"Elixir"_s << false;
        QTest::newRow("Kafkaesque")
            << u"The permit process was Kafkaesque."_s << u"Apache Kafka"_s << false;
        QTest::newRow("snowflake ornaments")
            << u"Snowflake ornaments and cosy throws. Every snowflake is unique."_s
            << u"Snowflake"_s << false;
        QTest::newRow("snowflake schema")
            << u"we avoided a snowflake schema because of the join cost"_s << u"Snowflake"_s
            << false;
        QTest::newRow("lands in Snowflake")
            << u"All events land in Snowflake, where analysts query them."_s << u"Snowflake"_s
            << true;
        QTest::newRow("Series C") << u"The company raised a Series C round."_s << u"C"_s << false;
        QTest::newRow("C and C++") << u"Firmware in C and C++ for our sensors."_s << u"C"_s << true;
        QTest::newRow("chef") << u"Our chef cooks with salt from the marsh."_s << u"Chef"_s
                              << false;
        QTest::newRow("Google is not Go") << u"We run on Google Cloud."_s << u"Go"_s << false;
    }
    void guards_keepCommonWordsFromCountingAsTechnologies()
    {
        QFETCH(QString, text);
        QFETCH(QString, technology);
        QFETCH(bool, expected);
        const QStringList hits = found(text);
        QVERIFY2(hits.contains(technology) == expected, qPrintable(hits.join(u", "_s)));
    }

    void negation_marksTechnologiesTheCompanyLeft_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("moved off")
            << u"Last year we moved off Kubernetes."_s << QStringList { u"!Kubernetes"_s };
        QTest::newRow("no longer use")
            << u"We no longer use Kubernetes."_s << QStringList { u"!Kubernetes"_s };
        QTest::newRow("migrated away from")
            << u"They migrated away from Kubernetes."_s << QStringList { u"!Kubernetes"_s };
        QTest::newRow("replaced X with Y") << u"We replaced Kubernetes with AWS ECS."_s
                                           << QStringList { u"!Kubernetes"_s, u"Amazon ECS"_s };
        QTest::newRow("from X to Y") << u"We migrated from Heroku to Kubernetes."_s
                                     << QStringList { u"!Heroku"_s, u"Kubernetes"_s };
        QTest::newRow("was deprecated") << u"Our Kubernetes cluster was deprecated in May."_s
                                        << QStringList { u"!Kubernetes"_s };
        QTest::newRow("dropped in favour of") << u"We dropped Kubernetes in favour of Heroku."_s
                                              << QStringList { u"!Kubernetes"_s, u"Heroku"_s };
        QTest::newRow("plain use")
            << u"We run 40 clusters on Kubernetes."_s << QStringList { u"Kubernetes"_s };
        QTest::newRow("other sentence")
            << u"We moved off Heroku. Today everything runs on Kubernetes."_s
            << QStringList { u"!Heroku"_s, u"Kubernetes"_s };
    }
    void negation_marksTechnologiesTheCompanyLeft()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(found(text), expected);
    }

    void goal_isReadIntoTechnologiesTopicsIndustryAndIntent()
    {
        const ParsedGoal fraud
            = parseGoal(*dict(), u"Find fintech companies using AI for fraud detection"_s);
        QVERIFY(fraud.technologies.isEmpty());
        QVERIFY(fraud.hasConcept(*dict(), u"machine_learning"_s));
        QVERIFY(fraud.hasConcept(*dict(), u"fraud"_s));
        QVERIFY(fraud.hasConcept(*dict(), u"fintech"_s));

        const ParsedGoal go = parseGoal(*dict(), u"Companies hiring Go developers"_s);
        QCOMPARE(go.technologies.size(), 1);
        QCOMPARE(dict()->technologies().at(go.technologies.first()).name, u"Go"_s);
        QVERIFY(go.hasConcept(*dict(), u"hiring"_s));
        QCOMPARE(go.roles, QStringList { u"developers"_s });

        const ParsedGoal either = parseGoal(*dict(), u"Teams using Python or Rust"_s);
        QCOMPARE(either.technologies.size(), 2);
        QVERIFY(either.anyTechnology);

        const ParsedGoal free = parseGoal(*dict(), u"Companies doing carbon accounting"_s);
        QCOMPARE(free.phrases, QStringList { u"carbon accounting"_s });
    }

    void ownPageUsingTarget_isAMatch_withSignalTiedToIt()
    {
        const AnalysisOutcome o = analyze(kK8sGoal, u"acme.io"_s,
            { evidence(u"https://news.example.org/x"_s, u"Weather"_s, u"Sunny all week."_s,
                  { .name = u"NewsAPI"_s }),
                evidence(u"https://acme.io/blog/infra"_s, u"Our infrastructure"_s,
                    u"Every Acme service runs on Kubernetes in three regions."_s,
                    { .name = u"Tavily"_s }) });
        QVERIFY2(o.confidence >= 0.7, qPrintable(QString::number(o.confidence)));
        QCOMPARE(o.analyzer, u"heuristic"_s);
        QCOMPARE(o.technologies.value(0), u"Kubernetes"_s);
        QVERIFY(!o.signalsFound.isEmpty());
        QCOMPARE(o.signalsFound.first().evidenceIndexes, QList<int> { 1 });
        QVERIFY(o.signalsFound.first().text.contains(u"runs on Kubernetes"_s));
    }

    void negation_countsAgainst()
    {
        const AnalysisOutcome o = analyze(kK8sGoal, u"acme.io"_s,
            { evidence(u"https://acme.io/blog/leaving"_s, u"Why we moved off Kubernetes"_s,
                u"Last year we moved off Kubernetes to plain VMs. We no longer use Kubernetes."_s,
                { .name = u"Tavily"_s }) });
        QVERIFY2(o.confidence < 0.3, qPrintable(QString::number(o.confidence)));
        QVERIFY(!o.technologies.contains(u"Kubernetes"_s));
        // The verdict cites the sentence it rests on and says why it does not count.
        bool against = false;
        for (const GoalSignal &s : o.signalsFound)
            against = against
                || (s.text.startsWith(u"Not counted for uses Kubernetes"_s)
                    && s.text.contains(u"past use"_s) && s.text.contains(u"moved off Kubernetes"_s)
                    && s.evidenceIndexes == QList<int> { 0 });
        QVERIFY(against);
        // Nothing counted, and every line says so first: a 0.00 row never reads as a find.
        for (const GoalSignal &s : o.signalsFound)
            QVERIFY2(!s.counted && s.text.startsWith(u"Not "_s), qPrintable(s.text));
    }

    void agreementOfIndependentSources_raisesConfidence()
    {
        const Evidence news
            = evidence(u"https://www.theregister.com/acme"_s, u"Acme bets on Kubernetes"_s,
                u"Acme moved its storefront to Kubernetes, its CTO said."_s,
                { .name = u"NewsAPI"_s, .channel = u"news_search"_s });
        const Evidence hn = evidence(u"https://news.ycombinator.com/item?id=1"_s,
            u"Acme on Kubernetes"_s, u"Acme engineer here: we run our storefront on Kubernetes."_s,
            { .name = u"Hacker News"_s, .channel = u"hackernews"_s });
        const double one = analyze(kK8sGoal, u"acme.io"_s, { news }).confidence;
        Evidence sameSource = news;
        sameSource.url = u"https://www.theregister.com/acme-2"_s;
        const double sameTwice = analyze(kK8sGoal, u"acme.io"_s, { news, sameSource }).confidence;
        const double two = analyze(kK8sGoal, u"acme.io"_s, { news, hn }).confidence;
        QVERIFY2(two > sameTwice && sameTwice >= one,
            qPrintable(u"%1 %2 %3"_s.arg(one).arg(sameTwice).arg(two)));
    }

    void namesakeOnAnotherDomain_doesNotCount()
    {
        const AnalysisOutcome o = analyze(kK8sGoal, u"harborview.com"_s,
            { evidence(u"https://harborview.io/engineering"_s, u"Harborview engineering"_s,
                u"Harborview runs its platform on Kubernetes."_s, { .name = u"Tavily"_s }) });
        QVERIFY2(o.confidence < 0.5, qPrintable(QString::number(o.confidence)));
    }

    void otherCompaniesTechnology_doesNotCount()
    {
        const AnalysisOutcome o = analyze(u"Find fintech companies using AI for fraud detection"_s,
            u"briskpay.com"_s,
            { evidence(u"https://www.pymnts.com/briskpay"_s, u"BriskPay partners with Sardine"_s,
                u"BriskPay will offer Sardine's fraud tools to merchants. Sardine, a fraud "
                u"prevention company, uses machine learning on device data, its CEO said."_s,
                { .name = u"NewsAPI"_s, .channel = u"news_search"_s }) });
        QVERIFY2(o.confidence < 0.7, qPrintable(QString::number(o.confidence)));
    }

    void passingMentionOnAnUnrelatedPage_isWeak()
    {
        const AnalysisOutcome o = analyze(kK8sGoal, u"pixelforge.com"_s,
            { evidence(u"https://www.infoq.com/news/kubernetes-1-31"_s,
                u"Kubernetes 1.31 released"_s, u"The release brings sidecar containers to GA."_s,
                { .name = u"NewsAPI"_s, .channel = u"news_search"_s }) });
        QVERIFY2(o.confidence < 0.5, qPrintable(QString::number(o.confidence)));
    }

    void noEvidence_isZero()
    {
        const AnalysisOutcome o = analyze(kK8sGoal, u"acme.io"_s, {});
        QCOMPARE(o.confidence, 0.0);
        QVERIFY(o.signalsFound.isEmpty());
    }

    void analyzeCoroutine_leavesTheCallingThreadFreeForEvents()
    {
        QList<Evidence> evidence;
        for (int i = 0; i < 200; ++i)
            evidence << test::evidence(u"https://acme.io/p/%1"_s.arg(i), u"Page %1"_s.arg(i),
                u"Acme runs Kubernetes, Go services and Snowflake; we react to alerts fast."_s,
                { .name = u"Tavily"_s });
        HeuristicAnalyzer analyzer(dict());
        QStringList log;
        QTimer::singleShot(0, this, [&log] { log.append(u"event served"_s); });
        // Computed on the calling thread, the analysis would be done before the event loop
        // ever ran the timer.
        QCoro::Task<void> task = analyzeAndLog(
            &analyzer, AnalysisInput { kK8sGoal, u"acme.io"_s, {}, evidence }, &log);
        QCoro::waitFor(task);
        QCOMPARE(log, (QStringList { u"event served"_s, u"analysis done"_s }));
    }

    void analyzeCoroutine_givesTheSameAnswerAsTheSynchronousCall()
    {
        const QList<Evidence> evidence { test::evidence(u"https://acme.io/jobs/1"_s,
            u"Senior Go Engineer"_s, u"Write Go services on Kubernetes."_s,
            { .name = u"Greenhouse"_s, .channel = u"jobs_search"_s }) };
        HeuristicAnalyzer analyzer(dict());
        const AnalysisInput input { u"Companies hiring Go developers"_s, u"acme.io"_s, {},
            evidence };
        const AnalysisOutcome viaPool = QCoro::waitFor(analyzer.analyze(input));
        const AnalysisOutcome direct = analyzer.analyzeNow(input);
        QCOMPARE(viaPool.confidence, direct.confidence);
        QCOMPARE(viaPool.technologies, direct.technologies);
        QVERIFY(viaPool.confidence >= 0.7);
    }
};

QTEST_GUILESS_MAIN(TestHeuristicAnalyzer)
#include "tst_heuristicanalyzer.moc"
