#pragma once

#include "llm/LlmSettings.h"
#include "model/ResearchRequest.h"
#include "spend/Budget.h"

#include <QStringList>
#include <optional>

class QCommandLineParser;

namespace gtm::cli {

// What the command line asked for, checked: every value is valid or parsing failed with a
// message for the user (exit code 2).
struct CliOptions
{
    QString goal;
    QString domainsPath; // file, or "-" for stdin
    QString domainColumn; // the CRM export's column of domains, when it is not recognised
    Depth depth = Depth::Standard;
    int maxParallel = 20;
    double threshold = 0.7;
    QString strategiesPath;
    QStringList sources = channel::all();
    std::optional<AnalyzerChoice> analyzer;
    std::optional<LlmProvider> llm;
    QString outCsv;
    QString outJson;
    QString sessionPath;
    QString resumePath;
    bool events = false;
    bool noCache = false;
    QString goalFacetsPath; // edited facets (JSON) to judge by instead of those read from --goal
    bool printGoalFacets = false;
    std::optional<Budgets> budgets; // --budget; unset: the budgets saved in Settings
    QString comparePath; // --compare OLD.gtmr: what changed since that run
    QString compareOut; // where the changes go; empty: stdout
    bool retryFailed = false; // with --resume: only the failed queries run again
    bool estimate = false; // print what the run would cost and send nothing
    bool allQueries = false; // no free-first skipping of paid queries
};

void addCliOptions(QCommandLineParser &parser);
// Reads the options out of a parser that has parsed the arguments. Nullopt: *error says why.
std::optional<CliOptions> cliOptionsFrom(const QCommandLineParser &parser, QString *error);

} // namespace gtm::cli
