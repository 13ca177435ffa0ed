// Tests of the compare components: difference labels, the pinned set and its colours, the LR
// trio, the painter's plottables and cursors, and the hover texts.
#include "ui/compare/compare_painter.h"
#include "ui/compare/difference_label.h"
#include "ui/compare/hover_tips.h"
#include "ui/compare/pinned_runs.h"
#include "ui/compare/run_record.h"

#include "core/analysis/landscape.h"
#include "core/config/config_json.h"
#include "core/engine/model_run.h"
#include "core/engine/toy_run.h"
#include "tests/common/nearly_equal.h"

#include <QSignalSpy>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

using lrlab::test::nearlyEqual;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

lrlab::RunConfig config(const char* json)
{
    return lrlab::parseRunConfig(QByteArray(json), "test").config;
}

lrlab::RunConfig withLearningRate(double lr)
{
    lrlab::RunConfig c;
    c.schedule.learningRate = lr;
    return c;
}

/// A record holding just a config (enough for labels and colours).
lrlab::RunRecord recordOf(const lrlab::RunConfig& c)
{
    lrlab::RunRecord r;
    r.config = c;
    return r;
}

/// A hand-made record: row k has lr[k], loss[k] and the path point (x[k], y[k]).
lrlab::RunRecord record(double lr, const std::vector<double>& rates,
                        const std::vector<double>& losses, const std::vector<double>& xs,
                        const std::vector<double>& ys)
{
    lrlab::RunRecord r;
    r.config = withLearningRate(lr);
    r.learningRate = rates;
    r.loss = losses;
    for (std::size_t k = 0; k < xs.size(); ++k)
        r.pathRows.push_back(static_cast<int>(k));
    r.pathX = xs;
    r.pathY = ys;
    return r;
}

lrlab::ShownRun shown(int id, const lrlab::RunRecord& r, const QColor& colour, const QString& label)
{
    lrlab::ShownRun run;
    run.id = id;
    run.record = std::make_shared<const lrlab::RunRecord>(r);
    run.colour = colour;
    run.label = label;
    return run;
}

/// Three plots as the main window has them: the loss plot on a log axis.
struct Plots
{
    QCustomPlot landscape, loss, learningRate;
    Plots()
    {
        loss.yAxis->setScaleType(QCPAxis::stLogarithmic);
        for (QCustomPlot* p : {&landscape, &loss, &learningRate})
            p->resize(400, 300);
    }
    lrlab::ComparePlots all() { return {&landscape, &loss, &learningRate}; }
};

/// The last row <= step at which the value list is finite (what a diverged run shows).
int lastFiniteRowAtOrBefore(const std::vector<double>& values, int step)
{
    for (int k = std::min(step, static_cast<int>(values.size()) - 1); k >= 0; --k)
        if (std::isfinite(values[static_cast<std::size_t>(k)]))
            return k;
    return -1;
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT
private slots:
    void formatLabelNumber_data();
    void formatLabelNumber();
    void describeDifference_data();
    void describeDifference();
    void describeDifferenceFallbackNumber();

    void pinnedLimitReplacesOldest();
    void pinnedColoursDistinctAndStable();
    void pinnedLabelsFollowTheSet();
    void pinAllEmitsOnce();
    void trioConfigs_data();
    void trioConfigs();

    void recordFromToyTrace();
    void recordFromModelTrace();
    void painterOnRealToyRuns();
    void painterOneSetPerRun();
    void painterRemovesAndReuses();
    void painterSkipsNonFinite();
    void painterCursorsMoveTogether_data();
    void painterCursorsMoveTogether();
    void painterStyleAndLegend();

    void hoverTextOfKnownPoint();
    void hoverTextAtEvaluationRow();
    void nearestPointUnderMouse();
};

void TestCompare::formatLabelNumber_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("tenth") << 0.1 << "0.1";
    QTest::newRow("three-significant") << 0.0031622776 << "0.00316";
    QTest::newRow("rounds-up") << 0.12351 << "0.124";
    QTest::newRow("small-exponent") << 1e-7 << "1e-7";
    QTest::newRow("mantissa-exponent") << 2.5e-8 << "2.5e-8";
    QTest::newRow("integer") << 100.0 << "100";
    QTest::newRow("large-integer-exact") << 12345.0 << "12345";
    QTest::newRow("zero") << 0.0 << "0";
    QTest::newRow("negative") << -1.5 << "-1.5";
    QTest::newRow("huge") << 2.5e7 << "2.5e7";
}

void TestCompare::formatLabelNumber()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(lrlab::formatLabelNumber(value), expected);
}

void TestCompare::describeDifference_data()
{
    QTest::addColumn<QString>("run");
    QTest::addColumn<QStringList>("others");
    QTest::addColumn<QString>("expected");
    const QString sgd =
        QStringLiteral(R"({"problem":{"type":"rosenbrock"},"optimizer":{"type":"sgd"}})");
    QTest::newRow("lr") << R"({"schedule":{"lr":0.1}})"
                        << QStringList{R"({"schedule":{"lr":0.01}})"} << "lr 0.1";
    QTest::newRow("lr-three-digits") << R"({"schedule":{"lr":0.0031622776}})"
                                     << QStringList{R"({"schedule":{"lr":0.01}})"} << "lr 0.00316";
    QTest::newRow("lr-exponent") << R"({"schedule":{"lr":1e-6}})"
                                 << QStringList{R"({"schedule":{"lr":0.01}})"} << "lr 1e-6";
    QTest::newRow("lr-among-three")
        << R"({"schedule":{"lr":0.1}})"
        << QStringList{R"({"schedule":{"lr":0.01}})", R"({"schedule":{"lr":1}})"} << "lr 0.1";
    QTest::newRow("optimizer-adam") << R"({"optimizer":{"type":"adam"}})"
                                    << QStringList{R"({"optimizer":{"type":"sgd"}})"} << "adam";
    QTest::newRow("optimizer-sgd-side-hides-defaults")
        << R"({"optimizer":{"type":"sgd"}})" << QStringList{R"({"optimizer":{"type":"adam"}})"}
        << "sgd";
    QTest::newRow("sgd-momentum-vs-adam")
        << R"({"optimizer":{"type":"sgd","momentum":0.9}})"
        << QStringList{R"({"optimizer":{"type":"adam"}})"} << "sgd, momentum 0.9";
    QTest::newRow("adam-vs-sgd-momentum")
        << R"({"optimizer":{"type":"adam"}})"
        << QStringList{R"({"optimizer":{"type":"sgd","momentum":0.9}})"} << "adam";
    QTest::newRow("momentum") << R"({"optimizer":{"type":"sgd","momentum":0.9}})"
                              << QStringList{R"({"optimizer":{"type":"sgd"}})"} << "momentum 0.9";
    QTest::newRow("momentum-zero-side")
        << R"({"optimizer":{"type":"sgd"}})"
        << QStringList{R"({"optimizer":{"type":"sgd","momentum":0.9}})"} << "momentum 0";
    QTest::newRow("nesterov") << R"({"optimizer":{"type":"sgd","momentum":0.9,"nesterov":true}})"
                              << QStringList{R"({"optimizer":{"type":"sgd","momentum":0.9}})"}
                              << "nesterov";
    QTest::newRow("adam-beta2") << R"({"optimizer":{"type":"adam","beta2":0.99}})"
                                << QStringList{R"({"optimizer":{"type":"adam"}})"} << "β2 0.99";
    QTest::newRow("adamw-default-decay-not-named")
        << R"({"optimizer":{"type":"adamw"}})" << QStringList{R"({"optimizer":{"type":"adam"}})"}
        << "adamw";
    QTest::newRow("adamw-weight-decay")
        << R"({"optimizer":{"type":"adamw","weight_decay":0.1}})"
        << QStringList{R"({"optimizer":{"type":"adamw"}})"} << "wd 0.1";
    QTest::newRow("lr-and-warmup")
        << R"({"schedule":{"lr":0.01,"warmup_steps":100}})"
        << QStringList{R"({"schedule":{"lr":0.1}})"} << "lr 0.01, warmup 100";
    QTest::newRow("cosine-decay") << R"({"schedule":{"decay":"cosine"}})"
                                  << QStringList{R"({"schedule":{}})"} << "cosine decay";
    QTest::newRow("constant-side")
        << R"({"schedule":{}})" << QStringList{R"({"schedule":{"decay":"cosine"}})"}
        << "constant lr";
    QTest::newRow("reading-order")
        << R"({"schedule":{"lr":0.01,"warmup_steps":100,"decay":"cosine"},"optimizer":{"type":"adam"}})"
        << QStringList{R"({"schedule":{"lr":0.1}})"} << "lr 0.01, adam, cosine decay, warmup 100";
    QTest::newRow("min-lr") << R"({"schedule":{"decay":"cosine","min_lr":1e-5}})"
                            << QStringList{R"({"schedule":{"decay":"cosine"}})"} << "min lr 1e-5";
    QTest::newRow("lr-varies-elsewhere-too")
        << R"({"schedule":{"lr":0.1},"optimizer":{"type":"sgd"}})"
        << QStringList{R"({"schedule":{"lr":0.01},"optimizer":{"type":"sgd"}})",
                       R"({"schedule":{"lr":0.1},"optimizer":{"type":"adam"}})"}
        << "lr 0.1, sgd";
    QTest::newRow("seed") << R"({"seed":3})" << QStringList{R"({"seed":1})"} << "seed 3";
    QTest::newRow("seed-large-exact")
        << R"({"seed":12345})" << QStringList{R"({})"} << "seed 12345";
    QTest::newRow("steps-carry-total")
        << R"({"steps":500})" << QStringList{R"({"steps":1000})"} << "steps 500";
    QTest::newRow("total-steps-apart")
        << R"({"steps":1000,"schedule":{"decay":"cosine","total_steps":500}})"
        << QStringList{R"({"steps":1000,"schedule":{"decay":"cosine"}})"} << "schedule steps 500";
    QTest::newRow("surface-type-alone")
        << R"({"problem":{"type":"rosenbrock"}})"
        << QStringList{R"({"problem":{"type":"quadratic"}})"} << "rosenbrock";
    QTest::newRow("surface-parameter")
        << R"({"problem":{"type":"rosenbrock","b":10}})"
        << QStringList{R"({"problem":{"type":"rosenbrock"}})"} << "b 10";
    QTest::newRow("surface-angle")
        << R"({"problem":{"type":"quadratic","angle_deg":30}})"
        << QStringList{R"({"problem":{"type":"quadratic"}})"} << "angle 30°";
    QTest::newRow("noise") << R"({"problem":{"type":"rosenbrock","noise":0.1}})"
                           << QStringList{R"({"problem":{"type":"rosenbrock"}})"} << "noise 0.1";
    QTest::newRow("start-point") << R"({"init":[0,1]})" << QStringList{R"({"init":[-1.5,2]})"}
                                 << "start (0, 1)";
    QTest::newRow("batch") << R"({"problem":{"type":"mlp","dataset":"digits","batch_size":8}})"
                           << QStringList{R"({"problem":{"type":"mlp","dataset":"digits"}})"}
                           << "batch 8";
    QTest::newRow("hidden") << R"({"problem":{"type":"mlp","dataset":"digits","hidden":[64,32]}})"
                            << QStringList{R"({"problem":{"type":"mlp","dataset":"digits"}})"}
                            << "hidden 64×32";
    QTest::newRow("activation")
        << R"({"problem":{"type":"mlp","dataset":"digits","activation":"tanh"}})"
        << QStringList{R"({"problem":{"type":"mlp","dataset":"digits"}})"} << "tanh";
    QTest::newRow("dataset") << R"({"problem":{"type":"softmax","dataset":"iris"}})"
                             << QStringList{R"({"problem":{"type":"softmax","dataset":"wine"}})"}
                             << "iris";
    QTest::newRow("nothing-differs") << sgd << QStringList{sgd} << "run 1";
    QTest::newRow("no-others") << sgd << QStringList{} << "run 1";
}

void TestCompare::describeDifference()
{
    QFETCH(QString, run);
    QFETCH(QStringList, others);
    QFETCH(QString, expected);
    std::vector<lrlab::RunConfig> otherConfigs;
    for (const QString& json : others)
        otherConfigs.push_back(config(json.toUtf8().constData()));
    QCOMPARE(lrlab::describeDifference(config(run.toUtf8().constData()), otherConfigs), expected);
}

void TestCompare::describeDifferenceFallbackNumber()
{
    const lrlab::RunConfig c = withLearningRate(0.1);
    QCOMPARE(lrlab::describeDifference(c, {c, c}, 4), QStringLiteral("run 4"));
}

void TestCompare::pinnedLimitReplacesOldest()
{
    lrlab::PinnedRuns pins;
    std::vector<int> ids;
    for (int i = 0; i < lrlab::PinnedRuns::kCapacity; ++i)
        ids.push_back(pins.pin(recordOf(withLearningRate(0.001 * (i + 1)))));
    QCOMPARE(pins.pinnedCount(), 8);
    QVERIFY(pins.isFull());
    const QColor oldestColour = pins.find(ids.front())->colour;

    const int ninth = pins.pin(recordOf(withLearningRate(5.0)));
    QCOMPARE(pins.pinnedCount(), 8);
    QVERIFY(pins.find(ids.front()) == nullptr); // the oldest went
    for (std::size_t i = 1; i < ids.size(); ++i)
        QVERIFY(pins.find(ids[i]) != nullptr);
    QVERIFY(pins.find(ninth) != nullptr);
    QCOMPARE(pins.find(ninth)->colour, oldestColour); // it took the freed colour
    QCOMPARE(pins.pinned().back().id, ninth);         // and the newest place
}

void TestCompare::pinnedColoursDistinctAndStable()
{
    lrlab::PinnedRuns pins;
    pins.setCurrent(recordOf(withLearningRate(0.3)));
    std::vector<int> ids;
    for (int i = 0; i < 8; ++i)
        ids.push_back(pins.pin(recordOf(withLearningRate(0.01 * (i + 1)))));
    std::set<QRgb> colours;
    for (const lrlab::ShownRun& run : pins.shown())
        colours.insert(run.colour.rgb());
    QCOMPARE(colours.size(), std::size_t(9)); // 8 pins + the current run, all different
    // The palette is Okabe–Ito, in its published order.
    const QStringList okabeIto{"#e69f00", "#56b4e9", "#009e73", "#f0e442",
                               "#0072b2", "#d55e00", "#cc79a7", "#000000"};
    for (int i = 0; i < 8; ++i)
        QCOMPARE(pins.find(ids[static_cast<std::size_t>(i)])->colour.name(), okabeIto[i]);

    // Unpinning one leaves the others' colours alone; the next pin takes the free one.
    std::map<int, QColor> before;
    for (const lrlab::ShownRun& run : pins.pinned())
        before[run.id] = run.colour;
    QVERIFY(pins.unpin(ids[2]));
    QVERIFY(!pins.unpin(ids[2]));
    for (const lrlab::ShownRun& run : pins.pinned())
        QCOMPARE(run.colour, before[run.id]);
    const int added = pins.pin(recordOf(withLearningRate(2.0)));
    QCOMPARE(pins.find(added)->colour, before[ids[2]]);
    QCOMPARE(pins.find(lrlab::PinnedRuns::kCurrentId)->colour,
             lrlab::PinnedRuns::currentRunColour());
}

void TestCompare::pinnedLabelsFollowTheSet()
{
    lrlab::PinnedRuns pins;
    QSignalSpy changed(&pins, &lrlab::PinnedRuns::changed);
    const int a = pins.pin(recordOf(withLearningRate(0.1)));
    QCOMPARE(pins.find(a)->label, QStringLiteral("run 1")); // alone: nothing differs
    const int b = pins.pin(recordOf(withLearningRate(0.01)));
    QCOMPARE(pins.find(a)->label, QStringLiteral("lr 0.1"));
    QCOMPARE(pins.find(b)->label, QStringLiteral("lr 0.01"));

    lrlab::RunConfig adam = withLearningRate(0.01);
    adam.optimizer.type = "adam";
    pins.setCurrent(recordOf(adam));
    QCOMPARE(pins.find(a)->label, QStringLiteral("lr 0.1, sgd"));
    QCOMPARE(pins.find(b)->label, QStringLiteral("lr 0.01, sgd"));
    QCOMPARE(pins.find(lrlab::PinnedRuns::kCurrentId)->label,
             QStringLiteral("current: lr 0.01, adam"));

    QVERIFY(pins.unpin(a));
    QCOMPARE(pins.find(b)->label, QStringLiteral("sgd"));
    QCOMPARE(pins.find(lrlab::PinnedRuns::kCurrentId)->label, QStringLiteral("current: adam"));
    const int c = pins.pinCurrent();
    QCOMPARE(pins.find(c)->label, QStringLiteral("adam"));
    QCOMPARE(pins.find(lrlab::PinnedRuns::kCurrentId)->label, QStringLiteral("current: adam"));
    pins.clear();
    QCOMPARE(pins.pinnedCount(), 0);
    QCOMPARE(pins.find(lrlab::PinnedRuns::kCurrentId)->label, QStringLiteral("current"));
    QCOMPARE(changed.count(), 6); // pin, pin, setCurrent, unpin, pinCurrent, clear: one each
}

void TestCompare::pinAllEmitsOnce()
{
    lrlab::PinnedRuns pins;
    QSignalSpy changed(&pins, &lrlab::PinnedRuns::changed);
    std::vector<lrlab::RunRecord> records;
    for (const lrlab::RunConfig& c : lrlab::trioConfigs(withLearningRate(0.01)))
        records.push_back(recordOf(c));
    const std::vector<int> ids = pins.pinAll(records);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(ids.size(), std::size_t(3));
    QCOMPARE(pins.find(ids[0])->label, QStringLiteral("lr 0.001"));
    QCOMPARE(pins.find(ids[1])->label, QStringLiteral("lr 0.01"));
    QCOMPARE(pins.find(ids[2])->label, QStringLiteral("lr 0.1"));
}

void TestCompare::trioConfigs_data()
{
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("minLr");
    QTest::addColumn<double>("low");
    QTest::addColumn<double>("high");
    QTest::addColumn<double>("lowMinLr");
    QTest::newRow("plain") << 0.01 << 0.0 << 0.001 << 0.1 << 0.0;
    QTest::newRow("clamped-top") << 5.0 << 0.0 << 0.5 << 10.0 << 0.0;
    QTest::newRow("clamped-bottom") << 2e-6 << 0.0 << 1e-6 << 2e-5 << 0.0;
    QTest::newRow("min-lr-lowered") << 0.01 << 0.005 << 0.001 << 0.1 << 0.001;
    QTest::newRow("min-lr-kept") << 0.01 << 1e-4 << 0.001 << 0.1 << 1e-4;
}

void TestCompare::trioConfigs()
{
    QFETCH(double, lr);
    QFETCH(double, minLr);
    QFETCH(double, low);
    QFETCH(double, high);
    QFETCH(double, lowMinLr);
    lrlab::RunConfig base = withLearningRate(lr);
    base.schedule.decay = lrlab::Decay::Cosine;
    base.schedule.minLr = minLr;
    base.seed = 7;
    const auto trio = lrlab::trioConfigs(base);
    QVERIFY(nearlyEqual(trio[0].schedule.learningRate, low));
    QCOMPARE(trio[1].schedule.learningRate, lr);
    QVERIFY(nearlyEqual(trio[2].schedule.learningRate, high));
    QVERIFY(nearlyEqual(trio[0].schedule.minLr, lowMinLr));
    QCOMPARE(trio[1].schedule.minLr, minLr);
    QCOMPARE(trio[2].schedule.minLr, minLr);
    for (const lrlab::RunConfig& c : trio) {
        QVERIFY(c.schedule.minLr <= c.schedule.learningRate);
        QCOMPARE(c.seed, std::uint64_t(7)); // everything else is copied
        QCOMPARE(c.schedule.decay, lrlab::Decay::Cosine);
    }
}

void TestCompare::recordFromToyTrace()
{
    lrlab::ToyTrace trace;
    trace.learningRate = {0.1, 0.1, 0.1};
    trace.loss = {4.0, 2.0, kInf};
    trace.x = {1.0, 0.5, kNaN};
    trace.y = {-1.0, -0.5, kNaN};
    trace.status = lrlab::RunStatus::Diverged;
    trace.divergedAt = 2;
    const lrlab::RunRecord r = lrlab::fromToyTrace(withLearningRate(0.1), trace, 0.25);
    QCOMPARE(r.rows(), 3);
    QCOMPARE(r.pathRows, (std::vector<int>{0, 1, 2}));
    QCOMPARE(r.pathX[1], 0.5);
    QCOMPARE(r.pathY[0], -1.0);
    QCOMPARE(r.lossOffset, 0.25);
    QCOMPARE(r.divergedAt, 2);
    QCOMPARE(r.status, lrlab::RunStatus::Diverged);
    QCOMPARE(r.pathIndexOf(1), 1);
    QCOMPARE(r.evalIndexOf(1), -1);
}

void TestCompare::recordFromModelTrace()
{
    lrlab::ModelTrace trace;
    trace.learningRate = {0.1, 0.2, 0.3};
    trace.loss = {1.5f, 1.25f, 1.0f};
    trace.x = {0.5f, 0.25f, 0.125f};
    trace.y = {-1.0f, -0.5f, -0.25f};
    trace.parameterCount = 2;
    trace.evalRows = {0, 2};
    trace.validationLoss = {1.75, 1.125};
    // No accuracy (a regression model): the losses must still be kept.
    lrlab::RunRecord r = lrlab::fromModelTrace(withLearningRate(0.1), trace);
    QCOMPARE(r.rows(), 3);
    QCOMPARE(r.loss[1], 1.25);
    QCOMPARE(r.pathRows, (std::vector<int>{0, 1, 2}));
    QCOMPARE(r.pathX[2], 0.125);
    QCOMPARE(r.evalRows, (std::vector<int>{0, 2}));
    QCOMPARE(r.validationLoss[1], 1.125);
    QVERIFY(std::isnan(r.validationAccuracy[0]));
    QCOMPARE(r.evalIndexOf(2), 1);

    // A projection replaces the raw parameters; it may be sparse and end after the last row.
    lrlab::LandscapeTrajectory projected;
    projected.steps = {0, 2, 3};
    projected.alpha = {1.0, 2.0, 3.0};
    projected.beta = {-1.0, -2.0, -3.0};
    r = lrlab::fromModelTrace(withLearningRate(0.1), trace, &projected);
    QCOMPARE(r.pathRows, (std::vector<int>{0, 2, 3}));
    QCOMPARE(r.pathY[1], -2.0);
    QCOMPARE(r.pathIndexOf(1), -1);
    QCOMPARE(r.pathIndexOf(3), 2);
}

void TestCompare::painterOnRealToyRuns()
{
    // The LR trio on the quadratic (a = 1, b = 10): GD diverges for lr > 2/10 (y grows 4× a step at
    // lr 0.5 and overflows before step 400).
    lrlab::RunConfig base = config(
        R"({"problem":{"type":"quadratic"},"init":[1,1],"steps":400,"schedule":{"lr":0.05}})");
    lrlab::PinnedRuns pins;
    std::vector<lrlab::RunRecord> records;
    std::vector<lrlab::ToyTrace> traces;
    for (const lrlab::RunConfig& c : lrlab::trioConfigs(base)) {
        traces.push_back(lrlab::runToy(c));
        records.push_back(lrlab::fromToyTrace(c, traces.back()));
    }
    QCOMPARE(traces[2].status, lrlab::RunStatus::Diverged); // lr 0.5 > 2/10
    QVERIFY(traces[0].status != lrlab::RunStatus::Diverged);
    const std::vector<int> ids = pins.pinAll(records);
    Plots plots;
    lrlab::ComparePainter painter(plots.all());
    painter.setRuns(pins.shown());
    QCOMPARE(painter.maximumStep(), 400);
    QCOMPARE(painter.landscapeCurve(ids[2])->name(), QStringLiteral("lr 0.5"));
    painter.setCursorStep(400);
    const lrlab::ToyTrace& diverged = traces[2];
    // The path ends at its last finite point within the painter's reach.
    int last = 0;
    const double reach = painter.options().landscapeReach;
    while (last + 1 < diverged.rows() && std::isfinite(diverged.x[last + 1]) &&
           std::isfinite(diverged.y[last + 1]) && std::abs(diverged.x[last + 1]) <= reach &&
           std::abs(diverged.y[last + 1]) <= reach)
        ++last;
    QVERIFY(last < 400);
    const QPointF at = painter.landscapeCursor(ids[2])->position->coords();
    QCOMPARE(at.x(), diverged.x[static_cast<std::size_t>(last)]);
    QCOMPARE(at.y(), diverged.y[static_cast<std::size_t>(last)]);
    const QPointF end = painter.landscapeCursor(ids[0])->position->coords();
    QCOMPARE(end.x(), traces[0].x.back());
}

void TestCompare::painterOneSetPerRun()
{
    Plots plots;
    lrlab::ComparePainter painter(plots.all());
    std::vector<lrlab::ShownRun> runs;
    for (int i = 0; i < 4; ++i)
        runs.push_back(shown(i + 1,
                             record(0.1, {0.1, 0.1, 0.1}, {3.0, 2.0, 1.0}, {0, 1, 2}, {0, 1, 2}),
                             lrlab::PinnedRuns::palette()[static_cast<std::size_t>(i)],
                             QStringLiteral("run %1").arg(i + 1)));
    painter.setRuns(runs);
    QCOMPARE(plots.landscape.plottableCount(), 8); // curve + end marker per run
    QCOMPARE(plots.loss.plottableCount(), 4);
    QCOMPARE(plots.learningRate.plottableCount(), 4);
    QCOMPARE(plots.landscape.itemCount(), 4); // a cursor per run
    QCOMPARE(plots.loss.itemCount(), 5);      // a tracer per run + the cursor line
    QCOMPARE(plots.learningRate.itemCount(), 5);
    for (const lrlab::ShownRun& run : runs) {
        QVERIFY(plots.landscape.hasPlottable(painter.landscapeCurve(run.id)));
        QVERIFY(plots.loss.hasPlottable(painter.lossGraph(run.id)));
        QVERIFY(plots.learningRate.hasPlottable(painter.learningRateGraph(run.id)));
    }
    QCOMPARE(painter.maximumStep(), 2);
}

void TestCompare::painterRemovesAndReuses()
{
    Plots plots;
    // Someone else's graph on the loss plot must survive.
    QCPGraph* foreign = plots.loss.addGraph();
    lrlab::ComparePainter painter(plots.all());
    const lrlab::RunRecord r = record(0.1, {0.1, 0.1}, {2.0, 1.0}, {0, 1}, {0, 1});
    std::vector<lrlab::ShownRun> runs{shown(1, r, Qt::red, "a"), shown(2, r, Qt::blue, "b"),
                                      shown(3, r, Qt::green, "c")};
    painter.setRuns(runs);
    QPointer<QCPCurve> removedCurve = painter.landscapeCurve(2);
    QPointer<QCPGraph> removedLoss = painter.lossGraph(2);
    QPointer<QCPGraph> removedLr = painter.learningRateGraph(2);
    QPointer<QCPItemTracer> removedTracer = painter.landscapeCursor(2);
    QCPCurve* keptCurve = painter.landscapeCurve(3);
    QCPGraph* keptLoss = painter.lossGraph(1);

    runs.erase(runs.begin() + 1);
    painter.setRuns(runs);
    QVERIFY(removedCurve.isNull());
    QVERIFY(removedLoss.isNull());
    QVERIFY(removedLr.isNull());
    QVERIFY(removedTracer.isNull());
    QCOMPARE(painter.landscapeCurve(3), keptCurve); // reused, not rebuilt
    QCOMPARE(painter.lossGraph(1), keptLoss);
    QCOMPARE(plots.landscape.plottableCount(), 4);
    QCOMPARE(plots.loss.plottableCount(), 3); // two runs + the foreign graph
    QCOMPARE(plots.learningRate.plottableCount(), 2);
    QCOMPARE(plots.landscape.itemCount(), 2);

    painter.setRuns({});
    QCOMPARE(plots.landscape.plottableCount(), 0);
    QCOMPARE(plots.loss.plottableCount(), 1);
    QVERIFY(plots.loss.hasPlottable(foreign));
    QVERIFY(!painter.lossCursorLine()->visible());
}

void TestCompare::painterSkipsNonFinite()
{
    Plots plots;
    lrlab::ComparePainter painter(plots.all());
    lrlab::RunRecord r = record(0.1, {0.1, kNaN, 0.1, 0.1, 0.1}, {1.0, 0.5, kNaN, 0.25, kInf},
                                {1.0, 2.0, 3.0, kNaN, 5.0}, {1.0, 2.0, 3.0, 4.0, 5.0});
    r.lossOffset = 0.25; // the loss plot shows loss − f*; 0.25 − 0.25 = 0 goes to the floor
    painter.setRuns({shown(1, r, Qt::red, "r")});

    const QCPGraph* loss = painter.lossGraph(1);
    QCOMPARE(loss->dataCount(), 3);
    QCOMPARE(loss->data()->at(0)->key, 0.0);
    QCOMPARE(loss->data()->at(0)->value, 0.75);
    QCOMPARE(loss->data()->at(1)->key, 1.0);
    QCOMPARE(loss->data()->at(1)->value, 0.25);
    QCOMPARE(loss->data()->at(2)->key, 3.0);
    QCOMPARE(loss->data()->at(2)->value, painter.options().lossFloor);

    const QCPGraph* lr = painter.learningRateGraph(1);
    QCOMPARE(lr->dataCount(), 4);
    QCOMPARE(lr->data()->at(1)->key, 2.0);

    // The path stops at its first non-finite point.
    const QCPCurve* curve = painter.landscapeCurve(1);
    QCOMPARE(curve->dataCount(), 3);
    QCOMPARE(curve->data()->at(2)->key, 3.0);
    QCOMPARE(painter.endMarker(1)->dataCount(), 1);
    QCOMPARE(painter.endMarker(1)->data()->at(0)->key, 3.0);
    QCOMPARE(painter.endMarker(1)->data()->at(0)->value, 3.0);
}

void TestCompare::painterCursorsMoveTogether_data()
{
    QTest::addColumn<int>("step");
    QTest::newRow("start") << 0;
    QTest::newRow("inside-both") << 3;
    QTest::newRow("past-diverged-run") << 6;
    QTest::newRow("last") << 9;
    QTest::newRow("past-everything") << 50;
}

void TestCompare::painterCursorsMoveTogether()
{
    QFETCH(int, step);
    Plots plots;
    lrlab::ComparePainter painter(plots.all());
    // A 10-row run and a run that diverged at row 5 (its last row is non-finite).
    std::vector<double> lrLong, lossLong, xLong, yLong;
    for (int k = 0; k < 10; ++k) {
        lrLong.push_back(0.01 * (k + 1));
        lossLong.push_back(10.0 / (k + 1));
        xLong.push_back(0.5 * k);
        yLong.push_back(-0.25 * k);
    }
    const std::vector<double> lrShort{1, 1, 1, 1, 1, 1}, lossShort{1, 3, 9, 27, 81, kInf},
        xShort{0, 1, 2, 4, 8, kInf}, yShort{0, -1, -2, -4, -8, kInf};
    lrlab::RunRecord longRun = record(0.01, lrLong, lossLong, xLong, yLong);
    lrlab::RunRecord shortRun = record(1.0, lrShort, lossShort, xShort, yShort);
    shortRun.status = lrlab::RunStatus::Diverged;
    shortRun.divergedAt = 5;
    painter.setRuns({shown(1, longRun, Qt::blue, "long"), shown(2, shortRun, Qt::red, "short")});
    painter.setCursorStep(step);
    QCOMPARE(painter.cursorStep(), step);

    const lrlab::RunRecord* records[] = {&longRun, &shortRun};
    for (int id = 1; id <= 2; ++id) {
        const lrlab::RunRecord& r = *records[id - 1];
        const int pathRow = lastFiniteRowAtOrBefore(r.pathX, step);
        const QPointF map = painter.landscapeCursor(id)->position->coords();
        QVERIFY2(nearlyEqual(map.x(), r.pathX[static_cast<std::size_t>(pathRow)]), "map x");
        QVERIFY2(nearlyEqual(map.y(), r.pathY[static_cast<std::size_t>(pathRow)]), "map y");
        QVERIFY(painter.landscapeCursor(id)->visible());

        const int lossRow = lastFiniteRowAtOrBefore(r.loss, step);
        const QPointF loss = painter.lossCursor(id)->position->coords();
        QCOMPARE(loss.x(), double(lossRow));
        QVERIFY2(nearlyEqual(loss.y(), r.loss[static_cast<std::size_t>(lossRow)]), "loss");

        const int lrRow = std::min(step, static_cast<int>(r.learningRate.size()) - 1);
        const QPointF lr = painter.learningRateCursor(id)->position->coords();
        QCOMPARE(lr.x(), double(lrRow));
        QVERIFY2(nearlyEqual(lr.y(), r.learningRate[static_cast<std::size_t>(lrRow)]), "lr");
    }
    for (QCPItemStraightLine* line : {painter.lossCursorLine(), painter.learningRateCursorLine()}) {
        QVERIFY(line->visible());
        QCOMPARE(line->point1->coords().x(), double(step));
        QCOMPARE(line->point2->coords().x(), double(step));
        QVERIFY(line->point1->coords().y() != line->point2->coords().y()); // a vertical line
    }

    painter.setCursorVisible(false);
    QVERIFY(!painter.landscapeCursor(1)->visible());
    QVERIFY(!painter.lossCursorLine()->visible());
}

void TestCompare::painterStyleAndLegend()
{
    Plots plots;
    lrlab::ComparePainter painter(plots.all());
    lrlab::PinnedRuns pins;
    pins.pin(record(0.1, {0.1}, {1.0}, {0}, {0}));
    lrlab::RunRecord current = record(0.01, {0.01}, {1.0}, {0}, {0});
    current.config = withLearningRate(0.01);
    pins.setCurrent(current);
    painter.setRuns(pins.shown());

    QCOMPARE(plots.landscape.legend->itemCount(), 2);
    QCOMPARE(plots.loss.legend->itemCount(), 2);
    QVERIFY(plots.loss.legend->visible());
    QCOMPARE(painter.landscapeCurve(1)->name(), QStringLiteral("lr 0.1"));
    QCOMPARE(painter.lossGraph(0)->name(), QStringLiteral("current: lr 0.01"));
    QCOMPARE(painter.lossGraph(1)->pen().color(), lrlab::PinnedRuns::palette()[0]);
    QCOMPARE(painter.learningRateGraph(0)->pen().color(), lrlab::PinnedRuns::currentRunColour());
    QVERIFY(painter.lossGraph(0)->pen().widthF() > painter.lossGraph(1)->pen().widthF());
    // Legend in the list's order: pins first, then the current run.
    QCOMPARE(plots.learningRate.legend->itemWithPlottable(painter.learningRateGraph(1)),
             plots.learningRate.legend->item(0));

    // The current run is drawn above the pins even when listed first.
    std::vector<lrlab::ShownRun> currentFirst = pins.shown();
    std::rotate(currentFirst.begin(), currentFirst.end() - 1, currentFirst.end());
    QVERIFY(currentFirst.front().current);
    painter.setRuns(currentFirst);
    const QList<QCPLayerable*> drawOrder = painter.lossGraph(0)->layer()->children();
    QVERIFY(drawOrder.indexOf(painter.lossGraph(0)) > drawOrder.indexOf(painter.lossGraph(1)));
    QVERIFY(drawOrder.indexOf(painter.lossCursor(0)) > drawOrder.indexOf(painter.lossCursor(1)));

    // A label change reaches the legend without new plottables.
    QCPCurve* curve = painter.landscapeCurve(1);
    pins.clearCurrent();
    painter.setRuns(pins.shown());
    QCOMPARE(painter.landscapeCurve(1), curve);
    QCOMPARE(curve->name(), QStringLiteral("run 1"));
    QCOMPARE(plots.landscape.legend->itemCount(), 1);
}

void TestCompare::hoverTextOfKnownPoint()
{
    const lrlab::ShownRun run =
        shown(1, record(0.1, {0.1, 0.1, 0.05}, {3.0, 2.0, 1.23456789}, {1, 0.75, 0.5}, {2, -1, -2}),
              Qt::red, "lr 0.1");
    QCOMPARE(lrlab::hoverText(run, 2),
             QStringLiteral("lr 0.1 — step 2, lr 0.05, loss 1.23457, x 0.5, y -2"));
    QCOMPARE(lrlab::hoverText(run, 0), QStringLiteral("lr 0.1 — step 0, lr 0.1, loss 3, x 1, y 2"));
}

void TestCompare::hoverTextAtEvaluationRow()
{
    lrlab::RunRecord r = record(0.1, {0.1, 0.1}, {0.5, 0.4}, {}, {});
    r.evalRows = {0, 1};
    r.validationLoss = {0.6, 0.45678912};
    r.validationAccuracy = {0.5, kNaN}; // a regression model has no accuracy
    r.learningRate = {0.1, 0.0123456789};
    const lrlab::ShownRun run = shown(3, r, Qt::red, "adam");
    QCOMPARE(lrlab::hoverText(run, 0),
             QStringLiteral("adam — step 0, lr 0.1, loss 0.5, val loss 0.6, val acc 0.5"));
    QCOMPARE(lrlab::hoverText(run, 1),
             QStringLiteral("adam — step 1, lr 0.0123457, loss 0.4, val loss 0.456789"));
}

void TestCompare::nearestPointUnderMouse()
{
    Plots plots;
    lrlab::ComparePainter painter(plots.all());
    painter.setRuns(
        {shown(1, record(0.1, {0.1, 0.2, 0.3}, {4, 2, 1}, {0, 1, 2}, {0, 1, 2}), Qt::red, "a"),
         shown(2, record(0.1, {0.3, 0.2, 0.1}, {1, 2, 4}, {2, 1, 0}, {0, 0.5, 2}), Qt::blue, "b")});
    for (QCustomPlot* p : {&plots.landscape, &plots.loss, &plots.learningRate}) {
        p->rescaleAxes();
        p->xAxis->scaleRange(1.2);
        p->yAxis->scaleRange(1.2);
        p->replot(); // lays out the axis rect, so coordinates map to pixels
    }
    // Run b's point at row 1 is (1, 0.5) on the map.
    const QPointF onB(plots.landscape.xAxis->coordToPixel(1.0),
                      plots.landscape.yAxis->coordToPixel(0.5) + 2.0);
    const lrlab::HoverHit hit =
        lrlab::findNearestPoint(painter, lrlab::ComparePlotKind::Landscape, onB);
    QCOMPARE(hit.runId, 2);
    QCOMPARE(hit.row, 1);
    QVERIFY(nearlyEqual(hit.pixelDistance, 2.0));

    // On the loss plot, run a's row 2 is (2, 1).
    const QPointF onA(plots.loss.xAxis->coordToPixel(2.0), plots.loss.yAxis->coordToPixel(1.0));
    lrlab::HoverTips tips(&painter);
    QCOMPARE(tips.textAt(lrlab::ComparePlotKind::Loss, onA),
             QStringLiteral("a — step 2, lr 0.3, loss 1, x 2, y 2"));
    // Far from every point: no tip, unless a landscape function fills the map.
    const QPointF corner(plots.landscape.axisRect()->left() + 1,
                         plots.landscape.axisRect()->top() + 1);
    QVERIFY(!lrlab::findNearestPoint(painter, lrlab::ComparePlotKind::Landscape, corner).valid());
    QVERIFY(tips.textAt(lrlab::ComparePlotKind::Landscape, corner).isEmpty());
    tips.setLandscapeFunction([](double x, double y) { return x * x + y * y; });
    const double x = plots.landscape.xAxis->pixelToCoord(corner.x());
    const double y = plots.landscape.yAxis->pixelToCoord(corner.y());
    QCOMPARE(tips.textAt(lrlab::ComparePlotKind::Landscape, corner),
             QStringLiteral("x %1, y %2, loss %3")
                 .arg(QString::number(x, 'g', 6), QString::number(y, 'g', 6),
                      QString::number(x * x + y * y, 'g', 6)));
}

QTEST_MAIN(TestCompare)
#include "tst_compare.moc"
