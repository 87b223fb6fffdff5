#include "FakeHttpServer.h"
#include "SourceTestSupport.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "sources/WebsiteSource.h"

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

class TestWebsite : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void pages_homeAndFirstOptionalPageThatExists();
    void text_isVisiblePassagesMatchingTheQuery();
    void fingerprints_comeFromWhatThePageLoads();
    void robots_disallowedPathIsNeverRequested();
    void robots_groupForOurAgentWins();
    void robots_unreachableMeansNotRead();
    void redirect_withinTheSiteIsFollowed();
    void redirect_toAnotherSiteIsRefused();
    void redirect_toAPrivateAddressIsRefused();
    void oversizedPage_isCutAt2MB();
    void site_isReadOncePerRunAcrossStrategies();
    void homePageError_isAFailureWithReason();
    void homePageError_countsOnceAcrossStrategies();
    void unreachableSite_isNotTheCompanysFault();
    void hungSite_givesUpSoonerThanAnApi();
    void nameResolvingToThisMachine_isNotRead();

private:
    void page(const QString &path, const FakeResponse &response);
    QString site(const QString &path = {}) const { return u"/site/acme.io"_s + path; }
    // Requests for exactly this path of the site (requestCount() counts a prefix).
    int requestsFor(const QString &path) const;
    SourceSettings settings() const;
    QList<Evidence> technologies(const QList<Evidence> &evidence) const;
    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<HttpClient> m_http;
    QHash<QString, FakeResponse> m_pages;
};

void TestWebsite::init()
{
    m_server = std::make_unique<FakeHttpServer>();
    QVERIFY(m_server->listen());
    m_http = std::make_unique<HttpClient>();
    // The app tries a company's site twice, not four times like an API.
    m_http->setProviderPolicy(u"website"_s, defaultProviderPolicies().value(u"website"_s));
    retryWithoutPause(*m_http, u"website"_s);
    m_pages.clear();
    // Exact paths only: a prefix route would answer /jobs with the home page.
    m_server->route(u"/site/"_s, [this](const FakeRequest &r) {
        return m_pages.value(r.path, FakeResponse::text("<h1>Not found</h1>", 404));
    });
}

void TestWebsite::page(const QString &path, const FakeResponse &response)
{
    m_pages.insert(site(path), response);
}

int TestWebsite::requestsFor(const QString &path) const
{
    int n = 0;
    for (const FakeRequest &r : m_server->requests())
        n += r.path == site(path) ? 1 : 0;
    return n;
}

SourceSettings TestWebsite::settings() const
{
    SourceSettings s;
    s.websiteUrlTemplate = m_server->baseUrl().toString() + u"/site/{domain}"_s;
    return s;
}

QList<Evidence> TestWebsite::technologies(const QList<Evidence> &evidence) const
{
    QList<Evidence> out;
    for (const Evidence &e : evidence)
        if (e.title.startsWith(u"Technology: "_s))
            out << e;
    return out;
}

void TestWebsite::pages_homeAndFirstOptionalPageThatExists()
{
    page(u"/"_s, FakeResponse::text(fixture(u"site_home.html"_s)));
    page(u"/jobs"_s, FakeResponse::text(fixture(u"site_jobs.html"_s)));
    page(u"/about"_s, FakeResponse::text("<p>About Acme</p>"));
    WebsiteSource source(m_http.get(), settings());
    QVERIFY(!source.requiresKey() && source.hasKey());
    const SourceOutcome out
        = run(source, context(u"acme.io"_s, channel::Website, u"machine learning fraud"_s));
    QStringList paths;
    for (const FakeRequest &r : m_server->requests())
        paths << r.path;
    // /careers does not exist, /jobs does: /about is not needed.
    QCOMPARE(paths,
        QStringList(
            { site(u"/robots.txt"_s), site(u"/"_s), site(u"/careers"_s), site(u"/jobs"_s) }));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QCOMPARE(out.requests, 4);
    QVERIFY2(out.reason.isEmpty(), qPrintable(out.reason));
    QStringList urls;
    for (const Evidence &e : out.evidence)
        if (!e.title.startsWith(u"Technology: "_s))
            urls << e.url;
    QVERIFY(urls.contains(u"https://acme.io/"_s));
    QVERIFY(urls.contains(u"https://acme.io/jobs"_s));
}

void TestWebsite::text_isVisiblePassagesMatchingTheQuery()
{
    page(u"/"_s, FakeResponse::text(fixture(u"site_home.html"_s)));
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out = run(source,
        context(u"acme.io"_s, channel::Website, u"site:acme.io machine learning fraud"_s,
            Depth::Comprehensive));
    QStringList snippets;
    for (const Evidence &e : out.evidence)
        if (!e.title.startsWith(u"Technology: "_s))
            snippets << e.snippet;
    // Entities decoded, tags gone; hidden, noscript, template, script and style text is not
    // on the page a visitor sees.
    QCOMPARE(snippets,
        QStringList({ u"Acme uses machine learning to detect payment fraud & account takeovers "
                      "in real time, for marketplaces of every size."_s,
            u"Stop fraud before it happens"_s }));
    const Evidence &e = out.evidence.first();
    QCOMPARE(e.title, u"Acme \u2013 Fraud detection for marketplaces"_s);
    QCOMPARE(e.url, u"https://acme.io/"_s);
    QCOMPARE(e.sourceName, u"Company website"_s);
    QCOMPARE(e.channel, channel::Website);
}

void TestWebsite::fingerprints_comeFromWhatThePageLoads()
{
    page(u"/"_s,
        FakeResponse::text(fixture(u"site_home.html"_s))
            .withHeader("X-Powered-By", "Express")
            .withHeader("Server", "cloudflare"));
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::Website, u"anything"_s));
    QStringList found;
    for (const Evidence &e : technologies(out.evidence)) {
        found << e.title + u" | "_s + e.snippet;
        QCOMPARE(e.url, u"https://acme.io/"_s);
    }
    found.sort();
    QStringList expected {
        u"Technology: Cloudflare | header Server contains cloudflare"_s,
        u"Technology: Express | header X-Powered-By contains Express"_s,
        u"Technology: Google Tag Manager | script src contains googletagmanager.com/gtm.js"_s,
        u"Technology: Next.js | script src contains /_next/"_s,
        u"Technology: WordPress | link href contains /wp-content/"_s,
    };
    // Shopify and Webflow appear only in text, an inline script and a description: no proof.
    QCOMPARE(found, expected);
}

void TestWebsite::robots_disallowedPathIsNeverRequested()
{
    page(u"/robots.txt"_s,
        FakeResponse::text("# our rules\nUser-agent: *\nDisallow: /careers\nAllow: /\n\nSitemap: "
                           "https://acme.io/sitemap.xml\n",
            200, "text/plain"));
    page(u"/"_s, FakeResponse::text(fixture(u"site_home.html"_s)));
    page(u"/careers"_s, FakeResponse::text("<p>Careers at Acme: machine learning fraud team</p>"));
    page(u"/jobs"_s, FakeResponse::text(fixture(u"site_jobs.html"_s)));
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"acme.io"_s, channel::Website, u"machine learning fraud"_s));
    QCOMPARE(m_server->requestCount(site(u"/careers"_s)), 0);
    QCOMPARE(m_server->requestCount(site(u"/jobs"_s)), 1);
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QCOMPARE(out.reason, u"robots.txt disallows /careers"_s);
}

void TestWebsite::robots_groupForOurAgentWins()
{
    page(u"/robots.txt"_s,
        FakeResponse::text("User-agent: *\nDisallow:\n\nUser-agent: Googlebot\n"
                           "User-agent: gtm-research\nDisallow: /\n",
            200, "text/plain"));
    page(u"/"_s, FakeResponse::text(fixture(u"site_home.html"_s)));
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::Website, u"fraud"_s));
    QCOMPARE(m_server->requestCount(), 1); // robots.txt only
    // Asked not to read: not a failure of the source.
    QCOMPARE(out.status, SourceOutcome::Status::Skipped);
    QVERIFY2(out.reason.startsWith(u"robots.txt disallows /"_s), qPrintable(out.reason));
    QVERIFY(out.evidence.isEmpty());
}

void TestWebsite::robots_unreachableMeansNotRead()
{
    page(u"/robots.txt"_s, FakeResponse::text("oops", 500, "text/plain"));
    page(u"/"_s, FakeResponse::text(fixture(u"site_home.html"_s)));
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::Website, u"fraud"_s));
    QCOMPARE(m_server->requestCount(site(u"/"_s) + u"x"_s), 0);
    QCOMPARE(m_server->requests().constLast().path, site(u"/robots.txt"_s));
    QCOMPARE(requestsFor(u"/robots.txt"_s), 2); // a 500 may pass: tried again before giving up
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    QCOMPARE(out.reason, u"robots.txt unreachable (HTTP 500): site not read"_s);
}

void TestWebsite::redirect_withinTheSiteIsFollowed()
{
    page(u"/"_s, FakeResponse::text(fixture(u"site_home.html"_s)));
    page(u"/careers"_s,
        FakeResponse::text("", 301).withHeader("Location", site(u"/careers/"_s).toUtf8()));
    page(u"/careers/"_s,
        FakeResponse::text("<p>Careers: our machine learning team fights fraud daily.</p>"));
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"acme.io"_s, channel::Website, u"machine learning team"_s));
    QCOMPARE(m_server->requestCount(site(u"/careers/"_s)), 1);
    QCOMPARE(m_server->requestCount(site(u"/jobs"_s)), 0);
    QCOMPARE(out.evidence.first().url, u"https://acme.io/careers/"_s);
    QCOMPARE(
        out.evidence.first().snippet, u"Careers: our machine learning team fights fraud daily."_s);
}

void TestWebsite::redirect_toAnotherSiteIsRefused()
{
    // Another company behind the same stand-in, and a site outside it altogether.
    page(u"/"_s,
        FakeResponse::text("", 302).withHeader(
            "Location", (m_server->baseUrl().toString() + u"/site/evil.example/"_s).toUtf8()));
    page(u"/careers"_s,
        FakeResponse::text("", 301).withHeader("Location", "https://evil.example/careers"));
    page(u"/jobs"_s,
        FakeResponse::text("", 302).withHeader("Location", "https://www.acme.io/jobs/"));
    page(u"/jobs/"_s, FakeResponse::text(fixture(u"site_jobs.html"_s)));
    m_pages.insert(u"/site/evil.example/"_s, FakeResponse::text("<p>machine learning fraud</p>"));
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::Website, u"fraud"_s));
    QCOMPARE(m_server->requestCount(u"/site/evil.example"_s), 0);
    QVERIFY2(out.reason.contains(u"/: redirect to another site refused"_s), qPrintable(out.reason));
    QVERIFY2(out.reason.contains(
                 u"/careers: redirect to another site refused (https://evil.example/careers)"_s),
        qPrintable(out.reason));
    // www.acme.io is the company's own: followed, through the stand-in, and the evidence
    // links to where the redirect pointed.
    QCOMPARE(m_server->requestCount(site(u"/jobs/"_s)), 1);
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QCOMPARE(out.evidence.first().url, u"https://www.acme.io/jobs/"_s);
}

void TestWebsite::redirect_toAPrivateAddressIsRefused()
{
    // A public-looking company whose site sends us to a service on this machine (another port
    // of 127.0.0.1): the hop is held to the rule company names are, and never asked.
    FakeHttpServer local;
    QVERIFY(local.listen());
    local.route(u"/"_s, [](const FakeRequest &) { return FakeResponse::text("<p>admin</p>"); });
    const QByteArray admin = local.baseUrl().toString().toUtf8() + "/admin";
    page(u"/"_s, FakeResponse::text(fixture(u"site_home.html"_s)));
    page(u"/careers"_s, FakeResponse::text("", 302).withHeader("Location", admin));
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::Website, u"fraud"_s));
    QCOMPARE(local.requestCount(), 0);
    QVERIFY2(out.reason.contains(u"/careers: redirect to a private address refused (127.0.0.1)"_s),
        qPrintable(out.reason));
    // The rest of the site is still read.
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
}

void TestWebsite::oversizedPage_isCutAt2MB()
{
    page(u"/"_s, FakeResponse::text(fixture(u"site_home.html"_s)));
    // A real careers page at its head, then 3 MB of filler: the head is read, the rest is not.
    FakeResponse huge;
    huge.action = FakeResponse::Action::Oversize;
    huge.body = fixture(u"site_jobs.html"_s);
    huge.oversizeBytes = 3 * 1024 * 1024;
    huge.headers.append({ QByteArray("Content-Type"), QByteArray("text/html") });
    page(u"/careers"_s, huge);
    page(u"/jobs"_s, FakeResponse::text("<p>never read</p>"));
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out
        = run(source, context(u"acme.io"_s, channel::Website, u"machine learning fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Ok);
    QCOMPARE(out.reason, u"/careers: page larger than 2 MB, read its first 2 MB"_s);
    QCOMPARE(m_server->requestCount(site(u"/jobs"_s)), 0); // /careers was found
    bool fromCareers = false;
    for (const Evidence &e : out.evidence)
        fromCareers = fromCareers || e.url.endsWith(u"/careers"_s);
    QVERIFY2(fromCareers, "the head of the oversized page gives evidence");
}

void TestWebsite::site_isReadOncePerRunAcrossStrategies()
{
    page(u"/"_s, FakeResponse::text(fixture(u"site_home.html"_s)).withDelay(100));
    WebsiteSource source(m_http.get(), settings());
    auto a = source.search(context(u"acme.io"_s, channel::Website, u"machine learning"_s));
    auto b = source.search(context(u"acme.io"_s, channel::Website, u"fraud marketplaces"_s));
    auto c = source.search(context(u"acme.io"_s, channel::Website, u"account takeovers"_s));
    const SourceOutcome ra = QCoro::waitFor(a);
    const SourceOutcome rb = QCoro::waitFor(b);
    const SourceOutcome rc = QCoro::waitFor(c);
    QCOMPARE(m_server->requestCount(site(u"/robots.txt"_s)), 1);
    QCOMPARE(m_server->requestCount(site(u"/"_s) + u"x"_s), 0);
    QCOMPARE(requestsFor(u"/"_s), 1);
    QCOMPARE(ra.requests + rb.requests + rc.requests, m_server->requestCount());
    QVERIFY(!ra.evidence.isEmpty() && !rb.evidence.isEmpty() && !rc.evidence.isEmpty());
}

void TestWebsite::homePageError_isAFailureWithReason()
{
    page(u"/"_s, FakeResponse::text("<h1>Server error</h1>", 500));
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::Website, u"fraud"_s));
    QCOMPARE(requestsFor(u"/"_s), 2);
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    QCOMPARE(out.reason, u"/: HTTP 500"_s);
    QVERIFY2(out.companyFault, "a site's own error must not count against the source");
}

void TestWebsite::unreachableSite_isNotTheCompanysFault()
{
    // No HTTP answer at all may be our network: that is what the breaker is for.
    FakeResponse reset;
    reset.action = FakeResponse::Action::Reset;
    page(u"/robots.txt"_s, reset);
    page(u"/"_s, reset);
    ProviderPolicy once;
    once.maxAttempts = 1;
    m_http->setProviderPolicy(u"website"_s, once);
    WebsiteSource source(m_http.get(), settings());
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::Website, u"fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    QVERIFY2(out.reason.startsWith(u"robots.txt unreachable"_s), qPrintable(out.reason));
    QVERIFY(!out.companyFault);
}

void TestWebsite::homePageError_countsOnceAcrossStrategies()
{
    page(u"/"_s, FakeResponse::text("<h1>Server error</h1>", 500));
    WebsiteSource source(m_http.get(), settings());
    auto a = source.search(context(u"acme.io"_s, channel::Website, u"fraud"_s));
    auto b = source.search(context(u"acme.io"_s, channel::Website, u"risk"_s));
    const SourceOutcome ra = QCoro::waitFor(a);
    const SourceOutcome rb = QCoro::waitFor(b);
    QCOMPARE(ra.status, SourceOutcome::Status::Failed);
    QCOMPARE(rb.status, SourceOutcome::Status::Skipped);
    QCOMPARE(rb.reason, ra.reason);
    QCOMPARE(requestsFor(u"/"_s), 2); // the second strategy does not try the site again
}

void TestWebsite::hungSite_givesUpSoonerThanAnApi()
{
    page(u"/robots.txt"_s, FakeResponse::text("User-agent: *\n").withDelay(30000));
    HttpClientConfig config;
    config.defaultTimeout = std::chrono::milliseconds(20000);
    m_http = std::make_unique<HttpClient>(config);
    ProviderPolicy once;
    once.maxAttempts = 1;
    m_http->setProviderPolicy(u"website"_s, once);
    // The site's own limit (8 s unless given) wins over the client's 20 s; 300 ms spares the
    // suite the wait.
    WebsiteSource source(m_http.get(), settings(), std::chrono::milliseconds(300));
    const SourceOutcome out = run(source, context(u"acme.io"_s, channel::Website, u"fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    QVERIFY2(out.reason.contains(u"no answer within 0.3 s"_s), qPrintable(out.reason));
}

void TestWebsite::nameResolvingToThisMachine_isNotRead()
{
    // No stand-in template: the real https://{domain}. "localhost" resolves to 127.0.0.1 from
    // /etc/hosts, without a network; a hostile list could name any such host.
    WebsiteSource source(m_http.get(), SourceSettings {});
    const SourceOutcome out = run(source, context(u"localhost"_s, channel::Website, u"fraud"_s));
    QCOMPARE(out.status, SourceOutcome::Status::Failed);
    QVERIFY2(out.reason.contains(u"resolves to a private address (127.0.0.1)"_s),
        qPrintable(out.reason));
}

QTEST_GUILESS_MAIN(TestWebsite)
#include "tst_website.moc"
