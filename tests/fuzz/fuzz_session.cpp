// libFuzzer harness: a session file's bytes through parseSession. A ConfigError is the expected
// answer to a bad file; anything else is a finding. A session that parses must round-trip as
// session.h promises: sessionToJson → JSON text → parseSession gives the same JSON.
#include "core/config/session.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    lrlab::Session session;
    try {
        session = lrlab::parseSession(bytes, "fuzz.lrlab");
    } catch (const lrlab::ConfigError&) {
        return 0;
    }
    const QJsonObject written = lrlab::sessionToJson(session);
    const QByteArray text = QJsonDocument(written).toJson(QJsonDocument::Compact);
    try {
        if (lrlab::sessionToJson(lrlab::parseSession(text, "round-trip.lrlab")) == written)
            return 0;
        std::fprintf(stderr, "session round trip changed the session:\n%s\n", text.constData());
    } catch (const lrlab::ConfigError& error) {
        std::fprintf(stderr, "a written session does not parse: %s\n%s\n", error.what(),
                     text.constData());
    }
    std::abort();
}
