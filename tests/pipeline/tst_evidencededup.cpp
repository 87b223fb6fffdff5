#include "pipeline/EvidenceDeduplicator.h"

#include <QTest>

using namespace gtm;

class TestEvidenceDedup : public QObject
{
    Q_OBJECT
    static Evidence item(QString url, QString title, QString snippet)
    {
        Evidence e;
        e.url = std::move(url);
        e.title = std::move(title);
        e.snippet = std::move(snippet);
        return e;
    }

private Q_SLOTS:
    void sameUrlInAnotherSpelling_isADuplicate()
    {
        EvidenceDeduplicator d;
        QVERIFY(d.add(item(QStringLiteral("https://www.acme.com/blog/ai/?utm_source=x#top"),
            QStringLiteral("A"), QStringLiteral("a"))));
        QVERIFY(!d.add(item(
            QStringLiteral("http://ACME.com/blog/ai"), QStringLiteral("B"), QStringLiteral("b"))));
        QVERIFY(d.add(item(
            QStringLiteral("https://acme.com/blog/ml"), QStringLiteral("C"), QStringLiteral("c"))));
        QVERIFY(d.add(item(QStringLiteral("https://acme.com/blog/ai?page=2"), QStringLiteral("D"),
            QStringLiteral("d"))));
    }

    void sameTitleOrSnippet_isADuplicate()
    {
        EvidenceDeduplicator d;
        QVERIFY(d.add(item(QStringLiteral("https://a.com/1"), QStringLiteral("Acme adopts  AI"),
            QStringLiteral("first"))));
        QVERIFY(!d.add(item(QStringLiteral("https://news.com/2"), QStringLiteral("acme adopts AI"),
            QStringLiteral("second"))));
        QVERIFY(!d.add(item(
            QStringLiteral("https://b.com/3"), QStringLiteral("Other"), QStringLiteral("First"))));
        // Empty fields never match each other.
        QVERIFY(d.add(item(QString(), QString(), QStringLiteral("third"))));
        QVERIFY(d.add(item(QString(), QString(), QStringLiteral("fourth"))));
    }
};

QTEST_GUILESS_MAIN(TestEvidenceDedup)
#include "tst_evidencededup.moc"
