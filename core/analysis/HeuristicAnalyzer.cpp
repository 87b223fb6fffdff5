#include "HeuristicAnalyzer.h"

#include "Bm25.h"
#include "FacetJudge.h"
#include "domain/CompanyName.h"
#include "goal/GoalParser.h"
#include "model/Channel.h"

#include <QCoroFuture>
#include <QMutex>
#include <QSet>
#include <QUrl>
#include <QtConcurrent>
#include <cmath>

namespace gtm {

namespace {

// Weights of the confidence model, fitted by hand on the labelled fixture's dev split
// (tests/data/analysis) and checked on batches written afterwards: docs/bench-analysis.md.
struct Calibration
{
    double bias = -4.0;
    double core = 6.0; // geometric mean of the strength of each thing the goal asks for
    double together = 0.9; // all of them in one evidence item
    double apart = -1.2; // several asked for, never seen in one item
    double perSource = 0.6; // each further independent source agreeing (at most two)
    double industry = 0.6; // the goal's industry shown (+) or not shown at all (-)
    double negation = -1.0; // the company itself says it moved away from a target
    double strengthScale = 0.7;
};
constexpr Calibration kModel;

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

// Every company of a run is judged against the same goal, each on a fresh analyzer in the pool:
// the goal is read once per dictionary, goal and date. A live weak pointer is the dictionary's
// identity (its control block cannot be reused while the entry holds it).
GoalModel readGoal(
    const std::shared_ptr<const TechDictionary> &dictionary, const QString &goal, QDate date)
{
    struct Entry
    {
        std::weak_ptr<const TechDictionary> dictionary;
        QString goal;
        QDate date;
        GoalModel model;
    };
    static QMutex mutex;
    static QList<Entry> recent; // the goals of the runs and benchmarks in flight
    auto same = [&](const Entry &e) {
        return e.goal == goal && e.date == date && !e.dictionary.expired()
            && !e.dictionary.owner_before(dictionary) && !dictionary.owner_before(e.dictionary);
    };
    {
        const QMutexLocker lock(&mutex);
        for (const Entry &e : std::as_const(recent))
            if (same(e))
                return e.model;
    }
    GoalModel model = parseGoalModel(*dictionary, goal, date);
    const QMutexLocker lock(&mutex);
    recent.prepend(Entry { dictionary, goal, date, model });
    if (recent.size() > 32)
        recent.removeLast();
    return model;
}

bool isAtsHost(const QString &host)
{
    return host.endsWith(QStringLiteral("greenhouse.io"))
        || host.endsWith(QStringLiteral("lever.co")) || host.endsWith(QStringLiteral("ashbyhq.com"))
        || host.endsWith(QStringLiteral("workable.com"));
}

struct ScoredItem
{
    QString text;
    QList<TextToken> tokens;
    double about = 0.35; // how surely the item is about this company
    double weight = 0.0; // about x relevance
    bool ownVoice = false; // the company's own site or job board
    bool jobPosting = false;
    QSet<int> namingSentences; // sentences that name the company
    QSet<int> otherPartySentences; // sentences about a client, a portfolio company
    QList<TermHit> techHits;
    QList<TermHit> termHits;
    QString source;
    QStringList ownName; // the company's name words and label, lower-cased
};

struct Need
{
    enum class Kind { Technology, Concept, Phrase };
    Kind kind = Kind::Technology;
    QList<int> technologies;
    int conceptIndex = -1;
    QStringList words; // Phrase
    QString label;
    bool industry = false;
};

struct NeedResult
{
    double support = 0.0;
    double against = 0.0;
    QList<int> positive; // evidence indexes
    QList<int> negative;
    QHash<int, QSet<int>> sentences; // item -> sentences with a hit; -1: the whole item
    QSet<QString> sources;
    // The strongest hit, for the signal's quote.
    int bestItem = -1;
    int bestToken = -1;
    double bestWeight = 0.0;
    int worstItem = -1;
    int worstToken = -1;
};

// "Sardine (AI fraud prevention)": a parenthesis describing another named company. Not
// "Go (Golang)": a technology explained is still the technology.
bool describesAnotherName(const ScoredItem &item, const TermHit &hit)
{
    const qsizetype at = item.tokens.at(hit.firstToken).start;
    const qsizetype open = item.text.lastIndexOf(u'(', at);
    if (open < 0 || item.text.indexOf(u')', open) < at)
        return false;
    for (int k = hit.firstToken - 1; k >= 0; --k) {
        const TextToken &t = item.tokens.at(k);
        if (t.end > open)
            continue;
        if (t.sentence != item.tokens.at(hit.firstToken).sentence || !t.text.at(0).isUpper()
            || item.ownName.contains(t.lower))
            return false;
        for (const TermHit &h : item.techHits)
            if (k >= h.firstToken && k <= h.lastToken)
                return false;
        return true;
    }
    return false;
}

QString excerpt(const ScoredItem &item, int token)
{
    if (token < 0 || token >= item.tokens.size())
        return {};
    const int sentence = item.tokens.at(token).sentence;
    qsizetype from = item.tokens.at(token).start;
    qsizetype to = item.tokens.at(token).end;
    for (const TextToken &t : item.tokens) {
        if (t.sentence == sentence) {
            from = std::min(from, t.start);
            to = std::max(to, t.end);
        }
    }
    QString s = item.text.mid(from, to - from).simplified();
    if (s.size() > 140) {
        const qsizetype centre = item.tokens.at(token).start - from;
        const qsizetype start = std::clamp<qsizetype>(centre - 60, 0, s.size() - 140);
        s = (start > 0 ? QStringLiteral("…") : QString()) + s.mid(start, 140).trimmed()
            + QStringLiteral("…");
    }
    return s;
}

bool phraseWordPresent(const ScoredItem &item, const QString &word)
{
    // A light stem: "accounting" finds "accountants" by its first letters.
    const QString stem = word.size() >= 6 ? word.left(5) : word;
    for (const TextToken &t : item.tokens)
        if (word.size() >= 6 ? t.lower.startsWith(stem) : t.lower == word)
            return true;
    return false;
}

} // namespace

QList<GoalSignal> facetSignals(const FacetJudgement &judgement)
{
    QList<GoalSignal> out;
    for (const FacetVerdict &v : judgement.verdicts) {
        if (!v.judged)
            continue;
        // What did not count leads with saying so: a row at 0.00 must not read as a find.
        // A facet only the learned words speak for has no sentence to quote.
        if (v.strength > 0.0 && v.quote.isEmpty())
            out << GoalSignal { QStringLiteral("%1 — %2 (%3%)")
                                    .arg(v.facet.describe(), v.reason)
                                    .arg(qRound(v.strength * 100)),
                v.evidence.mid(0, 5) };
        else if (v.strength > 0.0)
            out << GoalSignal { QStringLiteral("%1 — %2 (%3%): “%4”")
                                    .arg(v.facet.describe(), v.reason)
                                    .arg(qRound(v.strength * 100))
                                    .arg(v.quote),
                v.evidence.mid(0, 5) };
        else if (!v.evidence.isEmpty())
            out << GoalSignal { QStringLiteral("Not counted for %1 — %2: “%3”")
                                    .arg(v.facet.describe(), v.reason, v.quote),
                v.evidence.mid(0, 5), false };
        else
            out << GoalSignal { QStringLiteral("Not shown: %1").arg(v.facet.describe()), {}, false };
        if (!v.rejectedEvidence.isEmpty())
            out << GoalSignal { QStringLiteral("Not counted for %1 — %2: “%3”")
                                    .arg(v.facet.describe(), v.rejectedReason, v.rejectedQuote),
                v.rejectedEvidence, false };
    }
    return out;
}

HeuristicAnalyzer::HeuristicAnalyzer(std::shared_ptr<const TechDictionary> dictionary)
    : m_dictionary(std::move(dictionary))
{
}

QCoro::Task<AnalysisOutcome> HeuristicAnalyzer::analyze(AnalysisInput input)
{
    // The dictionary is immutable and shared; the input travels by value into the pool.
    std::shared_ptr<const TechDictionary> dictionary = m_dictionary;
    QFuture<AnalysisOutcome> future = QtConcurrent::run(
        [dictionary, input]() { return HeuristicAnalyzer(dictionary).analyzeNow(input); });
    co_return co_await future;
}

AnalysisOutcome HeuristicAnalyzer::analyzeNow(const AnalysisInput &input) const
{
    const TechDictionary &dict = *m_dictionary;
    AnalysisOutcome out;
    out.analyzer = name();
    if (input.evidence.isEmpty())
        return out;

    // A goal the facet model understands is judged facet by facet; a goal it cannot read at
    // all falls back to matching the goal's own words below.
    const GoalModel model = input.goalModel
        ? *input.goalModel
        : readGoal(m_dictionary, input.goal, input.referenceDate);
    if (!model.facets.isEmpty()) {
        const FacetJudgement j = judgeFacets(dict, model, input, input.referenceDate);
        out.confidence = j.confidence;
        out.technologies = j.technologies;
        out.signalsFound = facetSignals(j);
        return out;
    }

    const ParsedGoal goal = parseGoal(dict, input.goal);
    const QString domain = input.domain.toLower();
    const QString label = registrableLabel(domain);
    const QString companyName
        = input.companyName.isEmpty() ? companyNameFromDomain(domain) : input.companyName;
    const QStringList nameWords = phraseWords(companyName);

    // --- The evidence, read once.
    QList<ScoredItem> items;
    QList<QStringList> documents;
    for (const Evidence &e : input.evidence) {
        ScoredItem item;
        item.text = e.title + QStringLiteral(".\n") + e.snippet;
        item.tokens = tokenize(item.text);
        item.source = e.sourceName.isEmpty() ? e.channel : e.sourceName;
        item.ownName = nameWords;
        item.ownName << label;
        const QString host = QUrl(e.url).host().toLower();
        const QString path = QUrl(e.url).path().toLower();
        const bool ownSite = !host.isEmpty() && (host == domain || host.endsWith(u'.' + domain));
        const bool jobBoard = isAtsHost(host) && path.contains(label);
        // A careers page may say "we are not hiring": only postings count as hiring by themselves.
        item.jobPosting = e.channel == channel::JobsSearch || jobBoard;
        item.ownVoice = ownSite || jobBoard || e.channel == channel::JobsSearch
            || e.channel == channel::Website;

        bool collision
            = !ownSite && !host.isEmpty() && registrableLabel(host) == label && !isAtsHost(host);
        bool mentionsOwnDomain = false;
        for (const TextToken &t : item.tokens) {
            if (t.lower == domain)
                mentionsOwnDomain = true;
            else if (t.lower.startsWith(label + u'.') && t.lower.count(u'.') <= 2
                && !t.lower.endsWith(QStringLiteral(".js")))
                collision = true; // "acme.com" named while we research acme.io: a namesake
        }
        collision = collision && !mentionsOwnDomain;

        // "Solace" names solace-insure.com: a distinctive first word is how people write it.
        const QString shortName
            = nameWords.size() > 1 && nameWords.first().size() >= 4 ? nameWords.first() : QString();
        for (int i = 0; i + nameWords.size() <= item.tokens.size() && !nameWords.isEmpty(); ++i) {
            bool match = true;
            for (int k = 0; match && k < nameWords.size(); ++k)
                match = item.tokens.at(i + k).lower == nameWords.at(k);
            const QString &w = item.tokens.at(i).lower;
            // "Kestrel Bank" names kestrelbank.com.
            const bool joined = i + 1 < item.tokens.size() && w.size() >= 3 && label.startsWith(w)
                && w + item.tokens.at(i + 1).lower == label;
            if (match || joined || w == domain || (!shortName.isEmpty() && w == shortName)
                || w == label)
                item.namingSentences.insert(item.tokens.at(i).sentence);
        }
        // An article that names the company and then speaks as "we": the company's own words
        // ("Acme engineer here: we run ...").
        if (!item.namingSentences.isEmpty()) {
            const int introduced
                = *std::min_element(item.namingSentences.cbegin(), item.namingSentences.cend());
            for (const TextToken &t : item.tokens)
                if ((t.lower == u"we" || t.lower == u"our") && t.sentence >= introduced)
                    item.namingSentences.insert(t.sentence);
        }
        // Sentences about someone else: a client, a portfolio company, a partner described.
        for (int i = 0; i < item.tokens.size(); ++i) {
            const QString &w = item.tokens.at(i).lower;
            const QString next
                = i + 1 < item.tokens.size() ? item.tokens.at(i + 1).lower : QString();
            if ((w == u"our" && (next == u"client" || next == u"clients" || next == u"portfolio"))
                || (w == u"we" && (next == u"back" || next == u"invest" || next == u"advise"))
                || w == u"portfolio")
                item.otherPartySentences.insert(item.tokens.at(i).sentence);
        }
        if (collision)
            item.about = 0.15;
        else if (item.ownVoice)
            item.about = 1.0;
        else if (!item.namingSentences.isEmpty())
            item.about = 0.9;
        else
            item.about = 0.35;

        item.techHits
            = dict.findTechnologies(item.text, item.tokens, TechDictionary::Mode::Evidence);
        item.termHits = dict.findConceptTerms(item.tokens);
        QStringList words;
        for (const TextToken &t : item.tokens)
            words << t.lower;
        documents << words;
        items << item;
    }

    // --- Relevance of each item to the goal.
    QStringList query = goal.keywords;
    for (int t : goal.technologies) {
        for (const QString &w : phraseWords(dict.technologies().at(t).name))
            query << w;
        for (const QString &a : dict.technologies().at(t).aliases)
            query << phraseWords(a);
    }
    for (int c : goal.concepts)
        for (const QString &term : dict.concepts().at(c).terms)
            query << phraseWords(term);
    // A handful of items makes BM25's absolute scale meaningless: relevance is relative to
    // the company's most relevant item.
    const Bm25 bm25(documents);
    QList<double> relevance;
    double top = 0.0;
    for (int i = 0; i < items.size(); ++i) {
        relevance << bm25.score(i, query);
        top = std::max(top, relevance.last());
    }
    for (int i = 0; i < items.size(); ++i)
        items[i].weight
            = items.at(i).about * (0.6 + 0.4 * (top > 0.0 ? relevance.at(i) / top : 1.0));

    // --- What the goal asks for.
    QList<Need> required;
    QList<Need> industries;
    if (!goal.technologies.isEmpty()) {
        if (goal.anyTechnology) {
            Need n;
            n.technologies = goal.technologies;
            QStringList names;
            for (int t : goal.technologies)
                names << dict.technologies().at(t).name;
            n.label = names.join(QStringLiteral(" or "));
            required << n;
        } else {
            for (int t : goal.technologies) {
                Need n;
                n.technologies = { t };
                n.label = dict.technologies().at(t).name;
                required << n;
            }
        }
    }
    for (int c : goal.concepts) {
        Need n;
        n.kind = Need::Kind::Concept;
        n.conceptIndex = c;
        n.label = dict.concepts().at(c).label;
        n.industry = dict.concepts().at(c).kind == Concept::Kind::Industry;
        (n.industry ? industries : required) << n;
    }
    if (required.isEmpty()) {
        for (const QString &p : goal.phrases) {
            Need n;
            n.kind = Need::Kind::Phrase;
            n.words = p.split(u' ');
            n.label = p;
            required << n;
        }
    }
    if (required.isEmpty()) {
        required = industries;
        industries.clear();
    }

    // One item's word on one need: +weight, -weight for a negation, 0 for nothing.
    auto judge = [&](const Need &need, int index, int *token, QSet<int> *sentences) -> double {
        const ScoredItem &item = items.at(index);
        auto attributed = [&item](const TermHit &h) {
            const int sentence = item.tokens.at(h.firstToken).sentence;
            if (item.otherPartySentences.contains(sentence) || describesAnotherName(item, h))
                return 0.3;
            // In a third-party article, a sentence that does not name the company may be
            // about another one.
            if (item.ownVoice || item.namingSentences.isEmpty())
                return 1.0;
            return item.namingSentences.contains(sentence) ? 1.0 : 0.35;
        };
        double positive = 0.0;
        double negative = 0.0;
        int posToken = -1, negToken = -1;
        auto consider = [&](const TermHit &h) {
            const double a = attributed(h);
            if (h.negated) {
                if (a > negative) {
                    negative = a;
                    negToken = h.firstToken;
                }
            } else {
                sentences->insert(item.tokens.at(h.firstToken).sentence);
                if (a > positive) {
                    positive = a;
                    posToken = h.firstToken;
                }
            }
        };
        switch (need.kind) {
        case Need::Kind::Technology:
            for (const TermHit &h : item.techHits) {
                bool counts = need.technologies.contains(h.id);
                for (int implied : dict.technologies().at(h.id).impliedIds)
                    counts = counts || need.technologies.contains(implied);
                if (counts)
                    consider(h);
            }
            break;
        case Need::Kind::Concept: {
            const Concept &c = dict.concepts().at(need.conceptIndex);
            if (c.kind == Concept::Kind::Intent && c.id == u"hiring" && item.jobPosting) {
                positive = 1.0;
                posToken = 0;
                sentences->insert(-1); // the whole posting
            }
            for (const TermHit &h : item.termHits)
                if (h.id == need.conceptIndex)
                    consider(h);
            // Leaving one warehouse for another is still having a warehouse: only a used
            // technology of the category shows the topic.
            if (!c.techCategories.isEmpty())
                for (const TermHit &h : item.techHits)
                    if (!h.negated
                        && c.techCategories.contains(dict.technologies().at(h.id).category))
                        consider(h);
            break;
        }
        case Need::Kind::Phrase: {
            bool all = true;
            for (const QString &w : need.words)
                all = all && phraseWordPresent(item, w);
            if (all) {
                positive = 1.0;
                posToken = 0;
                sentences->insert(-1);
            }
            break;
        }
        }
        if (positive > 0.0 && negative > 0.0) {
            // "We are not hiring at the moment" on a careers page: the two cancel out.
            *token = negToken;
            return item.weight * (positive - negative);
        }
        if (positive > 0.0) {
            *token = posToken;
            return item.weight * positive;
        }
        if (negative > 0.0) {
            *token = negToken;
            return -item.weight * negative;
        }
        return 0.0;
    };

    auto evaluate = [&](const Need &need) {
        NeedResult r;
        for (int i = 0; i < items.size(); ++i) {
            int token = -1;
            QSet<int> sentences;
            const double w = judge(need, i, &token, &sentences);
            if (w > 0.0) {
                r.support += w;
                r.positive << i;
                r.sentences.insert(i, sentences);
                // A namesake or an unrelated page does not make a source agree.
                if (items.at(i).about >= 0.9)
                    r.sources.insert(items.at(i).source);
                if (w > r.bestWeight) {
                    r.bestWeight = w;
                    r.bestItem = i;
                    r.bestToken = token;
                }
            } else if (w < 0.0) {
                r.against += -w;
                r.negative << i;
                if (r.worstItem < 0) {
                    r.worstItem = i;
                    r.worstToken = token;
                }
            }
        }
        return r;
    };

    QList<NeedResult> results;
    for (const Need &n : required)
        results << evaluate(n);

    // --- Confidence.
    double logCore = 0.0;
    bool negatedTarget = false;
    QSet<QString> agreeing;
    for (int k = 0; k < required.size(); ++k) {
        const NeedResult &r = results.at(k);
        const double net = r.support - 1.2 * r.against;
        const double strength = net > 0.0 ? 1.0 - std::exp(-net / kModel.strengthScale) : 0.0;
        logCore += std::log(std::max(strength, 1e-6));
        if (r.against > 0.0 && r.against >= r.support * 0.5)
            negatedTarget = true;
        agreeing = k == 0 ? r.sources : agreeing.intersect(r.sources);
    }
    const double core = required.isEmpty() ? 0.0 : std::exp(logCore / double(required.size()));

    // Together means related: in one sentence, or anywhere in one job posting (a posting is
    // about one role). "AI chatbot" and "fraud team" in two sentences of a page are not
    // "AI for fraud detection".
    bool together = false;
    QList<int> togetherItems;
    for (int i = 0; i < items.size() && !required.isEmpty(); ++i) {
        bool all = true;
        for (const NeedResult &r : std::as_const(results))
            all = all && r.positive.contains(i);
        if (!all)
            continue;
        bool related = items.at(i).jobPosting || required.size() == 1;
        if (!related) {
            QSet<int> common;
            bool first = true;
            for (const NeedResult &r : std::as_const(results)) {
                const QSet<int> here = r.sentences.value(i);
                if (here.contains(-1))
                    continue;
                common = first ? here : common.intersect(here);
                first = false;
            }
            related = first || !common.isEmpty();
        }
        if (related) {
            together = true;
            togetherItems << i;
        }
    }

    double industryTerm = 0.0;
    QList<NeedResult> industryResults;
    for (const Need &n : std::as_const(industries)) {
        const NeedResult r = evaluate(n);
        industryResults << r;
        industryTerm += r.support > 0.3 ? 1.0 : -1.0;
    }
    if (!industries.isEmpty())
        industryTerm /= double(industries.size());

    const double z = kModel.bias + kModel.core * core
        + (together ? kModel.together : (required.size() > 1 ? kModel.apart : 0.0))
        + kModel.perSource * std::min<double>(2.0, std::max<qsizetype>(0, agreeing.size() - 1))
        + kModel.industry * industryTerm + (negatedTarget ? kModel.negation : 0.0);
    out.confidence = core <= 0.0 ? std::min(0.05, sigmoid(z)) : sigmoid(z);

    // --- Signals, each with the items that support it.
    auto quoted = [&items](int item, int token) {
        const QString e = excerpt(items.at(item), token);
        return e.isEmpty() ? QString() : QStringLiteral(": \u201C%1\u201D").arg(e);
    };
    auto addSignals = [&](const Need &need, const NeedResult &r) {
        if (!r.positive.isEmpty()) {
            QList<int> idx = r.positive;
            std::sort(idx.begin(), idx.end(),
                [&items](int a, int b) { return items.at(a).weight > items.at(b).weight; });
            QStringList sources(r.sources.cbegin(), r.sources.cend());
            sources.sort();
            const QString from = sources.isEmpty()
                ? QString()
                : QStringLiteral(" (%1)").arg(sources.join(QStringLiteral(", ")));
            out.signalsFound << GoalSignal { need.label + from + quoted(r.bestItem, r.bestToken),
                idx.mid(0, 5) };
        }
        if (!r.negative.isEmpty())
            out.signalsFound << GoalSignal { QStringLiteral("Against %1").arg(need.label)
                    + quoted(r.worstItem, r.worstToken),
                r.negative.mid(0, 5) };
    };
    for (int k = 0; k < required.size(); ++k)
        addSignals(required.at(k), results.at(k));
    for (int k = 0; k < industries.size(); ++k)
        addSignals(industries.at(k), industryResults.at(k));
    if (together && required.size() > 1) {
        QStringList labels;
        for (const Need &n : std::as_const(required))
            labels << n.label;
        out.signalsFound << GoalSignal {
            QStringLiteral("%1 in the same item").arg(labels.join(QStringLiteral(" + "))),
            togetherItems.mid(0, 5)
        };
    }

    // --- Technologies the company itself shows, targets first.
    QHash<int, double> techWeight;
    QHash<int, double> techAgainst;
    for (const ScoredItem &item : std::as_const(items)) {
        if (item.about < 0.9)
            continue;
        QSet<int> seen;
        for (const TermHit &h : item.techHits) {
            if (seen.contains(h.id * 2 + (h.negated ? 1 : 0)))
                continue;
            seen.insert(h.id * 2 + (h.negated ? 1 : 0));
            (h.negated ? techAgainst : techWeight)[h.id] += item.weight;
        }
    }
    QList<int> techs;
    for (auto it = techWeight.cbegin(); it != techWeight.cend(); ++it)
        if (it.value() > techAgainst.value(it.key()))
            techs << it.key();
    std::sort(techs.begin(), techs.end(), [&](int a, int b) {
        const bool ta = goal.technologies.contains(a);
        const bool tb = goal.technologies.contains(b);
        if (ta != tb)
            return ta;
        if (techWeight.value(a) != techWeight.value(b))
            return techWeight.value(a) > techWeight.value(b);
        return a < b;
    });
    for (int t : std::as_const(techs).mid(0, 20))
        out.technologies << dict.technologies().at(t).name;
    return out;
}

} // namespace gtm
