// Tests of the lesson presets: the loader, and every shipped lesson's claim checked by
// running its runs. A claim whose check fails means the lesson's settings or text are wrong:
// change the lesson (or its text), never the check.

#include "core/analysis/diagnosis.h"
#include "core/analysis/lr_finder.h"
#include "core/config/lesson.h"
#include "core/config/run_config.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/engine/toy_run.h"
#include "core/problems/toy_surface.h"
#include "tests/common/files.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/run_configs.h"
#include "tests/common/throws.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <numeric>

using namespace lrlab;
using lrlab::test::diagnoseModel;
using lrlab::test::nearlyEqual;
using lrlab::test::writeFile;

namespace {

const double kPi = std::acos(-1.0);

// ---- measurements (independent of the code under test) ----------------------------------

template <typename T> double totalVariation(const std::vector<T>& v, int count)
{
    double sum = 0.0;
    for (int i = 1; i < count && i < static_cast<int>(v.size()); ++i)
        sum += std::abs(static_cast<double>(v[i]) - static_cast<double>(v[i - 1]));
    return sum;
}

template <typename T> double maxOfFirst(const std::vector<T>& v, int count)
{
    double best = -INFINITY;
    for (int i = 0; i < count && i < static_cast<int>(v.size()); ++i)
        best = std::max(best, static_cast<double>(v[i]));
    return best;
}

double meanOfLast(const std::vector<double>& v, int count)
{
    const int n = static_cast<int>(v.size());
    double sum = 0.0;
    for (int i = n - count; i < n; ++i)
        sum += v[i];
    return sum / count;
}

double surfaceParameter(const RunConfig& config, const std::string& name, double fallback)
{
    const auto it = config.problem.parameters.find(name);
    return it == config.problem.parameters.end() ? fallback : it->second;
}

Diagnosis diagnoseToy(const ToyTrace& trace, const RunConfig& config)
{
    LossHistory history;
    history.loss = trace.loss;
    history.floor =
        makeToySurface(config.problem.type, config.problem.parameters)->info().minimumValue;
    return diagnose(history);
}

ModelTrace trainModel(const RunConfig& config)
{
    ModelRunOptions options;
    options.maxSnapshots = 0;
    return lrlab::test::trainModel(config, options).trace;
}

bool diverged(const ModelTrace& trace)
{
    return trace.status == RunStatus::Diverged || !std::isfinite(trace.trainLoss.back()) ||
           trace.trainLoss.back() > 10.0 * trace.trainLoss.front();
}

std::vector<RunConfig> runConfigs(const Lesson& lesson)
{
    std::vector<RunConfig> out;
    for (const auto& run : lesson.runs())
        out.push_back(run.second);
    return out;
}

QString format(double v)
{
    return QString::number(v, 'g', 4);
}

// ---- the claims, one function per lesson id (each is the last call of the test row) ------

/// 01: SGD on a quadratic (curvatures a < b): 0.001 crawls, 0.1 converges smoothly and lowest,
/// 0.19 zigzags across the valley and converges, 0.21 (past 2/b) diverges.
void checkTooLargeTooSmall(const Lesson& lesson)
{
    const auto configs = runConfigs(lesson);
    QCOMPARE(configs.size(), std::size_t(4));
    const RunConfig& base = configs[0];
    QCOMPARE(QString::fromStdString(base.problem.type), QString("quadratic"));
    const double a = surfaceParameter(base, "a", 1.0);
    const double b = surfaceParameter(base, "b", 10.0);
    const double angle = surfaceParameter(base, "angle_deg", 0.0) * kPi / 180.0;
    const double limit =
        2.0 / std::max(a, b);         // docs/semantics.md §2.1: GD stable iff lr < 2/max(a,b)
    QVERIFY(nearlyEqual(limit, 0.2)); // the text says 2/10 = 0.2
    std::vector<double> lr;
    for (const auto& c : configs)
        lr.push_back(c.schedule.learningRate);
    QVERIFY(lr[0] < lr[1] && lr[1] < lr[2] && lr[2] < limit && limit < lr[3]);

    std::vector<ToyTrace> traces;
    for (const auto& c : configs)
        traces.push_back(runToy(c));
    const double start = traces[0].loss.front();

    // The steep axis is R(θ)·e₂ = (−sin θ, cos θ): the coordinate that zigzags.
    const auto steep = [&](const ToyTrace& t, int k) {
        return -std::sin(angle) * t.x[k] + std::cos(angle) * t.y[k];
    };
    const auto signFlips = [&](const ToyTrace& t, int steps) {
        const double scale = std::abs(steep(t, 0));
        int flips = 0;
        for (int k = 1; k <= steps; ++k)
            if (std::abs(steep(t, k)) > 1e-9 * scale && std::abs(steep(t, k - 1)) > 1e-9 * scale &&
                steep(t, k) * steep(t, k - 1) < 0)
                ++flips;
        return flips;
    };

    // Too small: "almost a quarter of the starting loss is still left" after all steps.
    const double smallLeft = traces[0].loss.back() / start;
    QVERIFY2(smallLeft > 0.15 && smallLeft < 0.25, qPrintable(format(smallLeft)));
    // Just right: smooth (loss never rises, no zigzag) and the lowest final loss of all.
    const ToyTrace& right = traces[1];
    for (int k = 1; k < right.rows(); ++k)
        QVERIFY(right.loss[k] <= right.loss[k - 1]);
    QCOMPARE(signFlips(right, 20), 0);
    QVERIFY(right.loss.back() < 1e-6 * start);
    for (int i : {0, 2})
        QVERIFY(right.loss.back() < traces[i].loss.back());
    // 0.19: the steep coordinate changes sign on every one of the first 20 steps, yet converges.
    QCOMPARE(signFlips(traces[2], 20), 20);
    QCOMPARE(diagnoseToy(traces[2], configs[2]).label, DiagnosisLabel::Converging);
    QVERIFY(traces[2].loss.back() < 1e-6 * start);
    // 0.21: zigzags that grow, and the run diverges.
    QCOMPARE(signFlips(traces[3], 20), 20);
    QVERIFY(std::abs(steep(traces[3], 20)) > std::abs(steep(traces[3], 0)));
    QCOMPARE(diagnoseToy(traces[3], configs[3]).label, DiagnosisLabel::Diverged);
}

/// 02: Adam at peak 0.05 with cosine decay on digits: without warmup the first 50 minibatch
/// losses jump above 4; with 100 warmup steps they stay near the start, and their total
/// variation is at least 3× smaller ("about four times").
void checkWarmup(const Lesson& lesson)
{
    const auto configs = runConfigs(lesson);
    QCOMPARE(configs.size(), std::size_t(2));
    QCOMPARE(configs[0].schedule.warmupSteps, 0);
    QCOMPARE(configs[1].schedule.warmupSteps, 100);
    QVERIFY(nearlyEqual(configs[0].schedule.learningRate, 0.05));
    QVERIFY(nearlyEqual(configs[1].schedule.learningRate, 0.05));
    const ModelTrace plain = trainModel(configs[0]);
    const ModelTrace warm = trainModel(configs[1]);
    // Warmup climbs linearly from 0 (docs/semantics.md §2.4 with s = 0): lr_k = base·k/W.
    for (int k : {0, 50, 99})
        QVERIFY(nearlyEqual(warm.learningRate[k], 0.05 * k / 100.0));
    QVERIFY(nearlyEqual(plain.learningRate[0], 0.05));

    const int K = 50;
    const double start = plain.loss.front();
    QVERIFY(nearlyEqual(start, warm.loss.front(), 1e-6)); // same init and first batch
    QVERIFY(std::abs(start - 2.3) < 0.05);                // "from 2.3"
    const double plainMax = maxOfFirst(plain.loss, K);
    const double warmMax = maxOfFirst(warm.loss, K);
    QVERIFY2(plainMax > 4.0, qPrintable(format(plainMax)));        // "above 4"
    QVERIFY2(warmMax < 1.05 * start, qPrintable(format(warmMax))); // no jump
    const double ratio = totalVariation(plain.loss, K) / totalVariation(warm.loss, K);
    QVERIFY2(ratio > 3.0 && ratio < 5.0, qPrintable(format(ratio))); // "about four times"
    QVERIFY(!diverged(plain) && !diverged(warm));
}

/// 03: noisy quadratic, SGD at 0.1, constant vs cosine vs exponential ×0.985 vs step ×0.1 per
/// 100: the LRs follow the formulas (cosine highest at mid-run, ends at 0; exponential near
/// 0.001; step exactly 0.001) and each decay's last 20 losses average ≥ 3× below constant's.
void checkDecays(const Lesson& lesson)
{
    const auto configs = runConfigs(lesson);
    QCOMPARE(configs.size(), std::size_t(4));
    QCOMPARE(configs[0].schedule.decay, Decay::Constant);
    QCOMPARE(configs[1].schedule.decay, Decay::Cosine);
    QCOMPARE(configs[2].schedule.decay, Decay::Exponential);
    QCOMPARE(configs[3].schedule.decay, Decay::Step);
    for (const auto& c : configs) {
        QVERIFY(nearlyEqual(c.schedule.learningRate, 0.1));
        QVERIFY(c.problem.noise > 0.0);
        QCOMPARE(c.steps, configs[0].steps);
    }
    const int T = configs[0].steps;
    const double base = 0.1;
    const double gammaExp = configs[2].schedule.gamma.value();
    const double gammaStep = configs[3].schedule.gamma.value();
    const int stepSize = configs[3].schedule.stepSize.value();
    QVERIFY(nearlyEqual(gammaExp, 0.985));
    QVERIFY(nearlyEqual(gammaStep, 0.1));
    QCOMPARE(stepSize, 100);

    std::vector<ToyTrace> traces;
    for (const auto& c : configs)
        traces.push_back(runToy(c));
    // The rates, from the formulas of docs/semantics.md §2.4 (min_lr 0, no warmup).
    const auto cosine = [&](int k) { return 0.5 * base * (1.0 + std::cos(kPi * k / T)); };
    const auto exponential = [&](int k) { return base * std::pow(gammaExp, k); };
    const auto step = [&](int k) { return base * std::pow(gammaStep, k / stepSize); };
    for (int k : {0, T / 2, T - 1, T}) {
        QVERIFY(nearlyEqual(traces[0].learningRate[k], base));
        QVERIFY(nearlyEqual(traces[1].learningRate[k], cosine(k), 1e-9, 1e-15));
        QVERIFY(nearlyEqual(traces[2].learningRate[k], exponential(k), 1e-9));
        QVERIFY(nearlyEqual(traces[3].learningRate[k], step(k), 1e-9));
    }
    // "cosine keeps the rate high the longest", "ends at 0", "near 0.001", "down to 0.001".
    QVERIFY(traces[1].learningRate[T / 2] > traces[2].learningRate[T / 2]);
    QVERIFY(traces[1].learningRate[T / 2] > traces[3].learningRate[T / 2]);
    QVERIFY(nearlyEqual(traces[1].learningRate[T], 0.0));
    QVERIFY(traces[2].learningRate[T - 1] > 0.0005 && traces[2].learningRate[T - 1] < 0.002);
    QVERIFY(nearlyEqual(traces[3].learningRate[T - 1], 0.001, 1e-9));

    const double constantEnd = meanOfLast(traces[0].loss, 20);
    for (int i = 1; i < 4; ++i) {
        const double end = meanOfLast(traces[i].loss, 20);
        QVERIFY2(
            end * 3.0 < constantEnd,
            qPrintable(
                QString("run %1: %2 vs constant %3").arg(i).arg(format(end), format(constantEnd))));
    }
}

/// 04: quadratic with curvatures 1 and 100: plain SGD at 0.01 ends near 0.02, at 0.019 near
/// 0.0005; momentum 0.9 at 0.01 below 1e-7; Nesterov below 1e-9 and below momentum.
void checkMomentum(const Lesson& lesson)
{
    const auto configs = runConfigs(lesson);
    QCOMPARE(configs.size(), std::size_t(4));
    const double b = surfaceParameter(configs[0], "b", 10.0);
    const double a = surfaceParameter(configs[0], "a", 1.0);
    QVERIFY(nearlyEqual(b / a, 100.0));
    const double limit = 2.0 / std::max(a, b);
    QCOMPARE(configs[0].optimizer.momentum, 0.0);
    QCOMPARE(configs[1].optimizer.momentum, 0.0);
    QVERIFY(nearlyEqual(configs[0].schedule.learningRate, 0.01));
    QVERIFY(nearlyEqual(configs[1].schedule.learningRate, 0.019));
    QVERIFY(configs[1].schedule.learningRate < limit); // "right at the edge" of 0.02
    for (int i : {2, 3}) {
        QVERIFY(nearlyEqual(configs[i].optimizer.momentum, 0.9));
        QVERIFY(nearlyEqual(configs[i].schedule.learningRate, 0.01));
        // Heavy ball is stable for lr·λ < 2 + 2β (docs/semantics.md §2.6).
        QVERIFY(configs[i].schedule.learningRate * std::max(a, b) < 2.0 + 2.0 * 0.9);
    }
    QVERIFY(!configs[2].optimizer.nesterov);
    QVERIFY(configs[3].optimizer.nesterov);

    std::vector<double> finals;
    for (const auto& c : configs)
        finals.push_back(runToy(c).loss.back());
    const QString all = format(finals[0]) + " " + format(finals[1]) + " " + format(finals[2]) +
                        " " + format(finals[3]);
    QVERIFY2(finals[0] > 0.015 && finals[0] < 0.03, qPrintable(all));     // "still 0.02"
    QVERIFY2(finals[1] > 3e-4 && finals[1] < 8e-4, qPrintable(all));      // "0.0005"
    QVERIFY2(finals[2] < 1e-7, qPrintable(all));                          // "below 1e-7"
    QVERIFY2(finals[3] < 1e-9 && finals[3] < finals[2], qPrintable(all)); // "below 1e-9"
}

/// 05: Rosenbrock, 2000 steps: finals ordered Adam < AdamW < Lion < SGD; SGD near 0.2 and
/// diverging at 0.003; Adam on (1, 1); AdamW short of (1, 1) towards 0 at about 0.001; Lion
/// reaches the minimum but ends jittering at about 0.004.
void checkOptimizers(const Lesson& lesson)
{
    const auto configs = runConfigs(lesson);
    QCOMPARE(configs.size(), std::size_t(4));
    const std::vector<std::string> types{"sgd", "adam", "adamw", "lion"};
    const std::vector<double> rates{0.001, 0.03, 0.03, 0.003};
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(QString::fromStdString(configs[i].optimizer.type),
                 QString::fromStdString(types[i]));
        QVERIFY(nearlyEqual(configs[i].schedule.learningRate, rates[i]));
        QCOMPARE(QString::fromStdString(configs[i].problem.type), QString("rosenbrock"));
        QCOMPARE(configs[i].schedule.decay, Decay::Constant);
    }
    QVERIFY(nearlyEqual(configs[2].optimizer.resolved().weightDecay, 0.01));
    std::vector<ToyTrace> traces;
    for (const auto& c : configs)
        traces.push_back(runToy(c));
    std::vector<double> finals;
    for (const auto& t : traces) {
        QVERIFY(t.status != RunStatus::Diverged);
        finals.push_back(t.loss.back());
    }
    const QString all = format(finals[0]) + " " + format(finals[1]) + " " + format(finals[2]) +
                        " " + format(finals[3]);
    QVERIFY2(finals[1] < finals[2] && finals[2] < finals[3] && finals[3] < finals[0],
             qPrintable(all));
    QVERIFY2(finals[0] > 0.15 && finals[0] < 0.25, qPrintable(all)); // SGD "0.2"
    QVERIFY2(finals[1] < 1e-6, qPrintable(all));                     // Adam on the minimum
    QVERIFY(std::abs(traces[1].x.back() - 1.0) < 1e-3 && std::abs(traces[1].y.back() - 1.0) < 1e-3);
    QVERIFY2(finals[2] > 5e-4 && finals[2] < 2e-3, qPrintable(all)); // AdamW "about 0.001"
    QVERIFY(traces[2].x.back() < 1.0 && traces[2].y.back() < 1.0);   // short of (1, 1), towards 0
    QVERIFY2(finals[3] > 2e-3 && finals[3] < 6e-3, qPrintable(all)); // Lion "0.004"
    const double lionBest = *std::min_element(traces[3].loss.begin(), traces[3].loss.end());
    QVERIFY2(lionBest < 1e-4 && finals[3] > 100.0 * lionBest, qPrintable(format(lionBest)));
    // "at 0.003 it [SGD] diverges".
    RunConfig faster = configs[0];
    faster.schedule.learningRate = 0.003;
    QCOMPARE(runToy(faster).status, RunStatus::Diverged);
}

/// 06: the range test on the digits MLP: loss flat, falling, exploding; the compare runs sit at
/// fastai's minimum (0.06), valley (0.007) and pytorch-lr-finder's steepest (0.3); steepest
/// diverges, minimum reaches 98 % validation accuracy, valley converges more slowly.
void checkLrFinder(const Lesson& lesson)
{
    QCOMPARE(lesson.view.value("tab").toString(), QString("lr_finder"));
    const auto configs = runConfigs(lesson);
    QCOMPARE(configs.size(), std::size_t(3));
    QVERIFY(nearlyEqual(lesson.config.schedule.learningRate, configs[0].schedule.learningRate));
    const auto problem = ModelProblem::create(lesson.config.problem, lesson.config.seed);
    const LrFinderOptions options; // 1e-7 … 10, 100 iterations, as the text says
    QVERIFY(nearlyEqual(options.startLr, 1e-7) && nearlyEqual(options.endLr, 10.0));
    QCOMPARE(options.iterations, 100);
    const LrFinderResult finder = runLrFinder(lesson.config, *problem, options);

    // Flat at first, then falling, then exploding.
    const double s0 = finder.smoothed.front();
    QVERIFY(std::abs(finder.smoothed[10] - s0) < 0.05 * s0);
    QVERIFY(*std::min_element(finder.smoothed.begin(), finder.smoothed.end()) < 0.7 * s0);
    QVERIFY(finder.stoppedEarly);

    const LrSuggestions& s = finder.suggestions;
    QVERIFY(s.steepest && s.valley && s.minimum);
    for (double lr : {*s.steepest, *s.valley, *s.minimum})
        QVERIFY2(lr > 1e-4 && lr < 1.0, qPrintable(format(lr)));
    QVERIFY(*s.valley < *s.minimum && *s.minimum < *s.steepest);
    // The lesson's rates are the suggestions, rounded.
    const auto near = [](double lessonLr, double suggested) {
        return lessonLr < 1.25 * suggested && suggested < 1.25 * lessonLr;
    };
    const QString suggested =
        format(*s.minimum) + " " + format(*s.valley) + " " + format(*s.steepest);
    QVERIFY2(near(configs[0].schedule.learningRate, *s.minimum), qPrintable(suggested));
    QVERIFY2(near(configs[1].schedule.learningRate, *s.valley), qPrintable(suggested));
    QVERIFY2(near(configs[2].schedule.learningRate, *s.steepest), qPrintable(suggested));

    const ModelTrace atMinimum = trainModel(configs[0]);
    const ModelTrace atValley = trainModel(configs[1]);
    const ModelTrace atSteepest = trainModel(configs[2]);
    QCOMPARE(configs[0].steps, 500);
    QVERIFY(diverged(atSteepest));
    QCOMPARE(diagnoseModel(atSteepest).label, DiagnosisLabel::Diverged);
    QCOMPARE(diagnoseModel(atMinimum).label, DiagnosisLabel::Converging);
    QVERIFY2(atMinimum.validationAccuracy.back() >= 0.975,
             qPrintable(format(atMinimum.validationAccuracy.back()))); // "98%"
    QVERIFY(!diverged(atValley));
    QVERIFY(atValley.trainLoss.back() > atMinimum.trainLoss.back()); // "learns more slowly"
}

/// 07: digits MLP, plain SGD: batch 128 at 0.8 trains, batch 8 at 0.8 diverges, batch 8 at
/// 0.12 trains; over a log grid the best LR of batch 8 is ≥ 3× below batch 128's.
void checkBatchSize(const Lesson& lesson)
{
    const auto configs = runConfigs(lesson);
    QCOMPARE(configs.size(), std::size_t(3));
    QCOMPARE(configs[0].problem.batchSize, 128);
    QCOMPARE(configs[1].problem.batchSize, 8);
    QCOMPARE(configs[2].problem.batchSize, 8);
    QVERIFY(nearlyEqual(configs[0].schedule.learningRate, 0.8));
    QVERIFY(nearlyEqual(configs[1].schedule.learningRate, 0.8));
    QVERIFY(nearlyEqual(configs[2].schedule.learningRate, 0.12));
    const ModelTrace big = trainModel(configs[0]);
    const ModelTrace smallFast = trainModel(configs[1]);
    const ModelTrace smallSlow = trainModel(configs[2]);
    QCOMPARE(diagnoseModel(big).label, DiagnosisLabel::Converging);
    QVERIFY(big.trainLoss.back() < 0.05 * big.trainLoss.front());
    QVERIFY(diverged(smallFast));
    QCOMPARE(diagnoseModel(smallFast).label, DiagnosisLabel::Diverged);
    QVERIFY(!diverged(smallSlow));
    QVERIFY(smallSlow.trainLoss.back() < 0.1 * smallSlow.trainLoss.front());

    // The sweep: 10 log-spaced rates 0.01 … 3, best = lowest final full training loss.
    const auto bestRate = [](RunConfig c) {
        double bestLoss = INFINITY;
        double best = 0.0;
        for (int i = 0; i < 10; ++i) {
            c.schedule.learningRate = 0.01 * std::pow(300.0, i / 9.0);
            const ModelTrace t = trainModel(c);
            const double loss = t.trainLoss.back();
            if (std::isfinite(loss) && loss < bestLoss) {
                bestLoss = loss;
                best = c.schedule.learningRate;
            }
        }
        return best;
    };
    const double best128 = bestRate(configs[0]);
    const double best8 = bestRate(configs[1]);
    QVERIFY2(best8 * 3.0 <= best128, qPrintable(format(best8) + " vs " + format(best128)));
}

/// 08: 256 hidden units on 180 digits: AdamW wd 0 overfits (validation loss rises from about
/// 0.235 after its minimum near step 200 to about 0.272) while wd 1 stays flat and ends at
/// about 0.219, with a higher training loss.
void checkWeightDecay(const Lesson& lesson)
{
    const auto configs = runConfigs(lesson);
    QCOMPARE(configs.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(configs[0].optimizer.type), QString("adamw"));
    QCOMPARE(configs[0].optimizer.resolved().weightDecay, 0.0);
    QVERIFY(nearlyEqual(configs[1].optimizer.resolved().weightDecay, 1.0));
    const auto problem = ModelProblem::create(configs[0].problem, configs[0].seed);
    const int n = problem->trainCount() + problem->validationCount();
    QCOMPARE(problem->trainCount(),
             n - static_cast<int>(std::lround(0.9 * n))); // docs/semantics.md §2.2
    QCOMPARE(problem->trainCount(), 180);
    // Weights of 64 → 256 → 10 (nn.Linear layout): "about 19 000".
    const int weights = 64 * 256 + 256 + 256 * 10 + 10;
    QVERIFY(weights > 18500 && weights < 19500);
    QCOMPARE(problem->features(), 64);

    ModelRunOptions options;
    options.maxSnapshots = 0;
    const ModelTrace plain = runModel(configs[0], *problem, nullptr, options);
    const ModelTrace decayed = runModel(configs[1], *problem, nullptr, options);
    QCOMPARE(plain.parameterCount, weights);

    const auto& v0 = plain.validationLoss;
    const auto minIt = std::min_element(v0.begin(), v0.end());
    const int minRow = plain.evalRows[static_cast<std::size_t>(minIt - v0.begin())];
    const QString numbers = format(*minIt) + " at " + QString::number(minRow) + " → " +
                            format(v0.back()) + "; wd: " + format(decayed.validationLoss.back());
    QVERIFY2(minRow >= 100 && minRow <= 300, qPrintable(numbers));      // "after about 200"
    QVERIFY2(std::abs(*minIt - 0.235) < 0.005, qPrintable(numbers));    // "from 0.235"
    QVERIFY2(std::abs(v0.back() - 0.272) < 0.005, qPrintable(numbers)); // "to 0.272"
    QVERIFY(plain.trainLoss.back() < 1e-3);                             // "towards zero"
    QCOMPARE(diagnoseModel(plain).label, DiagnosisLabel::Overfitting);

    const double decayedEnd = decayed.validationLoss.back();
    QVERIFY2(std::abs(decayedEnd - 0.219) < 0.005, qPrintable(numbers)); // "at 0.219"
    QVERIFY(decayedEnd < v0.back());
    QVERIFY(decayed.trainLoss.back() > plain.trainLoss.back()); // "stays somewhat higher"
    QVERIFY(diagnoseModel(decayed).label != DiagnosisLabel::Overfitting);
    // "stays flat": after step 300 it never rises 5 % above its minimum.
    const auto& v1 = decayed.validationLoss;
    const double v1Min = *std::min_element(v1.begin(), v1.end());
    for (std::size_t i = 0; i < v1.size(); ++i)
        if (decayed.evalRows[i] >= 300)
            QVERIFY(v1[i] < 1.05 * v1Min);
}

const std::map<QString, std::function<void(const Lesson&)>>& claimChecks()
{
    static const std::map<QString, std::function<void(const Lesson&)>> checks{
        {"lr-too-large-small-right", checkTooLargeTooSmall},
        {"warmup-tames-early-oscillation", checkWarmup},
        {"cosine-exponential-step-decay", checkDecays},
        {"momentum-in-a-ravine", checkMomentum},
        {"optimizers-on-rosenbrock", checkOptimizers},
        {"lr-finder-on-digits", checkLrFinder},
        {"batch-size-and-lr", checkBatchSize},
        {"overfitting-and-weight-decay", checkWeightDecay}};
    return checks;
}

bool hasChinese(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

/// A minimal valid lesson, as a JSON object to modify.
QJsonObject minimalLesson()
{
    return QJsonDocument::fromJson(R"({
        "lrlab_lesson": 1, "id": "tiny",
        "title": {"en": "Tiny", "zh_CN": "小"},
        "text": {"en": "A tiny lesson."},
        "config": {"problem": {"type": "quadratic"}, "steps": 10},
        "compare": [{"label": {"en": "slow"}, "set": {"schedule.lr": 0.001}},
                    {"label": {"en": "fast", "zh_CN": "快"}, "set": {"schedule.lr": 0.1}}],
        "view": {"tab": "explorer"}
    })")
        .object();
}

} // namespace

class TestLessons : public QObject
{
    Q_OBJECT

private slots:
    void shippedLessonsArePresent();
    void shippedLessonLoads_data();
    void shippedLessonLoads();
    void claimHolds_data();
    void claimHolds();
    void loaderErrors_data();
    void loaderErrors();
    void languageFallback();
    void viewFields();
    void compareSettings();
    void lessonsDirectory();
};

void TestLessons::shippedLessonsArePresent()
{
    qunsetenv("LRLAB_LESSONS_DIR");
    const QStringList files = lessonFiles();
    QVERIFY(files.size() >= 8);
    QSet<QString> ids;
    for (const Lesson& lesson : loadAllLessons()) {
        QVERIFY2(!ids.contains(lesson.id), qPrintable(lesson.id));
        ids.insert(lesson.id);
    }
    for (const auto& entry : claimChecks())
        QVERIFY2(ids.contains(entry.first), qPrintable(entry.first));
}

void TestLessons::shippedLessonLoads_data()
{
    QTest::addColumn<QString>("path");
    for (const QString& path : lessonFiles())
        QTest::newRow(qPrintable(QFileInfo(path).completeBaseName())) << path;
}

void TestLessons::shippedLessonLoads()
{
    QFETCH(QString, path);
    const Lesson lesson = loadLesson(path);
    QCOMPARE(lesson.version, kLessonFormatVersion);
    // File name "NN-<id>.json": the prefix orders the menu.
    QVERIFY(QRegularExpression("^[0-9]{2}-" + QRegularExpression::escape(lesson.id) + "\\.json$")
                .match(QFileInfo(path).fileName())
                .hasMatch());
    QCOMPARE(lesson.languages(), QStringList({"en", "zh_CN"}));
    QVERIFY(hasChinese(lesson.title.value("zh_CN")));
    QVERIFY(hasChinese(lesson.text.value("zh_CN")));
    QVERIFY(!hasChinese(lesson.text.value("en")));
    // 2–5 sentences to read out.
    const int sentences =
        static_cast<int>(lesson.text.value("en").count(QRegularExpression("[.!?](\\s|$)")));
    QVERIFY2(sentences >= 2 && sentences <= 5, qPrintable(QString::number(sentences)));
    QVERIFY2(lesson.warnings.empty(), lesson.warnings.empty() ? "" : lesson.warnings[0].c_str());
    QVERIFY(lesson.view.value("tab").isString());

    QVERIFY(!lesson.compare.empty());
    const auto runs = lesson.runs("zh_CN");
    QCOMPARE(runs.size(), lesson.compare.size());
    QSet<QByteArray> distinct;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        QVERIFY(hasChinese(runs[i].first));
        QVERIFY(lesson.compare[i].label.contains("en"));
        validate(runs[i].second); // throws (and fails the test) when invalid
        distinct.insert(QJsonDocument(runConfigToJson(runs[i].second)).toJson());
    }
    QCOMPARE(static_cast<std::size_t>(distinct.size()), runs.size());
}

void TestLessons::claimHolds_data()
{
    shippedLessonLoads_data();
}

void TestLessons::claimHolds()
{
    QFETCH(QString, path);
    const Lesson lesson = loadLesson(path);
    const auto it = claimChecks().find(lesson.id);
    if (it == claimChecks().end())
        QFAIL(qPrintable("no claim check for lesson " + lesson.id));
    it->second(lesson);
}

void TestLessons::loaderErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expected"); // a part of the message, after "<path>: "

    const auto with = [](const std::function<void(QJsonObject&)>& change) {
        QJsonObject o = minimalLesson();
        change(o);
        return QJsonDocument(o).toJson();
    };
    QTest::newRow("unknown-top-key")
        << with([](QJsonObject& o) { o["colour"] = "red"; }) << "colour: unknown key";
    QTest::newRow("newer-version") << with([](QJsonObject& o) { o["lrlab_lesson"] = 2; })
                                   << "lrlab_lesson: the lesson was written for a newer lrlab";
    QTest::newRow("missing-version")
        << with([](QJsonObject& o) { o.remove("lrlab_lesson"); }) << "lrlab_lesson: is required";
    QTest::newRow("fractional-version") << with([](QJsonObject& o) { o["lrlab_lesson"] = 1.5; })
                                        << "lrlab_lesson: expected a positive integer";
    QTest::newRow("missing-english-title") << with([](QJsonObject& o) {
        o["title"] = QJsonObject{{"zh_CN", "小"}};
    }) << "title.en: is required";
    QTest::newRow("bad-language-code") << with([](QJsonObject& o) {
        o["text"] = QJsonObject{{"en", "x"}, {"Chinese", "y"}};
    }) << "text.Chinese: not a language code";
    QTest::newRow("missing-config")
        << with([](QJsonObject& o) { o.remove("config"); }) << "config: is required";
    QTest::newRow("bad-config-key") << with([](QJsonObject& o) {
        QJsonObject c = o["config"].toObject();
        c["schedule"] = QJsonObject{{"lr", 0.1}, {"speed", 2}};
        o["config"] = c;
    }) << "config.schedule.speed: unknown key";
    QTest::newRow("bad-config-value") << with([](QJsonObject& o) {
        QJsonObject c = o["config"].toObject();
        c["steps"] = -3;
        o["config"] = c;
    }) << "config.steps: must be in";
    QTest::newRow("unknown-compare-key") << with([](QJsonObject& o) {
        QJsonArray a = o["compare"].toArray();
        QJsonObject e = a[1].toObject();
        e["colour"] = "blue";
        a[1] = e;
        o["compare"] = a;
    }) << "compare[1].colour: unknown key";
    QTest::newRow("compare-without-label") << with([](QJsonObject& o) {
        o["compare"] = QJsonArray{QJsonObject{{"set", QJsonObject{{"schedule.lr", 1}}}}};
    }) << "compare[0].label: is required";
    QTest::newRow("invalid-compare-value") << with([](QJsonObject& o) {
        o["compare"] = QJsonArray{QJsonObject{{"label", QJsonObject{{"en", "x"}}},
                                              {"set", QJsonObject{{"schedule.lr", -1}}}}};
    }) << "compare[0].set.schedule.lr: ";
    QTest::newRow("unknown-compare-path") << with([](QJsonObject& o) {
        o["compare"] = QJsonArray{QJsonObject{{"label", QJsonObject{{"en", "x"}}},
                                              {"set", QJsonObject{{"schedule.speed", 2}}}}};
    }) << "compare[0].set.schedule.speed: ";
    QTest::newRow("view-not-object")
        << with([](QJsonObject& o) { o["view"] = "explorer"; }) << "view: expected an object";
    QTest::newRow("bad-loss-axis") << with([](QJsonObject& o) {
        o["view"] = QJsonObject{{"loss_axis", "logarithmic"}};
    }) << "view.loss_axis: expected \"log\" or \"linear\"";
    QTest::newRow("bad-landscape") << with([](QJsonObject& o) {
        o["view"] = QJsonObject{{"landscape", "3D"}};
    }) << "view.landscape: expected \"2d\", \"3d\" or \"both\"";
    QTest::newRow("step-range-not-pair") << with([](QJsonObject& o) {
        o["view"] = QJsonObject{{"step_range", QJsonArray{5}}};
    }) << "view.step_range: expected [first, last]";
    QTest::newRow("step-range-fraction") << with([](QJsonObject& o) {
        o["view"] = QJsonObject{{"step_range", QJsonArray{0, 1.5}}};
    }) << "view.step_range[1]: expected a step";
    QTest::newRow("step-range-reversed") << with([](QJsonObject& o) {
        o["view"] = QJsonObject{{"step_range", QJsonArray{50, 10}}};
    }) << "view.step_range[1]: must be greater";
    QTest::newRow("step-range-past-run") << with([](QJsonObject& o) {
        o["view"] = QJsonObject{{"step_range", QJsonArray{100000, 200000}}};
    }) << "view.step_range[0]: is past the run's last step";
    QTest::newRow("bad-id") << with([](QJsonObject& o) { o["id"] = "My Lesson"; })
                            << "id: expected a name";
    QTest::newRow("syntax-error") << QByteArray("{\n  \"lrlab_lesson\": 1,\n  \"id\": }")
                                  << "line 3, column";
    QTest::newRow("not-an-object") << QByteArray("[1, 2]") << "expected a JSON object";
}

void TestLessons::loaderErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, "lesson.json", content);
    QVERIFY(!path.isEmpty());
    const QString message = lrlab::test::thrownMessage<ConfigError>([&] { loadLesson(path); });
    QVERIFY2(message.startsWith(path + ": "), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
    // A file that is not there names itself too.
    const QString missing = dir.filePath("missing.json");
    QVERIFY(lrlab::test::thrownMessage<ConfigError>([&] {
                loadLesson(missing);
            }).startsWith(missing + ": "));
}

void TestLessons::viewFields()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QJsonObject json = minimalLesson();
    const Lesson plain = loadLesson(writeFile(dir, "plain.json", QJsonDocument(json).toJson()));
    QVERIFY(!plain.linearLossAxis);
    QVERIFY(!plain.stepRange);
    json["view"] =
        QJsonObject{{"tab", "explorer"}, {"loss_axis", "linear"}, {"step_range", QJsonArray{2, 8}}};
    const Lesson zoomed = loadLesson(writeFile(dir, "zoomed.json", QJsonDocument(json).toJson()));
    QVERIFY(zoomed.linearLossAxis);
    QVERIFY(zoomed.stepRange);
    QCOMPARE(zoomed.stepRange->first, 2);
    QCOMPARE(zoomed.stepRange->second, 8);
}

void TestLessons::languageFallback()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, "tiny.json", QJsonDocument(minimalLesson()).toJson());
    const Lesson lesson = loadLesson(path);
    QCOMPARE(lesson.titleIn("en"), QString("Tiny"));
    QCOMPARE(lesson.titleIn("zh_CN"), QString("小"));
    QCOMPARE(lesson.titleIn("zh-CN"), QString("小")); // BCP 47 spelling
    QCOMPARE(lesson.titleIn("zh"), QString("小"));    // a variant of the same language
    QCOMPARE(lesson.titleIn("de_DE"), QString("Tiny"));
    // The text has no Chinese: English is shown instead.
    QCOMPARE(lesson.textIn("zh_CN"), QString("A tiny lesson."));
    const auto zh = lesson.runs("zh_CN");
    QCOMPARE(zh.size(), std::size_t(2));
    QCOMPARE(zh[0].first, QString("slow"));
    QCOMPARE(zh[1].first, QString("快"));
    QCOMPARE(lesson.languages(), QStringList({"en", "zh_CN"}));
}

void TestLessons::compareSettings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Base Adam; the run switches to SGD with momentum and a step decay. JSON objects do not
    // keep key order ("optimizer.momentum" sorts before "optimizer.type"), so this only works
    // when the type is applied first.
    QJsonObject o = minimalLesson();
    o["config"] = QJsonObject{{"problem", QJsonObject{{"type", "mlp"}, {"hidden", QJsonArray{8}}}},
                              {"optimizer", QJsonObject{{"type", "adam"}}},
                              {"schedule", QJsonObject{{"lr", 0.01}, {"decay", "cosine"}}},
                              {"steps", 50}};
    o["compare"] = QJsonArray{QJsonObject{{"label", QJsonObject{{"en", "base"}}}},
                              QJsonObject{{"label", QJsonObject{{"en", "sgd"}}},
                                          {"set", QJsonObject{{"optimizer.momentum", 0.9},
                                                              {"optimizer.type", "sgd"},
                                                              {"schedule.step_size", 7},
                                                              {"schedule.decay", "step"},
                                                              {"problem.hidden", QJsonArray{16, 4}},
                                                              {"optimizer.nesterov", true}}}}};
    const Lesson lesson = loadLesson(writeFile(dir, "set.json", QJsonDocument(o).toJson()));
    const auto runs = lesson.runs();
    QCOMPARE(runs.size(), std::size_t(2));
    const RunConfig& base = runs[0].second;
    QCOMPARE(QString::fromStdString(base.optimizer.type), QString("adam"));
    QCOMPARE(base.schedule.decay, Decay::Cosine);
    const RunConfig& sgd = runs[1].second;
    QCOMPARE(QString::fromStdString(sgd.optimizer.type), QString("sgd"));
    QVERIFY(nearlyEqual(sgd.optimizer.momentum, 0.9));
    QVERIFY(sgd.optimizer.nesterov);
    QCOMPARE(sgd.schedule.decay, Decay::Step);
    QCOMPARE(sgd.schedule.stepSize.value_or(-1), 7);
    QCOMPARE(sgd.problem.hidden, std::vector<int>({16, 4}));
    QVERIFY(nearlyEqual(sgd.schedule.learningRate, 0.01)); // untouched keys stay
    QCOMPARE(lesson.compare[1].settings.front().first, std::string("optimizer.type"));

    // No compare list: the config alone, labelled with the title.
    o.remove("compare");
    const Lesson single = loadLesson(writeFile(dir, "single.json", QJsonDocument(o).toJson()));
    const auto one = single.runs("zh_CN");
    QCOMPARE(one.size(), std::size_t(1));
    QCOMPARE(one[0].first, QString("小"));
    QCOMPARE(QString::fromStdString(one[0].second.optimizer.type), QString("adam"));
}

void TestLessons::lessonsDirectory()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QJsonObject b = minimalLesson();
    b["id"] = "bbb";
    writeFile(dir, "02-bbb.json", QJsonDocument(b).toJson());
    writeFile(dir, "01-tiny.json", QJsonDocument(minimalLesson()).toJson());
    writeFile(dir, "notes.txt", "not a lesson");
    qputenv("LRLAB_LESSONS_DIR", dir.path().toUtf8());
    const QString fromEnvironment = lrlab::lessonsDirectory();
    const QStringList files = lessonFiles();
    const std::vector<Lesson> lessons = loadAllLessons();
    qunsetenv("LRLAB_LESSONS_DIR");
    QCOMPARE(fromEnvironment, dir.path());
    QCOMPARE(files, QStringList({dir.filePath("01-tiny.json"), dir.filePath("02-bbb.json")}));
    QCOMPARE(lessons.size(), std::size_t(2));
    QCOMPARE(lessons[0].id, QString("tiny"));
    QCOMPARE(lessons[1].id, QString("bbb"));
    QCOMPARE(lessons[1].path, dir.filePath("02-bbb.json"));

    // Without the variable (and no installed share/ next to the test): the source tree.
    QCOMPARE(QDir(lrlab::lessonsDirectory()).canonicalPath(),
             QDir(QStringLiteral(LRLAB_SOURCE_DIR "/resources/lessons")).canonicalPath());
}

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
