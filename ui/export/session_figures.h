#pragma once

#include "core/config/session.h"
#include "core/engine/run_status.h"
#include "ui/export/export_run.h"

#include <QJsonObject>
#include <QObject>
#include <QSize>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

class QCustomPlot;
class QWidget;

namespace lrlab {

/// The figures the window shows and `lrlab export` writes.
enum class FigureKind {
    Landscape,    ///< the loss landscape with every run's path
    Loss,         ///< loss against step (log scale)
    LearningRate, ///< LR against step
    Dashboard     ///< the three side by side
};

/// "landscape", "loss", "lr", "dashboard".
QString figureKindName(FigureKind kind);
/// The kind of a name above, or nullopt.
std::optional<FigureKind> figureKindFromName(const QString& name);

/// Settings of SessionFigures.
struct SessionFigureOptions
{
    int toyGrid = 200;  ///< toy landscape: cells per side (the window's resolution)
    int modelGrid = 41; ///< model plane: cells per side (each cell is a full-split loss)
    int threads = 0;    ///< landscape workers; 0 = every core
    const CancelFlag* cancel = nullptr;
};

/// The window's figures built from a Session without a window: runs every config (runs are
/// deterministic, so these are the window's traces) and draws, with plain QCustomPlot calls,
/// - landscape: the current run's surface (toy: its view box, log₁₀(f − f* + ε) in viridis
///   bands; models: the plane of view.plane, default axes for two-parameter models, else pca,
///   interpolated, with the window's translated axis titles)
///   with the path of every run on that same problem, start point, end diamonds and minima;
/// - loss: each run's loss (toy: f − f*) against step, log scale; for a current model run, as
///   the window, also the minibatch loss's moving average, the validation loss and (classifiers)
///   the validation accuracy on the right axis;
/// - lr: each run's learning rate against step;
/// - dashboard: a widget holding the three side by side (renderFigure draws it whole).
/// Colours: pinned runs take the Okabe–Ito palette in pin order; the current run is drawn
/// wider, in dark grey (or orange when it is alone, as in the window). The figures start
/// complete, with the playback cursor at view.cursor_step when the session has one.
/// The plots are hidden widgets owned by this object. GUI thread only; QApplication needed.
class SessionFigures : public QObject
{
    Q_OBJECT
public:
    /// Runs and draws. Throws what the runs throw (std::invalid_argument, DatasetError) and
    /// std::runtime_error when cancelled.
    explicit SessionFigures(const Session& session, const SessionFigureOptions& options = {});
    /// Draws already computed runs (e.g. the window's own); view as in Session::view.
    SessionFigures(std::vector<ExportRun> runs, const QJsonObject& view,
                   const SessionFigureOptions& options = {});
    ~SessionFigures() override;

    QCustomPlot* landscape() const { return m_landscape; }
    QCustomPlot* loss() const { return m_loss; }
    QCustomPlot* learningRate() const { return m_lr; }
    QWidget* dashboard() const { return m_dashboard.get(); }
    /// The widget of kind (a QCustomPlot, or the dashboard).
    QWidget* figure(FigureKind kind) const;
    /// The size a figure is exported at when none is asked for.
    static QSize defaultSize(FigureKind kind);

    /// The runs drawn: pinned in pin order, the current run last.
    const std::vector<ExportRun>& runs() const { return m_runs; }
    /// The largest step any run reaches (its last row, or a model path's final point at row
    /// rows()), as the window's playback; the end of an animation.
    int maximumStep() const;
    /// Why the landscape shows no map (e.g. a diverged model run has no pca plane), or "".
    QString landscapeNote() const { return m_note; }

    /// The playback at step: paths and loss curves up to step, markers at step, a cursor line
    /// on the loss and LR plots. Axis ranges stay those of the complete runs, so animation
    /// frames do not jump.
    void setCursorStep(int step);
    /// Complete paths and curves, no cursor.
    void showComplete();

private:
    struct Drawn;

    void build(const QJsonObject& view);
    void buildLandscape(const QJsonObject& view);
    void buildToyLandscape();
    void buildModelLandscape(const QJsonObject& view);
    void buildCurves();
    void addModelCurves(Drawn& drawn);
    void setNote(const QString& note);
    void showUpTo(int step, bool cursor);

    SessionFigureOptions m_options;
    std::vector<ExportRun> m_runs;
    std::vector<std::unique_ptr<Drawn>> m_drawn;
    std::unique_ptr<QWidget> m_dashboard;
    QCustomPlot* m_landscape = nullptr;
    QCustomPlot* m_loss = nullptr;
    QCustomPlot* m_lr = nullptr;
    QString m_note;
    bool m_lossIsGap = true; ///< toy current run: the loss plot shows f − f*
};

} // namespace lrlab
