#include "core/config/lesson.h"

#include "core/config/config_variants.h"
#include "core/config/json_file.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace lrlab {

namespace {

[[noreturn]] void fail(const QString& source, const std::string& keyPath, const std::string& what)
{
    throw ConfigError(source.toStdString() + ": " + keyPath + ": " + what);
}

void rejectUnknownKeys(const QJsonObject& object, const QStringList& allowed, const QString& source,
                       const std::string& prefix)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!allowed.contains(it.key()))
            fail(source, prefix + it.key().toStdString(),
                 "unknown key (allowed here: " + allowed.join(", ").toStdString() + ")");
}

/// {"en": "…", "zh_CN": "…"}: string values, non-empty, "en" required.
LocalizedText readLocalized(const QJsonValue& value, const QString& source,
                            const std::string& keyPath)
{
    if (!value.isObject())
        fail(source, keyPath, "expected an object of language → text, e.g. {\"en\": \"…\"}");
    static const QRegularExpression languagePattern("^[a-z]{2,3}(_[A-Z]{2})?$");
    LocalizedText out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string path = keyPath + "." + it.key().toStdString();
        if (!languagePattern.match(it.key()).hasMatch())
            fail(source, path, "not a language code (expected e.g. en, zh_CN)");
        if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
            fail(source, path, "expected a non-empty string");
        out.insert(it.key(), it.value().toString());
    }
    if (!out.contains("en"))
        fail(source, keyPath + ".en", "is required (the fallback language)");
    return out;
}

/// A compare value as the text withSetting() parses.
std::string settingText(const QJsonValue& value, const QString& source, const std::string& path)
{
    switch (value.type()) {
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 17).toStdString();
    case QJsonValue::Bool:
        return value.toBool() ? "true" : "false";
    case QJsonValue::String:
        return value.toString().toStdString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue& v : value.toArray()) {
            if (!v.isDouble())
                fail(source, path, "expected an array of numbers");
            parts << QString::number(v.toDouble(), 'g', 17);
        }
        return parts.join('x').toStdString();
    }
    default:
        break;
    }
    fail(source, path, "expected a number, true/false, a name or an array of layer widths");
}

/// Lower number = applied earlier: keys that reset or reshape other keys come first.
int settingPriority(const std::string& keyPath)
{
    if (keyPath == "optimizer.type" || keyPath == "problem.type")
        return 0;
    if (keyPath == "schedule.decay" || keyPath == "steps")
        return 1;
    return 2;
}

LessonRun readCompareEntry(const QJsonValue& value, const RunConfig& base, const QString& source,
                           const std::string& keyPath)
{
    if (!value.isObject())
        fail(source, keyPath, "expected an object {\"label\": {…}, \"set\": {…}}");
    const QJsonObject object = value.toObject();
    rejectUnknownKeys(object, {"label", "set"}, source, keyPath + ".");
    if (!object.contains("label"))
        fail(source, keyPath + ".label", "is required");
    LessonRun run;
    run.label = readLocalized(object.value("label"), source, keyPath + ".label");
    run.config = base;
    if (!object.contains("set"))
        return run;
    if (!object.value("set").isObject())
        fail(source, keyPath + ".set", "expected an object of key path → value");
    const QJsonObject set = object.value("set").toObject();
    for (auto it = set.begin(); it != set.end(); ++it) {
        const std::string path = keyPath + ".set." + it.key().toStdString();
        run.settings.emplace_back(it.key().toStdString(), settingText(it.value(), source, path));
    }
    std::stable_sort(run.settings.begin(), run.settings.end(), [](const auto& a, const auto& b) {
        return settingPriority(a.first) < settingPriority(b.first);
    });
    for (const auto& [key, text] : run.settings) {
        try {
            run.config = withSetting(run.config, key, text);
        } catch (const std::invalid_argument& e) {
            fail(source, keyPath + ".set." + key, e.what());
        }
    }
    return run;
}

/// The checked keys of "view": loss_axis, landscape and step_range.
void readView(const QJsonObject& view, Lesson& lesson, const QString& source)
{
    if (view.contains("landscape")) {
        const QString landscape = view.value("landscape").toString();
        if (landscape != "2d" && landscape != "3d" && landscape != "both")
            fail(source, "view.landscape", "expected \"2d\", \"3d\" or \"both\"");
    }
    if (view.contains("loss_axis")) {
        const QString axis = view.value("loss_axis").toString();
        if (axis != "log" && axis != "linear")
            fail(source, "view.loss_axis", "expected \"log\" or \"linear\"");
        lesson.linearLossAxis = axis == "linear";
    }
    if (!view.contains("step_range"))
        return;
    const QJsonArray range = view.value("step_range").toArray();
    if (!view.value("step_range").isArray() || range.size() != 2)
        fail(source, "view.step_range", "expected [first, last], two steps");
    int steps[2] = {0, 0};
    for (int i = 0; i < 2; ++i) {
        const double v = range.at(i).toDouble(-1.0);
        if (!range.at(i).isDouble() || v != std::floor(v) || v < 0 || v > 1e8)
            fail(source, "view.step_range[" + std::to_string(i) + "]",
                 "expected a step, an integer >= 0");
        steps[i] = static_cast<int>(v);
    }
    if (steps[1] <= steps[0])
        fail(source, "view.step_range[1]", "must be greater than the first step");
    if (steps[0] >= lesson.config.steps)
        fail(source, "view.step_range[0]",
             "is past the run's last step (" + std::to_string(lesson.config.steps) + ")");
    lesson.stepRange = std::make_pair(steps[0], steps[1]);
}

} // namespace

QString localizedText(const LocalizedText& localized, const QString& language)
{
    QString code = language;
    code.replace('-', '_');
    if (localized.contains(code))
        return localized.value(code);
    const QString base = code.section('_', 0, 0);
    if (localized.contains(base))
        return localized.value(base);
    // "zh" asked, "zh_CN" present: any variant of the same language beats English.
    for (auto it = localized.begin(); it != localized.end(); ++it)
        if (it.key().section('_', 0, 0) == base)
            return it.value();
    return localized.value("en");
}

std::vector<std::pair<QString, RunConfig>> Lesson::runs(const QString& language) const
{
    std::vector<std::pair<QString, RunConfig>> out;
    if (compare.empty()) {
        out.emplace_back(titleIn(language), config);
        return out;
    }
    for (const LessonRun& run : compare)
        out.emplace_back(localizedText(run.label, language), run.config);
    return out;
}

QStringList Lesson::languages() const
{
    QStringList out = title.keys() + text.keys();
    for (const LessonRun& run : compare)
        out += run.label.keys();
    out.removeDuplicates();
    out.sort();
    return out;
}

Lesson parseLesson(const QByteArray& json, const QString& source)
{
    const QJsonObject root = parseJsonObject(json, source.toStdString());

    // The version first: a newer file may have keys this build does not know.
    if (!root.contains("lrlab_lesson"))
        fail(source, "lrlab_lesson", "is required (the lesson format version, 1)");
    const QJsonValue version = root.value("lrlab_lesson");
    const double v = version.toDouble(-1.0);
    if (!version.isDouble() || v != std::floor(v) || v < 1 || v > 1e6)
        fail(source, "lrlab_lesson", "expected a positive integer format version");
    if (v > kLessonFormatVersion)
        fail(source, "lrlab_lesson",
             "the lesson was written for a newer lrlab (format " +
                 std::to_string(static_cast<int>(v)) + "; this version reads format " +
                 std::to_string(kLessonFormatVersion) + " and older)");

    rejectUnknownKeys(root, {"lrlab_lesson", "id", "title", "text", "config", "compare", "view"},
                      source, "");
    Lesson lesson;
    lesson.version = static_cast<int>(v);
    lesson.path = source;

    static const QRegularExpression idPattern("^[a-z0-9]+(-[a-z0-9]+)*$");
    if (!root.contains("id"))
        fail(source, "id", "is required");
    if (!root.value("id").isString() || !idPattern.match(root.value("id").toString()).hasMatch())
        fail(source, "id", "expected a name of lower-case letters, digits and dashes");
    lesson.id = root.value("id").toString();

    for (const char* key : {"title", "text", "config"})
        if (!root.contains(key))
            fail(source, key, "is required");
    lesson.title = readLocalized(root.value("title"), source, "title");
    lesson.text = readLocalized(root.value("text"), source, "text");

    if (!root.value("config").isObject())
        fail(source, "config", "expected an object (an experiment, docs/semantics.md §2)");
    lesson.configJson = root.value("config").toObject();
    const std::string configSource = source.toStdString();
    try {
        LoadedConfig loaded = runConfigFromJson(lesson.configJson, configSource);
        lesson.config = loaded.config;
        lesson.warnings = loaded.warnings;
    } catch (const ConfigError& e) {
        // runConfigFromJson says "<source>: <key.path>: …"; root the key path at "config".
        std::string message = e.what();
        const std::string prefix = configSource + ": ";
        if (message.compare(0, prefix.size(), prefix) == 0)
            message = message.substr(prefix.size());
        throw ConfigError(prefix + "config." + message);
    }

    if (root.contains("compare")) {
        if (!root.value("compare").isArray())
            fail(source, "compare", "expected an array of {\"label\", \"set\"} objects");
        const QJsonArray compare = root.value("compare").toArray();
        for (int i = 0; i < compare.size(); ++i)
            lesson.compare.push_back(readCompareEntry(compare.at(i), lesson.config, source,
                                                      "compare[" + std::to_string(i) + "]"));
    }
    if (root.contains("view")) {
        if (!root.value("view").isObject())
            fail(source, "view", "expected an object (the GUI's view state)");
        lesson.view = root.value("view").toObject();
        readView(lesson.view, lesson, source);
    }
    return lesson;
}

Lesson loadLesson(const QString& path)
{
    return parseLesson(readJsonFile(path.toStdString()), path);
}

QString lessonsDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("LRLAB_LESSONS_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    if (QCoreApplication::instance()) {
        const QString installed =
            QDir(QCoreApplication::applicationDirPath()).filePath("../share/lrlab/lessons");
        if (QFileInfo(installed).isDir())
            return QDir::cleanPath(installed);
    }
    return QStringLiteral(LRLAB_SOURCE_DIR "/resources/lessons");
}

QStringList lessonFiles()
{
    const QDir dir(lessonsDirectory());
    QStringList out;
    for (const QString& name : dir.entryList({"*.json"}, QDir::Files, QDir::Name))
        out << dir.absoluteFilePath(name);
    return out;
}

std::vector<Lesson> loadAllLessons()
{
    std::vector<Lesson> out;
    for (const QString& path : lessonFiles())
        out.push_back(loadLesson(path));
    return out;
}

} // namespace lrlab
