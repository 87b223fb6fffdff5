#include "TokenModel.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <cmath>

// A resource in a static library is only linked in when something asks for it by name.
static void initAnalysisResources()
{
    Q_INIT_RESOURCE(analysis);
}

namespace gtm {

namespace {

constexpr int kMinCount = 3;
constexpr double kSmoothing = 0.5;

bool sameFacet(const GoalFacet &a, const GoalFacet &b)
{
    return a.kind == b.kind && a.value == b.value;
}

} // namespace

QSet<QString> TokenModel::words(const QString &text)
{
    static const QRegularExpression word(
        QStringLiteral("\\w+"), QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression number(QStringLiteral("^\\d+$"));
    QSet<QString> out;
    const QString lower = text.toLower();
    for (auto it = word.globalMatch(lower); it.hasNext();) {
        const QString w = it.next().captured(0);
        if (w.size() > 2 && !number.match(w).hasMatch())
            out.insert(w.left(6));
    }
    return out;
}

QSet<QString> TokenModel::words(const QList<Evidence> &evidence)
{
    QSet<QString> out;
    for (const Evidence &e : evidence)
        out.unite(words(e.title + u' ' + e.snippet));
    return out;
}

TokenModel TokenModel::train(const QList<GoalFacet> &facets, const QList<QSet<QString>> &documents,
    const QList<bool> &labels)
{
    QHash<QString, int> positive, negative;
    int positives = 0, negatives = 0;
    for (qsizetype i = 0; i < documents.size(); ++i) {
        QHash<QString, int> &counts = labels.at(i) ? positive : negative;
        (labels.at(i) ? positives : negatives) += 1;
        for (const QString &w : documents.at(i))
            counts[w] += 1;
    }
    TokenModel m;
    m.m_facets = facets;
    if (positives == 0 || negatives == 0)
        return m;
    QSet<QString> vocabulary;
    for (auto it = positive.cbegin(); it != positive.cend(); ++it)
        if (it.value() + negative.value(it.key()) >= kMinCount)
            vocabulary.insert(it.key());
    for (auto it = negative.cbegin(); it != negative.cend(); ++it)
        if (it.value() + positive.value(it.key()) >= kMinCount)
            vocabulary.insert(it.key());
    auto logShare
        = [](int count, int of) { return std::log((count + kSmoothing) / (of + 2 * kSmoothing)); };
    m.m_base = std::log(double(positives) / double(negatives));
    for (const QString &w : std::as_const(vocabulary)) {
        const int p = positive.value(w), n = negative.value(w);
        const double present = logShare(p, positives) - logShare(n, negatives);
        const double absent
            = logShare(positives - p, positives) - logShare(negatives - n, negatives);
        m.m_base += absent;
        m.m_weights.insert(w, present - absent);
    }
    return m;
}

double TokenModel::probability(const QSet<QString> &words) const
{
    double z = m_base;
    for (const QString &w : words)
        z += m_weights.value(w, 0.0);
    z = std::clamp(z, -50.0, 50.0);
    return 1.0 / (1.0 + std::exp(-z));
}

bool TokenModel::serves(const GoalModel &goal) const
{
    if (m_facets.isEmpty())
        return false;
    for (const GoalFacet &mine : m_facets)
        if (std::none_of(goal.facets.cbegin(), goal.facets.cend(),
                [&mine](const GoalFacet &f) { return sameFacet(f, mine); }))
            return false;
    return true;
}

QJsonObject TokenModel::toJson() const
{
    QJsonArray facets;
    for (const GoalFacet &f : m_facets)
        facets << QJsonObject { { QStringLiteral("kind"), facetKindToString(f.kind) },
            { QStringLiteral("value"), f.value } };
    // Sorted, so that a retrained file diffs word by word.
    QStringList keys = m_weights.keys();
    keys.sort();
    QJsonObject weights;
    for (const QString &k : std::as_const(keys))
        weights.insert(k, std::round(m_weights.value(k) * 1000.0) / 1000.0);
    return { { QStringLiteral("facets"), facets }, { QStringLiteral("base"), m_base },
        { QStringLiteral("weights"), weights } };
}

TokenModel TokenModel::fromJson(const QJsonObject &json)
{
    TokenModel m;
    for (const QJsonValue &v : json.value(QStringLiteral("facets")).toArray()) {
        const QJsonObject o = v.toObject();
        const auto kind = facetKindFromString(o.value(QStringLiteral("kind")).toString());
        if (!kind)
            return {};
        GoalFacet f;
        f.kind = *kind;
        f.value = o.value(QStringLiteral("value")).toString();
        m.m_facets << f;
    }
    m.m_base = json.value(QStringLiteral("base")).toDouble();
    const QJsonObject weights = json.value(QStringLiteral("weights")).toObject();
    for (auto it = weights.constBegin(); it != weights.constEnd(); ++it)
        m.m_weights.insert(it.key(), it.value().toDouble());
    return m;
}

const QList<TokenModel> &TokenModel::builtIn()
{
    static const QList<TokenModel> models = [] {
        initAnalysisResources();
        QList<TokenModel> out;
        QFile f(QStringLiteral(":/analysis/token-models.json"));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        const QJsonArray all = QJsonDocument::fromJson(f.readAll())
                                   .object()
                                   .value(QStringLiteral("models"))
                                   .toArray();
        for (const QJsonValue &v : all)
            if (TokenModel m = fromJson(v.toObject()); !m.m_facets.isEmpty())
                out << m;
        return out;
    }();
    return models;
}

} // namespace gtm
