#include "storage/CsvImport.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
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

    void crmImport_keepsTheOtherColumnsPerDomain()
    {
        QString error;
        const auto table = readCsvFile(dataFile(QStringLiteral("hubspot_companies.csv")), &error);
        QVERIFY2(table, qPrintable(error));
        const CrmImport import = importCrmTable(*table, detectDomainColumn(table->header));

        QCOMPARE(import.list.domains,
            (QStringList { QStringLiteral("stripe.com"), QStringLiteral("plaid.com"),
                QStringLiteral("brex.com") }));
        // The domain column itself is the app's "domain"; every other column keeps its name.
        QCOMPARE(import.crm.columns,
            (QStringList { QStringLiteral("Record ID"), QStringLiteral("Company name"),
                QStringLiteral("Website URL"), QStringLiteral("Create Date") }));
        QCOMPARE(import.crm.valuesFor(QStringLiteral("plaid.com")),
            (QStringList { QStringLiteral("102"), QStringLiteral("Plaid, Inc."),
                QStringLiteral("https://plaid.com/about"), QStringLiteral("2025-01-03 11:00") }));
        QCOMPARE(import.crm.valuesFor(QStringLiteral("brex.com")).at(2), QString());
    }

    void crmImport_rejectsAndDuplicatesCarryTheFileLine()
    {
        // Row 2 spans two lines of the file (a quoted newline), so the bad row starts on line 5.
        const auto table = readCsv(QByteArray("Name,Website\n"
                                              "Acme,acme.io\n"
                                              "\"Globex\nIntl\",globex.com\n"
                                              "No site,not a domain\n"
                                              "Acme again,https://www.acme.io/x\n"),
            nullptr);
        QVERIFY(table);
        const CrmImport import = importCrmTable(*table, 1);
        QCOMPARE(import.list.domains,
            (QStringList { QStringLiteral("acme.io"), QStringLiteral("globex.com") }));
        QCOMPARE(import.list.rejected.size(), 1);
        QCOMPARE(import.list.rejected.at(0).line, 5);
        QCOMPARE(import.list.duplicates.size(), 1);
        QCOMPARE(import.list.duplicates.at(0).line, 6);
        // The first record of a domain is the one kept.
        QCOMPARE(import.crm.valuesFor(QStringLiteral("acme.io")),
            QStringList { QStringLiteral("Acme") });
    }

    void domainInput_tellsACrmExportFromAPlainList_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("domains");
        QTest::addColumn<QString>("column");

        QTest::newRow("plain list, lines and commas")
            << QByteArray("stripe.com\nadyen.com, klarna.com\n") << QStringLiteral("stdin")
            << QStringList { QStringLiteral("stripe.com"), QStringLiteral("adyen.com"),
                   QStringLiteral("klarna.com") }
            << QString();
        QTest::newRow("a domain that contains the word domain is not a header")
            << QByteArray("mydomain.com\nwebsite.io\n") << QStringLiteral("list.txt")
            << QStringList { QStringLiteral("mydomain.com"), QStringLiteral("website.io") }
            << QString();
        QTest::newRow("CRM export on stdin, quoted commas stay in their cell")
            << QByteArray("Company,Website\n\"Plaid, Inc.\",plaid.com\nStripe,stripe.com\n")
            << QStringLiteral("stdin")
            << QStringList { QStringLiteral("plaid.com"), QStringLiteral("stripe.com") }
            << QStringLiteral("Website");
        QTest::newRow("Excel sep= hint before the header")
            << QByteArray("sep=;\nCompany;Website;Notes\nAcme;acme.io;\"a;b\"\n")
            << QStringLiteral("x.csv") << QStringList { QStringLiteral("acme.io") }
            << QStringLiteral("Website");
        QTest::newRow("comma-separated list in a .csv file")
            << QByteArray("stripe.com,adyen.com\n") << QStringLiteral("list.csv")
            << QStringList { QStringLiteral("stripe.com"), QStringLiteral("adyen.com") }
            << QString();
    }

    void domainInput_tellsACrmExportFromAPlainList()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, name);
        QFETCH(QStringList, domains);
        QFETCH(QString, column);
        QString error;
        const auto input = readDomainInput(bytes, name, {}, &error);
        QVERIFY2(input, qPrintable(error));
        QCOMPARE(input->list.domains, domains);
        QVERIFY(input->list.rejected.isEmpty());
        QCOMPARE(input->column, column);
        QCOMPARE(input->crm.isEmpty(), column.isEmpty());
    }

    void domainInput_salesforceExport_matchesTheGuiImport()
    {
        QFile file(dataFile(QStringLiteral("salesforce_accounts.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto input
            = readDomainInput(file.readAll(), QStringLiteral("accounts.csv"), {}, &error);
        QVERIFY2(input, qPrintable(error));
        QCOMPARE(input->column, QStringLiteral("Website"));
        QCOMPARE(input->list.domains,
            (QStringList { QStringLiteral("stripe.com"), QStringLiteral("adyen.com"),
                QStringLiteral("klarna.com") }));
        // "No Site Ltd" has no website: reported with its line, not silently dropped.
        QCOMPARE(input->list.rejected.size(), 1);
        QCOMPARE(input->list.rejected.at(0).line, 4);
        QCOMPARE(input->crm.valuesFor(QStringLiteral("stripe.com")),
            (QStringList { QStringLiteral("Stripe, Inc."), QStringLiteral("Jane Doe"),
                QStringLiteral("San Francisco"), QStringLiteral("$1,000,000") }));
    }

    void domainInput_csvWithoutDomainColumn_namesItsColumns()
    {
        QFile file(dataFile(QStringLiteral("no_domain_column.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QString error;
        QVERIFY(!readDomainInput(bytes, QStringLiteral("people.csv"), {}, &error));
        QVERIFY2(error.contains(QStringLiteral("Name, Phone, City")), qPrintable(error));

        // Named by the user, any case, the column is used.
        const QByteArray withSites = "Name,Site\nAcme,acme.io\n";
        const auto named
            = readDomainInput(withSites, QStringLiteral("p.csv"), QStringLiteral("site"), &error);
        QVERIFY2(named, qPrintable(error));
        QCOMPARE(named->list.domains, QStringList { QStringLiteral("acme.io") });
        QCOMPARE(named->crm.columns, QStringList { QStringLiteral("Name") });
        QVERIFY(
            !readDomainInput(withSites, QStringLiteral("p.csv"), QStringLiteral("Web"), &error));
        QVERIFY2(error.contains(QStringLiteral("no column \"Web\"")), qPrintable(error));
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
