#include "MainWindow.h"
#include "Version.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("GTM Research"));
    QApplication::setOrganizationName(QStringLiteral("GTM Research"));
    QApplication::setApplicationVersion(QString::fromLatin1(gtm::kVersion));
    QApplication::setDesktopFileName(QString::fromLatin1(gtm::kApplicationId));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Research companies against a goal."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    gtm::MainWindow window;
    window.show();
    return app.exec();
}
