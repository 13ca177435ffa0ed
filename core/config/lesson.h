#pragma once

#include "core/config/config_json.h"
#include "core/config/run_config.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lrlab {

/// The lesson format version this build reads and writes ("lrlab_lesson").
constexpr int kLessonFormatVersion = 1;

/// Text in several languages: language code ("en", "zh_CN") → text. "en" is always present
/// in a loaded lesson.
using LocalizedText = QMap<QString, QString>;

/// The entry of localized for language, falling back to its base language ("zh" for "zh_CN";
/// "zh-CN" is read as "zh_CN"), then to "en", then to the empty string.
QString localizedText(const LocalizedText& localized, const QString& language);

/// One run a lesson shows: its label (per language) and its validated config.
struct LessonRun
{
    LocalizedText label;
    RunConfig config;
    /// The key paths and values set on the lesson's config to make this run (file order is
    /// not kept by JSON objects: see Lesson). Empty for the lesson's own config.
    std::vector<std::pair<std::string, std::string>> settings;
};

/// A ready classroom lesson: one experiment, the runs to compare side by side, a
/// short explanation to read out and the view the GUI opens it in. A plain value; copyable.
///
/// File format (UTF-8 JSON object, resources/lessons/NN-<id>.json; files are listed in name
/// order, so the two-digit prefix sets the menu order):
///
///     {
///       "lrlab_lesson": 1,                       required; integer; > 1 is a newer format
///       "id": "lr-too-large-small-right",        required; [a-z0-9-]+
///       "title": {"en": "…", "zh_CN": "…"},      required; "en" required, others optional
///       "text":  {"en": "…", "zh_CN": "…"},      required; 2–5 sentences a teacher reads out
///       "config": { … },                         required; an experiment, docs/semantics.md §2
///       "compare": [                             optional; default [] (= the config alone)
///         {"label": {"en": "too small", "zh_CN": "太小"},   required, "en" required
///          "set": {"schedule.lr": 0.0001}}                  optional; key path → value
///       ],
///       "view": {"tab": "explorer", …}           optional object; GUI view state
///     }
///
/// The view is free-form for the GUI except three checked keys, the view of the loss plot the
/// lesson opens on (its claim must be visible there; Reset view shows the whole run) and the
/// landscape it shows:
///
///       "loss_axis": "linear",                   optional; "log" (default) or "linear"
///       "step_range": [0, 150]                   optional; the steps shown, integers
///                                                0 <= first < last
///       "landscape": "3d"                        optional; "2d" (default), "3d" or "both"
///
/// Each compare entry is a copy of "config" with every key path of "set" changed through
/// withSetting() (config_variants.h), which re-validates: values are numbers, true/false,
/// names (strings) or, for problem.hidden, an array of widths. A JSON object does not keep
/// key order, so the settings are applied type-changing keys first ("optimizer.type" resets
/// the optimizer's other keys to its defaults, then "schedule.decay", "steps"), then the rest
/// in key order. Unknown keys anywhere outside "config" (which has its own checks) and "view"
/// are errors.
struct Lesson
{
    int version = kLessonFormatVersion;
    QString id;
    QString path; ///< the file it came from
    LocalizedText title;
    LocalizedText text;
    RunConfig config;
    QJsonObject configJson; ///< "config" as written in the file
    /// The compared runs in file order; a lesson without "compare" has one run: config,
    /// labelled with the title.
    std::vector<LessonRun> compare;
    QJsonObject view;            ///< free-form view state for the GUI ("tab", "play", …)
    bool linearLossAxis = false; ///< view.loss_axis is "linear"
    /// view.step_range: the first and last step the loss plot shows; none = the whole run.
    std::optional<std::pair<int, int>> stepRange;
    /// Config keys that are valid but have no effect with the chosen types (LoadedConfig).
    std::vector<std::string> warnings;

    QString titleIn(const QString& language) const { return localizedText(title, language); }
    QString textIn(const QString& language) const { return localizedText(text, language); }

    /// The runs to show side by side: (label in language, config).
    std::vector<std::pair<QString, RunConfig>> runs(const QString& language = "en") const;
    /// The languages present in the title, the text and every label.
    QStringList languages() const;
};

/// Parses and validates a lesson (the format above). source names it in messages.
/// Throws ConfigError "<source>: <key.path>: <what is wrong>", e.g.
/// "x.json: compare[1].set.schedule.lr: …" or "x.json: config.schedule.lr: …".
Lesson parseLesson(const QByteArray& json, const QString& source);

/// Reads and parses a lesson file. Throws ConfigError (also when it cannot be read).
Lesson loadLesson(const QString& path);

/// The lessons directory: $LRLAB_LESSONS_DIR if set, else <exe dir>/../share/lrlab/lessons if
/// it exists (an installed lrlab; needs a QCoreApplication), else the source tree's
/// resources/lessons (LRLAB_SOURCE_DIR).
QString lessonsDirectory();

/// The *.json files of lessonsDirectory(), absolute paths in name order.
QStringList lessonFiles();

/// Loads every file of lessonFiles(). Throws ConfigError at the first bad file.
std::vector<Lesson> loadAllLessons();

} // namespace lrlab
