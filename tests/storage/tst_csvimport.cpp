#include "storage/CsvImport.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QTest>

using namespace gtm;

namespace {

QString dataFile(const QString &name)
{
    return qEnvironmentVariable("GTM_TEST_DATA", QStringLiteral(GTM_SOURCE_TEST_DATA))
        + QStringLiteral("/storage/") + name;
}

} // namespace

class TestCsvImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crmExport_columnAndValues_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QChar>("separator");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QStringList>("values");

        QTest::newRow("Salesforce report, Website, quoted, CRLF")
            << QStringLiteral("salesforce_accounts.csv") << QChar(u',') << QStringLiteral("Website")
            << QStringList { QStringLiteral("www.stripe.com"),
                   QStringLiteral("https://www.adyen.com/"), QStringLiteral("http://klarna.com") };
        QTest::newRow("HubSpot, BOM, Company Domain Name beats Website URL")
            << QStringLiteral("hubspot_companies.csv") << QChar(u',')
            << QStringLiteral("Company Domain Name")
            << QStringList { QStringLiteral("stripe.com"), QStringLiteral("plaid.com"),
                   QStringLiteral("brex.com") };
        QTest::newRow("German Excel, semicolons, Windows-1252")
            << QStringLiteral("excel_semicolons.csv") << QChar(u';') << QStringLiteral("Domain")
            << QStringList { QStringLiteral("mueller-schmidt.de"),
                   QStringLiteral("strassenbau.de") };
        QTest::newRow("quoted newlines and doubled quotes")
            << QStringLiteral("quoted_newlines.csv") << QChar(u',') << QStringLiteral("Website")
            << QStringList { QStringLiteral("acme.io"), QStringLiteral("globex.com"),
                   QStringLiteral("initech.com") };
        QTest::newRow("Excel Unicode text, UTF-16, tabs")
            << QStringLiteral("excel_unicode_text.txt") << QChar(u'\t') << QStringLiteral("URL")
            << QStringList { QStringLiteral("https://zuerich-fintech.ch"),
                   QStringLiteral("https://tokyo-pay.jp") };
        QTest::newRow("Excel sep= hint")
            << QStringLiteral("excel_sep_hint.csv") << QChar(u';') << QStringLiteral("Website")
            << QStringList { QStringLiteral("acme.io") };
    }

    void crmExport_columnAndValues()
    {
        QFETCH(QString, file);
        QFETCH(QChar, separator);
        QFETCH(QString, column);
        QFETCH(QStringList, values);

        QString error;
        const auto table = readCsvFile(dataFile(file), &error);
        QVERIFY2(table, qPrintable(error));
        QCOMPARE(table->separator, separator);
        const int index = detectDomainColumn(table->header);
        QVERIFY(index >= 0);
        QCOMPARE(table->header.at(index), column);
        QCOMPARE(columnValues(*table, index), values);
    }

    void quotedFields_keepSeparatorsNewlinesAndQuotes()
    {
        QString error;
        const auto table = readCsvFile(dataFile(QStringLiteral("quoted_newlines.csv")), &error);
        QVERIFY(table);
        QCOMPARE(table->rows.size(), 3);
        QCOMPARE(table->rows.at(0).at(1),
            QStringLiteral("Met at the fair,\nsaid \"call me\" in Q3\r\nfollow up"));
        QCOMPARE(table->rows.at(1).at(0), QStringLiteral("Globex \"Intl\""));
        QCOMPARE(table->rows.at(2),
            (QStringList { QStringLiteral("Initech"), QString(), QStringLiteral("initech.com") }));
    }

    void bom_isNotPartOfTheFirstHeader()
    {
        QString error;
        const auto table = readCsvFile(dataFile(QStringLiteral("hubspot_companies.csv")), &error);
        QVERIFY(table);
        QCOMPARE(table->header.first(), QStringLiteral("Record ID"));
        const auto utf16 = readCsvFile(dataFile(QStringLiteral("excel_unicode_text.txt")), &error);
        QVERIFY(utf16);
        QCOMPARE(utf16->header.first(), QStringLiteral("Company"));
        QCOMPARE(utf16->rows.at(1).at(0), QStringLiteral("東京ペイ"));
    }

    void legacyEncoding_isReadAsLatin1()
    {
        QString error;
        const auto table = readCsvFile(dataFile(QStringLiteral("excel_semicolons.csv")), &error);
        QVERIFY(table);
        QCOMPARE(table->rows.at(0).at(0), QStringLiteral("Müller, Schmidt & Partner GmbH"));
        QCOMPARE(table->rows.at(1).at(1), QStringLiteral("München"));
    }

    void noRecognisableColumn_isMinusOne()
    {
        QString error;
        const auto table = readCsvFile(dataFile(QStringLiteral("no_domain_column.csv")), &error);
        QVERIFY(table);
        QCOMPARE(detectDomainColumn(table->header), -1);
        QVERIFY(columnValues(*table, -1).isEmpty());
    }

    void detectDomainColumn_names_data()
    {
        QTest::addColumn<QStringList>("header");
        QTest::addColumn<int>("expected");
        QTest::newRow("domain") << QStringList { QStringLiteral("Name"), QStringLiteral("DOMAIN") }
                                << 1;
        QTest::newRow("website") << QStringList { QStringLiteral("website"),
            QStringLiteral("Name") }
                                 << 0;
        QTest::newRow("company domain") << QStringList { QStringLiteral("Company Domain") } << 0;
        QTest::newRow("company_domain")
            << QStringList { QStringLiteral("x"), QStringLiteral("company_domain") } << 1;
        QTest::newRow("url") << QStringList { QStringLiteral("Name"), QStringLiteral("Url") } << 1;
        QTest::newRow("website beats url")
            << QStringList { QStringLiteral("URL"), QStringLiteral("Website URL") } << 1;
        QTest::newRow("domain beats website")
            << QStringList { QStringLiteral("Website"), QStringLiteral("Company Domain Name") }
            << 1;
        QTest::newRow("spaces around") << QStringList { QStringLiteral("  Domain  ") } << 0;
        QTest::newRow("email domain is a last resort")
            << QStringList { QStringLiteral("Email Domain"), QStringLiteral("First Name") } << 0;
        QTest::newRow("none") << QStringList { QStringLiteral("Name"), QStringLiteral("Email") }
                              << -1;
        QTest::newRow("empty header") << QStringList {} << -1;
    }

    void detectDomainColumn_names()
    {
        QFETCH(QStringList, header);
        QFETCH(int, expected);
        QCOMPARE(detectDomainColumn(header), expected);
    }

    void unterminatedQuote_isAnErrorWithTheLine()
    {
        QString error;
        QVERIFY(!readCsv(
            QByteArray("domain,notes\na.com,ok\nb.com,\"never closed\nc.com,x\n"), &error));
        QVERIFY2(error.contains(QStringLiteral("Line 3")), qPrintable(error));
    }

    void emptyInput_isAnError()
    {
        QString error;
        QVERIFY(!readCsv(QByteArray(), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!readCsv(QByteArray("\xEF\xBB\xBF\r\n\r\n"), &error));
    }

    void blankLines_areSkipped_shortRowsTolerated()
    {
        QString error;
        const auto table
            = readCsv(QByteArray("domain,name\r\n\r\na.com,A\r\nb.com\r\n\r\n,C\r\n"), &error);
        QVERIFY(table);
        QCOMPARE(table->rows.size(), 3);
        QCOMPARE(columnValues(*table, 0),
            (QStringList { QStringLiteral("a.com"), QStringLiteral("b.com") }));
        QCOMPARE(
            columnValues(*table, 1), (QStringList { QStringLiteral("A"), QStringLiteral("C") }));
    }

    void readsFromAnOpenDevice()
    {
        QByteArray bytes("Website\nacme.io\n");
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QString error;
        const auto table = readCsv(&buffer, &error);
        QVERIFY(table);
        QCOMPARE(columnValues(*table, detectDomainColumn(table->header)),
            QStringList { QStringLiteral("acme.io") });
    }

    void hundredThousandRows_allRead()
    {
        QByteArray bytes(
            "\xEF\xBB\xBF\"Record ID\",\"Company name\",\"Company Domain Name\",\"Notes\"\r\n");
        const int rows = 100000;
        bytes.reserve(rows * 80);
        for (int i = 0; i < rows; ++i)
            bytes += QByteArray::number(i) + ",\"Company " + QByteArray::number(i)
                + ", Inc.\",company" + QByteArray::number(i)
                + ".com,\"said \"\"hi\"\"\nthen left\"\r\n";

        QElapsedTimer timer;
        timer.start();
        QString error;
        const auto table = readCsv(bytes, &error);
        const QStringList values
            = table ? columnValues(*table, detectDomainColumn(table->header)) : QStringList();
        const qint64 elapsed = timer.elapsed();
        qInfo("100,000 rows (%lld KiB): read and column extracted in %lld ms",
            qlonglong(bytes.size() / 1024), qlonglong(elapsed));

        QVERIFY2(table, qPrintable(error));
        QCOMPARE(table->rows.size(), rows);
        QCOMPARE(values.size(), rows);
        QCOMPARE(values.first(), QStringLiteral("company0.com"));
        QCOMPARE(values.last(), QStringLiteral("company99999.com"));
        QCOMPARE(table->rows.last().at(3), QStringLiteral("said \"hi\"\nthen left"));
    }
};

QTEST_GUILESS_MAIN(TestCsvImport)
#include "tst_csvimport.moc"
