#include "core/config/session.h"

#include "core/config/config_json.h"
#include "core/config/json_file.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <QSaveFile>
#include <QStringList>

#include <cctype>
#include <cmath>
#include <stdexcept>

namespace lrlab {

namespace {

/// The prefix every key path of a session message starts with.
const std::string kRoot = "session";

[[noreturn]] void fail(const std::string& path, const std::string& what)
{
    throw ConfigError(path + ": " + what);
}

void rejectUnknown(const QJsonObject& object, const std::string& path, const QStringList& known)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!known.contains(it.key()))
            fail(path + "." + it.key().toStdString(),
                 "unknown key (expected one of: " + known.join(", ").toStdString() + ")");
}

/// A JSON number that is an integer in [lo, hi].
long long integerAt(const QJsonValue& v, const std::string& path, long long lo, long long hi)
{
    if (!v.isDouble())
        fail(path, "expected an integer, got " + jsonTypeName(v));
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d))
        fail(path, "expected an integer, got " + QString::number(d, 'g', 17).toStdString());
    if (d < static_cast<double>(lo) || d > static_cast<double>(hi))
        fail(path, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " +
                       QString::number(d, 'g', 17).toStdString());
    return static_cast<long long>(d);
}

/// True when text starts with a key path ("schedule.lr", "init[1]") followed by ": ".
bool startsWithKeyPath(const std::string& text)
{
    const std::size_t colon = text.find(": ");
    if (colon == std::string::npos || colon == 0)
        return false;
    for (std::size_t i = 0; i < colon; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (!(std::isalnum(c) || c == '_' || c == '.' || c == '[' || c == ']'))
            return false;
    }
    return true;
}

/// Parses one embedded run config; its errors are re-rooted at path ("session.current").
RunConfig configAt(const QJsonValue& v, const std::string& path)
{
    if (!v.isObject())
        fail(path, "expected a config object, got " + jsonTypeName(v));
    static const std::string marker = "\x1f";
    try {
        return runConfigFromJson(v.toObject(), marker).config;
    } catch (const ConfigError& e) {
        std::string message = e.what();
        if (message.rfind(marker + ": ", 0) == 0)
            message.erase(0, marker.size() + 2);
        if (startsWithKeyPath(message))
            throw ConfigError(path + "." + message);
        throw ConfigError(path + ": " + message);
    }
}

void checkView(const QJsonObject& view, const std::string& path)
{
    const auto at = [&](const char* key) { return path + "." + key; };
    if (view.contains("tab") && !view.value("tab").isString())
        fail(at("tab"), "expected a string, got " + jsonTypeName(view.value("tab")));
    if (view.contains("plane")) {
        const QJsonValue v = view.value("plane");
        const QString plane = v.toString();
        if (!v.isString() || (plane != "axes" && plane != "pca" && plane != "random"))
            fail(at("plane"), "expected \"axes\", \"pca\" or \"random\"");
    }
    if (view.contains("speed")) {
        const QJsonValue v = view.value("speed");
        if (!v.isDouble() || !(v.toDouble() > 0.0) || !std::isfinite(v.toDouble()))
            fail(at("speed"), "expected a positive number");
    }
    if (view.contains("cursor_step"))
        integerAt(view.value("cursor_step"), at("cursor_step"), 0, 100000000);
    if (view.contains("playing") && !view.value("playing").isBool())
        fail(at("playing"), "expected a boolean, got " + jsonTypeName(view.value("playing")));
    if (view.contains("step_range")) {
        const QJsonValue v = view.value("step_range");
        if (!v.isArray() || v.toArray().size() != 2)
            fail(at("step_range"), "expected [first, last]");
        const long long first =
            integerAt(v.toArray().at(0), at("step_range") + "[0]", 0, 100000000);
        integerAt(v.toArray().at(1), at("step_range") + "[1]", first, 100000000);
    }
}

bool validLanguage(const QString& language)
{
    // "" (system), "en", "zh_CN", "pt_BR": a lower-case language code and an optional country.
    if (language.isEmpty())
        return true;
    const QStringList parts = language.split('_');
    if (parts.size() > 2 || parts[0].size() < 2 || parts[0].size() > 3)
        return false;
    for (QChar c : parts[0])
        if (c < 'a' || c > 'z')
            return false;
    if (parts.size() == 2) {
        if (parts[1].size() != 2)
            return false;
        for (QChar c : parts[1])
            if (c < 'A' || c > 'Z')
                return false;
    }
    return true;
}

/// The role names of SessionLogRun::tags (logRoleName's).
const QStringList kRoleNames{"loss", "val_loss", "lr", "val_acc"};

QString stringAt(const QJsonObject& entry, const char* key, const std::string& path)
{
    const QJsonValue v = entry.value(key);
    if (!v.isString())
        fail(path + "." + key, "expected a string, got " + jsonTypeName(v));
    return v.toString();
}

bool boolAt(const QJsonObject& entry, const char* key, const std::string& path, bool fallback)
{
    if (!entry.contains(key))
        return fallback;
    const QJsonValue v = entry.value(key);
    if (!v.isBool())
        fail(path + "." + key, "expected a boolean, got " + jsonTypeName(v));
    return v.toBool();
}

QJsonArray logRunsToJson(const std::vector<SessionLogRun>& runs)
{
    QJsonArray array;
    for (const SessionLogRun& run : runs) {
        QJsonObject entry;
        entry["path"] = QString::fromStdString(run.path);
        if (!run.importRoot.empty())
            entry["import_root"] = QString::fromStdString(run.importRoot);
        QJsonObject tags;
        for (const auto& [role, tag] : run.tags)
            tags[QString::fromStdString(role)] = QString::fromStdString(tag);
        entry["tags"] = tags;
        entry["shown"] = run.shown;
        entry["following"] = run.following;
        array.append(entry);
    }
    return array;
}

std::vector<SessionLogRun> logRunsFromJson(const QJsonValue& v, const std::string& at)
{
    if (!v.isArray())
        fail(at, "expected an array, got " + jsonTypeName(v));
    std::vector<SessionLogRun> runs;
    const QJsonArray array = v.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const std::string path = at + "[" + std::to_string(i) + "]";
        if (!array.at(i).isObject())
            fail(path, "expected an object, got " + jsonTypeName(array.at(i)));
        const QJsonObject entry = array.at(i).toObject();
        rejectUnknown(entry, path, {"path", "import_root", "tags", "shown", "following"});
        SessionLogRun run;
        if (!entry.contains("path"))
            fail(path + ".path", "missing (the run's log file or folder)");
        run.path = stringAt(entry, "path", path).toStdString();
        if (run.path.empty())
            fail(path + ".path", "is empty (expected the run's log file or folder)");
        if (entry.contains("import_root"))
            run.importRoot = stringAt(entry, "import_root", path).toStdString();
        if (entry.contains("tags")) {
            const QJsonValue tags = entry.value("tags");
            if (!tags.isObject())
                fail(path + ".tags", "expected an object, got " + jsonTypeName(tags));
            const QJsonObject object = tags.toObject();
            rejectUnknown(object, path + ".tags", kRoleNames);
            for (auto it = object.begin(); it != object.end(); ++it)
                run.tags[it.key().toStdString()] =
                    stringAt(object, it.key().toUtf8().constData(), path + ".tags").toStdString();
        }
        run.shown = boolAt(entry, "shown", path, true);
        run.following = boolAt(entry, "following", path, false);
        runs.push_back(std::move(run));
    }
    return runs;
}

} // namespace

QJsonObject sessionToJson(const Session& session)
{
    QJsonObject object;
    object["version"] = session.version;
    object["current"] = runConfigToJson(session.current);
    QJsonArray pinned;
    for (const PinnedConfig& p : session.pinned) {
        QJsonObject entry;
        entry["label"] = QString::fromStdString(p.label);
        entry["config"] = runConfigToJson(p.config);
        pinned.append(entry);
    }
    object["pinned"] = pinned;
    object["view"] = session.view;
    object["language"] = QString::fromStdString(session.language);
    if (!session.importedRuns.empty()) // sessions without runs keep their old layout
        object["imported_runs"] = logRunsToJson(session.importedRuns);
    return object;
}

Session sessionFromJson(const QJsonObject& object, const std::string& source)
{
    // Everything goes into a local session that is returned only when all of it is valid.
    Session session;
    try {
        // The version first: a newer file may have keys this lrlab does not know.
        if (!object.contains("version"))
            fail(kRoot + ".version", "missing (is this an lrlab session file?)");
        const QJsonValue version = object.value("version");
        session.version = static_cast<int>(integerAt(version, kRoot + ".version", 1, 1000000));
        if (session.version > Session::kFormatVersion)
            fail(kRoot + ".version",
                 "file from a newer lrlab (version " + std::to_string(session.version) +
                     "; this lrlab reads up to " + std::to_string(Session::kFormatVersion) + ")");
        rejectUnknown(object, kRoot,
                      {"version", "current", "pinned", "view", "language", "imported_runs"});
        if (!object.contains("current"))
            fail(kRoot + ".current", "missing (the current run's config)");
        session.current = configAt(object.value("current"), kRoot + ".current");

        if (object.contains("pinned")) {
            const QJsonValue v = object.value("pinned");
            if (!v.isArray())
                fail(kRoot + ".pinned", "expected an array, got " + jsonTypeName(v));
            const QJsonArray pinned = v.toArray();
            if (pinned.size() > Session::kMaxPinned)
                fail(kRoot + ".pinned", "at most " + std::to_string(Session::kMaxPinned) +
                                            " pinned runs, got " + std::to_string(pinned.size()));
            for (int i = 0; i < pinned.size(); ++i) {
                const std::string path = kRoot + ".pinned[" + std::to_string(i) + "]";
                if (!pinned.at(i).isObject())
                    fail(path, "expected an object, got " + jsonTypeName(pinned.at(i)));
                const QJsonObject entry = pinned.at(i).toObject();
                rejectUnknown(entry, path, {"label", "config"});
                if (!entry.contains("config"))
                    fail(path + ".config", "missing");
                PinnedConfig p;
                if (entry.contains("label")) {
                    if (!entry.value("label").isString())
                        fail(path + ".label",
                             "expected a string, got " + jsonTypeName(entry.value("label")));
                    p.label = entry.value("label").toString().toStdString();
                }
                p.config = configAt(entry.value("config"), path + ".config");
                session.pinned.push_back(std::move(p));
            }
        }
        if (object.contains("view")) {
            const QJsonValue v = object.value("view");
            if (!v.isObject())
                fail(kRoot + ".view", "expected an object, got " + jsonTypeName(v));
            checkView(v.toObject(), kRoot + ".view");
            session.view = v.toObject();
        }
        if (object.contains("language")) {
            const QJsonValue v = object.value("language");
            if (!v.isString() || !validLanguage(v.toString()))
                fail(kRoot + ".language", "expected \"\" (system) or a locale name such as "
                                          "\"en\" or \"zh_CN\"");
            session.language = v.toString().toStdString();
        }
        if (object.contains("imported_runs"))
            session.importedRuns =
                logRunsFromJson(object.value("imported_runs"), kRoot + ".imported_runs");
    } catch (const ConfigError& e) {
        throw ConfigError(source + ": " + e.what());
    } catch (const std::invalid_argument& e) {
        throw ConfigError(source + ": " + kRoot + ": " + e.what());
    }
    // Only now: configs, view and language all passed.
    session.version = Session::kFormatVersion;
    return session;
}

Session parseSession(const QByteArray& json, const std::string& source)
{
    if (json.trimmed().isEmpty())
        throw ConfigError(source + ": the file is empty (expected an lrlab session)");
    return sessionFromJson(
        parseJsonObject(json, source, " (the session file is broken or truncated)"), source);
}

Session loadSession(const std::string& path)
{
    return parseSession(readJsonFile(path), path);
}

void saveSession(const Session& session, const std::string& path)
{
    // A file this lrlab could not open again is never written.
    if (session.pinned.size() > static_cast<std::size_t>(Session::kMaxPinned))
        throw std::invalid_argument(path + ": session.pinned: at most " +
                                    std::to_string(Session::kMaxPinned) + " pinned runs");
    const QByteArray bytes = QJsonDocument(sessionToJson(session)).toJson(QJsonDocument::Indented);
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error(path + ": cannot write: " + file.errorString().toStdString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw std::runtime_error(path + ": write failed: " + file.errorString().toStdString());
}

} // namespace lrlab
