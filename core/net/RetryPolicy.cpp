#include "RetryPolicy.h"

#include "HttpClient.h"
#include "model/WholeNumber.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace gtm {

namespace {

// A server asking for more than a day is not asking for a retry within this run.
constexpr long long kLongestDelayMs = 24LL * 3600 * 1000;

QDateTime parseHttpDate(const QString &text)
{
    // HTTP dates are always GMT with English names, whatever the user's locale. The weekday is
    // dropped before parsing: it is redundant, and a two-digit year would make it disagree.
    const QLocale c = QLocale::c();
    QString rest = text.simplified();
    const qsizetype comma = rest.indexOf(u',');
    if (comma >= 0)
        rest = rest.mid(comma + 1).trimmed();
    else
        rest = rest.section(u' ', 1); // asctime: "Wed Oct 21 07:28:00 2015"
    static const QStringList formats {
        QStringLiteral("dd MMM yyyy HH:mm:ss 'GMT'"), // IMF-fixdate
        QStringLiteral("dd-MMM-yy HH:mm:ss 'GMT'"), // RFC 850
        QStringLiteral("MMM d HH:mm:ss yyyy"), // asctime
    };
    for (const QString &f : formats) {
        QDateTime dt = c.toDateTime(rest, f);
        if (!dt.isValid())
            continue;
        // Two-digit years come back as 19xx; the protocol reads them as within 50 years.
        if (f.contains(u"-yy ") && dt.date().year() < 1970)
            dt = dt.addYears(100);
        return QDateTime(dt.date(), dt.time(), Qt::UTC);
    }
    return {};
}

} // namespace

std::optional<std::chrono::milliseconds> parseRetryAfter(
    const QByteArray &value, const QDateTime &now)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const double seconds = v.toDouble(&isNumber);
    if (isNumber) {
        if (seconds < 0 || !std::isfinite(seconds))
            return std::nullopt;
        return std::chrono::milliseconds(clampedMilliseconds(seconds * 1000.0, kLongestDelayMs));
    }
    const QDateTime at = parseHttpDate(QString::fromLatin1(v));
    if (!at.isValid())
        return std::nullopt;
    return std::chrono::milliseconds(std::max<qint64>(0, now.msecsTo(at)));
}

std::optional<std::chrono::milliseconds> serverRetryDelay(
    const HttpResponse &response, const QDateTime &now)
{
    if (auto d = parseRetryAfter(response.header("retry-after"), now))
        return d;
    const QJsonObject error
        = QJsonDocument::fromJson(response.body).object().value(u"error").toObject();
    const QJsonArray details = error.value(u"details").toArray();
    for (const auto &d : details) {
        const QString delay = d.toObject().value(u"retryDelay").toString();
        static const QRegularExpression re(QStringLiteral("^(\\d+(?:\\.\\d+)?)s$"));
        const auto m = re.match(delay);
        if (m.hasMatch())
            return std::chrono::milliseconds(
                clampedMilliseconds(m.captured(1).toDouble() * 1000.0, kLongestDelayMs));
    }
    return std::nullopt;
}

bool isDailyQuotaExhausted(const HttpResponse &response)
{
    if (response.status != 429)
        return false;
    const QJsonObject error
        = QJsonDocument::fromJson(response.body).object().value(u"error").toObject();
    if (error.isEmpty())
        return false;
    const QJsonArray details = error.value(u"details").toArray();
    for (const auto &d : details) {
        const QJsonArray violations = d.toObject().value(u"violations").toArray();
        for (const auto &v : violations) {
            const QJsonObject o = v.toObject();
            const QString id = o.value(u"quotaId").toString() + o.value(u"quotaMetric").toString();
            if (id.contains(u"PerDay", Qt::CaseInsensitive))
                return true;
        }
    }
    const QString message = error.value(u"message").toString();
    return error.value(u"status").toString() == u"RESOURCE_EXHAUSTED"
        && (message.contains(u"per day", Qt::CaseInsensitive)
            || message.contains(u"daily", Qt::CaseInsensitive)
            || message.contains(u"PerDay", Qt::CaseInsensitive));
}

bool isQuotaGone(const HttpResponse &response)
{
    if (response.status != 429)
        return false;
    const QJsonObject body = QJsonDocument::fromJson(response.body).object();
    if (body.value(u"status").toString() == u"error") {
        const QString code = body.value(u"code").toString();
        return code == u"rateLimited" || code == u"apiKeyExhausted";
    }
    const QJsonObject error = body.value(u"error").toObject();
    return error.value(u"code").toString() == u"insufficient_quota"
        || error.value(u"type").toString() == u"insufficient_quota";
}

RetryDecision defaultRetryDecision(const HttpResponse &response)
{
    switch (response.error) {
    case HttpErrorKind::None:
    case HttpErrorKind::Cancelled:
    case HttpErrorKind::TooLarge:
    case HttpErrorKind::Parse:
    case HttpErrorKind::CircuitOpen:
        return RetryDecision::Fail;
    case HttpErrorKind::QuotaExhausted:
        return RetryDecision::StopProvider;
    case HttpErrorKind::Network:
    case HttpErrorKind::Timeout:
    case HttpErrorKind::RateLimited:
        return RetryDecision::Retry;
    case HttpErrorKind::Http:
        break;
    }
    if (response.status == 429)
        return isDailyQuotaExhausted(response) || isQuotaGone(response)
            ? RetryDecision::StopProvider
            : RetryDecision::Retry;
    if (response.status == 408 || response.status >= 500)
        return RetryDecision::Retry;
    return RetryDecision::Fail;
}

std::chrono::milliseconds backoffDelay(
    int attempt, std::chrono::milliseconds base, std::chrono::milliseconds cap, double random01)
{
    const double exp = double(base.count()) * std::pow(2.0, std::max(0, attempt - 1));
    const double capped = std::min(exp, double(cap.count()));
    const double jittered = capped / 2.0 + capped / 2.0 * std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<long long>(jittered));
}

} // namespace gtm
