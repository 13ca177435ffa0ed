// What lrlab tells about each real log of tests/data/logs (their README states how each run was
// trained and what its numbers show): the schedule recognised from the logged learning rate and
// the diagnosis of its loss; a resumed run's repeated steps; series the analysis refuses.
#include "core/logs/log_analysis.h"
#include "core/logs/log_follower.h"
#include "core/schedules/schedule.h"

#include "tests/common/training_logs.h"

#include <QTest>

#include <set>

using namespace lrlab;

Q_DECLARE_METATYPE(lrlab::Decay)

namespace {

LogRun onlyRun(const QString& path)
{
    std::vector<LogProblem> problems;
    std::vector<LogRun> runs = importLogs({path.toStdString()}, problems);
    return runs.size() == 1 ? runs.front() : LogRun{};
}

QStringList labels(const QString& joined)
{
    return joined.split(QLatin1Char('|'));
}

} // namespace

class LogAnalysisTest : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<Decay>("decay");
        QTest::addColumn<int>("warmupSteps");
        QTest::addColumn<double>("peak");
        QTest::addColumn<int>("totalSteps");
        QTest::addColumn<QString>("diagnosis"); // the labels that agree with the README
        // Trainer: cosine with 30 warmup steps from 0 to 3e-3 over 300 steps, logged after the
        // scheduler stepped (offset 1); loss 4.42 -> 1.04.
        QTest::newRow("hf warmup cosine")
            << "hf_gpt2_warmup_cosine" << Decay::Cosine << 30 << 3e-3 << 300 << "converging";
        QTest::newRow("hf constant tiny lr")
            << "hf_gpt2_constant_tiny_lr" << Decay::Constant << 0 << 1e-6 << -1 << "stagnating";
        // SequentialLR(LinearLR(0.01, 50), CosineAnnealingLR(950)) at peak 0.05, logged before
        // each step.
        QTest::newRow("tb warmup cosine")
            << "tb_digits_mlp_warmup_cosine" << Decay::Cosine << 50 << 0.05 << 1000 << "converging";
        // Constant LR 8: the loss jumps to 25 and hovers at chance: lower the LR.
        QTest::newRow("tb sgd lr 8") << "tb_digits_mlp_sgd_lr8" << Decay::Constant << 0 << 8.0 << -1
                                     << "oscillating|diverged";
        QTest::newRow("lightning onecycle")
            << "lightning_digits_onecycle" << Decay::OneCycle << 0 << 3e-3 << 450 << "converging";
    }

    void fixtures()
    {
        QFETCH(QString, path);
        QFETCH(Decay, decay);
        QFETCH(int, warmupSteps);
        QFETCH(double, peak);
        QFETCH(int, totalSteps);
        QFETCH(QString, diagnosis);
        const LogRun run = onlyRun(lrlab::test::logFixture(path));
        QVERIFY2(!run.series.empty(), qPrintable(path));
        const LogRunAnalysis analysis = analyseLogRun(run, matchLogRoles(run));

        QVERIFY2(analysis.schedule.has_value(), analysis.scheduleMissing.c_str());
        const ScheduleFit& fit = *analysis.schedule;
        QVERIFY2(fit.fits, fit.reason.c_str());
        QCOMPARE(fit.schedule.decay, decay);
        QCOMPARE(fit.schedule.warmupSteps, warmupSteps);
        QVERIFY2(std::abs(fit.schedule.learningRate - peak) <= 1e-6 * peak,
                 qPrintable(QString::number(fit.schedule.learningRate, 'g', 17)));
        if (totalSteps > 0)
            QCOMPARE(fit.schedule.totalSteps, totalSteps);
        // Event files store float32: the logged rates are the schedule's to float precision.
        QVERIFY2(fit.maxRelativeError < 1e-6, describeScheduleFit(fit).c_str());
        qInfo("%s: %s", qPrintable(path), describeScheduleFit(fit).c_str());

        QVERIFY2(analysis.diagnosis.has_value(), analysis.diagnosisMissing.c_str());
        const QString label = QString::fromStdString(analysis.diagnosis->name);
        QVERIFY2(labels(diagnosis).contains(label),
                 qPrintable(label + ": " + QString::fromStdString(analysis.diagnosis->evidence)));
    }

    // A resumed run logs some steps twice: the analysis takes the last value of each step.
    void repeatedStepsKeepTheLastValue()
    {
        const ScalarSeries points{{0, 1.0}, {1, 2.0}, {2, 3.0}, {1, 20.0}, {2, 30.0}, {3, 40.0}};
        const LoggedSeries series = loggedSeries(points);
        QCOMPARE(series.size(), std::size_t(4));
        QCOMPARE(series[1].value, 20.0);
        QCOMPARE(series[2].value, 30.0);
        QCOMPARE(series[3].step, 3LL);
    }

    // What cannot be analysed says why, and is not thrown.
    void missingSeriesSayWhy()
    {
        LogRun run;
        run.series["train/loss"] = {{0, 2.0}};
        run.series["lr"] = {{0, 0.1}};
        const LogRunAnalysis one = analyseLogRun(run, matchLogRoles(run));
        QVERIFY(!one.schedule);
        QVERIFY(QString::fromStdString(one.scheduleMissing).contains("one learning-rate point"));

        run.series["lr"] = {{0, 0.0}, {1, 0.0}};
        run.series.erase("train/loss");
        const LogRunAnalysis zero = analyseLogRun(run, matchLogRoles(run));
        QVERIFY(!zero.schedule);
        QVERIFY(!zero.scheduleMissing.empty());
        QVERIFY(!zero.diagnosis);
        QCOMPARE(zero.diagnosisMissing, std::string("no training-loss series"));
    }
};

QTEST_GUILESS_MAIN(LogAnalysisTest)
#include "tst_log_analysis.moc"
