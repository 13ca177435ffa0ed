// GUI tests of how a streaming model run reaches the plots: its first rows before the run ends,
// later rows gathered to at most one publication a frame, and the finished run drawn with every
// point of the core's trace.
#include "ui/compare/compare_painter.h"
#include "ui/compare/pinned_runs.h"
#include "ui/experiment_model.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/run_controller.h"
#include "ui/main_window.h"
#include "ui/worker/training_thread.h"

#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "tests/common/main_window_waits.h"

#include <QElapsedTimer>
#include <QTest>

#include <qcustomplot.h>

#include <string>
#include <vector>

namespace {

/// A digits MLP run of `steps` steps: long enough to stream several chunks.
lrlab::RunConfig digitsRun(int steps, double lr)
{
    lrlab::RunConfig config;
    config.problem.type = "mlp";
    config.problem.dataset = "digits";
    config.problem.hidden = {32};
    config.optimizer.type = "sgd";
    config.optimizer.momentum = 0.9;
    config.steps = steps;
    config.schedule.totalSteps = steps;
    config.schedule.learningRate = lr;
    config.evalEvery = 50;
    return config;
}

/// What the window did for one run: its chunk publications (rows shown each time), when the
/// finished run was shown among them, and the loss plot's replots.
struct RunEvents
{
    std::vector<int> chunkRows; ///< rows shown at each chunkDisplayed, in order
    int chunksBeforeDisplayed = -1;
    int lossReplots = 0;
    double milliseconds = 0.0;
};

/// Applies config to the window and records what it shows until its run is displayed.
RunEvents runAndRecord(lrlab::MainWindow& window, const lrlab::RunConfig& config)
{
    RunEvents events;
    lrlab::RunController* runs = window.runs();
    quint64 wanted = 0;
    const auto chunkConnection =
        QObject::connect(runs, &lrlab::RunController::chunkDisplayed, [&](quint64 g, int rows) {
            if (g == wanted && events.chunksBeforeDisplayed < 0)
                events.chunkRows.push_back(rows);
        });
    const auto displayConnection =
        QObject::connect(runs, &lrlab::RunController::runDisplayed, [&](quint64 g) {
            if (g == wanted)
                events.chunksBeforeDisplayed = static_cast<int>(events.chunkRows.size());
        });
    const auto replotConnection =
        QObject::connect(window.curves()->lossPlot(), &QCustomPlot::afterReplot, [&] {
            if (events.chunksBeforeDisplayed < 0) // not the landscape that follows
                ++events.lossReplots;
        });
    QElapsedTimer timer;
    timer.start();
    window.model()->apply(config);
    wanted = runs->submittedGeneration();
    const bool shown = QTest::qWaitFor([&] { return events.chunksBeforeDisplayed >= 0; },
                                       lrlab::test::kRunTimeout);
    events.milliseconds = static_cast<double>(timer.elapsed());
    QObject::disconnect(chunkConnection);
    QObject::disconnect(displayConnection);
    QObject::disconnect(replotConnection);
    if (!shown)
        events.chunksBeforeDisplayed = -1;
    return events;
}

} // namespace

class TestStreamingDisplay : public QObject
{
    Q_OBJECT
private slots:
    void firstChunkShownBeforeRunEnds();
    void finishedRunShowsCoreTrace();
    void publicationsCoalescedToFrames();
};

void TestStreamingDisplay::firstChunkShownBeforeRunEnds()
{
    lrlab::MainWindow window;
    window.show();
    const lrlab::RunConfig config = digitsRun(1500, 0.05);
    const RunEvents events = runAndRecord(window, config);
    QVERIFY(events.chunksBeforeDisplayed >= 1);
    // The first publication holds just the first chunk's rows, however late the GUI came to it.
    QCOMPARE(events.chunkRows.front(), lrlab::RunRequest{}.firstChunkRows);
    QVERIFY(events.chunkRows.front() < config.steps);
}

void TestStreamingDisplay::finishedRunShowsCoreTrace()
{
    lrlab::MainWindow window;
    window.show();
    const lrlab::RunConfig config = digitsRun(1200, 0.08);
    QVERIFY(runAndRecord(window, config).chunksBeforeDisplayed >= 1);
    const auto problem = lrlab::ModelProblem::create(config.problem, config.seed);
    const lrlab::ModelTrace direct = lrlab::runModel(config, *problem);
    // Every minibatch loss on the plot is the core's, at its step.
    const QCPGraph* loss = window.comparePainter()->lossGraph(lrlab::PinnedRuns::kCurrentId);
    QVERIFY(loss);
    QCOMPARE(loss->dataCount(), direct.rows());
    for (int k = 0; k < direct.rows(); ++k) {
        QCOMPARE(loss->data()->at(k)->key, double(k));
        QCOMPARE(loss->data()->at(k)->value, double(direct.loss[static_cast<std::size_t>(k)]));
    }
    // The learning rate and the evaluations too.
    const QCPGraph* rate =
        window.comparePainter()->learningRateGraph(lrlab::PinnedRuns::kCurrentId);
    QVERIFY(rate);
    QCOMPARE(rate->dataCount(), direct.rows());
    for (int k = 0; k < direct.rows(); ++k)
        QCOMPARE(rate->data()->at(k)->value, direct.learningRate[static_cast<std::size_t>(k)]);
    const QCPGraph* validation = window.curves()->validationLossGraph();
    QCOMPARE(validation->dataCount(), static_cast<int>(direct.evalRows.size()));
    for (int i = 0; i < validation->dataCount(); ++i) {
        QCOMPARE(validation->data()->at(i)->key, double(direct.evalRows[std::size_t(i)]));
        QCOMPARE(validation->data()->at(i)->value, direct.validationLoss[std::size_t(i)]);
    }
}

void TestStreamingDisplay::publicationsCoalescedToFrames()
{
    lrlab::MainWindow window;
    window.show();
    const RunEvents events = runAndRecord(window, digitsRun(3000, 0.05));
    QVERIFY(events.chunksBeforeDisplayed >= 1);
    // At most one publication a frame (the first at once)...
    const int frames =
        static_cast<int>(events.milliseconds / lrlab::RunController::kFrameMilliseconds);
    QVERIFY2(events.chunksBeforeDisplayed <= 1 + frames,
             qPrintable(QStringLiteral("%1 publications in %2 ms")
                            .arg(events.chunksBeforeDisplayed)
                            .arg(events.milliseconds)));
    // ... and at most one replot of the loss plot for each, besides the submission's (axes, title).
    QVERIFY2(events.lossReplots <= events.chunksBeforeDisplayed + 3,
             qPrintable(QStringLiteral("%1 replots for %2 publications")
                            .arg(events.lossReplots)
                            .arg(events.chunksBeforeDisplayed)));
    // The rows shown only grow.
    for (std::size_t i = 1; i < events.chunkRows.size(); ++i)
        QVERIFY(events.chunkRows[i] > events.chunkRows[i - 1]);
}

QTEST_MAIN(TestStreamingDisplay)
#include "tst_streaming_display.moc"
