// Evaluations on their own thread (EvaluationWorker, ModelRunOptions::parallelEvaluations): the
// same numbers as in line, in row order, with any number of slots; a streaming observer sees
// them behind the rows but never out of order; a cancelled run stops without waiting for the queue.
#include "core/engine/evaluation_worker.h"
#include "core/engine/model_run.h"
#include "tests/common/run_configs.h"

#include <QtTest>

#include <cmath>
#include <cstring>

namespace {

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

lrlab::RunConfig digitsRun(int steps, int evalEvery)
{
    lrlab::RunConfig c = lrlab::test::digitsMlp(32, 0.05, steps);
    c.optimizer.momentum = 0.9;
    c.evalEvery = evalEvery;
    return c;
}

} // namespace

class TestEvaluationWorker : public QObject
{
    Q_OBJECT

private slots:
    void sameEvaluationsWithAnySlots_data();
    void sameEvaluationsWithAnySlots();
    void observerSeesEvaluationsInRowOrder();
    void cancelledRunStops();
};

void TestEvaluationWorker::sameEvaluationsWithAnySlots_data()
{
    QTest::addColumn<int>("slotCount");
    QTest::newRow("1 slot") << 1;
    QTest::newRow("3 slots") << 3;
    QTest::newRow("16 slots") << 16;
}

void TestEvaluationWorker::sameEvaluationsWithAnySlots()
{
    QFETCH(int, slotCount);
    const lrlab::test::ModelRun run = lrlab::test::trainModel(digitsRun(120, 40));
    const lrlab::ModelProblem& problem = *run.problem;
    lrlab::Model<float> model(problem.modelSpec());
    model.reserve(lrlab::ModelProblem::kEvaluationChunk);
    const int p = run.trace.parameterCount;
    // Ten different parameter vectors: the run's snapshots, each submitted under a made-up row.
    const int count = std::min(10, static_cast<int>(run.trace.snapshotRows.size()));
    QVERIFY(count >= 3);
    lrlab::ModelTrace got;
    {
        lrlab::EvaluationWorker worker(problem, p, lrlab::ModelProblem::kEvaluationChunk,
                                       slotCount);
        for (int i = 0; i < count; ++i)
            worker.submit(100 + i, run.trace.snapshots.data() + static_cast<std::size_t>(i) * p,
                          got);
        worker.finish(got);
    }
    QCOMPARE(static_cast<int>(got.evalRows.size()), count);
    for (int i = 0; i < count; ++i) {
        const float* params = run.trace.snapshots.data() + static_cast<std::size_t>(i) * p;
        const lrlab::Evaluation train = problem.evaluateTrain(model, params);
        const lrlab::Evaluation val = problem.evaluateValidation(model, params);
        const auto k = static_cast<std::size_t>(i);
        QCOMPARE(got.evalRows[k], 100 + i);
        QVERIFY(sameBits(got.trainLoss[k], train.loss));
        QVERIFY(sameBits(got.validationLoss[k], val.loss));
        QVERIFY(sameBits(got.validationAccuracy[k], val.accuracy));
    }
}

void TestEvaluationWorker::observerSeesEvaluationsInRowOrder()
{
    const lrlab::RunConfig config = digitsRun(600, 5); // 121 evaluations, many per chunk
    const lrlab::test::ModelRun inLine = lrlab::test::trainModel(config);
    lrlab::ModelRunOptions options;
    options.parallelEvaluations = true;
    options.chunkSteps = 16;
    int calls = 0;
    bool ordered = true;
    options.observer = [&](const lrlab::ModelTrace& trace, int) {
        ++calls;
        for (std::size_t i = 0; i < trace.evalRows.size(); ++i) {
            ordered = ordered && trace.evalRows[i] < trace.rows();
            ordered = ordered && (i == 0 || trace.evalRows[i - 1] < trace.evalRows[i]);
        }
        return true;
    };
    const lrlab::ModelTrace parallel = lrlab::runModel(config, *inLine.problem, nullptr, options);
    QVERIFY(calls > 30);
    QVERIFY(ordered);
    QCOMPARE(parallel.evalRows, inLine.trace.evalRows);
    QCOMPARE(parallel.evalRows.size(), std::size_t{121});
    for (std::size_t i = 0; i < parallel.evalRows.size(); ++i) {
        QVERIFY(sameBits(parallel.trainLoss[i], inLine.trace.trainLoss[i]));
        QVERIFY(sameBits(parallel.validationLoss[i], inLine.trace.validationLoss[i]));
        QVERIFY(sameBits(parallel.validationAccuracy[i], inLine.trace.validationAccuracy[i]));
    }
}

void TestEvaluationWorker::cancelledRunStops()
{
    const lrlab::RunConfig config = digitsRun(100000, 1); // an evaluation every step
    const auto problem = lrlab::ModelProblem::create(config.problem, config.seed);
    lrlab::CancelFlag cancel{false};
    lrlab::ModelRunOptions options;
    options.parallelEvaluations = true;
    options.chunkSteps = 50;
    options.observer = [&](const lrlab::ModelTrace& trace, int) {
        if (trace.rows() >= 200)
            cancel = true;
        return true;
    };
    QElapsedTimer timer;
    timer.start();
    const lrlab::ModelTrace trace = lrlab::runModel(config, *problem, &cancel, options);
    QCOMPARE(trace.status, lrlab::RunStatus::Cancelled);
    QVERIFY(trace.rows() >= 200 && trace.rows() < 1000);
    // The evaluations collected before the stop are in the trace, in order; the queued ones
    // (at most the worker's 4 slots) are dropped, not waited for.
    const int evaluations = static_cast<int>(trace.evalRows.size());
    QVERIFY2(
        evaluations <= trace.rows() && evaluations >= trace.rows() - 5,
        qPrintable(QStringLiteral("%1 evaluations of %2 rows").arg(evaluations).arg(trace.rows())));
    for (int k = 0; k < evaluations; ++k)
        QCOMPARE(trace.evalRows[static_cast<std::size_t>(k)], k);
    QVERIFY2(timer.elapsed() < 20000, "the run did not stop");
}

QTEST_GUILESS_MAIN(TestEvaluationWorker)
#include "tst_evaluation_worker.moc"
