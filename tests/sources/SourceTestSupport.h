#pragma once

#include "net/HttpClient.h"
#include "sources/Source.h"

#include <QCoroTask>
#include <QFile>
#include <QTest>

namespace gtm::test {

// A recorded answer shape from tests/data/sources.
inline QByteArray fixture(const QString &name)
{
    QFile f(qEnvironmentVariable("GTM_TEST_DATA") + QStringLiteral("/sources/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(f.fileName()));
    return f.readAll();
}

inline SearchContext context(const QString &domain, const QString &channel, const QString &query,
    Depth depth = Depth::Standard)
{
    SearchContext c;
    c.domain = domain;
    c.strategy.channel = channel;
    c.strategy.queryTemplate = query;
    c.query = query;
    c.depth = depth;
    return c;
}

inline SourceOutcome run(Source &source, SearchContext c)
{
    return QCoro::waitFor(source.search(std::move(c)));
}

// Keeps the provider's retries but not the pauses between them: a case that checks that a
// failing server is tried again and then reported need not wait out the real backoff (1 s,
// doubling). The app's policies are untouched.
inline void retryWithoutPause(HttpClient &http, const QString &provider)
{
    ProviderPolicy policy = http.providerPolicy(provider);
    policy.baseBackoff = std::chrono::milliseconds(1);
    http.setProviderPolicy(provider, policy);
}

inline QStringList titles(const QList<Evidence> &evidence)
{
    QStringList out;
    for (const Evidence &e : evidence)
        out << e.title;
    return out;
}

} // namespace gtm::test
