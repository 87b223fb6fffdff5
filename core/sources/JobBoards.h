#pragma once

#include <QDateTime>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <optional>

namespace gtm::jobs {

// The public job-board APIs a company may publish its openings through, in the order they
// are tried when the board is not configured.
enum class Board { Greenhouse, Lever, Ashby };

QString boardName(Board board); // "Greenhouse"
QString boardProvider(Board board); // "greenhouse": settings key and rate-limit provider
std::optional<Board> boardFromProvider(const QString &provider);

struct Posting
{
    QString title;
    QString location;
    QString url;
    QString department;
    QString text; // plain text: tags stripped, entities decoded, whitespace collapsed
    QDateTime publishedAt;
};

// Reads one board's answer in its documented shape. Returns false when the answer is not a
// board (a JSON error object, an HTML page).
bool parseBoard(Board board, const QJsonDocument &answer, QList<Posting> *postings);

} // namespace gtm::jobs
