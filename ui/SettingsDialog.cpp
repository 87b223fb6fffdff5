#include "SettingsDialog.h"

#include "ThemeColors.h"
#include "spend/Budget.h"
#include "storage/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace gtm {

namespace {
QStringList serviceRows()
{
    return AppSettings::sourceProviders() << u"gemini"_s << u"openai"_s;
}

// A value set in the environment wins over the saved one: the field shows it, read-only.
bool showEnvironmentValue(QLineEdit *edit, const QString &variable)
{
    const QString value = qEnvironmentVariable(variable.toLatin1().constData());
    if (value.isEmpty()) {
        edit->setToolTip(SettingsDialog::tr("%1 overrides this.").arg(variable));
        return false;
    }
    edit->setText(value);
    edit->setReadOnly(true);
    edit->setProperty("fromEnvironment", true);
    edit->setToolTip(SettingsDialog::tr("Set by the environment variable %1").arg(variable));
    return true;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, QMap<QString, QString> keys,
    std::function<QCoro::Task<KeyTestResult>(QString, QString)> testKey,
    std::function<bool(QString *)> clearCache, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_initialKeys(std::move(keys))
    , m_testKey(std::move(testKey))
    , m_clearCache(std::move(clearCache))
{
    setWindowTitle(tr("Settings"));
    auto *tabs = new QTabWidget(this);
    m_tabs = tabs;
    tabs->addTab(createKeysPage(), tr("API keys"));
    tabs->addTab(createLlmPage(), tr("AI"));
    tabs->addTab(createServicesPage(), tr("Services"));
    tabs->addTab(createBudgetsPage(), tr("Budgets"));
    tabs->addTab(createNetworkPage(), tr("Network"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs);
    layout->addWidget(buttons);
    resize(720, 480);
}

QWidget *SettingsDialog::createKeysPage()
{
    auto *page = new QWidget;
    auto *grid = new QGridLayout;
    int row = 0;
    for (const QString &p : AppSettings::keyProviders()) {
        auto *edit = new QLineEdit(page);
        edit->setObjectName(u"key_"_s + p);
        edit->setEchoMode(QLineEdit::Password);
        edit->setClearButtonEnabled(true);
        edit->setText(m_initialKeys.value(p));
        const QString env = AppSettings::keyEnvironmentVariable(p);
        if (AppSettings::keyFromEnvironment(p)) {
            edit->setEnabled(false);
            edit->clear();
            edit->setPlaceholderText(tr("set by the environment variable %1").arg(env));
        } else {
            edit->setPlaceholderText(
                p == u"openai" ? tr("optional for Ollama and llama.cpp") : tr("not set"));
        }
        auto *test = new QPushButton(tr("Test"), page);
        test->setObjectName(u"test_"_s + p);
        test->setEnabled(bool(m_testKey));
        auto *verdict = new QLabel(page);
        verdict->setTextFormat(Qt::PlainText);
        verdict->setWordWrap(true);
        grid->addWidget(new QLabel(AppSettings::providerLabel(p) + u':', page), row, 0);
        grid->addWidget(edit, row, 1);
        grid->addWidget(test, row, 2);
        grid->addWidget(verdict, row + 1, 1, 1, 2);
        m_keyEdits.insert(p, edit);
        m_verdicts.insert(p, verdict);
        m_testButtons.insert(p, test);
        connect(test, &QPushButton::clicked, this, [this, p] { runTest(p); });
        row += 2;
    }
    grid->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(page);
    m_keychainBanner = new QLabel(page);
    m_keychainBanner->setObjectName(u"keychainBanner"_s);
    m_keychainBanner->setTextFormat(Qt::PlainText);
    m_keychainBanner->setWordWrap(true);
    m_keychainBanner->hide();
    layout->addWidget(m_keychainBanner);
    layout->addLayout(grid);
    layout->addWidget(
        note(tr("Keys are kept in the system keychain, never in settings or session files. "
                "An environment variable (TAVILY_API_KEY, NEWS_API_KEY, GEMINI_API_KEY, "
                "OPENAI_API_KEY) overrides the saved key. \"Test\" sends one real request."),
            page));
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::createLlmPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_provider = new QComboBox(page);
    m_provider->addItem(
        tr("None (built-in templates and offline analyzer)"), int(LlmProvider::None));
    m_provider->addItem(tr("Google Gemini"), int(LlmProvider::Gemini));
    m_provider->addItem(tr("OpenAI-compatible (OpenAI, Ollama, llama.cpp, LM Studio)"),
        int(LlmProvider::OpenAiCompatible));
    m_provider->setCurrentIndex(m_provider->findData(int(m_settings->llmProvider())));
    m_analyzer = new QComboBox(page);
    m_analyzer->addItem(tr("Automatic (LLM when configured)"), int(AnalyzerChoice::Auto));
    m_analyzer->addItem(tr("Offline heuristic"), int(AnalyzerChoice::Heuristic));
    m_analyzer->addItem(tr("LLM"), int(AnalyzerChoice::Llm));
    m_analyzer->setCurrentIndex(m_analyzer->findData(int(m_settings->analyzerChoice())));
    m_geminiModel = new QLineEdit(m_settings->geminiModel(), page);
    m_openAiUrl = new QLineEdit(m_settings->baseUrl(u"openai"_s).toString(), page);
    m_openAiUrl->setPlaceholderText(
        u"https://api.openai.com — e.g. http://localhost:11434 for Ollama"_s);
    showEnvironmentValue(m_openAiUrl, AppSettings::urlEnvironmentVariable(u"openai"_s));
    m_openAiModel = new QLineEdit(m_settings->openAiModel(), page);
    form->addRow(tr("LLM provider:"), m_provider);
    form->addRow(tr("Analyzer:"), m_analyzer);
    form->addRow(tr("Gemini model:"), m_geminiModel);
    form->addRow(tr("OpenAI-compatible base URL:"), m_openAiUrl);
    form->addRow(tr("OpenAI-compatible model:"), m_openAiModel);
    form->addRow(
        note(tr("Without a provider, strategies come from built-in templates and the offline "
                "analyzer scores the evidence."),
            page));
    connect(m_provider, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLlmFields);
    updateLlmFields();
    return page;
}

void SettingsDialog::updateLlmFields()
{
    const auto provider = LlmProvider(m_provider->currentData().toInt());
    m_geminiModel->setEnabled(provider == LlmProvider::Gemini);
    m_openAiUrl->setEnabled(provider == LlmProvider::OpenAiCompatible);
    m_openAiModel->setEnabled(provider == LlmProvider::OpenAiCompatible);
}

QWidget *SettingsDialog::createServicesPage()
{
    auto *page = new QWidget;
    const QStringList rows = serviceRows();
    m_services = new QTableWidget(int(rows.size()), 4, page);
    m_services->setHorizontalHeaderLabels(
        { tr("Service"), tr("Base URL override"), tr("Parallel"), tr("Requests / min") });
    m_services->verticalHeader()->hide();
    m_services->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    for (int r = 0; r < rows.size(); ++r) {
        const QString &p = rows.at(r);
        auto *name = new QTableWidgetItem(AppSettings::providerLabel(p));
        name->setFlags(Qt::ItemIsEnabled);
        name->setData(Qt::UserRole, p);
        m_services->setItem(r, 0, name);
        auto *url = new QTableWidgetItem(
            p == u"openai" ? tr("(on the AI page)") : m_settings->baseUrl(p).toString());
        const QString env = AppSettings::urlEnvironmentVariable(p);
        if (p == u"openai") {
            url->setFlags(Qt::NoItemFlags);
        } else if (!qEnvironmentVariable(env.toLatin1().constData()).isEmpty()) {
            url->setText(qEnvironmentVariable(env.toLatin1().constData()));
            url->setFlags(Qt::NoItemFlags);
            url->setToolTip(tr("Set by the environment variable %1").arg(env));
        } else {
            url->setToolTip(tr("Empty: the real service. %1 overrides this.").arg(env));
        }
        m_services->setItem(r, 1, url);
        const ProviderLimits limits = m_settings->limits(p);
        auto *concurrency = new QSpinBox(m_services);
        concurrency->setRange(0, 100);
        concurrency->setSpecialValueText(tr("run's limit"));
        concurrency->setValue(limits.concurrency);
        m_services->setCellWidget(r, 2, concurrency);
        auto *rate = new QSpinBox(m_services);
        rate->setRange(0, 100000);
        rate->setSpecialValueText(tr("unlimited"));
        rate->setValue(int(limits.ratePerMinute));
        m_services->setCellWidget(r, 3, rate);
    }
    m_services->resizeColumnsToContents();
    m_services->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_websiteTemplate = new QLineEdit(m_settings->websiteUrlTemplate(), page);
    m_websiteTemplate->setPlaceholderText(u"https://{domain}"_s);
    showEnvironmentValue(m_websiteTemplate, u"GTM_WEBSITE_URL"_s);
    auto *form = new QFormLayout;
    form->addRow(tr("Company website URL:"), m_websiteTemplate);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_services);
    layout->addLayout(form);
    layout->addWidget(note(tr("Changes to limits apply to the next run."), page));
    return page;
}

QWidget *SettingsDialog::createNetworkPage()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout(page);
    m_timeout = new QSpinBox(page);
    m_timeout->setRange(1, 300);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(m_settings->requestTimeoutMs() / 1000);
    m_cache = new QCheckBox(tr("Keep answers for 7 days so a re-run costs no API credits"), page);
    m_cache->setChecked(m_settings->cacheEnabled());
    auto *clear = new QPushButton(tr("Clear cache"), page);
    clear->setEnabled(bool(m_clearCache));
    m_cacheStatus = new QLabel(page);
    m_cacheStatus->setTextFormat(Qt::PlainText);
    connect(clear, &QPushButton::clicked, this, [this] {
        QString error;
        m_cacheStatus->setText(m_clearCache(&error)
                ? tr("Cache cleared.")
                : tr("Could not clear the cache: %1").arg(error));
    });
    auto *cacheRow = new QHBoxLayout;
    cacheRow->addWidget(clear);
    cacheRow->addWidget(m_cacheStatus, 1);
    form->addRow(tr("Request timeout:"), m_timeout);
    form->addRow(tr("Response cache:"), m_cache);
    form->addRow(QString(), cacheRow);
    form->addRow(note(tr("The timeout and the cache setting apply after a restart."), page));
    return page;
}

QWidget *SettingsDialog::createBudgetsPage()
{
    auto *page = new QWidget;
    m_budgetsPage = page;
    auto *group = new QGroupBox(tr("Budgets per run"), page);
    auto *grid = new QGridLayout(group);
    const Budgets saved = savedBudgets(*m_settings);
    // A whole number, with or without thousands separators ("20000", "20,000", "20 000").
    static const QRegularExpression wholeNumber(
        u"[0-9]{1,12}|[0-9]{1,3}(?:[,. '\\x{00a0}\\x{202f}\\x{2019}][0-9]{3}){1,3}"_s);
    int row = 0;
    for (const QString &p : budgetProviders()) {
        auto *edit = new QLineEdit(group);
        edit->setObjectName(u"budget_"_s + p);
        edit->setPlaceholderText(tr("no cap"));
        edit->setClearButtonEnabled(true);
        edit->setValidator(new QRegularExpressionValidator(wholeNumber, edit));
        if (saved.caps.contains(p))
            edit->setText(QLocale().toString(qint64(saved.caps.value(p))));
        QString hint;
        if (p == u"tavily")
            hint = tr("credits — a search costs 1, at Comprehensive depth 2");
        else if (p == u"newsapi")
            hint = tr("requests — one per query");
        else
            hint = tr("tokens — about 4,000 per company analysed");
        grid->addWidget(new QLabel(AppSettings::providerLabel(p) + u':', group), row, 0);
        grid->addWidget(edit, row, 1);
        grid->addWidget(note(hint, group), row, 2);
        m_budgetEdits.insert(p, edit);
        ++row;
    }
    grid->setColumnStretch(2, 1);
    m_budgetError = new QLabel(page);
    m_budgetError->setObjectName(u"budgetError"_s);
    m_budgetError->setTextFormat(Qt::PlainText);
    m_budgetError->setWordWrap(true);
    QPalette pal = m_budgetError->palette();
    pal.setColor(QPalette::WindowText, theme::errorText(palette()));
    m_budgetError->setPalette(pal);
    m_budgetError->hide();
    for (QLineEdit *edit : std::as_const(m_budgetEdits))
        connect(edit, &QLineEdit::textEdited, m_budgetError, &QLabel::hide);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(group);
    layout->addWidget(m_budgetError);
    layout->addWidget(
        note(tr("Each run may spend at most this much of a provider, counted in what the "
                "provider bills. When a budget is spent, that provider's remaining queries are "
                "left out with the reason \"budget spent\" (an LLM's analyses go to the offline "
                "analyzer); every company still gets its row, and the run's summary says what "
                "was left out. Answers from the response cache cost nothing. Empty: no cap."),
            page));
    layout->addStretch();
    return page;
}

std::optional<QString> SettingsDialog::budgetSpec()
{
    QStringList parts;
    for (auto it = m_budgetEdits.cbegin(); it != m_budgetEdits.cend(); ++it) {
        QLineEdit *edit = it.value();
        const QString text = edit->text().trimmed();
        if (text.isEmpty())
            continue;
        if (!edit->hasAcceptableInput()) {
            m_budgetError->setText(
                tr("%1: the budget must be a whole number of %2, or empty "
                   "for no cap.")
                    .arg(AppSettings::providerLabel(it.key()), billingUnit(it.key())));
            m_budgetError->show();
            m_tabs->setCurrentWidget(m_budgetsPage);
            edit->setFocus();
            edit->selectAll();
            return std::nullopt;
        }
        QString digits = text;
        digits.removeIf([](QChar c) { return !c.isDigit(); });
        parts << it.key() + u'=' + digits;
    }
    return parts.join(u',');
}

QCoro::Task<> SettingsDialog::runTest(QString provider)
{
    QPointer<SettingsDialog> self(this);
    QPushButton *button = m_testButtons.value(provider);
    QLabel *verdict = m_verdicts.value(provider);
    button->setEnabled(false);
    verdict->setText(tr("Testing…"));
    const KeyTestResult result
        = co_await m_testKey(provider, m_keyEdits.value(provider)->text().trimmed());
    if (!self)
        co_return; // the dialog was closed while the request ran
    button->setEnabled(true);
    verdict->setText((result.ok ? u"✔ "_s : u"✘ "_s) + result.message);
    QPalette pal = verdict->palette();
    pal.setColor(
        QPalette::WindowText, result.ok ? theme::okText(palette()) : theme::errorText(palette()));
    verdict->setPalette(pal);
}

void SettingsDialog::setKeychainProblem(const QString &problem)
{
    m_keychainBanner->setVisible(!problem.isEmpty());
    if (problem.isEmpty())
        return;
    m_keychainBanner->setText(
        tr("⚠ The system keychain is not available (%1). Keys typed here are used for this "
           "session only and are not saved; set them as environment variables to keep them.")
            .arg(problem));
    QPalette pal = m_keychainBanner->palette();
    pal.setColor(QPalette::WindowText, theme::errorText(palette()));
    m_keychainBanner->setPalette(pal);
}

QMap<QString, QString> SettingsDialog::keys() const
{
    QMap<QString, QString> out;
    for (auto it = m_keyEdits.cbegin(); it != m_keyEdits.cend(); ++it)
        if (!AppSettings::keyFromEnvironment(it.key()))
            out.insert(it.key(), it.value()->text().trimmed());
    return out;
}

void SettingsDialog::accept()
{
    const std::optional<QString> budgets = budgetSpec();
    if (!budgets)
        return; // the field is shown with what is wrong
    m_settings->setBudgetSpec(*budgets);
    m_settings->setLlmProvider(LlmProvider(m_provider->currentData().toInt()));
    m_settings->setAnalyzerChoice(AnalyzerChoice(m_analyzer->currentData().toInt()));
    m_settings->setGeminiModel(m_geminiModel->text());
    m_settings->setOpenAiModel(m_openAiModel->text());
    if (!m_openAiUrl->property("fromEnvironment").toBool()) {
        const QString openAiUrl = m_openAiUrl->text().trimmed();
        m_settings->setBaseUrl(
            u"openai"_s, openAiUrl.isEmpty() ? QUrl() : QUrl::fromUserInput(openAiUrl));
    }
    for (int r = 0; r < m_services->rowCount(); ++r) {
        const QString p = m_services->item(r, 0)->data(Qt::UserRole).toString();
        QTableWidgetItem *url = m_services->item(r, 1);
        if (url->flags() & Qt::ItemIsEnabled) {
            const QString text = url->text().trimmed();
            m_settings->setBaseUrl(p, text.isEmpty() ? QUrl() : QUrl::fromUserInput(text));
        }
        ProviderLimits limits;
        limits.concurrency = static_cast<QSpinBox *>(m_services->cellWidget(r, 2))->value();
        limits.ratePerMinute = static_cast<QSpinBox *>(m_services->cellWidget(r, 3))->value();
        m_settings->setLimits(p, limits);
    }
    if (!m_websiteTemplate->property("fromEnvironment").toBool())
        m_settings->setWebsiteUrlTemplate(m_websiteTemplate->text());
    m_settings->setRequestTimeoutMs(m_timeout->value() * 1000);
    m_settings->setCacheEnabled(m_cache->isChecked());
    m_settings->sync();
    QDialog::accept();
}

} // namespace gtm
