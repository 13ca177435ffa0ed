#pragma once

#include "core/analysis/curvature.h"
#include "core/analysis/diagnosis.h"
#include "core/config/run_config.h"
#include "core/problems/toy_surface.h"
#include "ui/compare/pinned_runs.h"
#include "ui/compare/run_record.h"
#include "core/analysis/landscape_image.h"
#include "ui/worker/training_thread.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QMainWindow>

#include <atomic>
#include <map>
#include <memory>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPLayer;
class QCPTextElement;
class QCustomPlot;
class QDockWidget;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QMouseEvent;
class QProgressBar;
class QPushButton;
class QShowEvent;
class QSpinBox;
class QToolButton;

namespace lrlab {

class ComparePainter;
class HoverTips;
class LearningRateControl;
class LrFinderView;
class PlaybackBar;
class ScientificSpinBox;
class SweepView;

/// The explorer window: every toy surface and real model of the core in one live window. The
/// landscape (a toy surface's colour map, a two-parameter model's exact (w, b) surface, or the
/// PCA plane of a larger model's trajectory, computed after the run, coarse first), the loss
/// curve (toy: f − f*; models: minibatch, smoothed and validation loss), the validation
/// accuracy, the LR schedule preview; controls for the problem, optimizer, learning rate (with
/// the stable limit 2/λ₁ and the best constant rate 2/(λ₁+λₙ) marked) and schedule; pinned runs
/// compared on every plot with playback; and the analysis docks (LR finder, sweep, diagnosis).
///
/// Every change of a control redraws the schedule preview at once (a pure function) and submits
/// the run to the TrainingThread; model runs stream in as chunks, and results of older
/// generations are dropped. The GUI thread never runs, never computes a grid, a curvature or a
/// range test: those run on the worker, QtConcurrent futures or the views' own futures.
/// Accessors expose the plots and parts to tests and benchmarks.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// The experiment the controls describe right now.
    RunConfig currentConfig() const;
    /// Loads config into the controls (problem, optimizer, schedule, steps, seed…) and runs it.
    void setConfig(const RunConfig& config);

    QCustomPlot* landscapePlot() const { return m_mapPlot; }
    QCustomPlot* lossPlot() const { return m_lossPlot; }
    QCustomPlot* accuracyPlot() const { return m_accuracyPlot; }
    QCustomPlot* schedulePlot() const { return m_lrPlot; }
    QCPColorMap* landscapeMap() const { return m_colorMap; }
    /// The current run's path on the map (null before the first run is shown).
    QCPCurve* trajectoryCurve() const;
    /// The current run's loss graph (toy: f − f*; models: the minibatch loss).
    QCPGraph* lossGraph() const;
    /// Models: the EMA-smoothed minibatch loss, the validation loss, the validation accuracy.
    QCPGraph* smoothedLossGraph() const { return m_smoothGraph; }
    QCPGraph* validationLossGraph() const { return m_validationGraph; }
    QCPGraph* accuracyGraph() const { return m_accuracyGraph; }
    /// The schedule preview (drawn before the run).
    QCPGraph* scheduleGraph() const { return m_lrGraph; }
    LearningRateControl* learningRateControl() const { return m_learningRate; }
    PinnedRuns* pinnedRuns() const { return m_pins; }
    ComparePainter* comparePainter() const { return m_painter; }
    PlaybackBar* playbackBar() const { return m_playback; }
    LrFinderView* lrFinderView() const { return m_finderView; }
    SweepView* sweepView() const { return m_sweepView; }

    /// The current run as shown (null before any): the record the plots draw.
    std::shared_ptr<const RunRecord> currentRecord() const { return m_currentRecord; }

    /// The learning rate marked as the stability limit on the slider: 2/λ₁ at the start point
    /// (or 2(1+β)/λ₁ for SGD with heavy-ball momentum β); +inf without positive curvature; NaN
    /// while a model's curvature is being computed.
    double stableLimit() const { return m_stableLimit; }
    /// The best constant rate 2/(λ₁+λₙ) marked on the slider (NaN when λₙ <= 0 or unknown).
    double bestRate() const { return m_bestRate; }
    /// The last curvature estimate of a model problem shown in the marks (models only).
    const CurvatureEstimate& modelCurvature() const { return m_curvature; }
    /// The text of the run status in the status bar.
    QString runStatusText() const;
    /// The error or warning shown in the message area above the plots (empty when hidden).
    QString messageText() const;
    /// The diagnosis panel's label ("converging", …; empty before a run).
    QString diagnosisName() const;
    /// The throughput shown in the status bar, e.g. "12 300 steps/s".
    QString throughputText() const;
    /// True while a run of the latest setting is in progress.
    bool isBusy() const { return m_busy; }
    /// Config name of the surface (toy) or problem key (model) the map shows (empty before).
    std::string displayedLandscape() const { return m_shownLandscape; }
    /// Generation of the last request submitted to the worker.
    quint64 submittedGeneration() const { return m_submitted; }
    /// Generation of the run the plots show (0 before any).
    quint64 displayedGeneration() const { return m_displayed; }

public slots:
    /// Pins the current run (Ctrl+P).
    void pinCurrent();
    /// Removes every pin.
    void clearPins();
    /// Runs the current config at lr ×0.1, ×1 and ×10 in the background and pins all three.
    void runTrio();

signals:
    /// The final result of this generation has been put into the plots (replot queued).
    void runDisplayed(quint64 generation);
    /// A chunk of a streaming model run was added (rows shown so far).
    void chunkDisplayed(quint64 generation, int rows);
    /// A toy landscape has been put into the colour map (replot queued).
    void landscapeDisplayed(const QString& surface);
    /// A model landscape grid of this generation is on the map (final: the refined one).
    void modelLandscapeDisplayed(quint64 generation, bool final);
    /// The trio's three runs are pinned.
    void trioFinished();
    /// A model curvature estimate arrived and the LR marks show it.
    void curvatureDisplayed();
    /// A failure message was put into the message area.
    void messageShown(const QString& text);

protected:
    void showEvent(QShowEvent* event) override;

private:
    /// The current streaming model run, accumulated from chunks (GUI thread).
    struct Stream
    {
        quint64 generation = 0;
        RunConfig config;
        std::vector<double> learningRate, loss, smoothed, x, y;
        std::vector<int> evalRows;
        std::vector<double> trainLoss, validationLoss, validationAccuracy;
        double ema = 0.0;
        double elapsedMs = 0.0;
    };
    struct TrioJob
    {
        std::shared_ptr<CancelFlag> cancel;
        QFuture<void> future;
    };
    struct CurvatureJob
    {
        std::string key;
        std::shared_ptr<CancelFlag> cancel;
        QFuture<void> future;
    };

    QWidget* buildPlots();
    QWidget* buildControls();
    void buildDocks();
    void buildMenus();
    void buildStatusBar();
    void applyDefaultLesson();

    void problemChanged();
    void datasetChanged();
    void optimizerChanged();
    void decayChanged();
    void stepsChanged();
    void updateVisibleRows();
    void refreshFeatures();
    void openCsv();
    bool currentIsModel() const;
    /// Any setting changed: preview the schedule, update the stability marks, submit.
    void settingsChanged();
    void updateSchedulePreview(const RunConfig& config);
    void updateStability(const RunConfig& config);
    void showModelStability(const RunConfig& config);
    void requestCurvature(const RunConfig& config, const std::string& key);
    void updateSurfaceMarkers();

    void showLandscape(const LandscapeImage& image);
    void showRun(quint64 generation, const RunResult& result);
    void showChunk(const ModelChunk& chunk);
    void showModelRun(quint64 generation, const ModelRunResult& result);
    void showModelLandscape(quint64 generation, const ModelLandscape& landscape);
    void showLandscapeProgress(quint64 generation, int done, int total);
    void showFailure(quint64 generation, const QString& message);
    /// Puts record on the plots as the current run.
    void setCurrentRecord(const RunRecord& record);
    void pinsChanged();
    void restyleCurrent();
    void rescaleLossAxis();
    void rescaleLearningRateAxis();
    void updateModelCurves(bool all);
    void updateDiagnosis(const LossHistory& history);
    void setStartFromMap(QMouseEvent* event);
    void setRunStatus(const QString& text, bool alarm);
    void showMessage(const QString& text);
    void clearMessage();
    void setBusy(bool busy);
    void prepareMapForModel(const RunConfig& config);
    /// Queues a redraw of the path layer only (trajectory and markers), which leaves the
    /// colour map's buffer alone: a new run costs a curve, not a 256² image rescale.
    void replotPath();

    std::unique_ptr<TrainingThread> m_worker;
    std::unique_ptr<ToySurface> m_surface;  ///< current toy surface (null for models)
    quint64 m_submitted = 0;
    quint64 m_displayed = 0;
    bool m_updating = false;  ///< suppresses settingsChanged() during programmatic updates
    bool m_busy = false;
    bool m_docksSized = false;
    bool m_featuresLoading = false;
    double m_stableLimit = 0.0;
    double m_bestRate = 0.0;
    LandscapeImage m_lastLandscape;  ///< the worker's last toy landscape (it skips repeats)
    std::string m_shownLandscape;
    std::string m_shownModelKey;     ///< problem key of a shown axes-plane model landscape
    bool m_modelMapValid = false;    ///< the map shows the current problem's (w, b) surface
    Stream m_stream;
    std::shared_ptr<const RunRecord> m_currentRecord;
    ModelRunResult m_lastModelRun;   ///< the last finished model run (for its projected path)
    bool m_lastModelRunValid = false;
    QElapsedTimer m_submitClock;
    RunConfig m_submittedConfig;     ///< the config of generation m_submitted

    // Curvature of model problems: cached per problem key, one job at a time.
    std::map<std::string, CurvatureEstimate> m_curvatureCache;
    std::vector<CurvatureJob> m_curvatureJobs;
    CurvatureEstimate m_curvature;
    std::string m_curvatureKey;  ///< the key the controls need now
    // The trio.
    std::vector<TrioJob> m_trioJobs;
    quint64 m_trioGeneration = 0;

    // Compare and play back.
    PinnedRuns* m_pins = nullptr;
    ComparePainter* m_painter = nullptr;
    HoverTips* m_hoverTips = nullptr;
    PlaybackBar* m_playback = nullptr;

    // Plots.
    QCustomPlot* m_mapPlot = nullptr;
    QCPTextElement* m_mapTitle = nullptr;
    QCPColorMap* m_colorMap = nullptr;
    QCPColorScale* m_colorScale = nullptr;
    QCPGraph* m_startMarker = nullptr;
    QCPGraph* m_minimaMarker = nullptr;
    QCPItemText* m_mapNote = nullptr;
    QCPItemText* m_mapInfo = nullptr;
    QCPLayer* m_pathLayer = nullptr;
    bool m_pathReplotQueued = false;
    QCustomPlot* m_lossPlot = nullptr;
    QCPTextElement* m_lossTitle = nullptr;
    QCPGraph* m_smoothGraph = nullptr;
    QCPGraph* m_validationGraph = nullptr;
    QCPItemStraightLine* m_divergenceLine = nullptr;
    QCPItemText* m_divergenceText = nullptr;
    QCustomPlot* m_accuracyPlot = nullptr;
    QCPGraph* m_accuracyGraph = nullptr;
    QCustomPlot* m_lrPlot = nullptr;
    QCPGraph* m_lrGraph = nullptr;
    QCPItemStraightLine* m_lrLimitLine = nullptr;
    QCPItemText* m_lrLimitText = nullptr;
    QLabel* m_messageLabel = nullptr;
    QWidget* m_messageBar = nullptr;

    // Analysis docks.
    LrFinderView* m_finderView = nullptr;
    SweepView* m_sweepView = nullptr;
    QLabel* m_diagnosisLabel = nullptr;
    QLabel* m_diagnosisAdvice = nullptr;
    QLabel* m_diagnosisEvidence = nullptr;
    QString m_diagnosisName;
    QDockWidget* m_diagnosisDock = nullptr;
    QDockWidget* m_finderDock = nullptr;
    QDockWidget* m_sweepDock = nullptr;

    // Controls.
    QComboBox* m_problemCombo = nullptr;
    QFormLayout* m_problemForm = nullptr;
    QWidget* m_startRow = nullptr;
    QDoubleSpinBox* m_startX = nullptr;
    QDoubleSpinBox* m_startY = nullptr;
    QDoubleSpinBox* m_noise = nullptr;
    QComboBox* m_datasetCombo = nullptr;
    QComboBox* m_featureCombo = nullptr;
    QLineEdit* m_hidden = nullptr;
    QComboBox* m_activation = nullptr;
    QSpinBox* m_batchSize = nullptr;
    QDoubleSpinBox* m_valFraction = nullptr;
    QSpinBox* m_evalEvery = nullptr;
    QSpinBox* m_seed = nullptr;
    QComboBox* m_optimizerCombo = nullptr;
    QFormLayout* m_optimizerForm = nullptr;
    QDoubleSpinBox* m_momentum = nullptr;
    QCheckBox* m_nesterov = nullptr;
    QDoubleSpinBox* m_alpha = nullptr;
    ScientificSpinBox* m_eps = nullptr;
    QDoubleSpinBox* m_beta1 = nullptr;
    QDoubleSpinBox* m_beta2 = nullptr;
    QDoubleSpinBox* m_weightDecay = nullptr;
    QSpinBox* m_blockSize = nullptr;
    LearningRateControl* m_learningRate = nullptr;
    QSpinBox* m_steps = nullptr;
    QSpinBox* m_warmupSteps = nullptr;
    QDoubleSpinBox* m_warmupStartFactor = nullptr;
    QComboBox* m_decayCombo = nullptr;
    QFormLayout* m_scheduleForm = nullptr;
    QDoubleSpinBox* m_gamma = nullptr;
    QSpinBox* m_stepSize = nullptr;
    QSpinBox* m_stepsPerEpoch = nullptr;
    QSpinBox* m_t0 = nullptr;
    QSpinBox* m_tMult = nullptr;
    QDoubleSpinBox* m_power = nullptr;
    QDoubleSpinBox* m_timescale = nullptr;
    QDoubleSpinBox* m_pctStart = nullptr;
    QDoubleSpinBox* m_divFactor = nullptr;
    QDoubleSpinBox* m_finalDivFactor = nullptr;
    QDoubleSpinBox* m_decayFraction = nullptr;
    QComboBox* m_shape = nullptr;
    ScientificSpinBox* m_minLr = nullptr;
    QPushButton* m_pinButton = nullptr;
    QPushButton* m_clearPinsButton = nullptr;
    QPushButton* m_trioButton = nullptr;
    QLabel* m_pinCountLabel = nullptr;

    // Status bar.
    QLabel* m_statusLabel = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QProgressBar* m_landscapeBar = nullptr;
    QLabel* m_throughputLabel = nullptr;
    QLabel* m_timingLabel = nullptr;

    // --- part A: sessions, export, lessons
    // Implemented in ui/main_window_session.cpp, main_window_export.cpp and
    // main_window_lessons.cpp; their state lives in PartA (ui/main_window_part_a.h). Types are
    // named with elaborated specifiers (struct Session, …) so this header needs no includes.
public:
    /// How the unsaved-changes question is answered while modal dialogs are off (tests).
    enum class UnsavedAnswer
    {
        Save,
        Discard,
        Cancel
    };

    /// The window as a session: the current config, the pinned configs with their shown
    /// labels, the view state (tab, cursor_step, speed, playing, plane, lesson) and the
    /// language ("" = follow the system).
    struct Session captureSession() const;
    /// Reads path completely (strict, all-or-nothing) and only then replaces the window's
    /// state; the pinned runs are recomputed in the background, then sessionLoaded(path).
    /// On error nothing changes and errorShown() carries the message (file and key).
    bool openSessionFile(const QString& path);
    /// Writes the session to path atomically; path becomes the current file (title, recent
    /// list). Returns false (and errorShown) when writing fails.
    bool saveSessionFile(const QString& path);
    /// Replaces the window's state with session (config, pins, view); no prompt.
    void applySession(const struct Session& session);
    /// File ▸ New: the default experiment, no pins, no file (asks about unsaved changes).
    void newSession();
    /// The current session file ("" when untitled).
    QString sessionPath() const;
    /// Takes over a file name and modified flag, e.g. after applySession() in a rebuilt
    /// window: path becomes the title's file; modified = false makes the state applied now
    /// (with the pins still being recomputed) the saved state.
    void setSessionFile(const QString& path, bool modified);
    /// True when the config or the pins differ from the last save, open or new.
    bool isSessionModified() const;
    /// The recent session files, newest first (QSettings "recentSessions", at most 8).
    QStringList recentSessions() const;
    /// AppDataLocation/autosave.lrlab.json: written (atomically) while there are unsaved
    /// changes, every 60 s and shortly after each change; removed on a clean exit.
    QString autosavePath() const;
    /// Loads the autosave file as an unsaved session; false when there is none or it is broken.
    bool recoverAutosave();
    /// Writes the autosave file now (normally the timers do); false when nothing to save.
    bool writeAutosave();
    /// Test hook: with enabled = false no modal dialog opens (errors only go to errorShown,
    /// the unsaved-changes question gets answer, no recovery question, no file dialogs).
    void setModalDialogsEnabled(bool enabled, UnsavedAnswer answer = UnsavedAnswer::Discard);

    /// The figure widget of a name of figureKindName ("landscape", "loss", "lr", "dashboard").
    QWidget* figureWidget(const QString& figure) const;
    /// Saves figure to path as PNG, SVG or PDF (by the suffix) at size (invalid = on-screen
    /// size) and, for PNG, scale. False (and errorShown) on error.
    bool exportFigureTo(const QString& figure, const QString& path, QSize size = QSize(),
                        double scale = 1.0);
    /// Copies figure as an image to the clipboard.
    bool copyFigure(const QString& figure);
    /// The current run's trace as CSV (DESIGN.md §3).
    bool exportCurrentRunCsv(const QString& path);
    /// Every shown run (pins, then the current run) in one combined CSV.
    bool exportShownRunsCsv(const QString& path);
    /// One CSV per shown run in directory; returns the files written (empty on error).
    QStringList exportRunCsvFiles(const QString& directory);
    /// The playback of the shown runs on figure as an animated GIF (no dialog).
    bool exportAnimationTo(const QString& figure, const struct AnimationOptions& options,
                           const QString& path);

    /// The lessons of the lessons directory, in menu order.
    const std::vector<struct Lesson>& lessons() const;
    /// Opens lesson: its config in the controls, its compare runs pinned with the lesson's
    /// labels (computed in the background, then lessonLoaded), its view (e.g. the LR finder
    /// for view.tab == "lr_finder") and its title and text in the lesson panel above the
    /// plots. No prompt: the start page and the Lessons menu call it.
    void loadLesson(const struct Lesson& lesson);
    /// loadLesson of the lesson with this id; false when there is none.
    bool loadLessonById(const QString& id);
    /// The language lesson texts are shown in (the "language" setting, else the locale).
    QString lessonLanguage() const;
    /// The dismissible lesson panel above the plots and its text (title, blank line, text).
    QWidget* lessonPanel() const;
    QString lessonPanelText() const;
    /// The runs the plots show, with session and lesson labels in place of the automatic ones.
    std::vector<ShownRun> shownRuns() const;

signals:
    /// An error was reported (also shown in a message box while modal dialogs are on).
    void errorShown(const QString& message);
    /// A session was applied and its pinned runs are back.
    void sessionLoaded(const QString& path);
    void sessionSaved(const QString& path);
    void autosaveWritten(const QString& path);
    /// A lesson's runs are pinned and its view is applied.
    void lessonLoaded(const QString& id);
    /// A session asked for this language (part B's language switch may follow it).
    void languageRequested(const QString& language);

private:
    struct PartA;
    void setupSessionExportLessons();
    /// Toy surface parameters of the loaded config (the controls have no fields for them).
    std::map<std::string, double> surfaceParameters(const std::string& type) const;
    void rememberSurfaceParameters(const ProblemSpec& problem);
    std::shared_ptr<PartA> m_partA;
    // --- end part A

    // --- part B: language, theme, settings, start page
    // Implemented in ui/main_window_shell.cpp (with ui/theme.h, ui/language.h and
    // ui/views/start_page.h); initShell() runs at the end of the constructor's building.
public:
    /// What survives a rebuild of the window (LanguageController's language switch): the
    /// session (experiment, pinned runs with their labels, view state), geometry and docks.
    struct ShellState
    {
        std::shared_ptr<const struct Session> session;
        QByteArray geometry;
        QByteArray dockState;
        bool visible = false;
    };
    ShellState shellState() const;
    /// Puts state into this window: geometry, docks, then the session (applySession; its
    /// pinned runs are recomputed in the background).
    void restoreShellState(const ShellState& state);
    /// Stores geometry and dock layout in QSettings ("lrlab"/"lrlab": windowGeometry,
    /// windowState).
    void saveWindowSettings() const;
    /// Restores them; false when none are stored or they do not apply.
    bool restoreWindowSettings();
    /// View ▸ Theme: the dark or light palette and plot colours (stored as "theme").
    void setDarkTheme(bool dark);
    /// View ▸ Larger / Smaller / Normal text: application and plot fonts ×1.15 per step
    /// (stored as "fontScale").
    void largerText();
    void smallerText();
    void normalText();
    /// Help ▸ Start page: the lessons as large buttons, and "Explore freely".
    void showStartPage();
    /// The start page while its dialog exists (null before the first showStartPage()).
    class StartPage* startPage() const;
    /// The Fine-tuning analysis dock (issue 6) and its view.
    class FineTuneView* fineTuneView() const { return m_fineTuneView; }
    QDockWidget* fineTuneDock() const { return m_fineTuneDock; }

private:
    void initShell();
    void buildShellMenus();
    void addMissingTooltips();
    void setAccessibleNames();
    class FineTuneView* m_fineTuneView = nullptr;
    QDockWidget* m_fineTuneDock = nullptr;
    QWidget* m_startDialog = nullptr;  ///< the start page's dialog
    class StartPage* m_startPage = nullptr;
    // --- end part B
};

}  // namespace lrlab
