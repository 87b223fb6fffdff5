#include "StorageTestData.h"
#include "goal/GoalModel.h"
#include "storage/Exporters.h"
#include "storage/SessionFile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace gtm;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

QByteArray validSessionBytes()
{
    return sessionToJson(test::sampleRunState());
}

// Every object key anywhere in the document.
void collectKeys(const QJsonValue &value, QStringList &keys)
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            keys << it.key();
            collectKeys(it.value(), keys);
        }
    } else if (value.isArray()) {
        for (const auto &v : value.toArray())
            collectKeys(v, keys);
    }
}

} // namespace

class TestSessionFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveThenLoad_givesIdenticalRunState()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.gtmr"));
        const RunState state = test::sampleRunState();
        QString error;
        QVERIFY2(saveSession(path, state, &error), qPrintable(error));

        SessionMeta meta;
        const auto loaded = loadSession(path, &error, &meta);
        QVERIFY2(loaded, qPrintable(error));
        test::compareRunStates(*loaded, state);
        QCOMPARE(meta.version, 1);
        QVERIFY(meta.savedAt.isValid());
        QVERIFY(qAbs(meta.savedAt.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        QVERIFY(!meta.appVersion.isEmpty());
    }

    void savedFile_isLaidOutAsQJsonDocumentWouldWriteIt()
    {
        // Written a company at a time, but byte for byte what one QJsonDocument would give:
        // with rows and without, so that empty arrays and nesting are covered.
        RunState empty = test::sampleRunState();
        empty.results.clear();
        empty.finishedQueries.clear();
        empty.strategies.clear();
        for (const RunState &state : { test::sampleRunState(), empty }) {
            const QByteArray bytes = sessionToJson(state);
            QJsonParseError parse;
            const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parse);
            QCOMPARE(parse.error, QJsonParseError::NoError);
            QCOMPARE(bytes, doc.toJson(QJsonDocument::Indented));
        }
    }

    void crmColumns_surviveTheSessionFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("crm.gtmr"));
        RunState state = test::sampleRunState();
        state.request.crm.columns
            = { QStringLiteral("Record ID"), QStringLiteral("Company"), QStringLiteral("Owner") };
        state.request.crm.byDomain.insert(QStringLiteral("stripe.com"),
            { QStringLiteral("101"), QStringLiteral("Stripe, Inc."), QStringLiteral("Jane Doe") });
        state.request.crm.byDomain.insert(QStringLiteral("adyen.com"),
            { QStringLiteral("102"), QStringLiteral("Adyen N.V."), QString() });
        QString error;
        QVERIFY2(saveSession(path, state, &error), qPrintable(error));
        const auto loaded = loadSession(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(loaded->request.crm.columns, state.request.crm.columns);
        QCOMPARE(loaded->request.crm.valuesFor(QStringLiteral("stripe.com")),
            state.request.crm.valuesFor(QStringLiteral("stripe.com")));
        QCOMPARE(loaded->request.crm.valuesFor(QStringLiteral("klarna.com")),
            (QStringList { QString(), QString(), QString() }));
        test::compareRunStates(*loaded, state);

        // A session without CRM columns does not grow the field.
        QVERIFY(saveSession(path, test::sampleRunState(), &error));
        QVERIFY(!readAll(path).contains("\"crm\""));
    }

    void crmColumns_ofTheWrongShape_areRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.gtmr"));
        QJsonObject root = QJsonDocument::fromJson(sessionToJson(test::sampleRunState())).object();
        QJsonObject request = root.value(u"request").toObject();
        request.insert(QStringLiteral("crm"),
            QJsonObject { { QStringLiteral("columns"), QJsonArray { QStringLiteral("Owner") } },
                { QStringLiteral("records"),
                    QJsonObject { { QStringLiteral("stripe.com"),
                        QJsonArray { QStringLiteral("a"), QStringLiteral("b") } } } } });
        root.insert(QStringLiteral("request"), request);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(root).toJson());
        f.close();
        QString error;
        QVERIFY(!loadSession(path, &error));
        QVERIFY2(error.contains(QStringLiteral("crm.records.stripe.com")), qPrintable(error));
    }

    void editedGoalFacets_surviveTheSessionFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("facets.gtmr"));
        RunState state = test::sampleRunState();
        GoalModel edited;
        edited.text = state.request.goal;
        GoalFacet industry;
        industry.kind = FacetKind::Industry;
        industry.value = QStringLiteral("fintech");
        GoalFacet funding;
        funding.kind = FacetKind::Funding;
        funding.minStage = 2;
        funding.withinMonths = 12;
        edited.facets << industry << funding;
        state.request.goalFacets = edited.toJson();
        QString error;
        QVERIFY2(saveSession(path, state, &error), qPrintable(error));
        const auto loaded = loadSession(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(GoalModel::fromJson(loaded->request.goalFacets, &error), std::optional(edited));
        test::compareRunStates(*loaded, state);

        // Facets read from the goal's text are not written: the file says only what was edited.
        QVERIFY(saveSession(path, test::sampleRunState(), &error));
        QVERIFY(!readAll(path).contains("\"goal_facets\""));
        QVERIFY(loadSession(path, &error)->request.goalFacets.isEmpty());
    }

    void editedGoalFacets_ofTheWrongShape_areRefusedAndNamed_data()
    {
        QTest::addColumn<QJsonValue>("facets");
        QTest::addColumn<QString>("named");
        QTest::newRow("not an object")
            << QJsonValue(QStringLiteral("fintech")) << QStringLiteral("goal_facets");
        QTest::newRow("facets not a list")
            << QJsonValue(QJsonObject { { QStringLiteral("facets"), QStringLiteral("x") } })
            << QStringLiteral("request.goal_facets: \"facets\" must be an array");
        QTest::newRow("unknown kind") << QJsonValue(QJsonObject { { QStringLiteral("facets"),
            QJsonArray { QJsonObject { { QStringLiteral("kind"), QStringLiteral("vibes") },
                { QStringLiteral("value"), QStringLiteral("x") } } } } })
                                      << QStringLiteral("request.goal_facets: facets[0]");
    }

    void editedGoalFacets_ofTheWrongShape_areRefusedAndNamed()
    {
        QFETCH(QJsonValue, facets);
        QFETCH(QString, named);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.gtmr"));
        QJsonObject root = QJsonDocument::fromJson(sessionToJson(test::sampleRunState())).object();
        QJsonObject request = root.value(u"request").toObject();
        request.insert(QStringLiteral("goal_facets"), facets);
        root.insert(QStringLiteral("request"), request);
        const QByteArray bytes = QJsonDocument(root).toJson();
        writeAll(path, bytes);
        QString error;
        QVERIFY(!loadSession(path, &error));
        QVERIFY2(error.contains(named), qPrintable(error));
        QCOMPARE(readAll(path), bytes);
    }

    void saveTwice_sameStateGivesSameRunAndResaveOfLoadedIsStable()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.gtmr"));
        const QString b = dir.filePath(QStringLiteral("b.gtmr"));
        QString error;
        QVERIFY(saveSession(a, test::sampleRunState(), &error));
        const auto loaded = loadSession(a, &error);
        QVERIFY(loaded);
        QVERIFY(saveSession(b, *loaded, &error));
        // Everything but the save time is identical byte for byte.
        const auto withoutSavedAt = [](QByteArray bytes) {
            QJsonObject o = QJsonDocument::fromJson(bytes).object();
            o.remove(QStringLiteral("saved_at"));
            return QJsonDocument(o).toJson();
        };
        QCOMPARE(withoutSavedAt(readAll(b)), withoutSavedAt(readAll(a)));
    }

    void savedFile_isTheDocumentedVersionedJson()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.gtmr"));
        QString error;
        QVERIFY(saveSession(path, test::sampleRunState(), &error));
        const QJsonObject root = QJsonDocument::fromJson(readAll(path)).object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(),
            QStringLiteral("gtm-research-session"));
        QCOMPARE(root.value(QStringLiteral("version")).toInt(), 1);
        for (const char *key : { "request", "strategies", "results", "finished_queries", "metrics",
                 "saved_at", "app_version" })
            QVERIFY2(root.contains(QLatin1String(key)), key);
        const QJsonArray finished = root.value(QStringLiteral("finished_queries")).toArray();
        QCOMPARE(finished.size(), 3);
        QCOMPARE(finished.at(0).toString(), QStringLiteral("adyen.com|0")); // sorted, stable diffs
        const QJsonObject first = root.value(QStringLiteral("results")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("evidence")).toArray().size(), 2);
        QCOMPARE(first.value(QStringLiteral("domain")).toString(), QStringLiteral("stripe.com"));
    }

    void unreadableFile_isRefusedAndLeftUntouched_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");

        const QByteArray valid = validSessionBytes();
        QTest::newRow("empty") << QByteArray() << QStringLiteral("is empty");
        QTest::newRow("whitespace only") << QByteArray("  \n\n") << QStringLiteral("is empty");
        QTest::newRow("truncated") << valid.left(valid.size() / 2) << QStringLiteral("incomplete");
        QTest::newRow("truncated at the last brace")
            << valid.left(valid.lastIndexOf('}')) << QStringLiteral("incomplete");
        QByteArray corrupt = valid;
        corrupt.replace(corrupt.indexOf("\"results\""), 9, "\"results ");
        QTest::newRow("corrupt") << corrupt << QStringLiteral("damaged");
        QByteArray binary("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        for (int i = 0; i < 512; ++i)
            binary.append(char((i * 37) & 0xff));
        QTest::newRow("binary") << binary << QStringLiteral("binary");
        QTest::newRow("latin-1 text")
            << QByteArray("{\"format\":\"caf\xe9\"}") << QStringLiteral("binary");

        QJsonObject future = QJsonDocument::fromJson(valid).object();
        future.insert(QStringLiteral("version"), 3);
        future.insert(QStringLiteral("something_new"), QJsonArray { 1, 2 });
        QTest::newRow("newer version")
            << QJsonDocument(future).toJson()
            << QStringLiteral("This session was written by a newer GTM Research (format 3); this "
                              "version reads up to 1");

        QJsonObject zero = QJsonDocument::fromJson(valid).object();
        zero.insert(QStringLiteral("version"), 0);
        QTest::newRow("version zero")
            << QJsonDocument(zero).toJson() << QStringLiteral("format version");
        for (const double huge : { 1e300, -1e300, 3e9 }) {
            QJsonObject big = QJsonDocument::fromJson(valid).object();
            big.insert(QStringLiteral("version"), huge);
            QTest::newRow(qPrintable(QStringLiteral("version %1").arg(huge)))
                << QJsonDocument(big).toJson() << QStringLiteral("format version");
        }
        QJsonObject text = QJsonDocument::fromJson(valid).object();
        text.insert(QStringLiteral("version"), QStringLiteral("1"));
        QTest::newRow("version as text")
            << QJsonDocument(text).toJson() << QStringLiteral("format version");

        QTest::newRow("strategies file")
            << QByteArray(R"({"strategies":[{"channel":"website","query_template":"x"}]})")
            << QStringLiteral("not a GTM Research session");
        QTest::newRow("json array")
            << QByteArray("[1,2,3]") << QStringLiteral("not a GTM Research session");

        QJsonObject badResult = QJsonDocument::fromJson(valid).object();
        QJsonArray results = badResult.value(QStringLiteral("results")).toArray();
        QJsonObject r0 = results.at(0).toObject();
        r0.insert(QStringLiteral("confidence_score"), QStringLiteral("high"));
        results.replace(0, r0);
        badResult.insert(QStringLiteral("results"), results);
        QTest::newRow("wrong field type")
            << QJsonDocument(badResult).toJson() << QStringLiteral("results[0]");

        // Domains are checked like typed ones: a file cannot aim the research at this machine.
        const QList<QPair<QString, QString>> badDomains {
            { QStringLiteral("127.0.0.1:18120"), QStringLiteral("IP address") },
            { QStringLiteral("10.0.0.7"), QStringLiteral("IP address") },
            { QStringLiteral("[fe80::1]"), QStringLiteral("IP address") },
            { QStringLiteral("localhost"), QStringLiteral("localhost") },
            { QStringLiteral("x/../../"), QStringLiteral("request.domains[1]") },
            { QStringLiteral("WWW.Stripe.com"), QStringLiteral("not written as a bare domain") },
            { QStringLiteral("stripe.com"), QStringLiteral("listed twice") },
        };
        for (const auto &[domain, message] : badDomains) {
            QJsonObject root = QJsonDocument::fromJson(valid).object();
            QJsonObject request = root.value(QStringLiteral("request")).toObject();
            QJsonArray domains = request.value(QStringLiteral("domains")).toArray();
            domains.insert(1, domain);
            request.insert(QStringLiteral("domains"), domains);
            root.insert(QStringLiteral("request"), request);
            QTest::newRow(qPrintable(QStringLiteral("domain %1").arg(domain)))
                << QJsonDocument(root).toJson() << message;
        }

        QJsonObject noRequest = QJsonDocument::fromJson(valid).object();
        noRequest.remove(QStringLiteral("request"));
        QTest::newRow("no request")
            << QJsonDocument(noRequest).toJson() << QStringLiteral("request");
    }

    void unreadableFile_isRefusedAndLeftUntouched()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.gtmr"));
        writeAll(path, bytes);
        const QDateTime before = QFileInfo(path).lastModified();
        const QStringList entriesBefore = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);

        QString error;
        QVERIFY(!loadSession(path, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("bad.gtmr")), qPrintable(error)); // says which file

        QCOMPARE(readAll(path), bytes);
        QCOMPARE(QFileInfo(path).lastModified(), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), entriesBefore);
    }

    void missingFile_isRefusedWithItsName()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!loadSession(dir.filePath(QStringLiteral("nowhere.gtmr")), &error));
        QVERIFY2(error.contains(QStringLiteral("nowhere.gtmr")), qPrintable(error));
    }

    void validFile_isNotModifiedByLoading()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.gtmr"));
        QString error;
        QVERIFY(saveSession(path, test::sampleRunState(), &error));
        const QByteArray before = readAll(path);
        const QDateTime modified = QFileInfo(path).lastModified();
        QVERIFY(loadSession(path, &error));
        QCOMPARE(readAll(path), before);
        QCOMPARE(QFileInfo(path).lastModified(), modified);
    }

    void failedSave_diskFull_leavesOldFileIntact()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.gtmr"));
        QString error;
        RunState small;
        small.request.goal = QStringLiteral("small");
        small.request.domains = { QStringLiteral("a.com") };
        QVERIFY(saveSession(path, small, &error));
        const QByteArray old = readAll(path);

        RunState big = test::sampleRunState();
        for (int i = 0; i < 200; ++i)
            big.results[0].evidence << test::evidenceItem(
                QStringLiteral("https://stripe.com/%1").arg(i), QStringLiteral("title %1").arg(i),
                QString(200, u'x'), QStringLiteral("Tavily"));

        // A file size limit makes the write fail as a full disk would, even for root.
        struct rlimit saved;
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &saved), 0);
        const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit limited = saved;
        limited.rlim_cur = rlim_t(old.size() + 512);
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &limited), 0);
        const bool ok = saveSession(path, big, &error);
        setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previousHandler);

        QVERIFY(!ok);
        QVERIFY2(error.contains(QStringLiteral("run.gtmr")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("previous file is unchanged")), qPrintable(error));
        QCOMPARE(readAll(path), old);
        QVERIFY(loadSession(path, &error));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
            QStringList { QStringLiteral("run.gtmr") });
    }

    void diskFull_isSaidInWords()
    {
        // /dev/full answers every write with ENOSPC, as a full disk does: the real error path
        // of Qt's file engine, without filling a disk.
        QFile full(QStringLiteral("/dev/full"));
        QVERIFY(full.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        errno = 0;
        QCOMPARE(full.write(QByteArray(4096, 'x')), -1);
        const QString why = describeWriteError(full.error(), errno, full.errorString());
        QVERIFY2(why.startsWith(QStringLiteral("the disk is full")), qPrintable(why));

        // The CSV export, streaming to a device, says the same.
        QFile csv(QStringLiteral("/dev/full"));
        QVERIFY(csv.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        QString error;
        QVERIFY(!writeResultsCsv(&csv, test::sampleRunState().results, CsvOptions {}, &error));
        QVERIFY2(error.contains(QStringLiteral("the disk is full")), qPrintable(error));
    }

    void failedSave_unwritableDirectory_leavesOldFileIntact()
    {
        if (::geteuid() == 0)
            QSKIP(
                "root writes into read-only directories; the disk-full case covers a failing save");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.gtmr"));
        QString error;
        QVERIFY(saveSession(path, test::sampleRunState(), &error));
        const QByteArray old = readAll(path);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        RunState other = test::sampleRunState();
        other.request.goal = QStringLiteral("changed");
        const bool ok = saveSession(path, other, &error);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(!ok);
        QVERIFY(!error.isEmpty());
        QCOMPARE(readAll(path), old);
    }

    void saveIntoMissingFolder_fails()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!saveSession(
            dir.filePath(QStringLiteral("no/such/run.gtmr")), test::sampleRunState(), &error));
        QVERIFY2(error.contains(QStringLiteral("run.gtmr")), qPrintable(error));
    }

    void largeSession_roundTrips()
    {
        // 2,000 companies with 10 evidence items each: a big day's run.
        RunState state = test::sampleRunState();
        state.request.domains.clear();
        state.results.clear();
        for (int c = 0; c < 2000; ++c) {
            CompanyResult r;
            r.domain = QStringLiteral("company%1.com").arg(c);
            r.status = CompanyStatus::Done;
            r.confidence = (c % 100) / 100.0;
            r.technologies = { QStringLiteral("Kafka"), QStringLiteral("TensorFlow") };
            for (int e = 0; e < 10; ++e)
                r.evidence << test::evidenceItem(
                    QStringLiteral("https://%1/page/%2").arg(r.domain).arg(e),
                    QStringLiteral("Title %1 of %2").arg(e).arg(r.domain), QString(300, u's'),
                    QStringLiteral("Tavily"));
            r.signalsFound = { { QStringLiteral("signal"), { 0, 3 } } };
            r.evidenceSources = { QStringLiteral("Tavily") };
            state.request.domains << r.domain;
            state.results << r;
            state.finishedQueries << RunState::queryKey(r.domain, 0)
                                  << RunState::queryKey(r.domain, 1);
        }

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.gtmr"));
        QElapsedTimer timer;
        timer.start();
        QString error;
        QVERIFY2(saveSession(path, state, &error), qPrintable(error));
        const qint64 saveMs = timer.restart();
        const auto loaded = loadSession(path, &error);
        const qint64 loadMs = timer.elapsed();
        qInfo("2,000 companies x 10 evidence: %lld KiB, saved in %lld ms, loaded in %lld ms",
            qlonglong(QFileInfo(path).size() / 1024), qlonglong(saveMs), qlonglong(loadMs));
        QVERIFY2(loaded, qPrintable(error));
        test::compareRunStates(*loaded, state);
    }

    void savedSession_holdsNoCredentials()
    {
        const QString newsKey = QStringLiteral("0123456789abcdef0123456789abcdef");
        const QString tavilyKey = QStringLiteral("tvly-dev-SECRET9876543210");
        RunState state = test::sampleRunState();
        state.results[1].evidence << test::evidenceItem(
            QStringLiteral("https://newsapi.org/v2/everything?q=adyen&apiKey=") + newsKey,
            QStringLiteral("Adyen in the news"), QStringLiteral("..."), QStringLiteral("NewsAPI"));
        state.results[1].evidence << test::evidenceItem(
            QStringLiteral("https://example.org/a?token=") + tavilyKey + QStringLiteral("&page=2"),
            QStringLiteral("t"), QStringLiteral("s"), QStringLiteral("Tavily"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.gtmr"));
        QString error;
        QVERIFY(saveSession(path, state, &error));
        const QByteArray bytes = readAll(path);
        QVERIFY(!bytes.contains(newsKey.toUtf8()));
        QVERIFY(!bytes.contains(tavilyKey.toUtf8()));
        QVERIFY(!bytes.contains("tvly-"));
        // The rest of the link still leads to the article.
        QVERIFY(bytes.contains("https://newsapi.org/v2/everything?q=adyen"));
        QVERIFY(bytes.contains("https://example.org/a?page=2"));

        QStringList keys;
        collectKeys(QJsonDocument::fromJson(bytes).object(), keys);
        QVERIFY(keys.size() > 50);
        static const QRegularExpression credentialName(
            QStringLiteral("^(api[_-]?key|key|token|access[_-]?token|auth|authorization|bearer)$|"
                           "secret|password|api_key"),
            QRegularExpression::CaseInsensitiveOption);
        for (const QString &key : std::as_const(keys))
            QVERIFY2(!credentialName.match(key).hasMatch(), qPrintable(key));
    }
};

QTEST_GUILESS_MAIN(TestSessionFile)
#include "tst_sessionfile.moc"
