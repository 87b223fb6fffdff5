#pragma once

#include "UiServices.h"

#include <QDialog>
#include <QMap>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace gtm {

class AppSettings;

// Keys, LLM provider, analyzer, per-service limits and base URLs, timeout, cache, budgets per
// run. Keys are shown masked and saved to the SecretStore by the caller (keys()); the rest goes
// to AppSettings on accept.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(AppSettings *settings, QMap<QString, QString> keys,
        std::function<QCoro::Task<KeyTestResult>(QString, QString)> testKey,
        std::function<bool(QString *)> clearCache, QWidget *parent = nullptr);

    // The keys as edited: provider -> key (empty: remove). Environment keys are not included.
    QMap<QString, QString> keys() const;
    QLineEdit *keyEdit(const QString &provider) const { return m_keyEdits.value(provider); }
    QLabel *verdictLabel(const QString &provider) const { return m_verdicts.value(provider); }
    QPushButton *testButton(const QString &provider) const { return m_testButtons.value(provider); }

    // Why the keychain cannot keep keys (empty: it can); the keys page says so.
    void setKeychainProblem(const QString &problem);
    QLabel *keychainBanner() const { return m_keychainBanner; }
    QLineEdit *openAiUrlEdit() const { return m_openAiUrl; }
    QLineEdit *websiteTemplateEdit() const { return m_websiteTemplate; }

    void accept() override;

private:
    QWidget *createKeysPage();
    QWidget *createLlmPage();
    QWidget *createServicesPage();
    QWidget *createNetworkPage();
    QWidget *createBudgetsPage();
    // The budgets as typed, "tavily=100,gemini=20000"; nullopt (and the field shown) when one
    // is not a whole number.
    std::optional<QString> budgetSpec();
    QCoro::Task<> runTest(QString provider);
    void updateLlmFields();

    AppSettings *m_settings;
    QMap<QString, QString> m_initialKeys;
    std::function<QCoro::Task<KeyTestResult>(QString, QString)> m_testKey;
    std::function<bool(QString *)> m_clearCache;

    QMap<QString, QLineEdit *> m_keyEdits;
    QMap<QString, QLabel *> m_verdicts;
    QMap<QString, QPushButton *> m_testButtons;
    QComboBox *m_provider = nullptr;
    QComboBox *m_analyzer = nullptr;
    QLineEdit *m_geminiModel = nullptr;
    QLineEdit *m_openAiUrl = nullptr;
    QLineEdit *m_openAiModel = nullptr;
    QTableWidget *m_services = nullptr;
    QLineEdit *m_websiteTemplate = nullptr;
    QSpinBox *m_timeout = nullptr;
    QCheckBox *m_cache = nullptr;
    QLabel *m_cacheStatus = nullptr;
    QLabel *m_keychainBanner = nullptr;
    QTabWidget *m_tabs = nullptr;
    QWidget *m_budgetsPage = nullptr;
    QMap<QString, QLineEdit *> m_budgetEdits;
    QLabel *m_budgetError = nullptr;
};

} // namespace gtm
