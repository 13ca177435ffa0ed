#pragma once

#include <QByteArray>
#include <QMainWindow>
#include <QStringList>

#include <memory>

class QScrollArea;

namespace lrlab {

class AnalysisDocks;
class ComparePainter;
class CurvePlots;
class ExperimentModel;
class ExperimentPanel;
class ExportController;
class HoverTips;
class Landscape3DController;
class LandscapeView;
class LessonController;
class MessageBar;
class PinLoader;
class PinnedRuns;
class PlaybackBar;
class RunController;
class RunStatusBar;
class SessionController;
class StabilityMarks;
class HelpMenu;
class LanguageMenu;
class TextSizeActions;
class ThemeMenu;
class UserDialogs;
class WindowSettings;
struct Session;

/// The explorer window: a shell that builds the menus, the plots' layout and the docks, and
/// connects the parts. The experiment lives in the ExperimentModel; the controls edit it; the
/// RunController runs it in the background; the landscape, curves, stability marks, docks,
/// sessions, export and lessons subscribe to it (ARCHITECTURE in the README). Accessors hand
/// the parts to tests and benchmarks. GUI thread only.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    ExperimentModel* model() const { return m_model; }
    RunController* runs() const { return m_runs; }
    ExperimentPanel* controls() const { return m_controls; }
    LandscapeView* landscapeView() const { return m_landscape; }
    Landscape3DController* landscape3d() const { return m_landscape3d; }
    CurvePlots* curves() const { return m_curves; }
    StabilityMarks* stability() const { return m_stability; }
    AnalysisDocks* docks() const { return m_docks; }
    PinnedRuns* pinnedRuns() const { return m_pins; }
    ComparePainter* comparePainter() const { return m_painter; }
    PlaybackBar* playbackBar() const { return m_playback; }
    MessageBar* messageBar() const { return m_messages; }
    RunStatusBar* statusLine() const { return m_status; }
    SessionController* sessions() const { return m_sessions; }
    ExportController* exporter() const { return m_export; }
    LessonController* lessons() const { return m_lessons; }
    HelpMenu* helpMenu() const { return m_help; }
    ThemeMenu* themeMenu() const { return m_theme; }
    TextSizeActions* textSize() const { return m_textSize; }
    WindowSettings* windowSettings() const { return m_windowSettings; }
    UserDialogs* dialogs() const { return m_dialogs; }
    PinLoader* pinLoader() const { return m_pinLoader; }

    /// What survives a rebuild of the window (a new window taking over from this one): the
    /// session (experiment, pinned runs with their labels, view state), geometry, docks and the
    /// imported runs. The language switch needs none of it: it translates the window in place.
    struct ShellState
    {
        std::shared_ptr<const Session> session;
        QString sessionPath;
        bool sessionModified = false;
        QByteArray geometry;
        QByteArray dockState;
        bool visible = false;
        /// The Runs dock's imported runs (their paths; read again by the new window).
        QStringList importedRuns;
    };
    ShellState shellState() const;
    /// Puts state into this window: geometry, docks, then the session (its pinned runs are
    /// recomputed in the background).
    void restoreShellState(const ShellState& state);

public slots:
    /// Pins the current run (Ctrl+P). A larger model's path is kept with its plane and parameter
    /// snapshots, so it is drawn projected onto the plane the map shows.
    void pinCurrent();
    void clearPins();
    /// Runs the current config at lr ×0.1, ×1 and ×10 in the background and pins all three.
    void runTrio();
    /// The default experiment (Ctrl+R); pins of other problems are kept but hidden.
    void applyDefaultLesson();

signals:
    /// A session or the View menu asked for this language (the LanguageController follows).
    void languageRequested(const QString& language);
    /// The trio's three runs are pinned.
    void trioFinished();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    /// A new text size: the controls column refits its fields. A new language: the texts the
    /// window composes (pin labels, lesson texts) follow it.
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildCentral();
    void buildMenus();
    void connectRuns();
    void connectModel();
    /// The pinned set or the current run changed: redraw the runs on every plot.
    void showRuns();
    /// The controls column as narrow as the current problem's rows allow.
    void fitControlsColumn();
    QWidget* figure(const QString& name) const;

    ExperimentModel* m_model = nullptr;
    PinnedRuns* m_pins = nullptr;
    RunStatusBar* m_status = nullptr;
    MessageBar* m_messages = nullptr;
    RunController* m_runs = nullptr;
    ExperimentPanel* m_controls = nullptr;
    LandscapeView* m_landscape = nullptr;
    Landscape3DController* m_landscape3d = nullptr;
    CurvePlots* m_curves = nullptr;
    StabilityMarks* m_stability = nullptr;
    AnalysisDocks* m_docks = nullptr;
    ComparePainter* m_painter = nullptr;
    HoverTips* m_hoverTips = nullptr;
    PlaybackBar* m_playback = nullptr;
    QWidget* m_plots = nullptr; ///< every plot: the "dashboard" figure
    QScrollArea* m_controlsColumn = nullptr;
    SessionController* m_sessions = nullptr;
    ExportController* m_export = nullptr;
    LessonController* m_lessons = nullptr;
    LanguageMenu* m_language = nullptr;
    ThemeMenu* m_theme = nullptr;
    TextSizeActions* m_textSize = nullptr;
    WindowSettings* m_windowSettings = nullptr;
    HelpMenu* m_help = nullptr;
    UserDialogs* m_dialogs = nullptr;
    PinLoader* m_pinLoader = nullptr;
    bool m_docksSized = false;
    bool m_refitQueued = false;
};

} // namespace lrlab
