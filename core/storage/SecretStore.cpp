#include "SecretStore.h"

#include <QCoroSignal>
#include <memory>
#include <qt6keychain/keychain.h>

namespace gtm {

namespace {

SecretResult fromJob(QKeychain::Job *job)
{
    SecretResult result;
    if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
        return result;
    result.ok = false;
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
        result.error = QStringLiteral("No keychain service is available");
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.error = QStringLiteral("The keychain refused access");
        break;
    default:
        result.error = job->errorString();
        break;
    }
    return result;
}

// Jobs are deleted by us, after their finished signal has been seen, not by QtKeychain.
struct JobDeleter
{
    void operator()(QKeychain::Job *job) const { job->deleteLater(); }
};

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

QCoro::Task<SecretResult> KeychainSecretStore::read(QString id)
{
    std::unique_ptr<QKeychain::ReadPasswordJob, JobDeleter> job(
        new QKeychain::ReadPasswordJob(m_service));
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(id);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    SecretResult result = fromJob(job.get());
    if (result.ok && job->error() == QKeychain::NoError)
        result.value = job->textData();
    co_return result;
}

QCoro::Task<SecretResult> KeychainSecretStore::write(QString id, QString value)
{
    std::unique_ptr<QKeychain::Job, JobDeleter> job;
    if (value.isEmpty()) {
        job.reset(new QKeychain::DeletePasswordJob(m_service));
    } else {
        auto *writeJob = new QKeychain::WritePasswordJob(m_service);
        writeJob->setTextData(value);
        job.reset(writeJob);
    }
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(id);
    job->start();
    co_await qCoro(job.get(), &QKeychain::Job::finished);
    co_return fromJob(job.get());
}

QCoro::Task<SecretResult> InMemorySecretStore::read(QString id)
{
    SecretResult result;
    result.value = entries.value(id);
    co_return result;
}

QCoro::Task<SecretResult> InMemorySecretStore::write(QString id, QString value)
{
    if (value.isEmpty())
        entries.remove(id);
    else
        entries.insert(id, value);
    co_return SecretResult {};
}

} // namespace gtm
