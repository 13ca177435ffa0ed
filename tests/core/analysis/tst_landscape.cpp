// Loss landscapes (core/analysis/landscape.h and `lrlab surface`): toy grids against the
// surface formulas, the linreg axes plane against an independently computed MSE and the
// least-squares solution, PCA on a synthetic trajectory with known directions and variances,
// filter-normalized directions, thread-count independence, cancellation and errors. `lrlab
// surface` is tested in tests/app/cli/tst_cli_surface.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized" // GCC PR 105593, see model.cpp
#endif
#include "core/analysis/landscape.h"
#include "core/analysis/landscape_directions.h"
#include "core/analysis/landscape_evaluator.h"
#include "core/analysis/landscape_pca.h"
#include "core/config/run_config.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/models/model.h"
#include "core/models/model_spec.h"
#include "core/problems/toy_surface.h"
#include "core/util/rng.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/run_configs.h"
#include "tests/common/throws.h"

#include <QtTest>

#include <Eigen/Core>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

using lrlab::test::nearlyEqual;
using lrlab::test::thrownMessage;
using Thrower = std::function<void()>;
Q_DECLARE_METATYPE(Thrower)
Q_DECLARE_METATYPE(lrlab::ViewBox)

namespace {

/// A seeded run of model `type` (the digits MLP with 16 tanh units for "mlp").
lrlab::RunConfig modelConfig(const std::string& type, int steps, double lr,
                             const std::string& optimizer = "sgd")
{
    lrlab::RunConfig config = type == "mlp" ? lrlab::test::digitsMlp(16, lr, steps, optimizer)
                                            : lrlab::test::runConfig(type, lr, steps, optimizer);
    config.seed = 3;
    return config;
}

/// An orthonormal basis of R^p built by Gram-Schmidt from seeded Gaussian vectors.
Eigen::MatrixXd orthonormalColumns(int p, int count, std::uint64_t seed)
{
    lrlab::Rng rng(seed);
    Eigen::MatrixXd q(p, count);
    for (int c = 0; c < count; ++c) {
        Eigen::VectorXd v(p);
        for (int i = 0; i < p; ++i)
            v(i) = rng.normal();
        for (int prev = 0; prev < c; ++prev)
            v -= q.col(prev).dot(v) * q.col(prev);
        q.col(c) = v.normalized();
    }
    return q;
}

int countFinite(const std::vector<double>& values)
{
    int n = 0;
    for (double v : values)
        n += std::isfinite(v) ? 1 : 0;
    return n;
}

} // namespace

class TestLandscape : public QObject
{
    Q_OBJECT

private slots:
    void toyGridMatchesSurface_data();
    void toyGridMatchesSurface();
    void rosenbrockGridMatchesFormula();
    void linregAxesCellIsMeanSquaredError();
    void linregGridMinimumNearLeastSquares();
    void pcaRecoversKnownPlane_data();
    void pcaRecoversKnownPlane();
    void pcaPlaneOfTrace();
    void projectedFinalPointIsOrigin_data();
    void projectedFinalPointIsOrigin();
    void filterNormalizedDirections();
    void threadCountDoesNotChangeGrid();
    void coarseGridCellsAreFineGridCells();
    void cancellationStopsEarly();
    void badOptionsNameTheOption_data();
    void badOptionsNameTheOption();
};

void TestLandscape::toyGridMatchesSurface_data()
{
    QTest::addColumn<QString>("surface");
    QTest::addColumn<int>("n");
    QTest::addColumn<bool>("useView");
    QTest::addColumn<lrlab::ViewBox>("box");
    QTest::newRow("rosenbrock-view-2") << "rosenbrock" << 2 << true << lrlab::ViewBox{};
    QTest::newRow("himmelblau-view-17") << "himmelblau" << 17 << true << lrlab::ViewBox{};
    QTest::newRow("beale-box-33") << "beale" << 33 << false << lrlab::ViewBox{-0.3, 3.7, -1.1, 0.9};
    QTest::newRow("ackley-box-100")
        << "ackley" << 100 << false << lrlab::ViewBox{-3.0, 1.0, 0.1, 0.2};
}

void TestLandscape::toyGridMatchesSurface()
{
    QFETCH(QString, surface);
    QFETCH(int, n);
    QFETCH(bool, useView);
    QFETCH(lrlab::ViewBox, box);
    const auto s = lrlab::makeToySurface(surface.toStdString());
    if (useView)
        box = s->info().view;
    lrlab::LandscapeOptions options;
    options.threads = 2;
    const lrlab::LandscapeGrid grid = lrlab::computeToyGrid(*s, n, box, options);
    QVERIFY(grid.complete);
    QCOMPARE(grid.n, n);
    QCOMPARE(int(grid.alpha.size()), n);
    QCOMPARE(int(grid.beta.size()), n);
    QCOMPARE(int(grid.loss.size()), n * n);
    // The coordinates span the box exactly and are evenly spaced.
    QCOMPARE(grid.alpha.front(), box.xMin);
    QCOMPARE(grid.alpha.back(), box.xMax);
    QCOMPARE(grid.beta.front(), box.yMin);
    QCOMPARE(grid.beta.back(), box.yMax);
    const double dx = (box.xMax - box.xMin) / (n - 1);
    const double dy = (box.yMax - box.yMin) / (n - 1);
    for (int i = 1; i < n; ++i) {
        QVERIFY(nearlyEqual(grid.alpha[i] - grid.alpha[i - 1], dx, 1e-9));
        QVERIFY(nearlyEqual(grid.beta[i] - grid.beta[i - 1], dy, 1e-9));
    }
    // Row-major, β rows × α columns.
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
            QCOMPARE(grid.loss[static_cast<std::size_t>(j * n + i)],
                     s->valueAt(grid.alpha[i], grid.beta[j]));
}

void TestLandscape::rosenbrockGridMatchesFormula()
{
    const auto s = lrlab::makeToySurface("rosenbrock");
    const lrlab::ViewBox box{-2.0, 2.0, -1.0, 3.0};
    const lrlab::Landscape l = lrlab::toyLandscape(*s, 5, &box, nullptr);
    QCOMPARE(l.alphaLabel, std::string("x"));
    QCOMPARE(l.betaLabel, std::string("y"));
    // Cell (i, j) sits at x = −2 + i, y = −1 + j: (1 − x)² + 100 (y − x²)² by hand.
    for (int j = 0; j < 5; ++j) {
        for (int i = 0; i < 5; ++i) {
            const double x = -2.0 + i;
            const double y = -1.0 + j;
            const double expected = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
            QVERIFY(nearlyEqual(l.grid.at(i, j), expected));
        }
    }
}

void TestLandscape::linregAxesCellIsMeanSquaredError()
{
    const auto [problem, trace] = lrlab::test::trainModel(modelConfig("linreg", 120, 0.05));
    const lrlab::ModelPlane plane = lrlab::makeAxesPlane(trace);
    QCOMPARE(plane.alphaLabel, std::string("w"));
    QCOMPARE(plane.betaLabel, std::string("b"));
    // The default box covers every (w, b) of the run.
    for (int k = 0; k < trace.rows(); ++k) {
        QVERIFY(trace.x[k] >= plane.defaultBox.xMin && trace.x[k] <= plane.defaultBox.xMax);
        QVERIFY(trace.y[k] >= plane.defaultBox.yMin && trace.y[k] <= plane.defaultBox.yMax);
    }
    const lrlab::ViewBox box{-1.5, 2.5, -0.75, 0.5};
    const int n = 5;
    const lrlab::LandscapeGrid grid = lrlab::computeModelGrid(*problem, plane, n, box);
    const lrlab::test::TrainRows rows = lrlab::test::trainRows(*problem);
    for (int j = 0; j < n; ++j) {
        for (int i = 0; i < n; ++i) {
            // The float model: ŷ = w·x + b and (ŷ − y)² in float, the mean in double.
            const float w = static_cast<float>(grid.alpha[i]);
            const float b = static_cast<float>(grid.beta[j]);
            double sum = 0.0;
            for (std::size_t r = 0; r < rows.targets.size(); ++r) {
                const float e = w * rows.x[r] + b - rows.targets[r];
                sum += static_cast<double>(e * e);
            }
            const double expected = sum / static_cast<double>(rows.targets.size());
            QVERIFY2(nearlyEqual(grid.at(i, j), expected, 1e-5),
                     qPrintable(QString("cell %1,%2: %3 vs %4")
                                    .arg(i)
                                    .arg(j)
                                    .arg(grid.at(i, j), 0, 'g', 17)
                                    .arg(expected, 0, 'g', 17)));
        }
    }
}

void TestLandscape::linregGridMinimumNearLeastSquares()
{
    const auto [problem, trace] = lrlab::test::trainModel(modelConfig("linreg", 400, 0.1));
    // Least squares in double: w* = cov(x, y) / var(x), b* = ȳ − w*·x̄.
    const lrlab::test::TrainRows rows = lrlab::test::trainRows(*problem);
    const double n = static_cast<double>(rows.targets.size());
    double mx = 0, my = 0;
    for (std::size_t r = 0; r < rows.targets.size(); ++r) {
        mx += rows.x[r];
        my += rows.targets[r];
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0;
    for (std::size_t r = 0; r < rows.targets.size(); ++r) {
        sxy += (rows.x[r] - mx) * (rows.targets[r] - my);
        sxx += (rows.x[r] - mx) * (rows.x[r] - mx);
    }
    const double wStar = sxy / sxx;
    const double bStar = my - wStar * mx;

    const int side = 41;
    lrlab::LandscapeOptions options;
    options.threads = 2;
    const lrlab::Landscape l =
        lrlab::modelLandscape(*problem, trace, lrlab::LandscapePlane::Axes, side, nullptr, options);
    QVERIFY(wStar > l.box.xMin && wStar < l.box.xMax);
    QVERIFY(bStar > l.box.yMin && bStar < l.box.yMax);
    std::size_t best = 0;
    for (std::size_t k = 1; k < l.grid.loss.size(); ++k)
        if (l.grid.loss[k] < l.grid.loss[best])
            best = k;
    const double bestW = l.grid.alpha[best % side];
    const double bestB = l.grid.beta[best / side];
    const double dw = (l.box.xMax - l.box.xMin) / (side - 1);
    const double db = (l.box.yMax - l.box.yMin) / (side - 1);
    QVERIFY2(std::abs(bestW - wStar) <= dw && std::abs(bestB - bStar) <= db,
             qPrintable(QString("grid minimum (%1, %2), least squares (%3, %4)")
                            .arg(bestW)
                            .arg(bestB)
                            .arg(wStar)
                            .arg(bStar)));
    // The trajectory is the raw (w, b) of every row plus the final point, with its full loss.
    QCOMPARE(l.trajectory.size(), trace.rows() + 1);
    QCOMPARE(l.trajectory.alpha[5], static_cast<double>(trace.x[5]));
    QCOMPARE(l.trajectory.beta[5], static_cast<double>(trace.y[5]));
    QCOMPARE(l.trajectory.steps.back(), trace.rows());
}

void TestLandscape::pcaRecoversKnownPlane_data()
{
    QTest::addColumn<int>("parameters");
    QTest::addColumn<int>("points");
    // Fewer parameters than points (covariance path) and the other way round (Gram path).
    QTest::newRow("covariance-p6-m40") << 6 << 40;
    QTest::newRow("gram-p300-m24") << 300 << 24;
}

void TestLandscape::pcaRecoversKnownPlane()
{
    QFETCH(int, parameters);
    QFETCH(int, points);
    // θ_k − θ_c = 3·cos(t_k)·u + 1·sin(t_k)·v + 0.1·cos(2 t_k)·w with t_k = 2πk/m: the three
    // sequences are orthogonal over a full period, so u and v are exactly the principal
    // directions, with Σ‖·‖² split as 9 : 1 : 0.01 (each sequence sums to m/2 when squared).
    const Eigen::MatrixXd q = orthonormalColumns(parameters, 3, 77);
    const double pi = std::acos(-1.0);
    Eigen::MatrixXd offsets(points, parameters);
    for (int k = 0; k < points; ++k) {
        const double t = 2 * pi * k / points;
        offsets.row(k) = (3.0 * std::cos(t) * q.col(0) + std::sin(t) * q.col(1) +
                          0.1 * std::cos(2 * t) * q.col(2))
                             .transpose();
    }
    const lrlab::PrincipalPlane plane = lrlab::principalPlane(offsets);
    QVERIFY(nearlyEqual(std::abs(plane.direction1.dot(q.col(0))), 1.0, 1e-10));
    QVERIFY(nearlyEqual(std::abs(plane.direction2.dot(q.col(1))), 1.0, 1e-10));
    QVERIFY(nearlyEqual(plane.direction1.norm(), 1.0, 1e-12));
    QVERIFY(std::abs(plane.direction1.dot(plane.direction2)) < 1e-10);
    QVERIFY(nearlyEqual(plane.explained1, 9.0 / 10.01, 1e-10));
    QVERIFY(nearlyEqual(plane.explained2, 1.0 / 10.01, 1e-10));
    // Deterministic sign: the largest-magnitude entry of each direction is positive.
    Eigen::Index at = 0;
    plane.direction1.cwiseAbs().maxCoeff(&at);
    QVERIFY(plane.direction1(at) > 0);
}

void TestLandscape::pcaPlaneOfTrace()
{
    // The same construction as a hand-made run of float snapshots through a centre θ_c, with
    // the final parameters as the last snapshot (as runModel keeps them).
    const int p = 8;
    const int m = 32;
    const Eigen::MatrixXd q = orthonormalColumns(p, 2, 5);
    lrlab::ModelTrace trace;
    trace.parameterCount = p;
    std::vector<double> centre(p);
    for (int i = 0; i < p; ++i)
        centre[i] = 0.5 - 0.1 * i;
    trace.final.assign(centre.begin(), centre.end());
    const double pi = std::acos(-1.0);
    std::vector<double> a, b;
    for (int k = 0; k < m; ++k) {
        const double t = 2 * pi * k / m;
        a.push_back(2.0 * std::cos(t));
        b.push_back(std::sin(t));
        for (int i = 0; i < p; ++i)
            trace.snapshots.push_back(
                static_cast<float>(centre[i] + a.back() * q(i, 0) + b.back() * q(i, 1)));
        trace.snapshotRows.push_back(k);
    }
    trace.snapshots.insert(trace.snapshots.end(), trace.final.begin(), trace.final.end());
    trace.snapshotRows.push_back(m);
    const lrlab::ModelPlane plane = lrlab::makePcaPlane(trace);
    // Variances 4 : 1 (the float rounding of the snapshots adds ~1e-7 relative noise).
    QVERIFY(nearlyEqual(plane.alphaExplainedVariance, 0.8, 1e-5));
    QVERIFY(nearlyEqual(plane.betaExplainedVariance, 0.2, 1e-4));
    QCOMPARE(plane.alphaLabel, std::string("PC1 (80.0 % of variance)"));
    QCOMPARE(plane.betaLabel, std::string("PC2 (20.0 % of variance)"));
    const double s1 = plane.direction1.dot(q.col(0)) > 0 ? 1.0 : -1.0;
    const double s2 = plane.direction2.dot(q.col(1)) > 0 ? 1.0 : -1.0;
    // Each snapshot projects onto its known (a_k, b_k), up to the directions' signs.
    for (int k = 0; k < m; ++k) {
        const Eigen::Vector2d c = lrlab::planeCoordinates(
            plane, trace.snapshots.data() + static_cast<std::size_t>(k) * p);
        QVERIFY(std::abs(c(0) - s1 * a[k]) < 1e-5);
        QVERIFY(std::abs(c(1) - s2 * b[k]) < 1e-5);
    }
    const Eigen::Vector2d last = lrlab::planeCoordinates(plane, trace.final.data());
    QCOMPARE(last(0), 0.0);
    QCOMPARE(last(1), 0.0);
    // The default box covers the projected trajectory (|a| <= 2, |b| <= 1) with a margin.
    QVERIFY(plane.defaultBox.xMin < -2.0 && plane.defaultBox.xMax > 2.0);
    QVERIFY(plane.defaultBox.yMin < -1.0 && plane.defaultBox.yMax > 1.0);
}

void TestLandscape::projectedFinalPointIsOrigin_data()
{
    QTest::addColumn<QString>("plane");
    QTest::newRow("pca") << "pca";
    QTest::newRow("random") << "random";
}

void TestLandscape::projectedFinalPointIsOrigin()
{
    QFETCH(QString, plane);
    const auto [problem, trace] = lrlab::test::trainModel(modelConfig("mlp", 60, 0.01, "adam"));
    lrlab::LandscapeOptions options;
    options.threads = 2;
    const lrlab::Landscape l = lrlab::modelLandscape(
        *problem, trace, lrlab::parseLandscapePlane(plane.toStdString()), 3, nullptr, options);
    QVERIFY(l.grid.complete);
    QCOMPARE(l.trajectory.size(), static_cast<int>(trace.snapshotRows.size()));
    QCOMPARE(l.trajectory.steps.back(), trace.rows());
    QCOMPARE(l.trajectory.alpha.back(), 0.0);
    QCOMPARE(l.trajectory.beta.back(), 0.0);
    // The centre cell (0, 0) of the odd grid over the box [−1, 1]² (random) or the final point's
    // loss (both planes: the trajectory loss is the training loss at θ_k itself).
    lrlab::Model<float> model(problem->modelSpec());
    const double finalLoss = problem->trainLoss(model, trace.final.data());
    QVERIFY(nearlyEqual(l.trajectory.loss.back(), finalLoss, 1e-12));
    if (plane == "random")
        QVERIFY(nearlyEqual(l.grid.at(1, 1), finalLoss, 1e-6));
    QCOMPARE(l.centre.size(), trace.final.size());
    QCOMPARE(l.centre[7], static_cast<double>(trace.final[7]));
}

void TestLandscape::filterNormalizedDirections()
{
    // mlp 5 → 4 → 3: by PyTorch's layout, W1 (4×5) at 0, b1 at 20, W2 (3×4) at 24, b2 at 36.
    const lrlab::ModelSpec spec = lrlab::makeModelSpec("mlp", 5, 3, {4}, "tanh");
    const int p = 39;
    std::vector<float> centre(p);
    lrlab::Rng rng(11);
    for (float& v : centre)
        v = static_cast<float>(rng.uniform(-2.0, 2.0));
    centre[2 * 5 + 3] = 0.0F; // a row with one zero weight still has its norm
    Eigen::VectorXd d1, d2;
    lrlab::filterNormalizedDirections(spec, centre.data(), 42, d1, d2);
    QCOMPARE(int(d1.size()), p);
    QCOMPARE(int(d2.size()), p);
    struct Block
    {
        int weightOffset, rows, cols, biasOffset;
    };
    for (const Block& block : {Block{0, 4, 5, 20}, Block{24, 3, 4, 36}}) {
        for (int r = 0; r < block.rows; ++r) {
            double centreNorm = 0, n1 = 0, n2 = 0;
            for (int c = 0; c < block.cols; ++c) {
                const int k = block.weightOffset + r * block.cols + c;
                centreNorm += double(centre[k]) * centre[k];
                n1 += d1(k) * d1(k);
                n2 += d2(k) * d2(k);
            }
            QVERIFY(nearlyEqual(std::sqrt(n1), std::sqrt(centreNorm), 1e-12));
            QVERIFY(nearlyEqual(std::sqrt(n2), std::sqrt(centreNorm), 1e-12));
            QCOMPARE(d1(block.biasOffset + r), 0.0);
            QCOMPARE(d2(block.biasOffset + r), 0.0);
        }
    }
    // The directions are independent draws, seeded.
    QVERIFY((d1 - d2).norm() > 0.1);
    Eigen::VectorXd again1, again2, other1, other2;
    lrlab::filterNormalizedDirections(spec, centre.data(), 42, again1, again2);
    lrlab::filterNormalizedDirections(spec, centre.data(), 43, other1, other2);
    QVERIFY(again1 == d1);
    QVERIFY(again2 == d2);
    QVERIFY((other1 - d1).norm() > 0.1);
    // makeRandomPlane uses them as they are, through the centre, over [−1, 1]².
    const lrlab::ModelPlane plane = lrlab::makeRandomPlane(spec, centre, 42);
    QVERIFY(plane.direction1 == d1);
    QVERIFY(plane.direction2 == d2);
    QCOMPARE(plane.defaultBox.xMin, -1.0);
    QCOMPARE(plane.defaultBox.yMax, 1.0);
    QCOMPARE(plane.alphaLabel, std::string("random direction 1 (filter-normalized)"));
    std::vector<float> at(p);
    lrlab::planePoint(plane, 0.5, -0.25, at.data());
    QCOMPARE(at[3], static_cast<float>(centre[3] + 0.5 * d1(3) - 0.25 * d2(3)));
    QCOMPARE(at[20], centre[20]); // biases stay at the centre
}

void TestLandscape::threadCountDoesNotChangeGrid()
{
    const auto [problem, trace] = lrlab::test::trainModel(modelConfig("mlp", 40, 0.01, "adam"));
    const lrlab::ModelPlane plane = lrlab::makePcaPlane(trace);
    std::vector<std::vector<double>> grids;
    for (int threads : {1, 2, 3}) {
        lrlab::LandscapeOptions options;
        options.threads = threads;
        const lrlab::LandscapeGrid g =
            lrlab::computeModelGrid(*problem, plane, 7, plane.defaultBox, options);
        QVERIFY(g.complete);
        QCOMPARE(countFinite(g.loss), 49);
        grids.push_back(g.loss);
    }
    QVERIFY(grids[0] == grids[1]);
    QVERIFY(grids[0] == grids[2]);
    const auto surface = lrlab::makeToySurface("six_hump_camel");
    lrlab::LandscapeOptions one, three;
    one.threads = 1;
    three.threads = 3;
    QVERIFY(lrlab::computeToyGrid(*surface, 64, surface->info().view, one).loss ==
            lrlab::computeToyGrid(*surface, 64, surface->info().view, three).loss);
}

void TestLandscape::coarseGridCellsAreFineGridCells()
{
    // Coarse-to-fine: the 5×5 preview's cells are exactly the even cells of the 9×9 grid.
    const auto [problem, trace] = lrlab::test::trainModel(modelConfig("logreg", 50, 0.1));
    const lrlab::ModelPlane plane = lrlab::makeAxesPlane(trace);
    const lrlab::LandscapeGrid coarse =
        lrlab::computeModelGrid(*problem, plane, 5, plane.defaultBox);
    const lrlab::LandscapeGrid fine = lrlab::computeModelGrid(*problem, plane, 9, plane.defaultBox);
    for (int j = 0; j < 5; ++j)
        for (int i = 0; i < 5; ++i)
            QCOMPARE(coarse.at(i, j), fine.at(2 * i, 2 * j));
}

void TestLandscape::cancellationStopsEarly()
{
    const auto [problem, trace] = lrlab::test::trainModel(modelConfig("mlp", 20, 0.01, "adam"));
    const lrlab::ModelPlane plane = lrlab::makeRandomPlane(problem->modelSpec(), trace.final, 1);
    lrlab::CancelFlag cancel{false};
    std::atomic<int> reportedTotal{0};
    lrlab::LandscapeOptions options;
    options.threads = 2;
    options.cancel = &cancel;
    options.progress = [&](int done, int total) { // runs on worker threads: atomics only
        reportedTotal = total;
        if (done >= 5)
            cancel = true;
    };
    const lrlab::LandscapeGrid g =
        lrlab::computeModelGrid(*problem, plane, 20, plane.defaultBox, options);
    QVERIFY(!g.complete);
    const int computed = countFinite(g.loss);
    // The batch of cells that raised the flag, plus at most the one the other worker had started.
    QVERIFY2(computed >= 5 && computed <= 2 * lrlab::kLandscapeCellsPerBatch,
             qPrintable(QString::number(computed)));
    QCOMPARE(reportedTotal.load(), 400);
    // Raised before the start: nothing is computed.
    lrlab::LandscapeOptions stopped;
    stopped.cancel = &cancel;
    const lrlab::LandscapeGrid none =
        lrlab::computeModelGrid(*problem, plane, 4, plane.defaultBox, stopped);
    QVERIFY(!none.complete);
    QCOMPARE(countFinite(none.loss), 0);
}

void TestLandscape::badOptionsNameTheOption_data()
{
    QTest::addColumn<Thrower>("call");
    QTest::addColumn<QString>("option");
    const auto rosenbrock = std::shared_ptr<lrlab::ToySurface>(lrlab::makeToySurface("rosenbrock"));
    const lrlab::ViewBox view = rosenbrock->info().view;
    QTest::newRow("grid-1") << Thrower([=] { lrlab::computeToyGrid(*rosenbrock, 1, view); })
                            << "grid";
    QTest::newRow("grid-huge") << Thrower([=] { lrlab::computeToyGrid(*rosenbrock, 100000, view); })
                               << "grid";
    QTest::newRow("box-inverted") << Thrower([=] {
        lrlab::computeToyGrid(*rosenbrock, 4, lrlab::ViewBox{1.0, -1.0, 0.0, 1.0});
    }) << "box";
    QTest::newRow("box-nan") << Thrower([=] {
        lrlab::computeToyGrid(*rosenbrock, 4, lrlab::ViewBox{0.0, 1.0, 0.0, std::nan("")});
    }) << "box";
    QTest::newRow("plane-unknown")
        << Thrower([] { lrlab::parseLandscapePlane("diagonal"); }) << "plane";
    QTest::newRow("axes-on-mlp") << Thrower([] {
        lrlab::ModelTrace trace;
        trace.parameterCount = 39;
        trace.final.assign(39, 0.5F);
        lrlab::makeAxesPlane(trace);
    }) << "plane";
    QTest::newRow("pca-without-snapshots") << Thrower([] {
        lrlab::ModelTrace trace;
        trace.parameterCount = 39;
        trace.final.assign(39, 0.5F);
        lrlab::makePcaPlane(trace);
    }) << "plane";
    QTest::newRow("random-on-linreg") << Thrower([] {
        const lrlab::ModelSpec spec = lrlab::makeModelSpec("linreg", 1, 0, {}, "relu");
        lrlab::makeRandomPlane(spec, {0.5F, 0.25F}, 1);
    }) << "plane";
    QTest::newRow("random-diverged") << Thrower([] {
        const lrlab::ModelSpec spec = lrlab::makeModelSpec("mlp", 5, 3, {4}, "tanh");
        std::vector<float> centre(39, 0.5F);
        centre[3] = std::numeric_limits<float>::infinity();
        lrlab::makeRandomPlane(spec, centre, 1);
    }) << "plane";
}

void TestLandscape::badOptionsNameTheOption()
{
    QFETCH(Thrower, call);
    QFETCH(QString, option);
    const QString message = thrownMessage<std::invalid_argument>(call);
    QVERIFY2(message.startsWith(option + ":"), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestLandscape)
#include "tst_landscape.moc"
