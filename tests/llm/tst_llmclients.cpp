#include "FakeHttpServer.h"
#include "FakeLlm.h"
#include "llm/GeminiClient.h"
#include "llm/JsonAnswer.h"
#include "llm/LlmSettings.h"
#include "llm/OpenAiCompatibleClient.h"
#include "model/Providers.h"
#include "net/HttpClient.h"

#include <QCoroTask>
#include <QTest>

using namespace gtm;
using namespace gtm::test;
using namespace Qt::StringLiterals;

namespace {
const QString kGeminiPath = u"/v1beta/models/gemini-2.5-flash-lite:generateContent"_s;
const QString kChatPath = u"/v1/chat/completions"_s;

QJsonObject smallSchema()
{
    return QJsonObject { { u"type"_s, u"OBJECT"_s },
        { u"properties"_s,
            QJsonObject { { u"answer"_s, QJsonObject { { u"type"_s, u"STRING"_s } } } } } };
}

QString needsAnswer(const QJsonObject &o)
{
    return o.value(u"answer"_s).isString() ? QString() : u"\"answer\" must be a string"_s;
}
} // namespace

class TestLlmClients : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gemini_sendsKeyHeaderSchemaAndSystemInstruction_parsesAnswerAndTokens()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kGeminiPath, [](const FakeRequest &) {
            return FakeResponse::json(geminiAnswer(u"{\"answer\":\"yes\"}"_s, 321, 12));
        });
        HttpClient http;
        GeminiClient client(&http, u"test-key"_s, u"gemini-2.5-flash-lite"_s, server.baseUrl());
        const LlmResult r
            = QCoro::waitFor(client.completeJson(u"be brief"_s, u"question"_s, smallSchema()));

        QVERIFY2(r.ok(), qPrintable(r.errorString));
        QCOMPARE(r.json.value(u"answer"_s).toString(), u"yes"_s);
        QCOMPARE(r.promptTokens, 321);
        QCOMPARE(r.completionTokens, 12);
        QCOMPARE(client.name(), u"gemini:gemini-2.5-flash-lite"_s);

        const FakeRequest req = server.requests(kGeminiPath).value(0);
        QCOMPARE(req.method, QByteArrayLiteral("POST"));
        QCOMPARE(req.headers.value("x-goog-api-key"), QByteArrayLiteral("test-key"));
        QVERIFY(!req.query.hasQueryItem(u"key"_s)); // the key never travels in the URL
        const QJsonObject body = jsonBody(req.body);
        QCOMPARE(body[u"systemInstruction"_s][u"parts"_s][0][u"text"_s].toString(), u"be brief"_s);
        QCOMPARE(geminiUserText(req.body), u"question"_s);
        QCOMPARE(
            body[u"generationConfig"_s][u"responseMimeType"_s].toString(), u"application/json"_s);
        QCOMPARE(body[u"generationConfig"_s][u"responseSchema"_s].toObject(), smallSchema());
    }

    void gemini_errorBody_becomesReadableReason()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kGeminiPath, [](const FakeRequest &) {
            return FakeResponse::json(geminiError(400, u"INVALID_ARGUMENT"_s,
                                          u"API key not valid. Please pass a valid API key."_s),
                400);
        });
        HttpClient http;
        GeminiClient client(&http, u"wrong"_s, u"gemini-2.5-flash-lite"_s, server.baseUrl());
        const LlmResult r = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(r.error, LlmErrorKind::Auth);
        QVERIFY2(r.errorString.contains(u"API key not valid"_s), qPrintable(r.errorString));
        QVERIFY2(r.errorString.contains(u"INVALID_ARGUMENT"_s), qPrintable(r.errorString));
        QVERIFY(!r.errorString.contains(u"wrong"_s)); // the key itself is never shown
    }

    void gemini_dailyQuotaExhausted_stopsAskingForTheRun()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kGeminiPath, [](const FakeRequest &) {
            return FakeResponse::json(
                geminiError(429, u"RESOURCE_EXHAUSTED"_s,
                    u"Quota exceeded for metric generate_content_free_tier_requests, limit per day"_s),
                429);
        });
        HttpClient http;
        GeminiClient client(&http, u"k"_s, u"gemini-2.5-flash-lite"_s, server.baseUrl());
        const LlmResult first = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(first.error, LlmErrorKind::QuotaExhausted);
        QVERIFY(client.stopped());
        const LlmResult second = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(second.error, LlmErrorKind::Stopped);
        QCOMPARE(server.requestCount(kGeminiPath), 1);
    }

    void gemini_withoutKey_sendsNothing()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        HttpClient http;
        GeminiClient client(&http, QString(), u"gemini-2.5-flash"_s, server.baseUrl());
        const LlmResult r = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(r.error, LlmErrorKind::Auth);
        QVERIFY(r.errorString.contains(u"GEMINI_API_KEY"_s));
        QCOMPARE(server.requestCount(), 0);
    }

    void gemini_permissionDenied_isAuthError()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kGeminiPath, [](const FakeRequest &) {
            return FakeResponse::json(geminiError(403, u"PERMISSION_DENIED"_s,
                                          u"Method doesn't allow unregistered callers."_s),
                403);
        });
        HttpClient http;
        GeminiClient client(&http, u"k"_s, u"gemini-2.5-flash-lite"_s, server.baseUrl());
        const LlmResult r = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(r.error, LlmErrorKind::Auth);
        QVERIFY(r.errorString.contains(u"unregistered callers"_s));
        QVERIFY(!client.stopped());
    }

    void openAi_sendsBearerModelAndJsonFormat_parsesUsage()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kChatPath, [](const FakeRequest &) {
            return FakeResponse::json(openAiAnswer(u"{\"answer\":\"ok\"}"_s, 77, 9));
        });
        HttpClient http;
        OpenAiCompatibleClient client(&http, u"sk-test"_s, u"gpt-4o-mini"_s, server.baseUrl());
        const LlmResult r = QCoro::waitFor(client.completeJson(u"sys"_s, u"usr"_s, smallSchema()));
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        QCOMPARE(r.json.value(u"answer"_s).toString(), u"ok"_s);
        QCOMPARE(r.promptTokens, 77);
        QCOMPARE(r.completionTokens, 9);
        QCOMPARE(client.name(), u"openai:gpt-4o-mini"_s);

        const FakeRequest req = server.requests(kChatPath).value(0);
        QCOMPARE(req.headers.value("authorization"), QByteArrayLiteral("Bearer sk-test"));
        const QJsonObject body = jsonBody(req.body);
        QCOMPARE(body[u"model"_s].toString(), u"gpt-4o-mini"_s);
        QCOMPARE(body[u"response_format"_s][u"type"_s].toString(), u"json_object"_s);
        QCOMPARE(body[u"messages"_s][0][u"role"_s].toString(), u"system"_s);
        QVERIFY(body[u"messages"_s][0][u"content"_s].toString().startsWith(u"sys"_s));
        QCOMPARE(body[u"messages"_s][1][u"content"_s].toString(), u"usr"_s);
    }

    void openAi_localServerWithV1BaseAndNoKey_sendsNoAuthorization()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kChatPath, [](const FakeRequest &) {
            // Local models like to wrap JSON in a code fence.
            return FakeResponse::json(openAiAnswer(u"```json\n{\"answer\":\"local\"}\n```"_s));
        });
        HttpClient http;
        QUrl base = server.baseUrl();
        base.setPath(u"/v1"_s); // Ollama's documented base is http://localhost:11434/v1
        OpenAiCompatibleClient client(&http, QString(), u"llama3.1"_s, base);
        const LlmResult r = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        QCOMPARE(r.json.value(u"answer"_s).toString(), u"local"_s);
        QCOMPARE(server.requestCount(kChatPath), 1);
        QVERIFY(!server.requests(kChatPath).value(0).headers.contains("authorization"));
    }

    void openAi_rejectedKey_isAuthError()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kChatPath, [](const FakeRequest &) {
            return FakeResponse::json(
                R"({"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}})",
                401);
        });
        HttpClient http;
        OpenAiCompatibleClient client(&http, u"bad"_s, u"gpt-4o-mini"_s, server.baseUrl());
        const LlmResult r = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(r.error, LlmErrorKind::Auth);
        QVERIFY(r.errorString.contains(u"Incorrect API key"_s));
        // The same key is rejected for every company: asked once per run.
        QVERIFY(client.stopped());
        const LlmResult again = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(again.error, LlmErrorKind::Stopped);
        QVERIFY2(again.errorString.contains(u"Incorrect API key"_s), qPrintable(again.errorString));
        QCOMPARE(server.requestCount(kChatPath), 1);
    }

    // The body Google sends for a key it does not know (the shape quoted in
    // google-gemini/gemini-cli#25198 and the AIP-193 ErrorInfo it follows).
    void gemini_invalidKey_stopsForTheRunWithTheReason()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kGeminiPath, [](const FakeRequest &) {
            return FakeResponse::json(
                R"({"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}},{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"en-US","message":"API key not valid. Please pass a valid API key."}]}})",
                400);
        });
        HttpClient http;
        GeminiClient client(&http, u"wrong"_s, u"gemini-2.5-flash-lite"_s, server.baseUrl());
        const LlmResult first = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(first.error, LlmErrorKind::Auth);
        QVERIFY(client.stopped());
        QCOMPARE(client.stopReason(), first.errorString);
        const LlmResult second = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(second.error, LlmErrorKind::Stopped);
        QVERIFY2(
            second.errorString.contains(u"API key not valid"_s), qPrintable(second.errorString));
        QCOMPARE(server.requestCount(kGeminiPath), 1);
    }

    // A prompt blocked by the safety filters: no candidates, only promptFeedback
    // (ai.google.dev/api/generate-content#PromptFeedback: "If set, the prompt was blocked and
    // no candidates are returned"). The same prompt is blocked again, so it is not retried.
    void gemini_blockedPrompt_isNamedAndNotRetried()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kGeminiPath, [](const FakeRequest &) {
            return FakeResponse::json(
                R"({"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH"}]},"usageMetadata":{"promptTokenCount":9,"totalTokenCount":9},"modelVersion":"gemini-2.5-flash-lite"})");
        });
        HttpClient http;
        GeminiClient client(&http, u"k"_s, u"gemini-2.5-flash-lite"_s, server.baseUrl());
        const LlmResult r = QCoro::waitFor(
            completeValidated(&client, u"s"_s, u"q"_s, smallSchema(), needsAnswer));
        QCOMPARE(r.error, LlmErrorKind::Refused);
        QCOMPARE(r.errorString, u"Gemini blocked the prompt (SAFETY)"_s);
        QCOMPARE(server.requestCount(kGeminiPath), 1);
        QCOMPARE(r.promptTokens, 9);
        QVERIFY(!client.stopped()); // another company's evidence may pass
    }

    // Thinking models count thoughts apart from the answer and bill both as output; the
    // numbers are those of a gemini-2.5-flash answer recorded in an SDK's test fixture
    // (promptTokenCount 7, candidatesTokenCount 2, thoughtsTokenCount 24, total 33).
    void gemini_thinkingTokens_areCountedAsBilled()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kGeminiPath, [](const FakeRequest &) {
            return FakeResponse::json(
                R"({"candidates":[{"content":{"parts":[{"text":"{\u0022answer\u0022:\u0022yes\u0022}"}],"role":"model"},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":2,"totalTokenCount":33,"promptTokensDetails":[{"modality":"TEXT","tokenCount":7}],"thoughtsTokenCount":24},"modelVersion":"gemini-2.5-flash"})");
        });
        HttpClient http;
        GeminiClient client(&http, u"k"_s, u"gemini-2.5-flash-lite"_s, server.baseUrl());
        const LlmResult r = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, smallSchema()));
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        QCOMPARE(r.promptTokens, 7);
        QCOMPARE(r.completionTokens, 26);
        QCOMPARE(r.promptTokens + r.completionTokens, 33); // = totalTokenCount
    }

    // A structured-output refusal: message.refusal instead of content
    // (platform.openai.com/docs/guides/structured-outputs#refusals, the example answer).
    void openAi_refusal_isNamedAndNotRetried()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kChatPath, [](const FakeRequest &) {
            return FakeResponse::json(
                R"({"id":"chatcmpl-9nYAG9LPNonX8DAyrkwYfemr3C8HC","object":"chat.completion","created":1721596428,"model":"gpt-4o-2024-08-06","choices":[{"index":0,"message":{"role":"assistant","refusal":"I\u0027m sorry, I cannot assist with that request."},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":81,"completion_tokens":11,"total_tokens":92},"system_fingerprint":"fp_3407719c7f"})");
        });
        HttpClient http;
        OpenAiCompatibleClient client(&http, u"sk"_s, u"gpt-4o-mini"_s, server.baseUrl());
        const LlmResult r = QCoro::waitFor(
            completeValidated(&client, u"s"_s, u"q"_s, smallSchema(), needsAnswer));
        QCOMPARE(r.error, LlmErrorKind::Refused);
        QCOMPARE(r.errorString,
            u"openai:gpt-4o-mini refused: I'm sorry, I cannot assist with that request."_s);
        QCOMPARE(server.requestCount(kChatPath), 1);
        QCOMPARE(r.completionTokens, 11);
    }

    // completion_tokens already includes completion_tokens_details.reasoning_tokens, and is
    // what is billed (the API reference's usage object); adding the details would count the
    // reasoning twice.
    void openAi_reasoningTokens_areCountedOnce()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kChatPath, [](const FakeRequest &) {
            return FakeResponse::json(
                R"({"id":"chatcmpl-abc","object":"chat.completion","model":"o4-mini","choices":[{"index":0,"message":{"role":"assistant","content":"{\u0022answer\u0022:\u0022ok\u0022}","refusal":null},"finish_reason":"stop"}],"usage":{"prompt_tokens":75,"completion_tokens":1186,"total_tokens":1261,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":1024,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}})");
        });
        HttpClient http;
        OpenAiCompatibleClient client(&http, u"sk"_s, u"o4-mini"_s, server.baseUrl());
        const LlmResult r = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QVERIFY2(r.ok(), qPrintable(r.errorString)); // "refusal": null is no refusal
        QCOMPARE(r.promptTokens, 75);
        QCOMPARE(r.completionTokens, 1186);
    }

    // insufficient_quota is a 429 that no wait cures (platform.openai.com/docs/guides/
    // error-codes: "You exceeded your current quota, please check your plan and billing
    // details"). Older answers carry "code": null and say it in "type" only (the body quoted
    // in langchain-ai/langchainjs#1929).
    void openAi_insufficientQuota_stopsWithoutRetrying_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("code") << QByteArray(
            R"({"error":{"message":"You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https:\/\/platform.openai.com\/docs\/guides\/error-codes\/api-errors.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}})");
        QTest::newRow("older form, code null") << QByteArray(
            R"({"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":null}})");
    }

    void openAi_insufficientQuota_stopsWithoutRetrying()
    {
        QFETCH(QByteArray, body);
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(
            kChatPath, [body](const FakeRequest &) { return FakeResponse::json(body, 429); });
        HttpClient http; // the default policy: 4 attempts for a passing rate limit
        OpenAiCompatibleClient client(&http, u"sk"_s, u"gpt-4o-mini"_s, server.baseUrl());
        const LlmResult first = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(first.error, LlmErrorKind::QuotaExhausted);
        QVERIFY2(first.errorString.contains(u"exceeded your current quota"_s),
            qPrintable(first.errorString));
        QVERIFY(client.stopped());
        const LlmResult second = QCoro::waitFor(client.completeJson(u"s"_s, u"u"_s, {}));
        QCOMPARE(second.error, LlmErrorKind::Stopped);
        QCOMPARE(server.requestCount(kChatPath), 1);
    }

    void completeValidated_malformedAnswer_isRetriedOnceWithTheErrorQuoted()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        int calls = 0;
        server.route(kGeminiPath, [&calls](const FakeRequest &) {
            ++calls;
            return FakeResponse::json(calls == 1
                    ? geminiAnswer(u"{\"answer\": \"unterminated"_s, 100, 10)
                    : geminiAnswer(u"{\"answer\":\"fixed\"}"_s, 150, 8));
        });
        HttpClient http;
        GeminiClient client(&http, u"k"_s, u"gemini-2.5-flash-lite"_s, server.baseUrl());
        const LlmResult r = QCoro::waitFor(
            completeValidated(&client, u"s"_s, u"the question"_s, smallSchema(), needsAnswer));
        QVERIFY2(r.ok(), qPrintable(r.errorString));
        QCOMPARE(r.json.value(u"answer"_s).toString(), u"fixed"_s);
        QCOMPARE(server.requestCount(kGeminiPath), 2);
        QCOMPARE(r.promptTokens, 250); // both attempts are paid for
        QCOMPARE(r.completionTokens, 18);
        const QString retry = geminiUserText(server.requests(kGeminiPath).value(1).body);
        QVERIFY(retry.startsWith(u"the question"_s));
        QVERIFY2(retry.contains(u"could not be used"_s), qPrintable(retry));
        QVERIFY2(retry.contains(u"invalid JSON"_s) || retry.contains(u"no JSON object"_s),
            qPrintable(retry));
    }

    void completeValidated_wrongShapeTwice_givesUpAfterOneRetry()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kChatPath, [](const FakeRequest &) {
            return FakeResponse::json(openAiAnswer(u"{\"answer\": 42}"_s));
        });
        HttpClient http;
        OpenAiCompatibleClient client(&http, QString(), u"m"_s, server.baseUrl());
        const LlmResult r
            = QCoro::waitFor(completeValidated(&client, u"s"_s, u"q"_s, {}, needsAnswer));
        QCOMPARE(r.error, LlmErrorKind::Malformed);
        QVERIFY(r.errorString.contains(u"must be a string"_s));
        QCOMPARE(server.requestCount(kChatPath), 2);
        const QJsonObject second = jsonBody(server.requests(kChatPath).value(1).body);
        QVERIFY(second[u"messages"_s][1][u"content"_s].toString().contains(
            u"\"answer\" must be a string"_s));
    }

    void completeValidated_httpError_isNotRetriedAsMalformed()
    {
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.route(kGeminiPath, [](const FakeRequest &) {
            return FakeResponse::json(
                geminiError(500, u"INTERNAL"_s, u"An internal error has occurred."_s), 500);
        });
        HttpClient http;
        ProviderPolicy once;
        once.maxAttempts = 1; // isolate the validator from the HTTP client's own retries
        http.setProviderPolicy(u"gemini"_s, once);
        GeminiClient client(&http, u"k"_s, u"gemini-2.5-flash-lite"_s, server.baseUrl());
        const LlmResult r
            = QCoro::waitFor(completeValidated(&client, u"s"_s, u"q"_s, {}, needsAnswer));
        QCOMPARE(r.error, LlmErrorKind::Server);
        QCOMPARE(
            server.requestCount(kGeminiPath), 1); // transport retries are the HTTP client's job
    }

    void jsonAnswer_proseAroundObjectTolerated_brokenObjectReported()
    {
        QJsonObject o;
        QString error;
        QVERIFY(parseJsonAnswer(u"Sure! Here it is: {\"a\": 1} Hope that helps."_s, &o, &error));
        QCOMPARE(o.value(u"a"_s).toInt(), 1);
        QVERIFY(!parseJsonAnswer(u"{\"a\": [1, 2}"_s, &o, &error));
        QVERIFY(error.contains(u"offset"_s));
        QVERIFY(!parseJsonAnswer(u"no json here"_s, &o, &error));
    }

    void settings_geminiKeyInEnvironment_picksGeminiAndDefaultUrls()
    {
        qputenv("GEMINI_API_KEY", "env-key");
        qunsetenv("OPENAI_API_KEY");
        qunsetenv("GTM_GEMINI_URL");
        qputenv("GTM_OPENAI_URL", "http://127.0.0.1:11434");
        const LlmSettings s = LlmSettings {}.withEnvironment();
        QCOMPARE(s.provider, LlmProvider::Gemini);
        QCOMPARE(s.geminiApiKey, u"env-key"_s);
        QCOMPARE(s.geminiBaseUrl, QUrl(u"https://generativelanguage.googleapis.com"_s));
        QCOMPARE(s.openAiBaseUrl, QUrl(u"http://127.0.0.1:11434"_s));

        LlmSettings chosen;
        chosen.provider = LlmProvider::OpenAiCompatible;
        QCOMPARE(chosen.withEnvironment().provider,
            LlmProvider::OpenAiCompatible); // a choice made stays

        qunsetenv("GEMINI_API_KEY");
        qunsetenv("GTM_OPENAI_URL");
        const LlmSettings none = LlmSettings {}.withEnvironment();
        QCOMPARE(none.provider, LlmProvider::None);
        QCOMPARE(none.openAiBaseUrl, QUrl(u"https://api.openai.com"_s));
    }

    void settings_modelVariables_overrideTheSavedModels()
    {
        LlmSettings saved;
        saved.openAiModel = u"saved-model"_s;
        saved.geminiAnalysisModel = u"saved-gemini"_s;
        qunsetenv("GTM_OPENAI_MODEL");
        qunsetenv("GTM_GEMINI_MODEL");
        QCOMPARE(saved.withEnvironment().openAiModel, u"saved-model"_s);
        QCOMPARE(saved.withEnvironment().geminiAnalysisModel, u"saved-gemini"_s);

        qputenv("GTM_OPENAI_MODEL", "llama3.1");
        qputenv("GTM_GEMINI_MODEL", "gemini-env");
        const LlmSettings s = saved.withEnvironment();
        qunsetenv("GTM_OPENAI_MODEL");
        qunsetenv("GTM_GEMINI_MODEL");
        QCOMPARE(s.openAiModel, u"llama3.1"_s);
        QCOMPARE(s.geminiAnalysisModel, u"gemini-env"_s);
        QCOMPARE(s.geminiStrategyModel, LlmSettings {}.geminiStrategyModel);
    }

    // The GUI, the CLI and the docs name the variables from core/model/Providers: a row
    // changed there must change what the settings read.
    void settings_keyAndUrlVariables_areTheProviderTables()
    {
        for (const QString &id : { u"gemini"_s, u"openai"_s }) {
            const ProviderInfo *info = findProvider(id);
            QVERIFY(info);
            const QByteArray key = info->keyVariable.toLatin1();
            const QByteArray url = info->urlVariable.toLatin1();
            qputenv(key.constData(), "key-from-" + id.toLatin1());
            qputenv(url.constData(), "http://127.0.0.1:9/" + id.toLatin1());
            const LlmSettings s = LlmSettings {}.withEnvironment();
            qunsetenv(key.constData());
            qunsetenv(url.constData());
            const bool gemini = id == u"gemini";
            QCOMPARE(gemini ? s.geminiApiKey : s.openAiApiKey, u"key-from-"_s + id);
            QCOMPARE(
                gemini ? s.geminiBaseUrl : s.openAiBaseUrl, QUrl(u"http://127.0.0.1:9/"_s + id));
        }
    }
};

QTEST_GUILESS_MAIN(TestLlmClients)
#include "tst_llmclients.moc"
