// GCC 12 reports -Wmaybe-uninitialized inside its own AVX-512 intrinsics headers when Eigen's
// reductions are inlined with -march=native (GCC PR 105593, fixed in GCC 13; see model.cpp).
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "core/analysis/landscape.h"

#include "core/analysis/landscape_directions.h"
#include "core/analysis/landscape_evaluator.h"
#include "core/analysis/landscape_pca.h"
#include "core/engine/parallel_engine.h"
#include "core/models/model.h"
#include "core/util/finite_values.h"
#include "core/util/format.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lrlab {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
/// Rows a grid worker's model holds at most: the whole training split of every bundled dataset.
constexpr int kMaxReservedRows = 2048;

/// The box covering the finite points (xs[k], ys[k]) with margin·extent added on each side. A
/// degenerate extent (a single point, or a line) is widened first so the box is never empty.
ViewBox coveringBox(const std::vector<double>& xs, const std::vector<double>& ys, double margin)
{
    const auto range = [margin](const std::vector<double>& values, double& lo, double& hi) {
        lo = std::numeric_limits<double>::infinity();
        hi = -lo;
        for (double v : values) {
            if (std::isfinite(v)) {
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
        }
        if (!(lo <= hi))
            lo = hi = 0.0; // no finite point at all: a box around the origin
        const double floor = 1e-3 * std::max({1.0, std::abs(lo), std::abs(hi)});
        if (hi - lo < floor) {
            const double mid = 0.5 * (lo + hi);
            lo = mid - 0.5 * floor;
            hi = mid + 0.5 * floor;
        }
        const double pad = margin * (hi - lo);
        lo -= pad;
        hi += pad;
    };
    ViewBox box;
    range(xs, box.xMin, box.xMax);
    range(ys, box.yMin, box.yMax);
    return box;
}

bool allFinite(const std::vector<float>& values)
{
    return lrlab::allFinite(values.data(), values.size());
}

std::string percentLabel(const char* prefix, double fraction)
{
    return std::string(prefix) + " (" + formatFixed(100.0 * fraction, 1) + " % of variance)";
}

/// One Model<float> and one parameter buffer per worker, built before the parallel job so the
/// tasks never allocate.
class WorkerModels
{
public:
    WorkerModels(const ModelProblem& problem, int parameterCount, int tasks, int threads)
    {
        Model<float> prototype(problem.modelSpec());
        if (prototype.parameterCount() != parameterCount)
            throw std::invalid_argument("plane: has " + std::to_string(parameterCount) +
                                        " parameters, the model " +
                                        std::to_string(prototype.parameterCount()));
        // Reserving the whole split (capped) makes every cell one pass of large GEMMs, a little
        // faster than chunks of 512 rows on digits; byte datasets arrive in chunks of
        // ModelProblem::kEvaluationChunk anyway. Every worker reserves the same size, so the
        // chunking (and with it the summation order) is the same whichever worker computes a
        // cell.
        prototype.reserve(
            std::max(1, std::min(problem.trainCount(),
                                 std::max(kMaxReservedRows, ModelProblem::kEvaluationChunk))));
        const int workers = std::max(1, std::min(resolveThreadCount(threads), tasks));
        m_models.assign(static_cast<std::size_t>(workers), prototype);
        m_params.assign(static_cast<std::size_t>(workers),
                        std::vector<float>(static_cast<std::size_t>(parameterCount)));
    }

    Model<float>& model(int worker) { return m_models[static_cast<std::size_t>(worker)]; }
    float* params(int worker) { return m_params[static_cast<std::size_t>(worker)].data(); }

private:
    std::vector<Model<float>> m_models;
    std::vector<std::vector<float>> m_params;
};

ParallelOptions parallelOptions(const LandscapeOptions& options)
{
    ParallelOptions p;
    p.threads = options.threads;
    p.cancel = options.cancel;
    p.progress = options.progress;
    return p;
}

} // namespace

std::string landscapePlaneName(LandscapePlane plane)
{
    switch (plane) {
    case LandscapePlane::Axes:
        return "axes";
    case LandscapePlane::Pca:
        return "pca";
    case LandscapePlane::Random:
        return "random";
    }
    return "axes";
}

LandscapePlane parseLandscapePlane(const std::string& name)
{
    if (name == "axes")
        return LandscapePlane::Axes;
    if (name == "pca")
        return LandscapePlane::Pca;
    if (name == "random")
        return LandscapePlane::Random;
    throw std::invalid_argument("plane: unknown plane \"" + name +
                                "\" (expected axes, pca or random)");
}

std::vector<double> gridCoordinates(double lo, double hi, int n)
{
    std::vector<double> values(static_cast<std::size_t>(std::max(n, 0)));
    for (int i = 0; i < n; ++i)
        values[static_cast<std::size_t>(i)] = lo + (hi - lo) * i / (n - 1);
    if (n >= 2) {
        values.front() = lo;
        values.back() = hi; // exactly the edge, whatever the rounding of the formula
    }
    return values;
}

void checkGrid(int n, const ViewBox& box)
{
    if (n < 2 || n > kMaxLandscapeGrid)
        throw std::invalid_argument("grid: the grid side must be in [2, " +
                                    std::to_string(kMaxLandscapeGrid) + "], got " +
                                    std::to_string(n));
    const bool finite = std::isfinite(box.xMin) && std::isfinite(box.xMax) &&
                        std::isfinite(box.yMin) && std::isfinite(box.yMax);
    if (!finite || !(box.xMin < box.xMax) || !(box.yMin < box.yMax))
        throw std::invalid_argument("box: needs finite xmin < xmax and ymin < ymax");
}

LandscapeGrid computeToyGrid(const ToySurface& surface, int n, const ViewBox& box,
                             const LandscapeOptions& options)
{
    checkGrid(n, box);
    LandscapeGrid grid;
    grid.n = n;
    grid.alpha = gridCoordinates(box.xMin, box.xMax, n);
    grid.beta = gridCoordinates(box.yMin, box.yMax, n);
    grid.loss.assign(static_cast<std::size_t>(n) * static_cast<std::size_t>(n), kNaN);
    grid.complete = parallelFor(
        n,
        [&](int j, int) {
            const double y = grid.beta[static_cast<std::size_t>(j)];
            double* row = grid.loss.data() + static_cast<std::size_t>(j) * n;
            for (int i = 0; i < n; ++i)
                row[i] = surface.valueAt(grid.alpha[static_cast<std::size_t>(i)], y);
        },
        parallelOptions(options));
    return grid;
}

Landscape toyLandscape(const ToySurface& surface, int n, const ViewBox* box, const ToyTrace* trace,
                       const LandscapeOptions& options)
{
    Landscape landscape;
    landscape.plane = LandscapePlane::Axes;
    landscape.alphaLabel = "x";
    landscape.betaLabel = "y";
    landscape.box = box != nullptr ? *box : surface.info().view;
    landscape.grid = computeToyGrid(surface, n, landscape.box, options);
    if (trace != nullptr && trace->rows() > 0) {
        LandscapeTrajectory& t = landscape.trajectory;
        t.alpha = trace->x;
        t.beta = trace->y;
        t.loss = trace->loss;
        t.steps.resize(trace->x.size());
        for (std::size_t k = 0; k < t.steps.size(); ++k)
            t.steps[k] = static_cast<int>(k);
        landscape.centre = {trace->x.back(), trace->y.back()};
    }
    return landscape;
}

ModelPlane makeAxesPlane(const ModelTrace& trace, double margin)
{
    if (trace.parameterCount != 2)
        throw std::invalid_argument("plane: axes needs a two-parameter model (linreg, logreg); "
                                    "this one has " +
                                    std::to_string(trace.parameterCount) +
                                    " parameters (use pca or random)");
    ModelPlane plane;
    plane.type = LandscapePlane::Axes;
    plane.centre = trace.final;
    plane.origin = Eigen::VectorXd::Zero(2);
    plane.direction1 = Eigen::VectorXd::Unit(2, 0);
    plane.direction2 = Eigen::VectorXd::Unit(2, 1);
    plane.alphaLabel = "w";
    plane.betaLabel = "b";
    std::vector<double> xs(trace.x.begin(), trace.x.end());
    std::vector<double> ys(trace.y.begin(), trace.y.end());
    if (trace.final.size() == 2) {
        xs.push_back(trace.final[0]);
        ys.push_back(trace.final[1]);
    }
    plane.defaultBox = coveringBox(xs, ys, margin);
    return plane;
}

ModelPlane makePcaPlane(const ModelTrace& trace, double margin)
{
    const int p = trace.parameterCount;
    const int m = static_cast<int>(trace.snapshotRows.size());
    if (m < 3 || static_cast<int>(trace.snapshots.size()) != m * p)
        throw std::invalid_argument("plane: pca needs at least three trajectory snapshots "
                                    "(run with snapshots)");
    if (!allFinite(trace.final) || !allFinite(trace.snapshots))
        throw std::invalid_argument("plane: pca needs finite parameters; the run diverged");
    ModelPlane plane;
    plane.type = LandscapePlane::Pca;
    plane.centre = trace.final;
    plane.origin = Eigen::Map<const Eigen::VectorXf>(trace.final.data(), p).cast<double>();
    Eigen::MatrixXd offsets(m, p);
    for (int k = 0; k < m; ++k)
        offsets.row(k) = Eigen::Map<const Eigen::RowVectorXf>(
                             trace.snapshots.data() + static_cast<std::size_t>(k) * p, p)
                             .cast<double>() -
                         plane.origin.transpose();
    PrincipalPlane principal;
    try {
        principal = principalPlane(offsets);
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(std::string("plane: ") + e.what());
    }
    plane.direction1 = std::move(principal.direction1);
    plane.direction2 = std::move(principal.direction2);
    plane.alphaExplainedVariance = principal.explained1;
    plane.betaExplainedVariance = principal.explained2;
    plane.alphaLabel = percentLabel("PC1", principal.explained1);
    plane.betaLabel = percentLabel("PC2", principal.explained2);
    std::vector<double> xs(static_cast<std::size_t>(m));
    std::vector<double> ys(static_cast<std::size_t>(m));
    for (int k = 0; k < m; ++k) {
        const Eigen::Vector2d c =
            planeCoordinates(plane, trace.snapshots.data() + static_cast<std::size_t>(k) * p);
        xs[static_cast<std::size_t>(k)] = c(0);
        ys[static_cast<std::size_t>(k)] = c(1);
    }
    plane.defaultBox = coveringBox(xs, ys, margin);
    return plane;
}

ModelPlane makeRandomPlane(const ModelSpec& spec, const std::vector<float>& centre,
                           std::uint64_t seed)
{
    if (!allFinite(centre))
        throw std::invalid_argument("plane: random needs finite parameters; the run diverged");
    ModelPlane plane;
    plane.type = LandscapePlane::Random;
    plane.centre = centre;
    const int p = static_cast<int>(centre.size());
    if (Model<float>(spec).parameterCount() != p)
        throw std::invalid_argument("plane: the centre has " + std::to_string(p) +
                                    " parameters, the model " +
                                    std::to_string(Model<float>(spec).parameterCount()));
    plane.origin = Eigen::Map<const Eigen::VectorXf>(centre.data(), p).cast<double>();
    filterNormalizedDirections(spec, centre.data(), seed, plane.direction1, plane.direction2);
    const double n1 = plane.direction1.squaredNorm();
    const double n2 = plane.direction2.squaredNorm();
    const double cross = plane.direction1.dot(plane.direction2);
    if (!(n1 * n2 - cross * cross > 1e-9 * n1 * n2))
        throw std::invalid_argument(
            "plane: the two filter-normalized random directions are parallel or zero (a model "
            "with one weight row, or zero weights); use axes or pca");
    plane.alphaLabel = "random direction 1 (filter-normalized)";
    plane.betaLabel = "random direction 2 (filter-normalized)";
    plane.defaultBox = ViewBox{-1.0, 1.0, -1.0, 1.0};
    return plane;
}

ModelPlane makeModelPlane(LandscapePlane type, const ModelTrace& trace, const ModelSpec& spec,
                          const LandscapeOptions& options)
{
    switch (type) {
    case LandscapePlane::Axes:
        return makeAxesPlane(trace, options.margin);
    case LandscapePlane::Pca:
        return makePcaPlane(trace, options.margin);
    case LandscapePlane::Random:
        return makeRandomPlane(spec, trace.final, options.seed);
    }
    throw std::invalid_argument("plane: unknown plane");
}

Eigen::Vector2d planeCoordinates(const ModelPlane& plane, const float* params)
{
    const Eigen::Index p = plane.origin.size();
    const Eigen::VectorXd offset =
        Eigen::Map<const Eigen::VectorXf>(params, p).cast<double>() - plane.origin;
    // Normal equations of min ‖[d1 d2]·c − offset‖: a 2×2 solve.
    const double g11 = plane.direction1.squaredNorm();
    const double g22 = plane.direction2.squaredNorm();
    const double g12 = plane.direction1.dot(plane.direction2);
    const double r1 = plane.direction1.dot(offset);
    const double r2 = plane.direction2.dot(offset);
    const double det = g11 * g22 - g12 * g12;
    return {(g22 * r1 - g12 * r2) / det, (g11 * r2 - g12 * r1) / det};
}

void planePoint(const ModelPlane& plane, double alpha, double beta, float* params)
{
    const double* o = plane.origin.data();
    const double* d1 = plane.direction1.data();
    const double* d2 = plane.direction2.data();
    const Eigen::Index p = plane.origin.size();
    for (Eigen::Index k = 0; k < p; ++k)
        params[k] = static_cast<float>(o[k] + alpha * d1[k] + beta * d2[k]);
}

LandscapeGrid computeModelGrid(const ModelProblem& problem, const ModelPlane& plane, int n,
                               const ViewBox& box, const LandscapeOptions& options)
{
    checkGrid(n, box);
    const int cells = n * n;
    LandscapeGrid grid;
    grid.n = n;
    grid.alpha = gridCoordinates(box.xMin, box.xMax, n);
    grid.beta = gridCoordinates(box.yMin, box.yMax, n);
    grid.loss.assign(static_cast<std::size_t>(cells), kNaN);
    grid.totalRows = problem.trainCount();
    grid.rows = grid.totalRows;
    if (LandscapeEvaluator::supports(problem))
        return computeEvaluatorGrid(
            LandscapeEvaluator(problem, plane, landscapeRows(problem, options.maxRows),
                               options.projectFirstLayer ? FirstLayerMode::Projected
                                                         : FirstLayerMode::Exact),
            n, box, options);
    WorkerModels workers(problem, plane.parameterCount(), cells, options.threads);
    grid.complete = parallelFor(
        cells,
        [&](int index, int worker) {
            const int j = index / n;
            const int i = index - j * n;
            float* params = workers.params(worker);
            planePoint(plane, grid.alpha[static_cast<std::size_t>(i)],
                       grid.beta[static_cast<std::size_t>(j)], params);
            grid.loss[static_cast<std::size_t>(index)] =
                problem.trainLoss(workers.model(worker), params);
        },
        parallelOptions(options));
    return grid;
}

LandscapeTrajectory projectTrajectory(const ModelProblem& problem, const ModelPlane& plane,
                                      const ModelTrace& trace, const LandscapeOptions& options)
{
    const int p = trace.parameterCount;
    if (p != plane.parameterCount())
        throw std::invalid_argument("plane: has " + std::to_string(plane.parameterCount()) +
                                    " parameters, the run " + std::to_string(p));
    // The points as parameter vectors: every row's (w, b) for axes (the whole path is cheap and
    // exact there), the snapshots otherwise.
    std::vector<float> points;
    LandscapeTrajectory t;
    if (plane.type == LandscapePlane::Axes) {
        for (int k = 0; k < trace.rows() && k < static_cast<int>(trace.x.size()); ++k) {
            points.push_back(trace.x[static_cast<std::size_t>(k)]);
            points.push_back(trace.y[static_cast<std::size_t>(k)]);
            t.steps.push_back(k);
        }
        if (static_cast<int>(trace.final.size()) == p) {
            points.insert(points.end(), trace.final.begin(), trace.final.end());
            t.steps.push_back(trace.rows());
        }
    } else {
        points = trace.snapshots;
        t.steps = trace.snapshotRows;
    }
    const int count = t.size();
    t.alpha.resize(static_cast<std::size_t>(count));
    t.beta.resize(static_cast<std::size_t>(count));
    t.loss.assign(static_cast<std::size_t>(count), kNaN);
    for (int k = 0; k < count; ++k) {
        const Eigen::Vector2d c =
            planeCoordinates(plane, points.data() + static_cast<std::size_t>(k) * p);
        t.alpha[static_cast<std::size_t>(k)] = c(0);
        t.beta[static_cast<std::size_t>(k)] = c(1);
    }
    if (count == 0)
        return t;
    WorkerModels workers(problem, p, count, options.threads);
    LandscapeOptions quiet = options;
    quiet.progress = nullptr; // progress reports grid cells only
    parallelFor(
        count,
        [&](int k, int worker) {
            t.loss[static_cast<std::size_t>(k)] = problem.trainLoss(
                workers.model(worker), points.data() + static_cast<std::size_t>(k) * p);
        },
        parallelOptions(quiet));
    return t;
}

Landscape planeLandscape(const ModelProblem& problem, const ModelPlane& plane, int n,
                         const ViewBox* box, const ModelTrace* trace,
                         const LandscapeOptions& options)
{
    Landscape landscape;
    landscape.plane = plane.type;
    landscape.alphaLabel = plane.alphaLabel;
    landscape.betaLabel = plane.betaLabel;
    landscape.alphaExplainedVariance = plane.alphaExplainedVariance;
    landscape.betaExplainedVariance = plane.betaExplainedVariance;
    landscape.centre.assign(plane.centre.begin(), plane.centre.end());
    landscape.box = box != nullptr ? *box : plane.defaultBox;
    landscape.grid = computeModelGrid(problem, plane, n, landscape.box, options);
    if (trace != nullptr && landscape.grid.complete)
        landscape.trajectory = projectTrajectory(problem, plane, *trace, options);
    return landscape;
}

Landscape modelLandscape(const ModelProblem& problem, const ModelTrace& trace, LandscapePlane type,
                         int n, const ViewBox* box, const LandscapeOptions& options)
{
    const ModelPlane plane = makeModelPlane(type, trace, problem.modelSpec(), options);
    return planeLandscape(problem, plane, n, box, &trace, options);
}

} // namespace lrlab
