// runExperiment: the one entry for running a config gives the same trace as the toy and model
// runners it dispatches to, passes the model options through, calls its hook before training,
// and honours cancellation and validation.
#include "core/engine/run_experiment.h"

#include <QtTest>

#include <stdexcept>

using namespace lrlab;

namespace {

RunConfig configOf(const std::string& type, int steps)
{
    RunConfig c;
    c.problem = defaultProblemSpec(type);
    c.optimizer.type = "adam";
    c.schedule.learningRate = 0.01;
    c.steps = c.schedule.totalSteps = steps;
    c.evalEvery = 10;
    c.seed = 5;
    return c;
}

} // namespace

class TestRunExperiment : public QObject
{
    Q_OBJECT

private slots:
    void toyMatchesRunToy_data();
    void toyMatchesRunToy();
    void modelMatchesRunModel_data();
    void modelMatchesRunModel();
    void preparedBeforeTraining();
    void preparedMayRefuse();
    void observerStopsModelRun();
    void cancelFlagStops_data();
    void cancelFlagStops();
    void invalidConfigThrows();
};

void TestRunExperiment::toyMatchesRunToy_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("noise");
    QTest::newRow("rosenbrock") << "rosenbrock" << 0.0;
    QTest::newRow("styblinski-tang-noisy") << "styblinski_tang" << 0.5;
}

void TestRunExperiment::toyMatchesRunToy()
{
    QFETCH(QString, type);
    QFETCH(double, noise);
    RunConfig config = configOf(type.toStdString(), 200);
    config.problem.noise = noise;
    const ExperimentResult run = runExperiment(config, nullptr);
    QVERIFY(run.isToy());
    QVERIFY(run.surface != nullptr);
    QVERIFY(run.problem == nullptr);
    QCOMPARE(run.minimumValue, run.surface->info().minimumValue);
    const ToyTrace expected = runToy(config);
    QCOMPARE(run.toy.loss, expected.loss);
    QCOMPARE(run.toy.x, expected.x);
    QCOMPARE(run.toy.y, expected.y);
    QCOMPARE(run.toy.learningRate, expected.learningRate);
    QCOMPARE(run.status(), expected.status);
    QCOMPARE(run.rows(), 201);
    QCOMPARE(run.model.rows(), 0);
}

void TestRunExperiment::modelMatchesRunModel_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("maxSnapshots");
    QTest::addColumn<bool>("recordBatches");
    QTest::newRow("logreg-batches") << "logreg" << 0 << true;
    QTest::newRow("mlp-snapshots") << "mlp" << 16 << false;
}

void TestRunExperiment::modelMatchesRunModel()
{
    QFETCH(QString, type);
    QFETCH(int, maxSnapshots);
    QFETCH(bool, recordBatches);
    const RunConfig config = configOf(type.toStdString(), 60);
    ExperimentCallbacks callbacks;
    callbacks.model.maxSnapshots = maxSnapshots;
    callbacks.model.recordBatches = recordBatches;
    const ExperimentResult run = runExperiment(config, nullptr, callbacks);
    QVERIFY(!run.isToy());
    QVERIFY(run.problem != nullptr);
    QCOMPARE(run.toy.rows(), 0);
    QCOMPARE(run.problem->datasetName(), defaultDataset(type.toStdString()));

    const auto problem = ModelProblem::create(config.problem, config.seed);
    const ModelTrace expected = runModel(config, *problem, nullptr, callbacks.model);
    QCOMPARE(run.model.loss, expected.loss);
    QCOMPARE(run.model.trainLoss, expected.trainLoss);
    QCOMPARE(run.model.final, expected.final);
    QCOMPARE(run.model.snapshots, expected.snapshots);
    QCOMPARE(run.model.batchRows, expected.batchRows);
    QCOMPARE(run.model.snapshots.empty(), maxSnapshots == 0);
    QCOMPARE(run.model.batchRows.empty(), !recordBatches);
    QCOMPARE(run.rows(), 60);
}

void TestRunExperiment::preparedBeforeTraining()
{
    for (const std::string type : {"beale", "linreg"}) {
        int calls = 0;
        bool observedBeforePrepared = false;
        ExperimentCallbacks callbacks;
        callbacks.model.observer = [&](const ModelTrace&, int) {
            observedBeforePrepared = observedBeforePrepared || calls == 0;
            return true;
        };
        callbacks.prepared = [&](const ExperimentResult& prepared) {
            ++calls;
            QCOMPARE(prepared.isToy(), type == "beale");
            QCOMPARE(prepared.problem != nullptr, type == "linreg");
            QCOMPARE(prepared.rows(), 0);
        };
        const ExperimentResult run = runExperiment(configOf(type, 30), nullptr, callbacks);
        QCOMPARE(calls, 1);
        QVERIFY(!observedBeforePrepared);
        QVERIFY(run.rows() > 0);
    }
}

void TestRunExperiment::preparedMayRefuse()
{
    bool observed = false;
    ExperimentCallbacks callbacks;
    callbacks.model.observer = [&](const ModelTrace&, int) { return observed = true; };
    callbacks.prepared = [](const ExperimentResult&) { throw std::runtime_error("refused"); };
    QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                             runExperiment(configOf("softmax", 30), nullptr, callbacks));
    QVERIFY(!observed);
}

void TestRunExperiment::observerStopsModelRun()
{
    ExperimentCallbacks callbacks;
    callbacks.model.chunkSteps = 5;
    callbacks.model.observer = [](const ModelTrace& trace, int) { return trace.rows() < 10; };
    const ExperimentResult run = runExperiment(configOf("mlp", 100), nullptr, callbacks);
    QCOMPARE(run.status(), RunStatus::Cancelled);
    QVERIFY(run.rows() < 100);
}

void TestRunExperiment::cancelFlagStops_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("toy") << "himmelblau";
    QTest::newRow("model") << "softmax";
}

void TestRunExperiment::cancelFlagStops()
{
    QFETCH(QString, type);
    CancelFlag cancel{true};
    const ExperimentResult run = runExperiment(configOf(type.toStdString(), 500), &cancel);
    QCOMPARE(run.status(), RunStatus::Cancelled);
}

void TestRunExperiment::invalidConfigThrows()
{
    RunConfig config = configOf("rosenbrock", 100);
    config.schedule.warmupSteps = 200;
    bool prepared = false;
    ExperimentCallbacks callbacks;
    callbacks.prepared = [&](const ExperimentResult&) { prepared = true; };
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, runExperiment(config, nullptr, callbacks));
    QVERIFY(!prepared);
}

QTEST_GUILESS_MAIN(TestRunExperiment)
#include "tst_run_experiment.moc"
