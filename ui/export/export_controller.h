#pragma once

#include "ui/explorer/explorer_parts.h"

#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QAction;
class QMenu;
class QToolBar;
class QWidget;

namespace lrlab {

struct AnimationOptions;
struct ExportRun;
class UserDialogs;

/// Export of the explorer: each figure ("landscape", "loss", "lr", "dashboard" = all
/// plots) as PNG at a chosen size and scale, SVG or PDF, or to the clipboard; the runs' traces
/// as CSV (the current run, all shown runs in one file, one file per run); the playback of the
/// shown runs as an animated GIF. Offered in File ▸ Export, on a toolbar and in each plot's
/// context menu, with dialogs only while UserDialogs allows them; the *To / copy / Csv methods
/// do the work without a dialog (tests, scripts) and report errors through UserDialogs.
///
/// Runs are deterministic, so CSV and GIF export recompute the shown runs' full traces from
/// their configs (synchronously, under a wait cursor). The actions are children of this object;
/// the figures come from ExplorerParts::figure. Parts and dialogs are not owned and must outlive
/// the controller. GUI thread only.
class ExportController : public QObject
{
    Q_OBJECT
public:
    ExportController(const ExplorerParts& parts, UserDialogs* dialogs, QObject* parent = nullptr);

    /// Adds the Export submenu (object name "exportMenu") to menu (the File menu).
    void addToFileMenu(QMenu* menu);
    /// Adds "Export figure" (the dashboard), "Copy" and "GIF" to bar.
    void addToToolBar(QToolBar* bar);

    /// The widget of figure (ExplorerParts::figure), or null.
    QWidget* figureWidget(const QString& figure) const;
    /// Saves figure to path, its format from the suffix (.png, .svg, .pdf); size in pixels
    /// (invalid: the widget's size), scale: device pixels per pixel (PNG only).
    bool exportFigureTo(const QString& figure, const QString& path, QSize size = QSize(),
                        double scale = 1.0);
    /// Puts figure on the clipboard as an image at the screen's pixel ratio.
    bool copyFigure(const QString& figure);
    /// The current run's trace as CSV (docs/semantics.md §3.1).
    bool exportCurrentRunCsv(const QString& path);
    /// Every shown run (pins, then the current run) in one combined CSV.
    bool exportShownRunsCsv(const QString& path);
    /// One CSV per shown run in directory; returns the files written (empty on error).
    QStringList exportRunCsvFiles(const QString& directory);
    /// What the GIF dialog starts with: the landscape's default size, 15 frames per second, the
    /// whole playback (first step 0, last step -1 = the end of the longest shown run), so the
    /// defaults are valid for any shown runs (toy or model, pins of other lengths).
    AnimationOptions defaultAnimationOptions() const;
    /// The playback of the shown runs on figure as an animated GIF (no dialog; while dialogs
    /// are on, a progress dialog with Cancel that is closed before an error is reported).
    bool exportAnimationTo(const QString& figure, const AnimationOptions& options,
                           const QString& path);

private:
    enum class CsvKind { Current, Combined, PerRun };

    QAction* addAction(const char* name, const QString& text, const QString& tip);
    void addPlotContextMenu(QWidget* plot, const QString& figure);
    void exportFigureDialog(const QString& figure, const QString& format);
    void copyFigureAction(const QString& figure);
    void exportCsvDialog(CsvKind kind);
    void exportGifDialog();
    void showStatus(const QString& text);
    /// Runs write under a wait cursor; an exception is reported as failure with its message
    /// for %1.
    bool exportCsv(const QString& failure, const std::function<void()>& write);
    /// The shown runs with their traces, the current run last (computed when not shown).
    std::vector<ExportRun> shownExportRuns() const;

    ExplorerParts m_parts;
    UserDialogs* m_dialogs = nullptr;
    std::vector<QAction*> m_menuActions; ///< the Export menu's entries; null = a separator
    QAction* m_exportDashboard = nullptr;
    QAction* m_copyDashboard = nullptr;
    QAction* m_exportGif = nullptr;
};

} // namespace lrlab
