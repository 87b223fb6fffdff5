#include "CompanyResult.h"

#include "JsonReader.h"

#include <array>
#include <limits>

namespace gtm {

namespace {
constexpr std::array kStatusNames{u"queued", u"searching", u"analyzing", u"done",
                                  u"no_evidence", u"failed", u"cancelled"};
}

QString statusToString(CompanyStatus status)
{
    return QString::fromUtf16(kStatusNames[size_t(status)]);
}

std::optional<CompanyStatus> statusFromString(QStringView text)
{
    for (size_t i = 0; i < kStatusNames.size(); ++i)
        if (text == QStringView(kStatusNames[i]))
            return CompanyStatus(i);
    return std::nullopt;
}

bool isFinal(CompanyStatus status)
{
    return status == CompanyStatus::Done || status == CompanyStatus::NoEvidence
        || status == CompanyStatus::Failed || status == CompanyStatus::Cancelled;
}

bool runsOnResume(CompanyStatus status)
{
    return status == CompanyStatus::Cancelled || !isFinal(status);
}

QStringList CompanyResult::signalTexts() const
{
    QStringList out;
    for (const auto &s : signalsFound)
        out << s.text;
    return out;
}

QJsonObject CompanyResult::toJson() const
{
    QJsonArray ev;
    for (const auto &e : evidence)
        ev.append(e.toJson());
    QJsonArray sig;
    for (const auto &s : signalsFound) {
        QJsonArray idx;
        for (int i : s.evidenceIndexes)
            idx.append(i);
        QJsonObject o{{QStringLiteral("text"), s.text}, {QStringLiteral("evidence"), idx}};
        if (!s.counted)
            o.insert(QStringLiteral("counted"), false);
        sig.append(o);
    }
    QJsonObject err;
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        err.insert(it.key(), it.value());
    return {
        {QStringLiteral("domain"), domain},
        {QStringLiteral("status"), statusToString(status)},
        {QStringLiteral("confidence_score"), confidence},
        {QStringLiteral("technologies"), QJsonArray::fromStringList(technologies)},
        {QStringLiteral("signals"), sig},
        {QStringLiteral("evidence"), ev},
        {QStringLiteral("evidence_sources"), QJsonArray::fromStringList(evidenceSources)},
        {QStringLiteral("errors"), err},
        {QStringLiteral("analyzer"), analyzer},
        {QStringLiteral("skipped_queries"), skipped},
    };
}

std::optional<CompanyResult> CompanyResult::fromJson(const QJsonObject &json, QString *error)
{
    JsonReader r(json, QStringLiteral("result"));
    CompanyResult c;
    c.domain = r.requiredString(QStringLiteral("domain"));
    const QString status = r.string(QStringLiteral("status"), QStringLiteral("queued"));
    if (auto s = statusFromString(status))
        c.status = *s;
    else
        r.fail(QStringLiteral("result.status: unknown status \"%1\"").arg(status));
    c.confidence = r.number(QStringLiteral("confidence_score"));
    if (c.confidence < 0.0 || c.confidence > 1.0)
        r.fail(QStringLiteral("result.confidence_score: must be between 0 and 1"));
    c.technologies = r.stringList(QStringLiteral("technologies"));
    const QJsonArray sig = r.array(QStringLiteral("signals"));
    for (int i = 0; r.ok() && i < sig.size(); ++i) {
        const QString path = r.childPath(QStringLiteral("signals"), i);
        if (!sig.at(i).isObject()) {
            r.fail(path + QStringLiteral(": expected an object"));
            break;
        }
        JsonReader sr(sig.at(i).toObject(), path);
        GoalSignal s;
        s.text = sr.requiredString(QStringLiteral("text"));
        s.counted = sr.boolean(QStringLiteral("counted"), true);
        const QJsonArray idx = sr.array(QStringLiteral("evidence"));
        for (const auto &v : idx) {
            if (!v.isDouble()) {
                sr.fail(path + QStringLiteral(".evidence: expected numbers"));
                break;
            }
            s.evidenceIndexes << v.toInt();
        }
        if (!sr.ok())
            r.fail(sr.error());
        c.signalsFound << s;
    }
    const QJsonArray ev = r.array(QStringLiteral("evidence"));
    for (int i = 0; r.ok() && i < ev.size(); ++i) {
        if (!ev.at(i).isObject()) {
            r.fail(r.childPath(QStringLiteral("evidence"), i) + QStringLiteral(": expected an object"));
            break;
        }
        QString e;
        auto item = Evidence::fromJson(ev.at(i).toObject(), &e);
        if (!item) {
            r.fail(r.childPath(QStringLiteral("evidence"), i) + QStringLiteral(": ") + e);
            break;
        }
        c.evidence << *item;
    }
    c.evidenceSources = r.stringList(QStringLiteral("evidence_sources"));
    const QJsonObject err = r.object(QStringLiteral("errors"));
    for (auto it = err.begin(); it != err.end(); ++it) {
        if (!it.value().isString()) {
            r.fail(QStringLiteral("result.errors.%1: expected a string").arg(it.key()));
            break;
        }
        c.errors.insert(it.key(), it.value().toString());
    }
    c.analyzer = r.string(QStringLiteral("analyzer"));
    c.skipped = int(
        r.integer(QStringLiteral("skipped_queries"), 0, 0, std::numeric_limits<int>::max()));
    if (!r.ok()) {
        if (error)
            *error = r.error();
        return std::nullopt;
    }
    return c;
}

} // namespace gtm
