#pragma once

#include "LlmClient.h"

#include <QUrl>

namespace gtm {

class HttpClient;

// Any OpenAI-compatible chat endpoint: OpenAI, Ollama (http://localhost:11434), the llama.cpp
// server, LM Studio. The key is optional: local servers ignore it.
class OpenAiCompatibleClient : public LlmClient
{
public:
    // baseUrl: scheme + host + port (a trailing /v1 is accepted); empty means api.openai.com.
    OpenAiCompatibleClient(HttpClient *http, QString apiKey, QString model, QUrl baseUrl = {});

    QString name() const override;
    QString model() const override { return m_model; }
    QCoro::Task<LlmResult> completeJson(
        QString system, QString user, QJsonObject schema, CancelToken cancel = {}) override;
    bool stopped() const override { return m_stopped; }
    QString stopReason() const override { return m_stopReason; }

private:
    HttpClient *m_http;
    QString m_apiKey;
    QString m_model;
    QUrl m_baseUrl;
    bool m_stopped = false;
    QString m_stopReason;
};

} // namespace gtm
