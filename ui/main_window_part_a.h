#pragma once

// Private to the MainWindow sources of part A (sessions, export, lessons): the state behind
// the "part A" block of ui/main_window.h. Not for other users of the window.

#include "core/config/lesson.h"
#include "core/config/session.h"
#include "core/engine/run_status.h"
#include "ui/export/export_run.h"
#include "ui/main_window.h"

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

class QAction;
class QLabel;
class QMenu;
class QTimer;
class QToolBar;

namespace lrlab {

/// The labelled configs of runs to pin: (label, config); an empty label keeps the automatic one.
using LabelledConfigs = std::vector<std::pair<QString, RunConfig>>;

/// State and helpers of part A. A nested type, so it reaches the window's private parts; the
/// window holds it in m_partA. GUI thread only (the pin jobs run configs on QtConcurrent and
/// report back with queued calls).
struct MainWindow::PartA
{
    explicit PartA(MainWindow& window);
    /// Raises and waits for the pin jobs; removes the autosave file (a clean exit).
    ~PartA();
    PartA(const PartA&) = delete;
    PartA& operator=(const PartA&) = delete;

    MainWindow& w;

    // Errors and dialogs.
    bool dialogs = true;
    UnsavedAnswer answer = UnsavedAnswer::Discard;
    /// errorShown(message); a warning box too while dialogs are on.
    void reportError(const QString& title, const QString& message);
    /// Part A's actions by object name (they outlive menu rebuilds: children of the window).
    std::map<QString, QAction*> actions;
    /// Puts part A's actions into the File and Lesson menus unless they are there already (the
    /// window may rebuild its menu bar, e.g. on a language change).
    void installMenus();
    /// Sets every user-visible text of part A in the current language.
    void retranslate();

    // Sessions (main_window_session.cpp).
    QString path;               ///< current session file, "" when untitled
    QJsonObject cleanState;     ///< stateJson() at the last save / open / new
    QByteArray lastAutosave;    ///< bytes of the last autosave written
    bool modified = false;
    QTimer* stateTimer = nullptr;     ///< coalesces change notifications
    QTimer* autosaveDebounce = nullptr;
    QTimer* autosaveTimer = nullptr;  ///< every 60 s
    QMenu* recentMenu = nullptr;
    QString activeTab = QStringLiteral("explorer");
    int pendingCursor = -1;     ///< cursor step to restore once the runs are back
    bool pendingPlay = false;
    std::string parameterType;  ///< the toy surface the parameters below belong to
    std::map<std::string, double> parameters;

    void setupSessions();
    /// The saved part of a session that decides "modified": current config and pinned runs.
    QJsonObject stateJson() const;
    void stateChanged();
    void updateModified();
    void updateTitle();
    /// Asks about unsaved changes; true when the caller may go on (saved or discarded).
    bool confirmDiscard();
    bool save();
    bool saveAs();
    void open();
    void addRecent(const QString& file);
    void rebuildRecentMenu();
    void openRecent(const QString& file);
    void checkRecovery();
    void removeAutosave();
    void applyView(const QJsonObject& view);
    QString viewTab() const;

    // Pinned runs with their own labels.
    std::map<int, QString> labels;  ///< pin id -> label shown instead of the automatic one
    struct PinJob
    {
        quint64 generation = 0;
        std::shared_ptr<CancelFlag> cancel;
        QFuture<void> future;
    };
    std::vector<PinJob> pinJobs;
    quint64 pinGeneration = 0;
    bool restoring = false;
    std::vector<PinnedConfig> pendingPins;  ///< what the pins will be once the job is done
    /// Replaces the pins with runs of configs, computed in the background the way the trio
    /// computes its runs; then calls done on the GUI thread. A newer call abandons an older one.
    void pinInBackground(const LabelledConfigs& configs, std::function<void()> done);

    // Export (main_window_export.cpp).
    QToolBar* toolBar = nullptr;
    QMenu* exportMenu = nullptr;
    void setupExport();
    QWidget* figure(const QString& name) const;
    void exportFigureDialog(const QString& figureName, const QString& format);
    void copyFigureAction(const QString& figureName);
    void exportCsvDialog(int mode);
    void exportGifDialog();
    void addPlotContextMenu(QWidget* plot, const QString& figureName);
    /// The shown runs with their traces (runs are deterministic: recomputed from the configs).
    std::vector<ExportRun> shownExportRuns() const;

    // Lessons (main_window_lessons.cpp).
    std::vector<Lesson> lessons;
    QMenu* lessonMenu = nullptr;
    std::vector<QAction*> lessonActions;
    QString lessonId;  ///< the lesson the panel shows, "" when none
    QWidget* panel = nullptr;
    QLabel* panelTitle = nullptr;
    QLabel* panelText = nullptr;
    void setupLessons();
    void rebuildLessonMenu();
    void showLessonPanel(const Lesson& lesson);
    void hideLessonPanel();
    const Lesson* findLesson(const QString& id) const;
};

}  // namespace lrlab
