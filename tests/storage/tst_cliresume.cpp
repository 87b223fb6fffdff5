// End to end through the real CLI binary: an interrupted run resumed from its session file,
// and a second run served from the response cache. The fake Tavily runs in this process.
#include "FakeHttpServer.h"
#include "storage/CsvImport.h"
#include "storage/SessionFile.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace gtm;
using namespace gtm::test;

namespace {

const QStringList kDomains {
    QStringLiteral("stripe.com"),
    QStringLiteral("adyen.com"),
    QStringLiteral("klarna.com"),
    QStringLiteral("plaid.com"),
    QStringLiteral("brex.com"),
    QStringLiteral("ramp.com"),
};
constexpr int kStrategies = 2;
constexpr int kQueries = 6 * kStrategies;

QString queryOf(const FakeRequest &request)
{
    return QJsonDocument::fromJson(request.body).object().value(QStringLiteral("query")).toString();
}

QString domainIn(const QString &query)
{
    for (const QString &d : kDomains)
        if (query.contains(d))
            return d;
    return {};
}

// One result on the company's own site, with a URL unique to the query, so that a company's
// evidence count is the number of its queries that were answered.
FakeResponse tavilyAnswer(const FakeRequest &request)
{
    const QString query = queryOf(request);
    const QString domain = domainIn(query);
    const QByteArray slug
        = QCryptographicHash::hash(query.toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    const QJsonObject result {
        { QStringLiteral("title"),
            QStringLiteral("%1 fights fraud with machine learning, part %2")
                .arg(domain, QString::fromLatin1(slug)) },
        { QStringLiteral("url"),
            QStringLiteral("https://%1/blog/%2").arg(domain, QString::fromLatin1(slug)) },
        { QStringLiteral("content"),
            QStringLiteral("%1 uses machine learning and AI models for fraud detection (%2).")
                .arg(domain, query) },
        { QStringLiteral("score"), 0.9 },
    };
    const QJsonObject body { { QStringLiteral("query"), query },
        { QStringLiteral("results"), QJsonArray { result } },
        { QStringLiteral("response_time"), 0.01 } };
    return FakeResponse::json(QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestCliResume : public QObject
{
    Q_OBJECT

    QString m_cli = QStringLiteral(GTM_CLI_PATH);
    QTemporaryDir m_dir;
    FakeHttpServer m_fake;
    // Requests with an index at or above this hang (the "slow" part of the fake); -1: none do.
    int m_hangFrom = -1;
    int m_seen = 0;
    QStringList m_answered; // queries the fake answered, in order

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : { "NEWS_API_KEY", "GEMINI_API_KEY", "OPENAI_API_KEY" })
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("TAVILY_API_KEY"), QStringLiteral("test"));
        const QString base = m_fake.baseUrl().toString();
        // Everything points at the fake: nothing can leave the machine.
        for (const char *name :
            { "GTM_TAVILY_URL", "GTM_NEWSAPI_URL", "GTM_GREENHOUSE_URL", "GTM_LEVER_URL",
                "GTM_ASHBY_URL", "GTM_HN_URL", "GTM_GEMINI_URL", "GTM_OPENAI_URL" })
            env.insert(QString::fromLatin1(name), base);
        env.insert(QStringLiteral("GTM_WEBSITE_URL"), base + QStringLiteral("/site/{domain}"));
        // Settings, cache and autosave of the run under test stay in the test's folder.
        const QString home = path(QStringLiteral("home"));
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        return env;
    }

    QStringList runArguments(const QString &session, const QString &out, bool cache) const
    {
        QStringList args { QStringLiteral("--goal"),
            QStringLiteral("Find fintech companies using AI for fraud detection"),
            QStringLiteral("--domains"), path(QStringLiteral("domains.txt")),
            QStringLiteral("--strategies"), path(QStringLiteral("strategies.json")),
            QStringLiteral("--sources"), QStringLiteral("google_search"),
            QStringLiteral("--analyzer"), QStringLiteral("heuristic"), QStringLiteral("--llm"),
            QStringLiteral("none"), QStringLiteral("--max-parallel"), QStringLiteral("2"),
            QStringLiteral("--out"), out, QStringLiteral("--all-queries") };
        if (!session.isEmpty())
            args << QStringLiteral("--session") << session;
        if (!cache)
            args << QStringLiteral("--no-cache");
        return args;
    }

    // Runs the CLI to its end while the fake keeps serving (never blocks the event loop).
    // Returns the exit code; -1 if it crashed or did not end.
    int runToEnd(QProcess &process, const QStringList &args)
    {
        process.setProcessEnvironment(environment());
        process.start(m_cli, args);
        if (!process.waitForStarted(10000))
            return -1;
        (void)QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 90000);
        const bool ended = process.state() == QProcess::NotRunning
            && process.exitStatus() == QProcess::NormalExit;
        if (!ended || process.exitCode() != 0)
            qWarning("CLI stderr:\n%s", process.readAllStandardError().constData());
        if (!ended) {
            process.kill();
            process.waitForFinished(5000);
            return -1;
        }
        return process.exitCode();
    }

    CsvTable readTable(const QString &file)
    {
        QString error;
        auto table = readCsvFile(file, &error);
        if (!table)
            qWarning("%s", qPrintable(error));
        return table.value_or(CsvTable {});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(
            QFileInfo(m_cli).isExecutable(), qPrintable(m_cli + QStringLiteral(" is not built")));
        QProcess help;
        help.start(m_cli, { QStringLiteral("--help") });
        QVERIFY(help.waitForFinished(10000));
        const QByteArray text = help.readAllStandardOutput();
        for (const char *option :
            { "--session", "--resume", "--out", "--no-cache", "--strategies", "--sources" })
            QVERIFY2(text.contains(option), option);

        QVERIFY(m_fake.listen());
        m_fake.route(QStringLiteral("/search"), [this](const FakeRequest &request) {
            const int index = m_seen++;
            if (m_hangFrom >= 0 && index >= m_hangFrom) {
                FakeResponse hang;
                hang.action = FakeResponse::Action::Hang;
                return hang;
            }
            m_answered << queryOf(request);
            return tavilyAnswer(request);
        });

        writeFile(path(QStringLiteral("domains.txt")), kDomains.join(u'\n').toUtf8() + '\n');
        writeFile(path(QStringLiteral("strategies.json")),
            R"({"strategies":[
                       {"channel":"google_search","query_template":"site:{DOMAIN} fraud detection machine learning","relevance_score":0.9},
                       {"channel":"google_search","query_template":"{DOMAIN} AI fraud prevention","relevance_score":0.8}]})");
    }

    void init()
    {
        m_fake.resetStats();
        m_hangFrom = -1;
        m_seen = 0;
        m_answered.clear();
    }

    void killedRun_resumeRunsOnlyUnfinishedQueriesAndKeepsEveryDomain()
    {
        const QString session = path(QStringLiteral("killed.gtmr"));
        const QString out = path(QStringLiteral("resumed.csv"));

        // Phase 1: four queries answer (past the 25 % milestone, so the fourth is saved by the
        // autosave after a finished query, not by a milestone); every later one hangs.
        m_hangFrom = 4;
        QProcess first;
        first.setProcessEnvironment(environment());
        first.start(m_cli, runArguments(session, path(QStringLiteral("never.csv")), false));
        QVERIFY(first.waitForStarted(10000));
        const auto finishedInFile = [&]() -> qsizetype {
            QString error;
            const auto state = loadSession(session, &error);
            return state ? state->finishedQueries.size() : -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(finishedInFile() >= 4, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(m_fake.inFlight() > 0, 10000); // really in the middle of the run
        first.kill(); // SIGKILL: no handler, no last save
        QTRY_COMPARE_WITH_TIMEOUT(first.state(), QProcess::NotRunning, 10000);
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("never.csv"))));

        QString error;
        const auto killed = loadSession(session, &error);
        QVERIFY2(killed, qPrintable(error));
        QCOMPARE(killed->strategies.size(), kStrategies);
        QSet<QString> finishedBeforeKill;
        for (const QString &key : killed->finishedQueries) {
            const QString domain = key.section(u'|', 0, 0);
            const int strategy = key.section(u'|', 1).toInt();
            finishedBeforeKill.insert(killed->strategies.at(strategy).buildQuery(domain));
        }
        // The file says exactly what the fake answered.
        QCOMPARE(finishedBeforeKill, QSet<QString>(m_answered.cbegin(), m_answered.cend()));
        QCOMPARE(finishedBeforeKill.size(), 4);

        // Phase 2: resume from the file; the fake answers everything.
        m_hangFrom = -1;
        m_answered.clear();
        m_fake.resetStats();
        QProcess second;
        QCOMPARE(runToEnd(second,
                     { QStringLiteral("--resume"), session, QStringLiteral("--session"), session,
                         QStringLiteral("--out"), out, QStringLiteral("--no-cache") }),
            0);

        const QSet<QString> resumed(m_answered.cbegin(), m_answered.cend());
        QCOMPARE(resumed.size(), m_answered.size()); // nothing asked twice within the resume
        QVERIFY2(!resumed.intersects(finishedBeforeKill),
            "a query that had finished before the kill ran again");
        QCOMPARE(resumed.size() + finishedBeforeKill.size(), kQueries);

        // Every domain is in the CSV, and each kept the evidence of both its queries, those
        // answered before the kill included.
        const CsvTable table = readTable(out);
        QCOMPARE(table.header.value(0), QStringLiteral("domain"));
        const int evidenceColumn = int(table.header.indexOf(QStringLiteral("evidence_count")));
        QVERIFY(evidenceColumn > 0);
        QStringList domains;
        for (const auto &row : table.rows) {
            domains << row.value(0);
            QVERIFY2(row.value(evidenceColumn) == QString::number(kStrategies),
                qPrintable(row.join(u',')));
        }
        QCOMPARE(domains, kDomains);

        const auto final = loadSession(session, &error);
        QVERIFY2(final, qPrintable(error));
        QCOMPARE(final->finishedQueries.size(), kQueries);
    }

    void sessionAtTheHighestParallelLimit_resumes()
    {
        // The CLI once accepted --max-parallel up to 500 but refused to resume above 100.
        const QString session = path(QStringLiteral("wide.gtmr"));
        QStringList args = runArguments(session, path(QStringLiteral("wide.csv")), false);
        args[args.indexOf(QStringLiteral("--max-parallel")) + 1]
            = QString::number(ResearchRequest::MaxParallelSearches);
        QProcess first;
        QCOMPARE(runToEnd(first, args), 0);
        QProcess second;
        QCOMPARE(runToEnd(second,
                     { QStringLiteral("--resume"), session, QStringLiteral("--out"),
                         path(QStringLiteral("wide-resumed.csv")), QStringLiteral("--no-cache") }),
            0);
        QCOMPARE(readTable(path(QStringLiteral("wide-resumed.csv"))).rows.size(), kDomains.size());
    }

    void secondRunWithTheCache_makesNoRequests()
    {
        const QString firstOut = path(QStringLiteral("cache-first.csv"));
        const QString secondOut = path(QStringLiteral("cache-second.csv"));
        QProcess first;
        QCOMPARE(runToEnd(first, runArguments({}, firstOut, true)), 0);
        QCOMPARE(m_fake.requestCount(QStringLiteral("/search")), kQueries);
        QDirIterator files(path(QStringLiteral("home/cache")),
            { QStringLiteral("responses.sqlite") }, QDir::Files, QDirIterator::Subdirectories);
        QVERIFY2(files.hasNext(), "the CLI opened no response cache");

        m_fake.resetStats();
        QProcess second;
        const QString secondJson = path(QStringLiteral("cache-second.json"));
        QCOMPARE(runToEnd(second,
                     runArguments({}, secondOut, true) << QStringLiteral("--json") << secondJson),
            0);
        QCOMPARE(m_fake.requestCount(), 0);
        // The rep sees that the answers came from the cache.
        QFile json(secondJson);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonObject response = QJsonDocument::fromJson(json.readAll()).object();
        QCOMPARE(response.value(QStringLiteral("search_performance"))
                     .toObject()
                     .value(QStringLiteral("cache_hits"))
                     .toInt(),
            kQueries);

        // The same rows, from the cache.
        const CsvTable a = readTable(firstOut);
        const CsvTable b = readTable(secondOut);
        QCOMPARE(b.rows.size(), kDomains.size());
        QCOMPARE(b.rows, a.rows);

        // --no-cache goes to the wire again.
        m_fake.resetStats();
        QProcess third;
        QCOMPARE(
            runToEnd(third, runArguments({}, path(QStringLiteral("cache-third.csv")), false)), 0);
        QCOMPARE(m_fake.requestCount(QStringLiteral("/search")), kQueries);
    }
};

QTEST_GUILESS_MAIN(TestCliResume)
#include "tst_cliresume.moc"
