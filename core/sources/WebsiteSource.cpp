#include "WebsiteSource.h"

#include "CompanyEvidence.h"
#include "SourceSupport.h"
#include "domain/CompanyName.h"
#include "html/Html.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "text/Text.h"

#include <QCoroFuture>
#include <QHostAddress>
#include <QHostInfo>
#include <QPromise>
#include <QtConcurrent>

namespace gtm {

struct WebsiteSource::Page
{
    QString path;
    QString url; // the address the user can open
    QString title;
    QStringList passages;
};

struct WebsiteSource::Site
{
    QList<Page> pages;
    QList<QPair<TechnologyMatch, QString>> technologies; // with the page URL it was seen on
    QStringList notes; // pages not read, and why
    bool failed = false; // a page could not be read for a reason other than robots.txt
    bool unreachable = false; // no HTTP answer at all: maybe our network, not their site
    SourceOutcome cost;
};

struct WebsiteSource::Fetch
{
    HttpResponse response;
    Target target;
    QString refused; // why the page was not read, for the row
    bool byRobots = false; // refused because robots.txt asks us not to read it
    bool found = false; // an HTML page was read
    QString note; // read, but with a caveat for the row (only the first 2 MB)
};

namespace {

struct Parsed
{
    html::ParsedPage page;
    QList<TechnologyMatch> technologies;
};

Parsed parseAndDetect(QByteArray body, QByteArray contentType, HeaderList headers)
{
    // gumbo reads UTF-8 only; Latin-1 pages are still seen now and then.
    const QByteArray type = contentType.toLower();
    if (type.contains("charset=iso-8859-1") || type.contains("charset=latin1")
        || type.contains("charset=windows-1252"))
        body = QString::fromLatin1(body).toUtf8();
    Parsed p;
    p.page = html::parsePage(body);
    p.technologies = TechFingerprints::builtIn().detect(p.page, headers);
    return p;
}

// Loopback, private-use, link-local, carrier-grade NAT, unique-local and unspecified addresses
// (Qt 6.4 has no isPrivateUse()).
bool isPublicAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // IPv4-mapped IPv6 included
    if (isV4) {
        const auto in
            = [v4](quint32 net, int bits) { return (v4 >> (32 - bits)) == (net >> (32 - bits)); };
        return !(in(0x00000000, 8) || in(0x0A000000, 8) || in(0x7F000000, 8) || in(0x64400000, 10)
            || in(0xA9FE0000, 16) || in(0xAC100000, 12) || in(0xC0A80000, 16));
    }
    return !(address.isLoopback() || address.isLinkLocal() || address.isSiteLocal()
        || address.isUniqueLocalUnicast() || address == QHostAddress(QHostAddress::AnyIPv6));
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool isHtml(const QByteArray &contentType)
{
    const QByteArray t = contentType.toLower();
    return t.isEmpty() || t.contains("text/html") || t.contains("application/xhtml");
}

QString pathWithQuery(const QUrl &url)
{
    QString p = url.path(QUrl::FullyEncoded);
    if (p.isEmpty())
        p = QStringLiteral("/");
    if (url.hasQuery())
        p += u'?' + url.query(QUrl::FullyEncoded);
    return p;
}

} // namespace

WebsiteSource::WebsiteSource(
    HttpClient *http, SourceSettings settings, std::chrono::milliseconds timeout)
    : m_http(http)
    , m_settings(std::move(settings))
    , m_timeout(timeout)
{
    // robots.txt groups name crawlers by product token: "GTM-Research" of "GTM-Research/0.1".
    const QByteArray agent
        = m_http ? m_http->config().userAgent : QByteArrayLiteral("GTM-Research");
    m_productToken = QString::fromLatin1(agent).section(u'/', 0, 0).trimmed();
}

WebsiteSource::~WebsiteSource() = default;

QString WebsiteSource::channel() const
{
    return channel::Website;
}

QString WebsiteSource::name() const
{
    return QStringLiteral("Company website");
}

void WebsiteSource::resetRunCache()
{
    m_sites.clear();
}

void WebsiteSource::releaseCompany(const QString &domain)
{
    m_sites.remove(domain.toLower());
}

QUrl WebsiteSource::siteBase(const QString &domain) const
{
    if (m_settings.websiteUrlTemplate.isEmpty())
        return QUrl(QStringLiteral("https://") + domain);
    QString t = m_settings.websiteUrlTemplate;
    t.replace(QStringLiteral("{domain}"), domain);
    return QUrl(t);
}

WebsiteSource::Target WebsiteSource::targetFor(const QString &domain, const QString &path) const
{
    const QUrl base = siteBase(domain);
    QString prefix = base.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    const qsizetype q = path.indexOf(u'?');
    Target t;
    t.fetchUrl = base;
    t.fetchUrl.setPath(prefix + (q < 0 ? path : path.left(q)), QUrl::TolerantMode);
    t.fetchUrl.setQuery(q < 0 ? QString() : path.mid(q + 1), QUrl::TolerantMode);
    t.path = path;
    t.realUrl = QStringLiteral("https://") + domain + path;
    return t;
}

std::optional<WebsiteSource::Target> WebsiteSource::locate(
    const QUrl &url, const QString &domain) const
{
    if (url.scheme() != u"http" && url.scheme() != u"https")
        return std::nullopt;
    if (!m_settings.websiteUrlTemplate.isEmpty()) {
        // The stand-in's own address space: http://127.0.0.1:PORT/site/{domain}/...
        const QUrl base = siteBase(domain);
        QString prefix = base.path();
        while (prefix.endsWith(u'/'))
            prefix.chop(1);
        const QString path = url.path();
        if (url.scheme() == base.scheme() && url.host() == base.host() && url.port() == base.port()
            && (path == prefix || path.startsWith(prefix + u'/'))) {
            QUrl inner = url;
            inner.setPath(path.mid(prefix.size()));
            return targetFor(domain, pathWithQuery(inner));
        }
        // The real site's address, as a redirect may name it: read through the stand-in.
        if (sources::isCompanyHost(url.host(), domain)) {
            Target t = targetFor(domain, pathWithQuery(url));
            t.realUrl = url.toString(QUrl::FullyEncoded);
            return t;
        }
        return std::nullopt;
    }
    if (!sources::isCompanyHost(url.host(), domain))
        return std::nullopt;
    Target t;
    t.fetchUrl = url;
    t.path = pathWithQuery(url);
    t.realUrl = url.toString(QUrl::FullyEncoded);
    return t;
}

QCoro::Task<QString> WebsiteSource::privateAddressOf(QUrl url, QString domain) const
{
    const QString host = url.host().toLower();
    if (!m_settings.websiteUrlTemplate.isEmpty()) {
        // The stand-in of tests and mirrors is on loopback by design; any other name is read
        // through it or refused as another site, so only a literal address can reach out.
        const QUrl base = siteBase(domain);
        if (url.host() == base.host() && url.port() == base.port())
            co_return QString();
    }
    const QHostAddress literal(host);
    if (!literal.isNull())
        co_return isPublicAddress(literal) ? QString() : literal.toString();
    // The company's own name was checked before its first page was asked for.
    if (!m_settings.websiteUrlTemplate.isEmpty() || host == domain)
        co_return QString();
    const QHostInfo info = co_await QtConcurrent::run(QHostInfo::fromName, host);
    for (const QHostAddress &address : info.addresses())
        if (!isPublicAddress(address))
            co_return QStringLiteral("%1 resolves to %2").arg(host, address.toString());
    co_return QString();
}

QCoro::Task<WebsiteSource::Fetch> WebsiteSource::fetch(
    QString domain, QString path, RobotsTxt robots, std::shared_ptr<Site> site, CancelToken cancel)
{
    Fetch f;
    f.target = targetFor(domain, path);
    if (!robots.allows(path)) {
        f.refused = QStringLiteral("robots.txt disallows ") + path;
        f.byRobots = true;
        co_return f;
    }
    for (int hop = 0;; ++hop) {
        HttpRequest request;
        request.url = f.target.fetchUrl;
        request.provider = QStringLiteral("website");
        request.maxBytes = MaxPageBytes;
        request.timeout = m_timeout;
        request.keepTruncated = true;
        request.cancel = cancel;
        request.headers = { { QByteArrayLiteral("Accept"),
            QByteArrayLiteral("text/html,application/xhtml+xml;q=0.9,*/*;q=0.5") } };
        f.response = co_await m_http->send(std::move(request));
        sources::countResponse(site->cost, f.response);
        const QByteArray location = f.response.header(QByteArrayLiteral("location"));
        if (!isRedirect(f.response.status) || location.isEmpty())
            break;
        if (hop >= MaxRedirects) {
            f.refused = path + QStringLiteral(": too many redirects");
            co_return f;
        }
        const QUrl next = f.target.fetchUrl.resolved(QUrl::fromEncoded(location.trimmed()));
        // Every hop is held to the rule the company's own name was: a site that points us at
        // this machine or its network is not read, whatever the hop's host is called.
        const QString privateTarget = co_await privateAddressOf(next, domain);
        if (!privateTarget.isEmpty()) {
            f.refused = path
                + QStringLiteral(": redirect to a private address refused (%1)").arg(privateTarget);
            co_return f;
        }
        const std::optional<Target> within = locate(next, domain);
        if (!within) {
            f.refused = path
                + QStringLiteral(": redirect to another site refused (%1)")
                      .arg(next.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment).toString());
            co_return f;
        }
        if (!robots.allows(within->path)) {
            f.refused = QStringLiteral("robots.txt disallows ") + within->path;
            f.byRobots = true;
            co_return f;
        }
        f.target = *within;
    }
    const HttpResponse &r = f.response;
    if (r.error == HttpErrorKind::TooLarge) {
        f.refused = path
            + QStringLiteral(": page larger than %1 MB, not read")
                  .arg(MaxPageBytes / (1024 * 1024));
    } else if (r.status == 404 || r.status == 410) {
        // Not there: nothing to report for the optional pages.
    } else if (!r.ok()) {
        f.refused = path + QStringLiteral(": ")
            + (r.status > 0 ? QStringLiteral("HTTP %1").arg(r.status) : r.errorString);
    } else if (!isHtml(r.header(QByteArrayLiteral("content-type")))) {
        f.refused = path + QStringLiteral(": not an HTML page");
    } else {
        f.found = true;
        if (r.truncated)
            f.note = path
                + QStringLiteral(": page larger than %1 MB, read its first %1 MB")
                      .arg(MaxPageBytes / (1024 * 1024));
    }
    co_return f;
}

QCoro::Task<WebsiteSource::SitePtr> WebsiteSource::loadSite(QString domain, CancelToken cancel)
{
    auto site = std::make_shared<Site>();

    // A company's name that resolves to this machine or its network is not a company site (a
    // hostile session or list aiming at a local service). The stand-in of tests and mirrors
    // (websiteUrlTemplate) is on loopback by design.
    if (m_settings.websiteUrlTemplate.isEmpty()) {
        const QHostInfo info = co_await QtConcurrent::run(QHostInfo::fromName, domain);
        for (const QHostAddress &address : info.addresses()) {
            if (!isPublicAddress(address)) {
                site->failed = true;
                site->notes << QStringLiteral("%1 resolves to a private address (%2): not read")
                                   .arg(domain, address.toString());
                co_return site;
            }
        }
    }

    RobotsTxt robots;
    {
        const Fetch r
            = co_await fetch(domain, QStringLiteral("/robots.txt"), RobotsTxt(), site, cancel);
        if (r.response.ok()) {
            robots = RobotsTxt::parse(QString::fromUtf8(r.response.body), m_productToken);
        } else if (r.response.status >= 500 || r.response.status == 429
            || (r.response.status == 0 && r.response.error != HttpErrorKind::TooLarge)) {
            // RFC 9309: an unreachable robots.txt means the whole site is off limits for now.
            robots = RobotsTxt::disallowAll();
            site->failed = true;
            site->unreachable = r.response.status == 0;
            site->notes << QStringLiteral("robots.txt unreachable (%1): site not read")
                               .arg(r.response.status > 0
                                       ? QStringLiteral("HTTP %1").arg(r.response.status)
                                       : r.response.errorString);
            co_return site;
        }
        // 4xx, too large or redirected elsewhere: no rules apply.
    }

    QStringList paths { QStringLiteral("/") };
    const QStringList optional { QStringLiteral("/careers"), QStringLiteral("/jobs"),
        QStringLiteral("/about") };
    bool optionalFound = false;
    for (const QString &path : paths + optional) {
        if (path != u"/" && optionalFound)
            break;
        const Fetch f = co_await fetch(domain, path, robots, site, cancel);
        if (!f.refused.isEmpty()) {
            site->notes << f.refused;
            site->failed = site->failed || !f.byRobots;
        }
        if (!f.found) {
            if (path == u"/" && f.refused.isEmpty()) {
                site->notes << (f.response.status > 0
                        ? QStringLiteral("/: HTTP %1").arg(f.response.status)
                        : QStringLiteral("/: ") + f.response.errorString);
                site->failed = true;
                site->unreachable = f.response.status == 0;
            }
            continue;
        }
        if (!f.note.isEmpty())
            site->notes << f.note;
        const Parsed parsed = co_await QtConcurrent::run(parseAndDetect, f.response.body,
            f.response.header(QByteArrayLiteral("content-type")), f.response.headers);
        Page page;
        page.path = f.target.path;
        page.url = f.target.realUrl;
        page.title = text::truncateAtWord(parsed.page.title, 200);
        page.passages = parsed.page.passages;
        site->pages << page;
        for (const TechnologyMatch &m : parsed.technologies) {
            const bool known = std::any_of(site->technologies.cbegin(), site->technologies.cend(),
                [&](const auto &t) { return t.first.technology == m.technology; });
            if (!known)
                site->technologies.append({ m, page.url });
        }
        if (path != u"/")
            optionalFound = true;
    }
    co_return site;
}

QCoro::Task<SourceOutcome> WebsiteSource::search(SearchContext context)
{
    const QString domain = context.domain.toLower();
    SitePtr site;
    SourceOutcome out;
    bool fetchedHere = false;
    auto known = m_sites.constFind(domain);
    if (known == m_sites.constEnd()) {
        fetchedHere = true;
        // The first strategy for this company reads the site; the others await the same pages.
        QPromise<SitePtr> promise;
        m_sites.insert(domain, promise.future());
        promise.start();
        site = co_await loadSite(domain, context.cancel);
        promise.addResult(site);
        promise.finish();
        out.requests = site->cost.requests;
        out.retries = site->cost.retries;
        out.cacheHits = site->cost.cacheHits;
    } else {
        const QFuture<SitePtr> pending = *known;
        site = co_await pending;
    }
    out.reason = site->notes.join(QStringLiteral("; "));
    if (site->pages.isEmpty()) {
        // A site that asks not to be read is not a failing source; and one failed read is one
        // failure, not one per strategy that shared it.
        out.status = site->failed && fetchedHere ? SourceOutcome::Status::Failed
                                                 : SourceOutcome::Status::Skipped;
        out.companyFault = !site->unreachable;
        if (out.reason.isEmpty())
            out.reason = QStringLiteral("the site could not be read");
        co_return out;
    }

    const QString company
        = context.companyName.isEmpty() ? companyNameFromDomain(domain) : context.companyName;
    const QStringList terms = sources::queryTerms(context.query, domain, company);
    struct Hit
    {
        int page;
        int passage;
        int matched;
    };
    QList<Hit> hits;
    for (int p = 0; p < site->pages.size(); ++p) {
        const QStringList &passages = site->pages.at(p).passages;
        for (int i = 0; i < passages.size(); ++i) {
            // Menus and buttons are not statements about the company.
            if (passages.at(i).size() < 20)
                continue;
            int matched = 0;
            for (const QString &t : terms)
                matched += text::containsWord(passages.at(i), t) ? 1 : 0;
            if (matched > 0)
                hits.append({ p, i, matched });
        }
    }
    std::stable_sort(
        hits.begin(), hits.end(), [](const Hit &a, const Hit &b) { return a.matched > b.matched; });
    const int keep = sources::resultsForDepth(context.depth);
    for (int k = 0; k < hits.size() && k < keep; ++k) {
        const Page &page = site->pages.at(hits.at(k).page);
        Evidence e;
        e.url = page.url;
        e.title = page.title.isEmpty() ? name() + QStringLiteral(": ") + page.path : page.title;
        e.snippet = sources::passageAround(page.passages.at(hits.at(k).passage), terms, 400);
        e.score = double(hits.at(k).matched) / double(terms.size());
        e.sourceName = name();
        e.channel = channel::Website;
        out.evidence << e;
    }
    for (const auto &[tech, url] : site->technologies) {
        Evidence e;
        e.url = url;
        e.title = QStringLiteral("Technology: ") + tech.technology;
        e.snippet = tech.evidence;
        e.sourceName = name();
        e.channel = channel::Website;
        out.evidence << e;
    }
    co_return out;
}

} // namespace gtm
