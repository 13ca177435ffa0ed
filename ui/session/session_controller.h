#pragma once

#include "core/config/run_config.h"
#include "core/config/session.h"
#include "ui/explorer/explorer_parts.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

class QAction;
class QMenu;
class QTimer;

namespace lrlab {

class LessonController;
class PinLoader;
class RecentSessions;
class UserDialogs;

/// The explorer's sessions (docs/semantics.md): New / Open / Save / Save As / Open Recent, the
/// unsaved-changes question, the window title with its modified flag, autosave and crash
/// recovery, and the Session value itself (captureSession / applySession).
///
/// A session is the current config (ExperimentModel), the pinned runs with their labels
/// (PinnedRuns; while a PinLoader replacement is under way, the runs it will pin) and the view
/// (active analysis tab, playback cursor, speed and playing, the map's plane, the open lesson)
/// plus the stored language. "Modified" compares the current config and the pinned (label,
/// config) list with those of the last save / open / new by value (RunConfig's operator==),
/// 100 ms after the last change; a change the user makes to the imported runs (RunsView::edited)
/// leaves the session modified until it is saved. While modified, an autosave is written 1.5 s
/// after the last change and every 60 s (AppDataLocation/autosave.lrlab.json, holding the session
/// file it belongs to); saving, opening or undoing the changes removes it, and so does the
/// destructor (a clean exit). An autosave found at start is offered for recovery (dialogs on and
/// LRLAB_NO_RECOVERY_PROMPT unset).
///
/// Pinned runs of a session or a lesson are recomputed by the PinLoader; this controller shows
/// the status of every replacement ("Computing n pinned runs…", "n runs pinned.") and reports
/// its failure, restores the playback cursor once the runs are back, and keeps a just-loaded
/// session unmodified when its runs arrive. The actions are children of this object; the
/// window's closeEvent must call confirmClose(). Parts, loader and dialogs are not owned and
/// must outlive the controller. GUI thread only.
class SessionController : public QObject
{
    Q_OBJECT
public:
    SessionController(const ExplorerParts& parts, PinLoader* loader, UserDialogs* dialogs,
                      QObject* parent = nullptr);
    /// Removes the autosave: reaching the destructor is a clean exit.
    ~SessionController() override;

    /// The lessons whose id a session's view holds (set by LessonController's constructor).
    void setLessonController(LessonController* lessons);

    /// Adds New, Open, Open Recent ▸, a separator, Save and Save As to menu (the File menu).
    void addToFileMenu(QMenu* menu);
    /// File ▸ Save session (for a toolbar).
    QAction* saveAction() const { return m_save; }
    /// The Open Recent submenu (object name "recentSessionsMenu").
    QMenu* recentMenu() const;

    /// The view of the window as a session stores it (no lesson): "tab" (the active analysis
    /// tab), "cursor_step", "speed", "playing" and "plane" (the exact (w, b) axes of toys and
    /// two-parameter models, else the trajectory's PCA plane).
    static QJsonObject captureView(const ExplorerParts& parts);
    /// The window as a session: config, pinned configs with their shown labels, view, language.
    Session captureSession() const;
    /// Puts session into the window: the config into the model, the view, the pinned runs
    /// (recomputed in the background, then sessionLoaded), and a language request when the
    /// session's language differs from the stored one. Does not touch the file name.
    void applySession(const Session& session);
    /// Applies a session's or lesson's view: the analysis tab, the speed, the lesson panel
    /// ("lesson"); playback pauses, and the cursor ("cursor_step") and "playing" (or "play")
    /// are restored when the PinLoader's next replacement has pinned its runs.
    void applyView(const QJsonObject& view);

    /// Reads and checks path first (an error leaves everything as it was and is reported),
    /// then applies it; it becomes the session file and goes to the front of the recent list.
    bool openSessionFile(const QString& path);
    /// Saves the session to path (reported on error); path becomes the session file.
    bool saveSessionFile(const QString& path);
    /// After the unsaved-changes question: the default experiment, no pins, untitled.
    void newSession();
    /// The session file (absolute), empty while untitled.
    QString sessionPath() const { return m_path; }
    /// Makes path the session file (empty: untitled); the current state is its clean state
    /// unless modified is true. Updates the title.
    void setSessionFile(const QString& path, bool modified);
    /// True when the config or the pinned (label, config) list differ from the clean state.
    bool isSessionModified() const;
    /// The recent session files, newest first (QSettings "recentSessions", at most 8).
    QStringList recentSessions() const;

    /// AppDataLocation/autosave.lrlab.json.
    QString autosavePath() const;
    /// Applies the autosave; the session stays modified (and keeps its file if it still
    /// exists). False when there is none or it cannot be read (reported).
    bool recoverAutosave();
    /// Writes the autosave now if the session is modified; true when it holds the session.
    bool writeAutosave();
    /// The unsaved-changes question before the session is closed or replaced: true when the
    /// caller may go on (saved, discarded or nothing to save), false on Cancel.
    bool confirmClose();
    /// Titles the window with the session file's name (or Untitled) in the current language.
    void updateTitle();

signals:
    /// An error of the sessions was reported (UserDialogs::errorShown carries it too).
    void errorShown(const QString& message);
    /// A session was applied and its pinned runs are back.
    void sessionLoaded(const QString& path);
    void sessionSaved(const QString& path);
    void autosaveWritten(const QString& path);
    /// A session asked for this language (the language switch may follow it).
    void languageRequested(const QString& language);

private:
    /// What decides "modified": the current config and the pinned (label, config) list.
    struct State
    {
        RunConfig current;
        std::vector<std::pair<QString, RunConfig>> pinned;
        bool operator==(const State& other) const
        {
            return current == other.current && pinned == other.pinned;
        }
    };

    State state() const;
    /// applySession; false (reported, nothing changed) when the model refuses the config.
    bool apply(const Session& session);
    void createActions();
    void reportError(const QString& title, const QString& message);
    void scheduleUpdate();
    void updateModified();
    void markClean();
    bool save();
    bool saveAs();
    void open();
    void openRecent(const QString& file);
    void checkRecovery();
    void removeAutosave();
    void replacementStarted(int count);
    void replacementFinished(quint64 load, int count);

    ExplorerParts m_parts;
    PinLoader* m_loader = nullptr;
    UserDialogs* m_dialogs = nullptr;
    QPointer<LessonController> m_lessons;
    RecentSessions* m_recent = nullptr;
    QAction* m_new = nullptr;
    QAction* m_open = nullptr;
    QAction* m_save = nullptr;
    QAction* m_saveAs = nullptr;

    QString m_path;               ///< the session file, "" while untitled
    std::optional<State> m_clean; ///< none: modified whatever the state (recovered work)
    bool m_modified = false;
    bool m_cleanBeforePins = false; ///< clean when the replacement's runs arrived
    QByteArray m_lastAutosave;      ///< bytes of the last autosave written
    QTimer* m_stateTimer = nullptr; ///< coalesces change notifications
    QTimer* m_autosaveDelay = nullptr;
    QTimer* m_autosaveTimer = nullptr;
    quint64 m_sessionLoad = 0; ///< the PinLoader load of the last applySession
    int m_pendingCursor = -1;  ///< cursor step to restore once the runs are back
    bool m_pendingPlay = false;
};

} // namespace lrlab
