#include "sources/CompanyEvidence.h"

#include <QTest>

using namespace gtm;
using namespace gtm::sources;
using namespace Qt::StringLiterals;

class TestCompanyEvidence : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void host_isTheCompanysDomainOrASubdomain_data();
    void host_isTheCompanysDomainOrASubdomain();
    void name_matchesWholeWordsOnly_data();
    void name_matchesWholeWordsOnly();
    void foreignDomain_isDroppedUnlessItNamesTheCompany();
};

void TestCompanyEvidence::host_isTheCompanysDomainOrASubdomain_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("own");
    QTest::newRow("same") << u"stripe.com"_s << true;
    QTest::newRow("www") << u"www.stripe.com"_s << true;
    QTest::newRow("subdomain, upper case") << u"Docs.Stripe.com"_s << true;
    QTest::newRow("lookalike suffix") << u"notstripe.com"_s << false;
    QTest::newRow("domain as a label elsewhere") << u"stripe.com.evil.example"_s << false;
    QTest::newRow("other tld") << u"stripe.co.uk"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestCompanyEvidence::host_isTheCompanysDomainOrASubdomain()
{
    QFETCH(QString, host);
    QFETCH(bool, own);
    QCOMPARE(isCompanyHost(host, u"stripe.com"_s), own);
}

void TestCompanyEvidence::name_matchesWholeWordsOnly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("names");
    QTest::newRow("name") << u"Box raises prices"_s << true;
    QTest::newRow("name, other case") << u"why BOX won"_s << true;
    QTest::newRow("possessive") << u"Box's new CEO"_s << true;
    QTest::newRow("inside a word") << u"Dropbox raises prices"_s << false;
    QTest::newRow("plural is another word") << u"boxes of stuff"_s << false;
    QTest::newRow("domain") << u"see box.com for details"_s << true;
    QTest::newRow("nothing") << u"cloud storage news"_s << false;
}

void TestCompanyEvidence::name_matchesWholeWordsOnly()
{
    QFETCH(QString, text);
    QFETCH(bool, names);
    QCOMPARE(namesCompany(text, u"Box"_s, u"box.com"_s), names);
}

void TestCompanyEvidence::foreignDomain_isDroppedUnlessItNamesTheCompany()
{
    auto ev = [](const QString &url, const QString &title, const QString &snippet) {
        Evidence e;
        e.url = url;
        e.title = title;
        e.snippet = snippet;
        return e;
    };
    const QList<Evidence> all {
        ev(u"https://stripe.com/radar"_s, u"Radar"_s, u"fraud tools"_s), // own site
        ev(u"https://www.adyen.com/risk"_s, u"Adyen risk"_s, u"payments risk"_s), // other company
        ev(u"https://www.adyen.com/vs"_s, u"Adyen vs Stripe"_s, u"a comparison"_s), // names it
        ev(u"https://news.example/a"_s, u"Fintech roundup"_s, u"stripe.com launched"_s),
        ev(u"https://news.example/b"_s, u"Stripes are back"_s, u"fashion"_s), // not a word match
    };
    const QList<Evidence> kept = keepCompanyEvidence(all, u"stripe.com"_s, QString());
    QStringList urls;
    for (const Evidence &e : kept)
        urls << e.url;
    QCOMPARE(urls,
        QStringList({ u"https://stripe.com/radar"_s, u"https://www.adyen.com/vs"_s,
            u"https://news.example/a"_s }));
}

QTEST_GUILESS_MAIN(TestCompanyEvidence)
#include "tst_companyevidence.moc"
