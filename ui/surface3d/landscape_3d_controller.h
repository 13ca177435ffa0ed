#pragma once

#include "ui/surface3d/surface3d_view.h"

#include <QObject>
#include <QString>

#include <optional>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;
class QSplitter;
class QToolBar;

namespace lrlab {

class ExperimentModel;
class PlaybackBar;
class RunController;
struct ModelLandscape;

/// Which landscape the explorer shows.
enum class LandscapeMode {
    Map,     ///< the 2-D colour map (the default)
    Surface, ///< the 3-D surface
    Both     ///< the two side by side
};

/// "2d", "3d" or "both": the value of "landscape" in a session's or a lesson's view.
QString landscapeModeName(LandscapeMode mode);
/// The mode of a name above, or nullopt.
std::optional<LandscapeMode> landscapeModeFromName(const QString& name);

/// The explorer's 3-D landscape: a Surface3DView next to the 2-D map in the plots splitter, fed
/// from the same sources as the map (the worker's toy and model landscapes, the shown runs, the
/// playback cursor), and a "Landscape" tool bar and menu: 2-D / 3-D / side by side
/// (Ctrl+1/2/3), camera presets (Alt+1/2/3), height as log-loss or loss, follow the ball. The
/// surface data changes only when a new landscape arrives; new runs move paths and balls only.
/// Without OpenGL the 3-D choices are disabled with a tooltip that says why and the map stays.
/// GUI thread only.
class Landscape3DController : public QObject
{
    Q_OBJECT
public:
    /// map is the 2-D map's widget in plots; the 3-D view goes next to it.
    Landscape3DController(ExperimentModel* model, PinnedRuns* pins, PlaybackBar* playback,
                          RunController* runs, QWidget* map, QSplitter* plots,
                          QObject* parent = nullptr);

    Surface3DView* view() const { return m_view; }
    LandscapeMode mode() const { return m_mode; }
    /// Shows mode; a 3-D mode without OpenGL keeps the map and returns false.
    bool setMode(LandscapeMode mode);
    /// The tool bar (added to the window by the caller) and the View menu's entries.
    QToolBar* toolBar() const { return m_toolBar; }
    void addToMenu(QMenu* menu);
    /// The action of mode (tests, accessibility).
    QAction* modeAction(LandscapeMode mode) const;

signals:
    void modeChanged(lrlab::LandscapeMode mode);

private:
    /// Splits the plots row's width between the shown landscape views and the curves.
    void shareWidth();
    void buildActions();
    void showModelLandscape(const ModelLandscape& landscape);
    /// The worker's last toy landscape when it is the current surface's; false otherwise.
    bool showToyLandscape();
    void updateEnabled();

    ExperimentModel* m_model;
    PinnedRuns* m_pins;
    PlaybackBar* m_playback;
    RunController* m_runs;
    QWidget* m_map;
    QSplitter* m_plots;
    Surface3DView* m_view = nullptr;
    QToolBar* m_toolBar = nullptr;
    QActionGroup* m_modes = nullptr;
    QList<QAction*> m_viewActions; ///< cameras, height, follow: only with the 3-D view shown
    QAction* m_follow = nullptr;
    QAction* m_logHeight = nullptr;
    LandscapeMode m_mode = LandscapeMode::Map;
    LandscapeImage m_lastToy; ///< the worker's last toy landscape (it skips repeats)
};

} // namespace lrlab
