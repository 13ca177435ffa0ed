// The memory and time limits validate() applies before a run: a config over a limit is refused
// with the key to change and the estimate; ordinary configs (the lessons' sizes) pass; sizes are
// computed without overflow; a model spec whose parameter count does not fit an int is refused.
#include "core/config/config_json.h"
#include "core/config/resource_estimate.h"
#include "core/config/run_config.h"
#include "core/models/model_spec.h"
#include "tests/common/throws.h"

#include <QtTest>

#include <climits>

using lrlab::test::thrownMessage;
Q_DECLARE_METATYPE(lrlab::RunConfig)

namespace {

/// The config of a JSON text (parsed without validation errors for the limits' own keys).
lrlab::RunConfig mlpConfig(const std::vector<int>& hidden, int steps,
                           const std::string& dataset = "digits")
{
    lrlab::RunConfig config;
    config.problem = lrlab::defaultProblemSpec("mlp");
    config.problem.dataset = dataset;
    config.problem.hidden = hidden;
    config.steps = steps;
    config.schedule.totalSteps = steps;
    return config;
}

} // namespace

class TestResourceLimits : public QObject
{
    Q_OBJECT

private slots:
    void refused_data();
    void refused();
    void accepted_data();
    void accepted();
    void estimateGrowsWithTheRun();
    void parseRefusesTooLongRun();
    void modelSpecRefusesIntOverflow_data();
    void modelSpecRefusesIntOverflow();
    void durationAndBytesText();
};

void TestResourceLimits::refused_data()
{
    QTest::addColumn<lrlab::RunConfig>("config");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("shown");
    QTest::newRow("hidden-65536x65536")
        << mlpConfig({65536, 65536}, 1000)
        << "problem.hidden: [65536, 65536] needs 16 GiB of parameters"
        << QStringList{"4299948042 parameters", "a model holds at most 2147483647"};
    QTest::newRow("hidden-100000x100000")
        << mlpConfig({100000, 100000}, 1000) << "problem.hidden: [100000, 100000]"
        << QStringList{"a model holds at most 2147483647"};
    QTest::newRow("hidden-1e6x4295")
        << mlpConfig({1000000, 4295}, 1000) << "problem.hidden: [1000000, 4295]"
        << QStringList{"a model holds at most 2147483647"};
    QTest::newRow("hidden-1e6") << mlpConfig({1000000}, 1000) << "problem.hidden: [1000000]"
                                << QStringList{"needs 286 MiB of parameters", "75000010 parameters",
                                               "more than the 4 GiB"};
    QTest::newRow("steps-1e7-mlp")
        << mlpConfig({32}, 10000000) << "steps: 10000000 steps would keep about 3.7 GiB"
        << QStringList{"at most 5000000 steps"};
    lrlab::RunConfig rare = mlpConfig({512, 512}, 4000000);
    rare.evalEvery = 4000000;
    QTest::newRow("steps-4e6-wide-mlp")
        << rare << "steps: 4000000 steps of this mlp take an estimated"
        << QStringList{"more than the 10 min a run may take"};
    lrlab::RunConfig evaluating = mlpConfig({32}, 100000, "fashion_mnist");
    evaluating.evalEvery = 10;
    QTest::newRow("eval-every-10-fashion")
        << evaluating << "eval_every: evaluating all 70000 rows every 10 steps"
        << QStringList{"an estimated", "more than the 10 min"};
}

void TestResourceLimits::refused()
{
    QFETCH(lrlab::RunConfig, config);
    QFETCH(QString, key);
    QFETCH(QStringList, shown);
    const QString message = thrownMessage<std::invalid_argument>([&] { lrlab::validate(config); });
    QVERIFY2(message.startsWith(key), qPrintable(message));
    for (const QString& part : shown)
        QVERIFY2(message.contains(part), qPrintable(message + " lacks " + part));
}

void TestResourceLimits::accepted_data()
{
    QTest::addColumn<lrlab::RunConfig>("config");
    QTest::newRow("digits-mlp-default") << mlpConfig({32}, 1000);
    QTest::newRow("digits-mlp-long") << mlpConfig({64, 32}, 100000);
    QTest::newRow("digits-wide") << mlpConfig({1024, 1024}, 2000);
    QTest::newRow("fashion-mlp") << mlpConfig({256, 128}, 5000, "fashion_mnist");
    lrlab::RunConfig toy;
    toy.steps = 5000000;
    toy.schedule.totalSteps = toy.steps;
    QTest::newRow("toy-5e6-steps") << toy;
}

void TestResourceLimits::accepted()
{
    QFETCH(lrlab::RunConfig, config);
    lrlab::validate(config);
}

void TestResourceLimits::estimateGrowsWithTheRun()
{
    const lrlab::DataShape digits{1797, 64, 10};
    const lrlab::ResourceEstimate small = lrlab::estimateResources(mlpConfig({32}, 1000), digits);
    const lrlab::ResourceEstimate longer = lrlab::estimateResources(mlpConfig({32}, 2000), digits);
    const lrlab::ResourceEstimate wider = lrlab::estimateResources(mlpConfig({64}, 1000), digits);
    QCOMPARE(small.parameters, 64.0 * 32 + 32 + 32 * 10 + 10);
    QVERIFY(longer.seconds() > 1.9 * small.seconds());
    QVERIFY(longer.traceBytes > small.traceBytes);
    QVERIFY(wider.parameterBytes > 1.9 * small.parameterBytes);
    // No overflow: a width product beyond 64 bits is still a finite, huge estimate.
    const lrlab::ResourceEstimate huge =
        lrlab::estimateResources(mlpConfig({1000000, 1000000, 1000000}, 1000), digits);
    QVERIFY(huge.parameters > 1.9e12);
    QVERIFY(huge.memoryBytes() > 1e13);
}

void TestResourceLimits::parseRefusesTooLongRun()
{
    const QString message = thrownMessage<lrlab::ConfigError>([] {
        lrlab::parseRunConfig(R"({"problem": {"type": "mlp", "hidden": [1000000]}})", "big.json");
    });
    QVERIFY2(message.startsWith("big.json: problem.hidden: [1000000]"), qPrintable(message));
}

void TestResourceLimits::modelSpecRefusesIntOverflow_data()
{
    QTest::addColumn<std::vector<int>>("hidden");
    QTest::newRow("65536x65536") << std::vector<int>{65536, 65536};
    QTest::newRow("100000x100000") << std::vector<int>{100000, 100000};
    QTest::newRow("1e6x4295") << std::vector<int>{1000000, 4295};
    QTest::newRow("intmax") << std::vector<int>{INT_MAX};
}

void TestResourceLimits::modelSpecRefusesIntOverflow()
{
    QFETCH(std::vector<int>, hidden);
    const QString message = thrownMessage<std::invalid_argument>(
        [&] { lrlab::makeModelSpec("mlp", 64, 10, hidden, "relu"); });
    QVERIFY2(message.contains("more than 2147483647 parameters"), qPrintable(message));
}

void TestResourceLimits::durationAndBytesText()
{
    QCOMPARE(QString::fromStdString(lrlab::formatDuration(12.34)), QString("12.3 s"));
    QCOMPARE(QString::fromStdString(lrlab::formatDuration(600)), QString("10 min"));
    QCOMPARE(QString::fromStdString(lrlab::formatDuration(3.5 * 3600)), QString("3.5 h"));
}

QTEST_APPLESS_MAIN(TestResourceLimits)
#include "tst_resource_limits.moc"
