#include "ResultsModel.h"
#include "ResultsProxyModel.h"
#include "analysis/AnalyzerFactory.h"

#include <QCoroTask>
#include <QSignalSpy>
#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

class TestResultsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rows_startQueuedInInputOrder();
    void updates_areCoalescedIntoOneDataChangedPerFlush();
    void updates_areAppliedByTheTimerWithoutAFlushCall();
    void match_followsThreshold();
    void proxy_sortTiesKeepInputOrder();
    void signals_cellOpensWithWhatCounted();

private:
    static CompanyResult done(const QString &domain, double confidence)
    {
        CompanyResult r;
        r.domain = domain;
        r.status = CompanyStatus::Done;
        r.confidence = confidence;
        return r;
    }
};

void TestResultsModel::rows_startQueuedInInputOrder()
{
    ResultsModel model;
    model.resetRows({ u"b.com"_s, u"a.com"_s }, 0.7);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ResultsModel::Domain).data().toString(), u"b.com"_s);
    QCOMPARE(model.index(0, ResultsModel::Status).data().toString(), u"Queued"_s);
    QVERIFY(model.index(0, ResultsModel::Confidence).data().toString().isEmpty());
    QVERIFY(!model.index(0, ResultsModel::Confidence).data(ResultsModel::ConfidenceRole).isValid());
    QCOMPARE(model.finishedCount(), 0);
}

void TestResultsModel::updates_areCoalescedIntoOneDataChangedPerFlush()
{
    ResultsModel model;
    QStringList domains;
    for (int i = 0; i < 100; ++i)
        domains << u"d%1.com"_s.arg(i);
    model.resetRows(domains, 0.7);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    for (int i = 10; i < 60; ++i)
        model.updateResult(i, done(domains[i], 0.8));
    model.updateResult(10, done(domains[10], 0.2)); // a later update of a row wins
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model.finishedCount(), 0);
    QCOMPARE(model.results().at(10).confidence, 0.2); // pending updates are visible to readers

    model.flush();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 10);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 59);
    QCOMPARE(model.finishedCount(), 50);
    QCOMPARE(model.result(10).confidence, 0.2);
    QCOMPARE(model.matchCount(), 49);
}

void TestResultsModel::updates_areAppliedByTheTimerWithoutAFlushCall()
{
    ResultsModel model;
    model.setFlushInterval(20);
    model.resetRows({ u"a.com"_s }, 0.7);
    QSignalSpy updated(&model, &ResultsModel::rowsUpdated);
    model.updateResult(0, done(u"a.com"_s, 0.9));
    QTRY_COMPARE(updated.size(), 1);
    QCOMPARE(model.index(0, ResultsModel::Status).data().toString(), u"Done"_s);
    QCOMPARE(model.index(0, ResultsModel::Confidence).data().toString(), u"0.90"_s);
}

void TestResultsModel::match_followsThreshold()
{
    ResultsModel model;
    model.resetResults({ done(u"a.com"_s, 0.7), done(u"b.com"_s, 0.69) }, 0.7);
    QCOMPARE(model.index(0, ResultsModel::Match).data().toString(), u"Yes"_s);
    QVERIFY(model.index(1, ResultsModel::Match).data().toString().isEmpty());
    model.setThreshold(0.5);
    QCOMPARE(model.matchCount(), 2);
    ResultsProxyModel proxy;
    proxy.setSourceModel(&model);
    model.setThreshold(0.7);
    proxy.setMatchesOnly(true);
    QCOMPARE(proxy.rowCount(), 1);
}

void TestResultsModel::proxy_sortTiesKeepInputOrder()
{
    ResultsModel model;
    model.resetResults(
        { done(u"z.com"_s, 0.5), done(u"a.com"_s, 0.9), done(u"m.com"_s, 0.5) }, 0.7);
    ResultsProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ResultsModel::Confidence, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"z.com"_s);
    QCOMPARE(proxy.index(1, 0).data().toString(), u"m.com"_s);
    QCOMPARE(proxy.index(2, 0).data().toString(), u"a.com"_s);
    proxy.sort(ResultsModel::Domain, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), u"a.com"_s);
}

// A company at 0.00 whose only sentence was rejected: its Signals cell must not open with the
// facet's name as if it were a find. With a find and a rejected sentence, the find comes first.
void TestResultsModel::signals_cellOpensWithWhatCounted()
{
    const auto analyzer = createOfflineAnalyzer();
    Evidence leaving;
    leaving.url = u"https://acme.io/blog/leaving"_s;
    leaving.title = u"Why we moved off Kubernetes"_s;
    leaving.snippet = u"Last year we moved off Kubernetes to plain VMs."_s;
    leaving.sourceName = u"Tavily"_s;
    const AnalysisOutcome outcome = QCoro::waitFor(analyzer->analyze(AnalysisInput {
        u"Companies running Kubernetes in production"_s, u"acme.io"_s, {}, { leaving } }));
    CompanyResult rejected = done(u"acme.io"_s, outcome.confidence);
    rejected.evidence = { leaving };
    rejected.signalsFound = outcome.signalsFound;

    CompanyResult both = done(u"globex.com"_s, 0.0);
    both.signalsFound = {
        { u"Not counted for uses Kubernetes — planned: “we plan to move to Kubernetes”"_s, { 0 },
            false },
        { u"is in fintech / payments / banking — own site (80%): “Globex moves money”"_s, { 1 } },
    };

    ResultsModel model;
    model.resetResults({ rejected, both }, 0.7);
    QCOMPARE(model.index(0, ResultsModel::Confidence).data().toString(), u"0.00"_s);
    const QString cell = model.index(0, ResultsModel::Signals).data().toString();
    QVERIFY2(cell.startsWith(u"Not "_s) && cell.contains(u"moved off Kubernetes"_s),
        qPrintable(cell));
    QVERIFY2(!cell.contains(u"; uses Kubernetes"_s), qPrintable(cell));
    QCOMPARE(model.index(1, ResultsModel::Signals).data().toString(),
        u"is in fintech / payments / banking — own site (80%): “Globex moves money”; "
        "Not counted for uses Kubernetes — planned: “we plan to move to Kubernetes”"_s);
}

QTEST_MAIN(TestResultsModel)
#include "tst_resultsmodel.moc"
