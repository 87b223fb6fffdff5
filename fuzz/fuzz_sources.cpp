// Each source's answer: the first byte picks the service, the rest is its JSON body. The API
// sources read it through the response store seam (a cache hit), exactly as a live answer.
#include "FuzzSupport.h"
#include "model/Channel.h"
#include "net/HttpClient.h"
#include "sources/HackerNewsSource.h"
#include "sources/JobBoards.h"
#include "sources/NewsApiSource.h"
#include "sources/SourceFactory.h"
#include "sources/TavilySource.h"

#include <QCoroTask>
#include <QJsonDocument>

namespace {

class OneAnswer : public gtm::ResponseStore
{
public:
    QByteArray body;
    std::optional<gtm::HttpResponse> lookup(const QString &, const QByteArray &) override
    {
        gtm::HttpResponse r;
        r.status = 200;
        r.body = body;
        r.headers
            = { { QByteArrayLiteral("content-type"), QByteArrayLiteral("application/json") } };
        return r;
    }
    void store(const QString &, const QByteArray &, const gtm::HttpResponse &) override { }
};

gtm::SearchContext context(const QString &channel)
{
    gtm::SearchContext c;
    c.domain = QStringLiteral("stripe.com");
    c.companyName = QStringLiteral("Stripe");
    c.strategy.channel = channel;
    c.strategy.queryTemplate = QStringLiteral("{DOMAIN} fraud detection");
    c.query = QStringLiteral("stripe.com fraud detection");
    return c;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    gtm::fuzz::ensureApplication();
    const QByteArray body = gtm::fuzz::bytes(data + 1, size - 1);
    const int which = data[0] % 6;
    if (which >= 3) {
        const gtm::jobs::Board board = which == 3 ? gtm::jobs::Board::Greenhouse
            : which == 4                          ? gtm::jobs::Board::Lever
                                                  : gtm::jobs::Board::Ashby;
        QList<gtm::jobs::Posting> postings;
        (void)gtm::jobs::parseBoard(board, QJsonDocument::fromJson(body), &postings);
        return 0;
    }
    static gtm::HttpClient http;
    static OneAnswer store;
    http.setResponseStore(&store);
    store.body = body;
    gtm::SourceSettings settings;
    for (const QString &key : { QStringLiteral("tavily"), QStringLiteral("newsapi") })
        settings.apiKeys.insert(key, QStringLiteral("fuzz"));
    std::unique_ptr<gtm::Source> source;
    QString channel;
    if (which == 0) {
        source = std::make_unique<gtm::TavilySource>(&http, settings);
        channel = gtm::channel::GoogleSearch;
    } else if (which == 1) {
        source = std::make_unique<gtm::NewsApiSource>(&http, settings);
        channel = gtm::channel::NewsSearch;
    } else {
        source = std::make_unique<gtm::HackerNewsSource>(&http, settings);
        channel = gtm::channel::HackerNews;
    }
    (void)QCoro::waitFor(source->search(context(channel)));
    return 0;
}
