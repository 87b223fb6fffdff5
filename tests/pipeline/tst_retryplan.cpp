#include "pipeline/RetryPlan.h"

#include <QTest>

using namespace gtm;

namespace {

RunState finishedRun()
{
    RunState s;
    s.request.domains = { QStringLiteral("acme.com"), QStringLiteral("globex.com"),
        QStringLiteral("initech.com") };
    s.strategies = { { QStringLiteral("google_search"), QStringLiteral("{DOMAIN} a"), 0.9 },
        { QStringLiteral("news_search"), QStringLiteral("{DOMAIN} b"), 0.8 },
        { QStringLiteral("google_search"), QStringLiteral("{DOMAIN} c"), 0.7 } };
    for (const QString &d : s.request.domains) {
        CompanyResult r;
        r.domain = d;
        r.status = CompanyStatus::Done;
        r.confidence = 0.8;
        Evidence e;
        e.url = QStringLiteral("https://%1/").arg(d);
        r.evidence << e;
        s.results << r;
        for (int i = 0; i < 3; ++i)
            s.finishedQueries.insert(RunState::queryKey(d, i));
    }
    // globex: NewsAPI failed but Tavily found something; initech: failed outright.
    s.results[1].errors.insert(QStringLiteral("NewsAPI"), QStringLiteral("HTTP 500"));
    s.results[2].status = CompanyStatus::Failed;
    s.results[2].evidence.clear();
    s.results[2].errors.insert(QStringLiteral("Tavily"), QStringLiteral("HTTP 503"));
    return s;
}

const QHash<QString, QString> kChannels { { QStringLiteral("Tavily"),
                                              QStringLiteral("google_search") },
    { QStringLiteral("NewsAPI"), QStringLiteral("news_search") } };

} // namespace

class TestRetryPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedQueries_onlyTheFailingSourcesRunAgain()
    {
        RunState s = finishedRun();
        QCOMPARE(requeueFailedQueries(s, kChannels), 3);
        // acme untouched.
        QCOMPARE(s.results.at(0).status, CompanyStatus::Done);
        for (int i = 0; i < 3; ++i)
            QVERIFY(s.finishedQueries.contains(RunState::queryKey(QStringLiteral("acme.com"), i)));
        // globex: only its NewsAPI query; the Tavily evidence stays.
        QCOMPARE(s.results.at(1).status, CompanyStatus::Queued);
        QCOMPARE(s.results.at(1).evidence.size(), 1);
        QVERIFY(s.results.at(1).errors.isEmpty());
        QVERIFY(!s.finishedQueries.contains(RunState::queryKey(QStringLiteral("globex.com"), 1)));
        QVERIFY(s.finishedQueries.contains(RunState::queryKey(QStringLiteral("globex.com"), 0)));
        // initech: both Tavily queries.
        QVERIFY(!s.finishedQueries.contains(RunState::queryKey(QStringLiteral("initech.com"), 0)));
        QVERIFY(!s.finishedQueries.contains(RunState::queryKey(QStringLiteral("initech.com"), 2)));
        QVERIFY(s.finishedQueries.contains(RunState::queryKey(QStringLiteral("initech.com"), 1)));
        // Asking again finds nothing more to do.
        RunState again = finishedRun();
        requeueFailedQueries(again, kChannels);
        for (CompanyResult &r : again.results)
            r.status = CompanyStatus::Done;
        for (const QString &d : again.request.domains)
            for (int i = 0; i < 3; ++i)
                again.finishedQueries.insert(RunState::queryKey(d, i));
        QCOMPARE(requeueFailedQueries(again, kChannels), 0);
    }

    void unknownSource_runsTheCompanyAgainInFull()
    {
        RunState s = finishedRun();
        s.results[1].errors.clear();
        s.results[1].errors.insert(QStringLiteral("Somewhere"), QStringLiteral("HTTP 500"));
        s.results[2].errors.clear();
        s.results[2].status = CompanyStatus::Done;
        QCOMPARE(requeueFailedQueries(s, kChannels), 3);
    }

    void selectedCompanies_startOver()
    {
        RunState s = finishedRun();
        QCOMPARE(requeueCompanies(s, { QStringLiteral("acme.com") }), 3);
        QCOMPARE(s.results.at(0).status, CompanyStatus::Queued);
        QVERIFY(s.results.at(0).evidence.isEmpty());
        QCOMPARE(s.results.at(1).status, CompanyStatus::Done);
        QCOMPARE(s.finishedQueries.size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestRetryPlan)
#include "tst_retryplan.moc"
