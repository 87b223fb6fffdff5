#include "UiTestSupport.h"

#include "MainWindow.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "session/ResearchSession.h"
#include "storage/AppSettings.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace gtm::test {

FakeSearchSource::FakeSearchSource(HttpClient *http, QUrl base, QString channel, QString name)
    : m_http(http)
    , m_base(std::move(base))
    , m_channel(std::move(channel))
    , m_name(std::move(name))
{
}

QCoro::Task<SourceOutcome> FakeSearchSource::search(SearchContext context)
{
    HttpRequest request;
    QUrl url = m_base;
    url.setPath(u"/search/"_s + m_channel);
    QUrlQuery query;
    query.addQueryItem(u"domain"_s, context.domain);
    query.addQueryItem(u"q"_s, context.query);
    url.setQuery(query);
    request.url = url;
    request.cancel = context.cancel;
    HttpResponse response = co_await m_http->send(request);
    SourceOutcome outcome;
    outcome.requests = std::max(1, response.attempts);
    if (!response.ok()) {
        outcome.status = SourceOutcome::Status::Failed;
        outcome.reason = m_name + u" failed: "_s + response.errorString;
        co_return outcome;
    }
    const QJsonDocument doc = response.json();
    if (!response.ok()) {
        outcome.status = SourceOutcome::Status::Failed;
        outcome.reason = response.errorString;
        co_return outcome;
    }
    for (const QJsonValue &v : doc.object().value(u"results"_s).toArray()) {
        const QJsonObject o = v.toObject();
        Evidence e;
        e.title = o.value(u"title"_s).toString();
        e.url = o.value(u"url"_s).toString();
        e.snippet = o.value(u"snippet"_s).toString();
        e.sourceName = m_name;
        e.channel = m_channel;
        outcome.evidence << e;
    }
    co_return outcome;
}

QCoro::Task<AnalysisOutcome> KeywordAnalyzer::analyze(AnalysisInput input)
{
    AnalysisOutcome out;
    out.analyzer = name();
    GoalSignal fraud { u"Mentions fraud detection"_s, {} };
    static const QStringList known { u"TensorFlow"_s, u"Kafka"_s, u"PyTorch"_s };
    for (int i = 0; i < input.evidence.size(); ++i) {
        const QString text = input.evidence[i].title + u' ' + input.evidence[i].snippet;
        if (text.contains(u"fraud"_s, Qt::CaseInsensitive))
            fraud.evidenceIndexes << i;
        for (const QString &t : known)
            if (text.contains(t) && !out.technologies.contains(t))
                out.technologies << t;
    }
    out.confidence = std::min(1.0, 0.25 * fraud.evidenceIndexes.size());
    if (!fraud.evidenceIndexes.isEmpty())
        out.signalsFound << fraud;
    // An edited goal shows in the row, so a test can see that the run used it.
    if (input.goalModel)
        out.signalsFound << GoalSignal { u"Edited goal: "_s + input.goalModel->summary(), {} };
    co_return out;
}

QCoro::Task<StrategyPlan> FixedStrategyGenerator::generate(
    QString, Depth, QStringList channels, std::optional<GoalModel>, CancelToken)
{
    StrategyPlan plan;
    plan.generator = u"file"_s;
    for (const QString &c : { channel::GoogleSearch, channel::NewsSearch })
        if (channels.contains(c))
            plan.strategies << QueryStrategy { c, u"{DOMAIN} fraud detection"_s, 0.9 };
    co_return plan;
}

void routeFixture(FakeHttpServer &server)
{
    server.route(u"/search/"_s, [](const FakeRequest &request) {
        const QString domain = request.query.queryItemValue(u"domain"_s);
        const QString channel = request.path.section(u'/', 2);
        // Titles differ per channel: the pipeline drops an item whose title it has seen.
        auto item = [&](const QString &text, int n) {
            const QString title = text + u" ("_s + channel + u')';
            return QJsonObject { { u"title"_s, title },
                { u"url"_s,
                    QString(
                        u"https://"_s + domain + u"/"_s + channel + u"/"_s + QString::number(n)) },
                { u"snippet"_s, QString(title + u" — more text"_s) } };
        };
        QJsonArray results;
        if (domain == u"acme-pay.com") {
            results << item(u"Acme Pay uses TensorFlow for fraud detection"_s, 1)
                    << item(u"Acme Pay fraud team hiring"_s, 2);
        } else if (domain == u"globex.io") {
            results << item(u"Globex opens a new office"_s, 1);
        } else if (domain == u"hooli.xyz") {
            return FakeResponse::json(QByteArrayLiteral(R"({"error":"boom"})"), 500);
        } else if (domain.startsWith(u"slow-"_s)) {
            FakeResponse hang;
            hang.action = FakeResponse::Action::Hang;
            return hang;
        }
        return FakeResponse::json(QJsonDocument(
            QJsonObject { { u"results"_s,
                results } }).toJson(QJsonDocument::Compact));
    });
}

std::function<std::shared_ptr<Engine>(const SourceSettings &, const LlmSettings &)>
fakeEngineFactory(HttpClient *http, QUrl base)
{
    return [http, base](const SourceSettings &, const LlmSettings &) {
        auto made = std::make_shared<Engine>();
        Engine &engine = *made;
        engine.sources.push_back(
            std::make_unique<FakeSearchSource>(http, base, channel::GoogleSearch, u"TestWeb"_s));
        engine.sources.push_back(
            std::make_unique<FakeSearchSource>(http, base, channel::NewsSearch, u"TestNews"_s));
        auto jobs
            = std::make_unique<FakeSearchSource>(http, base, channel::JobsSearch, u"TestJobs"_s);
        jobs->m_requiresKey = true;
        jobs->m_hasKey = false; // shows "no key" in the form
        engine.sources.push_back(std::move(jobs));
        engine.analyzer = std::make_unique<KeywordAnalyzer>();
        engine.strategyGenerator = std::make_unique<FixedStrategyGenerator>();
        return made;
    };
}

void showResults(MainWindow *window, const QList<CompanyResult> &rows, double threshold)
{
    RunState state;
    state.request.goal = QStringLiteral("Fintech companies using AI for fraud detection");
    for (const CompanyResult &r : rows)
        state.request.domains << r.domain;
    state.request.confidenceThreshold = threshold;
    state.results = rows;
    window->session()->load(std::move(state));
}

WindowHarness::WindowHarness()
    : dir(std::make_unique<QTemporaryDir>())
    , settings(std::make_unique<AppSettings>(dir->filePath(u"settings.ini"_s)))
    , secrets(std::make_unique<InMemorySecretStore>())
    , server(std::make_unique<FakeHttpServer>())
    , http(std::make_unique<HttpClient>())
    , prompts(std::make_unique<ScriptedPrompts>())
    , autosavePath(dir->filePath(u"autosave.gtmr"_s))
{
    server->listen();
    routeFixture(*server);
}

WindowHarness::~WindowHarness() = default;

void WindowHarness::start()
{
    window.reset();
    MainWindowServices services;
    services.http = http.get();
    services.settings = settings.get();
    services.secrets = otherKeychain ? otherKeychain.get() : secrets.get();
    services.prompts = prompts.get();
    services.createEngine = fakeEngineFactory(http.get(), server->baseUrl());
    services.openUrl = openUrl;
    services.autosavePath = autosavePath;
    services.autosaveIntervalMs = 200;
    services.keychainTimeoutMs = keychainTimeoutMs;
    services.startupNotices = startupNotices;
    window = std::make_unique<MainWindow>(std::move(services));
    window->show();
}

} // namespace gtm::test
