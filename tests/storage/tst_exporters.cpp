#include "StorageTestData.h"
#include "storage/CsvImport.h"
#include "storage/Exporters.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gtm;

namespace {

const QStringList kResultColumns {
    QStringLiteral("domain"),
    QStringLiteral("confidence"),
    QStringLiteral("match"),
    QStringLiteral("technologies"),
    QStringLiteral("signals"),
    QStringLiteral("evidence_count"),
    QStringLiteral("evidence_sources"),
    QStringLiteral("top_evidence_url"),
    QStringLiteral("status"),
    QStringLiteral("error"),
};

QByteArray resultsCsv(const QList<CompanyResult> &results, const CsvOptions &options = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeResultsCsv(&buffer, results, options, &error))
        qWarning("%s", qPrintable(error));
    return bytes;
}

QByteArray evidenceCsv(const QList<CompanyResult> &results, const CsvOptions &options = {})
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeEvidenceCsv(&buffer, results, options, &error))
        qWarning("%s", qPrintable(error));
    return bytes;
}

CsvTable parse(const QByteArray &bytes)
{
    QString error;
    auto table = readCsv(bytes, &error);
    if (!table)
        qWarning("%s", qPrintable(error));
    return table.value_or(CsvTable {});
}

// A company whose evidence came from pages written by someone hostile.
CompanyResult hostileCompany()
{
    CompanyResult c;
    c.domain = QStringLiteral("evil.example");
    c.status = CompanyStatus::Done;
    c.confidence = 0.9;
    c.technologies = { QStringLiteral("=HYPERLINK(\"http://evil.example/x\",\"Click\")"),
        QStringLiteral("Kafka") };
    c.signalsFound = { { QStringLiteral("+cmd|' /C calc'!A0"), { 0 } },
        { QStringLiteral("uses \"ML\", at scale"), { 1 } } };
    c.evidence = {
        test::evidenceItem(QStringLiteral("https://evil.example/a"),
            QStringLiteral("@SUM(1+1)*cmd|' /C calc'!A0"),
            QStringLiteral("Line one,\r\nline \"two\"\nZürich — 東京 🚀"), QStringLiteral("Tavily")),
        test::evidenceItem(QStringLiteral("https://evil.example/b"),
            QStringLiteral("-2+3+cmd|' /C calc'!A0"), QStringLiteral("\tindented"),
            QStringLiteral("NewsAPI")),
        test::evidenceItem(QStringLiteral("https://evil.example/c"), QStringLiteral("\rcarriage"),
            QStringLiteral("＝1+1"), QStringLiteral("Tavily")),
    };
    c.evidenceSources = { QStringLiteral("Tavily"), QStringLiteral("NewsAPI") };
    c.errors.insert(QStringLiteral("Greenhouse"), QStringLiteral("HTTP 404"));
    c.errors.insert(QStringLiteral("Lever"), QStringLiteral("=timeout"));
    return c;
}

QList<CompanyResult> mixedResults()
{
    CompanyResult high;
    high.domain = QStringLiteral("high.com");
    high.status = CompanyStatus::Done;
    high.confidence = 0.7;
    CompanyResult low;
    low.domain = QStringLiteral("low.com");
    low.status = CompanyStatus::NoEvidence;
    low.confidence = 0.6999;
    CompanyResult failed;
    failed.domain = QStringLiteral("failed.com");
    failed.status = CompanyStatus::Failed;
    failed.errors.insert(QStringLiteral("Tavily"), QStringLiteral("HTTP 401: invalid key"));
    failed.errors.insert(QStringLiteral("NewsAPI"), QStringLiteral("rate limited"));
    return { high, low, failed, hostileCompany() };
}

} // namespace

class TestExporters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultsCsv_hasTheDesignColumnsInOrder()
    {
        const CsvTable table = parse(resultsCsv(mixedResults()));
        QCOMPARE(table.header, kResultColumns);
        QCOMPARE(resultsCsvColumns(), kResultColumns);
        QCOMPARE(table.rows.size(), 4);
        for (const auto &row : table.rows)
            QCOMPARE(row.size(), kResultColumns.size());
    }

    void resultsCsv_rowValues()
    {
        const CsvTable table = parse(resultsCsv(mixedResults()));
        QCOMPARE(table.rows.at(0),
            (QStringList { QStringLiteral("high.com"), QStringLiteral("0.700"),
                QStringLiteral("true"), {}, {}, QStringLiteral("0"), {}, {}, QStringLiteral("done"),
                {} }));
        // 0.6999 shows as 0.700 but is below 0.7: match is decided on the value, not the text.
        QCOMPARE(table.rows.at(1).at(2), QStringLiteral("false"));
        QCOMPARE(table.rows.at(1).at(8), QStringLiteral("no_evidence"));
        QCOMPARE(table.rows.at(2).at(8), QStringLiteral("failed"));
        QCOMPARE(table.rows.at(2).at(9),
            QStringLiteral("NewsAPI: rate limited; Tavily: HTTP 401: invalid key"));
    }

    void topEvidenceUrl_isASentenceThatCounted()
    {
        CompanyResult c;
        c.domain = QStringLiteral("acme.io");
        c.status = CompanyStatus::Done;
        c.evidence = {
            test::evidenceItem(QStringLiteral("https://acme.io/blog/leaving-kubernetes"),
                QStringLiteral("Why we left Kubernetes"), QString(), QStringLiteral("Website")),
            test::evidenceItem(QStringLiteral("https://acme.io/jobs/sre"),
                QStringLiteral("SRE (EKS)"), QString(), QStringLiteral("Greenhouse")),
        };
        GoalSignal rejected { QStringLiteral("Not counted for uses Kubernetes: past use"), { 0 } };
        rejected.counted = false;
        c.signalsFound = { rejected, { QStringLiteral("uses Kubernetes"), { 1 } } };
        QCOMPARE(parse(resultsCsv({ c })).rows.at(0).at(7),
            QStringLiteral("https://acme.io/jobs/sre"));

        // Nothing counted: the first page found, not the one quoted against the company.
        rejected.evidenceIndexes = { 1 };
        c.signalsFound = { rejected };
        QCOMPARE(parse(resultsCsv({ c })).rows.at(0).at(7),
            QStringLiteral("https://acme.io/blog/leaving-kubernetes"));
    }

    void hostileEvidence_isNeutralisedAndQuoted()
    {
        const QByteArray bytes = resultsCsv({ hostileCompany() });
        const CsvTable table = parse(bytes);
        QCOMPARE(table.rows.size(), 1);
        const QStringList row = table.rows.at(0);
        QCOMPARE(row.at(0), QStringLiteral("evil.example"));
        QCOMPARE(row.at(1), QStringLiteral("0.900"));
        QCOMPARE(
            row.at(3), QStringLiteral("'=HYPERLINK(\"http://evil.example/x\",\"Click\"); Kafka"));
        QCOMPARE(row.at(4), QStringLiteral("'+cmd|' /C calc'!A0; uses \"ML\", at scale"));
        QCOMPARE(row.at(5), QStringLiteral("3"));
        QCOMPARE(row.at(6), QStringLiteral("Tavily; NewsAPI"));
        QCOMPARE(
            row.at(7), QStringLiteral("https://evil.example/a")); // the first signal's evidence
        QCOMPARE(row.at(9), QStringLiteral("Greenhouse: HTTP 404; Lever: =timeout"));
        // On the wire: the quotes are doubled inside a quoted field.
        QVERIFY(
            bytes.contains("\"'=HYPERLINK(\"\"http://evil.example/x\"\",\"\"Click\"\"); Kafka\""));
    }

    void evidenceCsv_oneNeutralisedRowPerEvidenceItem()
    {
        const QByteArray bytes = evidenceCsv({ hostileCompany() });
        const CsvTable table = parse(bytes);
        QCOMPARE(table.header,
            (QStringList { QStringLiteral("domain"), QStringLiteral("source"),
                QStringLiteral("title"), QStringLiteral("url"), QStringLiteral("snippet") }));
        QCOMPARE(table.rows.size(), 3);
        QCOMPARE(table.rows.at(0),
            (QStringList { QStringLiteral("evil.example"), QStringLiteral("Tavily"),
                QStringLiteral("'@SUM(1+1)*cmd|' /C calc'!A0"),
                QStringLiteral("https://evil.example/a"),
                QStringLiteral("Line one,\r\nline \"two\"\nZürich — 東京 🚀") }));
        QCOMPARE(table.rows.at(1).at(2), QStringLiteral("'-2+3+cmd|' /C calc'!A0"));
        QCOMPARE(table.rows.at(1).at(4), QStringLiteral("'\tindented"));
        QCOMPARE(table.rows.at(2).at(2), QStringLiteral("'\rcarriage"));
        QCOMPARE(table.rows.at(2).at(4), QStringLiteral("'＝1+1"));
        // Unicode is UTF-8 on disk.
        QVERIFY(bytes.contains(QStringLiteral("Zürich — 東京 🚀").toUtf8()));
    }

    void records_endWithCrLf()
    {
        const QByteArray bytes = evidenceCsv({ hostileCompany() });
        QVERIFY(bytes.startsWith("domain,source,title,url,snippet\r\n"));
        QVERIFY(bytes.endsWith("\r\n"));
        // Outside quotes every line break is CRLF: count records by CRLF after a closing field.
        QCOMPARE(bytes.count("\r\nevil.example,"), 3);
    }

    void neutraliseCell_rules_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("expected");
        QTest::newRow("equals") << QStringLiteral("=1+1") << QStringLiteral("'=1+1");
        QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("minus") << QStringLiteral("-x") << QStringLiteral("'-x");
        QTest::newRow("negative number") << QStringLiteral("-1") << QStringLiteral("'-1");
        QTest::newRow("at") << QStringLiteral("@cmd") << QStringLiteral("'@cmd");
        QTest::newRow("tab") << QStringLiteral("\tx") << QStringLiteral("'\tx");
        QTest::newRow("cr") << QStringLiteral("\rx") << QStringLiteral("'\rx");
        QTest::newRow("full-width equals") << QStringLiteral("＝1") << QStringLiteral("'＝1");
        QTest::newRow("later equals") << QStringLiteral("a=1") << QStringLiteral("a=1");
        QTest::newRow("space first") << QStringLiteral(" =1") << QStringLiteral(" =1");
        QTest::newRow("number") << QStringLiteral("0.830") << QStringLiteral("0.830");
        QTest::newRow("empty") << QString() << QString();
    }

    void neutraliseCell_rules()
    {
        QFETCH(QString, cell);
        QFETCH(QString, expected);
        QCOMPARE(neutraliseCell(cell), expected);
    }

    void byteOrderMark_onlyWhenAsked()
    {
        QVERIFY(resultsCsv(mixedResults()).startsWith("domain,"));
        CsvOptions options;
        options.byteOrderMark = true;
        const QByteArray bytes = resultsCsv(mixedResults(), options);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"
                                 "domain,confidence,"));
        QCOMPARE(bytes.count("\xEF\xBB\xBF"), 1);
        QCOMPARE(parse(bytes).header, kResultColumns);
        QVERIFY(evidenceCsv({ hostileCompany() }, options)
                    .startsWith("\xEF\xBB\xBF"
                                "domain,source,"));
    }

    void matchesOnly_keepsRowsAtOrAboveThreshold()
    {
        CsvOptions options;
        options.matchesOnly = true;
        options.threshold = 0.7;
        const CsvTable table = parse(resultsCsv(mixedResults(), options));
        QCOMPARE(table.header, kResultColumns);
        QStringList domains;
        for (const auto &row : table.rows)
            domains << row.at(0);
        QCOMPARE(
            domains, (QStringList { QStringLiteral("high.com"), QStringLiteral("evil.example") }));

        options.threshold = 0.95;
        QCOMPARE(parse(resultsCsv(mixedResults(), options)).rows.size(), 0);
        QCOMPARE(parse(evidenceCsv(mixedResults(), options)).rows.size(), 0);
        options.threshold = 0.9;
        QCOMPARE(parse(evidenceCsv(mixedResults(), options)).rows.size(), 3);
    }

    void crmColumns_followTheAppsColumns_withTheirOwnNames()
    {
        CsvOptions options;
        options.crm.columns = { QStringLiteral("Record ID"), QStringLiteral("Company"),
            QStringLiteral("domain"), QStringLiteral("Notes") };
        options.crm.byDomain.insert(QStringLiteral("evil.example"),
            { QStringLiteral("7"), QStringLiteral("Evil, Inc."), QStringLiteral("www.evil.example"),
                QStringLiteral("=1+1") });
        const CsvTable table = parse(resultsCsv(mixedResults(), options));
        QCOMPARE(table.header, kResultColumns + options.crm.columns);
        QCOMPARE(table.rows.size(), mixedResults().size());
        for (const QStringList &row : table.rows) {
            QCOMPARE(row.size(), table.header.size());
            if (row.at(0) == u"evil.example")
                QCOMPARE(row.mid(kResultColumns.size()),
                    (QStringList { QStringLiteral("7"), QStringLiteral("Evil, Inc."),
                        QStringLiteral("www.evil.example"), QStringLiteral("'=1+1") }));
            else // a domain the CRM did not list
                QCOMPARE(row.mid(kResultColumns.size()), QStringList(4, QString()));
        }
        // Without CRM columns the header is the design's.
        QCOMPARE(parse(resultsCsv(mixedResults())).header, kResultColumns);
    }

    void crmColumns_inTheJsonPerResult()
    {
        RunState state;
        state.request.domains = { QStringLiteral("evil.example") };
        state.request.crm.columns = { QStringLiteral("Record ID") };
        state.request.crm.byDomain.insert(QStringLiteral("evil.example"), { QStringLiteral("7") });
        state.results = { hostileCompany() };
        const QJsonObject json = researchResponseJson(state, QStringLiteral("id"));
        QCOMPARE(json.value(u"results").toArray().at(0).toObject().value(u"crm").toObject(),
            (QJsonObject { { QStringLiteral("Record ID"), QStringLiteral("7") } }));
    }

    void saveResultsCsv_writesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QString error;
        QVERIFY2(saveResultsCsv(path, mixedResults(), {}, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), resultsCsv(mixedResults()));
        QVERIFY(!saveResultsCsv(
            dir.filePath(QStringLiteral("missing/out.csv")), mixedResults(), {}, &error));
        QVERIFY(error.contains(QStringLiteral("out.csv")));
    }

    void researchResponseJson_hasTheSeedShape()
    {
        RunState state = test::sampleRunState();
        const QJsonObject json = researchResponseJson(state, QStringLiteral("run-42"));
        QCOMPARE(json.value(QStringLiteral("research_id")).toString(), QStringLiteral("run-42"));
        QCOMPARE(json.value(QStringLiteral("total_companies")).toInt(), 3);
        QCOMPARE(json.value(QStringLiteral("search_strategies_generated")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("total_searches_executed")).toInt(), 6);
        QCOMPARE(json.value(QStringLiteral("processing_time_ms")).toInteger(), 4321);
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("incomplete"));
        const QJsonObject perf = json.value(QStringLiteral("search_performance")).toObject();
        QCOMPARE(perf.value(QStringLiteral("queries_per_second")).toDouble(), 0.75);
        QCOMPARE(perf.value(QStringLiteral("failed_requests")).toInt(), 1);
        QCOMPARE(json.value(QStringLiteral("analyzer")).toString(), QStringLiteral("heuristic"));
        QCOMPARE(json.value(QStringLiteral("errors"))
                     .toObject()
                     .value(QStringLiteral("Greenhouse"))
                     .toString(),
            QStringLiteral("circuit open after 5 failures"));
        QVERIFY(json.value(QStringLiteral("metrics")).isObject());

        const QJsonArray results = json.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 3);
        const QJsonObject stripe = results.at(0).toObject();
        QCOMPARE(stripe.value(QStringLiteral("domain")).toString(), QStringLiteral("stripe.com"));
        QCOMPARE(stripe.value(QStringLiteral("confidence_score")).toDouble(), 0.83);
        QCOMPARE(stripe.value(QStringLiteral("evidence_sources")).toInt(), 2);
        QCOMPARE(stripe.value(QStringLiteral("status")).toString(), QStringLiteral("done"));
        QCOMPARE(stripe.value(QStringLiteral("match")).toBool(), true); // request threshold 0.65
        const QJsonObject findings = stripe.value(QStringLiteral("findings")).toObject();
        QCOMPARE(findings.value(QStringLiteral("technologies")).toArray(),
            (QJsonArray { QStringLiteral("TensorFlow"), QStringLiteral("Kafka") }));
        QCOMPARE(findings.value(QStringLiteral("signals_found")).toInt(), 1);
        const QJsonObject firstEvidence
            = findings.value(QStringLiteral("evidence")).toArray().at(0).toObject();
        QCOMPARE(firstEvidence.keys(),
            (QStringList { QStringLiteral("snippet"), QStringLiteral("source_name"),
                QStringLiteral("title"), QStringLiteral("url") }));
        QCOMPARE(firstEvidence.value(QStringLiteral("url")).toString(),
            QStringLiteral("https://stripe.com/radar"));
        QCOMPARE(results.at(1)
                     .toObject()
                     .value(QStringLiteral("errors"))
                     .toObject()
                     .value(QStringLiteral("Greenhouse"))
                     .toString(),
            QStringLiteral("HTTP 503 after 4 attempts"));

        for (auto &r : state.results)
            r.status = CompanyStatus::Done;
        QCOMPARE(researchResponseJson(state, {}).value(QStringLiteral("status")).toString(),
            QStringLiteral("completed"));
    }
};

QTEST_GUILESS_MAIN(TestExporters)
#include "tst_exporters.moc"
