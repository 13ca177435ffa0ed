// fitSchedule's whole answer on the LR series of the real logs under tests/data/logs/ and on
// logs from outside lrlab's family stays the one stored in
// tests/data/schedule_fit/answers.json, written by the search before it was made faster
// (every coordinate searched for every decay). To write the file from the current build
// instead of comparing: LRLAB_WRITE_SCHEDULE_FIT_ANSWERS=path tst_schedule_fit_answers.
#include "core/analysis/schedule_fit.h"
#include "core/logs/log_analysis.h"
#include "core/logs/log_follower.h"
#include "core/logs/log_roles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

Q_DECLARE_METATYPE(lrlab::LoggedSeries)

namespace {

constexpr double kPi = 3.14159265358979323846;

/// The LR series of the logs in a fixture folder or file, as `lrlab import` matches roles.
std::vector<lrlab::LoggedSeries> fixtureSeries(const std::string& relative)
{
    std::vector<lrlab::LogProblem> problems;
    const std::vector<lrlab::LogRun> runs =
        lrlab::importLogs({std::string(LRLAB_SOURCE_DIR "/tests/data/logs/") + relative}, problems);
    std::vector<lrlab::LoggedSeries> out;
    for (const lrlab::LogRun& run : runs) {
        const auto roles = lrlab::matchLogRoles(run);
        const auto lr = roles.find(lrlab::LogRole::LearningRate);
        if (lr != roles.end())
            out.push_back(lrlab::loggedSeries(run.series.at(lr->second)));
    }
    return out;
}

/// Logs from outside lrlab's family over `points` steps (logged every `every`).
std::vector<std::pair<QString, lrlab::LoggedSeries>> outOfFamily(int points, int every)
{
    lrlab::LoggedSeries piecewise, noisy, threePhase, bumpedCosine, rising;
    unsigned state = 12345;
    for (int i = 0; i < points; i += every) {
        const double x = static_cast<double>(i) / points;
        // Hand-made: a plateau, a drop, a ramp back up, a lower plateau.
        piecewise.push_back({i, x < 0.4    ? 1e-3
                                : x < 0.55 ? 3e-4
                                : x < 0.7  ? 3e-4 + (x - 0.55) / 0.15 * 2e-4
                                           : 1e-4});
        // A cosine with up to 5 % multiplicative noise (a deterministic sequence).
        state = state * 1103515245u + 12345u;
        const double noise = static_cast<double>((state >> 8) % 1001) / 1000.0 - 0.5;
        noisy.push_back({i, 1e-3 * (0.5 + 0.5 * std::cos(kPi * x)) * (1.0 + 0.1 * noise) + 1e-6});
        // torch OneCycleLR(three_phase=True): up, back to the initial rate, then to ~0.
        const double initial = 1e-3 / 25.0;
        const double e1 = 0.3 * points - 1.0, e2 = 0.6 * points - 2.0, e3 = points - 1.0;
        const auto anneal = [](double from, double to, double pct) {
            return to + (from - to) / 2.0 * (std::cos(kPi * pct) + 1.0);
        };
        threePhase.push_back({i, i <= e1   ? anneal(initial, 1e-3, i / e1)
                                 : i <= e2 ? anneal(1e-3, initial, (i - e1) / (e2 - e1))
                                           : anneal(initial, initial / 1e4, (i - e2) / (e3 - e2))});
        // A cosine whose rate was raised by hand for a stretch in the middle.
        bumpedCosine.push_back(
            {i, 2e-3 * (0.5 + 0.5 * std::cos(kPi * x)) * (x > 0.5 && x < 0.6 ? 1.5 : 1.0)});
        // A rate that only grows, quadratically (no warmup line, no decay).
        rising.push_back({i, 1e-5 + 1e-3 * x * x});
    }
    const QString n = QString::number(points) + QStringLiteral("-every") + QString::number(every);
    return {{QStringLiteral("piecewise-") + n, piecewise},
            {QStringLiteral("noisy-cosine-") + n, noisy},
            {QStringLiteral("three-phase-onecycle-") + n, threePhase},
            {QStringLiteral("bumped-cosine-") + n, bumpedCosine},
            {QStringLiteral("quadratic-rise-") + n, rising}};
}

/// Every field of an answer that the comparison reads.
QJsonObject answerJson(const lrlab::ScheduleFit& fit)
{
    const lrlab::ScheduleSpec& s = fit.schedule;
    return {{QStringLiteral("fits"), fit.fits},
            {QStringLiteral("offset"), fit.stepOffset},
            {QStringLiteral("error"), fit.maxRelativeError},
            {QStringLiteral("decay"), QString::fromStdString(lrlab::decayName(s.decay))},
            {QStringLiteral("lr"), s.learningRate},
            {QStringLiteral("warmup"), s.warmupSteps},
            {QStringLiteral("warmup_start_factor"), s.warmupStartFactor},
            {QStringLiteral("total"), s.totalSteps},
            {QStringLiteral("min_lr"), s.minLr},
            {QStringLiteral("power"), s.power},
            {QStringLiteral("gamma"), s.gamma.value_or(0.0)},
            {QStringLiteral("step_size"), s.stepSize.value_or(0)},
            {QStringLiteral("t0"), s.t0.value_or(0)},
            {QStringLiteral("t_mult"), s.tMult},
            {QStringLiteral("timescale"), s.timescale.value_or(0.0)},
            {QStringLiteral("pct_start"), s.pctStart},
            {QStringLiteral("div_factor"), s.divFactor},
            {QStringLiteral("final_div_factor"), s.finalDivFactor},
            {QStringLiteral("decay_steps"),
             static_cast<double>(std::llround(s.decayFraction * (s.totalSteps - s.warmupSteps)))},
            {QStringLiteral("shape"), static_cast<int>(s.shape)}};
}

QString answersPath()
{
    return QStringLiteral(LRLAB_SOURCE_DIR "/tests/data/schedule_fit/answers.json");
}

} // namespace

class TestScheduleFitAnswers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameAnswerAsBefore_data();
    void sameAnswerAsBefore();
    void cleanupTestCase();

private:
    QJsonObject expected_;
    QJsonObject written_;
};

void TestScheduleFitAnswers::initTestCase()
{
    if (qEnvironmentVariableIsSet("LRLAB_WRITE_SCHEDULE_FIT_ANSWERS"))
        return;
    QFile file(answersPath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(answersPath()));
    expected_ = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!expected_.isEmpty());
}

void TestScheduleFitAnswers::sameAnswerAsBefore_data()
{
    QTest::addColumn<lrlab::LoggedSeries>("log");
    for (const char* fixture :
         {"hf_gpt2_warmup_cosine/trainer_state.json", "hf_gpt2_constant_tiny_lr/trainer_state.json",
          "lightning_digits_onecycle/metrics.csv", "tb_digits_mlp_warmup_cosine",
          "tb_digits_mlp_sgd_lr8"}) {
        const std::vector<lrlab::LoggedSeries> series = fixtureSeries(fixture);
        QVERIFY2(!series.empty(), fixture);
        for (std::size_t i = 0; i < series.size(); ++i)
            QTest::addRow("%s#%zu", fixture, i) << series[i];
    }
    for (const auto& [points, every] : {std::pair{600, 1}, std::pair{600, 7}, std::pair{20000, 1}})
        for (const auto& [name, log] : outOfFamily(points, every))
            QTest::newRow(qPrintable(name)) << log;
}

void TestScheduleFitAnswers::sameAnswerAsBefore()
{
    QFETCH(lrlab::LoggedSeries, log);
    const lrlab::ScheduleFit fit = lrlab::fitSchedule(log);
    const QJsonObject got = answerJson(fit);
    const QString name = QString::fromUtf8(QTest::currentDataTag());
    written_.insert(name, got);
    if (qEnvironmentVariableIsSet("LRLAB_WRITE_SCHEDULE_FIT_ANSWERS"))
        QSKIP("writing the answers");
    QVERIFY2(expected_.contains(name), qPrintable(name + QStringLiteral(": no stored answer")));
    const QJsonObject want = expected_.value(name).toObject();
    const QString both = QString::fromUtf8(QJsonDocument(got).toJson(QJsonDocument::Compact)) +
                         QStringLiteral("\nstored: ") +
                         QString::fromUtf8(QJsonDocument(want).toJson(QJsonDocument::Compact));
    for (const char* key : {"fits", "offset", "decay", "warmup", "total", "step_size", "t0",
                            "t_mult", "decay_steps", "shape"})
        QVERIFY2(got.value(key) == want.value(key),
                 qPrintable(QString::fromUtf8(key) + ": " + both));
    // The parameters to 1e-9 relative (onecycle's final_div_factor, initial / min_lr with a
    // min_lr near 0, to 1e-6); min_lr and the warmup start to 1e-9 of the peak.
    const auto close = [](double a, double b, double relative) {
        return std::abs(a - b) <= relative * std::max(std::abs(a), std::abs(b));
    };
    for (const auto& [key, relative] :
         {std::pair{"lr", 1e-9}, std::pair{"power", 1e-9}, std::pair{"gamma", 1e-9},
          std::pair{"timescale", 1e-9}, std::pair{"pct_start", 1e-9}, std::pair{"div_factor", 1e-9},
          std::pair{"final_div_factor", 1e-6}})
        QVERIFY2(close(got.value(key).toDouble(), want.value(key).toDouble(), relative),
                 qPrintable(QString::fromUtf8(key) + ": " + both));
    const double peak = want.value(QStringLiteral("lr")).toDouble();
    for (const char* key : {"min_lr"})
        QVERIFY2(std::abs(got.value(key).toDouble() - want.value(key).toDouble()) <= 1e-9 * peak,
                 qPrintable(QString::fromUtf8(key) + ": " + both));
    QVERIFY2(std::abs(got.value("warmup_start_factor").toDouble() -
                      want.value("warmup_start_factor").toDouble()) <= 1e-9,
             qPrintable(both));
    // The error: an exact fit's to rounding (1e-11), any other's to 1e-8 relative.
    const double error = got.value("error").toDouble();
    const double stored = want.value("error").toDouble();
    QVERIFY2(std::abs(error - stored) <= std::max(1e-11, 1e-8 * stored), qPrintable(both));
}

void TestScheduleFitAnswers::cleanupTestCase()
{
    const QString path = qEnvironmentVariable("LRLAB_WRITE_SCHEDULE_FIT_ANSWERS");
    if (path.isEmpty())
        return;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(written_).toJson(QJsonDocument::Indented));
}

QTEST_GUILESS_MAIN(TestScheduleFitAnswers)
#include "tst_schedule_fit_answers.moc"
