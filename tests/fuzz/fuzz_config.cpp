// libFuzzer harness: a run config's bytes (DESIGN.md §2) through parseRunConfig. A ConfigError
// is the expected answer to a bad file; any other exception, a sanitizer report, a hang or a
// large allocation is a finding, and so is a config that does not survive its own round trip
// (runConfigToJson → JSON text → parseRunConfig).
#include "core/config/config_json.h"
#include "tests/fuzz/json_round_trip.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return lrlab::fuzz::checkJsonRoundTrip(
        data, size,
        [](const QByteArray& json, const char* source) {
            return lrlab::parseRunConfig(json, source).config;
        },
        lrlab::runConfigToJson, "config");
}
