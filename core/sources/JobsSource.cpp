#include "JobsSource.h"

#include "SourceSupport.h"
#include "domain/CompanyName.h"
#include "model/Channel.h"
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
    QString failure; // the board could not be read and none was found elsewhere
    SourceOutcome cost; // the requests discovery took, counted once
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

QCoro::Task<JobsSource::BoardPtr> JobsSource::discover(QString domain, CancelToken cancel)
{
    auto state = std::make_shared<BoardState>();
    QString firstFailure;
    for (const auto &[board, slug] : candidates(domain)) {
        HttpRequest request;
        request.url = boardUrl(m_settings, board, slug);
        request.provider = jobs::boardProvider(board);
        request.cacheKey
            = (request.provider + u'\n' + request.url.toString(QUrl::FullyEncoded)).toUtf8();
        // content=true makes a big company's board several megabytes.
        request.maxBytes = MaxBoardBytes;
        request.cancel = cancel;
        HttpResponse response = co_await m_http->send(std::move(request));
        sources::countResponse(state->cost, response);
        if (response.status == 404 || response.status == 410) // no such board
            continue;
        if (!response.ok()) {
            // 5xx, network, timeout: this board may exist but cannot be read now.
            if (firstFailure.isEmpty())
                firstFailure = response.status >= 500
                    ? QStringLiteral("%1 job board unavailable (HTTP %2)")
                          .arg(jobs::boardName(board))
                          .arg(response.status)
                    : QStringLiteral("%1 job board: %2")
                          .arg(jobs::boardName(board), response.errorString);
            continue;
        }
        // A large board is megabytes of JSON and hundreds of HTML descriptions: read it off
        // the calling thread.
        const std::optional<QList<jobs::Posting>> postings
            = co_await QtConcurrent::run(readBoard, board, response.body);
        if (!postings)
            continue; // an answer that is not a board: not this company's
        state->board = board;
        state->slug = slug;
        state->postings = *postings;
        break;
    }
    if (!state->board)
        state->failure = firstFailure;
    else if (!state->postings.isEmpty())
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
        board = co_await discover(domain, context.cancel);
        promise.addResult(board);
        promise.finish();
        out = board->cost;
        out.evidence.clear();
    } else {
        const QFuture<BoardPtr> pending = *known;
        board = co_await pending;
    }

    if (!board->board) {
        if (!board->failure.isEmpty()) {
            // One failed fetch is one failure: the strategies that shared it were not run.
            out.status
                = fetchedHere ? SourceOutcome::Status::Failed : SourceOutcome::Status::Skipped;
            out.reason = board->failure;
        }
        co_return out; // no public board: nothing found, which is an answer
    }
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
