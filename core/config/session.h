#pragma once

#include "core/config/config_json.h"
#include "core/config/run_config.h"

#include <QByteArray>
#include <QJsonObject>

#include <map>
#include <string>
#include <vector>

namespace lrlab {

/// A pinned run of a session: its config (runs are deterministic, so the config is the run)
/// and the label the compare views show for it.
struct PinnedConfig
{
    RunConfig config;
    std::string label;
};

/// A training run imported from its log (the Runs dock): where it is read from and how it is
/// shown. Its points are not stored: they are read again from the log.
struct SessionLogRun
{
    std::string path;       ///< the run's file or folder
    std::string importRoot; ///< the folder it was imported from, "" for none
    /// Role ("loss", "val_loss", "lr", "val_acc") -> the tag chosen for it ("" = none); a role
    /// left out is matched by name.
    std::map<std::string, std::string> tags;
    bool shown = true;
    bool following = false;
};

/// What the explorer saves and reopens: the current run's config, up to
/// kMaxPinned pinned configs with their labels, the view state and the language. Traces are
/// not stored: they are recomputed from the configs.
///
/// JSON layout (every key is required except where a default is given; unknown keys are errors):
/// ```json
/// {"version": 1,
///  "current": { config of docs/semantics.md §2 },
///  "pinned":  [{"label": "lr 0.1", "config": {…}}, …],   default []
///  "view":    {"tab": "landscape", "cursor_step": 120, "speed": 2, "plane": "pca", …},
///             default {}
///  "language": "zh_CN",                                   default "" (follow the system)
///  "imported_runs": [{"path": "/logs/run1", "import_root": "/logs", "tags": {"lr": "lr-SGD"},
///                     "shown": true, "following": false}, …]}
///             default [] (written only when there are runs); only "path" is required
/// ```
/// The view object belongs to the GUI: the keys listed in kKnownViewKeys are type-checked, any
/// other key is kept as it is (the GUI may add state without a format change).
struct Session
{
    /// The format this lrlab writes and the newest it reads.
    static constexpr int kFormatVersion = 1;
    /// At most this many pinned runs (the compare set's capacity).
    static constexpr int kMaxPinned = 8;

    int version = kFormatVersion;
    RunConfig current;
    std::vector<PinnedConfig> pinned;
    QJsonObject view;
    std::string language; ///< "" = follow the system locale, else e.g. "en" or "zh_CN"
    std::vector<SessionLogRun> importedRuns;
};

/// View keys with a checked type:
/// - "tab": string; "plane": "axes", "pca" or "random"; "speed": number > 0 (playback steps per
///   frame multiplier); "cursor_step": integer >= 0; "playing": boolean;
///   "step_range": [first, last] integers with 0 <= first <= last.
inline constexpr const char* kKnownViewKeys[] = {"tab",         "plane",   "speed",
                                                 "cursor_step", "playing", "step_range"};

/// The session as JSON (the layout above). Lossless: sessionFromJson(sessionToJson(s)) gives a
/// session whose JSON equals this one.
QJsonObject sessionToJson(const Session& session);

/// Parses and validates a session object. `source` names it in messages (a path). Throws
/// ConfigError "<source>: session.<key path>: <what>", e.g.
/// "s.json: session.pinned[2].config.schedule.lr: must be > 0" or
/// "s.json: session.version: file from a newer lrlab (version 3; this lrlab reads up to 1)".
/// Nothing is returned unless everything is valid.
Session sessionFromJson(const QJsonObject& object, const std::string& source);

/// Parses a session file's bytes: JSON syntax errors name the line and column.
Session parseSession(const QByteArray& json, const std::string& source);

/// Reads and parses a session file. Throws ConfigError (unreadable, broken or newer file).
Session loadSession(const std::string& path);

/// Writes the session atomically (QSaveFile: a failed save leaves the old file untouched).
/// Throws std::runtime_error naming the path on failure.
void saveSession(const Session& session, const std::string& path);

} // namespace lrlab
