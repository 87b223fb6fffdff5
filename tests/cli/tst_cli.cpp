#include "FakeHttpServer.h"
#include "goal/GoalModel.h"
#include "storage/AppSettings.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gtm;
using namespace gtm::test;

namespace {

FakeResponse tavilyAnswer(const FakeRequest &r)
{
    const QString query = QJsonDocument::fromJson(r.body).object().value(u"query").toString();
    const QString domain = query.section(u' ', 0, 0);
    QJsonArray results;
    for (int i = 0; i < 2; ++i)
        results.append(QJsonObject { { QStringLiteral("title"),
                                         QStringLiteral("%1 builds fraud models %2-%3")
                                             .arg(domain)
                                             .arg(qHash(query))
                                             .arg(i) },
            { QStringLiteral("url"),
                QStringLiteral("https://%1/blog/%2-%3").arg(domain).arg(qHash(query)).arg(i) },
            { QStringLiteral("content"),
                QStringLiteral("%1 uses TensorFlow for fraud detection (%2-%3)")
                    .arg(domain)
                    .arg(qHash(query))
                    .arg(i) },
            { QStringLiteral("score"), 0.9 } });
    return FakeResponse::json(QJsonDocument(
        QJsonObject { { QStringLiteral("query"), query }, { QStringLiteral("results"), results } })
                                  .toJson(QJsonDocument::Compact));
}

GoalFacet facet(FacetKind kind, const QString &value)
{
    GoalFacet f;
    f.kind = kind;
    f.value = value;
    return f;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_environments = 0;

    QString write(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return f.fileName();
    }

    // Runs the CLI while this process's event loop keeps serving the fake.
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result run(const QStringList &args,
        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
        const QByteArray &input = {}, std::function<void(QProcess &)> whileRunning = {})
    {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(GTM_CLI_PATH), args);
        if (!p.waitForStarted(10000))
            return {};
        if (!input.isNull()) {
            p.write(input);
            p.closeWriteChannel();
        }
        if (whileRunning)
            whileRunning(p);
        QDeadlineTimer deadline(60000);
        while (p.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(20);
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
            return {};
        }
        Result r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QProcessEnvironment fakeEnvironment(const FakeHttpServer &server, bool withKey = true)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *k :
            { "TAVILY_API_KEY", "NEWS_API_KEY", "GEMINI_API_KEY", "OPENAI_API_KEY" })
            env.remove(QString::fromLatin1(k));
        if (withKey)
            env.insert(QStringLiteral("TAVILY_API_KEY"), QStringLiteral("tvly-test"));
        env.insert(QStringLiteral("GTM_TAVILY_URL"), server.baseUrl().toString());
        env.insert(QStringLiteral("GTM_RATE_LIMITS"), QStringLiteral("off"));
        env.insert(
            QStringLiteral("HOME"), m_dir.path()); // no saved settings or cache of the user's
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        // A cache per run: an earlier case's answers must not satisfy a later case's queries.
        env.insert(QStringLiteral("XDG_CACHE_HOME"),
            m_dir.filePath(QStringLiteral("cache-%1").arg(++m_environments)));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        // Never the user's keychain: without a session bus the CLI runs without saved keys.
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        return env;
    }

    QString strategiesFile()
    {
        return write(QStringLiteral("strategies.json"),
            R"({"strategies":[{"channel":"google_search","query_template":"{DOMAIN} fraud detection AI","relevance_score":0.9},
                                       {"channel":"google_search","query_template":"{DOMAIN} machine learning team","relevance_score":0.8}]})");
    }

    static QList<QJsonObject> events(const QByteArray &out)
    {
        QList<QJsonObject> list;
        for (const QByteArray &line : out.split('\n'))
            if (!line.trimmed().isEmpty())
                list << QJsonDocument::fromJson(line).object();
        return list;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void badArguments_exitWith2_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString d = QStringLiteral("domains.txt");
        QTest::addRow("nothing") << QStringList {};
        QTest::addRow("no domains")
            << QStringList { QStringLiteral("--goal"), QStringLiteral("AI") };
        QTest::addRow("no goal") << QStringList { QStringLiteral("--domains"), d };
        QTest::addRow("unknown option") << QStringList { QStringLiteral("--goal"),
            QStringLiteral("AI"), QStringLiteral("--domains"), d, QStringLiteral("--fast") };
        QTest::addRow("parallel 0") << QStringList { QStringLiteral("--goal"), QStringLiteral("AI"),
            QStringLiteral("--domains"), d, QStringLiteral("--max-parallel"), QStringLiteral("0") };
        QTest::addRow("threshold 2") << QStringList { QStringLiteral("--goal"),
            QStringLiteral("AI"), QStringLiteral("--domains"), d, QStringLiteral("--threshold"),
            QStringLiteral("2") };
        QTest::addRow("depth") << QStringList { QStringLiteral("--goal"), QStringLiteral("AI"),
            QStringLiteral("--domains"), d, QStringLiteral("--depth"), QStringLiteral("deep") };
        QTest::addRow("sources") << QStringList { QStringLiteral("--goal"), QStringLiteral("AI"),
            QStringLiteral("--domains"), d, QStringLiteral("--sources"),
            QStringLiteral("google_search,twitter") };
        QTest::addRow("analyzer") << QStringList { QStringLiteral("--goal"), QStringLiteral("AI"),
            QStringLiteral("--domains"), d, QStringLiteral("--analyzer"), QStringLiteral("magic") };
        QTest::addRow("llm") << QStringList { QStringLiteral("--goal"), QStringLiteral("AI"),
            QStringLiteral("--domains"), d, QStringLiteral("--llm"), QStringLiteral("claude") };
        QTest::addRow("resume and goal") << QStringList { QStringLiteral("--resume"),
            QStringLiteral("x.gtmr"), QStringLiteral("--goal"), QStringLiteral("AI") };
        QTest::addRow("no valid domain") << QStringList { QStringLiteral("--goal"),
            QStringLiteral("AI"), QStringLiteral("--domains"), QStringLiteral("bad.txt") };
        QTest::addRow("bad strategies") << QStringList { QStringLiteral("--goal"),
            QStringLiteral("AI"), QStringLiteral("--domains"), d, QStringLiteral("--strategies"),
            QStringLiteral("bad.json") };
    }
    void badArguments_exitWith2()
    {
        QFETCH(QStringList, args);
        write(QStringLiteral("domains.txt"), "acme.com\n");
        write(QStringLiteral("bad.txt"), "not a domain\n# comment\n");
        write(QStringLiteral("bad.json"), R"({"strategies":[{"channel":"google_search"}]})");
        for (QString &a : args)
            if (a.endsWith(u".txt") || a.endsWith(u".json"))
                a = m_dir.filePath(a);
        const Result r = run(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.size() > 10, r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void run_withStrategiesFile_streamsTheSeedsEvents()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/search"), tavilyAnswer);
        const QString domains
            = write(QStringLiteral("d.txt"), "acme.com\nglobex.com\ninitech.com\n");
        const Result r = run(
            { QStringLiteral("--goal"), QStringLiteral("AI for fraud detection"),
                QStringLiteral("--domains"), domains, QStringLiteral("--strategies"),
                strategiesFile(), QStringLiteral("--sources"), QStringLiteral("google_search"),
                QStringLiteral("--events"), QStringLiteral("--no-cache"),
                QStringLiteral("--all-queries") }, // the seed sent every query
            fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.requestCount(QStringLiteral("/search")), 6);

        const auto list = events(r.out);
        QVERIFY(list.size() >= 2);
        QCOMPARE(list.constFirst().value(u"type").toString(), QStringLiteral("pipeline_start"));
        QCOMPARE(list.constFirst().value(u"total_queries").toInt(), 6);
        QCOMPARE(list.constLast().value(u"type").toString(), QStringLiteral("pipeline_complete"));
        QList<int> progress;
        QStringList analyzed;
        int evidenceComplete = 0, analysisStart = 0;
        for (const auto &e : list) {
            const QString type = e.value(u"type").toString();
            if (type == u"evidence_progress")
                progress << e.value(u"progress").toInt();
            else if (type == u"domain_analyzed") {
                analyzed << e.value(u"domain").toString();
                QCOMPARE(e.value(u"status").toString(), QStringLiteral("done"));
                QCOMPARE(e.value(u"evidence_count").toInt(), 4);
            } else if (type == u"evidence_complete")
                ++evidenceComplete;
            else if (type == u"analysis_start")
                ++analysisStart;
        }
        QCOMPARE(progress, (QList<int> { 25, 50, 75, 100 }));
        analyzed.sort();
        QCOMPARE(analyzed,
            (QStringList { QStringLiteral("acme.com"), QStringLiteral("globex.com"),
                QStringLiteral("initech.com") }));
        QCOMPARE(evidenceComplete, 1);
        QCOMPARE(analysisStart, 1);
        QCOMPARE(list.constLast().value(u"total_evidence").toInt(), 12);
        // The API key never shows up in what the CLI prints.
        QVERIFY(!r.out.contains("tvly-test"));
        QVERIFY(!r.err.contains("tvly-test"));
    }

    // A rejected key or a spent quota stops the LLM for the run: asked once, then the offline
    // analyzer answers for every company, and each row's errors say why (--json, --events).
    // The error bodies are the documented ones (see tests/llm/tst_llmclients.cpp for sources).
    void llmKeyOrQuotaError_stopsTheLlmOnceAndEveryRowSaysWhy_data()
    {
        QTest::addColumn<QString>("llm");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason");
        QTest::newRow("gemini API_KEY_INVALID")
            << QStringLiteral("gemini") << 400
            << QByteArray(
                   R"({"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}})")
            << QStringLiteral("API key not valid");
        QTest::newRow("openai 401")
            << QStringLiteral("openai") << 401
            << QByteArray(
                   R"({"error":{"message":"Incorrect API key provided: sk-bad. You can find your API key at https:\/\/platform.openai.com\/account\/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})")
            << QStringLiteral("Incorrect API key provided");
        QTest::newRow("openai insufficient_quota")
            << QStringLiteral("openai") << 429
            << QByteArray(
                   R"({"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}})")
            << QStringLiteral("exceeded your current quota");
        QTest::newRow("openai insufficient_quota, code null")
            << QStringLiteral("openai") << 429
            << QByteArray(
                   R"({"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":null}})")
            << QStringLiteral("exceeded your current quota");
    }

    void llmKeyOrQuotaError_stopsTheLlmOnceAndEveryRowSaysWhy()
    {
        QFETCH(QString, llm);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/search"), tavilyAnswer);
        const QString llmPath
            = llm == u"gemini" ? QStringLiteral("/v1beta/") : QStringLiteral("/v1/chat/");
        server.route(llmPath,
            [body, status](const FakeRequest &) { return FakeResponse::json(body, status); });
        QProcessEnvironment env = fakeEnvironment(server);
        env.insert(QStringLiteral("GEMINI_API_KEY"), QStringLiteral("AIza-bad"));
        env.insert(QStringLiteral("GTM_GEMINI_URL"), server.baseUrl().toString());
        env.insert(QStringLiteral("OPENAI_API_KEY"), QStringLiteral("sk-bad"));
        env.insert(QStringLiteral("GTM_OPENAI_URL"), server.baseUrl().toString());
        const QString domains
            = write(QStringLiteral("llm.txt"), "acme.com\nglobex.com\ninitech.com\n");
        const QString json = m_dir.filePath(
            QStringLiteral("llm-%1.json").arg(qHash(QByteArray(QTest::currentDataTag()))));
        // One analysis at a time, so that "asked once" does not depend on timing.
        const Result r = run(
            { QStringLiteral("--goal"), QStringLiteral("AI for fraud detection"),
                QStringLiteral("--domains"), domains, QStringLiteral("--strategies"),
                strategiesFile(), QStringLiteral("--sources"), QStringLiteral("google_search"),
                QStringLiteral("--analyzer"), QStringLiteral("llm"), QStringLiteral("--llm"), llm,
                QStringLiteral("--max-parallel"), QStringLiteral("1"), QStringLiteral("--events"),
                QStringLiteral("--json"), json, QStringLiteral("--no-cache") },
            env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.requestCount(llmPath), 1);

        int analyzed = 0;
        for (const auto &e : events(r.out)) {
            if (e.value(u"type").toString() != u"domain_analyzed")
                continue;
            ++analyzed;
            QCOMPARE(e.value(u"status").toString(), QStringLiteral("done"));
            const QJsonObject errors = e.value(u"errors").toObject();
            QCOMPARE(errors.size(), 1);
            const QString why = errors.begin().value().toString();
            QVERIFY2(errors.begin().key().startsWith(llm + u':'), qPrintable(errors.begin().key()));
            QVERIFY2(why.contains(reason), qPrintable(why));
        }
        QCOMPARE(analyzed, 3);

        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray results
            = QJsonDocument::fromJson(f.readAll()).object().value(u"results").toArray();
        QCOMPARE(results.size(), 3);
        for (const QJsonValue &v : results) {
            const QJsonObject errors = v.toObject().value(u"errors").toObject();
            QCOMPARE(errors.size(), 1);
            QVERIFY(errors.begin().value().toString().contains(reason));
        }
        // Said once on stderr, where the stop happened.
        QCOMPARE(QString::fromUtf8(r.err).count(QStringLiteral("stopped for this run")), 1);
        QVERIFY(!r.err.contains("sk-bad") && !r.out.contains("sk-bad"));
        QVERIFY(!r.err.contains("AIza-bad") && !r.out.contains("AIza-bad"));
    }

    void domainsFromStdin_reportRejectedLinesWithNumbers()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/search"), tavilyAnswer);
        const Result r
            = run({ QStringLiteral("--goal"), QStringLiteral("AI"), QStringLiteral("--domains"),
                      QStringLiteral("-"), QStringLiteral("--strategies"), strategiesFile(),
                      QStringLiteral("--sources"), QStringLiteral("google_search"),
                      QStringLiteral("--no-cache"), QStringLiteral("--all-queries") },
                fakeEnvironment(server), "acme.com\nthis is not a domain\nglobex.com\n");
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("stdin:2: rejected"), r.err.constData());
        QCOMPARE(server.requestCount(QStringLiteral("/search")), 4);
        QVERIFY(r.out.isEmpty()); // without --events stdout stays clean
    }

    void noSourceCanRun_exitsWith1()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        const QString domains = write(QStringLiteral("d1.txt"), "acme.com\n");
        const Result r = run(
            { QStringLiteral("--goal"), QStringLiteral("AI"), QStringLiteral("--domains"), domains,
                QStringLiteral("--strategies"), strategiesFile(), QStringLiteral("--sources"),
                QStringLiteral("google_search"), QStringLiteral("--no-cache") },
            fakeEnvironment(server, false));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("No source could run"));
        QCOMPARE(server.requestCount(), 0);
    }

    void interrupt_cancelsAndExitsWith1()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/search"), [](const FakeRequest &) {
            FakeResponse hang;
            hang.action = FakeResponse::Action::Hang;
            return hang;
        });
        const QString domains = write(QStringLiteral("d2.txt"), "acme.com\nglobex.com\n");
        const Result r
            = run({ QStringLiteral("--goal"), QStringLiteral("AI"), QStringLiteral("--domains"),
                      domains, QStringLiteral("--strategies"), strategiesFile(),
                      QStringLiteral("--sources"), QStringLiteral("google_search"),
                      QStringLiteral("--events"), QStringLiteral("--no-cache") },
                fakeEnvironment(server), {}, [&server](QProcess &p) {
                    QTRY_VERIFY_WITH_TIMEOUT(server.inFlight() > 0, 10000);
                    p.terminate();
                });
        QCOMPARE(r.exitCode, 1);
        const auto list = events(r.out);
        QVERIFY(!list.isEmpty());
        QCOMPARE(list.constLast().value(u"type").toString(), QStringLiteral("pipeline_complete"));
        int cancelled = 0;
        for (const auto &e : list)
            cancelled += e.value(u"status").toString() == u"cancelled";
        QCOMPARE(cancelled, 2);
    }

    // A CRM export given to --domains goes through the GUI's importer: the domain column is
    // found, "Plaid, Inc." stays one cell, and the other columns come back in the results.
    void crmExport_asDomains_keepsItsColumnsThroughSessionAndResume()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        QStringList queried;
        server.route(QStringLiteral("/search"), [&queried](const FakeRequest &r) {
            queried << QJsonDocument::fromJson(r.body).object().value(u"query").toString().section(
                u' ', 0, 0);
            return tavilyAnswer(r);
        });
        const QString crm = qEnvironmentVariable("GTM_TEST_DATA")
            + QStringLiteral("/storage/hubspot_companies.csv");
        const QString out = m_dir.filePath(QStringLiteral("crm-results.csv"));
        const QString session = m_dir.filePath(QStringLiteral("crm.gtmr"));
        Result r = run(
            { QStringLiteral("--goal"), QStringLiteral("AI"), QStringLiteral("--domains"), crm,
                QStringLiteral("--strategies"), strategiesFile(), QStringLiteral("--sources"),
                QStringLiteral("google_search"), QStringLiteral("--no-cache"),
                QStringLiteral("--out"), out, QStringLiteral("--session"), session },
            fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.err.contains("rejected"), r.err.constData());
        queried.sort();
        queried.removeDuplicates();
        QCOMPARE(queried,
            (QStringList { QStringLiteral("brex.com"), QStringLiteral("plaid.com"),
                QStringLiteral("stripe.com") }));

        const auto checkCsv = [&out] {
            QFile f(out);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QList<QByteArray> lines = f.readAll().split('\n');
            QCOMPARE(lines.at(0).trimmed(),
                QByteArray("domain,confidence,match,technologies,signals,evidence_count,"
                           "evidence_sources,top_evidence_url,status,error,"
                           "Record ID,Company name,Website URL,Create Date"));
            QVERIFY2(lines.at(2).startsWith("plaid.com,"), lines.at(2).constData());
            QVERIFY2(lines.at(2).trimmed().endsWith(
                         ",102,\"Plaid, Inc.\",https://plaid.com/about,2025-01-03 11:00"),
                lines.at(2).constData());
        };
        checkCsv();
        QVERIFY(QFile::remove(out));

        // The session carries the columns: a resumed run (nothing left to do) writes them too.
        r = run({ QStringLiteral("--resume"), session, QStringLiteral("--no-cache"),
                    QStringLiteral("--out"), out },
            fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        checkCsv();
    }

    void goalFacets_editedFile_isKeptInTheSessionForResume()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/search"), tavilyAnswer);
        const QString goal = QStringLiteral("Companies running Kubernetes in production");
        const GoalModel edited { goal, { facet(FacetKind::Industry, QStringLiteral("fintech")) } };
        const QString facets
            = write(QStringLiteral("facets.json"), QJsonDocument(edited.toJson()).toJson());
        const QString session = m_dir.filePath(QStringLiteral("facets.gtmr"));
        const QString json = m_dir.filePath(QStringLiteral("facets-out.json"));
        const auto facetsInOutput = [&json] {
            QFile f(json);
            return f.open(QIODevice::ReadOnly)
                ? QJsonDocument::fromJson(f.readAll()).object().value(u"goal_facets").toObject()
                : QJsonObject();
        };
        Result r = run({ QStringLiteral("--goal"), goal, QStringLiteral("--domains"),
                           write(QStringLiteral("facets-domains.txt"), "acme.com\nglobex.com\n"),
                           QStringLiteral("--strategies"), strategiesFile(),
                           QStringLiteral("--sources"), QStringLiteral("google_search"),
                           QStringLiteral("--no-cache"), QStringLiteral("--goal-facets"), facets,
                           QStringLiteral("--session"), session, QStringLiteral("--json"), json },
            fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains(edited.summary().toUtf8()), r.err.constData());
        QCOMPARE(facetsInOutput(), edited.toJson());

        // Resumed without --goal-facets: the session's edit judges, not the goal's text.
        QVERIFY(QFile::remove(json));
        r = run({ QStringLiteral("--resume"), session, QStringLiteral("--no-cache"),
                    QStringLiteral("--json"), json },
            fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains(edited.summary().toUtf8()), r.err.constData());
        QCOMPARE(facetsInOutput(), edited.toJson());
    }

    // The queries follow the edited facets, not the goal's text: the role the user added is
    // searched on Hacker News, the round the user removed is not asked of the news.
    void goalFacets_editedFile_decidesTheQueriesSent()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/v2/everything"), [](const FakeRequest &) {
            return FakeResponse::json(R"({"status":"ok","totalResults":0,"articles":[]})");
        });
        server.route(QStringLiteral("/api/v1/search"), [](const FakeRequest &) {
            return FakeResponse::json(R"({"hits":[],"nbHits":0,"page":0,"nbPages":0})");
        });
        const QString goal = QStringLiteral("Fintech companies that raised a Series B");
        const GoalModel edited { goal,
            { facet(FacetKind::Industry, QStringLiteral("fintech")),
                facet(FacetKind::HiringRole, QStringLiteral("data engineer")) } };
        QProcessEnvironment env = fakeEnvironment(server);
        env.insert(QStringLiteral("NEWS_API_KEY"), QStringLiteral("news-test"));
        env.insert(QStringLiteral("GTM_NEWSAPI_URL"), server.baseUrl().toString());
        env.insert(QStringLiteral("GTM_HN_URL"), server.baseUrl().toString());
        const Result r = run(
            { QStringLiteral("--goal"), goal, QStringLiteral("--domains"),
                write(QStringLiteral("edited-domains.txt"), "acme.com\n"),
                QStringLiteral("--sources"), QStringLiteral("news_search,hackernews"),
                QStringLiteral("--depth"), QStringLiteral("quick"), QStringLiteral("--all-queries"),
                QStringLiteral("--no-cache"), QStringLiteral("--goal-facets"),
                write(QStringLiteral("edited-facets.json"),
                    QJsonDocument(edited.toJson()).toJson()) },
            env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList news;
        for (const FakeRequest &q : server.requests(QStringLiteral("/v2/everything")))
            news << q.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        QVERIFY2(!news.isEmpty(), r.err.constData());
        QVERIFY2(!news.join(u'|').contains(QStringLiteral("raises")), qPrintable(news.join(u'|')));
        QStringList hn;
        for (const FakeRequest &q : server.requests(QStringLiteral("/api/v1/search")))
            hn << q.query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
        // Hacker News is asked the company and the query's first three words.
        QVERIFY2(hn.contains(QStringLiteral("Acme hiring data")), qPrintable(hn.join(u'|')));
    }

    void endlessInput_isCutAtTheCapWithAMessage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<int>("exitCode"); // a session that cannot be read is 1, as a damaged one
        // /dev/zero never ends: before the cap, both read until memory ran out.
        QTest::addRow("--domains") << QStringList { QStringLiteral("--goal"), QStringLiteral("AI"),
            QStringLiteral("--domains"), QStringLiteral("/dev/zero") }
                                   << QByteArray("/dev/zero is larger than 128 MB") << 2;
        QTest::addRow("--resume")
            << QStringList { QStringLiteral("--resume"), QStringLiteral("/dev/zero") }
            << QByteArray("too large to be a GTM Research session (more than 256 MB)") << 1;
    }
    void endlessInput_isCutAtTheCapWithAMessage()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        QFETCH(int, exitCode);
        const Result r = run(args << QStringLiteral("--no-cache"));
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), r.err.constData());
    }

    void crmExport_withoutDomainColumn_exitsWith2NamingTheColumns()
    {
        const QString crm = qEnvironmentVariable("GTM_TEST_DATA")
            + QStringLiteral("/storage/no_domain_column.csv");
        const Result r = run({ QStringLiteral("--goal"), QStringLiteral("AI"),
            QStringLiteral("--domains"), crm, QStringLiteral("--no-cache") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("Name, Phone, City"), r.err.constData());
        QVERIFY2(r.err.contains("--domain-column"), r.err.constData());
    }

    void estimate_printsTheCostAndSendsNothing()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/"), tavilyAnswer);
        const QString domains
            = write(QStringLiteral("estimate.txt"), "acme.com\nglobex.com\ninitech.com\n");
        QProcessEnvironment env = fakeEnvironment(server);
        for (const char *url : { "GTM_NEWSAPI_URL", "GTM_GREENHOUSE_URL", "GTM_LEVER_URL",
                 "GTM_ASHBY_URL", "GTM_HN_URL", "GTM_GEMINI_URL", "GTM_OPENAI_URL" })
            env.insert(QString::fromLatin1(url), server.baseUrl().toString());
        env.insert(QStringLiteral("GTM_WEBSITE_URL"),
            server.baseUrl().toString() + QStringLiteral("/site/{domain}"));
        env.insert(QStringLiteral("GTM_RATE_LIMITS"), QStringLiteral("tavily=60"));
        const Result r
            = run({ QStringLiteral("--goal"), QStringLiteral("AI for fraud detection"),
                      QStringLiteral("--domains"), domains, QStringLiteral("--strategies"),
                      strategiesFile(), QStringLiteral("--estimate") },
                env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("3 companies x 2 strategies: 6 queries"), r.out.constData());
        QVERIFY2(r.out.contains("Tavily: 6 queries, "), r.out.constData());
        // Six searches at 60 a minute: six seconds.
        QVERIFY2(r.out.contains("about 6 s"), r.out.constData());
        QTest::qWait(200);
        QCOMPARE(server.requestCount(), 0);
    }

    // Quick searches cost one credit each: a budget of 3 lets 3 of the 6 through, the rest
    // are skipped as "budget spent", every company keeps its row and the summary says so.
    void budget_capsTheProviderAndTheSummarySaysWhatWasLeftOut()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/search"), tavilyAnswer);
        const QString domains
            = write(QStringLiteral("budget.txt"), "acme.com\nglobex.com\ninitech.com\n");
        const QString out = m_dir.filePath(QStringLiteral("budget.csv"));
        const Result r = run(
            { QStringLiteral("--goal"), QStringLiteral("AI"), QStringLiteral("--domains"), domains,
                QStringLiteral("--strategies"), strategiesFile(), QStringLiteral("--sources"),
                QStringLiteral("google_search"), QStringLiteral("--depth"), QStringLiteral("quick"),
                QStringLiteral("--max-parallel"), QStringLiteral("1"), QStringLiteral("--budget"),
                QStringLiteral("tavily=3"), QStringLiteral("--no-cache"), QStringLiteral("--all-queries"), QStringLiteral("--out"),
                out },
            fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.requestCount(QStringLiteral("/search")), 3);
        QVERIFY2(r.err.contains("tavily: 3 of 3 credits spent, 3 queries left out (budget spent)"),
            r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed().split('\n').size(), 4); // header + every company

        const Result bad
            = run({ QStringLiteral("--goal"), QStringLiteral("AI"), QStringLiteral("--domains"),
                domains, QStringLiteral("--budget"), QStringLiteral("tavily=many") });
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains("--budget"), bad.err.constData());
    }

    // --all-queries is kept in the session; a resume may switch it on for the rest of the run.
    void allQueries_isSavedInTheSessionAndAResumeCanTurnItOn()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/search"), tavilyAnswer);
        const QString domains = write(QStringLiteral("all.txt"), "acme.com\nglobex.com\n");
        const auto savedAllQueries = [](const QString &path) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return QJsonValue();
            return QJsonDocument::fromJson(f.readAll())
                .object()
                .value(u"request")
                .toObject()
                .value(u"all_queries");
        };
        const auto runTo = [&](const QString &session, const QStringList &extra) {
            return run(QStringList { QStringLiteral("--goal"), QStringLiteral("AI"),
                           QStringLiteral("--domains"), domains, QStringLiteral("--strategies"),
                           strategiesFile(), QStringLiteral("--sources"),
                           QStringLiteral("google_search"), QStringLiteral("--no-cache"),
                           QStringLiteral("--session"), session }
                    + extra,
                fakeEnvironment(server));
        };
        const QString all = m_dir.filePath(QStringLiteral("all.gtmr"));
        Result r = runTo(all, { QStringLiteral("--all-queries") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(savedAllQueries(all), QJsonValue(true));

        const QString some = m_dir.filePath(QStringLiteral("some.gtmr"));
        r = runTo(some, {});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(savedAllQueries(some), QJsonValue(false));

        const QString resumed = m_dir.filePath(QStringLiteral("resumed.gtmr"));
        r = run({ QStringLiteral("--resume"), some, QStringLiteral("--all-queries"),
                    QStringLiteral("--no-cache"), QStringLiteral("--session"), resumed },
            fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(savedAllQueries(resumed), QJsonValue(true));
    }

    // Free first by default: once Tavily's first answer has decided a company, its second
    // query is not sent, and the summary says so; --all-queries sends every query.
    void freeFirst_sendsWhatTheVerdictNeedsAndAllQueriesSendsEverything()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(QStringLiteral("/search"), tavilyAnswer);
        const QString domains = write(QStringLiteral("free.txt"), "acme.com\nglobex.com\n");
        const QString json = m_dir.filePath(QStringLiteral("free.json"));
        const QStringList args { QStringLiteral("--goal"), QStringLiteral("AI for fraud detection"),
            QStringLiteral("--domains"), domains, QStringLiteral("--strategies"), strategiesFile(),
            QStringLiteral("--sources"), QStringLiteral("google_search"),
            QStringLiteral("--no-cache"), QStringLiteral("--json"), json };
        Result r = run(args, fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.requestCount(QStringLiteral("/search")), 2);
        QVERIFY2(r.err.contains("Free first: 2 paid queries not sent (decided by free sources)"),
            r.err.constData());
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject response = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(response.value(u"metrics").toObject().value(u"paid_queries_saved").toInt(), 2);
        for (const QJsonValue &row : response.value(u"results").toArray()) {
            QCOMPARE(row.toObject().value(u"skipped_queries").toInt(), 1);
            QCOMPARE(row.toObject().value(u"skipped_reason").toString(),
                QStringLiteral("decided by free sources"));
            QCOMPARE(row.toObject().value(u"errors").toObject(), QJsonObject());
        }

        r = run(args + QStringList { QStringLiteral("--all-queries") }, fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.requestCount(QStringLiteral("/search")), 2 + 4);
        QVERIFY2(!r.err.contains("Free first"), r.err.constData());
    }

    // Two runs of the same goal: --resume NEW (nothing left to run) --compare OLD writes what
    // changed, and no request is sent.
    void compare_writesNewAndLostMatchesAndMoves()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        const auto session = [this](const QString &name, const QList<double> &confidences) {
            const QStringList domains { QStringLiteral("acme.com"), QStringLiteral("globex.com"),
                QStringLiteral("initech.com") };
            QJsonArray results;
            QJsonArray finished;
            for (int i = 0; i < domains.size(); ++i) {
                results.append(QJsonObject { { QStringLiteral("domain"), domains.at(i) },
                    { QStringLiteral("status"), QStringLiteral("done") },
                    { QStringLiteral("confidence_score"), confidences.at(i) } });
                finished.append(QString(domains.at(i) + QStringLiteral("|0")));
            }
            const QJsonObject root { { QStringLiteral("format"),
                                         QStringLiteral("gtm-research-session") },
                { QStringLiteral("version"), 1 },
                { QStringLiteral("request"),
                    QJsonObject { { QStringLiteral("goal"), QStringLiteral("AI") },
                        { QStringLiteral("domains"), QJsonArray::fromStringList(domains) },
                        { QStringLiteral("sources"),
                            QJsonArray { QStringLiteral("google_search") } } } },
                { QStringLiteral("strategies"),
                    QJsonArray { QJsonObject {
                        { QStringLiteral("channel"), QStringLiteral("google_search") },
                        { QStringLiteral("query_template"), QStringLiteral("{DOMAIN} ai") },
                        { QStringLiteral("relevance_score"), 0.9 } } } },
                { QStringLiteral("results"), results },
                { QStringLiteral("finished_queries"), finished } };
            return write(name, QJsonDocument(root).toJson());
        };
        const QString before = session(QStringLiteral("before.gtmr"), { 0.9, 0.2, 0.5 });
        const QString after = session(QStringLiteral("after.gtmr"), { 0.4, 0.8, 0.6 });
        const QString out = m_dir.filePath(QStringLiteral("changes.csv"));
        const Result r
            = run({ QStringLiteral("--resume"), after, QStringLiteral("--compare"), before,
                      QStringLiteral("--compare-out"), out, QStringLiteral("--no-cache") },
                fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(server.requestCount(), 0);
        QVERIFY2(r.err.contains("1 new matches, 1 lost, 1 up, 0 down"), r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QCOMPARE(
            lines.at(1).trimmed(), QByteArray("globex.com,new_match,0.200,0.800,0.600,done,done"));
        QCOMPARE(
            lines.at(2).trimmed(), QByteArray("acme.com,lost_match,0.900,0.400,-0.500,done,done"));
        QCOMPARE(lines.at(3).trimmed(), QByteArray("initech.com,up,0.500,0.600,0.100,done,done"));
    }

    // A finished run where one company's searches failed: --retry-failed sends just those.
    void retryFailed_runsOnlyTheFailedQueries()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        QStringList queried;
        server.route(QStringLiteral("/search"), [&queried](const FakeRequest &r) {
            queried << QJsonDocument::fromJson(r.body).object().value(u"query").toString();
            return tavilyAnswer(r);
        });
        const auto result = [](const QString &domain, const QString &status, double confidence,
                                const QJsonObject &errors) {
            return QJsonObject { { QStringLiteral("domain"), domain },
                { QStringLiteral("status"), status },
                { QStringLiteral("confidence_score"), confidence },
                { QStringLiteral("errors"), errors } };
        };
        const QJsonObject root { { QStringLiteral("format"),
                                     QStringLiteral("gtm-research-session") },
            { QStringLiteral("version"), 1 },
            { QStringLiteral("request"),
                QJsonObject { { QStringLiteral("goal"), QStringLiteral("AI for fraud detection") },
                    { QStringLiteral("domains"),
                        QJsonArray { QStringLiteral("acme.com"), QStringLiteral("globex.com") } },
                    { QStringLiteral("sources"),
                        QJsonArray { QStringLiteral("google_search") } },
                    { QStringLiteral("all_queries"), true } } },
            { QStringLiteral("strategies"),
                QJsonArray {
                    QJsonObject { { QStringLiteral("channel"), QStringLiteral("google_search") },
                        { QStringLiteral("query_template"),
                            QStringLiteral("{DOMAIN} fraud detection AI") },
                        { QStringLiteral("relevance_score"), 0.9 } },
                    QJsonObject { { QStringLiteral("channel"), QStringLiteral("google_search") },
                        { QStringLiteral("query_template"),
                            QStringLiteral("{DOMAIN} machine learning team") },
                        { QStringLiteral("relevance_score"), 0.8 } } } },
            { QStringLiteral("results"),
                QJsonArray { result(QStringLiteral("acme.com"), QStringLiteral("done"), 0.42, {}),
                    result(QStringLiteral("globex.com"), QStringLiteral("failed"), 0.0,
                        QJsonObject { { QStringLiteral("Tavily"),
                            QStringLiteral("HTTP 503 after 4 attempts") } }) } },
            { QStringLiteral("finished_queries"),
                QJsonArray { QStringLiteral("acme.com|0"), QStringLiteral("acme.com|1"),
                    QStringLiteral("globex.com|0"), QStringLiteral("globex.com|1") } } };
        const QString session = write(QStringLiteral("failed.gtmr"), QJsonDocument(root).toJson());
        const QString out = m_dir.filePath(QStringLiteral("retried.csv"));
        const Result r
            = run({ QStringLiteral("--resume"), session, QStringLiteral("--retry-failed"),
                      QStringLiteral("--no-cache"), QStringLiteral("--out"), out },
                fakeEnvironment(server));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        queried.sort();
        QCOMPARE(queried,
            (QStringList { QStringLiteral("globex.com fraud detection AI"),
                QStringLiteral("globex.com machine learning team") }));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QVERIFY2(lines.at(1).startsWith("acme.com,0.420,false,"), lines.at(1).constData());
        QVERIFY2(lines.at(2).startsWith("globex.com,") && lines.at(2).contains(",done,"),
            lines.at(2).constData());

        const Result bad = run({ QStringLiteral("--goal"), QStringLiteral("AI"),
            QStringLiteral("--domains"), session, QStringLiteral("--retry-failed") });
        QCOMPARE(bad.exitCode, 2);
    }

    // What the GUI saved is where the CLI starts; the environment overrides it.
    void savedSettings_areUsed_andTheEnvironmentWins()
    {
        FakeHttpServer saved;
        FakeHttpServer fromEnv;
        QVERIFY(saved.listen());
        QVERIFY(fromEnv.listen());
        saved.route(QStringLiteral("/search"),
            [](const FakeRequest &r) { return tavilyAnswer(r).withDelay(100); });
        fromEnv.route(QStringLiteral("/search"), tavilyAnswer);

        const QString config = m_dir.filePath(QStringLiteral("saved-config"));
        {
            // Where the GUI keeps its settings on Linux, written the way the GUI writes them.
            gtm::AppSettings settings(config + QStringLiteral("/GTM Research/GTM Research.conf"));
            settings.setBaseUrl(QStringLiteral("tavily"), saved.baseUrl());
            settings.setLimits(QStringLiteral("tavily"), gtm::ProviderLimits { 1, 0 });
            settings.sync();
        }
        const QString domains = write(QStringLiteral("saved.txt"), "acme.com\nglobex.com\n");
        const QStringList args { QStringLiteral("--goal"), QStringLiteral("AI"),
            QStringLiteral("--domains"), domains, QStringLiteral("--strategies"), strategiesFile(),
            QStringLiteral("--sources"), QStringLiteral("google_search"),
            QStringLiteral("--no-cache"), QStringLiteral("--all-queries") };

        QProcessEnvironment env = fakeEnvironment(fromEnv);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        env.remove(QStringLiteral("GTM_TAVILY_URL"));
        Result r = run(args, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(saved.requestCount(QStringLiteral("/search")), 4);
        QCOMPARE(fromEnv.requestCount(QStringLiteral("/search")), 0);
        // The saved "parallel" value of the source holds on the wire.
        QCOMPARE(saved.peakConcurrency(QStringLiteral("/search")), 1);
        QVERIFY(!r.err.contains("tvly-test"));
        // No keychain here: said once, and not a failure.
        QVERIFY2(r.err.count("keychain") <= 1, r.err.constData());

        env.insert(QStringLiteral("GTM_TAVILY_URL"), fromEnv.baseUrl().toString());
        r = run(args, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(fromEnv.requestCount(QStringLiteral("/search")), 4);
        QCOMPARE(saved.requestCount(QStringLiteral("/search")), 4);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
