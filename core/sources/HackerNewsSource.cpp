#include "HackerNewsSource.h"

#include "CompanyEvidence.h"
#include "SourceSupport.h"
#include "domain/CompanyName.h"
#include "model/Channel.h"
#include "model/WholeNumber.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace gtm {

namespace {
const QString Provider = QStringLiteral("hackernews");
}

HackerNewsSource::HackerNewsSource(HttpClient *http, SourceSettings settings)
    : m_http(http)
    , m_settings(std::move(settings))
{
}

QString HackerNewsSource::channel() const
{
    return channel::HackerNews;
}

QString HackerNewsSource::name() const
{
    return QStringLiteral("Hacker News");
}

QString HackerNewsSource::buildQuery(
    const QString &companyName, const QString &domain, const QString &query)
{
    const QString company = companyName.isEmpty() ? companyNameFromDomain(domain) : companyName;
    QStringList parts { company };
    parts << sources::queryTerms(query, domain, company, MaxTerms);
    return parts.join(u' ');
}

QCoro::Task<SourceOutcome> HackerNewsSource::search(SearchContext context)
{
    const QString company = context.companyName.isEmpty() ? companyNameFromDomain(context.domain)
                                                          : context.companyName;
    const QString q = buildQuery(company, context.domain, context.query);
    const int hits = sources::resultsForDepth(context.depth);

    HttpRequest request;
    request.url = sources::endpoint(m_settings, Provider, QStringLiteral("https://hn.algolia.com"),
        QStringLiteral("/api/v1/search"));
    const QString query = QStringLiteral("query=") + QString::fromLatin1(QUrl::toPercentEncoding(q))
        + QStringLiteral("&tags=story&hitsPerPage=") + QString::number(hits);
    request.url.setQuery(query, QUrl::StrictMode);
    request.provider = Provider;
    request.cacheKey = (Provider + u'\n' + request.url.toString(QUrl::FullyEncoded)).toUtf8();

    request.cancel = context.cancel;

    HttpResponse response = co_await m_http->send(std::move(request));
    SourceOutcome out;
    sources::countResponse(out, response);
    if (!response.ok()) {
        const SourceOutcome counted = out;
        if (response.status == 429 || response.error == HttpErrorKind::RateLimited)
            out = sources::failed(QStringLiteral("Hacker News search rate limit reached"));
        else if (response.status >= 500)
            out = sources::failed(
                QStringLiteral("Hacker News search server error (HTTP %1)").arg(response.status));
        else
            out = sources::failed(
                QStringLiteral("Hacker News search: %1").arg(response.errorString));
        out.requests = counted.requests;
        out.retries = counted.retries;
        out.cacheHits = counted.cacheHits;
        co_return out;
    }
    const QJsonDocument doc = response.json();
    if (!response.ok() || !doc.isObject()) {
        out.status = SourceOutcome::Status::Failed;
        out.reason
            = QStringLiteral("Hacker News search sent an answer that is not a search result");
        co_return out;
    }

    QList<Evidence> found;
    const QJsonArray list = doc.object().value(QStringLiteral("hits")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject h = v.toObject();
        Evidence e;
        e.title = sources::cleanText(h.value(QStringLiteral("title")).toString(), 200);
        if (e.title.isEmpty())
            continue;
        const QString id = h.value(QStringLiteral("objectID")).toString();
        e.url = h.value(QStringLiteral("url")).toString().trimmed();
        // Ask HN and Show HN text posts link nowhere else.
        if (e.url.isEmpty() || !QUrl(e.url).isValid())
            e.url = QStringLiteral("https://news.ycombinator.com/item?id=") + id;
        e.publishedAt = sources::parseDate(h.value(QStringLiteral("created_at")).toString());
        if (!e.publishedAt.isValid()) {
            const double seconds = h.value(QStringLiteral("created_at_i")).toDouble(qQNaN());
            if (const auto s = wholeNumber<qint64>(std::trunc(seconds)))
                e.publishedAt = QDateTime::fromSecsSinceEpoch(*s, Qt::UTC);
        }
        const int points = h.value(QStringLiteral("points")).toInt();
        const int comments = h.value(QStringLiteral("num_comments")).toInt();
        e.snippet
            = QStringLiteral("%1 points, %2 comments on Hacker News").arg(points).arg(comments);
        if (e.publishedAt.isValid())
            e.snippet += QStringLiteral(", ")
                + e.publishedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd"));
        e.sourceName = name();
        e.channel = channel::HackerNews;
        found << e;
    }
    out.evidence = sources::keepCompanyEvidence(found, context.domain, company);
    co_return out;
}

} // namespace gtm
