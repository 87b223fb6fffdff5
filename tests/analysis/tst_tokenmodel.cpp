#include "EvidenceBuilder.h"
#include "analysis/FacetJudge.h"
#include "analysis/HeuristicAnalyzer.h"
#include "analysis/NoisyOr.h"
#include "analysis/TokenModel.h"
#include "goal/GoalParser.h"
#include "lexicon/TechDictionary.h"

#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;
using gtm::test::evidence;

namespace {

const QDate kToday(2026, 12, 1);

GoalModel goal(const QString &text)
{
    static const auto dict = TechDictionary::loadBuiltIn();
    return parseGoalModel(*dict, text, kToday);
}

// A model that has learned one made-up word as the mark of a marketplace, from twenty companies.
TokenModel markedMarketplaceModel()
{
    QList<QSet<QString>> documents;
    QList<bool> labels;
    for (int i = 0; i < 20; ++i) {
        const bool fits = i % 2 == 0;
        documents << TokenModel::words(
            fits ? u"zorblat booking for guests"_s : u"accounting software for guests"_s);
        labels << fits;
    }
    return TokenModel::train(goal(u"Runs a two-sided marketplace"_s).facets, documents, labels);
}

// The marketplace goal judged on one page of zorb.io, with `models` read as well.
FacetJudgement judgeZorb(const QString &url, const QString &title, const QString &snippet,
    const QList<TokenModel> &models)
{
    static const auto dict = TechDictionary::loadBuiltIn();
    const QString text = u"Runs a two-sided marketplace"_s;
    const AnalysisInput input { text, u"zorb.io"_s, {}, { evidence(url, title, snippet) } };
    return judgeFacets(*dict, goal(text), input, kToday, models);
}

const FacetVerdict *verdictOf(const FacetJudgement &j, FacetKind kind)
{
    for (const FacetVerdict &v : j.verdicts)
        if (v.facet.kind == kind)
            return &v;
    return nullptr;
}

} // namespace

// The words of a company's evidence, learned from labelled companies (core/analysis/TokenModel).
class TestTokenModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void words_areFoldedCutAndSkipShortWordsAndNumbers()
    {
        QCOMPARE(TokenModel::words(u"Marketplaces of 2025: HOSTS and guests, über alles"_s),
            QSet<QString>(
                { u"market"_s, u"hosts"_s, u"and"_s, u"guests"_s, u"über"_s, u"alles"_s }));
    }

    void train_theWordsOfTheCompaniesThatFitRaiseTheProbability()
    {
        const TokenModel m = markedMarketplaceModel();
        QVERIFY(m.probability(TokenModel::words(u"zorblat for guests"_s)) > 0.9);
        QVERIFY(m.probability(TokenModel::words(u"accounting for guests"_s)) < 0.1);
    }

    void json_roundTripKeepsWhatItSays()
    {
        const TokenModel m = markedMarketplaceModel();
        const TokenModel back = TokenModel::fromJson(m.toJson());
        const QSet<QString> words = TokenModel::words(u"zorblat booking"_s);
        QCOMPARE(
            std::round(back.probability(words) * 1000), std::round(m.probability(words) * 1000));
        QCOMPARE(back.facets().size(), 1);
        QVERIFY(back.serves(goal(u"Two-sided marketplaces"_s)));
    }

    // The models shipped (resources/core/analysis/token-models.json) speak for the goals they
    // were trained on, and for no other.
    void builtIn_servesTheGoalsItWasTrainedFor()
    {
        auto served = [](const QString &text) {
            const GoalModel g = goal(text);
            return std::any_of(TokenModel::builtIn().cbegin(), TokenModel::builtIn().cend(),
                [&g](const TokenModel &m) { return m.serves(g); });
        };
        QVERIFY(served(u"B2B SaaS selling to hospitals and clinics"_s));
        QVERIFY(served(u"Two-sided marketplaces"_s));
        QVERIFY(!served(u"Companies running Kubernetes in production"_s));
        QVERIFY(!served(u"German freight and logistics companies"_s));
    }

    // The judge adds the words as one more cue: it lifts the facet by a noisy-or, never alone
    // past the match line, and it adds nothing where a reading refused what it found.
    void judge_wordsLiftTheFacetButNeverDecideAlone()
    {
        const QString url = u"https://zorb.io/"_s;
        const QString snippet = u"Zorblat booking for guests, every weekend."_s;
        const FacetJudgement without = judgeZorb(url, u"Zorb"_s, snippet, {});
        const FacetJudgement with
            = judgeZorb(url, u"Zorb"_s, snippet, { markedMarketplaceModel() });
        const FacetVerdict *before = verdictOf(without, FacetKind::BusinessModel);
        const FacetVerdict *after = verdictOf(with, FacetKind::BusinessModel);
        QVERIFY(before && after);
        QCOMPARE(before->learned, 0.0);
        QVERIFY(after->learned > 0.45 && after->learned <= 0.5);
        QCOMPARE(after->strength, noisyOr({ before->strength, after->learned }));
        QVERIFY(with.confidence < 0.7);
        // The evidence pane says how much of the facet the words carry.
        QVERIFY2(after->reason.contains(u"its words read like the companies that fit (learned, "_s),
            qPrintable(after->reason));
    }

    // Words unlike those of the companies that fit say nothing: the evidence pane still says
    // the facet was not shown, not "0 %" as if something had been found.
    void pane_aFacetNothingSpeaksForStaysNotShown()
    {
        const AnalysisOutcome o
            = HeuristicAnalyzer(TechDictionary::loadBuiltIn())
                  .analyzeNow(AnalysisInput { u"B2B SaaS vendors selling to hospitals"_s,
                      u"gritmill.com"_s, {},
                      { evidence(u"https://gritmill.com/"_s, u"Gritmill"_s,
                          u"Gritmill mills stone-ground flour for bakeries."_s) } });
        QStringList lines;
        for (const GoalSignal &s : o.signalsFound)
            lines << s.text;
        QVERIFY2(lines.contains(u"Not shown: sells to healthcare providers / payers"_s),
            qPrintable(lines.join(u'\n')));
    }

    void judge_wordsAddNothingWhereTheCompanySaysOtherwise()
    {
        const FacetJudgement j = judgeZorb(u"https://zorb.io/blog/closing"_s, u"Closing Zorb"_s,
            u"Zorb shut down its zorblat marketplace for guests and hosts last year."_s,
            { markedMarketplaceModel() });
        const FacetVerdict *v = verdictOf(j, FacetKind::BusinessModel);
        QVERIFY(v);
        QVERIFY2(!v->rejectedReason.isEmpty() || v->against > 0.0, qPrintable(v->reason));
        QCOMPARE(v->learned, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestTokenModel)
#include "tst_tokenmodel.moc"
