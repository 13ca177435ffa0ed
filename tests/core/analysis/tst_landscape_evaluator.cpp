// The batched landscape evaluator (core/analysis/landscape_evaluator.h) behind computeModelGrid:
// every cell bit-identical to the straightforward ModelProblem::trainLoss at the cell's
// parameters (one, two and three layers, tanh and relu, a tabular and a byte dataset), the same
// bits on 1, 2 and 4 threads, the projected first layer within float rounding of the exact one,
// and the evenly spread row subset.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized" // GCC PR 105593, see model.cpp
#endif
#include "core/analysis/landscape.h"
#include "core/analysis/landscape_evaluator.h"
#include "core/config/run_config.h"
#include "core/engine/model_problem.h"
#include "core/models/model.h"
#include "tests/common/run_configs.h"

#include <QtTest>

#include <atomic>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

/// The problem of a model config and a random plane around its seeded initial parameters
/// (scaled so the grid spans losses well above and below the centre's).
struct PlaneCase
{
    std::shared_ptr<const lrlab::ModelProblem> problem;
    lrlab::ModelPlane plane;
};

PlaneCase planeCase(const std::string& type, const std::string& dataset,
                    const std::vector<int>& hidden, const std::string& activation)
{
    lrlab::RunConfig config = lrlab::test::runConfig(type, 0.01, 10);
    config.problem.dataset = dataset;
    config.problem.hidden = hidden;
    config.problem.activation = activation;
    PlaneCase c;
    c.problem = lrlab::ModelProblem::create(config.problem, 5);
    lrlab::Model<float> model(c.problem->modelSpec());
    std::vector<float> centre(static_cast<std::size_t>(model.parameterCount()));
    model.initialize(5, centre.data());
    c.plane = lrlab::makeRandomPlane(c.problem->modelSpec(), centre, 9);
    return c;
}

/// The straightforward evaluation: one Model<float> and trainLoss per cell.
std::vector<double> perCellLosses(const lrlab::ModelProblem& problem,
                                  const lrlab::ModelPlane& plane, const lrlab::LandscapeGrid& grid)
{
    lrlab::Model<float> model(problem.modelSpec());
    model.reserve(std::min(problem.trainCount(), 2048));
    std::vector<float> params(static_cast<std::size_t>(plane.parameterCount()));
    std::vector<double> losses;
    for (int j = 0; j < grid.n; ++j)
        for (int i = 0; i < grid.n; ++i) {
            lrlab::planePoint(plane, grid.alpha[static_cast<std::size_t>(i)],
                              grid.beta[static_cast<std::size_t>(j)], params.data());
            losses.push_back(problem.trainLoss(model, params.data()));
        }
    return losses;
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

} // namespace

class TestLandscapeEvaluator : public QObject
{
    Q_OBJECT
private slots:
    void gridEqualsPerCellTrainLoss_data();
    void gridEqualsPerCellTrainLoss();
    void threadCountDoesNotChangeBits();
    void projectedFirstLayerWithinFloatRounding_data();
    void projectedFirstLayerWithinFloatRounding();
    void rowSubsetIsSpreadEvenly();
    void finerGridReusesCoarserCells_data();
    void finerGridReusesCoarserCells();
    void raisedCancelAbandonsBatch();
};

void TestLandscapeEvaluator::gridEqualsPerCellTrainLoss_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<std::vector<int>>("hidden");
    QTest::addColumn<QString>("activation");
    QTest::addColumn<int>("n");
    QTest::newRow("digits mlp 32 tanh") << "mlp"
                                        << "digits" << std::vector<int>{32} << "tanh" << 7;
    QTest::newRow("digits mlp 24-12 relu") << "mlp"
                                           << "digits" << std::vector<int>{24, 12} << "relu" << 5;
    QTest::newRow("wine softmax") << "softmax"
                                  << "wine" << std::vector<int>{} << "tanh" << 6;
    // A byte dataset: chunks of 512 rows whose means are rounded to float (48 000 rows).
    QTest::newRow("fashion mlp 4 tanh") << "mlp"
                                        << "fashion_mnist" << std::vector<int>{4} << "tanh" << 2;
}

void TestLandscapeEvaluator::gridEqualsPerCellTrainLoss()
{
    QFETCH(QString, type);
    QFETCH(QString, dataset);
    QFETCH(std::vector<int>, hidden);
    QFETCH(QString, activation);
    QFETCH(int, n);
    PlaneCase c;
    try {
        c = planeCase(type.toStdString(), dataset.toStdString(), hidden, activation.toStdString());
    } catch (const std::exception& e) {
        if (dataset == "fashion_mnist")
            QSKIP(e.what()); // the Debian package dataset-fashion-mnist is not installed
        throw;
    }
    QVERIFY(lrlab::LandscapeEvaluator::supports(*c.problem));
    lrlab::LandscapeOptions options;
    options.threads = 2;
    const lrlab::LandscapeGrid grid =
        lrlab::computeModelGrid(*c.problem, c.plane, n, c.plane.defaultBox, options);
    QVERIFY(grid.complete);
    QCOMPARE(grid.rows, c.problem->trainCount());
    const std::vector<double> expected = perCellLosses(*c.problem, c.plane, grid);
    double lowest = INFINITY, highest = -INFINITY;
    for (std::size_t k = 0; k < expected.size(); ++k) {
        QVERIFY2(sameBits(grid.loss[k], expected[k]),
                 qPrintable(QStringLiteral("cell %1: %2 vs per-cell %3")
                                .arg(k)
                                .arg(grid.loss[k], 0, 'g', 17)
                                .arg(expected[k], 0, 'g', 17)));
        lowest = std::min(lowest, expected[k]);
        highest = std::max(highest, expected[k]);
    }
    QVERIFY(highest > lowest); // the cells differ: a mix-up of cells would show
}

void TestLandscapeEvaluator::threadCountDoesNotChangeBits()
{
    const PlaneCase c = planeCase("mlp", "digits", {32}, "tanh");
    std::vector<double> reference;
    for (const int threads : {1, 2, 4}) {
        lrlab::LandscapeOptions options;
        options.threads = threads;
        // 9×9 = 81 cells: ten full batches and a partial one.
        const lrlab::LandscapeGrid grid =
            lrlab::computeModelGrid(*c.problem, c.plane, 9, c.plane.defaultBox, options);
        if (reference.empty()) {
            reference = grid.loss;
            continue;
        }
        for (std::size_t k = 0; k < reference.size(); ++k)
            QVERIFY2(sameBits(grid.loss[k], reference[k]),
                     qPrintable(QStringLiteral("%1 threads, cell %2").arg(threads).arg(k)));
    }
}

void TestLandscapeEvaluator::projectedFirstLayerWithinFloatRounding_data()
{
    // The projected path keeps every later layer unit by unit (rows along the vectors): a hidden
    // layer after the first, relu, a model whose first layer is its output, few classes.
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("dataset");
    QTest::addColumn<std::vector<int>>("hidden");
    QTest::addColumn<QString>("activation");
    QTest::newRow("mlp digits 32 tanh") << "mlp"
                                        << "digits" << std::vector<int>{32} << "tanh";
    QTest::newRow("mlp digits 24-12 relu") << "mlp"
                                           << "digits" << std::vector<int>{24, 12} << "relu";
    QTest::newRow("softmax wine") << "softmax"
                                  << "wine" << std::vector<int>{} << "relu";
    QTest::newRow("mlp iris 5-3 tanh") << "mlp"
                                       << "iris" << std::vector<int>{5, 3} << "tanh";
}

void TestLandscapeEvaluator::projectedFirstLayerWithinFloatRounding()
{
    QFETCH(QString, type);
    QFETCH(QString, dataset);
    QFETCH(std::vector<int>, hidden);
    QFETCH(QString, activation);
    const PlaneCase c =
        planeCase(type.toStdString(), dataset.toStdString(), hidden, activation.toStdString());
    lrlab::LandscapeOptions exact;
    exact.maxRows = 700;
    lrlab::LandscapeOptions projected = exact;
    projected.projectFirstLayer = true;
    const auto a = lrlab::computeModelGrid(*c.problem, c.plane, 6, c.plane.defaultBox, exact);
    const auto b = lrlab::computeModelGrid(*c.problem, c.plane, 6, c.plane.defaultBox, projected);
    const int rows = std::min(700, c.problem->trainCount());
    QCOMPARE(a.rows, rows);
    QCOMPARE(b.rows, rows);
    bool anyDifferent = false;
    for (std::size_t k = 0; k < a.loss.size(); ++k) {
        // Float rounding of the first layer's sums (64 products) and of the parameters only: the
        // mean loss moves by about float epsilon (2.1e-7 at most over the 51×51 digits map).
        QVERIFY2(std::abs(a.loss[k] - b.loss[k]) <= 1e-6 * std::abs(a.loss[k]),
                 qPrintable(QStringLiteral("cell %1: exact %2, projected %3")
                                .arg(k)
                                .arg(a.loss[k], 0, 'g', 10)
                                .arg(b.loss[k], 0, 'g', 10)));
        anyDifferent = anyDifferent || a.loss[k] != b.loss[k];
    }
    Q_UNUSED(anyDifferent); // equal bits are allowed, merely not promised
}

void TestLandscapeEvaluator::rowSubsetIsSpreadEvenly()
{
    const PlaneCase c = planeCase("mlp", "digits", {8}, "tanh");
    const std::vector<int>& train = c.problem->split().train;
    QCOMPARE(lrlab::landscapeRows(*c.problem, 0), train);
    QCOMPARE(lrlab::landscapeRows(*c.problem, c.problem->trainCount() + 5), train);
    const std::vector<int> rows = lrlab::landscapeRows(*c.problem, 100);
    QCOMPARE(rows.size(), std::size_t{100});
    QCOMPARE(rows.front(), train.front());
    const std::size_t n = train.size();
    for (std::size_t k = 0; k < rows.size(); ++k)
        QCOMPARE(rows[k], train[k * n / 100]);
    // A subset grid is the per-cell mean over exactly those rows.
    lrlab::LandscapeOptions options;
    options.maxRows = 100;
    const auto grid = lrlab::computeModelGrid(*c.problem, c.plane, 2, c.plane.defaultBox, options);
    QCOMPARE(grid.rows, 100);
    QCOMPARE(grid.totalRows, static_cast<int>(n));
    lrlab::Model<float> model(c.problem->modelSpec());
    std::vector<float> x(rows.size() * static_cast<std::size_t>(c.problem->features()));
    std::vector<int> labels(rows.size());
    c.problem->gather(rows.data(), 100, x.data(), labels.data(), nullptr);
    std::vector<float> params(static_cast<std::size_t>(c.plane.parameterCount()));
    lrlab::planePoint(c.plane, grid.alpha[1], grid.beta[0], params.data());
    const double expected = model.loss(params.data(), x.data(), 100, labels.data(), nullptr);
    QVERIFY(sameBits(grid.at(1, 0), expected));
}

void TestLandscapeEvaluator::finerGridReusesCoarserCells_data()
{
    QTest::addColumn<bool>("projected");
    QTest::newRow("exact") << false;
    QTest::newRow("projected") << true;
}

void TestLandscapeEvaluator::finerGridReusesCoarserCells()
{
    QFETCH(bool, projected);
    const PlaneCase c = planeCase("mlp", "digits", {16}, "tanh");
    const lrlab::LandscapeEvaluator evaluator(
        *c.problem, c.plane, lrlab::landscapeRows(*c.problem, 500),
        projected ? lrlab::FirstLayerMode::Projected : lrlab::FirstLayerMode::Exact);
    std::atomic<int> computedTotal{0};
    lrlab::LandscapeOptions options;
    options.threads = 2;
    options.progress = [&](int, int total) { computedTotal = total; };
    const lrlab::ViewBox box = c.plane.defaultBox;
    const auto coarse = lrlab::computeEvaluatorGrid(evaluator, 5, box, options);
    QCOMPARE(computedTotal.load(), 25);
    const auto fine = lrlab::computeEvaluatorGrid(evaluator, 9, box, options, &coarse);
    QCOMPARE(computedTotal.load(), 81 - 25); // the 25 even cells were copied
    const auto fresh = lrlab::computeEvaluatorGrid(evaluator, 9, box, options);
    QCOMPARE(computedTotal.load(), 81);
    QVERIFY(fine.complete);
    for (std::size_t k = 0; k < fresh.loss.size(); ++k)
        QVERIFY2(sameBits(fine.loss[k], fresh.loss[k]), qPrintable(QString::number(k)));
    // A grid that does not nest (side 8) computes every cell.
    lrlab::computeEvaluatorGrid(evaluator, 8, box, options, &coarse);
    QCOMPARE(computedTotal.load(), 64);
}

void TestLandscapeEvaluator::raisedCancelAbandonsBatch()
{
    const PlaneCase c = planeCase("mlp", "digits", {16}, "tanh");
    const lrlab::LandscapeEvaluator evaluator(
        *c.problem, c.plane, lrlab::landscapeRows(*c.problem, 0), lrlab::FirstLayerMode::Exact);
    lrlab::LandscapeEvaluator::Scratch scratch;
    const double alpha[2] = {0.1, -0.2};
    const double beta[2] = {0.3, 0.0};
    double loss[2] = {-1.0, -1.0};
    lrlab::CancelFlag cancel{true};
    QVERIFY(!evaluator.evaluate(alpha, beta, 2, loss, scratch, &cancel));
    QCOMPARE(loss[0], -1.0); // untouched
    cancel = false;
    QVERIFY(evaluator.evaluate(alpha, beta, 2, loss, scratch, &cancel));
    QVERIFY(loss[0] > 0.0 && loss[1] > 0.0 && loss[0] != loss[1]);
}

QTEST_APPLESS_MAIN(TestLandscapeEvaluator)
#include "tst_landscape_evaluator.moc"
