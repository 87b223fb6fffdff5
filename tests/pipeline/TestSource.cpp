#include "TestSource.h"

#include "net/HttpClient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace gtm::test {

TestSource::TestSource(HttpClient *http, QUrl base, QString channel, QString name, QString provider)
    : m_http(http)
    , m_base(std::move(base))
    , m_channel(std::move(channel))
    , m_name(std::move(name))
    , m_provider(provider.isEmpty() ? m_name.toLower() : std::move(provider))
{
}

QCoro::Task<SourceOutcome> TestSource::search(SearchContext context)
{
    HttpRequest request;
    QUrl url = m_base.resolved(QUrl(QStringLiteral("/") + m_channel));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("q"), context.query);
    q.addQueryItem(QStringLiteral("domain"), context.domain);
    url.setQuery(q);
    request.url = url;
    request.provider = m_provider;
    request.cancel = context.cancel;
    request.timeout = std::chrono::milliseconds(5000);
    HttpResponse response = co_await m_http->send(request);

    SourceOutcome out;
    out.requests = response.attempts;
    out.retries = std::max(0, response.attempts - 1);
    out.cacheHits = response.fromCache ? 1 : 0;
    const QJsonDocument doc = response.ok() ? response.json() : QJsonDocument();
    if (!response.ok()) {
        out.status = SourceOutcome::Status::Failed;
        out.reason = errorKindName(response.error) + QStringLiteral(": ") + response.errorString;
        out.companyFault = m_httpErrorsAreTheCompanys && response.status > 0;
        out.stopSource = response.error == HttpErrorKind::QuotaExhausted;
        co_return out;
    }
    const QJsonArray results = doc.object().value(u"results").toArray();
    for (const auto &v : results) {
        const QJsonObject o = v.toObject();
        Evidence e;
        e.url = o.value(u"url").toString();
        e.title = o.value(u"title").toString();
        e.snippet = o.value(u"content").toString();
        e.sourceName = m_name;
        e.channel = m_channel;
        out.evidence << e;
    }
    co_return out;
}

QCoro::Task<AnalysisOutcome> CountingAnalyzer::analyze(AnalysisInput input)
{
    ++calls;
    AnalysisOutcome out;
    out.analyzer = name();
    out.confidence = std::min(1.0, input.evidence.size() / 4.0);
    out.technologies = { QStringLiteral("TensorFlow") };
    out.promptTokens = 10;
    out.completionTokens = 2;
    co_return out;
}

QCoro::Task<StrategyPlan> FixedGenerator::generate(
    QString goal, Depth, QStringList channels, std::optional<GoalModel>, CancelToken)
{
    ++calls;
    StrategyPlan plan;
    plan.generator = QStringLiteral("fixed");
    for (const QString &c : channels)
        plan.strategies << QueryStrategy { c, QStringLiteral("{COMPANY_NAME} ") + goal, 0.8 };
    plan.promptTokens = 100;
    co_return plan;
}

} // namespace gtm::test
