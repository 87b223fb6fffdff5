#pragma once

#include "LlmClient.h"

#include <QUrl>

namespace gtm {

class HttpClient;

// Google's Gemini API: generateContent with a response schema, so the answer is JSON.
class GeminiClient : public LlmClient
{
public:
    // baseUrl: scheme + host + port; empty means https://generativelanguage.googleapis.com.
    GeminiClient(HttpClient *http, QString apiKey, QString model, QUrl baseUrl = {});

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
