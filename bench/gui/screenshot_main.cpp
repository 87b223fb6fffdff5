// Renders docs/screenshot.png: the real main window, the real sources, pipeline and analyzer,
// researching eight fictional companies (.example domains) whose web, news and Hacker News
// answers come from a loopback fixture. Nothing in the picture is painted by hand.
//   QT_QPA_PLATFORM=offscreen build/bin/gui_screenshot docs/screenshot.png
// For a look at other screens and states (not in the docs): GTM_SCREENSHOT_SIZE=1366x768 sizes
// the window, GTM_SCREENSHOT_BUDGET=tavily=10 saves a budget, GTM_SCREENSHOT_FORM=1 takes the
// picture before the run (the form and its estimate), GTM_SCREENSHOT_TAB=3 opens Settings on
// that page for the second picture.
#include "DomainEditor.h"
#include "FakeHttpServer.h"
#include "MainWindow.h"
#include "ResultsModel.h"
#include "SettingsDialog.h"
#include "analysis/AnalyzerFactory.h"
#include "net/HttpClient.h"
#include "sources/SourceFactory.h"
#include "storage/AppSettings.h"
#include "strategy/StrategyGeneratorFactory.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

namespace {

struct Item
{
    QString title;
    QString path; // on the company's site, or a full URL elsewhere
    QString text;
};

struct Company
{
    QString domain;
    QString name;
    QList<Item> web;
    QList<Item> news;
    QList<Item> hn;
    bool newsFails = false;
};

QList<Company> fixture()
{
    return {
        { u"novapay.example"_s, u"NovaPay"_s,
            { { u"NovaPay Radar: machine learning that stops card fraud in real time"_s,
                  u"/products/radar"_s,
                  u"NovaPay scores every payment with machine learning models for fraud detection, trained on billions of transactions. Built on TensorFlow and Kafka."_s },
                { u"How NovaPay engineers deploy fraud models with Kubernetes"_s,
                    u"/blog/fraud-models"_s,
                    u"Our fraud detection team ships new TensorFlow models daily on Kubernetes."_s } },
            { { u"NovaPay raises $40M to expand AI fraud prevention"_s,
                u"https://fintech-daily.example/novapay-40m"_s,
                u"NovaPay will use the round to grow its AI-based fraud detection for online merchants."_s } },
            { { u"NovaPay: scoring 10k payments a second for fraud"_s,
                u"https://novapay.example/blog/10k"_s,
                u"A write-up of NovaPay's real-time fraud detection pipeline with Kafka and PyTorch."_s } } },
        { u"ledgerline.example"_s, u"Ledgerline"_s,
            { { u"Ledgerline — anomaly detection for business banking"_s, u"/"_s,
                u"Ledgerline flags suspicious transactions with machine learning and explains every alert. Fraud detection for SMB accounts."_s } },
            { { u"Ledgerline partners with regional banks on AI fraud checks"_s,
                u"https://banking-wire.example/ledgerline"_s,
                u"Ledgerline's artificial intelligence reviews wire transfers for fraud before they settle."_s } },
            {} },
        { u"quantbank.example"_s, u"QuantBank"_s,
            { { u"QuantBank careers: Senior Data Scientist, Fraud"_s, u"/careers/ds-fraud"_s,
                u"Build fraud detection models with Python, scikit-learn and Spark for QuantBank's card business."_s } },
            {}, {} },
        { u"shopwise.example"_s, u"Shopwise"_s,
            { { u"Shopwise — the storefront builder for small shops"_s, u"/"_s,
                u"Shopwise helps small shops sell online with React storefronts and Stripe payments."_s } },
            { { u"Shopwise adds buy-now-pay-later at checkout"_s,
                u"https://retail-news.example/shopwise-bnpl"_s,
                u"Shopwise merchants can now offer instalments at checkout."_s } },
            {} },
        { u"trustloop.example"_s, u"Trustloop"_s,
            { { u"Trustloop identity verification API"_s, u"/docs"_s,
                u"Trustloop verifies customer identity documents to prevent account fraud; rules engine, no machine learning yet."_s } },
            {}, {}, true },
        { u"greenleaf-farms.example"_s, u"Greenleaf Farms"_s, {}, {}, {} },
        { u"paycircle.example"_s, u"PayCircle"_s,
            { { u"PayCircle uses AI to catch payment fraud"_s, u"/security"_s,
                u"PayCircle applies deep learning to device fingerprints and payment data for fraud detection, on Google Cloud with BigQuery."_s } },
            { { u"PayCircle cuts chargebacks 35% with machine learning"_s,
                u"https://payments-today.example/paycircle"_s,
                u"PayCircle says its machine learning fraud detection halved manual reviews."_s } },
            {} },
        { u"orbitlend.example"_s, u"OrbitLend"_s,
            { { u"OrbitLend — loans for freelancers"_s, u"/"_s,
                u"OrbitLend underwrites freelancer loans with open banking data."_s } },
            {}, {} },
    };
}

QString urlFor(const Company &c, const Item &item)
{
    return item.path.startsWith(u"http"_s) ? item.path : u"https://"_s + c.domain + item.path;
}

const Company *companyIn(const QList<Company> &companies, const QString &query)
{
    for (const Company &c : companies)
        if (query.contains(c.name, Qt::CaseInsensitive)
            || query.contains(c.domain, Qt::CaseInsensitive))
            return &c;
    return nullptr;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : u"screenshot.png"_s;
    const QList<Company> companies = fixture();

    FakeHttpServer server;
    if (!server.listen())
        return 1;
    server.route(u"/search"_s, [&](const FakeRequest &r) {
        const QString query = QJsonDocument::fromJson(r.body).object().value(u"query"_s).toString();
        QJsonArray results;
        if (const Company *c = companyIn(companies, query))
            for (const Item &i : c->web)
                results << QJsonObject { { u"title"_s, i.title }, { u"url"_s, urlFor(*c, i) },
                    { u"content"_s, i.text }, { u"score"_s, 0.8 } };
        return FakeResponse::json(
            QJsonDocument(QJsonObject { { u"query"_s, query }, { u"results"_s, results } })
                .toJson())
            .withDelay(120);
    });
    server.route(u"/v2/everything"_s, [&](const FakeRequest &r) {
        const Company *c = companyIn(companies, r.query.queryItemValue(u"q"_s, QUrl::FullyDecoded));
        if (c && c->newsFails)
            return FakeResponse::json(
                QByteArrayLiteral(
                    R"({"status":"error","code":"unexpectedError","message":"Something went wrong"})"),
                500);
        QJsonArray articles;
        if (c)
            for (const Item &i : c->news)
                articles << QJsonObject { { u"source"_s,
                                              QJsonObject { { u"id"_s, QJsonValue() },
                                                  { u"name"_s, u"Fintech Daily"_s } } },
                    { u"title"_s, i.title }, { u"description"_s, i.text },
                    { u"url"_s, urlFor(*c, i) }, { u"publishedAt"_s, u"2026-10-14T09:00:00Z"_s },
                    { u"content"_s, i.text } };
        return FakeResponse::json(
            QJsonDocument(QJsonObject { { u"status"_s, u"ok"_s },
                              { u"totalResults"_s, articles.size() }, { u"articles"_s, articles } })
                .toJson())
            .withDelay(200);
    });
    server.route(u"/api/v1/search"_s, [&](const FakeRequest &r) {
        const Company *c
            = companyIn(companies, r.query.queryItemValue(u"query"_s, QUrl::FullyDecoded));
        QJsonArray hits;
        if (c)
            for (const Item &i : c->hn)
                hits << QJsonObject { { u"objectID"_s, u"4242"_s },
                    { u"title"_s, QString(i.title + u" — "_s + i.text) },
                    { u"url"_s, urlFor(*c, i) }, { u"author"_s, u"pg_fan"_s }, { u"points"_s, 312 },
                    { u"created_at"_s, u"2026-09-02T12:00:00Z"_s } };
        return FakeResponse::json(
            QJsonDocument(QJsonObject { { u"hits"_s, hits }, { u"nbHits"_s, hits.size() } })
                .toJson())
            .withDelay(80);
    });

    // The companies' own sites: the home page says what the company does.
    server.route(u"/site/"_s, [&](const FakeRequest &r) {
        const QStringList parts = r.path.split(u'/', Qt::SkipEmptyParts); // site, domain, rest...
        const QString domain = parts.value(1);
        const QString rest = parts.mid(2).join(u'/');
        for (const Company &c : companies) {
            if (c.domain != domain || !rest.isEmpty())
                continue;
            QString html = u"<!doctype html><html><head><title>"_s + c.name
                + u"</title></head><body><h1>"_s + c.name + u"</h1>"_s;
            for (const Item &i : c.web)
                if (!i.path.startsWith(u"http"_s))
                    html += u"<h2>"_s + i.title.toHtmlEscaped() + u"</h2><p>"_s
                        + i.text.toHtmlEscaped() + u"</p>"_s;
            if (c.web.isEmpty())
                html += u"<p>Organic vegetables from our family farm, delivered every week.</p>"_s;
            return FakeResponse::text((html + u"</body></html>"_s).toUtf8()).withDelay(60);
        }
        return FakeResponse::text("not found", 404);
    });

    QTemporaryDir dir;
    AppSettings settings(dir.filePath(u"settings.ini"_s));
    settings.setBudgetSpec(qEnvironmentVariable("GTM_SCREENSHOT_BUDGET"));
    HttpClient http;
    MainWindowServices services;
    services.http = &http;
    services.settings = &settings;
    services.autosavePath = dir.filePath(u"autosave.gtmr"_s);
    services.openUrl = [](const QUrl &) { return true; };
    services.createEngine = [&](const SourceSettings &, const LlmSettings &llm) {
        SourceSettings s;
        for (const QString &p :
            { u"tavily"_s, u"newsapi"_s, u"hackernews"_s, u"greenhouse"_s, u"lever"_s, u"ashby"_s })
            s.baseUrls.insert(p, server.baseUrl());
        s.websiteUrlTemplate = server.baseUrl().toString() + u"/site/{domain}"_s;
        s.apiKeys.insert(u"tavily"_s, u"fixture"_s);
        s.apiKeys.insert(u"newsapi"_s, u"fixture"_s);
        auto engine = std::make_shared<Engine>();
        engine->sources = createSources(&http, s);
        engine->analyzer = createAnalyzer(&http, llm);
        engine->strategyGenerator = createStrategyGenerator(&http, llm);
        return engine;
    };
    MainWindow window(std::move(services));
    const QStringList size = qEnvironmentVariable("GTM_SCREENSHOT_SIZE").split(u'x');
    window.resize(size.size() == 2 ? QSize(size[0].toInt(), size[1].toInt()) : QSize(1440, 900));
    window.show();

    window.goalEdit()->setPlainText(u"Fintech companies using AI for fraud detection"_s);
    QStringList domains;
    for (const Company &c : companies)
        domains << c.domain;
    domains << u"not a domain"_s << u"NovaPay.example"_s; // to show the editor's marks
    window.domainEditor()->setPlainText(domains.join(u'\n'));

    const bool formOnly = qEnvironmentVariableIsSet("GTM_SCREENSHOT_FORM");
    const auto take = [&] {
        window.resultsView()->sortByColumn(ResultsModel::Confidence, Qt::DescendingOrder);
        window.resultsView()->selectRow(0);
        QTimer::singleShot(800, &app, [&] {
            const QPixmap shot = window.grab();
            bool ok = shot.save(out);
            std::printf("%s %s (%dx%d)\n", ok ? "saved" : "FAILED", qPrintable(out), shot.width(),
                shot.height());
            if (argc > 2) {
                // The Settings dialog as a user first sees it, for a look (not in the docs).
                SettingsDialog dialog(
                    &settings, { { u"tavily"_s, u"tvly-0123456789"_s } }, {}, {}, &window);
                if (auto *tabs = dialog.findChild<QTabWidget *>())
                    tabs->setCurrentIndex(qEnvironmentVariableIntValue("GTM_SCREENSHOT_TAB"));
                dialog.show();
                QCoreApplication::processEvents();
                ok = dialog.grab().save(QString::fromLocal8Bit(argv[2])) && ok;
            }
            app.exit(ok ? 0 : 1);
        });
    };
    QObject::connect(&window, &MainWindow::runFinished, &app, take);
    if (formOnly)
        QTimer::singleShot(500, &app, take);
    else
        QTimer::singleShot(500, &window, &MainWindow::run);
    QTimer::singleShot(60000, &app, [&] {
        std::printf("timed out\n");
        app.exit(2);
    });
    return app.exec();
}
