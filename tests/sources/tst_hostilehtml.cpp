#include "FakeHttpServer.h"
#include "SourceTestSupport.h"
#include "html/Html.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "sources/JobsSource.h"
#include "sources/TavilySource.h"
#include "sources/WebsiteSource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

// Pages and answers built to exhaust the HTML parser: tens of thousands of unclosed elements.
// Before the nesting cap, 100 KB cost gigabytes and 200 KB aborted inside gumbo.
class TestHostileHtml : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void deepPage_onCompanySite_keepsItsText_data();
    void deepPage_onCompanySite_keepsItsText();
    void deepContent_fromTavily_keepsItsText_data();
    void deepContent_fromTavily_keepsItsText();
    void deepPosting_onGreenhouse_keepsItsText_data();
    void deepPosting_onGreenhouse_keepsItsText();
    void deepNesting_keepsWordsApartAndScriptsHidden();
    void siblingsBeyondTheCap_areNotNesting();

private:
    void sizes();
    static QByteArray unclosed(int bytes, const QByteArray &tag = "<div>");
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<HttpClient> m_http;
};

const QString kText = u"Acme detects payment fraud with machine learning."_s;

QByteArray TestHostileHtml::unclosed(int bytes, const QByteArray &tag)
{
    return tag.repeated(bytes / tag.size());
}

void TestHostileHtml::sizes()
{
    QTest::addColumn<int>("bytes");
    QTest::newRow("100 KB") << 100 * 1024;
    QTest::newRow("200 KB") << 200 * 1024;
}

void TestHostileHtml::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_http = std::make_unique<HttpClient>();
}

void TestHostileHtml::deepPage_onCompanySite_keepsItsText_data()
{
    sizes();
}

void TestHostileHtml::deepPage_onCompanySite_keepsItsText()
{
    QFETCH(int, bytes);
    const QByteArray page = "<html><head><title>Acme</title>"
                            "<script src=\"https://js.stripe.com/v3/\"></script></head><body>"
        + unclosed(bytes) + kText.toUtf8();
    m_server->route(u"/site/"_s, [page](const FakeRequest &r) {
        return r.path == u"/site/acme.io/"_s ? FakeResponse::text(page)
                                             : FakeResponse::text("", 404);
    });
    SourceSettings s;
    s.websiteUrlTemplate = m_server->baseUrl().toString() + u"/site/{domain}"_s;
    WebsiteSource source(m_http.get(), s);
    const SourceOutcome out
        = run(source, context(u"acme.io"_s, channel::Website, u"payment fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QStringList snippets;
    bool stripe = false;
    for (const Evidence &e : out.evidence) {
        snippets << e.snippet;
        stripe = stripe || e.title.contains(u"Stripe"_s);
    }
    QVERIFY2(snippets.contains(kText), qPrintable(snippets.join(u" | "_s)));
    QVERIFY(stripe); // what the head loads is still seen
}

void TestHostileHtml::deepContent_fromTavily_keepsItsText_data()
{
    sizes();
}

void TestHostileHtml::deepContent_fromTavily_keepsItsText()
{
    QFETCH(int, bytes);
    const QJsonObject result {
        { u"url"_s, u"https://acme.io/blog/fraud"_s },
        { u"title"_s, u"Acme blog"_s },
        { u"content"_s, QString(QString::fromUtf8(unclosed(bytes)) + kText) },
    };
    const QByteArray body
        = QJsonDocument(QJsonObject { { u"results"_s, QJsonArray { result } } }).toJson();
    m_server->route(u"/search"_s, [body](const FakeRequest &) { return FakeResponse::json(body); });
    SourceSettings s;
    s.apiKeys.insert(u"tavily"_s, u"tvly-test-key"_s);
    s.baseUrls.insert(u"tavily"_s, m_server->baseUrl());
    TavilySource source(m_http.get(), s);
    const SourceOutcome out
        = run(source, context(u"acme.io"_s, channel::GoogleSearch, u"acme payment fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QCOMPARE(out.evidence.size(), 1);
    QCOMPARE(out.evidence.first().snippet, kText);
}

void TestHostileHtml::deepPosting_onGreenhouse_keepsItsText_data()
{
    sizes();
}

void TestHostileHtml::deepPosting_onGreenhouse_keepsItsText()
{
    QFETCH(int, bytes);
    // Greenhouse sends its postings' HTML entity-escaped.
    const QJsonObject job {
        { u"id"_s, 1 },
        { u"title"_s, u"Fraud Engineer"_s },
        { u"absolute_url"_s, u"https://boards.greenhouse.io/acme/jobs/1"_s },
        { u"content"_s, QString(QString::fromUtf8(unclosed(bytes, "&lt;div&gt;")) + kText) },
    };
    const QByteArray body
        = QJsonDocument(QJsonObject { { u"jobs"_s, QJsonArray { job } } }).toJson();
    m_server->route(
        u"/v1/boards/"_s, [body](const FakeRequest &) { return FakeResponse::json(body); });
    SourceSettings s;
    for (const QString &p : { u"greenhouse"_s, u"lever"_s, u"ashby"_s })
        s.baseUrls.insert(p, m_server->baseUrl());
    JobsSource source(m_http.get(), s);
    const SourceOutcome out
        = run(source, context(u"acme.io"_s, channel::JobsSearch, u"payment fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QCOMPARE(out.evidence.size(), 1);
    QVERIFY2(out.evidence.first().snippet.contains(kText),
        qPrintable(out.evidence.first().snippet.right(200)));
}

void TestHostileHtml::deepNesting_keepsWordsApartAndScriptsHidden()
{
    const QByteArray deep = unclosed(20000, "<div><b>") + "<p>one</p><span>two</span>"
        + "<script>var hidden = 1;</script><p>three</p>";
    const html::ParsedPage page = html::parsePage(deep);
    // Beyond the cap blocks may run together, but words stay apart and scripts stay hidden.
    QCOMPARE(page.passages.join(u' '), u"one two three"_s);
    QCOMPARE(html::toPlainText(QString::fromUtf8(deep)), u"one two three"_s);
}

void TestHostileHtml::siblingsBeyondTheCap_areNotNesting()
{
    // 2,000 list items, closed or not, are a long list, not a deep one: every item stays a
    // passage of its own.
    QByteArray list = "<ul>";
    for (int i = 0; i < 2000; ++i)
        list += "<li>item " + QByteArray::number(i);
    const html::ParsedPage page = html::parsePage(list);
    QCOMPARE(page.passages.size(), 2000);
    QCOMPARE(page.passages.last(), u"item 1999"_s);
}

QTEST_GUILESS_MAIN(TestHostileHtml)
#include "tst_hostilehtml.moc"
