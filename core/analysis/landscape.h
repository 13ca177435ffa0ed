#pragma once

#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/engine/run_status.h"
#include "core/engine/toy_run.h"
#include "core/problems/problem.h"
#include "core/problems/toy_surface.h"

#include <Eigen/Core>

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace lrlab {

/// How the two grid axes are chosen (docs/semantics.md §3.1, `surface --plane`).
enum class LandscapePlane {
    Axes,  ///< the raw parameters: (x, y) of a toy surface, (w, b) of linreg/logreg
    Pca,   ///< the top two principal directions of the trajectory around the final parameters
    Random ///< two filter-normalized random directions (Li et al., 2018)
};

/// "axes", "pca" or "random".
std::string landscapePlaneName(LandscapePlane plane);
/// The plane of a name; throws std::invalid_argument ("plane: unknown ...") otherwise.
LandscapePlane parseLandscapePlane(const std::string& name);

/// The largest grid side any landscape function accepts (a 2048² grid is 4M cells).
constexpr int kMaxLandscapeGrid = 2048;

/// Settings of a grid computation. The grid is computed by the one parallel engine
/// (parallelFor); every cell is computed the same way on any worker, so the losses are
/// bit-identical for any thread count.
struct LandscapeOptions
{
    int threads = 0;                    ///< worker threads; 0 = every core
    const CancelFlag* cancel = nullptr; ///< raised by the owner to abandon the grid
    /// Called from worker threads with (done, total) grid cells (toy grids: rows): keep it cheap.
    std::function<void(int done, int total)> progress;
    /// Margin added on each side of the trajectory's bounding box (axes of two-parameter models
    /// and pca), as a fraction of its extent.
    double margin = 0.25;
    std::uint64_t seed = 1; ///< random plane: the directions come from Rng(seed, kStreamDirections)
    /// Model grids: evaluate on at most this many training rows, spread evenly over the split
    /// (landscapeRows); 0 = the whole split. Cross-entropy models only (others use every row).
    int maxRows = 0;
    /// Model grids: compute the first layer from its projections on the plane (a cell then costs
    /// the later layers only; equal to the exact evaluation up to float rounding,
    /// FirstLayerMode::Projected, as the explorer's maps are made).
    bool projectFirstLayer = false;
};

/// A plane through a model's parameter space: the parameters at plane point (α, β) are
/// origin + α·direction1 + β·direction2, rounded once to float. For pca and random the origin is
/// the centre θ_c (the run's final parameters), so (0, 0) is θ_c; for axes the origin is 0 and
/// the directions are e_w, e_b, so (α, β) are the raw (w, b). Immutable value, cheap to share.
struct ModelPlane
{
    LandscapePlane type = LandscapePlane::Axes;
    std::vector<float> centre;  ///< θ_c, the parameters the plane is built around
    Eigen::VectorXd origin;     ///< parameters at (0, 0)
    Eigen::VectorXd direction1; ///< d1 (α axis)
    Eigen::VectorXd direction2; ///< d2 (β axis)
    std::string alphaLabel;     ///< e.g. "PC1 (83.2 % of variance)", "w"
    std::string betaLabel;
    /// pca: fraction of Σ‖θ_k − θ_c‖² along d1 and d2; NaN for the other planes.
    double alphaExplainedVariance = std::numeric_limits<double>::quiet_NaN();
    double betaExplainedVariance = std::numeric_limits<double>::quiet_NaN();
    ViewBox defaultBox; ///< the grid box the plane suggests (α = x, β = y)

    int parameterCount() const { return static_cast<int>(centre.size()); }
};

/// Points of a trajectory in plane coordinates, with the true loss at each point.
struct LandscapeTrajectory
{
    std::vector<int> steps; ///< the trace row (θ_k after k updates; the final point is rows)
    std::vector<double> alpha;
    std::vector<double> beta;
    /// Toy: f(θ_k). Models: the mean loss over the whole training split at θ_k itself (not at
    /// its projection; for pca/random the two differ off the plane).
    std::vector<double> loss;

    int size() const { return static_cast<int>(steps.size()); }
};

/// One computed grid: loss at (alpha[i], beta[j]) is loss[j·n + i] (row-major, β rows × α
/// columns, rows in ascending β). alpha[0] and alpha[n−1] are exactly the box's edges, the
/// points in between are lo + (hi − lo)·i/(n − 1).
struct LandscapeGrid
{
    int n = 0;
    std::vector<double> alpha;
    std::vector<double> beta;
    std::vector<double> loss; ///< n·n values; NaN where a cancelled grid did not get to
    bool complete = false;    ///< false when cancelled before every cell was computed
    int rows = 0;             ///< training rows each cell's loss is the mean over
    int totalRows = 0;        ///< rows of the whole training split

    double at(int i, int j) const { return loss[static_cast<std::size_t>(j) * n + i]; }
};

/// A landscape ready to show or write: the plane, its grid and the projected trajectory.
struct Landscape
{
    LandscapePlane plane = LandscapePlane::Axes;
    std::string alphaLabel;
    std::string betaLabel;
    double alphaExplainedVariance = std::numeric_limits<double>::quiet_NaN();
    double betaExplainedVariance = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> centre; ///< θ_c (models) or the toy run's final point
    ViewBox box;                ///< the grid's box (α = x, β = y)
    LandscapeGrid grid;
    LandscapeTrajectory trajectory;
};

/// The n coordinates from lo to hi, both included exactly (n >= 2).
std::vector<double> gridCoordinates(double lo, double hi, int n);

/// Throws std::invalid_argument naming "grid" unless 2 <= n <= kMaxLandscapeGrid, and naming
/// "box" unless the box is finite with min < max on both axes.
void checkGrid(int n, const ViewBox& box);

/// The n×n grid of surface values over box (toy surfaces are their own "axes" plane).
/// One parallel task per grid row.
LandscapeGrid computeToyGrid(const ToySurface& surface, int n, const ViewBox& box,
                             const LandscapeOptions& options = {});

/// The toy landscape: the n×n grid over box (or the surface's view box when box is null) and,
/// when trace is given, its path (raw x, y and f).
Landscape toyLandscape(const ToySurface& surface, int n, const ViewBox* box, const ToyTrace* trace,
                       const LandscapeOptions& options = {});

/// The axes plane of a two-parameter model run (linreg, logreg): d1 = e_w, d2 = e_b, origin 0;
/// the default box covers the trajectory (every row and the final point) with the margin.
/// Throws std::invalid_argument naming "plane" when the model has more than two parameters.
ModelPlane makeAxesPlane(const ModelTrace& trace, double margin = 0.25);

/// The pca plane of a run: the top two principal directions of its snapshots θ_k − θ_final
/// (principalPlane), origin θ_final; the default box covers the projected snapshots with the
/// margin. Throws std::invalid_argument naming "plane" when the run kept no snapshots, diverged
/// (non-finite parameters) or its snapshots span fewer than two directions.
ModelPlane makePcaPlane(const ModelTrace& trace, double margin = 0.25);

/// The random plane through centre: filterNormalizedDirections(spec, centre, seed); box
/// [−1, 1]². Throws std::invalid_argument naming "plane" when centre is not finite or the two
/// directions are (nearly) parallel, as for linreg/logreg whose one weight row makes both
/// directions multiples of e_w.
ModelPlane makeRandomPlane(const ModelSpec& spec, const std::vector<float>& centre,
                           std::uint64_t seed);

/// The plane of type for trace (dispatches to the three functions above; seed and margin from
/// options).
ModelPlane makeModelPlane(LandscapePlane type, const ModelTrace& trace, const ModelSpec& spec,
                          const LandscapeOptions& options = {});

/// The plane coordinates of params: the least-squares (α, β) of params − origin on [d1 d2]
/// (for orthonormal pca directions the dot products; for axes the raw (w, b)).
Eigen::Vector2d planeCoordinates(const ModelPlane& plane, const float* params);

/// Writes origin + α·d1 + β·d2 into params (plane.parameterCount() floats), each entry computed
/// in double and rounded once to float.
void planePoint(const ModelPlane& plane, double alpha, double beta, float* params);

/// The n×n grid of the mean training-split loss on plane over box (or on options.maxRows rows of
/// it). Cross-entropy models run through LandscapeEvaluator, one parallel task per
/// kLandscapeCellsPerBatch consecutive cells (their first layers as one stacked GEMM, forward
/// pass and loss fused per block of rows), bit-identical to ModelProblem::trainLoss per cell
/// unless options.projectFirstLayer; other models use one Model<float> per worker and one task
/// per cell. Nothing allocates per cell; the losses do not depend on the thread count. Call it
/// with growing n (e.g. 11, 21, 41) for coarse-to-fine display.
LandscapeGrid computeModelGrid(const ModelProblem& problem, const ModelPlane& plane, int n,
                               const ViewBox& box, const LandscapeOptions& options = {});

/// The trajectory of trace projected into plane: for axes every row's (w, b) and the final
/// point; otherwise the snapshots (the final parameters last), each with its full training loss
/// (computed in parallel like the grid).
LandscapeTrajectory projectTrajectory(const ModelProblem& problem, const ModelPlane& plane,
                                      const ModelTrace& trace,
                                      const LandscapeOptions& options = {});

/// The landscape of a model plane: its n×n grid over box (or the plane's default box when box
/// is null) and, when trace is given and the grid completed, the trace projected into it.
Landscape planeLandscape(const ModelProblem& problem, const ModelPlane& plane, int n,
                         const ViewBox* box, const ModelTrace* trace,
                         const LandscapeOptions& options = {});

/// The whole model landscape: plane of type, its n×n grid over box (or the plane's default box
/// when box is null) and the projected trajectory.
Landscape modelLandscape(const ModelProblem& problem, const ModelTrace& trace, LandscapePlane type,
                         int n, const ViewBox* box, const LandscapeOptions& options = {});

} // namespace lrlab
