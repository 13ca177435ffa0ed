// The explorer's experiment state: one owner of the RunConfig, validated by the core, refusals
// as values (never a clamp), family defaults on a problem switch, one definition of "changed".
#include "core/config/config_json.h"
#include "ui/experiment_model.h"

#include <QSignalSpy>
#include <QtTest>

using namespace lrlab;

class TestExperimentModel : public QObject
{
    Q_OBJECT
private slots:
    void startsWithTheDefaultExperiment();
    void switchingToAModelAppliesTheFamilyDefaults_data();
    void switchingToAModelAppliesTheFamilyDefaults();
    void switchingBackToAToyStartsAtItsStart();
    void refusalsLeaveTheConfigAndNameTheField_data();
    void refusalsLeaveTheConfigAndNameTheField();
    void hugeRunsAreRefusedWithAnEstimate();
    void acceptsWhatTheCoreAccepts();
    void emitsOnceWithWhatChanged_data();
    void emitsOnceWithWhatChanged();
    void noSignalWhenNothingChanges();
    void learningRateBelowTheFloorLowersTheFloor();
    void decayChangeResetsItsParameters();
    void applyTakesAWholeConfig();
};

void TestExperimentModel::startsWithTheDefaultExperiment()
{
    ExperimentModel model;
    QVERIFY(model.config() != RunConfig{});
    QCOMPARE(model.config().problem.type, std::string("rosenbrock"));
    QCOMPARE(model.config().init.size(), std::size_t(2)); // the start is explicit
    QVERIFY(model.surface() != nullptr);
    QVERIFY(!model.isModel());
}

void TestExperimentModel::switchingToAModelAppliesTheFamilyDefaults_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("dataset");
    QTest::newRow("mlp") << "mlp"
                         << "digits";
    QTest::newRow("softmax") << "softmax"
                             << "digits";
    QTest::newRow("linreg") << "linreg"
                            << "diabetes";
    QTest::newRow("logreg") << "logreg"
                            << "breast_cancer";
}

void TestExperimentModel::switchingToAModelAppliesTheFamilyDefaults()
{
    QFETCH(QString, type);
    QFETCH(QString, dataset);
    ExperimentModel model;
    // Leave the toy with unusual values: none of them may leak into the model.
    QVERIFY(!model.edit(QStringLiteral("eval_every"), [](RunConfig& c) { c.evalEvery = 1; }));
    QVERIFY(!model.setProblemType(type.toStdString()));
    const RunConfig& c = model.config();
    // docs/semantics.md §2.2: the config reader's defaults for {"problem": {"type": …}}.
    const LoadedConfig read = parseRunConfig(
        QStringLiteral("{\"problem\": {\"type\": \"%1\"}}").arg(type).toUtf8(), "test");
    QCOMPARE(c.problem.hidden, read.config.problem.hidden);
    QCOMPARE(c.problem.hidden, std::vector<int>{32});
    QCOMPARE(c.problem.batchSize, 32);
    QCOMPARE(c.problem.valFraction, 0.2);
    QCOMPARE(c.evalEvery, 50);
    QCOMPARE(QString::fromStdString(c.problem.dataset), dataset);
    QVERIFY(c.init.empty());
    QVERIFY(model.isModel());
    QVERIFY(model.surface() == nullptr);
}

void TestExperimentModel::switchingBackToAToyStartsAtItsStart()
{
    ExperimentModel model;
    QVERIFY(!model.setProblemType("mlp"));
    QVERIFY(!model.setProblemType("himmelblau"));
    const Eigen::VectorXd start = model.surface()->info().start;
    QCOMPARE(model.config().init, (std::vector<double>{start(0), start(1)}));
    QVERIFY(model.config().problem.dataset.empty());
}

void TestExperimentModel::refusalsLeaveTheConfigAndNameTheField_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("field");
    QTest::newRow("steps-0") << "steps=0"
                             << "steps";
    QTest::newRow("lr-0") << "lr=0"
                          << "schedule.lr";
    QTest::newRow("warmup-longer-than-run") << "warmup=5000"
                                            << "schedule.warmup_steps";
    QTest::newRow("momentum-1") << "momentum=1"
                                << "optimizer.momentum";
    QTest::newRow("batch-0") << "batch=0"
                             << "problem.batch_size";
    QTest::newRow("hidden-0") << "hidden=0"
                              << "problem.hidden[0]";
}

void TestExperimentModel::refusalsLeaveTheConfigAndNameTheField()
{
    QFETCH(QString, what);
    QFETCH(QString, field);
    ExperimentModel model;
    if (what.startsWith(QLatin1String("batch")) || what.startsWith(QLatin1String("hidden")))
        QVERIFY(!model.setProblemType("mlp"));
    const RunConfig before = model.config();
    QSignalSpy changed(&model, &ExperimentModel::configChanged);
    QSignalSpy refused(&model, &ExperimentModel::refused);
    Refusal refusal;
    if (what == QLatin1String("steps=0"))
        refusal = model.setSteps(0);
    else if (what == QLatin1String("lr=0"))
        refusal = model.setLearningRate(0.0);
    else if (what == QLatin1String("warmup=5000"))
        refusal = model.edit(QStringLiteral("schedule.warmup_steps"),
                             [](RunConfig& c) { c.schedule.warmupSteps = 5000; });
    else if (what == QLatin1String("momentum=1"))
        refusal = model.edit(QStringLiteral("optimizer.momentum"),
                             [](RunConfig& c) { c.optimizer.momentum = 1.0; });
    else if (what == QLatin1String("batch=0"))
        refusal = model.edit(QStringLiteral("problem.batch_size"),
                             [](RunConfig& c) { c.problem.batchSize = 0; });
    else
        refusal = model.edit(QStringLiteral("problem.hidden"),
                             [](RunConfig& c) { c.problem.hidden = {0}; });
    QVERIFY(refusal.refused());
    QCOMPARE(refusal.field, field);
    QVERIFY2(refusal.reason.startsWith(field), qPrintable(refusal.reason));
    QVERIFY(model.config() == before);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(refused.count(), 1);
    QCOMPARE(refused.at(0).at(0).toString(), field);
}

void TestExperimentModel::hugeRunsAreRefusedWithAnEstimate()
{
    ExperimentModel model;
    const Refusal refusal = model.setSteps(ExperimentModel::kMaxSteps + 1);
    QVERIFY(refusal.refused());
    QCOMPARE(refusal.field, QStringLiteral("steps"));
    QVERIFY2(refusal.reason.contains(QLatin1String("GB")) ||
                 refusal.reason.contains(QLatin1String("GiB")),
             qPrintable(refusal.reason));
    QCOMPARE(model.config().steps, ExperimentModel::defaultExperiment().steps);
}

void TestExperimentModel::acceptsWhatTheCoreAccepts()
{
    // No window caps: 50 000 steps and lr 1e9 are valid configs (the latter diverges: data).
    ExperimentModel model;
    QVERIFY(!model.setSteps(50000));
    QCOMPARE(model.config().steps, 50000);
    QCOMPARE(model.config().schedule.totalSteps, 50000);
    QVERIFY(!model.setLearningRate(1e9));
    QCOMPARE(model.config().schedule.learningRate, 1e9);
    QVERIFY(!model.edit(QStringLiteral("seed"),
                        [](RunConfig& c) { c.seed = 18446744073709551615ull; }));
    QCOMPARE(model.config().seed, 18446744073709551615ull);
}

void TestExperimentModel::emitsOnceWithWhatChanged_data()
{
    QTest::addColumn<int>("edit");
    QTest::addColumn<int>("expected");
    QTest::newRow("lr") << 0 << int(ConfigChange::LearningRate);
    QTest::newRow("start") << 1 << int(ConfigChange::Start);
    QTest::newRow("optimizer") << 2 << int(ConfigChange::Optimizer);
    QTest::newRow("steps") << 3 << int(ConfigChange::Steps);
    QTest::newRow("decay") << 4 << int(ConfigChange::Schedule);
    QTest::newRow("problem") << 5 << int(ConfigChange::Problem | ConfigChange::Start);
}

void TestExperimentModel::emitsOnceWithWhatChanged()
{
    QFETCH(int, edit);
    QFETCH(int, expected);
    ExperimentModel model;
    QSignalSpy changed(&model, &ExperimentModel::configChanged);
    Refusal refusal;
    switch (edit) {
    case 0:
        refusal = model.setLearningRate(0.02);
        break;
    case 1:
        refusal = model.setStart(0.5, 0.5);
        break;
    case 2:
        refusal = model.setOptimizerType("adam");
        break;
    case 3:
        refusal = model.setSteps(500);
        break;
    case 4:
        refusal = model.setDecay(Decay::Linear);
        break;
    default:
        refusal = model.setProblemType("booth");
        break;
    }
    QVERIFY2(!refusal.refused(), qPrintable(refusal.reason));
    QCOMPARE(changed.count(), 1);
    const auto what = changed.at(0).at(1).value<ConfigChanges>();
    QCOMPARE(int(what), expected);
    QVERIFY(changed.at(0).at(0).value<RunConfig>() == model.config());
}

void TestExperimentModel::noSignalWhenNothingChanges()
{
    ExperimentModel model;
    QSignalSpy changed(&model, &ExperimentModel::configChanged);
    QVERIFY(!model.setLearningRate(model.config().schedule.learningRate));
    QVERIFY(!model.apply(model.config()));
    QVERIFY(!model.setProblemType(model.config().problem.type));
    QCOMPARE(changed.count(), 0);
}

void TestExperimentModel::learningRateBelowTheFloorLowersTheFloor()
{
    ExperimentModel model;
    QVERIFY(!model.edit(QStringLiteral("schedule.min_lr"),
                        [](RunConfig& c) { c.schedule.minLr = 1e-3; }));
    QVERIFY(!model.setLearningRate(1e-4));
    QCOMPARE(model.config().schedule.learningRate, 1e-4);
    QCOMPARE(model.config().schedule.minLr, 1e-4);
}

void TestExperimentModel::decayChangeResetsItsParameters()
{
    ExperimentModel model;
    QVERIFY(!model.setDecay(Decay::Step));
    QVERIFY(!model.edit(QStringLiteral("schedule.gamma"),
                        [](RunConfig& c) { c.schedule.gamma = 0.5; }));
    QVERIFY(!model.edit(QStringLiteral("schedule.warmup_steps"),
                        [](RunConfig& c) { c.schedule.warmupSteps = 10; }));
    QVERIFY(!model.setDecay(Decay::Exponential));
    QVERIFY(!model.config().schedule.gamma.has_value()); // exponential's own default
    QCOMPARE(model.config().schedule.warmupSteps, 10);
    // One-cycle has its own rise: warmup goes to 0 (docs/semantics.md §2.4), or it would be
    // refused.
    QVERIFY(!model.setDecay(Decay::OneCycle));
    QCOMPARE(model.config().schedule.warmupSteps, 0);
}

void TestExperimentModel::applyTakesAWholeConfig()
{
    ExperimentModel model;
    RunConfig config;
    config.problem.type = "quadratic";
    config.problem.parameters = {{"a", 4.0}, {"b", 1.0}};
    config.optimizer.type = "adam";
    config.steps = 300;
    config.schedule.totalSteps = 300;
    QVERIFY(!model.apply(config));
    QCOMPARE(model.config().problem.parameters, config.problem.parameters);
    QCOMPARE(model.config().init.size(), std::size_t(2)); // filled from the surface
    QCOMPARE(model.surface()->info().name, std::string("quadratic"));
    config.problem.type = "no_such_surface";
    const Refusal refusal = model.apply(config);
    QVERIFY(refusal.refused());
    QCOMPARE(refusal.field, QStringLiteral("problem.type"));
    QCOMPARE(model.config().problem.type, std::string("quadratic"));
}

QTEST_GUILESS_MAIN(TestExperimentModel)
#include "tst_experiment_model.moc"
