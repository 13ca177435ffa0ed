#include "ui/worker/model_landscape_job.h"

#include "core/analysis/landscape_evaluator.h"
#include "core/config/problem_key.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cmath>
#include <memory>

namespace lrlab {

namespace {

/// The trajectory's points in plane coordinates, without their losses (NaN).
LandscapeTrajectory placeTrajectory(const ModelPlane& plane, const ModelTrace& trace)
{
    LandscapeTrajectory t;
    const int p = trace.parameterCount;
    t.steps = trace.snapshotRows;
    for (std::size_t k = 0; k < t.steps.size(); ++k) {
        const Eigen::Vector2d c = planeCoordinates(plane, trace.snapshots.data() + k * p);
        t.alpha.push_back(c(0));
        t.beta.push_back(c(1));
        t.loss.push_back(std::numeric_limits<double>::quiet_NaN());
    }
    return t;
}

bool cancelled(const CancelFlag* cancel)
{
    return cancel != nullptr && cancel->load();
}

} // namespace

std::vector<int> landscapeLadder(int coarse, int fine)
{
    std::vector<int> sides{fine};
    if (coarse >= 2 && coarse < fine)
        for (int n = (fine - 1) / 2 + 1; n >= coarse && n >= 2 && n < sides.back();
             n = (n - 1) / 2 + 1)
            sides.push_back(n);
    std::reverse(sides.begin(), sides.end());
    return sides;
}

void computeProgressiveLandscape(const ModelProblem& problem, const ModelTrace& trace,
                                 const RunRequest& request, const CancelFlag* cancel,
                                 const std::function<void(int done, int total)>& progress,
                                 const std::function<void(const ModelLandscape&)>& deliver)
{
    const RunConfig& config = request.config;
    LandscapeOptions options;
    options.threads = request.landscapeThreads;
    options.cancel = cancel;
    options.seed = config.seed;
    const LandscapePlane type = trace.twoParameters() ? LandscapePlane::Axes : LandscapePlane::Pca;
    const ModelPlane plane = makeModelPlane(type, trace, problem.modelSpec(), options);
    const bool subset = type != LandscapePlane::Axes && LandscapeEvaluator::supports(problem) &&
                        problem.trainCount() > kLandscapeSubsetRows;
    // The path's losses on the whole split would cost a large split many seconds before the
    // first map: there the path is placed only.
    const LandscapeTrajectory path =
        subset ? placeTrajectory(plane, trace) : projectTrajectory(problem, plane, trace, options);
    if (cancelled(cancel))
        return;
    double lowest = std::numeric_limits<double>::infinity();
    for (const double f : path.loss)
        if (std::isfinite(f))
            lowest = std::min(lowest, f);
    if (subset) {
        options.maxRows = kLandscapeSubsetRows;
        options.projectFirstLayer = true;
    }
    const std::string key = problemKey(config.problem, config.seed);
    const auto shared = std::make_shared<const ModelPlane>(plane);
    ModelLandscape landscape;
    landscape.plane = type;
    landscape.alphaLabel = plane.alphaLabel;
    landscape.betaLabel = plane.betaLabel;
    landscape.alphaExplainedVariance = plane.alphaExplainedVariance;
    landscape.betaExplainedVariance = plane.betaExplainedVariance;
    landscape.trajectory = path;
    landscape.modelPlane = shared;
    // One evaluator for the whole ladder (cross-entropy models): its set-up is made once and each
    // grid copies the cells of the one before. The first layer comes from its projections on the
    // plane: a cell then costs the later layers only (the 51×51 digits map 2.3× faster), and the
    // map differs from the exact per-cell loss by float rounding (below 1e-6 relative).
    std::unique_ptr<LandscapeEvaluator> evaluator;
    if (LandscapeEvaluator::supports(problem))
        evaluator = std::make_unique<LandscapeEvaluator>(
            problem, plane, landscapeRows(problem, options.maxRows), FirstLayerMode::Projected);
    LandscapeGrid previous;
    for (const int n : landscapeLadder(request.modelCoarseGrid, request.modelFineGrid)) {
        QElapsedTimer gridTimer;
        gridTimer.start();
        options.progress = progress;
        LandscapeGrid grid =
            evaluator ? computeEvaluatorGrid(*evaluator, n, plane.defaultBox, options, &previous)
                      : computeModelGrid(problem, plane, n, plane.defaultBox, options);
        if (cancelled(cancel) || !grid.complete)
            return;
        landscape.image = landscapeImageFromGrid(grid, plane.defaultBox, key, lowest);
        landscape.rows = grid.rows;
        landscape.totalRows = grid.totalRows;
        landscape.final = n == request.modelFineGrid;
        landscape.milliseconds = static_cast<double>(gridTimer.nsecsElapsed()) * 1e-6;
        deliver(landscape);
        previous = std::move(grid);
    }
    if (!subset)
        return;
    // The subset's error: the same check points on the subset and on the whole split (exact).
    options.progress = nullptr;
    const LandscapeGrid approximate =
        computeEvaluatorGrid(*evaluator, kLandscapeCheckSide, plane.defaultBox, options);
    LandscapeOptions whole = options;
    whole.maxRows = 0;
    whole.projectFirstLayer = false;
    const LandscapeGrid reference =
        computeModelGrid(problem, plane, kLandscapeCheckSide, plane.defaultBox, whole);
    if (cancelled(cancel) || !approximate.complete || !reference.complete)
        return;
    double error = 0.0;
    for (std::size_t k = 0; k < reference.loss.size(); ++k)
        error = std::max(error, std::abs(approximate.loss[k] - reference.loss[k]));
    landscape.subsetError = error;
    landscape.checkSide = kLandscapeCheckSide;
    deliver(landscape);
}

} // namespace lrlab
