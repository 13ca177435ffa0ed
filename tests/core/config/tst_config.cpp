// Config loading and validation (docs/semantics.md §2): every bad input is refused with a message
// that names the source and the key path; good configs load with the documented defaults.
#include "core/config/config_json.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/throws.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using lrlab::test::nearlyEqual;
using lrlab::test::thrownMessage;

class TestConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void fullConfig();
    void badInput_data();
    void badInput();
    void ignoredKeysWarn();
    void roundTrip_data();
    void roundTrip();
    void missingFile();
};

void TestConfig::defaults()
{
    const lrlab::LoadedConfig loaded = lrlab::parseRunConfig("{}", "empty.json");
    const lrlab::RunConfig& c = loaded.config;
    QCOMPARE(c.problem.type, std::string("rosenbrock"));
    QCOMPARE(c.steps, 1000);
    QCOMPARE(c.seed, std::uint64_t(1));
    QCOMPARE(c.evalEvery, 50);
    QCOMPARE(c.optimizer.type, std::string("sgd"));
    QVERIFY(nearlyEqual(c.schedule.learningRate, 0.01));
    QCOMPARE(c.schedule.warmupSteps, 0);
    QCOMPARE(c.schedule.decay, lrlab::Decay::Constant);
    QCOMPARE(c.schedule.totalSteps, 1000); // total_steps defaults to steps
    QVERIFY(c.init.empty());
    QVERIFY(loaded.warnings.empty());
}

void TestConfig::fullConfig()
{
    const QByteArray json = R"({
      "problem":   {"type": "quadratic", "a": 2, "b": 20, "angle_deg": 30, "noise": 0.1},
      "init":      [-1.5, 2.0],
      "optimizer": {"type": "adam", "beta1": 0.8, "beta2": 0.99, "eps": 1e-6, "weight_decay": 0.5},
      "schedule":  {"lr": 0.05, "warmup_steps": 10, "warmup_start_factor": 0.1,
                    "decay": "cosine", "min_lr": 0.001},
      "steps": 300,
      "seed": 42
    })";
    const lrlab::RunConfig c = lrlab::parseRunConfig(json, "full.json").config;
    QCOMPARE(c.problem.type, std::string("quadratic"));
    QVERIFY(nearlyEqual(c.problem.parameters.at("a"), 2.0));
    QVERIFY(nearlyEqual(c.problem.parameters.at("angle_deg"), 30.0));
    QVERIFY(nearlyEqual(c.problem.noise, 0.1));
    QCOMPARE(c.init.size(), std::size_t(2));
    QVERIFY(nearlyEqual(c.init[1], 2.0));
    QCOMPARE(c.optimizer.type, std::string("adam"));
    QVERIFY(nearlyEqual(c.optimizer.beta1, 0.8));
    QVERIFY(nearlyEqual(c.optimizer.weightDecay, 0.5));
    QCOMPARE(c.schedule.decay, lrlab::Decay::Cosine);
    QCOMPARE(c.schedule.warmupSteps, 10);
    QVERIFY(nearlyEqual(c.schedule.minLr, 0.001));
    QCOMPARE(c.schedule.totalSteps, 300);
    QCOMPARE(c.steps, 300);
    QCOMPARE(c.seed, std::uint64_t(42));
}

void TestConfig::badInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected"); // a part of the message

    QTest::newRow("syntax-error-line")
        << QByteArray("{\n  \"steps\": 10,\n  oops\n}") << "bad.json: line 3";
    QTest::newRow("empty-file") << QByteArray("   ") << "empty";
    QTest::newRow("top-level-array") << QByteArray("[1, 2]") << "JSON object";
    QTest::newRow("unknown-top-key") << QByteArray(R"({"stepz": 10})") << "stepz: unknown key";
    QTest::newRow("unknown-schedule-key") << QByteArray(R"({"schedule": {"lr": 0.1, "warmup": 5}})")
                                          << "schedule.warmup: unknown key";
    QTest::newRow("unknown-optimizer-key")
        << QByteArray(R"({"optimizer": {"type": "sgd", "mom": 0.9}})")
        << "optimizer.mom: unknown key";
    QTest::newRow("surface-param-of-other-surface")
        << QByteArray(R"({"problem": {"type": "beale", "a": 1}})") << "problem.a: unknown key";
    QTest::newRow("quadratic-negative-curvature")
        << QByteArray(R"({"problem": {"type": "quadratic", "b": -3}})") << "problem.b";
    QTest::newRow("missing-problem-type")
        << QByteArray(R"({"problem": {"a": 1}})") << "problem.type: is required";
    QTest::newRow("unknown-surface") << QByteArray(R"({"problem": {"type": "banana"}})")
                                     << "problem.type: unknown problem \"banana\"";
    QTest::newRow("unknown-optimizer") << QByteArray(R"({"optimizer": {"type": "adamax"}})")
                                       << "optimizer.type: unknown optimizer";
    QTest::newRow("unknown-decay") << QByteArray(R"({"schedule": {"decay": "cosin"}})")
                                   << "schedule.decay: unknown decay \"cosin\"";
    QTest::newRow("unknown-wsd-shape")
        << QByteArray(R"({"schedule": {"decay": "wsd", "shape": "cubic"}})") << "schedule.shape";
    QTest::newRow("lr-is-string") << QByteArray(R"({"schedule": {"lr": "0.1"}})")
                                  << "schedule.lr: expected a number, got a string";
    QTest::newRow("steps-not-integer")
        << QByteArray(R"({"steps": 10.5})") << "steps: expected an integer";
    QTest::newRow("steps-zero") << QByteArray(R"({"steps": 0})") << "steps: must be in [1,";
    QTest::newRow("seed-negative") << QByteArray(R"({"seed": -3})") << "seed: must be in [0,";
    QTest::newRow("lr-negative") << QByteArray(R"({"schedule": {"lr": -0.1}})")
                                 << "schedule.lr: must be > 0";
    QTest::newRow("lr-zero") << QByteArray(R"({"schedule": {"lr": 0}})")
                             << "schedule.lr: must be > 0";
    QTest::newRow("lr-overflows") << QByteArray(R"({"schedule": {"lr": 1e999}})")
                                  << "line 1, column 26 (in \"{\"schedule\": {\"lr\": 1e999}}\")";
    QTest::newRow("warmup-longer-than-run")
        << QByteArray(R"({"steps": 100, "schedule": {"warmup_steps": 200}})")
        << "schedule.warmup_steps: 200 is longer than the run";
    QTest::newRow("warmup-negative")
        << QByteArray(R"({"schedule": {"warmup_steps": -1}})") << "schedule.warmup_steps";
    QTest::newRow("warmup-start-factor-above-one")
        << QByteArray(R"({"schedule": {"warmup_start_factor": 1.5}})")
        << "schedule.warmup_start_factor";
    QTest::newRow("min-lr-above-lr")
        << QByteArray(R"({"schedule": {"lr": 0.1, "decay": "cosine", "min_lr": 0.5}})")
        << "schedule.min_lr";
    QTest::newRow("onecycle-with-warmup")
        << QByteArray(R"({"schedule": {"decay": "onecycle", "warmup_steps": 10}})")
        << "schedule.warmup_steps: must be 0 with decay \"onecycle\"";
    QTest::newRow("gamma-negative")
        << QByteArray(R"({"schedule": {"decay": "exponential", "gamma": -0.5}})")
        << "schedule.gamma";
    QTest::newRow("t-mult-fraction")
        << QByteArray(R"({"schedule": {"decay": "cosine_restarts", "t_mult": 1.5}})")
        << "schedule.t_mult";
    QTest::newRow("momentum-one") << QByteArray(
                                         R"({"optimizer": {"type": "sgd", "momentum": 1.0}})")
                                  << "optimizer.momentum";
    QTest::newRow("nesterov-without-momentum")
        << QByteArray(R"({"optimizer": {"type": "sgd", "nesterov": true}})")
        << "optimizer.nesterov";
    QTest::newRow("nesterov-not-bool")
        << QByteArray(R"({"optimizer": {"type": "sgd", "momentum": 0.9, "nesterov": 1}})")
        << "optimizer.nesterov: expected true or false";
    QTest::newRow("beta2-out-of-range")
        << QByteArray(R"({"optimizer": {"type": "adam", "beta2": 1.2}})") << "optimizer.beta2";
    QTest::newRow("beta1-negative")
        << QByteArray(R"({"optimizer": {"type": "adam", "beta1": -0.5}})")
        << "optimizer.beta1: must be >= 0";
    QTest::newRow("eps-zero") << QByteArray(R"({"optimizer": {"type": "adam", "eps": 0}})")
                              << "optimizer.eps";
    QTest::newRow("weight-decay-negative")
        << QByteArray(R"({"optimizer": {"type": "adamw", "weight_decay": -0.01}})")
        << "optimizer.weight_decay";
    QTest::newRow("noise-negative")
        << QByteArray(R"({"problem": {"type": "rosenbrock", "noise": -1}})") << "problem.noise";
    QTest::newRow("init-wrong-length")
        << QByteArray(R"({"init": [1, 2, 3]})") << "init: a toy surface takes 2 numbers";
    QTest::newRow("init-not-numbers") << QByteArray(R"({"init": [1, "x"]})") << "init: [1]";
    QTest::newRow("problem-not-object") << QByteArray(R"({"problem": "rosenbrock"})")
                                        << "problem: expected an object, got a string";
    QTest::newRow("mlp-bad-hidden")
        << QByteArray(R"({"problem": {"type": "mlp", "hidden": [32, 0]}})") << "problem.hidden";
    QTest::newRow("mlp-bad-activation")
        << QByteArray(R"({"problem": {"type": "mlp", "activation": "gelu"}})")
        << "problem.activation";
    QTest::newRow("val-fraction-one")
        << QByteArray(R"({"problem": {"type": "softmax", "val_fraction": 1}})")
        << "problem.val_fraction";
}

void TestConfig::badInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QString message =
        thrownMessage<lrlab::ConfigError>([&] { lrlab::parseRunConfig(json, "bad.json"); });
    QVERIFY2(message.startsWith("bad.json: "), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestConfig::ignoredKeysWarn()
{
    const lrlab::LoadedConfig loaded = lrlab::parseRunConfig(
        R"({"optimizer": {"type": "adam", "momentum": 0.9}, "schedule": {"gamma": 0.5}})",
        "w.json");
    QCOMPARE(loaded.warnings.size(), std::size_t(2));
    QVERIFY(QString::fromStdString(loaded.warnings[0]).contains("optimizer.momentum"));
    QVERIFY(QString::fromStdString(loaded.warnings[1]).contains("schedule.gamma"));
}

void TestConfig::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("toy-adam-cosine") << QByteArray(
        R"({"problem": {"type": "quadratic", "a": 3, "angle_deg": 45, "noise": 0.5}, "init": [1, -1],
            "optimizer": {"type": "adam", "beta1": 0.8},
            "schedule": {"lr": 0.2, "warmup_steps": 5, "decay": "cosine", "min_lr": 0.01},
            "steps": 77, "seed": 9})");
    QTest::newRow("sgd-step") << QByteArray(
        R"({"optimizer": {"type": "sgd", "momentum": 0.9, "nesterov": true},
            "schedule": {"lr": 0.001, "decay": "step", "gamma": 0.5, "step_size": 100}})");
    QTest::newRow("onecycle") << QByteArray(
        R"({"schedule": {"lr": 0.1, "decay": "onecycle", "pct_start": 0.25, "div_factor": 10}})");
    QTest::newRow("wsd-sqrt") << QByteArray(
        R"({"schedule": {"decay": "wsd", "shape": "sqrt", "decay_fraction": 0.3, "total_steps": 900}})");
    QTest::newRow("mlp") << QByteArray(
        R"({"problem": {"type": "mlp", "dataset": "digits", "hidden": [64, 32], "activation": "tanh",
            "batch_size": 16, "val_fraction": 0.25}, "eval_every": 20})");
}

void TestConfig::roundTrip()
{
    QFETCH(QByteArray, json);
    const lrlab::RunConfig first = lrlab::parseRunConfig(json, "a.json").config;
    const QJsonObject saved = lrlab::runConfigToJson(first);
    const lrlab::RunConfig second = lrlab::runConfigFromJson(saved, "b.json").config;
    // Serialising the reloaded config gives the same JSON: nothing was lost or changed.
    QCOMPARE(lrlab::runConfigToJson(second), saved);
    QCOMPARE(second.problem.type, first.problem.type);
    QCOMPARE(second.steps, first.steps);
    QCOMPARE(second.seed, first.seed);
    QCOMPARE(second.init, first.init);
    QCOMPARE(second.schedule.decay, first.schedule.decay);
    QCOMPARE(second.problem.hidden, first.problem.hidden);
}

void TestConfig::missingFile()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("nope.json").toStdString();
    const QString message = thrownMessage<lrlab::ConfigError>([&] { lrlab::loadRunConfig(path); });
    QVERIFY2(message.contains("nope.json: cannot read"), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
