#include "sources/RobotsTxt.h"

#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

class TestRobots : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rules_data();
    void rules();
    void emptyFile_allowsEverything();
    void disallowAll_refusesEverythingButRobotsTxt();
};

void TestRobots::rules_data()
{
    QTest::addColumn<QString>("robots");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("allowed");

    const QString star = u"User-agent: *\nDisallow: /careers\n"_s;
    QTest::newRow("disallowed prefix") << star << u"/careers"_s << false;
    QTest::newRow("disallowed below") << star << u"/careers/engineering"_s << false;
    QTest::newRow("prefix, not a word") << star << u"/careersfair"_s << false;
    QTest::newRow("other path") << star << u"/jobs"_s << true;
    QTest::newRow("empty disallow allows")
        << u"User-agent: *\nDisallow:\n"_s << u"/careers"_s << true;
    QTest::newRow("longest match wins (allow)")
        << u"User-agent: *\nDisallow: /\nAllow: /careers\n"_s << u"/careers"_s << true;
    QTest::newRow("longest match wins (disallow)")
        << u"User-agent: *\nAllow: /\nDisallow: /about\n"_s << u"/about"_s << false;
    QTest::newRow("tie goes to allow")
        << u"User-agent: *\nDisallow: /jobs\nAllow: /jobs\n"_s << u"/jobs"_s << true;
    QTest::newRow("wildcard") << u"User-agent: *\nDisallow: /*.pdf$\n"_s << u"/files/a.pdf"_s
                              << false;
    QTest::newRow("anchor lets longer through")
        << u"User-agent: *\nDisallow: /*.pdf$\n"_s << u"/files/a.pdf?x=1"_s << true;
    QTest::newRow("exact with $") << u"User-agent: *\nDisallow: /$\n"_s << u"/"_s << false;
    QTest::newRow("exact with $, below")
        << u"User-agent: *\nDisallow: /$\n"_s << u"/about"_s << true;
    QTest::newRow("our group over *")
        << u"User-agent: *\nDisallow: /\n\nUser-agent: GTM-Research\nAllow: /\n"_s << u"/about"_s
        << true;
    QTest::newRow("our group with version, case")
        << u"User-agent: *\nAllow: /\n\nUser-agent: gtm-research/2.0\nDisallow: /about\n"_s
        << u"/about"_s << false;
    QTest::newRow("shared group lines")
        << u"User-agent: Googlebot\nUser-agent: GTM-Research\nDisallow: /jobs\n"_s << u"/jobs"_s
        << false;
    QTest::newRow("other bot's group ignored")
        << u"User-agent: Googlebot\nDisallow: /\n"_s << u"/"_s << true;
    QTest::newRow("comments, CRLF and case")
        << u"# hello\r\nuser-agent: *   # all\r\nDISALLOW: /Careers # no\r\n"_s << u"/Careers"_s
        << false;
    QTest::newRow("paths are case-sensitive")
        << u"User-agent: *\nDisallow: /Careers\n"_s << u"/careers"_s << true;
    QTest::newRow("percent-encoding is one form")
        << u"User-agent: *\nDisallow: /caf%C3%A9\n"_s << u"/caf\u00e9"_s << false;
    QTest::newRow("rules before any agent belong to none")
        << u"Disallow: /\nUser-agent: *\nAllow: /\n"_s << u"/jobs"_s << true;
}

void TestRobots::rules()
{
    QFETCH(QString, robots);
    QFETCH(QString, path);
    QFETCH(bool, allowed);
    QCOMPARE(RobotsTxt::parse(robots, u"GTM-Research"_s).allows(path), allowed);
}

void TestRobots::emptyFile_allowsEverything()
{
    QVERIFY(RobotsTxt::parse(QString(), u"GTM-Research"_s).allows(u"/careers"_s));
    QVERIFY(RobotsTxt().allows(u"/"_s));
}

void TestRobots::disallowAll_refusesEverythingButRobotsTxt()
{
    const RobotsTxt r = RobotsTxt::disallowAll();
    QVERIFY(!r.allows(u"/"_s));
    QVERIFY(!r.allows(u"/about"_s));
    QVERIFY(r.allows(u"/robots.txt"_s));
}

QTEST_GUILESS_MAIN(TestRobots)
#include "tst_robots.moc"
