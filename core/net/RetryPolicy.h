#pragma once

#include "HttpTypes.h"

#include <QDateTime>
#include <chrono>
#include <optional>

namespace gtm {

enum class RetryDecision;

// Retry-After as delay-seconds or as an HTTP date (IMF-fixdate, RFC 850 or asctime), relative
// to now. A date in the past means "now". Nothing usable: nullopt.
std::optional<std::chrono::milliseconds> parseRetryAfter(
    const QByteArray &value, const QDateTime &now);

// How long the server asked us to wait: the Retry-After header, else a Gemini-style
// RetryInfo.retryDelay ("20s") in the error body.
std::optional<std::chrono::milliseconds> serverRetryDelay(
    const HttpResponse &response, const QDateTime &now);

// A 429 saying a per-day quota is used up (Gemini RESOURCE_EXHAUSTED with a PerDay quota
// id, or an error text that says daily): waiting minutes will not help.
bool isDailyQuotaExhausted(const HttpResponse &response);

// A 429 whose documented body says the quota or credit is gone, not a passing burst:
// NewsAPI {"status":"error","code":"rateLimited"|"apiKeyExhausted"} (its docs say to back off;
// the developer plan's window is 24 h) and OpenAI {"error":{"code":"insufficient_quota"}}, or
// the older form with "code": null and "type": "insufficient_quota". Retrying only spends
// time and, for NewsAPI, more of the window.
bool isQuotaGone(const HttpResponse &response);

// The generic rules: retry 408, 429 and 5xx answers, network errors and timeouts; never
// 400/401/403/404 or other 4xx, size or parse errors, or cancellations. A 429 that says the
// quota is gone (isDailyQuotaExhausted, isQuotaGone) stops the provider instead.
RetryDecision defaultRetryDecision(const HttpResponse &response);

// Exponential backoff with jitter: base x 2^(attempt-1), capped, then drawn uniformly from
// its upper half so that parallel retries spread out. random01 in [0, 1).
std::chrono::milliseconds backoffDelay(
    int attempt, std::chrono::milliseconds base, std::chrono::milliseconds cap, double random01);

} // namespace gtm
