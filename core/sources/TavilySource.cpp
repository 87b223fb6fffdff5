#include "TavilySource.h"

#include "CompanyEvidence.h"
#include "SourceSupport.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "text/Text.h"

#include <QCoroFuture>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtConcurrent>

namespace gtm {

namespace {

const QString TavilyProvider = QStringLiteral("tavily");

// Tavily's own words for an error sit in {"detail":{"error":"..."}}; a 422 carries the
// validation list {"detail":[{"type","loc":["body","max_results"],"msg"}]}.
QString detailOf(HttpResponse response)
{
    const QJsonObject o = response.json().object();
    const QJsonValue detail = o.value(QStringLiteral("detail"));
    if (detail.isObject())
        return sources::serverMessage(detail.toObject().value(QStringLiteral("error")).toString());
    if (detail.isArray()) {
        QStringList problems;
        for (const QJsonValue &v : detail.toArray()) {
            const QJsonObject item = v.toObject();
            QStringList where;
            for (const QJsonValue &part : item.value(QStringLiteral("loc")).toArray())
                if (part.toString() != u"body")
                    where << (part.isDouble() ? QString::number(part.toInt()) : part.toString());
            const QString msg = item.value(QStringLiteral("msg")).toString();
            if (!msg.isEmpty())
                problems << (where.isEmpty() ? msg : where.join(u'.') + QStringLiteral(": ") + msg);
        }
        return sources::serverMessage(problems.join(QStringLiteral("; ")));
    }
    return sources::serverMessage(detail.toString());
}

// Off the event loop's thread: a result's content is HTML of any size and depth.
QList<Evidence> readResults(const QJsonArray &results, const QString &sourceName)
{
    QList<Evidence> found;
    for (const QJsonValue &v : results) {
        const QJsonObject r = v.toObject();
        Evidence e;
        e.url = r.value(QStringLiteral("url")).toString().trimmed();
        if (!QUrl(e.url).isValid() || e.url.isEmpty())
            continue;
        e.title = sources::cleanText(r.value(QStringLiteral("title")).toString(), 200);
        e.snippet = sources::cleanText(r.value(QStringLiteral("content")).toString());
        e.score = r.value(QStringLiteral("score")).toDouble();
        e.publishedAt = sources::parseDate(r.value(QStringLiteral("published_date")).toString());
        e.sourceName = sourceName;
        e.channel = channel::GoogleSearch;
        found << e;
    }
    return found;
}

SourceOutcome failure(const HttpResponse &response)
{
    switch (response.status) {
    case 401:
        return sources::failed(QStringLiteral("Tavily rejected the API key"), true);
    case 432:
        return sources::failed(QStringLiteral("Tavily plan limit reached"), true);
    case 433:
        return sources::failed(QStringLiteral("Tavily pay-as-you-go limit reached"), true);
    case 429:
        return sources::failed(QStringLiteral("Tavily rate limit: still refused after %1 attempts")
                                   .arg(std::max(1, response.attempts)));
    case 400:
    case 422: {
        const QString detail = detailOf(response);
        return sources::failed(detail.isEmpty()
                ? QStringLiteral("Tavily rejected the request")
                : QStringLiteral("Tavily rejected the request: %1").arg(detail));
    }
    default:
        break;
    }
    if (response.error == HttpErrorKind::QuotaExhausted)
        return sources::failed(QStringLiteral("Tavily quota exhausted"), true);
    if (response.status >= 500)
        return sources::failed(
            QStringLiteral("Tavily server error (HTTP %1)").arg(response.status));
    return sources::failed(QStringLiteral("Tavily: %1").arg(response.errorString));
}

} // namespace

TavilySource::TavilySource(HttpClient *http, SourceSettings settings)
    : m_http(http)
    , m_settings(std::move(settings))
    , m_key(m_settings.apiKeys.value(TavilyProvider))
{
}

QString TavilySource::channel() const
{
    return channel::GoogleSearch;
}

QString TavilySource::name() const
{
    return QStringLiteral("Tavily");
}

QString TavilySource::searchDepth(Depth depth)
{
    return depth == Depth::Comprehensive ? QStringLiteral("advanced") : QStringLiteral("basic");
}

QString TavilySource::topicFor(const QString &query)
{
    static const QRegularExpression news(
        QStringLiteral("\\b(news|announce[sd]?|announcement|press release|acquires|acquisition|"
                       "raises|funding round)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return news.match(query).hasMatch() ? QStringLiteral("news") : QStringLiteral("general");
}

QCoro::Task<SourceOutcome> TavilySource::search(SearchContext context)
{
    if (m_key.isEmpty()) {
        SourceOutcome skipped;
        skipped.status = SourceOutcome::Status::Skipped;
        skipped.reason = QStringLiteral("no API key");
        co_return skipped;
    }
    // Tavily refuses queries over 400 characters.
    const QString query
        = text::truncateAtWord(text::collapseWhitespace(context.query), MaxQueryLength)
              .remove(QChar(0x2026));
    const QString depth = searchDepth(context.depth);
    const int maxResults = sources::resultsForDepth(context.depth);

    HttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.url = sources::endpoint(m_settings, TavilyProvider,
        QStringLiteral("https://api.tavily.com"), QStringLiteral("/search"));
    request.provider = TavilyProvider;
    request.headers = {
        { QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + m_key.toUtf8() },
        { QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json") },
    };
    const QString topic = topicFor(query);
    QJsonObject body {
        { QStringLiteral("query"), query },
        { QStringLiteral("search_depth"), depth },
        { QStringLiteral("topic"), topic },
        { QStringLiteral("max_results"), maxResults },
        // Without it the general topic returns no published_date.
        { QStringLiteral("include_published_date"), true },
        { QStringLiteral("include_answer"), false },
        { QStringLiteral("include_raw_content"), false },
    };
    // The news topic looks back only days unless told otherwise; a company's announcements
    // of the past year are what a rep wants.
    if (topic == u"news")
        body.insert(QStringLiteral("time_range"), QStringLiteral("year"));
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    // What decides the answer: the service, the query, its depth and size. The key is in a
    // header, never in here.
    request.cacheKey
        = TavilyProvider.toUtf8() + '\n' + request.url.toEncoded() + '\n' + request.body;

    request.cancel = context.cancel;

    HttpResponse response = co_await m_http->send(std::move(request));
    SourceOutcome out;
    if (!response.ok()) {
        out = failure(response);
        sources::countResponse(out, response);
        co_return out;
    }
    const QJsonDocument doc = response.json();
    sources::countResponse(out, response);
    if (!response.ok() || !doc.isObject()) {
        out.status = SourceOutcome::Status::Failed;
        out.reason = QStringLiteral("Tavily sent an answer that is not a search result");
        co_return out;
    }

    const QJsonArray results = doc.object().value(QStringLiteral("results")).toArray();
    const QList<Evidence> found = co_await QtConcurrent::run(readResults, results, name());
    out.evidence = sources::keepCompanyEvidence(found, context.domain, context.companyName);
    co_return out;
}

} // namespace gtm
