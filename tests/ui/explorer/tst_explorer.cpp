// GUI tests of the explorer: re-runs on control changes, pins, the LR trio, playback
// cursors, the LR finder's "use this LR", sweep points, streaming model runs abandoned for newer
// ones, curvature marks, errors in the window, and a stress test of rapid LR changes.
#include "ui/controls/experiment_panel.h"
#include "ui/experiment_model.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/diagnosis_panel.h"
#include "ui/explorer/landscape_view.h"
#include "ui/explorer/run_controller.h"
#include "ui/explorer/stability_marks.h"
#include "ui/main_window.h"
#include "ui/widgets/message_bar.h"

#include "core/analysis/stability.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/engine/toy_run.h"
#include "tests/common/main_window_waits.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/run_configs.h"
#include "ui/compare/compare_painter.h"
#include "ui/compare/pinned_runs.h"
#include "ui/controls/learning_rate_control.h"
#include "ui/views/lr_finder_view.h"
#include "ui/views/sweep_view.h"
#include "ui/widgets/playback_bar.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>

using lrlab::test::nearlyEqual;
using lrlab::test::waitForLatest;

namespace {

constexpr int kTimeout = lrlab::test::kRunTimeout;

lrlab::RunConfig toyConfig(double lr = 1e-3)
{
    lrlab::RunConfig config = lrlab::test::rosenbrockRun(lr, 500);
    config.optimizer.momentum = 0.9;
    return config;
}

lrlab::RunConfig modelConfig(const std::string& type, int steps, double lr)
{
    lrlab::RunConfig config;
    config.problem.type = type;
    if (type == "mlp") {
        config.problem.dataset = "iris";
        config.problem.hidden = {8};
    }
    config.optimizer.type = "adam";
    config.steps = steps;
    config.schedule.totalSteps = steps;
    config.schedule.learningRate = lr;
    config.evalEvery = 20;
    return config;
}

/// The losses of a record equal those of a direct run of its config.
void compareWithDirectRun(const lrlab::RunRecord& record)
{
    const lrlab::RunConfig& config = record.config;
    if (lrlab::isModelType(config.problem.type)) {
        const auto problem = lrlab::ModelProblem::create(config.problem, config.seed);
        const lrlab::ModelTrace trace = lrlab::runModel(config, *problem);
        QCOMPARE(record.rows(), trace.rows());
        for (int k = 0; k < trace.rows(); ++k)
            QCOMPARE(record.loss[static_cast<std::size_t>(k)], double(trace.loss[k]));
        QCOMPARE(record.evalRows, trace.evalRows);
    } else {
        const lrlab::ToyTrace trace = lrlab::runToy(config);
        QCOMPARE(record.rows(), trace.rows());
        for (int k = 0; k < trace.rows(); ++k) {
            const double a = record.loss[static_cast<std::size_t>(k)], b = trace.loss[k];
            QVERIFY((std::isnan(a) && std::isnan(b)) || a == b);
        }
    }
}

/// The rows of a test run on a toy surface and on a model: column "model" false ("toy") and
/// true ("iris-mlp").
void addToyAndModelRows()
{
    QTest::addColumn<bool>("model");
    QTest::newRow("toy") << false;
    QTest::newRow("iris-mlp") << true;
}

} // namespace

class TestExplorer : public QObject
{
    Q_OBJECT
private slots:
    void controlChangeReruns();
    void pinningKeepsRuns();
    void trioYieldsThreeRuns_data();
    void trioYieldsThreeRuns();
    void playbackMovesCursorsTogether();
    void finderUseSetsSlider();
    void sweepPointLoadsRun();
    void abandonedStreamingRunLeavesNoStaleData();
    void modelCurvatureMarks();
    void toyBestRateMark();
    void errorShownInWindow();
    void stressRapidChanges_data();
    void stressRapidChanges();
};

void TestExplorer::controlChangeReruns()
{
    lrlab::MainWindow window;
    window.show();
    window.model()->apply(toyConfig());
    QVERIFY(waitForLatest(window));
    const quint64 before = window.runs()->submittedGeneration();
    auto* optimizer = window.findChild<QComboBox*>(QStringLiteral("optimizerCombo"));
    QVERIFY(optimizer);
    optimizer->setCurrentIndex(optimizer->findData(QStringLiteral("adam")));
    QVERIFY(window.runs()->submittedGeneration() > before);
    QVERIFY(waitForLatest(window));
    QCOMPARE(window.runs()->currentRecord()->config.optimizer.type, std::string("adam"));
    compareWithDirectRun(*window.runs()->currentRecord());
    // The diagnosis follows the run.
    QVERIFY(!window.docks()->diagnosis()->diagnosisName().isEmpty());
}

void TestExplorer::pinningKeepsRuns()
{
    lrlab::MainWindow window;
    window.show();
    window.model()->apply(toyConfig(1e-3));
    QVERIFY(waitForLatest(window));
    window.pinCurrent();
    QCOMPARE(window.pinnedRuns()->pinnedCount(), 1);
    const int pinId = window.pinnedRuns()->pinned().front().id;

    window.controls()->learningRateControl()->setLearningRate(2e-4);
    QVERIFY(waitForLatest(window));
    QVERIFY(nearlyEqual(window.runs()->currentRecord()->config.schedule.learningRate, 2e-4));
    // The pin still holds the first run, drawn on all three plots.
    const auto& pinned = window.pinnedRuns()->pinned().front();
    QVERIFY(nearlyEqual(pinned.record->config.schedule.learningRate, 1e-3));
    lrlab::ComparePainter* painter = window.comparePainter();
    QVERIFY(painter->lossGraph(pinId) != nullptr);
    QCOMPARE(painter->landscapeCurve(pinId)->dataCount(), pinned.record->rows());
    QCOMPARE(painter->learningRateGraph(pinId)->dataCount(), pinned.record->rows());
    QVERIFY(pinned.label.contains(QStringLiteral("lr")));

    // Ctrl+P pins again (the second run); clearing removes both.
    QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier);
    QCOMPARE(window.pinnedRuns()->pinnedCount(), 2);
    window.clearPins();
    QCOMPARE(window.pinnedRuns()->pinnedCount(), 0);
    QVERIFY(painter->lossGraph(pinId) == nullptr);
}

void TestExplorer::trioYieldsThreeRuns_data()
{
    addToyAndModelRows();
}

void TestExplorer::trioYieldsThreeRuns()
{
    QFETCH(bool, model);
    lrlab::MainWindow window;
    window.show();
    const double lr = model ? 1e-2 : 1e-3;
    window.model()->apply(model ? modelConfig("mlp", 200, lr) : toyConfig(lr));
    QVERIFY(waitForLatest(window));
    QSignalSpy trio(&window, &lrlab::MainWindow::trioFinished);
    window.runTrio();
    QTRY_VERIFY_WITH_TIMEOUT(trio.count() == 1, kTimeout);
    const auto& pins = window.pinnedRuns()->pinned();
    QCOMPARE(int(pins.size()), 3);
    const double factors[3] = {0.1, 1.0, 10.0};
    for (int i = 0; i < 3; ++i) {
        QVERIFY(nearlyEqual(pins[static_cast<std::size_t>(i)].record->config.schedule.learningRate,
                            lr * factors[i], 1e-12));
        compareWithDirectRun(*pins[static_cast<std::size_t>(i)].record);
        QVERIFY(window.comparePainter()->lossGraph(pins[static_cast<std::size_t>(i)].id));
    }
}

void TestExplorer::playbackMovesCursorsTogether()
{
    lrlab::MainWindow window;
    window.show();
    window.model()->apply(toyConfig(1e-3));
    QVERIFY(waitForLatest(window));
    window.pinCurrent();
    window.controls()->learningRateControl()->setLearningRate(3e-4);
    QVERIFY(waitForLatest(window));
    lrlab::PlaybackBar* bar = window.playbackBar();
    lrlab::ComparePainter* painter = window.comparePainter();
    QCOMPARE(bar->maximumStep(), 500);

    const auto checkCursors = [&](int step) {
        for (const lrlab::ShownRun& run : window.pinnedRuns()->shown()) {
            const lrlab::RunRecord& r = *run.record;
            const auto k = static_cast<std::size_t>(std::min(step, r.lastRow()));
            const QPointF map = painter->landscapeCursor(run.id)->position->coords();
            QVERIFY(nearlyEqual(map.x(), r.pathX[k]));
            QVERIFY(nearlyEqual(map.y(), r.pathY[k]));
            QCOMPARE(painter->lossCursor(run.id)->position->coords().x(), double(k));
            QCOMPARE(painter->learningRateCursor(run.id)->position->coords().x(), double(k));
            QVERIFY(nearlyEqual(painter->learningRateCursor(run.id)->position->coords().y(),
                                r.learningRate[k]));
        }
    };
    bar->setStep(137);
    QCOMPARE(painter->cursorStep(), 137);
    checkCursors(137);
    bar->stepForward();
    checkCursors(138);
    // Playing moves every cursor on together.
    bar->setStep(0);
    bar->play();
    QTRY_VERIFY_WITH_TIMEOUT(bar->step() >= 5, kTimeout);
    bar->pause();
    QCOMPARE(painter->cursorStep(), bar->step());
    checkCursors(bar->step());
}

void TestExplorer::finderUseSetsSlider()
{
    lrlab::MainWindow window;
    window.show();
    window.model()->apply(modelConfig("mlp", 200, 1e-3));
    QVERIFY(waitForLatest(window));
    lrlab::LrFinderView* finder = window.docks()->finder();
    QCOMPARE(finder->config().problem.type, std::string("mlp"));
    QSignalSpy finished(finder, &lrlab::LrFinderView::finished);
    finder->run();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTimeout);
    const double valley = finder->suggestion(QStringLiteral("valley"));
    QVERIFY(std::isfinite(valley));
    const quint64 before = window.runs()->submittedGeneration();
    QTest::mouseClick(finder->useButton(QStringLiteral("valley")), Qt::LeftButton);
    const double expected = std::clamp(valley, lrlab::LearningRateControl::kMinimum,
                                       lrlab::LearningRateControl::kMaximum);
    QVERIFY(nearlyEqual(window.controls()->learningRateControl()->learningRate(), expected));
    QCOMPARE(window.controls()->learningRateControl()->slider()->value(),
             lrlab::LearningRateControl::positionForRate(expected));
    QVERIFY(window.runs()->submittedGeneration() > before);
    QVERIFY(waitForLatest(window));
    QVERIFY(nearlyEqual(window.runs()->currentRecord()->config.schedule.learningRate, expected));
}

void TestExplorer::sweepPointLoadsRun()
{
    lrlab::MainWindow window;
    window.show();
    lrlab::RunConfig config = toyConfig(1e-3);
    config.problem.type = "quadratic";
    config.init = {2.0, 1.5};
    window.model()->apply(config);
    QVERIFY(waitForLatest(window));
    lrlab::SweepView* sweep = window.docks()->sweep();
    QCOMPARE(sweep->baseConfig().problem.type, std::string("quadratic"));
    sweep->setLearningRateRange(1e-3, 1e-1, 3);
    QSignalSpy done(sweep, &lrlab::SweepView::sweepFinished);
    sweep->run();
    QTRY_VERIFY_WITH_TIMEOUT(done.count() == 1, kTimeout);
    const lrlab::RunConfig picked = sweep->points().at(2).config;
    sweep->activatePoint(0, 2);
    QVERIFY(
        nearlyEqual(window.model()->config().schedule.learningRate, picked.schedule.learningRate));
    QVERIFY(waitForLatest(window));
    const lrlab::RunRecord& shown = *window.runs()->currentRecord();
    QVERIFY(nearlyEqual(shown.config.schedule.learningRate, 1e-1));
    QCOMPARE(shown.config.problem.type, std::string("quadratic"));
    QCOMPARE(shown.config.steps, picked.steps);
    compareWithDirectRun(shown);
}

void TestExplorer::abandonedStreamingRunLeavesNoStaleData()
{
    lrlab::MainWindow window;
    window.show();
    // A long digits MLP run streams; a short, different run replaces it mid-way.
    lrlab::RunConfig longRun = modelConfig("mlp", 100000, 1e-3);
    longRun.problem.dataset = "digits";
    longRun.problem.hidden = {64, 32};
    QSignalSpy chunks(window.runs(), &lrlab::RunController::chunkDisplayed);
    window.model()->apply(longRun);
    const quint64 first = window.runs()->submittedGeneration();
    QTRY_VERIFY_WITH_TIMEOUT(!chunks.isEmpty() && chunks.last().at(0).value<quint64>() == first,
                             kTimeout);
    QVERIFY(window.runs()->isBusy());

    const lrlab::RunConfig shortRun = modelConfig("softmax", 150, 5e-2);
    QSignalSpy landscapes(window.landscapeView(), &lrlab::LandscapeView::modelLandscapeDisplayed);
    window.model()->apply(shortRun);
    const quint64 second = window.runs()->submittedGeneration();
    QVERIFY(second > first);
    QVERIFY(waitForLatest(window));
    QTRY_VERIFY_WITH_TIMEOUT(!landscapes.isEmpty() && landscapes.last().at(1).toBool(), kTimeout);
    for (const QList<QVariant>& args : landscapes)
        QCOMPARE(args.at(0).value<quint64>(), second);

    // Every plot holds exactly the second run.
    const auto problem = lrlab::ModelProblem::create(shortRun.problem, shortRun.seed);
    const lrlab::ModelTrace direct =
        lrlab::runModel(window.runs()->currentRecord()->config, *problem);
    QCOMPARE(window.runs()->currentRecord()->config.problem.type, std::string("softmax"));
    compareWithDirectRun(*window.runs()->currentRecord());
    QCOMPARE(window.comparePainter()->lossGraph(lrlab::PinnedRuns::kCurrentId)->dataCount(),
             direct.rows());
    QCOMPARE(window.curves()->smoothedLossGraph()->dataCount(), direct.rows());
    QCOMPARE(window.curves()->validationLossGraph()->dataCount(), int(direct.evalRows.size()));
    QCOMPARE(window.curves()->accuracyGraph()->dataCount(), int(direct.evalRows.size()));
    QVERIFY(
        window.comparePainter()
            ->lossGraph(lrlab::PinnedRuns::kCurrentId)
            ->data()
            ->at(window.comparePainter()->lossGraph(lrlab::PinnedRuns::kCurrentId)->dataCount() - 1)
            ->key == direct.rows() - 1);
    // The last chunk shown belongs to the second run.
    QCOMPARE(chunks.last().at(0).value<quint64>(), second);
    QCOMPARE(window.curves()->accuracyGraph()->data()->at(0)->value,
             direct.validationAccuracy.front());
}

void TestExplorer::modelCurvatureMarks()
{
    lrlab::MainWindow window;
    window.show();
    QSignalSpy curvature(window.stability(), &lrlab::StabilityMarks::curvatureDisplayed);
    lrlab::RunConfig config = modelConfig("linreg", 100, 0.05);
    config.optimizer.type = "sgd";
    window.model()->apply(config);
    QTRY_VERIFY_WITH_TIMEOUT(curvature.count() >= 1, kTimeout);
    // Linear regression on standardized x: H = 2·[[mean x², mean x], [mean x, 1]] ≈ 2·I, so
    // the stable limit 2/λ₁ and the best rate 2/(λ₁+λₙ) are both close to 1 and exactly the
    // estimate's.
    const lrlab::CurvatureEstimate& e = window.stability()->modelCurvature();
    QVERIFY(nearlyEqual(e.lambdaMax, 2.0, 1e-3));
    QVERIFY(nearlyEqual(window.stability()->stableLimit(), 2.0 / e.lambdaMax));
    QVERIFY(nearlyEqual(window.stability()->bestRate(), 2.0 / (e.lambdaMax + e.lambdaMin)));
    QVERIFY(nearlyEqual(window.controls()->learningRateControl()->stableLimit(),
                        window.stability()->stableLimit()));
    QVERIFY(nearlyEqual(window.controls()->learningRateControl()->bestRate(),
                        window.stability()->bestRate()));
}

void TestExplorer::toyBestRateMark()
{
    lrlab::MainWindow window;
    lrlab::RunConfig config = toyConfig(1e-2);
    config.problem.type = "quadratic";
    config.optimizer.momentum = 0.0;
    config.init = {1.0, 1.0};
    window.model()->apply(config);
    // Quadratic a = 1, b = 10: λ₁ = 10, λₙ = 1.
    QVERIFY(nearlyEqual(window.stability()->stableLimit(), 2.0 / 10.0));
    QVERIFY(nearlyEqual(window.stability()->bestRate(), 2.0 / 11.0));
    QVERIFY(std::isfinite(window.controls()->learningRateControl()->slider()->bestValue()));
    window.controls()->learningRateControl()->scaleBy(10.0);
    QVERIFY(nearlyEqual(window.model()->config().schedule.learningRate, 0.1));
}

void TestExplorer::errorShownInWindow()
{
    lrlab::MainWindow window;
    window.show();
    lrlab::RunConfig config = modelConfig("mlp", 100, 1e-2);
    config.problem.dataset = "/nonexistent/data.csv";
    QSignalSpy messages(window.messageBar(), &lrlab::MessageBar::messageShown);
    window.model()->apply(config);
    QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), kTimeout);
    QVERIFY(window.messageBar()->text().contains(QStringLiteral("nonexistent")));
    QVERIFY(!window.runs()->isBusy());
    // The next good setting clears it.
    window.model()->apply(toyConfig());
    QVERIFY(waitForLatest(window));
    QVERIFY(window.messageBar()->text().isEmpty());
}

void TestExplorer::stressRapidChanges_data()
{
    addToyAndModelRows();
}

void TestExplorer::stressRapidChanges()
{
    QFETCH(bool, model);
    lrlab::MainWindow window;
    window.show();
    window.model()->apply(model ? modelConfig("mlp", 400, 1e-2) : toyConfig(1e-3));
    lrlab::LearningRateControl* control = window.controls()->learningRateControl();
    // Hundreds of slider moves, with the event loop running now and then (as while dragging).
    const int moves = 300;
    for (int i = 0; i < moves; ++i) {
        const int position = 300 + (i * 37) % 350;
        control->slider()->setValue(position);
        if (i % 7 == 0)
            QCoreApplication::processEvents();
    }
    control->slider()->setValue(480);
    const double finalLr = lrlab::LearningRateControl::rateForPosition(480);
    QVERIFY(waitForLatest(window));
    const lrlab::RunRecord& shown = *window.runs()->currentRecord();
    QVERIFY(nearlyEqual(shown.config.schedule.learningRate, finalLr));
    compareWithDirectRun(shown);
    QCOMPARE(window.comparePainter()->lossGraph(lrlab::PinnedRuns::kCurrentId)->dataCount() > 0,
             true);
    if (model)
        QCOMPARE(window.curves()->smoothedLossGraph()->dataCount(), shown.rows());
}

QTEST_MAIN(TestExplorer)
#include "tst_explorer.moc"
