#include "NewsApiSource.h"

#include "CompanyEvidence.h"
#include "SourceSupport.h"
#include "domain/CompanyName.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "net/RetryPolicy.h"
#include "text/Text.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace gtm {

namespace {

const QString NewsApiProvider = QStringLiteral("newsapi");

// Query operators and brackets that must not be left dangling at the end of a cut query.
bool isDanglingOperator(const QString &word)
{
    return word == u"AND" || word == u"OR" || word == u"NOT" || word == u"(" || word == u"-"
        || word == u"+";
}

QString cutQuery(QString query, int budget)
{
    query = text::collapseWhitespace(query);
    if (query.size() <= budget)
        return query;
    QStringList words = query.left(budget + 1).split(u' ', Qt::SkipEmptyParts);
    // The last word was cut unless the text happened to end on a space.
    if (query.at(budget) != u' ' && !words.isEmpty())
        words.removeLast();
    auto joined = [&] { return words.join(u' '); };
    while (!words.isEmpty()) {
        const QString q = joined();
        const bool openQuote = q.count(u'"') % 2 == 1;
        const bool unbalanced = q.count(u'(') != q.count(u')');
        if (!openQuote && !unbalanced && !isDanglingOperator(words.last()))
            break;
        words.removeLast();
    }
    return joined();
}

// Percent-encodes everything but RFC 3986's unreserved characters: a '+' in the query is a
// plus, not a space, and '&', '=' and quotes cannot break the parameter list.
QString encoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// NewsAPI documents no Retry-After; when a proxy or a future version sends one, the row says
// when asking again makes sense.
QString waitHint(const HttpResponse &response)
{
    const auto wait
        = parseRetryAfter(response.header("retry-after"), QDateTime::currentDateTimeUtc());
    if (response.status != 429 || !wait)
        return {};
    const qint64 minutes = (wait->count() + 59999) / 60000;
    return minutes >= 120 ? QStringLiteral(" (quota resets in about %1 h)").arg((minutes + 59) / 60)
                          : QStringLiteral(" (quota resets in about %1 min)").arg(minutes);
}

} // namespace

NewsApiSource::NewsApiSource(HttpClient *http, SourceSettings settings)
    : m_http(http)
    , m_settings(std::move(settings))
    , m_key(m_settings.apiKeys.value(NewsApiProvider))
{
}

QString NewsApiSource::channel() const
{
    return channel::NewsSearch;
}

QString NewsApiSource::name() const
{
    return QStringLiteral("NewsAPI");
}

QString NewsApiSource::buildQuery(const QString &companyName, const QString &query)
{
    QString company = text::collapseWhitespace(companyName);
    company.remove(u'"');
    const QString head = u'"' + company + QStringLiteral("\" AND (");
    const QString rest = cutQuery(query, MaxQueryLength - int(head.size()) - 1);
    if (rest.isEmpty())
        return u'"' + company + u'"';
    return head + rest + u')';
}

QString NewsApiSource::reasonForCode(const QString &code, const QString &message, bool *stop)
{
    bool s = false;
    QString reason;
    if (code == u"apiKeyInvalid") {
        reason = QStringLiteral("NewsAPI rejected the API key");
        s = true;
    } else if (code == u"apiKeyDisabled") {
        reason = QStringLiteral("NewsAPI has disabled the API key");
        s = true;
    } else if (code == u"apiKeyMissing") {
        reason = QStringLiteral("NewsAPI received no API key");
        s = true;
    } else if (code == u"apiKeyExhausted") {
        reason = QStringLiteral("NewsAPI request limit reached for this key");
        s = true;
    } else if (code == u"rateLimited") {
        reason = QStringLiteral("NewsAPI rate limit reached");
        s = true;
    } else if (code == u"parameterInvalid") {
        reason = QStringLiteral("NewsAPI rejected the query");
    } else if (code == u"parametersMissing") {
        reason = QStringLiteral("NewsAPI says the request is missing parameters");
    } else if (code == u"sourcesTooMany") {
        reason = QStringLiteral("NewsAPI: too many sources requested");
    } else if (code == u"sourceDoesNotExist") {
        reason = QStringLiteral("NewsAPI: a requested news source does not exist");
    } else if (code == u"unexpectedError") {
        reason = QStringLiteral("NewsAPI server error");
    } else {
        reason = code.isEmpty()
            ? QStringLiteral("NewsAPI error")
            : QStringLiteral("NewsAPI error %1").arg(sources::serverMessage(code));
    }
    // A stopped key needs no server prose, except where the prose says when the quota comes
    // back ("limited to 100 requests over a 24 hour period").
    const bool saysWhen = code == u"rateLimited" || code == u"apiKeyExhausted";
    const QString detail = sources::serverMessage(message);
    if (!detail.isEmpty() && (!s || saysWhen))
        reason += QStringLiteral(": ") + detail;
    if (stop)
        *stop = s;
    return reason;
}

QCoro::Task<SourceOutcome> NewsApiSource::search(SearchContext context)
{
    if (m_key.isEmpty()) {
        SourceOutcome skipped;
        skipped.status = SourceOutcome::Status::Skipped;
        skipped.reason = QStringLiteral("no API key");
        co_return skipped;
    }
    const QString company = context.companyName.isEmpty() ? companyNameFromDomain(context.domain)
                                                          : context.companyName;
    const QString q = buildQuery(company, context.query);
    const int pageSize = sources::resultsForDepth(context.depth);

    HttpRequest request;
    request.url = sources::endpoint(m_settings, NewsApiProvider,
        QStringLiteral("https://newsapi.org"), QStringLiteral("/v2/everything"));
    const QString query = QStringLiteral("q=") + encoded(q)
        + QStringLiteral("&language=en&sortBy=relevancy&pageSize=") + QString::number(pageSize)
        + QStringLiteral("&page=1");
    request.url.setQuery(query, QUrl::StrictMode);
    request.provider = NewsApiProvider;
    request.headers = { { QByteArrayLiteral("X-Api-Key"), m_key.toUtf8() } };
    // The URL names the service (a mirror's answers are not the real one's) and the query; the
    // key travels in a header and is not part of it.
    request.cacheKey
        = (NewsApiProvider + u'\n' + request.url.toString(QUrl::FullyEncoded)).toUtf8();

    request.cancel = context.cancel;

    HttpResponse response = co_await m_http->send(std::move(request));
    SourceOutcome out;
    sources::countResponse(out, response);
    const QJsonObject body = response.json().object();
    const bool isError = body.value(QStringLiteral("status")).toString() == u"error";
    if (isError || !response.ok()) {
        const SourceOutcome counted = out;
        const QString code = body.value(QStringLiteral("code")).toString();
        if (isError || !code.isEmpty()) {
            bool stop = false;
            const QString reason
                = reasonForCode(code, body.value(QStringLiteral("message")).toString(), &stop);
            out = sources::failed(reason + waitHint(response), stop);
        } else if (response.error == HttpErrorKind::QuotaExhausted) {
            out = sources::failed(
                QStringLiteral("NewsAPI request limit reached for this key"), true);
        } else if (response.status == 401) {
            out = sources::failed(QStringLiteral("NewsAPI rejected the API key"), true);
        } else if (response.status == 429) {
            out = sources::failed(
                QStringLiteral("NewsAPI rate limit reached") + waitHint(response), true);
        } else if (response.status >= 500) {
            out = sources::failed(
                QStringLiteral("NewsAPI server error (HTTP %1)").arg(response.status));
        } else if (response.error == HttpErrorKind::Parse) {
            out = sources::failed(
                QStringLiteral("NewsAPI sent an answer that is not a search result"));
        } else {
            out = sources::failed(QStringLiteral("NewsAPI: %1").arg(response.errorString));
        }
        out.requests = counted.requests;
        out.retries = counted.retries;
        out.cacheHits = counted.cacheHits;
        co_return out;
    }

    QList<Evidence> found;
    const QJsonArray articles = body.value(QStringLiteral("articles")).toArray();
    for (const QJsonValue &v : articles) {
        const QJsonObject a = v.toObject();
        Evidence e;
        e.url = a.value(QStringLiteral("url")).toString().trimmed();
        e.title = sources::cleanText(a.value(QStringLiteral("title")).toString(), 200);
        // Articles taken down since indexing stay in the index as "[Removed]".
        if (e.url.isEmpty() || e.title == u"[Removed]" || QUrl(e.url).host() == u"removed.com")
            continue;
        QString description = a.value(QStringLiteral("description")).toString();
        if (description.trimmed().isEmpty()) {
            // The free plan cuts content and says by how much: "... [+2711 chars]".
            static const QRegularExpression cutMarker(
                QStringLiteral("\\s*\\[\\+\\d+ chars\\]\\s*$"));
            description = a.value(QStringLiteral("content")).toString().remove(cutMarker);
        }
        const QString outlet
            = a.value(QStringLiteral("source")).toObject().value(QStringLiteral("name")).toString();
        e.snippet = sources::cleanText(description);
        // Null description and content: no snippet rather than a bare "Google News: ".
        if (!outlet.trimmed().isEmpty() && !e.snippet.isEmpty())
            e.snippet = sources::cleanText(outlet, 80) + QStringLiteral(": ") + e.snippet;
        e.publishedAt = sources::parseDate(a.value(QStringLiteral("publishedAt")).toString());
        e.sourceName = name();
        e.channel = channel::NewsSearch;
        found << e;
    }
    out.evidence = sources::keepCompanyEvidence(found, context.domain, company);
    co_return out;
}

} // namespace gtm
