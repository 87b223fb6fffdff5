#include "Phrasings.h"

#include "goal/GoalParser.h"
#include "lexicon/TechDictionary.h"

#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gtm::bench {

namespace {

// The day the phrasings were written: what "since Dec 2025" counts back from.
const QDate kWrittenOn(2026, 12, 1);

// A technology as the dictionary names it: writers say "Kafka" and "Postgres", the dictionary
// "Apache Kafka" and "PostgreSQL"; alternatives ("Snowflake or BigQuery") in any order.
QString technologyName(const TechDictionary &dict, const QString &value)
{
    QStringList names;
    for (const QString &part : value.split(QStringLiteral(" or "))) {
        QString name = part.trimmed();
        for (const Technology &t : dict.technologies())
            if (t.name.compare(name, Qt::CaseInsensitive) == 0
                || t.aliases.contains(name.toLower())) {
                name = t.name;
                break;
            }
        names << name;
    }
    names.sort();
    return names.join(QStringLiteral(" or "));
}

QString facetKey(const TechDictionary &dict, const GoalFacet &f, bool checkProduction)
{
    const QString value = f.kind == FacetKind::Technology ? technologyName(dict, f.value) : f.value;
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
        .arg(facetKindToString(f.kind), value, f.purpose)
        .arg(f.roleScope)
        .arg(f.minStage)
        .arg(f.withinMonths)
        .arg(f.minEmployees)
        .arg(f.maxEmployees)
        .arg(checkProduction && f.inProduction);
}

QStringList keys(const TechDictionary &dict, const QList<GoalFacet> &facets, bool checkProduction)
{
    QStringList out;
    for (const GoalFacet &f : facets)
        out << facetKey(dict, f, checkProduction);
    out.sort();
    return out;
}

QList<GoalFacet> ofKind(const QList<GoalFacet> &facets, FacetKind kind)
{
    QList<GoalFacet> out;
    for (const GoalFacet &f : facets)
        if (f.kind == kind)
            out << f;
    return out;
}

} // namespace

QString Tally::line() const
{
    return QStringLiteral("%1 (%2/%3)").arg(accuracy(), 0, 'f', 3).arg(right).arg(total);
}

bool isHeldOutPhrasings(const QString &path)
{
    return QFileInfo(path).completeBaseName() == u"phrasings-b";
}

std::optional<QList<Phrasing>> loadPhrasings(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        *error = QStringLiteral("%1: %2").arg(path, parseError.errorString());
        return std::nullopt;
    }
    QList<Phrasing> out;
    const QJsonArray list = doc.object().value(QStringLiteral("phrasings")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        Phrasing p;
        p.text = o.value(QStringLiteral("text")).toString();
        p.lang = o.value(QStringLiteral("lang")).toString(QStringLiteral("en"));
        p.meaning = o.value(QStringLiteral("meaning")).toString();
        for (const QJsonValue &v : o.value(QStringLiteral("facets")).toArray()) {
            QString why;
            const auto f = GoalFacet::fromJson(v.toObject(), &why);
            if (!f) {
                // The case's number only: the held-out file's text must not be printed.
                *error = QStringLiteral("%1: phrasing %2: %3").arg(path).arg(i).arg(why);
                return std::nullopt;
            }
            p.facets << *f;
            p.checkProduction
                = p.checkProduction || v.toObject().contains(QStringLiteral("in_production"));
        }
        out << p;
    }
    if (out.isEmpty()) {
        *error = QStringLiteral("%1: no phrasings").arg(path);
        return std::nullopt;
    }
    return out;
}

bool sameFacets(const TechDictionary &dict, const QList<GoalFacet> &expected,
    const QList<GoalFacet> &parsed, bool checkProduction)
{
    return keys(dict, expected, checkProduction) == keys(dict, parsed, checkProduction);
}

PhrasingScores scorePhrasings(const TechDictionary &dictionary, const QList<Phrasing> &phrasings)
{
    PhrasingScores s;
    QList<GoalModel> parsed;
    for (const Phrasing &p : phrasings)
        parsed << parseGoalModel(dictionary, p.text, kWrittenOn); // also compiles the patterns
    constexpr int kRounds = 5;
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < kRounds; ++round)
        for (const Phrasing &p : phrasings)
            parseGoalModel(dictionary, p.text, kWrittenOn);
    s.usPerGoal = double(timer.nsecsElapsed()) / 1000.0 / double(kRounds * phrasings.size());

    for (qsizetype i = 0; i < phrasings.size(); ++i) {
        const Phrasing &p = phrasings.at(i);
        const GoalModel &m = parsed.at(i);
        const bool right = sameFacets(dictionary, p.facets, m.facets, p.checkProduction);
        for (Tally *t : { &s.overall, &s.perLang[p.lang] }) {
            t->right += right;
            ++t->total;
        }
        if (!p.meaning.isEmpty()) {
            s.perMeaning[p.meaning].right += right;
            ++s.perMeaning[p.meaning].total;
        }
        for (int k = int(FacetKind::Technology); k <= int(FacetKind::Size); ++k) {
            const auto kind = FacetKind(k);
            const QList<GoalFacet> want = ofKind(p.facets, kind);
            const QList<GoalFacet> got = ofKind(m.facets, kind);
            if (want.isEmpty() && got.isEmpty())
                continue;
            Tally &t = s.perKind[facetKindToString(kind)];
            t.right += sameFacets(dictionary, want, got, p.checkProduction);
            ++t.total;
        }
        if (!right)
            s.misses << PhrasingMiss { &p, m };
    }
    return s;
}

} // namespace gtm::bench
