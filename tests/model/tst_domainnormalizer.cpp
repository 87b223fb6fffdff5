#include "domain/CompanyName.h"
#include "domain/DomainNormalizer.h"

#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

class TestDomainNormalizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void normalize_data();
    void normalize();
    void list_reportsLinesAndDeduplicatesInOrder();
    void list_splitsCommasAndIgnoresCommentsAndBlankLines();
    void companyName_data();
    void companyName();
};

void TestDomainNormalizer::normalize_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty: rejected
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("plain") << "stripe.com" << "stripe.com" << "";
    QTest::newRow("url with www, path, query") << "https://www.Stripe.com/about?x=1" << "stripe.com" << "";
    QTest::newRow("trailing dot") << "stripe.com." << "stripe.com" << "";
    QTest::newRow("surrounding spaces, upper case") << "  STRIPE.COM  " << "stripe.com" << "";
    QTest::newRow("http url") << "http://stripe.com" << "stripe.com" << "";
    QTest::newRow("url with port") << "https://stripe.com:8443/x" << "stripe.com" << "";
    QTest::newRow("bare with path") << "stripe.com/pricing" << "stripe.com" << "";
    QTest::newRow("bare with port") << "stripe.com:443" << "stripe.com" << "";
    QTest::newRow("subdomain kept") << "dashboard.stripe.com" << "dashboard.stripe.com" << "";
    QTest::newRow("co.uk") << "www.bbc.co.uk" << "bbc.co.uk" << "";
    QTest::newRow("hyphen") << "acme-robotics.io" << "acme-robotics.io" << "";
    QTest::newRow("digits") << "37signals.com" << "37signals.com" << "";
    QTest::newRow("idn to punycode") << "münchen.de" << "xn--mnchen-3ya.de" << "";
    QTest::newRow("idn upper case") << "MÜNCHEN.DE" << "xn--mnchen-3ya.de" << "";
    QTest::newRow("idn url") << "https://bücher.example/" << "xn--bcher-kva.example" << "";
    QTest::newRow("already punycode") << "xn--mnchen-3ya.de" << "xn--mnchen-3ya.de" << "";
    QTest::newRow("tab around") << "\tstripe.com\t" << "stripe.com" << "";
    QTest::newRow("fragment") << "stripe.com#top" << "stripe.com" << "";
    QTest::newRow("user info") << "https://user:pw@stripe.com/" << "stripe.com" << "";
    QTest::newRow("label of 63") << QString(63, u'a') + u".com"_s << QString(63, u'a') + u".com"_s << "";

    QTest::newRow("empty") << "" << "" << "empty";
    QTest::newRow("only spaces") << "   " << "" << "empty";
    QTest::newRow("space inside") << "stri pe.com" << "" << "space";
    QTest::newRow("ipv4") << "192.168.1.10" << "" << "IP address";
    QTest::newRow("ipv4 url") << "http://10.0.0.1/admin" << "" << "IP address";
    QTest::newRow("ipv6") << "[::1]" << "" << "IP address";
    QTest::newRow("ipv6 url") << "http://[2001:db8::1]/" << "" << "IP address";
    QTest::newRow("localhost") << "localhost" << "" << "localhost";
    QTest::newRow("localhost url") << "http://localhost:8080" << "" << "localhost";
    QTest::newRow("no dot") << "stripe" << "" << "no dot";
    QTest::newRow("label of 64") << QString(64, u'a') + u".com"_s << "" << "63";
    QTest::newRow("name over 253")
        << (QString(60, u'a') + u"."_s + QString(60, u'b') + u"."_s + QString(60, u'c') + u"."_s
            + QString(60, u'd') + u"."_s + QString(10, u'e') + u".com"_s)
        << "" << "253";
    QTest::newRow("double dot") << "stripe..com" << "" << "empty label";
    QTest::newRow("underscore") << "my_company.com" << "" << "characters";
    QTest::newRow("leading hyphen") << "-acme.com" << "" << "characters";
    QTest::newRow("only dot") << "." << "" << "empty";
    QTest::newRow("scheme only") << "https://" << "" << "URL";
}

void TestDomainNormalizer::normalize()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, reasonContains);
    const DomainCheck check = normalizeDomain(input);
    if (expected.isEmpty()) {
        QVERIFY2(!check.ok(), qPrintable(QStringLiteral("accepted as ") + check.domain));
        QVERIFY2(check.error.contains(reasonContains, Qt::CaseInsensitive), qPrintable(check.error));
        QVERIFY(check.domain.isEmpty());
    } else {
        QVERIFY2(check.ok(), qPrintable(check.error));
        QCOMPARE(check.domain, expected);
    }
}

void TestDomainNormalizer::list_reportsLinesAndDeduplicatesInOrder()
{
    const QString text = QStringLiteral("stripe.com\nnot a domain\nhttps://www.stripe.com/\n"
                                        "adyen.com\r\nlocalhost\nADYEN.com\nklarna.com\n");
    const DomainList list = parseDomainList(text);
    QCOMPARE(list.domains, (QStringList{u"stripe.com"_s, u"adyen.com"_s, u"klarna.com"_s}));
    QCOMPARE(list.rejected.size(), 2);
    QCOMPARE(list.rejected.at(0).line, 2);
    QCOMPARE(list.rejected.at(0).input, QStringLiteral("not a domain"));
    QCOMPARE(list.rejected.at(1).line, 5);
    QVERIFY(list.rejected.at(1).error.contains(u"localhost"));
    QCOMPARE(list.duplicates.size(), 2);
    QCOMPARE(list.duplicates.at(0).line, 3);
    QCOMPARE(list.duplicates.at(1).line, 6);
    QCOMPARE(list.duplicates.at(1).domain, QStringLiteral("adyen.com"));
}

void TestDomainNormalizer::list_splitsCommasAndIgnoresCommentsAndBlankLines()
{
    const DomainList list = parseDomainList(QStringLiteral("# my list\n\nstripe.com, adyen.com,,\n   \nbad_one.com"));
    QCOMPARE(list.domains, (QStringList{u"stripe.com"_s, u"adyen.com"_s}));
    QCOMPARE(list.rejected.size(), 1);
    QCOMPARE(list.rejected.first().line, 5);
}

void TestDomainNormalizer::companyName_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("name");
    QTest::newRow("simple") << "stripe.com" << "Stripe";
    QTest::newRow("hyphenated") << "acme-robotics.io" << "Acme Robotics";
    QTest::newRow("co.uk") << "bbc.co.uk" << "Bbc";
    QTest::newRow("subdomain") << "dashboard.stripe.com" << "Stripe";
}

void TestDomainNormalizer::companyName()
{
    QFETCH(QString, domain);
    QFETCH(QString, name);
    QCOMPARE(companyNameFromDomain(domain), name);
}

QTEST_GUILESS_MAIN(TestDomainNormalizer)
#include "tst_domainnormalizer.moc"
