#include "Version.h"
#include "cli/CliGoal.h"
#include "cli/CliOptions.h"
#include "cli/CliRun.h"
#include "storage/AppSettings.h"
#include "storage/EffectiveSettings.h"
#include "storage/SecretStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCoroTask>
#include <QTimer>
#include <atomic>
#include <csignal>
#include <cstdio>

namespace {

std::atomic<bool> g_interrupted { false };

void onSignal(int)
{
    g_interrupted.store(true);
}

void printError(const QString &message)
{
    const QByteArray bytes = "gtm-research-cli: " + message.toUtf8() + "\n";
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gtm-research-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("GTM Research"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(gtm::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Research companies against a goal."));
    parser.addHelpOption();
    parser.addVersionOption();
    gtm::cli::addCliOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        printError(parser.errorText() + QStringLiteral(" (see --help)"));
        return 2;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    QString error;
    const auto options = gtm::cli::cliOptionsFrom(parser, &error);
    if (!options) {
        printError(error + QStringLiteral(" (see --help)"));
        return 2;
    }
    if (options->printGoalFacets) {
        const QByteArray json = gtm::cli::goalFacetsJson(options->goal);
        std::fwrite(json.constData(), 1, size_t(json.size()), stdout);
        return 0;
    }

    // What the user saved in the GUI, the environment on top. Only keys the environment does
    // not give are asked of the keychain; without one (no D-Bus session) the run goes on.
    gtm::AppSettings settings;
    QStringList wanted;
    for (const QString &provider : gtm::AppSettings::keyProviders())
        if (!gtm::AppSettings::keyFromEnvironment(provider))
            wanted << provider;
    gtm::SavedKeys saved;
    if (!wanted.isEmpty()) {
        gtm::KeychainSecretStore secrets;
        saved = QCoro::waitFor(gtm::readSavedKeys(&secrets, wanted));
        if (!saved.problem.isEmpty())
            printError(QStringLiteral("keychain: %1; saved API keys are not used (environment "
                                      "variables still work)")
                           .arg(saved.problem));
    }

    gtm::cli::CliRun run(*options, &settings, saved.keys);
    int code = 0;
    if (!run.start(&error, &code)) {
        printError(error);
        return code;
    }
    // Ctrl+C cancels the run; what is finished is still written.
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &run, [&run] {
        if (g_interrupted.load())
            run.interrupt();
    });
    watch.start(100);
    return app.exec();
}
