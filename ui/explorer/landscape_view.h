#pragma once

#include "ui/experiment_model.h"
#include "ui/worker/training_thread.h"

#include <QObject>

#include <string>

class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QCPItemText;
class QCPLayer;
class QCPTextElement;
class QCustomPlot;
class QMouseEvent;

namespace lrlab {

class HoverTips;
struct RunRecord;

/// The title of axis (0 = α, 1 = β) of a model landscape in the installed language: for the
/// pca plane "PC1 (83.2 % of variance)" with the percentage formatted here (one decimal), for
/// the random plane "random direction 1 (filter-normalized)", else the core's label ("w", "b").
QString modelAxisTitle(const ModelLandscape& landscape, int axis);

/// The note of a landscape measured on a subset of the training rows, e.g. "loss on 4096 of
/// 48000 training rows; max |Δ| 0.003 vs the full split at 5×5 check points" (or "checking …"
/// before the check points are measured); empty when the map uses every row.
QString landscapeSubsetNote(const ModelLandscape& landscape);

/// The landscape plot of the explorer: a toy surface's log-loss colour map with contour bands,
/// a two-parameter model's exact (w, b) surface, or the PCA plane of a larger model's run
/// (computed after the run, coarse first); the start and the global minima marked; notes for a
/// divergence or a missing landscape. Paths and markers live on a buffered "path" layer above
/// the map, so a new run repaints a curve, not a 256² image. Clicking or dragging on a toy map
/// moves the start point in the model. GUI thread only; the plot belongs to the caller's layout.
class LandscapeView : public QObject
{
    Q_OBJECT
public:
    LandscapeView(ExperimentModel* model, QWidget* parent);

    QCustomPlot* plot() const { return m_plot; }
    QCPColorMap* colorMap() const { return m_colorMap; }
    /// The note on the map of a subset model landscape (hidden otherwise).
    QCPItemText* subsetNote() const { return m_subsetNote; }
    /// Config name of the surface (toy) or problem key (model) the map shows (empty before).
    const std::string& displayedLandscape() const { return m_shown; }
    /// The hover tips whose map readout follows the current toy surface.
    void setHoverTips(HoverTips* tips) { m_hoverTips = tips; }

    /// A run of config was submitted: titles, axes and markers for it; the map is kept while
    /// the problem is unchanged.
    void prepare(const RunConfig& config, ConfigChanges what);
    void showToyLandscape(const LandscapeImage& image);
    /// A model run's landscape of generation; run labels the (w, b) title (dataset, feature).
    void showModelLandscape(quint64 generation, const ModelLandscape& landscape,
                            const ModelRunResult& run);
    /// A two-parameter model's (w, b) path before its surface exists: the view follows it.
    void followPath(const RunRecord& record);
    /// "diverged at step k" on the map (−1 hides it).
    void showDivergence(int step);
    void showNote(const QString& note);
    /// Queues a redraw of the path layer only (trajectory and markers).
    void replotPath();

signals:
    /// A toy landscape is on the map (replot queued).
    void landscapeDisplayed(const QString& surface);
    /// A model landscape of generation is on the map (final: the refined grid; coarser grids
    /// arrive first, and a subset's final map again once its error is measured).
    void modelLandscapeDisplayed(quint64 generation, bool final);

private:
    void build();
    void prepareToy(const RunConfig& config);
    void prepareModel(const RunConfig& config);
    void putImage(const LandscapeImage& image, bool interpolate);
    /// Puts the start marker at config's start; true when it moved.
    bool setStartMarker(const RunConfig& config);
    void setStartFromMap(QMouseEvent* event);

    ExperimentModel* m_model;
    HoverTips* m_hoverTips = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    QCPColorMap* m_colorMap = nullptr;
    QCPColorScale* m_colorScale = nullptr;
    QCPGraph* m_startMarker = nullptr;
    QCPGraph* m_minimaMarker = nullptr;
    QCPItemText* m_note = nullptr;
    QCPItemText* m_info = nullptr;
    QCPItemText* m_subsetNote = nullptr; ///< rows of a subset model landscape and its error
    QCPLayer* m_pathLayer = nullptr;
    bool m_pathReplotQueued = false;
    LandscapeImage m_lastToy; ///< the worker's last toy landscape (it skips repeats)
    std::string m_shown;
    std::string m_shownModelKey; ///< problem key of a shown (w, b) model landscape
    bool m_modelMapValid = false;
};

} // namespace lrlab
