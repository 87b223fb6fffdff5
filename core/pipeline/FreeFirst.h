#pragma once

#include <QList>
#include <QSet>
#include <QString>

namespace gtm {

// Free first (issue 17): a company's free sources (its website, job boards, Hacker News) are
// asked first; the paid ones, billed per query, only while the offline verdict on the
// evidence so far is open: one query at a time, best first, judged again after each answer.
namespace freefirst {

// Billed per query: a provider serving the channel has a billing unit (Tavily, NewsAPI).
bool isPaidChannel(const QString &channel);

// A confident match clears the threshold by a margin. A confident non-match is near zero, and
// counts only once every paid channel has answered: a company the free sources know nothing
// about is never dropped unseen.
constexpr double MatchMargin = 0.1;
constexpr double NonMatchCeiling = 0.2;

// What to do with one company after its free queries and after each paid answer.
struct Step
{
    enum class Kind { Wait, Send, Skip, Nothing };
    Kind kind = Kind::Nothing;
    int strategy = -1; // Send: the query to send now
    QList<int> skipped; // Skip: the queries not sent, decided
};

// One company's paid queries not sent yet, in the plan's order (best first).
class PaidQueue
{
public:
    struct Query
    {
        int strategy = -1;
        QString channel;
    };

    PaidQueue() = default;
    // `channels`: the paid channels that can answer in this run (a source with a key).
    PaidQueue(QList<Query> queries, QSet<QString> channels);

    bool isEmpty() const { return m_queries.isEmpty(); }
    bool inFlight() const { return m_inFlight; }
    // Called with the offline confidence on the evidence so far, when no paid query of the
    // company is in flight.
    Step next(double confidence, double threshold);
    // The query Send named has come back, whatever it brought.
    void answered(const QString &channel);

private:
    QList<Query> m_queries;
    QSet<QString> m_unheard; // paid channels that have not answered yet
    bool m_inFlight = false;
};

} // namespace freefirst
} // namespace gtm
