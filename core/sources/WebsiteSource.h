#pragma once

#include "RobotsTxt.h"
#include "Source.h"
#include "SourceFactory.h"
#include "TechFingerprints.h"

#include <QFuture>
#include <QHash>
#include <chrono>
#include <memory>
#include <optional>

namespace gtm {

class HttpClient;

// website: the company's own site, no key. Per company and run it reads robots.txt, the home
// page and the first of /careers, /jobs, /about that exists, once, shared by every strategy.
// Evidence is the visible text that matches the strategy's query and the technologies the
// pages load. Redirects are followed only within the site and never to a private address;
// robots.txt is honoured; a page over 2 MB is not read.
class WebsiteSource : public Source
{
public:
    // timeout: Timeout unless a test would rather not wait 8 s for a hung site.
    WebsiteSource(HttpClient *http, SourceSettings settings,
        std::chrono::milliseconds timeout = Timeout);
    ~WebsiteSource() override;

    QString channel() const override;
    QString name() const override;

    QCoro::Task<SourceOutcome> search(SearchContext context) override;
    void resetRunCache() override;
    void releaseCompany(const QString &domain) override;
    int companiesKept() const { return int(m_sites.size()); } // for tests

    static constexpr qint64 MaxPageBytes = 2 * 1024 * 1024;
    static constexpr int MaxRedirects = 5;
    // Without progress for this long a company's site is given up: a hung site would otherwise
    // hold a slot for the APIs' 20 s, and a 10,000-company list has hundreds of them.
    static constexpr std::chrono::milliseconds Timeout { 8000 };

private:
    struct Site;
    struct Page;
    struct Fetch;
    struct Target
    {
        QUrl fetchUrl; // where the request goes (the template's address in tests and mirrors)
        QString path; // path and query within the site, for robots.txt: "/careers"
        QString realUrl; // what the user can open: https://acme.io/careers
    };
    using SitePtr = std::shared_ptr<const Site>;

    QUrl siteBase(const QString &domain) const;
    Target targetFor(const QString &domain, const QString &path) const;
    std::optional<Target> locate(const QUrl &url, const QString &domain) const;

    QCoro::Task<SitePtr> loadSite(QString domain, CancelToken cancel);
    // Empty, or the private address (and the name that led to it) a redirect points at.
    QCoro::Task<QString> privateAddressOf(QUrl url, QString domain) const;
    QCoro::Task<Fetch> fetch(QString domain, QString path, RobotsTxt robots,
        std::shared_ptr<Site> site, CancelToken cancel);

    HttpClient *m_http;
    SourceSettings m_settings;
    std::chrono::milliseconds m_timeout;
    QString m_productToken;
    QHash<QString, QFuture<SitePtr>> m_sites;
};

} // namespace gtm
