#pragma once

#include "core/config/run_config.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>

#include <stdexcept>
#include <string>
#include <vector>

namespace lrlab {

/// A config that failed to load: the message names the source, and the key path or the line.
/// A NUL byte in the message (quoted from the input) is shown as \0 so what() is not cut short.
class ConfigError : public std::invalid_argument
{
public:
    explicit ConfigError(const std::string& message);
};

/// A parsed config plus notes on keys that are valid but have no effect with the chosen type
/// (e.g. "momentum" for adam); the CLI prints them, the GUI may show them.
struct LoadedConfig
{
    RunConfig config;
    std::vector<std::string> warnings;
};

/// How an error message names a JSON value's type: "a number", "an array", "nothing" (absent).
std::string jsonTypeName(const QJsonValue& value);

/// Parses and validates a JSON config (docs/semantics.md §2). `source` names it in messages (a
/// path). Throws ConfigError: "<source>: line L, column C: <JSON syntax error>" or
/// "<source>: <key.path>: <what is wrong>".
LoadedConfig parseRunConfig(const QByteArray& json, const std::string& source);

/// Reads and parses a config file. Throws ConfigError when the file cannot be read.
LoadedConfig loadRunConfig(const std::string& path);

/// Parses and validates an already-decoded JSON object (used for sessions and lessons).
LoadedConfig runConfigFromJson(const QJsonObject& object, const std::string& source);

/// The config's `schedule` object for s (only the keys its decay uses).
QJsonObject scheduleToJson(const ScheduleSpec& s);

/// The config as JSON with every key that matters for its types (round-trips through parse).
QJsonObject runConfigToJson(const RunConfig& config);

} // namespace lrlab
