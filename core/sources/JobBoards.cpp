#include "JobBoards.h"

#include "SourceSupport.h"
#include "html/Html.h"
#include "model/WholeNumber.h"
#include "text/Text.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gtm::jobs {

namespace {

QString plain(const QString &html)
{
    return html::toPlainText(html);
}

QString joinNames(const QJsonArray &array)
{
    QStringList names;
    for (const QJsonValue &v : array) {
        const QString n
            = text::collapseWhitespace(v.toObject().value(QStringLiteral("name")).toString());
        if (!n.isEmpty())
            names << n;
    }
    return names.join(QStringLiteral(", "));
}

QList<Posting> greenhouse(const QJsonArray &jobs)
{
    QList<Posting> out;
    for (const QJsonValue &v : jobs) {
        const QJsonObject j = v.toObject();
        Posting p;
        p.title = text::collapseWhitespace(
            text::decodeEntities(j.value(QStringLiteral("title")).toString()));
        p.location = text::collapseWhitespace(j.value(QStringLiteral("location"))
                                                  .toObject()
                                                  .value(QStringLiteral("name"))
                                                  .toString());
        p.url = j.value(QStringLiteral("absolute_url")).toString().trimmed();
        p.department = joinNames(j.value(QStringLiteral("departments")).toArray());
        // content is HTML escaped once more: "&lt;p&gt;We use Kafka &amp;amp; Rust&lt;/p&gt;".
        p.text = plain(text::decodeEntities(j.value(QStringLiteral("content")).toString()));
        p.publishedAt = sources::parseDate(j.value(QStringLiteral("updated_at")).toString());
        out << p;
    }
    return out;
}

QList<Posting> lever(const QJsonArray &postings)
{
    QList<Posting> out;
    for (const QJsonValue &v : postings) {
        const QJsonObject j = v.toObject();
        const QJsonObject categories = j.value(QStringLiteral("categories")).toObject();
        Posting p;
        p.title = text::collapseWhitespace(j.value(QStringLiteral("text")).toString());
        p.location
            = text::collapseWhitespace(categories.value(QStringLiteral("location")).toString());
        p.url = j.value(QStringLiteral("hostedUrl")).toString().trimmed();
        QStringList teams;
        for (const QString &key : { QStringLiteral("department"), QStringLiteral("team") }) {
            const QString t = text::collapseWhitespace(categories.value(key).toString());
            if (!t.isEmpty() && !teams.contains(t))
                teams << t;
        }
        p.department = teams.join(QStringLiteral(", "));
        QStringList parts;
        QString description = j.value(QStringLiteral("descriptionPlain")).toString();
        if (description.trimmed().isEmpty())
            description = plain(j.value(QStringLiteral("description")).toString());
        parts << text::collapseWhitespace(description);
        for (const QJsonValue &l : j.value(QStringLiteral("lists")).toArray()) {
            const QJsonObject list = l.toObject();
            parts << text::collapseWhitespace(list.value(QStringLiteral("text")).toString());
            parts << plain(list.value(QStringLiteral("content")).toString());
        }
        QString additional = j.value(QStringLiteral("additionalPlain")).toString();
        if (additional.trimmed().isEmpty())
            additional = plain(j.value(QStringLiteral("additional")).toString());
        parts << text::collapseWhitespace(additional);
        parts.removeAll(QString());
        p.text = parts.join(u' ');
        const double created = j.value(QStringLiteral("createdAt")).toDouble(qQNaN());
        if (const auto ms = wholeNumber<qint64>(std::trunc(created)))
            p.publishedAt = QDateTime::fromMSecsSinceEpoch(*ms, Qt::UTC);
        out << p;
    }
    return out;
}

QList<Posting> ashby(const QJsonArray &jobs)
{
    QList<Posting> out;
    for (const QJsonValue &v : jobs) {
        const QJsonObject j = v.toObject();
        if (j.contains(QStringLiteral("isListed")) && !j.value(QStringLiteral("isListed")).toBool())
            continue;
        Posting p;
        p.title = text::collapseWhitespace(j.value(QStringLiteral("title")).toString());
        p.location = text::collapseWhitespace(j.value(QStringLiteral("location")).toString());
        if (j.value(QStringLiteral("isRemote")).toBool()
            && !p.location.contains(QStringLiteral("Remote"), Qt::CaseInsensitive))
            p.location = p.location.isEmpty() ? QStringLiteral("Remote")
                                              : p.location + QStringLiteral(", Remote");
        p.url = j.value(QStringLiteral("jobUrl")).toString().trimmed();
        QStringList teams;
        for (const QString &key : { QStringLiteral("department"), QStringLiteral("team") }) {
            const QString t = text::collapseWhitespace(j.value(key).toString());
            if (!t.isEmpty() && !teams.contains(t))
                teams << t;
        }
        p.department = teams.join(QStringLiteral(", "));
        QString description = j.value(QStringLiteral("descriptionPlain")).toString();
        if (description.trimmed().isEmpty())
            description = plain(j.value(QStringLiteral("descriptionHtml")).toString());
        p.text = text::collapseWhitespace(description);
        p.publishedAt = sources::parseDate(j.value(QStringLiteral("publishedAt")).toString());
        out << p;
    }
    return out;
}

} // namespace

QString boardName(Board board)
{
    switch (board) {
    case Board::Greenhouse:
        return QStringLiteral("Greenhouse");
    case Board::Lever:
        return QStringLiteral("Lever");
    case Board::Ashby:
        return QStringLiteral("Ashby");
    }
    return {};
}

QString boardProvider(Board board)
{
    return boardName(board).toLower();
}

std::optional<Board> boardFromProvider(const QString &provider)
{
    const QString p = provider.trimmed().toLower();
    if (p == u"greenhouse")
        return Board::Greenhouse;
    if (p == u"lever")
        return Board::Lever;
    if (p == u"ashby")
        return Board::Ashby;
    return std::nullopt;
}

bool parseBoard(Board board, const QJsonDocument &answer, QList<Posting> *postings)
{
    QList<Posting> out;
    switch (board) {
    case Board::Greenhouse:
        if (!answer.isObject() || !answer.object().value(QStringLiteral("jobs")).isArray())
            return false;
        out = greenhouse(answer.object().value(QStringLiteral("jobs")).toArray());
        break;
    case Board::Lever:
        if (!answer.isArray())
            return false;
        out = lever(answer.array());
        break;
    case Board::Ashby:
        if (!answer.isObject() || !answer.object().value(QStringLiteral("jobs")).isArray())
            return false;
        out = ashby(answer.object().value(QStringLiteral("jobs")).toArray());
        break;
    }
    // A posting without a title or link cannot be shown as evidence.
    out.erase(std::remove_if(out.begin(), out.end(),
                  [](const Posting &p) { return p.title.isEmpty() || p.url.isEmpty(); }),
        out.end());
    if (postings)
        *postings = std::move(out);
    return true;
}

} // namespace gtm::jobs
