// Config equality (every field counts, exactly) and the problem families' defaults, which must
// be what the config reader fills for a config naming only the problem type.
#include "core/config/config_json.h"
#include "core/config/run_config.h"
#include "core/problems/toy_surface.h"

#include <QtTest>

#include <cmath>
#include <functional>

using lrlab::RunConfig;
using Change = std::function<void(RunConfig&)>;
Q_DECLARE_METATYPE(Change)

class TestRunConfig : public QObject
{
    Q_OBJECT

private slots:
    void equalWhenSame();
    void fieldDiffers_data();
    void fieldDiffers();
    void familyDefaults_data();
    void familyDefaults();
    void featureDefaultFollowsDataset();
    void unknownFamilyThrows();
};

void TestRunConfig::equalWhenSame()
{
    RunConfig a;
    a.problem = lrlab::defaultProblemSpec("mlp");
    a.schedule.gamma = 0.5;
    a.init = {1.0, 2.0};
    const RunConfig b = a;
    QVERIFY(a == b);
    QVERIFY(!(a != b));
    QVERIFY(a.problem == b.problem);
    QVERIFY(a.optimizer == b.optimizer);
    QVERIFY(a.schedule == b.schedule);
}

void TestRunConfig::fieldDiffers_data()
{
    QTest::addColumn<Change>("change");
    const auto row = [](const char* name, Change change) {
        QTest::newRow(name) << std::move(change);
    };
    // Problem.
    row("problem-type", [](RunConfig& c) { c.problem.type = "beale"; });
    row("problem-parameter-added", [](RunConfig& c) { c.problem.parameters["a"] = 1.0; });
    row("problem-noise", [](RunConfig& c) { c.problem.noise = 1e-300; });
    row("problem-dataset", [](RunConfig& c) { c.problem.dataset = "iris"; });
    row("problem-feature", [](RunConfig& c) { c.problem.feature = "bmi"; });
    row("problem-hidden", [](RunConfig& c) { c.problem.hidden = {32, 32}; });
    row("problem-activation", [](RunConfig& c) { c.problem.activation = "tanh"; });
    row("problem-batch-size", [](RunConfig& c) { c.problem.batchSize = 33; });
    row("problem-val-fraction", [](RunConfig& c) { c.problem.valFraction = 0.2 + 1e-16; });
    // Top level.
    row("init", [](RunConfig& c) { c.init = {0.0, 0.0}; });
    row("steps", [](RunConfig& c) { c.steps = 999; });
    row("seed", [](RunConfig& c) { c.seed = 2; });
    row("eval-every", [](RunConfig& c) { c.evalEvery = 49; });
    // Optimizer (sentinels compare as stored: -1 is not the resolved default).
    row("optimizer-type", [](RunConfig& c) { c.optimizer.type = "adam"; });
    row("optimizer-momentum", [](RunConfig& c) { c.optimizer.momentum = 0.9; });
    row("optimizer-nesterov", [](RunConfig& c) { c.optimizer.nesterov = true; });
    row("optimizer-alpha", [](RunConfig& c) { c.optimizer.alpha = 0.9; });
    row("optimizer-eps", [](RunConfig& c) { c.optimizer.eps = 1e-8; });
    row("optimizer-beta1", [](RunConfig& c) { c.optimizer.beta1 = 0.9; });
    row("optimizer-beta2", [](RunConfig& c) { c.optimizer.beta2 = 0.999; });
    row("optimizer-weight-decay", [](RunConfig& c) { c.optimizer.weightDecay = 0.0; });
    row("optimizer-block-size", [](RunConfig& c) { c.optimizer.blockSize = 64; });
    // Schedule.
    row("schedule-lr", [](RunConfig& c) { c.schedule.learningRate = 0.02; });
    row("schedule-warmup-steps", [](RunConfig& c) { c.schedule.warmupSteps = 1; });
    row("schedule-warmup-start", [](RunConfig& c) { c.schedule.warmupStartFactor = 0.1; });
    row("schedule-decay", [](RunConfig& c) { c.schedule.decay = lrlab::Decay::Cosine; });
    row("schedule-min-lr", [](RunConfig& c) { c.schedule.minLr = 1e-5; });
    row("schedule-total-steps", [](RunConfig& c) { c.schedule.totalSteps = 10; });
    row("schedule-gamma-set", [](RunConfig& c) { c.schedule.gamma = 0.99; });
    row("schedule-steps-per-epoch", [](RunConfig& c) { c.schedule.stepsPerEpoch = 2; });
    row("schedule-step-size-set", [](RunConfig& c) { c.schedule.stepSize = 1; });
    row("schedule-t0-set", [](RunConfig& c) { c.schedule.t0 = 250; });
    row("schedule-t-mult", [](RunConfig& c) { c.schedule.tMult = 2; });
    row("schedule-power", [](RunConfig& c) { c.schedule.power = 2.0; });
    row("schedule-timescale-set", [](RunConfig& c) { c.schedule.timescale = 0.0; });
    row("schedule-pct-start", [](RunConfig& c) { c.schedule.pctStart = 0.25; });
    row("schedule-div-factor", [](RunConfig& c) { c.schedule.divFactor = 10.0; });
    row("schedule-final-div-factor", [](RunConfig& c) { c.schedule.finalDivFactor = 1e3; });
    row("schedule-decay-fraction", [](RunConfig& c) { c.schedule.decayFraction = 0.1; });
    row("schedule-shape", [](RunConfig& c) { c.schedule.shape = lrlab::WsdShape::Sqrt; });
}

void TestRunConfig::fieldDiffers()
{
    QFETCH(Change, change);
    const RunConfig base;
    RunConfig changed = base;
    change(changed);
    QVERIFY(changed != base);
    QVERIFY(base != changed);
    QVERIFY(!(changed == base));
    // The part that holds the field differs too, and the other parts still compare equal.
    const int partsDiffering = int(changed.problem != base.problem) +
                               int(changed.optimizer != base.optimizer) +
                               int(changed.schedule != base.schedule);
    QVERIFY(partsDiffering <= 1);
}

void TestRunConfig::familyDefaults_data()
{
    QTest::addColumn<QString>("type");
    for (const auto& surface : lrlab::toySurfaceCatalogue())
        QTest::newRow(surface.name.c_str()) << QString::fromStdString(surface.name);
    for (const auto& model : lrlab::modelTypeNames())
        QTest::newRow(model.c_str()) << QString::fromStdString(model);
}

void TestRunConfig::familyDefaults()
{
    QFETCH(QString, type);
    const std::string name = type.toStdString();
    const QByteArray json = R"({"problem": {"type": ")" + type.toUtf8() + R"("}})";
    const RunConfig read = lrlab::parseRunConfig(json, "minimal.json").config;
    const lrlab::ProblemSpec spec = lrlab::defaultProblemSpec(name);
    QVERIFY(read.problem == spec);
    QCOMPARE(spec.type, name);
    QCOMPARE(spec.noise, 0.0);
    if (lrlab::isToySurface(name)) {
        QVERIFY(spec.parameters.empty()); // each parameter at the surface's default
        return;
    }
    QCOMPARE(read.evalEvery, lrlab::kDefaultEvalEvery);
    QCOMPARE(spec.dataset, lrlab::defaultDataset(name));
    QVERIFY(!spec.dataset.empty());
    QCOMPARE(spec.feature.empty(), name != "linreg" && name != "logreg");
    QCOMPARE(spec.hidden, std::vector<int>{32});
    QCOMPARE(spec.activation, std::string("relu"));
    QCOMPARE(spec.batchSize, 32);
    QCOMPARE(spec.valFraction, 0.2);
}

void TestRunConfig::featureDefaultFollowsDataset()
{
    // The default feature belongs to the default dataset; another dataset leaves the choice to
    // the problem (empty feature), a named feature is kept.
    const auto read = [](const QByteArray& problem) {
        return lrlab::parseRunConfig(R"({"problem": )" + problem + "}", "p.json").config.problem;
    };
    QCOMPARE(read(R"({"type": "logreg", "dataset": "breast_cancer"})").feature,
             std::string("mean_radius"));
    QCOMPARE(read(R"({"type": "logreg", "dataset": "iris"})").feature, std::string());
    QCOMPARE(read(R"({"type": "linreg", "feature": "age"})").feature, std::string("age"));
}

void TestRunConfig::unknownFamilyThrows()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::defaultProblemSpec("no_such"));
}

QTEST_GUILESS_MAIN(TestRunConfig)
#include "tst_run_config.moc"
