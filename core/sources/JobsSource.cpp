#include "JobsSource.h"

#include "SourceSupport.h"
#include "domain/CompanyName.h"
#include "model/Channel.h"
#include "net/ConcurrencyPool.h"
#include "net/HttpClient.h"
#include "text/Text.h"
#include "text/TfIdf.h"

#include <QCoroFuture>
#include <QPromise>
#include <QtConcurrent>

namespace gtm {

struct JobsSource::BoardState
{
    std::optional<jobs::Board> board; // none: the company has no public board we know of
    QString slug;
    QList<jobs::Posting> postings;
    std::shared_ptr<const text::TfIdfIndex> index;
    // Boards that could not be read now (5xx, network): the whole answer when no board was
    // found, else a gap next to the postings of the one that was.
    QString failure;
    bool anyAnswered = false; // some board answered: the job boards as a whole are up
    SourceOutcome cost; // the requests discovery took, counted once
};

// What one candidate board answered.
struct JobsSource::Probe
{
    std::optional<QList<jobs::Posting>> postings; // set: the company's board, read
    QString failure; // the board may exist but could not be read now
    bool answered = false; // the service answered (a board, or none under this name)
    SourceOutcome cost;
};

namespace {

QString realBase(jobs::Board board)
{
    switch (board) {
    case jobs::Board::Greenhouse:
        return QStringLiteral("https://boards-api.greenhouse.io");
    case jobs::Board::Lever:
        return QStringLiteral("https://api.lever.co");
    case jobs::Board::Ashby:
        return QStringLiteral("https://api.ashbyhq.com");
    }
    return {};
}

QUrl boardUrl(const SourceSettings &settings, jobs::Board board, const QString &slug)
{
    const QString s = QString::fromLatin1(QUrl::toPercentEncoding(slug));
    QUrl url;
    switch (board) {
    case jobs::Board::Greenhouse:
        url = sources::endpoint(settings, jobs::boardProvider(board), realBase(board),
            QStringLiteral("/v1/boards/") + s + QStringLiteral("/jobs"));
        url.setQuery(QStringLiteral("content=true"));
        break;
    case jobs::Board::Lever:
        url = sources::endpoint(settings, jobs::boardProvider(board), realBase(board),
            QStringLiteral("/v0/postings/") + s);
        url.setQuery(QStringLiteral("mode=json"));
        break;
    case jobs::Board::Ashby:
        url = sources::endpoint(settings, jobs::boardProvider(board), realBase(board),
            QStringLiteral("/posting-api/job-board/") + s);
        url.setQuery(QStringLiteral("includeCompensation=false"));
        break;
    }
    return url;
}

// Words every job query carries that say nothing about the kind of work.
bool isJobWord(const QString &token)
{
    static const QSet<QString> words {
        QStringLiteral("job"),
        QStringLiteral("jobs"),
        QStringLiteral("hiring"),
        QStringLiteral("hire"),
        QStringLiteral("career"),
        QStringLiteral("careers"),
        QStringLiteral("position"),
        QStringLiteral("positions"),
        QStringLiteral("role"),
        QStringLiteral("roles"),
        QStringLiteral("opening"),
        QStringLiteral("openings"),
        QStringLiteral("vacancy"),
        QStringLiteral("vacancies"),
        QStringLiteral("apply"),
        QStringLiteral("posting"),
        QStringLiteral("postings"),
        QStringLiteral("open"),
    };
    return words.contains(token);
}

std::optional<QList<jobs::Posting>> readBoard(jobs::Board board, QByteArray body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    QList<jobs::Posting> postings;
    if (error.error != QJsonParseError::NoError || !jobs::parseBoard(board, doc, &postings))
        return std::nullopt;
    return postings;
}

std::shared_ptr<const text::TfIdfIndex> buildIndex(const QList<jobs::Posting> &postings)
{
    QList<text::TfIdfIndex::Document> docs;
    docs.reserve(postings.size());
    for (const jobs::Posting &p : postings)
        docs << text::TfIdfIndex::Document { p.title, p.department + u' ' + p.text };
    return std::make_shared<const text::TfIdfIndex>(docs);
}

QList<text::TfIdfIndex::Match> rankPostings(
    std::shared_ptr<const text::TfIdfIndex> index, QString query)
{
    return index->rank(query, JobsSource::SimilarityThreshold, JobsSource::MaxPostings);
}

} // namespace

JobsSource::JobsSource(HttpClient *http, SourceSettings settings)
    : m_http(http)
    , m_settings(std::move(settings))
{
}

JobsSource::~JobsSource() = default;

QString JobsSource::channel() const
{
    return channel::JobsSearch;
}

QString JobsSource::name() const
{
    return QStringLiteral("Job boards");
}

void JobsSource::resetRunCache()
{
    m_boards.clear();
    for (CircuitBreaker &b : m_breakers)
        b = CircuitBreaker();
}

void JobsSource::releaseCompany(const QString &domain)
{
    m_boards.remove(domain.toLower());
}

QList<QPair<jobs::Board, QString>> JobsSource::candidates(const QString &domain) const
{
    QList<QPair<jobs::Board, QString>> out;
    const QString configured = m_settings.jobBoardOverrides.value(domain.toLower()).trimmed();
    if (!configured.isEmpty()) {
        const qsizetype colon = configured.indexOf(u':');
        const auto board = jobs::boardFromProvider(configured.left(colon));
        const QString slug = colon > 0 ? configured.mid(colon + 1).trimmed() : QString();
        if (board && !slug.isEmpty())
            out.append({ *board, slug });
        // Anything else configured ("none") means: this company has no board to read.
        return out;
    }
    const QString label = registrableLabel(domain);
    QStringList slugs { label };
    if (label.contains(u'-'))
        slugs << QString(label).remove(u'-');
    for (const jobs::Board board :
        { jobs::Board::Greenhouse, jobs::Board::Lever, jobs::Board::Ashby })
        for (const QString &slug : std::as_const(slugs))
            out.append({ board, slug });
    return out;
}

QCoro::Task<JobsSource::Probe> JobsSource::probe(jobs::Board board, QString slug,
    CancelToken cancel, std::shared_ptr<PoolSlot> slot, std::shared_ptr<ConcurrencyPool> pool)
{
    Probe out;
    CircuitBreaker &breaker = m_breakers.at(size_t(board));
    if (!breaker.allowRequest()) {
        if (slot)
            slot->release();
        out.failure = QStringLiteral("%1 job board: %2")
                          .arg(jobs::boardName(board), CircuitBreaker::refusalReason());
        co_return out;
    }
    if (!slot && pool) {
        const bool granted = co_await pool->acquire();
        if (!granted) {
            breaker.recordAbandoned();
            out.failure = QStringLiteral("%1 job board: not asked").arg(jobs::boardName(board));
            co_return out;
        }
        slot = std::make_shared<PoolSlot>(pool);
    }
    HttpRequest request;
    request.url = boardUrl(m_settings, board, slug);
    request.provider = jobs::boardProvider(board);
    request.cacheKey
        = (request.provider + u'\n' + request.url.toString(QUrl::FullyEncoded)).toUtf8();
    // content=true makes a big company's board several megabytes.
    request.maxBytes = MaxBoardBytes;
    request.cancel = cancel;
    const HttpResponse response = co_await m_http->send(std::move(request));
    // The channel's slots count requests on the wire; reading the answer is not one.
    if (slot)
        slot->release();
    sources::countResponse(out.cost, response);
    out.answered = response.ok() || response.status == 404 || response.status == 410;
    if (response.error == HttpErrorKind::Cancelled)
        breaker.recordAbandoned();
    else if (out.answered)
        breaker.recordSuccess();
    else
        breaker.recordFailure();
    if (response.status == 404 || response.status == 410) // no such board
        co_return out;
    if (!response.ok()) {
        // 5xx, network, timeout: this board may exist but cannot be read now.
        out.failure = response.status >= 500
            ? QStringLiteral("%1 job board unavailable (HTTP %2)")
                  .arg(jobs::boardName(board))
                  .arg(response.status)
            : QStringLiteral("%1 job board: %2").arg(jobs::boardName(board), response.errorString);
        co_return out;
    }
    // A large board is megabytes of JSON and hundreds of HTML descriptions: read it off the
    // calling thread. An answer that is not a board is not this company's.
    out.postings = co_await QtConcurrent::run(readBoard, board, response.body);
    co_return out;
}

QCoro::Task<JobsSource::BoardPtr> JobsSource::discover(
    QString domain, CancelToken cancel, std::shared_ptr<PoolSlot> slot)
{
    const QList<QPair<jobs::Board, QString>> boards = candidates(domain);
    const std::shared_ptr<ConcurrencyPool> pool = slot ? slot->pool() : nullptr;
    // Every candidate at once (tasks start eagerly), each under its board's rate limit and in
    // a slot of its own; the query's slot carries the first.
    std::vector<QCoro::Task<Probe>> probes;
    probes.reserve(boards.size());
    for (const auto &[board, slug] : boards)
        probes.push_back(
            probe(board, slug, cancel, probes.empty() ? slot : std::shared_ptr<PoolSlot>(), pool));
    if (probes.empty() && slot)
        slot->release();

    auto state = std::make_shared<BoardState>();
    QStringList failures;
    for (qsizetype i = 0; i < boards.size(); ++i) {
        Probe answer = co_await probes[size_t(i)];
        state->cost.requests += answer.cost.requests;
        state->cost.retries += answer.cost.retries;
        state->cost.cacheHits += answer.cost.cacheHits;
        state->anyAnswered = state->anyAnswered || answer.answered;
        if (answer.postings && !state->board) {
            state->board = boards.at(i).first;
            state->slug = boards.at(i).second;
            state->postings = std::move(*answer.postings);
        } else if (!answer.failure.isEmpty() && !failures.contains(answer.failure)) {
            failures << answer.failure;
        }
    }
    state->failure = failures.join(QStringLiteral("; "));
    if (state->board && !state->postings.isEmpty())
        state->index = co_await QtConcurrent::run(buildIndex, state->postings);
    co_return state;
}

QCoro::Task<SourceOutcome> JobsSource::search(SearchContext context)
{
    const QString domain = context.domain.toLower();
    BoardPtr board;
    SourceOutcome out;
    bool fetchedHere = false;
    auto known = m_boards.constFind(domain);
    if (known == m_boards.constEnd()) {
        fetchedHere = true;
        // The first strategy for this company fetches; the others await the same answer.
        QPromise<BoardPtr> promise;
        m_boards.insert(domain, promise.future());
        promise.start();
        board = co_await discover(domain, context.cancel, context.slot);
        promise.addResult(board);
        promise.finish();
        out = board->cost;
        out.evidence.clear();
    } else {
        // Waiting for another query's fetch sends nothing: the slot goes to a request.
        if (context.slot)
            context.slot->release();
        const QFuture<BoardPtr> pending = *known;
        board = co_await pending;
    }

    if (!board->board) {
        if (!board->failure.isEmpty()) {
            // One failed fetch is one failure: the strategies that shared it were not run.
            out.status
                = fetchedHere ? SourceOutcome::Status::Failed : SourceOutcome::Status::Skipped;
            out.reason = board->failure;
            // Another board answered: one board is down (its breaker sees to it), not the
            // job boards as a whole.
            out.companyFault = board->anyAnswered;
        }
        co_return out; // no public board: nothing found, which is an answer
    }
    if (fetchedHere)
        out.partialFailure = board->failure; // told once, like a failed fetch
    if (!board->index)
        co_return out;

    const QString company
        = context.companyName.isEmpty() ? companyNameFromDomain(domain) : context.companyName;
    QStringList terms;
    for (const QString &t : sources::queryTerms(context.query, domain, company))
        if (!isJobWord(t))
            terms << t;
    if (terms.isEmpty())
        co_return out;

    const QList<text::TfIdfIndex::Match> matches
        = co_await QtConcurrent::run(rankPostings, board->index, terms.join(u' '));
    for (const auto &m : matches) {
        const jobs::Posting &p = board->postings.at(m.document);
        Evidence e;
        e.title = QStringLiteral("Job opening: ") + p.title;
        if (!p.location.isEmpty())
            e.title += QStringLiteral(" (") + p.location + u')';
        e.url = p.url;
        const QString passage = sources::passageAround(p.text, terms, 360);
        e.snippet
            = p.department.isEmpty() ? passage : p.department + QStringLiteral(": ") + passage;
        e.snippet = text::truncateAtWord(e.snippet, 400);
        e.score = m.similarity;
        e.publishedAt = p.publishedAt;
        e.sourceName = jobs::boardName(*board->board);
        e.channel = channel::JobsSearch;
        out.evidence << e;
    }
    co_return out;
}

} // namespace gtm
