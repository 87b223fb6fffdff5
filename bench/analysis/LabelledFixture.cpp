#include "LabelledFixture.h"

#include "goal/GoalParser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace gtm::bench {

QString Counts::line() const
{
    return QStringLiteral("P %1  R %2  F1 %3  (tp %4 fp %5 fn %6 tn %7)")
        .arg(precision(), 0, 'f', 3)
        .arg(recall(), 0, 'f', 3)
        .arg(f1(), 0, 'f', 3)
        .arg(tp)
        .arg(fp)
        .arg(fn)
        .arg(tn);
}

namespace {

// "dev", "heldout", "heldout2", ...: a file of the evaluation set by its name.
const QRegularExpression &evalSetName()
{
    static const QRegularExpression name(QStringLiteral("^(dev|heldout(\\d*))$"));
    return name;
}

} // namespace

QString evalPath(const QString &nameOrPath)
{
    if (evalSetName().match(nameOrPath).hasMatch())
        return QStringLiteral(GTM_EVAL_DIR "/%1.json").arg(nameOrPath);
    return nameOrPath;
}

bool isBlindSet(const QString &nameOrPath)
{
    // heldout9 and heldout10 were the blind sets of session 8 (scored twice, in aggregate); they
    // are tuning data since session 9 (2026-12-02), whose two writers wrote these side by side.
    const QString name = QFileInfo(nameOrPath).completeBaseName();
    return name == u"heldout11" || name == u"heldout12";
}

std::optional<LabelledFixture> loadTuningFixture(const QString &nameOrPath, QString *error)
{
    if (isBlindSet(nameOrPath)) {
        *error = QStringLiteral("%1 is scored blind: only --eval reads it, in aggregate")
                     .arg(QFileInfo(nameOrPath).completeBaseName());
        return std::nullopt;
    }
    return loadFixture(evalPath(nameOrPath), error);
}

QStringList tuningSets()
{
    return tuningSets(QStringLiteral(GTM_EVAL_DIR));
}

QStringList tuningSets(const QString &dir)
{
    QList<std::pair<int, QString>> sets; // dev 0, heldout 1, heldout2 2, ...
    const QStringList files = QDir(dir).entryList({ QStringLiteral("*.json") }, QDir::Files);
    for (const QString &file : files) {
        const QString name = QFileInfo(file).completeBaseName();
        const QRegularExpressionMatch m = evalSetName().match(name);
        if (!m.hasMatch() || isBlindSet(name))
            continue;
        const int order = name == u"dev" ? 0 : std::max(1, m.captured(2).toInt());
        sets << std::pair { order, name };
    }
    std::sort(sets.begin(), sets.end());
    QStringList names;
    for (const auto &s : std::as_const(sets))
        names << s.second;
    return names;
}

std::optional<LabelledFixture> loadFixture(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return std::nullopt;
    }
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    LabelledFixture fx;
    fx.referenceDate
        = QDate::fromString(root.value(QStringLiteral("reference_date")).toString(), Qt::ISODate);
    for (const QJsonValue &g : root.value(QStringLiteral("goals")).toArray())
        fx.goals << LabelledGoal { g[QStringLiteral("id")].toString(),
            g[QStringLiteral("text")].toString(), g[QStringLiteral("kind")].toString() };
    for (const QJsonValue &v : root.value(QStringLiteral("companies")).toArray()) {
        const QJsonObject o = v.toObject();
        LabelledCompany c;
        c.domain = o.value(QStringLiteral("domain")).toString();
        c.name = o.value(QStringLiteral("name")).toString();
        c.split = o.value(QStringLiteral("split")).toString();
        if (c.split.isEmpty())
            c.split = root.value(QStringLiteral("author")).toString();
        c.note = o.value(QStringLiteral("note")).toString();
        for (const QJsonValue &e : o.value(QStringLiteral("evidence")).toArray()) {
            QString why;
            auto ev = Evidence::fromJson(e.toObject(), &why);
            if (!ev) {
                *error = c.domain + QStringLiteral(": ") + why;
                return std::nullopt;
            }
            c.evidence << *ev;
        }
        const QJsonObject truth = o.value(QStringLiteral("truth")).toObject();
        for (auto it = truth.begin(); it != truth.end(); ++it)
            c.truth.insert(it.key(), it.value().toBool());
        fx.companies << c;
    }
    if (fx.goals.isEmpty() || fx.companies.isEmpty()) {
        *error = QStringLiteral("%1: no goals or no companies").arg(path);
        return std::nullopt;
    }
    return fx;
}

namespace {

void finish(Scores &s, const LabelledFixture &fixture)
{
    double sum = 0.0;
    for (const LabelledGoal &goal : fixture.goals)
        sum += s.perGoal.value(goal.id).f1();
    s.macroF1 = fixture.goals.isEmpty() ? 0.0 : sum / double(fixture.goals.size());
}

void record(Scores &s, const LabelledGoal &goal, const LabelledCompany &c, double confidence,
    bool predicted)
{
    const bool truth = c.truth.value(goal.id);
    s.perGoal[goal.id].add(predicted, truth);
    if (!goal.kind.isEmpty())
        s.perKind[goal.kind].add(predicted, truth);
    s.perSplit[c.split].add(predicted, truth);
    s.overall.add(predicted, truth);
    if (predicted != truth)
        s.misses << Miss { goal.id, c.domain, confidence, truth, c.note, c.split };
}

// A light stem: "accounting" finds "accountants" by its first letters.
bool wordPresent(const QSet<QString> &words, const QStringList &list, const QString &w)
{
    if (w.size() < 6)
        return words.contains(w);
    const QString stem = w.left(5);
    for (const QString &x : list)
        if (x.startsWith(stem))
            return true;
    return false;
}

} // namespace

AnalysisInput analysisInput(
    const LabelledGoal &goal, const LabelledCompany &company, const LabelledFixture &fixture)
{
    AnalysisInput input;
    input.goal = goal.text;
    input.domain = company.domain;
    input.companyName = company.name;
    input.evidence = company.evidence;
    input.referenceDate = fixture.referenceDate;
    return input;
}

Scores score(const HeuristicAnalyzer &analyzer, const LabelledFixture &fixture, double threshold)
{
    Scores s;
    QElapsedTimer timer;
    timer.start();
    for (const LabelledGoal &goal : fixture.goals) {
        for (const LabelledCompany &c : fixture.companies) {
            const double confidence
                = analyzer.analyzeNow(analysisInput(goal, c, fixture)).confidence;
            record(s, goal, c, confidence, confidence >= threshold);
        }
    }
    s.msPerCompany = fixture.companies.isEmpty()
        ? 0.0
        : double(timer.nsecsElapsed()) / 1e6 / double(fixture.companies.size());
    finish(s, fixture);
    return s;
}

Scores scoreBaseline(
    const TechDictionary &dictionary, Baseline baseline, const LabelledFixture &fixture)
{
    Q_UNUSED(dictionary)
    // Words a goal uses to frame the request rather than to say what is wanted.
    static const QSet<QString> framing { QStringLiteral("accounts"), QStringLiteral("shops"),
        QStringLiteral("whose"), QStringLiteral("own"), QStringLiteral("team"),
        QStringLiteral("works"), QStringLiteral("out"), QStringLiteral("lives"),
        QStringLiteral("already"), QStringLiteral("right"), QStringLiteral("now"),
        QStringLiteral("has"), QStringLiteral("open"), QStringLiteral("seat"),
        QStringLiteral("closed"), QStringLiteral("past"), QStringLiteral("year"),
        QStringLiteral("round"), QStringLiteral("later"), QStringLiteral("catch"),
        QStringLiteral("selling"), QStringLiteral("vendors"), QStringLiteral("matching"),
        QStringLiteral("workloads"), QStringLiteral("infrastructure"), QStringLiteral("build"),
        QStringLiteral("headquartered"), QStringLiteral("sales"), QStringLiteral("hiring"),
        QStringLiteral("recently"), QStringLiteral("raised"), QStringLiteral("sell"),
        QStringLiteral("sells"), QStringLiteral("operates"), QStringLiteral("operate"),
        QStringLiteral("detection"), QStringLiteral("software"), QStringLiteral("data"),
        QStringLiteral("role"), QStringLiteral("roles") };
    Scores s;
    for (const LabelledGoal &goal : fixture.goals) {
        QStringList words;
        for (const TextToken &t : tokenize(goal.text))
            if (!isGoalStopword(t.lower) && t.lower.size() > 1 && !words.contains(t.lower))
                words << t.lower;
        QStringList keys;
        for (const QString &w : std::as_const(words))
            if (!framing.contains(w))
                keys << w;
        for (const LabelledCompany &c : fixture.companies) {
            QStringList list;
            for (const Evidence &e : c.evidence)
                for (const TextToken &t : tokenize(e.title + u' ' + e.snippet))
                    list << t.lower;
            const QSet<QString> set(list.cbegin(), list.cend());
            qsizetype present = 0;
            for (const QString &w : std::as_const(keys))
                present += wordPresent(set, list, w) ? 1 : 0;
            const bool predicted = baseline == Baseline::HalfKeyTerms
                ? !keys.isEmpty() && 2 * present >= keys.size()
                : present > 0;
            record(s, goal, c, predicted ? 1.0 : 0.0, predicted);
        }
    }
    finish(s, fixture);
    return s;
}

} // namespace gtm::bench
