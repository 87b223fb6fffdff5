#include "EvidenceView.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTest>
#include <QTreeView>

using namespace gtm;
using namespace Qt::StringLiterals;

class TestEvidenceView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void manySignalsAndErrors_leaveTheEvidenceListReadable();
    void fewSignals_areShownWholeWithoutScrolling();
    void paidQueriesNotSent_areSaidInTheHeading();

private:
    // A company as a long research run leaves it: many signals, each citing an item, and a
    // failure reason per source.
    static CompanyResult company(int signalCount, int evidenceCount, int errorCount)
    {
        CompanyResult r;
        r.domain = u"ledgerly.com"_s;
        r.status = CompanyStatus::Done;
        for (int i = 0; i < evidenceCount; ++i)
            r.evidence << Evidence { u"https://ledgerly.com/post/%1"_s.arg(i), u"Post %1"_s.arg(i),
                u"Snippet %1"_s.arg(i), u"Website"_s, u"website"_s, {}, 0.0 };
        for (int i = 0; i < signalCount; ++i)
            r.signalsFound << GoalSignal { u"Signal number %1 found in the evidence"_s.arg(i),
                { i % qMax(1, evidenceCount) } };
        for (int i = 0; i < errorCount; ++i)
            r.errors.insert(u"Source %1"_s.arg(i), u"HTTP 503 after 3 attempts"_s);
        return r;
    }

    static int visibleRows(const QTreeView *view)
    {
        return view->viewport()->height() / qMax(1, view->sizeHintForRow(0));
    }
};

void TestEvidenceView::manySignalsAndErrors_leaveTheEvidenceListReadable()
{
    // The evidence pane's size in a 1440x900 window.
    EvidenceView view;
    view.resize(700, 520);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setCompany(company(0, 12, 0));
    QTest::qWait(0);
    const int rowsWithoutSignals = visibleRows(view.view());
    QVERIFY2(rowsWithoutSignals >= 6, qPrintable(QString::number(rowsWithoutSignals)));

    view.setCompany(company(40, 12, 12));
    QTest::qWait(0);
    const int rows = visibleRows(view.view());
    QVERIFY2(rows >= 4, qPrintable(u"%1 evidence rows visible"_s.arg(rows)));
    // Nothing is cut away: the last signal and the last error are still there to scroll to.
    QVERIFY(view.signalsLabel()->text().contains(u"Signal number 39 "_s));
    QVERIFY(view.errorsLabel()->text().contains(u"Source 9: "_s));
    QVERIFY(view.signalsLabel()->isVisible());
    auto *box = qobject_cast<QScrollArea *>(view.signalsLabel()->parentWidget()->parentWidget());
    QVERIFY(box);
    QVERIFY(box->verticalScrollBar()->maximum() > 0);
}

void TestEvidenceView::fewSignals_areShownWholeWithoutScrolling()
{
    EvidenceView view;
    view.resize(700, 520);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setCompany(company(2, 3, 1));
    QTest::qWait(0);
    auto *box = qobject_cast<QScrollArea *>(view.signalsLabel()->parentWidget()->parentWidget());
    QVERIFY(box);
    QCOMPARE(box->verticalScrollBar()->maximum(), 0);
    QVERIFY(view.signalsLabel()->visibleRegion().boundingRect().height()
        >= view.signalsLabel()->fontMetrics().lineSpacing() * 3);
}

void TestEvidenceView::paidQueriesNotSent_areSaidInTheHeading()
{
    EvidenceView view;
    CompanyResult decided = company(1, 2, 0);
    decided.skipped = 3;
    view.setCompany(decided);
    const auto heading = [&view] {
        for (const QLabel *label : view.findChildren<QLabel *>())
            if (label->text().startsWith(u"ledgerly.com"_s))
                return label->text();
        return QString();
    };
    QVERIFY2(heading().endsWith(u" · 3 paid query(s) not sent: decided by free sources"_s),
        qPrintable(heading()));

    view.setCompany(company(1, 2, 0)); // every query sent: nothing to say
    QCOMPARE(heading(), u"ledgerly.com — 2 evidence item(s)"_s);
}

QTEST_MAIN(TestEvidenceView)
#include "tst_evidenceview.moc"
