// libFuzzer harness: a run config's bytes (DESIGN.md §2) through parseRunConfig. A ConfigError
// is the expected answer to a bad file; any other exception, a sanitizer report, a hang or a
// large allocation is a finding. A config that parses must survive its own round trip:
// runConfigToJson → JSON text → parseRunConfig gives the same JSON.
#include "core/config/config_json.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    lrlab::LoadedConfig loaded;
    try {
        loaded = lrlab::parseRunConfig(bytes, "fuzz.json");
    } catch (const lrlab::ConfigError&) {
        return 0;
    }
    const QJsonObject written = lrlab::runConfigToJson(loaded.config);
    const QByteArray text = QJsonDocument(written).toJson(QJsonDocument::Compact);
    try {
        const lrlab::LoadedConfig again = lrlab::parseRunConfig(text, "round-trip.json");
        if (lrlab::runConfigToJson(again.config) == written)
            return 0;
        std::fprintf(stderr, "config round trip changed the config:\n%s\n", text.constData());
    } catch (const lrlab::ConfigError& error) {
        std::fprintf(stderr, "a written config does not parse: %s\n%s\n", error.what(),
                     text.constData());
    }
    std::abort();
}
