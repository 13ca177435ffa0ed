// Diagnosis of logged runs (core/analysis/logged_run_diagnosis.h): the real Hugging Face and
// Lightning logs under tests/data/logs/ get the outcome their README states, and sparse,
// unevenly spaced, noisy logs are judged with the evidence in logged steps.
#include "core/analysis/logged_run_diagnosis.h"
#include "tests/common/training_logs.h"

#include <QtTest>

#include <cmath>
#include <limits>

Q_DECLARE_METATYPE(lrlab::LoggedRun)
Q_DECLARE_METATYPE(lrlab::DiagnosisLabel)

namespace {

/// f at the given steps, with a deterministic ±noise·f wiggle (minibatch noise).
lrlab::LoggedSeries sampled(const std::vector<long long>& steps,
                            const std::function<double(long long)>& f, double noise = 0.0)
{
    lrlab::LoggedSeries out;
    for (const long long step : steps) {
        const double wiggle = noise * (static_cast<double>((step * 7919) % 13) / 6.0 - 1.0);
        out.push_back({step, f(step) * (1.0 + wiggle)});
    }
    return out;
}

/// first, first + every, … up to last.
std::vector<long long> every(long long first, long long last, long long step)
{
    std::vector<long long> out;
    for (long long s = first; s <= last; s += step)
        out.push_back(s);
    return out;
}

/// Steps 1..last at uneven gaps (3, 7, 5, 11, …).
std::vector<long long> uneven(long long last)
{
    std::vector<long long> out;
    const int gaps[] = {3, 7, 5, 11, 4, 9};
    for (long long s = 1, i = 0; s <= last; s += gaps[i++ % 6])
        out.push_back(s);
    return out;
}

lrlab::LoggedRun trainerStateRun(const QString& folder)
{
    const QString path = lrlab::test::logFixture(folder + QStringLiteral("/trainer_state.json"));
    lrlab::LoggedRun run;
    run.trainingLoss = lrlab::test::trainerStateSeries(path, QStringLiteral("loss"));
    run.validationLoss = lrlab::test::trainerStateSeries(path, QStringLiteral("eval_loss"));
    return run;
}

} // namespace

class TestLoggedRunDiagnosis : public QObject
{
    Q_OBJECT

private slots:
    void labels_data();
    void labels();
    void knownFloorMakesASlowRunStagnate();
    void accuracyEvidenceNamesTheErrorRate();
    void nonFiniteLossNamesItsLoggedStep();
    void windowsCountLoggedSteps();
    void unorderedStepsAreRefused();
};

void TestLoggedRunDiagnosis::labels_data()
{
    QTest::addColumn<lrlab::LoggedRun>("run");
    QTest::addColumn<lrlab::DiagnosisLabel>("expected");
    using L = lrlab::DiagnosisLabel;
    QTest::newRow("hf_gpt2_warmup_cosine")
        << trainerStateRun(QStringLiteral("hf_gpt2_warmup_cosine")) << L::Converging;
    QTest::newRow("hf_gpt2_constant_tiny_lr")
        << trainerStateRun(QStringLiteral("hf_gpt2_constant_tiny_lr")) << L::Stagnating;
    const auto metrics = lrlab::test::lightningMetrics(
        lrlab::test::logFixture(QStringLiteral("lightning_digits_onecycle/metrics.csv")));
    lrlab::LoggedRun lightning;
    lightning.trainingLoss = metrics.value(QStringLiteral("train_loss"));
    lightning.validationLoss = metrics.value(QStringLiteral("val_loss"));
    lightning.validationAccuracy = metrics.value(QStringLiteral("val_acc"));
    QTest::newRow("lightning_digits_onecycle") << lightning << L::Converging;

    const auto decaying = [](long long s) { return 0.05 + 2.0 * std::exp(-s / 150.0); };
    lrlab::LoggedRun run;
    run.trainingLoss = sampled(uneven(2000), decaying, 0.05);
    QTest::newRow("uneven-noisy-converging") << run << L::Converging;
    run.trainingLoss = sampled(every(0, 3000, 50), decaying, 0.05);
    QTest::newRow("sparse-noisy-converging") << run << L::Converging;
    run.trainingLoss = sampled(
        uneven(2000), [](long long s) { return 2.3 - 1e-5 * s; }, 0.03);
    QTest::newRow("uneven-noisy-flat") << run << L::Stagnating;
    run.trainingLoss = sampled(every(0, 1000, 10), [](long long s) { return std::exp(s / 300.0); });
    QTest::newRow("sparse-growing") << run << L::Diverged;
    run.trainingLoss =
        sampled(every(0, 2000, 25), [](long long s) { return 2.0 / (1.0 + s / 50.0); });
    run.validationLoss = {{250, 1.0}, {500, 0.8}, {750, 0.9}, {1000, 1.0}, {1250, 1.2}};
    QTest::newRow("validation-rises") << run << L::Overfitting;
    // Accuracy alone: its error rate rises as validation loss would.
    run.validationLoss.clear();
    run.validationAccuracy = {{250, 0.70}, {500, 0.80}, {750, 0.74}, {1000, 0.70}, {1250, 0.66}};
    QTest::newRow("accuracy-falls") << run << L::Overfitting;
    run.validationAccuracy = {{250, 0.70}, {500, 0.80}, {750, 0.84}, {1000, 0.86}, {1250, 0.87}};
    QTest::newRow("accuracy-rises") << run << L::Converging;
}

void TestLoggedRunDiagnosis::labels()
{
    QFETCH(lrlab::LoggedRun, run);
    QFETCH(lrlab::DiagnosisLabel, expected);
    QVERIFY(!run.trainingLoss.empty());
    const lrlab::Diagnosis d = lrlab::diagnoseLoggedRun(run);
    qInfo("%s: %s", d.name.c_str(), d.evidence.c_str());
    QCOMPARE(d.name, lrlab::diagnosisName(expected));
}

void TestLoggedRunDiagnosis::knownFloorMakesASlowRunStagnate()
{
    // A loss that levels off at 1.0: converging towards an unknown floor, but far too slow to
    // reach a known floor of 0.
    lrlab::LoggedRun run;
    run.trainingLoss =
        sampled(every(0, 3000, 10), [](long long s) { return 1.0 + 2.0 * std::exp(-s / 200.0); });
    QCOMPARE(lrlab::diagnoseLoggedRun(run).facts.kind, lrlab::EvidenceKind::FloorUnknown);
    run.floor = 0.0;
    QCOMPARE(lrlab::diagnoseLoggedRun(run).label, lrlab::DiagnosisLabel::Stagnating);
    run.floor = 1.0;
    QCOMPARE(lrlab::diagnoseLoggedRun(run).label, lrlab::DiagnosisLabel::Converging);
}

void TestLoggedRunDiagnosis::accuracyEvidenceNamesTheErrorRate()
{
    lrlab::LoggedRun run;
    run.trainingLoss =
        sampled(every(0, 2000, 25), [](long long s) { return 2.0 / (1.0 + s / 50.0); });
    run.validationAccuracy = {{250, 0.70}, {500, 0.80}, {750, 0.74}, {1000, 0.70}, {1250, 0.66}};
    const lrlab::Diagnosis d = lrlab::diagnoseLoggedRun(run);
    QCOMPARE(d.facts.kind, lrlab::EvidenceKind::ValidationErrorRose);
    QVERIFY(std::abs(d.facts.validationMin - 0.2) < 1e-12);
    QVERIFY(std::abs(d.facts.validationLast - 0.34) < 1e-12);
    QCOMPARE(d.evidence,
             std::string("validation error (1 - accuracy) rose from 0.2 to 0.34 while training "
                         "loss fell"));
}

void TestLoggedRunDiagnosis::nonFiniteLossNamesItsLoggedStep()
{
    lrlab::LoggedRun run;
    run.trainingLoss = sampled(every(5, 400, 5), [](long long s) { return 2.0 + s / 100.0; });
    run.trainingLoss[40].value = std::numeric_limits<double>::infinity(); // step 205
    const lrlab::Diagnosis d = lrlab::diagnoseLoggedRun(run);
    QCOMPARE(d.facts.kind, lrlab::EvidenceKind::NonFinite);
    QCOMPARE(d.facts.step, run.trainingLoss[40].step);
    QCOMPARE(d.evidence,
             "the loss became non-finite at step " + std::to_string(run.trainingLoss[40].step));
}

void TestLoggedRunDiagnosis::windowsCountLoggedSteps()
{
    // A log every 20 steps that stops improving: the window and the run's length are in steps
    // (multiples of the spacing), the same as diagnose() on the per-entry history scaled by 20.
    const auto loss = [](long long s) { return 1.0 + 1.0 / (1.0 + s / 20.0); };
    lrlab::LoggedRun run;
    run.floor = 0.0;
    run.trainingLoss = sampled(every(0, 4000, 20), loss);
    const lrlab::Diagnosis d = lrlab::diagnoseLoggedRun(run);
    lrlab::LossHistory perEntry;
    perEntry.noisy = true;
    for (const lrlab::StepValue& p : run.trainingLoss)
        perEntry.loss.push_back(p.value);
    const lrlab::Diagnosis reference = lrlab::diagnose(perEntry);
    QCOMPARE(d.facts.kind, reference.facts.kind);
    QVERIFY(reference.facts.window > 0);
    QCOMPARE(d.facts.window, 20 * reference.facts.window);
    QCOMPARE(d.facts.runSteps, 20 * reference.facts.runSteps);
    QCOMPARE(d.facts.neededSteps, 20 * reference.facts.neededSteps);
    QVERIFY(d.evidence.find(std::to_string(d.facts.window) + " steps") != std::string::npos);
}

void TestLoggedRunDiagnosis::unorderedStepsAreRefused()
{
    lrlab::LoggedRun run;
    run.trainingLoss = {{0, 2.0}, {10, 1.9}, {20, 1.8}};
    run.validationLoss = {{10, 2.0}, {10, 1.9}};
    try {
        lrlab::diagnoseLoggedRun(run);
        QFAIL("no error");
    } catch (const std::invalid_argument& e) {
        QCOMPARE(std::string(e.what()),
                 std::string("validation loss: point 1 (step 10) does not come after step 10"));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::diagnoseLoggedRun(lrlab::LoggedRun{}));
}

QTEST_MAIN(TestLoggedRunDiagnosis)
#include "tst_logged_run_diagnosis.moc"
