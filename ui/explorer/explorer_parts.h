#pragma once

#include <QString>

#include <functional>

class QMainWindow;
class QWidget;

namespace lrlab {

class AnalysisDocks;
class ComparePainter;
class ExperimentModel;
class Landscape3DController;
class MessageBar;
class PinnedRuns;
class PlaybackBar;
class RunStatusBar;

/// The parts of the explorer window that its controllers (sessions, export, lessons, view
/// settings) work with: a narrow interface instead of the window itself. Plain pointers owned
/// by the window; every part outlives the controllers. GUI thread only.
struct ExplorerParts
{
    QMainWindow* window = nullptr;     ///< dialogs' parent; its menu bar, title, close event
    ExperimentModel* model = nullptr;  ///< the current experiment (read it, apply() to it)
    PinnedRuns* pins = nullptr;        ///< pinned runs with their labels; shown() = drawn runs
    PlaybackBar* playback = nullptr;   ///< cursor step, speed, play/pause
    ComparePainter* painter = nullptr; ///< the runs on the plots (for GIF frames)
    AnalysisDocks* docks = nullptr;    ///< active analysis tab by name; showTab()
    RunStatusBar* status = nullptr;    ///< the status line: setStatus(text, alarm)
    MessageBar* messages = nullptr;    ///< the message area above the plots
    Landscape3DController* landscape3d = nullptr; ///< 2-D map / 3-D / both, the 3-D view
    /// The figure widget of "landscape", "loss", "lr", "dashboard", "runs" or "surface3d" (null
    /// for another name).
    std::function<QWidget*(const QString& figure)> figure;
};

} // namespace lrlab
