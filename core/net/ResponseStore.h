#pragma once

#include "HttpTypes.h"

#include <optional>

namespace gtm {

// Where answers already paid for are kept. HttpClient consults it for requests that carry a
// cache key; storage/ResponseCache is the SQLite implementation.
class ResponseStore
{
public:
    virtual ~ResponseStore() = default;
    virtual std::optional<HttpResponse> lookup(const QString &provider, const QByteArray &key) = 0;
    virtual void store(const QString &provider, const QByteArray &key, const HttpResponse &response)
        = 0;
};

} // namespace gtm
