#include "Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

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
    parser.process(app);
    return 0;
}
