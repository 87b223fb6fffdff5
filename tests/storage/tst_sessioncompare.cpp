#include "storage/CsvImport.h"
#include "storage/SessionCompare.h"

#include <QBuffer>
#include <QTest>

using namespace gtm;

namespace {

CompanyResult row(
    const QString &domain, double confidence, CompanyStatus status = CompanyStatus::Done)
{
    CompanyResult r;
    r.domain = domain;
    r.confidence = confidence;
    r.status = status;
    return r;
}

RunState run(const QList<CompanyResult> &results)
{
    RunState s;
    s.request.goal = QStringLiteral("AI for fraud detection");
    for (const CompanyResult &r : results)
        s.request.domains << r.domain;
    s.results = results;
    return s;
}

} // namespace

class TestSessionCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changes_areClassifiedAndOrdered()
    {
        const RunState before = run({ row(QStringLiteral("new.com"), 0.4),
            row(QStringLiteral("lost.com"), 0.9), row(QStringLiteral("up.com"), 0.1),
            row(QStringLiteral("bigup.com"), 0.1), row(QStringLiteral("same.com"), 0.5),
            row(QStringLiteral("gone.com"), 0.8), row(QStringLiteral("failednow.com"), 0.9) });
        const RunState after
            = run({ row(QStringLiteral("same.com"), 0.52), row(QStringLiteral("up.com"), 0.3),
                row(QStringLiteral("bigup.com"), 0.6), row(QStringLiteral("lost.com"), 0.6),
                row(QStringLiteral("new.com"), 0.75), row(QStringLiteral("added.com"), 0.2),
                row(QStringLiteral("failednow.com"), 0.0, CompanyStatus::Failed) });
        const QList<CompanyChange> changes = compareRuns(before, after, 0.7);

        QStringList order;
        QStringList kinds;
        for (const CompanyChange &c : changes) {
            order << c.domain;
            kinds << changeKindToString(c.kind);
        }
        QCOMPARE(order,
            (QStringList { QStringLiteral("new.com"), QStringLiteral("lost.com"),
                QStringLiteral("failednow.com"), QStringLiteral("bigup.com"),
                QStringLiteral("up.com"), QStringLiteral("same.com"), QStringLiteral("added.com"),
                QStringLiteral("gone.com") }));
        QCOMPARE(kinds,
            (QStringList { QStringLiteral("new_match"), QStringLiteral("lost_match"),
                QStringLiteral("lost_match"), QStringLiteral("up"), QStringLiteral("up"),
                QStringLiteral("same"), QStringLiteral("added"), QStringLiteral("removed") }));
        // A failed row has no confidence to compare.
        QVERIFY(!changes.at(2).newConfidence);
    }

    void changesCsv_hasSignedDeltasAndBothStatuses()
    {
        const QList<CompanyChange> changes = compareRuns(run({ row(QStringLiteral("a.com"), 0.9) }),
            run({ row(QStringLiteral("a.com"), 0.5) }), 0.7);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QString error;
        QVERIFY2(writeChangesCsv(&buffer, changes, &error), qPrintable(error));
        const auto table = readCsv(bytes, &error);
        QVERIFY2(table, qPrintable(error));
        QCOMPARE(table->header,
            (QStringList { QStringLiteral("domain"), QStringLiteral("change"),
                QStringLiteral("old_confidence"), QStringLiteral("new_confidence"),
                QStringLiteral("delta"), QStringLiteral("old_status"),
                QStringLiteral("new_status") }));
        QCOMPARE(table->rows.at(0),
            (QStringList { QStringLiteral("a.com"), QStringLiteral("lost_match"),
                QStringLiteral("0.900"), QStringLiteral("0.500"), QStringLiteral("-0.400"),
                QStringLiteral("done"), QStringLiteral("done") }));
    }
};

QTEST_GUILESS_MAIN(TestSessionCompare)
#include "tst_sessioncompare.moc"
