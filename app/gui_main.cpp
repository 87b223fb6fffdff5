#include "MainWindow.h"
#include "Version.h"
#include "analysis/AnalyzerFactory.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "session/EngineBuilder.h"
#include "sources/SourceFactory.h"
#include "storage/AppSettings.h"
#include "storage/ResponseCache.h"
#include "storage/SecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// One real request with the given key, through the same clients a run uses.
QCoro::Task<gtm::KeyTestResult> testProviderKey(
    gtm::HttpClient *http, gtm::AppSettings *settings, QString provider, QString key)
{
    QMap<QString, QString> keys;
    keys.insert(provider, key);
    gtm::KeyTestResult result;

    if (provider == u"tavily" || provider == u"newsapi") {
        const QString channel
            = provider == u"tavily" ? gtm::channel::GoogleSearch : gtm::channel::NewsSearch;
        const auto sources
            = gtm::createSources(http, settings->sourceSettings(keys).withEnvironment());
        for (const auto &source : sources) {
            if (source->channel() != channel)
                continue;
            if (source->requiresKey() && !source->hasKey()) {
                result.message = QObject::tr("No key to test");
                co_return result;
            }
            gtm::SearchContext context;
            context.domain = u"stripe.com"_s;
            context.companyName = u"Stripe"_s;
            context.strategy = gtm::QueryStrategy { channel, u"{COMPANY_NAME} payments"_s, 1.0 };
            context.query = context.strategy.buildQuery(context.domain);
            context.goal = u"payments"_s;
            context.depth = gtm::Depth::Quick;
            const gtm::SourceOutcome outcome = co_await source->search(context);
            result.ok = outcome.status == gtm::SourceOutcome::Status::Ok;
            result.message = result.ok ? QObject::tr("%1 answered with %n result(s)", nullptr,
                                 int(outcome.evidence.size()))
                                             .arg(source->name())
                                       : outcome.reason;
            co_return result;
        }
        result.message = QObject::tr("No client for this provider");
        co_return result;
    }

    gtm::LlmSettings llm = settings->llmSettings(keys);
    llm.provider
        = provider == u"gemini" ? gtm::LlmProvider::Gemini : gtm::LlmProvider::OpenAiCompatible;
    llm.analyzer = gtm::AnalyzerChoice::Llm;
    const auto analyzer = gtm::createAnalyzer(http, llm.withEnvironment());
    gtm::AnalysisInput input;
    input.goal = u"Companies that process online payments"_s;
    input.domain = u"stripe.com"_s;
    input.companyName = u"Stripe"_s;
    input.evidence << gtm::Evidence { u"https://stripe.com/"_s,
        u"Stripe | Financial infrastructure"_s,
        u"Online payment processing for internet businesses."_s, u"Test"_s, gtm::channel::Website,
        {}, 1.0 };
    const gtm::AnalysisOutcome outcome = co_await analyzer->analyze(input);
    // The analyzer falls back to the offline one and says why when the LLM failed.
    result.ok = outcome.notice.isEmpty() && outcome.analyzer != u"heuristic";
    result.message = result.ok
        ? QObject::tr("%1 answered (%2 tokens)")
              .arg(outcome.analyzer)
              .arg(outcome.promptTokens + outcome.completionTokens)
        : (outcome.notice.isEmpty() ? QObject::tr("The LLM was not used") : outcome.notice);
    co_return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("GTM Research"));
    QApplication::setOrganizationName(QStringLiteral("GTM Research"));
    QApplication::setApplicationVersion(QString::fromLatin1(gtm::kVersion));
    QApplication::setDesktopFileName(QString::fromLatin1(gtm::kApplicationId));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Research companies against a goal."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        u"session"_s, u"A session file (.gtmr) to open."_s, u"[session]"_s);
    parser.process(app);

    gtm::AppSettings settings;
    gtm::KeychainSecretStore secrets;
    gtm::HttpClientConfig httpConfig;
    httpConfig.defaultTimeout = std::chrono::milliseconds(settings.requestTimeoutMs());
    gtm::HttpClient http(httpConfig);
    // Kept even when the cache is off, so that Settings can still clear it.
    gtm::ResponseCache cache(gtm::ResponseCache::defaultPath());
    if (settings.cacheEnabled())
        http.setResponseStore(&cache);

    gtm::MainWindowServices services;
    if (!cache.notice().isEmpty())
        services.startupNotices << cache.notice();
    services.http = &http;
    services.settings = &settings;
    services.secrets = &secrets;
    services.createEngine
        = [&http, &settings](const gtm::SourceSettings &sources, const gtm::LlmSettings &llm) {
              // The same builder as the CLI's: GTM_RATE_LIMITS and every other environment
              // override apply here too.
              gtm::configureRateLimits(&http, settings);
              return gtm::buildEngine(&http, settings, sources, llm);
          };
    services.testKey = [&http, &settings](QString provider, QString key) {
        return testProviderKey(&http, &settings, std::move(provider), std::move(key));
    };
    services.clearCache = [&cache](QString *error) {
        if (cache.clear())
            return true;
        if (error)
            *error = cache.error();
        return false;
    };

    gtm::MainWindow window(std::move(services));
    window.show();
    window.loadKeys();
    const QStringList args = parser.positionalArguments();
    QTimer::singleShot(0, &window, [&window, args] {
        if (!args.isEmpty())
            window.openSession(args.first());
        else
            window.checkForAutosave();
    });
    return app.exec();
}
