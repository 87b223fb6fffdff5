#include "SessionCompare.h"

#include "Exporters.h"
#include "SessionFile.h"

#include <QBuffer>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <array>
#include <cmath>

namespace gtm {

namespace {

constexpr std::array kKindNames { u"new_match", u"lost_match", u"up", u"down", u"same", u"added",
    u"removed" };

// Only an analysed company has a confidence worth comparing; a failed or cancelled row says
// nothing about the company.
std::optional<double> confidenceOf(const CompanyResult &r)
{
    if (r.status == CompanyStatus::Done || r.status == CompanyStatus::NoEvidence)
        return r.confidence;
    return std::nullopt;
}

// The match rule of the table and the exports: analysed, and confident enough.
bool isMatch(const CompanyResult &r, double threshold)
{
    return r.status == CompanyStatus::Done && r.confidence >= threshold;
}

QString number(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 3) : QString();
}

} // namespace

QString changeKindToString(CompanyChange::Kind kind)
{
    return QString::fromUtf16(kKindNames[size_t(kind)]);
}

QList<CompanyChange> compareRuns(
    const RunState &before, const RunState &after, double threshold, double minMove)
{
    QHash<QString, const CompanyResult *> old;
    for (const CompanyResult &r : before.results)
        old.insert(r.domain, &r);

    QList<CompanyChange> changes;
    QSet<QString> seen;
    for (const CompanyResult &r : after.results) {
        seen.insert(r.domain);
        CompanyChange c;
        c.domain = r.domain;
        c.newConfidence = confidenceOf(r);
        c.newStatus = statusToString(r.status);
        const CompanyResult *previous = old.value(r.domain);
        if (previous) {
            c.oldConfidence = confidenceOf(*previous);
            c.oldStatus = statusToString(previous->status);
        }
        const bool wasMatch = previous && isMatch(*previous, threshold);
        const bool matchesNow = isMatch(r, threshold);
        if (matchesNow && !wasMatch)
            c.kind = CompanyChange::Kind::NewMatch;
        else if (wasMatch && !matchesNow)
            c.kind = CompanyChange::Kind::LostMatch;
        else if (!previous)
            c.kind = CompanyChange::Kind::Added;
        else if (c.oldConfidence && c.newConfidence
            && *c.newConfidence - *c.oldConfidence >= minMove)
            c.kind = CompanyChange::Kind::Up;
        else if (c.oldConfidence && c.newConfidence
            && *c.oldConfidence - *c.newConfidence >= minMove)
            c.kind = CompanyChange::Kind::Down;
        changes << c;
    }
    for (const CompanyResult &r : before.results) {
        if (seen.contains(r.domain))
            continue;
        CompanyChange c;
        c.domain = r.domain;
        c.kind = CompanyChange::Kind::Removed;
        c.oldConfidence = confidenceOf(r);
        c.oldStatus = statusToString(r.status);
        changes << c;
    }

    const auto rank = [](const CompanyChange &c) {
        switch (c.kind) {
        case CompanyChange::Kind::NewMatch:
            return 0;
        case CompanyChange::Kind::LostMatch:
            return 1;
        case CompanyChange::Kind::Up:
        case CompanyChange::Kind::Down:
            return 2;
        case CompanyChange::Kind::Removed:
            return 4;
        default:
            return 3;
        }
    };
    const auto move = [](const CompanyChange &c) {
        return c.oldConfidence && c.newConfidence ? std::abs(*c.newConfidence - *c.oldConfidence)
                                                  : 0.0;
    };
    std::stable_sort(changes.begin(), changes.end(), [&](const auto &a, const auto &b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return rank(a) == 2 && move(a) > move(b);
    });
    return changes;
}

bool writeChangesCsv(QIODevice *out, const QList<CompanyChange> &changes, QString *error)
{
    if (!out || !out->isWritable()) {
        if (error)
            *error = QStringLiteral("Cannot write the CSV: the output is not open for writing");
        return false;
    }
    QString text = QStringLiteral(
        "domain,change,old_confidence,new_confidence,delta,old_status,new_status\r\n");
    for (const CompanyChange &c : changes) {
        const std::optional<double> delta = c.oldConfidence && c.newConfidence
            ? std::optional<double>(*c.newConfidence - *c.oldConfidence)
            : std::nullopt;
        // Only the domain could hold outside text; the numbers are ours, negative ones included.
        const QStringList cells { csvField(neutraliseCell(c.domain)), changeKindToString(c.kind),
            number(c.oldConfidence), number(c.newConfidence), number(delta), c.oldStatus,
            c.newStatus };
        text += cells.join(u',') + QStringLiteral("\r\n");
    }
    const QByteArray bytes = text.toUtf8();
    if (out->write(bytes) != bytes.size()) {
        if (error)
            *error = QStringLiteral("Cannot write the CSV: %1").arg(out->errorString());
        return false;
    }
    return true;
}

bool saveChangesCsv(const QString &path, const QList<CompanyChange> &changes, QString *error)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!writeChangesCsv(&buffer, changes, error))
        return false;
    return writeFileAtomically(path, bytes, error);
}

} // namespace gtm
