// libFuzzer harness: a session file's bytes through parseSession. A ConfigError is the expected
// answer to a bad file; anything else is a finding, and so is a session that does not
// round-trip as session.h promises (sessionToJson → JSON text → parseSession).
#include "core/config/session.h"
#include "tests/fuzz/json_round_trip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return lrlab::fuzz::checkJsonRoundTrip(
        data, size,
        [](const QByteArray& json, const char* source) {
            return lrlab::parseSession(json, source);
        },
        lrlab::sessionToJson, "session");
}
