#include "core/config/json_file.h"

#include "core/config/config_json.h"
#include "core/util/input_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <set>
#include <vector>

namespace lrlab {

namespace {

/// The text of a JSON string token starting at text[start] == '"'; end is set past the closing
/// quote. Escapes are decoded through QJsonDocument so "\u0061" and "a" are the same key.
QString stringToken(const QByteArray& text, int start, int& end)
{
    int i = start + 1;
    bool escaped = false;
    while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\') {
            escaped = true;
            ++i;
        }
        ++i;
    }
    end = i + 1;
    const QByteArray raw = text.mid(start, end - start);
    if (!escaped)
        return QString::fromUtf8(raw.mid(1, raw.size() - 2));
    return QJsonDocument::fromJson("[" + raw + "]").array().at(0).toString();
}

/// Finds the first key that occurs twice in one object of a syntactically valid document.
/// Returns its byte offset (or -1) and sets key.
int firstDuplicateKey(const QByteArray& text, QString& key)
{
    struct Container
    {
        bool object = false;
        std::set<QString> keys;
        bool expectKey = false; // in an object, the next string is a key
    };
    std::vector<Container> stack;
    for (int i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '{' || c == '[') {
            stack.push_back({c == '{', {}, c == '{'});
        } else if (c == '}' || c == ']') {
            if (!stack.empty())
                stack.pop_back();
        } else if (c == ',') {
            if (!stack.empty() && stack.back().object)
                stack.back().expectKey = true;
        } else if (c == '"') {
            int end = i;
            const QString token = stringToken(text, i, end);
            if (!stack.empty() && stack.back().object && stack.back().expectKey) {
                stack.back().expectKey = false;
                if (!stack.back().keys.insert(token).second) {
                    key = token;
                    return i;
                }
            }
            i = end - 1;
        }
    }
    return -1;
}

} // namespace

std::string jsonLineAndColumn(const QByteArray& text, int offset)
{
    offset = std::clamp(offset, 0, static_cast<int>(text.size()));
    const QByteArray before = text.left(offset);
    const int line = static_cast<int>(before.count('\n')) + 1;
    const int lineStart = static_cast<int>(before.lastIndexOf('\n')) + 1;
    const int column = offset - lineStart + 1;
    int lineEnd = static_cast<int>(text.indexOf('\n', lineStart));
    if (lineEnd < 0)
        lineEnd = static_cast<int>(text.size());
    const QByteArray lineText = text.mid(lineStart, std::min(lineEnd - lineStart, 80)).trimmed();
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + " (in \"" +
           escapeControl(lineText.toStdString()) + "\")";
}

QByteArray readJsonFile(const std::string& path)
{
    try {
        const std::string text = readRegularFile(path, kMaxJsonFileBytes, "a JSON file");
        return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
    } catch (const InputFileError& e) {
        throw ConfigError(e.what());
    }
}

QJsonObject parseJsonObject(const QByteArray& json, const std::string& source,
                            const std::string& syntaxHint)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        throw ConfigError(source + ": " + jsonLineAndColumn(json, error.offset) + ": " +
                          error.errorString().toStdString() + syntaxHint);
    if (!doc.isObject())
        throw ConfigError(source + ": expected a JSON object at the top level");
    QString key;
    const int offset = firstDuplicateKey(json, key);
    if (offset >= 0) {
        const int line = static_cast<int>(json.left(offset).count('\n')) + 1;
        throw ConfigError(source + ": duplicate key '" + escapeControl(key.toStdString()) +
                          "' at line " + std::to_string(line) +
                          " (a key may appear once per object)");
    }
    return doc.object();
}

} // namespace lrlab
