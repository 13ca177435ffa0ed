#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <string>

namespace lrlab {

/// Reads a JSON input file (config, session, lesson) as a regular file of at most
/// kMaxJsonFileBytes. Throws ConfigError "<path>: <why>" for a missing file, a directory,
/// device or FIFO (never blocks), an oversized file or a read error.
QByteArray readJsonFile(const std::string& path);

/// Parses json as a JSON document whose top level is an object. Throws ConfigError naming
/// source: "<source>: line L, column C (in "<that line>"): <syntax error><syntaxHint>", "expected
/// a JSON object at the top level", or "duplicate key 'x' at line L" when one object holds a key
/// twice (QJsonDocument keeps the last silently).
QJsonObject parseJsonObject(const QByteArray& json, const std::string& source,
                            const std::string& syntaxHint = {});

/// "line L, column C (in "<that line>")" of a byte offset into text; columns count bytes.
std::string jsonLineAndColumn(const QByteArray& text, int offset);

} // namespace lrlab
