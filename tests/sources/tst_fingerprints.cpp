#include "sources/TechFingerprints.h"

#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

class TestFingerprints : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void builtInTable_isLoadedAndLarge();
    void detect_namesThePatternThatMatched_data();
    void detect_namesThePatternThatMatched();
    void detect_ignoresPageText();
    void detect_reportsEachTechnologyOnce();
    void fromJson_rejectsBrokenTables();
};

void TestFingerprints::builtInTable_isLoadedAndLarge()
{
    QVERIFY(TechFingerprints::builtIn().size() >= 30);
}

void TestFingerprints::detect_namesThePatternThatMatched_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("technology");
    QTest::addColumn<QString>("evidence");
    QTest::newRow("next script") << u"<script src=\"/_next/static/main.js\"></script>"_s
                                 << QByteArray() << QByteArray() << u"Next.js"_s
                                 << u"script src contains /_next/"_s;
    QTest::newRow("generator meta")
        << u"<meta name=\"generator\" content=\"WordPress 6.5\">"_s << QByteArray() << QByteArray()
        << u"WordPress"_s << u"meta generator contains WordPress"_s;
    QTest::newRow("wp-content image")
        << u"<img src=\"https://acme.io/wp-content/uploads/a.png\">"_s << QByteArray()
        << QByteArray() << u"WordPress"_s << u"img src contains /wp-content/"_s;
    QTest::newRow("shopify cdn") << u"<link rel=stylesheet href=\"//cdn.shopify.com/s/t.css\">"_s
                                 << QByteArray() << QByteArray() << u"Shopify"_s
                                 << u"link href contains cdn.shopify.com"_s;
    QTest::newRow("x-powered-by") << QString() << QByteArray("x-powered-by")
                                  << QByteArray("Express") << u"Express"_s
                                  << u"header X-Powered-By contains Express"_s;
    QTest::newRow("server header, any case")
        << QString() << QByteArray("server") << QByteArray("NGINX/1.25") << u"nginx"_s
        << u"header Server contains nginx"_s;
    QTest::newRow("header present")
        << QString() << QByteArray("x-shopify-stage") << QByteArray("production") << u"Shopify"_s
        << u"header X-Shopify-Stage present"_s;
    QTest::newRow("segment")
        << u"<script src=\"https://cdn.segment.com/analytics.js/v1/x/analytics.min.js\"></script>"_s
        << QByteArray() << QByteArray() << u"Segment"_s << u"script src contains cdn.segment.com"_s;
}

void TestFingerprints::detect_namesThePatternThatMatched()
{
    QFETCH(QString, html);
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(QString, technology);
    QFETCH(QString, evidence);
    HeaderList headers;
    if (!header.isEmpty())
        headers.append({ header, value });
    const auto found = TechFingerprints::builtIn().detect(html::parsePage(html.toUtf8()), headers);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().technology, technology);
    QCOMPARE(found.first().evidence, evidence);
    QVERIFY(!found.first().category.isEmpty());
}

void TestFingerprints::detect_ignoresPageText()
{
    const QString html
        = u"<p>We use Next.js, WordPress, Shopify and /_next/ and cdn.shopify.com.</p>"
          "<script>load('https://cdn.segment.com/x.js')</script>"_s;
    QVERIFY(TechFingerprints::builtIn().detect(html::parsePage(html.toUtf8()), {}).isEmpty());
}

void TestFingerprints::detect_reportsEachTechnologyOnce()
{
    const QString html = u"<meta name=generator content=WordPress><link href=\"/wp-content/a.css\">"
                         "<script src=\"/wp-includes/b.js\"></script>"_s;
    const auto found = TechFingerprints::builtIn().detect(html::parsePage(html.toUtf8()), {});
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().evidence, u"link href contains /wp-content/"_s); // the table's first
}

void TestFingerprints::fromJson_rejectsBrokenTables()
{
    QString error;
    TechFingerprints::fromJson("{nope", &error);
    QVERIFY(!error.isEmpty());
    TechFingerprints::fromJson(
        R"({"technologies":[{"name":"X","patterns":[{"where":"body","contains":"x"}]}]})", &error);
    QVERIFY(error.contains(u"unknown"_s));
    TechFingerprints::fromJson(
        R"({"technologies":[{"name":"X","patterns":[{"where":"meta","contains":"x"}]}]})", &error);
    QVERIFY(error.contains(u"incomplete"_s));
    const TechFingerprints ok = TechFingerprints::fromJson(
        R"({"technologies":[{"name":"X","category":"c","patterns":[{"where":"script","contains":"x.js"}]}]})",
        &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(ok.size(), 1);
}

QTEST_GUILESS_MAIN(TestFingerprints)
#include "tst_fingerprints.moc"
