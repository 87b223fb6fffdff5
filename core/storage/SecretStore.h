#pragma once

#include <QCoroTask>
#include <QHash>
#include <QString>

namespace gtm {

// The outcome of one keychain operation. A missing entry is not an error: value is empty.
struct SecretResult
{
    bool ok = true;
    QString value;
    QString error; // readable: "No keychain service is available"
};

// Where API keys live between runs. Keys never go through QSettings, session files or logs.
// Ids are provider ids: "tavily", "newsapi", "gemini", "openai".
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    // Parameters by value: they are coroutines.
    virtual QCoro::Task<SecretResult> read(QString id) = 0;
    // An empty value deletes the entry.
    virtual QCoro::Task<SecretResult> write(QString id, QString value) = 0;
};

// The OS keychain through QtKeychain (Secret Service, KWallet, macOS Keychain, Windows
// Credential Store). Never falls back to a plain-text file.
class KeychainSecretStore : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("GTM Research"));
    QCoro::Task<SecretResult> read(QString id) override;
    QCoro::Task<SecretResult> write(QString id, QString value) override;

private:
    QString m_service;
};

// For tests and for runs that must not touch the user's keychain.
class InMemorySecretStore : public SecretStore
{
public:
    QCoro::Task<SecretResult> read(QString id) override;
    QCoro::Task<SecretResult> write(QString id, QString value) override;

    QHash<QString, QString> entries;
};

} // namespace gtm
