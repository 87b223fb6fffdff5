#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QList>

namespace gtm::test {

// One JSON file of reading cases: its base name ("business-model") and its "readings"; a file
// that does not open or parse has none and says why, so that the test names it.
struct ReadingFile
{
    QString name;
    QJsonArray readings;
    QString error;
};

// The reading files of a folder under the test data (GTM_TEST_DATA), in name order: the data
// rows of the reading tests, one file per concern so that work on one concern does not touch
// another's file.
inline QList<ReadingFile> readingFiles(const QString &folder)
{
    const QDir dir(qEnvironmentVariable("GTM_TEST_DATA") + u'/' + folder);
    QList<ReadingFile> files;
    for (const QString &name :
        dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
        ReadingFile f { QFileInfo(name).completeBaseName(), {}, {} };
        QFile file(dir.filePath(name));
        QJsonParseError error {};
        if (!file.open(QIODevice::ReadOnly))
            f.error = file.errorString();
        else if (const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
                 doc.isNull())
            f.error = error.errorString();
        else
            f.readings = doc[QStringLiteral("readings")].toArray();
        files << f;
    }
    return files;
}

} // namespace gtm::test
