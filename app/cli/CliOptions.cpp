#include "CliOptions.h"

#include <QCommandLineParser>

namespace gtm::cli {

void addCliOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        { QStringLiteral("goal"),
            QStringLiteral(
                "The research goal, e.g. \"fintech companies using AI for fraud detection\"."),
            QStringLiteral("TEXT") },
        { QStringLiteral("domains"),
            QStringLiteral(
                "A file with one company domain per line (or comma-separated), or - for stdin."),
            QStringLiteral("FILE") },
        { QStringLiteral("domain-column"),
            QStringLiteral("The column of domains in a CRM export (.csv) given to --domains, when "
                           "it is not recognised by its name."),
            QStringLiteral("NAME") },
        { QStringLiteral("depth"), QStringLiteral("quick, standard (default) or comprehensive."),
            QStringLiteral("DEPTH") },
        { QStringLiteral("max-parallel"),
            QStringLiteral("Parallel searches per source, 1-500 (default 20)."),
            QStringLiteral("N") },
        { QStringLiteral("threshold"), QStringLiteral("Confidence for a match, 0-1 (default 0.7)."),
            QStringLiteral("X") },
        { QStringLiteral("strategies"),
            QStringLiteral("Query strategies as JSON {\"strategies\":[{channel, query_template, "
                           "relevance_score}]} instead of generating them."),
            QStringLiteral("FILE") },
        { QStringLiteral("sources"),
            QStringLiteral("Comma-separated channels: google_search, news_search, jobs_search, "
                           "website, hackernews (default all)."),
            QStringLiteral("LIST") },
        { QStringLiteral("analyzer"), QStringLiteral("auto (default), heuristic or llm."),
            QStringLiteral("KIND") },
        { QStringLiteral("llm"),
            QStringLiteral("none, gemini or openai (keys and URLs from the environment)."),
            QStringLiteral("PROVIDER") },
        { QStringLiteral("out"), QStringLiteral("Write the results as CSV."),
            QStringLiteral("FILE.csv") },
        { QStringLiteral("json"),
            QStringLiteral("Write the results as JSON (the research response shape)."),
            QStringLiteral("FILE") },
        { QStringLiteral("session"),
            QStringLiteral("Keep a session file up to date during the run."),
            QStringLiteral("FILE") },
        { QStringLiteral("resume"),
            QStringLiteral("Resume the run saved in a session file: only unfinished queries run."),
            QStringLiteral("FILE") },
        { QStringLiteral("events"),
            QStringLiteral("Write progress events as JSON lines to stdout.") },
        { QStringLiteral("no-cache"), QStringLiteral("Do not use the response cache.") },
        { QStringLiteral("print-goal-facets"),
            QStringLiteral("Print the facets read from --goal as JSON and exit (edit, then pass "
                           "the file to --goal-facets).") },
        { QStringLiteral("goal-facets"),
            QStringLiteral("Judge by the goal facets in this JSON file instead of those read "
                           "from --goal."),
            QStringLiteral("FILE") },
        { QStringLiteral("budget"),
            QStringLiteral("Caps for this run in each paid provider's unit, e.g. "
                           "tavily=200,newsapi=100,gemini=50000 (credits, requests, tokens); "
                           "what does not fit is skipped as \"budget spent\"."),
            QStringLiteral("LIST") },
        { QStringLiteral("compare"),
            QStringLiteral("With --resume or --session: after the run, compare it with an older "
                           "session of the same goal and write a CSV of new matches, lost matches "
                           "and confidence moves (to --compare-out, or stdout)."),
            QStringLiteral("OLD.gtmr") },
        { QStringLiteral("compare-out"), QStringLiteral("Where --compare writes its CSV."),
            QStringLiteral("FILE.csv") },
        { QStringLiteral("retry-failed"),
            QStringLiteral("With --resume: run again only the queries that failed; finished "
                           "companies and queries are left as they are.") },
        { QStringLiteral("estimate"),
            QStringLiteral("Print the queries per source, the credits or requests per paid "
                           "provider and the expected duration, and exit without sending a "
                           "request.") },
        { QStringLiteral("all-queries"),
            QStringLiteral("Always run every query: no free-first skipping (by default paid "
                           "sources are asked only while the free ones leave a company "
                           "undecided).") },
    });
}

std::optional<CliOptions> cliOptionsFrom(const QCommandLineParser &p, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (!p.positionalArguments().isEmpty())
        return fail(
            QStringLiteral("unexpected argument \"%1\"").arg(p.positionalArguments().constFirst()));

    CliOptions o;
    o.goal = p.value(QStringLiteral("goal")).trimmed();
    o.domainsPath = p.value(QStringLiteral("domains"));
    o.domainColumn = p.value(QStringLiteral("domain-column")).trimmed();
    o.resumePath = p.value(QStringLiteral("resume"));
    o.goalFacetsPath = p.value(QStringLiteral("goal-facets"));
    o.printGoalFacets = p.isSet(QStringLiteral("print-goal-facets"));
    if (o.printGoalFacets) {
        if (o.goal.isEmpty())
            return fail(QStringLiteral("--print-goal-facets needs --goal TEXT"));
        return o;
    }
    if (o.resumePath.isEmpty()) {
        if (o.goal.isEmpty())
            return fail(QStringLiteral("--goal TEXT is required"));
        if (o.domainsPath.isEmpty())
            return fail(QStringLiteral("--domains FILE|- is required"));
    } else if (p.isSet(QStringLiteral("goal")) || p.isSet(QStringLiteral("domains"))
        || p.isSet(QStringLiteral("domain-column"))) {
        return fail(QStringLiteral(
            "--resume takes goal and domains from the session; drop --goal and --domains"));
    }

    if (p.isSet(QStringLiteral("depth"))) {
        const auto depth = depthFromString(p.value(QStringLiteral("depth")));
        if (!depth)
            return fail(QStringLiteral("--depth must be quick, standard or comprehensive"));
        o.depth = *depth;
    }
    if (p.isSet(QStringLiteral("max-parallel"))) {
        bool ok = false;
        o.maxParallel = p.value(QStringLiteral("max-parallel")).toInt(&ok);
        if (!ok || o.maxParallel < ResearchRequest::MinParallelSearches
            || o.maxParallel > ResearchRequest::MaxParallelSearches)
            return fail(QStringLiteral("--max-parallel must be a whole number from %1 to %2")
                            .arg(ResearchRequest::MinParallelSearches)
                            .arg(ResearchRequest::MaxParallelSearches));
    }
    if (p.isSet(QStringLiteral("threshold"))) {
        bool ok = false;
        o.threshold = p.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || o.threshold < 0.0 || o.threshold > 1.0)
            return fail(QStringLiteral("--threshold must be a number from 0 to 1"));
    }
    o.strategiesPath = p.value(QStringLiteral("strategies"));
    if (p.isSet(QStringLiteral("sources"))) {
        o.sources.clear();
        const QStringList parts
            = p.value(QStringLiteral("sources")).split(u',', Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QString c = part.trimmed();
            if (!channel::isKnown(c))
                return fail(QStringLiteral("--sources: unknown channel \"%1\" (known: %2)")
                                .arg(c, channel::all().join(QStringLiteral(", "))));
            if (!o.sources.contains(c))
                o.sources << c;
        }
        if (o.sources.isEmpty())
            return fail(QStringLiteral("--sources needs at least one channel"));
    }
    if (p.isSet(QStringLiteral("analyzer"))) {
        const QString a = p.value(QStringLiteral("analyzer"));
        if (a == u"auto")
            o.analyzer = AnalyzerChoice::Auto;
        else if (a == u"heuristic")
            o.analyzer = AnalyzerChoice::Heuristic;
        else if (a == u"llm")
            o.analyzer = AnalyzerChoice::Llm;
        else
            return fail(QStringLiteral("--analyzer must be auto, heuristic or llm"));
    }
    if (p.isSet(QStringLiteral("llm"))) {
        const QString l = p.value(QStringLiteral("llm"));
        if (l == u"none")
            o.llm = LlmProvider::None;
        else if (l == u"gemini")
            o.llm = LlmProvider::Gemini;
        else if (l == u"openai")
            o.llm = LlmProvider::OpenAiCompatible;
        else
            return fail(QStringLiteral("--llm must be none, gemini or openai"));
    }
    o.outCsv = p.value(QStringLiteral("out"));
    o.outJson = p.value(QStringLiteral("json"));
    o.sessionPath = p.value(QStringLiteral("session"));
    o.events = p.isSet(QStringLiteral("events"));
    o.noCache = p.isSet(QStringLiteral("no-cache"));
    if (p.isSet(QStringLiteral("budget"))) {
        QString why;
        o.budgets = Budgets::parse(p.value(QStringLiteral("budget")), &why);
        if (!o.budgets)
            return fail(QStringLiteral("--budget: %1").arg(why));
    }
    o.comparePath = p.value(QStringLiteral("compare"));
    o.compareOut = p.value(QStringLiteral("compare-out"));
    if (p.isSet(QStringLiteral("compare")) && o.comparePath.isEmpty())
        return fail(QStringLiteral("--compare needs a session file"));
    if (!o.comparePath.isEmpty() && o.resumePath.isEmpty()
        && p.value(QStringLiteral("session")).isEmpty())
        return fail(QStringLiteral("--compare needs the new run: --resume FILE or --session FILE"));
    if (p.isSet(QStringLiteral("compare-out")) && o.comparePath.isEmpty())
        return fail(QStringLiteral("--compare-out goes with --compare"));
    if (!o.comparePath.isEmpty() && o.compareOut.isEmpty() && p.isSet(QStringLiteral("events")))
        return fail(QStringLiteral("--compare with --events needs --compare-out (stdout carries "
                                   "the events)"));
    o.retryFailed = p.isSet(QStringLiteral("retry-failed"));
    if (o.retryFailed && o.resumePath.isEmpty())
        return fail(QStringLiteral("--retry-failed goes with --resume FILE"));
    o.allQueries = p.isSet(QStringLiteral("all-queries"));
    o.estimate = p.isSet(QStringLiteral("estimate"));
    if (o.estimate && !o.resumePath.isEmpty())
        return fail(QStringLiteral("--estimate works on --goal and --domains, not --resume"));
    for (const auto &[name, value] :
        { std::pair { "out", o.outCsv }, std::pair { "json", o.outJson },
            std::pair { "session", o.sessionPath }, std::pair { "strategies", o.strategiesPath } })
        if (p.isSet(QString::fromLatin1(name)) && value.isEmpty())
            return fail(QStringLiteral("--%1 needs a file name").arg(QString::fromLatin1(name)));
    return o;
}

} // namespace gtm::cli
