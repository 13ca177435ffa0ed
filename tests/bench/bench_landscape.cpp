// Loss-landscape grids (core/analysis/landscape.h): the 51×51 pca-plane grid of the digits MLP
// 64-32-10 tanh (trained 200 steps) over the full training split on 1 and 2 threads, with the
// achieved GFLOP/s of its forward GEMMs against a plain Eigen float GEMM pair of the same shapes
// measured in the same run; the explorer's own map of that plane (its first layer projected on
// the plane, so a cell costs the later layers only; goal ≤ 100 ms on 2 threads); the plane
// construction itself; and a 256×256 toy grid (a few ms). Prints a table (median of 5); not a
// CTest test. Then the explorer's worker (TrainingThread) on a Fashion-MNIST MLP 784-32-10 run:
// milliseconds from the run's end to its first landscape map and to the final 41×41 map (goals
// 1 s and 3 s; one measurement, the grids take seconds). Figures as JSON lines
// (bench_figures.h); only APIs that exist since 8849062 are used, and the evaluator where the
// library has one.

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized" // GCC PR 105593, see model.cpp
#endif
#include "core/analysis/landscape.h"
#if __has_include("core/analysis/landscape_evaluator.h")
#include "core/analysis/landscape_evaluator.h"
#define LRLAB_BENCH_HAS_EVALUATOR 1 // the explorer maps models through a LandscapeEvaluator
#endif
#include "core/config/run_config.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/engine/parallel_engine.h"
#include "core/models/model.h"
#include "core/problems/toy_surface.h"
#include "core/util/rng.h"
#include "tests/bench/bench_figures.h"
#include "tests/bench/bench_timing.h"
#include "tests/common/run_configs.h"
#include "ui/worker/training_thread.h"

#include <Eigen/Core>

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

namespace {

using RowMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

constexpr int kRepetitions = 5;
constexpr int kGrid = 51;

/// Median over kRepetitions of the seconds one call of work takes (after one warm-up call).
double medianSeconds(const std::function<void()>& work)
{
    return lrlab::bench::medianSeconds(kRepetitions, work, 1);
}

/// Median seconds of `calls` calls of work (for operations too short to time one by one).
double medianSecondsPerCall(const std::function<void()>& work, int calls)
{
    return medianSeconds([&] {
               for (int c = 0; c < calls; ++c)
                   work();
           }) /
           calls;
}

} // namespace

/// Milliseconds from the end of a Fashion-MNIST MLP run in the explorer's worker to its first and
/// to its final landscape map (NaN for a map not seen within the time limit, reported as the
/// limit). Skipped (false) when the dataset is not installed.
bool measureFashionLandscape(double& firstMs, double& finalMs, int& firstSide, double limitMs)
{
    using namespace lrlab;
    RunRequest request;
    request.config = test::runConfig("mlp", 1e-3, 300, "adam");
    request.config.problem.dataset = "fashion_mnist";
    request.config.problem.hidden = {32};
    request.config.evalEvery = 100000; // the run's own evaluations are not what is measured
    request.landscapeThreads = 2;
    try {
        ModelProblem::create(request.config.problem, request.config.seed); // loads the dataset
    } catch (const std::exception& e) {
        std::printf("Fashion-MNIST landscape: skipped (%s)\n", e.what());
        return false;
    }
    TrainingThread worker;
    using Clock = std::chrono::steady_clock;
    std::atomic<long long> runEnd{0}, first{0}, last{0};
    std::atomic<int> side{0};
    std::atomic<bool> failed{false};
    const auto now = [] { return Clock::now().time_since_epoch().count(); };
    // Direct connections: the times are taken in the worker thread as the maps are emitted.
    QObject::connect(
        &worker, &TrainingThread::modelRunFinished, &worker,
        [&](quint64, const ModelRunResult&) { runEnd = now(); }, Qt::DirectConnection);
    QObject::connect(
        &worker, &TrainingThread::modelLandscapeReady, &worker,
        [&](quint64, const ModelLandscape& landscape) {
            if (first == 0) {
                first = now();
                side = landscape.image.size;
            }
            if (landscape.final && last == 0)
                last = now();
        },
        Qt::DirectConnection);
    QObject::connect(
        &worker, &TrainingThread::landscapeFailed, &worker,
        [&](quint64, const QString&) { failed = true; }, Qt::DirectConnection);
    worker.submit(request);
    QElapsedTimer timer;
    timer.start();
    while (last == 0 && !failed) {
        if (runEnd != 0 &&
            std::chrono::duration<double, std::milli>(Clock::duration(now() - runEnd)).count() >
                limitMs)
            break;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    const auto since = [&](long long t) {
        return t == 0
                   ? limitMs
                   : std::chrono::duration<double, std::milli>(Clock::duration(t - runEnd)).count();
    };
    firstMs = since(first);
    finalMs = since(last);
    firstSide = side;
    worker.cancel();
    return true;
}

int main(int argc, char** argv)
{
    using namespace lrlab;
    QCoreApplication app(argc, argv);
    const test::ModelRun run = test::trainModel(test::digitsMlp(32, 0.01, 200, "adam"));
    const auto& problem = run.problem;
    const ModelTrace& trace = run.trace;
    const int rows = problem->trainCount();
    const double flopsPerCell = 2.0 * rows * (64.0 * 32.0 + 32.0 * 10.0);
    const double gridFlops = flopsPerCell * kGrid * kGrid;

    std::printf("lrlab loss landscape grids (median of %d; %d cores available)\n", kRepetitions,
                resolveThreadCount(0));
    std::printf("digits MLP 64-32-10 tanh, %d parameters, %d training rows, %d snapshots\n\n",
                trace.parameterCount, rows, static_cast<int>(trace.snapshotRows.size()));

    ModelPlane pca;
    const double planeSeconds = medianSeconds([&] { pca = makePcaPlane(trace); });
    ModelPlane random;
    const double randomSeconds =
        medianSeconds([&] { random = makeRandomPlane(problem->modelSpec(), trace.final, 1); });
    std::printf("%-44s %10.2f ms\n", "pca plane (Gram eigen-decomposition)", planeSeconds * 1e3);
    std::printf("%-44s %10.2f ms\n\n", "random plane (filter-normalized)", randomSeconds * 1e3);

    // The reference: the two forward GEMMs of one cell as plain Eigen float products on the
    // whole split, one thread (Eigen without OpenMP), with the broadcast bias as in the model.
    RowMatrixXf x = RowMatrixXf::Random(rows, 64);
    const RowMatrixXf w1 = RowMatrixXf::Random(32, 64);
    const RowMatrixXf w2 = RowMatrixXf::Random(10, 32);
    const Eigen::RowVectorXf b1 = Eigen::RowVectorXf::Random(32);
    const Eigen::RowVectorXf b2 = Eigen::RowVectorXf::Random(10);
    RowMatrixXf h(rows, 32);
    RowMatrixXf z(rows, 10);
    float sink = 0.0F;
    const double gemmSeconds = medianSecondsPerCall(
        [&] {
            h.rowwise() = b1;
            h.noalias() += x * w1.transpose();
            z.rowwise() = b2;
            z.noalias() += h * w2.transpose();
            sink += z(0, 0);
        },
        200);
    const double gemmGflops = flopsPerCell / gemmSeconds * 1e-9;

    std::printf("%-32s %8s %10s %10s %9s %11s\n", "grid", "threads", "ms/grid", "us/cell",
                "GFLOP/s", "vs Eigen 1T");
    double oneThread = 0.0;
    double twoThreadMs = 0.0;
    double twoThreadPerCoreRatio = 0.0;
    for (int threads : {1, 2}) {
        LandscapeOptions options;
        options.threads = threads;
        LandscapeGrid grid;
        const double seconds = medianSeconds(
            [&] { grid = computeModelGrid(*problem, pca, kGrid, pca.defaultBox, options); });
        sink += static_cast<float>(grid.loss[0]);
        if (threads == 1)
            oneThread = seconds;
        const double gflops = gridFlops / seconds * 1e-9;
        if (threads == 2) {
            twoThreadMs = seconds * 1e3;
            twoThreadPerCoreRatio = gflops / 2.0 / gemmGflops;
        }
        std::printf("%-32s %8d %10.1f %10.1f %9.1f %10.2fx", "digits MLP 51x51 pca", threads,
                    seconds * 1e3, seconds * 1e6 / (kGrid * kGrid), gflops, gflops / gemmGflops);
        if (threads > 1)
            std::printf("   speed-up %.2fx", oneThread / seconds);
        std::printf("\n");
    }
    // The explorer's own map of the same plane (what a user waits for): a projected-first-layer
    // evaluator where the library has one, else computeModelGrid as the explorer called it.
    double explorerMs = 0.0;
    {
        LandscapeOptions options;
        options.threads = 2;
        LandscapeGrid grid;
#ifdef LRLAB_BENCH_HAS_EVALUATOR
        const LandscapeEvaluator evaluator(*problem, pca, landscapeRows(*problem, 0),
                                           FirstLayerMode::Projected);
        explorerMs = medianSeconds([&] {
                         grid = computeEvaluatorGrid(evaluator, kGrid, pca.defaultBox, options);
                     }) *
                     1e3;
#else
        explorerMs = medianSeconds([&] {
                         grid = computeModelGrid(*problem, pca, kGrid, pca.defaultBox, options);
                     }) *
                     1e3;
#endif
        sink += static_cast<float>(grid.loss[0]);
        std::printf("%-32s %8d %10.1f %10.1f %9.1f %10.2fx\n", "explorer's map 51x51 pca", 2,
                    explorerMs, explorerMs * 1e3 / (kGrid * kGrid), gridFlops / explorerMs * 1e-6,
                    gridFlops / explorerMs * 1e-6 / gemmGflops);
    }
    std::printf("%-32s %8d %10.3f %10.1f %9.1f %10s\n", "plain Eigen GEMM pair (1 cell)", 1,
                gemmSeconds * 1e3, gemmSeconds * 1e6, gemmGflops, "1.00x");

    const auto surface = makeToySurface("rosenbrock");
    for (int threads : {1, 2}) {
        LandscapeOptions options;
        options.threads = threads;
        LandscapeGrid grid;
        const double seconds = medianSeconds(
            [&] { grid = computeToyGrid(*surface, 256, surface->info().view, options); });
        sink += static_cast<float>(grid.loss[0]);
        std::printf("%-32s %8d %10.3f %10.4f %9s %10s\n", "rosenbrock 256x256", threads,
                    seconds * 1e3, seconds * 1e6 / (256.0 * 256.0), "", "");
    }
    std::printf("(GFLOP/s counts 2·rows·(64·32 + 32·10) per cell: the forward GEMMs only)\n");

    double fashionFirstMs = 0.0;
    double fashionFinalMs = 0.0;
    int fashionFirstSide = 0;
    constexpr double kFashionLimitMs = 120000.0;
    const bool fashion =
        measureFashionLandscape(fashionFirstMs, fashionFinalMs, fashionFirstSide, kFashionLimitMs);
    if (fashion)
        std::printf("%-44s %10.0f ms (%d×%d)\n%-44s %10.0f ms\n",
                    "Fashion-MNIST pca landscape: first map", fashionFirstMs, fashionFirstSide,
                    fashionFirstSide, "Fashion-MNIST pca landscape: 41×41 map", fashionFinalMs);

    bench::emitFigure("landscape.digits51_ms", explorerMs, "ms",
                      "the explorer's 51×51 pca map of the digits MLP 64-32-10, full training "
                      "split, 2 threads",
                      100.0);
    bench::emitFigure("landscape.digits51_exact_ms", twoThreadMs, "ms",
                      "digits MLP 64-32-10 51×51 pca grid, each cell's exact float loss "
                      "(computeModelGrid, lrlab surface), full split, 2 threads");
    bench::emitFigure("landscape.digits51_vs_gemm_per_core", twoThreadPerCoreRatio, "x",
                      "51×51 grid GFLOP/s per thread (2 threads) / plain Eigen GEMM pair GFLOP/s "
                      "(1 thread, same run)");
    bench::emitFigure("landscape.gemm_pair_us", gemmSeconds * 1e6, "us",
                      "plain Eigen float GEMM pair of one cell's shapes (baseline)");
    if (fashion) {
        bench::emitFigure("landscape.fashion_pca.first_map_ms", fashionFirstMs, "ms",
                          "Fashion-MNIST MLP 784-32-10: run end to first landscape map (worker, "
                          "2 threads; 120000 = not reached)",
                          1000.0);
        bench::emitFigure("landscape.fashion_pca.41_ms", fashionFinalMs, "ms",
                          "Fashion-MNIST MLP 784-32-10: run end to the 41×41 landscape map "
                          "(worker, 2 threads; 120000 = not reached)",
                          3000.0);
    }
    std::printf("(checksum %g)\n", static_cast<double>(sink));
    return 0;
}
