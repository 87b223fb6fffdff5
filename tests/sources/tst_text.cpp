#include "html/Html.h"
#include "text/Text.h"
#include "text/TfIdf.h"

#include <QTest>

using namespace gtm;
using namespace Qt::StringLiterals;

class TestText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void entities_areDecoded_data();
    void entities_areDecoded();
    void plainText_dropsMarkupScriptsAndStyles();
    void plainText_ofEscapedHtml_needsTwoPasses();
    void truncate_cutsOnAWordBoundary();
    void tokenize_keepsLanguageNamesAndDropsStopWords();
    void ngrams_runFromOneToThreeWords();
    void tfidf_ranksPostingsBestFirst();
    void tfidf_titleCountsDouble();
    void tfidf_thresholdAndLimit();
    void tfidf_unknownQuery_matchesNothing();
};

void TestText::entities_areDecoded_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("named") << u"Fish &amp; Chips &lt;b&gt; &quot;x&quot; &apos;y&apos;"_s
                           << u"Fish & Chips <b> \"x\" 'y'"_s;
    QTest::newRow("decimal") << u"Radar&#8217;s &#39;models&#39;"_s << u"Radar\u2019s 'models'"_s;
    QTest::newRow("hex") << u"&#x2014; &#X41;"_s << u"\u2014 A"_s;
    QTest::newRow("emoji beyond the BMP") << u"&#128640;"_s << QString::fromUcs4(U"\U0001F680");
    QTest::newRow("nbsp and dashes") << u"a&nbsp;b &ndash; c"_s << u"a\u00A0b \u2013 c"_s;
    QTest::newRow("unknown kept") << u"&bogus; & AT&T"_s << u"&bogus; & AT&T"_s;
    QTest::newRow("invalid number") << u"&#0; &#xD800;"_s << u"\uFFFD \uFFFD"_s;
    QTest::newRow("double escaped, one pass") << u"&amp;lt;p&amp;gt;"_s << u"&lt;p&gt;"_s;
}

void TestText::entities_areDecoded()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(text::decodeEntities(input), expected);
}

void TestText::plainText_dropsMarkupScriptsAndStyles()
{
    const QString html
        = u"<div><h2>About&nbsp;us</h2><p>We build <b>fraud</b>"
          "<i>detection</i> &amp; risk tools.</p><script>var x = '<p>no</p>';</script>"
          "<style>p { color: red }</style><ul><li>One</li><li>Two</li></ul></div>"_s;
    QCOMPARE(html::toPlainText(html), u"About us We build fraud detection & risk tools. One Two"_s);
}

void TestText::plainText_ofEscapedHtml_needsTwoPasses()
{
    // Greenhouse sends its job descriptions as HTML-escaped HTML.
    const QString content = u"&lt;p&gt;&lt;strong&gt;About Acme&lt;/strong&gt;&lt;/p&gt;"
                            "&lt;p&gt;We use Kafka &amp;amp; Rust.&lt;/p&gt;"_s;
    QCOMPARE(
        html::toPlainText(text::decodeEntities(content)), u"About Acme We use Kafka & Rust."_s);
}

void TestText::truncate_cutsOnAWordBoundary()
{
    QCOMPARE(text::truncateAtWord(u"short"_s, 10), u"short"_s);
    QCOMPARE(text::truncateAtWord(u"alpha beta gamma delta"_s, 13), u"alpha beta\u2026"_s);
    const QString cut = text::truncateAtWord(QString(50, u'x'), 10);
    QCOMPARE(cut.size(), 10);
    QVERIFY(cut.endsWith(QChar(0x2026)));
    QCOMPARE(text::collapseWhitespace(u"  a \n\t b\u00A0 c  "_s), u"a b c"_s);
}

void TestText::tokenize_keepsLanguageNamesAndDropsStopWords()
{
    QCOMPARE(text::tokenize(u"C++ and C# on Node.js, a Go-to API!"_s),
        QStringList({ u"c++"_s, u"and"_s, u"c#"_s, u"on"_s, u"node"_s, u"js"_s, u"go"_s, u"to"_s,
            u"api"_s }));
    QCOMPARE(text::contentTokens(u"The engineer for the fraud team"_s),
        QStringList({ u"engineer"_s, u"fraud"_s, u"team"_s }));
}

void TestText::ngrams_runFromOneToThreeWords()
{
    QCOMPARE(text::ngrams({ u"a"_s, u"b"_s, u"c"_s }, 1, 3),
        QStringList({ u"a"_s, u"b"_s, u"c"_s, u"a b"_s, u"b c"_s, u"a b c"_s }));
}

namespace {
QList<text::TfIdfIndex::Document> postings()
{
    return {
        { u"Senior Machine Learning Engineer, Fraud Detection"_s,
            u"Build machine learning models that detect fraud in real time. Python, PyTorch, "
            "feature stores and model monitoring."_s },
        { u"Account Executive, Enterprise"_s,
            u"Sell our payments platform to enterprise customers. Quota-carrying role."_s },
        { u"Data Scientist, Risk"_s,
            u"Analyse payments data to reduce fraud losses; experiment design, SQL, machine "
            "learning a plus."_s },
        { u"Frontend Engineer"_s,
            u"React and TypeScript for our dashboard. Work with designers on the checkout."_s },
        { u"Fraud Operations Analyst"_s,
            u"Review flagged transactions and escalate fraud cases to the risk team."_s },
        { u"Backend Engineer, Payments"_s,
            u"Go and Postgres services for payment processing at scale."_s },
    };
}
} // namespace

void TestText::tfidf_ranksPostingsBestFirst()
{
    const text::TfIdfIndex index(postings());
    const auto matches = index.rank(u"machine learning fraud detection"_s, 0.0, 10);
    QList<int> order;
    for (const auto &m : matches)
        order << m.document;
    // The ML fraud posting has the phrase in its title; the data scientist mentions machine
    // learning and fraud; the operations analyst only fraud; unrelated postings not at all.
    QCOMPARE(order, QList<int>({ 0, 2, 4 }));
    QVERIFY(matches.at(0).similarity > matches.at(1).similarity);
    QVERIFY(matches.at(1).similarity > matches.at(2).similarity);
    QVERIFY(matches.at(0).similarity <= 1.0 + 1e-9);
}

void TestText::tfidf_titleCountsDouble()
{
    // The same words, once in the title and once only in the body.
    const text::TfIdfIndex index({ { u"Kubernetes Engineer"_s, u"Build services."_s },
        { u"Platform Engineer"_s, u"Build kubernetes services."_s },
        { u"Designer"_s, u"Make things."_s } });
    const auto matches = index.rank(u"kubernetes"_s, 0.0, 10);
    QCOMPARE(matches.size(), 2);
    QCOMPARE(matches.at(0).document, 0);
    QCOMPARE(matches.at(1).document, 1);
}

void TestText::tfidf_thresholdAndLimit()
{
    const text::TfIdfIndex index(postings());
    const auto all = index.rank(u"machine learning fraud detection"_s, 0.0, 10);
    QCOMPARE(all.size(), 3);
    const auto top = index.rank(u"machine learning fraud detection"_s, 0.0, 1);
    QCOMPARE(top.size(), 1);
    QCOMPARE(top.first().document, 0);
    const double cut = (all.at(1).similarity + all.at(2).similarity) / 2;
    const auto above = index.rank(u"machine learning fraud detection"_s, cut, 10);
    QCOMPARE(above.size(), 2);
}

void TestText::tfidf_unknownQuery_matchesNothing()
{
    const text::TfIdfIndex index(postings());
    QVERIFY(index.rank(u"blockchain quantum"_s, 0.0, 10).isEmpty());
    QVERIFY(index.rank(u"the and of"_s, 0.0, 10).isEmpty());
}

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
