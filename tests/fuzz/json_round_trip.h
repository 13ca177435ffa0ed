#pragma once

#include "core/config/config_json.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace lrlab::fuzz {

/// The body of a harness for a JSON reader with a writer: parse(bytes, source) either throws
/// ConfigError (the expected answer to a bad file) or returns a value that must survive its own
/// round trip: toJson(value) → JSON text → parse → toJson gives the same JSON. Aborts (a
/// finding) when the written text does not parse or parses to something else. `what` names
/// the format in the report ("config", "session").
template <typename Parse, typename ToJson>
int checkJsonRoundTrip(const std::uint8_t* data, std::size_t size, Parse parse, ToJson toJson,
                       const char* what)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QJsonObject written;
    try {
        written = toJson(parse(bytes, "fuzz.json"));
    } catch (const ConfigError&) {
        return 0;
    }
    const QByteArray text = QJsonDocument(written).toJson(QJsonDocument::Compact);
    try {
        if (toJson(parse(text, "round-trip.json")) == written)
            return 0;
        std::fprintf(stderr, "the %s round trip changed it:\n%s\n", what, text.constData());
    } catch (const ConfigError& error) {
        std::fprintf(stderr, "a written %s does not parse: %s\n%s\n", what, error.what(),
                     text.constData());
    }
    std::abort();
}

} // namespace lrlab::fuzz
