// Tests of the Sweep view: a toy sweep against the closed form of gradient descent on a quadratic,
// crossing with momentum against the heavy-ball stability limit, cancellation, generations,
// clicks that load a run, a real-model sweep with validation loss, and the CSV export.
#include "ui/views/sweep_view.h"

#include "core/config/config_json.h"
#include "tests/common/nearly_equal.h"
#include "ui/controls/scientific_spin_box.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>

using lrlab::test::nearlyEqual;

namespace {

constexpr int kTimeoutMs = 60000;
/// The tests share two cores with other people's builds: keep sweeps to two threads.
constexpr int kThreads = 2;
/// Largest Hessian eigenvalue of the default quadratic diag(1, 10).
constexpr double kLambda1 = 10.0;

/// Quadratic ½x² + 5y² (a = 1, b = 10) from (1, 1), plain SGD, 200 steps.
lrlab::RunConfig toyConfig()
{
    return lrlab::parseRunConfig(R"({"problem": {"type": "quadratic"}, "init": [1, 1],
        "optimizer": {"type": "sgd"}, "steps": 200})",
                                 "toy.json")
        .config;
}

/// A model sweep long enough to still be running when the test cancels or replaces it.
lrlab::RunConfig largeModelConfig()
{
    return lrlab::parseRunConfig(R"({"problem": {"type": "mlp", "dataset": "digits",
        "hidden": [64]}, "optimizer": {"type": "sgd", "momentum": 0.9}, "steps": 5000,
        "eval_every": 100})",
                                 "large.json")
        .config;
}

/// The rates numpy.logspace(-3, 0, 7) gives: 10^(-3 + i/2).
double gridRate(int i)
{
    return std::pow(10.0, -3.0 + 0.5 * i);
}

/// Final loss of plain GD on ½x² + 5y² from (1, 1) after k steps: each coordinate is multiplied
/// by (1 − lr·λ) per step.
double closedFormLoss(double lr, int k)
{
    return 0.5 * std::pow(1.0 - lr, 2 * k) + 5.0 * std::pow(1.0 - kLambda1 * lr, 2 * k);
}

bool waitFinished(QSignalSpy& spy, int count = 1)
{
    return QTest::qWaitFor([&] { return spy.count() >= count; }, kTimeoutMs);
}

} // namespace

class TestSweepView : public QObject
{
    Q_OBJECT
private slots:
    void toySweepFollowsClosedForm();
    void crossingWithMomentum();
    void defaultValues_data();
    void defaultValues();
    void cancelStopsQuickly();
    void secondRunDropsFirstGeneration();
    void clickLoadsRun();
    void modelSweepFillsValidation();
    void bestNamesCriterion();
    void exportWritesSweepColumns();
    void badSettingIsReported();
    void destroyWhileRunning();
};

void TestSweepView::toySweepFollowsClosedForm()
{
    lrlab::SweepView view;
    view.setThreadCount(kThreads);
    view.setBaseConfig(toyConfig());
    view.setLearningRateRange(1e-3, 1.0, 7);
    QSignalSpy finished(&view, &lrlab::SweepView::sweepFinished);
    view.run();
    QVERIFY(view.isRunning());
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toInt(), 7);
    QVERIFY(!view.isRunning());
    auto* progress = view.findChild<QProgressBar*>(QStringLiteral("sweepProgress"));
    QVERIFY(progress != nullptr);
    QCOMPARE(progress->maximum(), 7);
    QCOMPARE(progress->value(), 7);

    QCOMPARE(view.curveCount(), 1);
    QCPGraph* loss = view.lossGraph(0);
    QVERIFY(loss != nullptr);
    QCOMPARE(loss->dataCount(), 7);
    QCOMPARE(static_cast<int>(view.results().size()), 7);
    int divergedCount = 0;
    for (int i = 0; i < 7; ++i) {
        const double lr = gridRate(i);
        const lrlab::SweepRunResult& r = view.results()[static_cast<std::size_t>(i)];
        QVERIFY(nearlyEqual(loss->data()->at(i)->key, lr));
        // GD on a quadratic diverges iff lr·λ₁ > 2: here lr > 0.2, i.e. the grid's 0.316 and 1.
        const bool shouldDiverge = lr >= 0.3;
        QCOMPARE(r.diverged, shouldDiverge);
        if (shouldDiverge) {
            ++divergedCount;
            QVERIFY(std::isnan(loss->data()->at(i)->value)); // a gap: drawn as a cross instead
        } else {
            QVERIFY2(nearlyEqual(r.finalLoss, closedFormLoss(lr, 200), 1e-9, 1e-300),
                     qPrintable(QStringLiteral("lr %1: %2").arg(lr).arg(r.finalLoss)));
            QVERIFY2(nearlyEqual(loss->data()->at(i)->value, r.finalLoss),
                     qPrintable(QStringLiteral("%1 vs %2 key %3")
                                    .arg(loss->data()->at(i)->value)
                                    .arg(r.finalLoss)
                                    .arg(loss->data()->at(i)->key))); // f* = 0
        }
    }
    QCOMPARE(view.divergedGraph(0)->dataCount(), divergedCount);
    for (int k = 0; k < view.divergedGraph(0)->dataCount(); ++k) {
        QVERIFY(view.divergedGraph(0)->data()->at(k)->key >= 0.3);
        // Crosses sit at the top of the axis, above every plotted loss.
        QVERIFY(view.divergedGraph(0)->data()->at(k)->value > 1.0);
        QVERIFY(view.divergedGraph(0)->data()->at(k)->value <=
                view.uCurvePlot()->yAxis->range().upper);
    }
    // The best rate is below the stability limit 2/λ₁ = 0.2: by the closed form it is 0.1, where
    // the stiff coordinate is solved in one step.
    const int best = view.bestIndex(0);
    QVERIFY(best >= 0);
    QVERIFY(view.learningRates()[static_cast<std::size_t>(best)] < 2.0 / kLambda1);
    QVERIFY(nearlyEqual(view.learningRates()[static_cast<std::size_t>(best)], 0.1));
    QCOMPARE(view.bestGraph(0)->dataCount(), 1);
    QVERIFY(nearlyEqual(view.bestGraph(0)->data()->at(0)->key, 0.1));
    // Toy surfaces have no validation split: the best run is named as chosen by training loss.
    const QString rate = lrlab::ScientificSpinBox::format(0.1);
    QCOMPARE(view.bestGraph(0)->name(), QStringLiteral("best LR %1 (by training loss)").arg(rate));
    QVERIFY2(view.statusText().startsWith(QStringLiteral("Best by training loss: lr ") + rate),
             qPrintable(view.statusText()));
    QVERIFY(view.validationGraph(0) == nullptr); // toy surfaces have no validation split
    QVERIFY(view.uCurvePlot()->xAxis->scaleType() == QCPAxis::stLogarithmic);
    QVERIFY(view.uCurvePlot()->yAxis->scaleType() == QCPAxis::stLogarithmic);
    QVERIFY(view.heatMapPlot()->isHidden()); // nothing crossed: no heat map
    QVERIFY(view.pointDescription(0, 6).contains(QStringLiteral("diverged: yes")));
    QVERIFY(view.pointDescription(0, 0).contains(QStringLiteral("lr 1.00e-3")));
}

void TestSweepView::crossingWithMomentum()
{
    lrlab::SweepView view;
    view.setThreadCount(kThreads);
    view.setBaseConfig(toyConfig());
    view.setLearningRateRange(1e-3, 1.0, 7);
    view.setCrossedSetting(QStringLiteral("momentum"), QStringLiteral("0,0.9"));
    QSignalSpy finished(&view, &lrlab::SweepView::sweepFinished);
    view.run();
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toInt(), 14);
    QCOMPARE(view.curveCount(), 2);
    QCOMPARE(view.lossGraph(0)->name(), QStringLiteral("momentum 0"));
    QCOMPARE(view.lossGraph(1)->name(), QStringLiteral("momentum 0.9"));
    QVERIFY(view.lossGraph(0)->pen().color() != view.lossGraph(1)->pen().color());
    QCOMPARE(view.lossGraph(0)->pen().color(), QColor(QStringLiteral("#E69F00")));
    QCOMPARE(view.lossGraph(1)->pen().color(), QColor(QStringLiteral("#56B4E9")));

    QCPColorMap* map = view.heatMap();
    QVERIFY(!view.heatMapPlot()->isHidden());
    QCOMPARE(map->data()->keySize(), 7);
    QCOMPARE(map->data()->valueSize(), 2);
    const double betas[] = {0.0, 0.9};
    for (int j = 0; j < 2; ++j) {
        for (int i = 0; i < 7; ++i) {
            // Heavy-ball momentum β is stable iff lr·λ₁ < 2 + 2β (docs/semantics.md §2.6).
            const bool shouldDiverge = gridRate(i) * kLambda1 > 2.0 + 2.0 * betas[j];
            const lrlab::SweepRunResult& r = view.results()[static_cast<std::size_t>(j * 7 + i)];
            QCOMPARE(r.diverged, shouldDiverge);
            const double cell = map->data()->cell(i, j);
            QCOMPARE(std::isnan(cell), shouldDiverge); // diverged cells take the NaN colour
            if (!shouldDiverge)
                QVERIFY(nearlyEqual(cell, std::log10(r.finalLoss), 1e-12, 1e-12));
        }
    }
    // Momentum 0.9 survives lr = 0.316 (3.16 < 3.8), plain SGD does not.
    QCOMPARE(view.divergedGraph(0)->dataCount(), 2);
    QCOMPARE(view.divergedGraph(1)->dataCount(), 1);
}

void TestSweepView::defaultValues_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    QTest::newRow("optimizer") << "optimizer"
                               << "sgd,adam,adamw,lion";
    QTest::newRow("momentum") << "momentum"
                              << "0,0.5,0.9";
    QTest::newRow("batch-size") << "batch_size"
                                << "8,32,128";
    QTest::newRow("warmup-steps") << "warmup_steps"
                                  << "0,50,200";
    QTest::newRow("weight-decay") << "weight_decay"
                                  << "0,0.01,0.1";
    QTest::newRow("none") << ""
                          << "";
}

void TestSweepView::defaultValues()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    lrlab::SweepView view;
    // batch_size is offered for models only.
    view.setBaseConfig(
        lrlab::parseRunConfig(R"({"problem": {"type": "softmax", "dataset": "iris"}})", "m.json")
            .config);
    view.setCrossedSetting(key);
    auto* values = view.findChild<QLineEdit*>(QStringLiteral("sweepValues"));
    QVERIFY(values != nullptr);
    QCOMPARE(values->text(), expected);
    QCOMPARE(values->isEnabled(), !key.isEmpty());
}

void TestSweepView::cancelStopsQuickly()
{
    lrlab::SweepView view;
    view.setThreadCount(kThreads);
    view.setBaseConfig(largeModelConfig());
    view.setLearningRateRange(1e-4, 1.0, 40);
    QSignalSpy finished(&view, &lrlab::SweepView::sweepFinished);
    QSignalSpy cancelled(&view, &lrlab::SweepView::sweepCancelled);
    QSignalSpy started(&view, &lrlab::SweepView::sweepStarted);
    QSignalSpy progress(&view, &lrlab::SweepView::progressChanged);
    view.run();
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(0).toInt(), 40);
    QVERIFY(view.isRunning());
    QCOMPARE(view.pendingSweeps(), 1);
    // Cancel mid-way: once the first runs are done and the next ones are inside their loops.
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0 && progress.last().at(0).toInt() >= 1,
                             kTimeoutMs);
    QVERIFY(progress.last().at(0).toInt() < 40);
    QElapsedTimer clock;
    clock.start();
    view.cancel();
    QVERIFY(!view.isRunning()); // the GUI is idle at once
    QCOMPARE(cancelled.count(), 1);
    // The workers see the flag at their next step: the future returns promptly.
    QTRY_VERIFY_WITH_TIMEOUT(view.pendingSweeps() == 0, 3000);
    QVERIFY(clock.elapsed() < 3000);
    QCOMPARE(finished.count(), 0);
    QVERIFY(view.results().empty()); // nothing of the cancelled sweep is shown

    // Still usable: a toy sweep runs to the end.
    view.setBaseConfig(toyConfig());
    view.setLearningRateRange(1e-3, 1.0, 7);
    view.run();
    QVERIFY(waitFinished(finished));
    QCOMPARE(static_cast<int>(view.results().size()), 7);
}

void TestSweepView::secondRunDropsFirstGeneration()
{
    lrlab::SweepView view;
    view.setThreadCount(kThreads);
    view.setBaseConfig(largeModelConfig());
    view.setLearningRateRange(1e-4, 1.0, 40);
    QSignalSpy finished(&view, &lrlab::SweepView::sweepFinished);
    view.run();
    QCOMPARE(view.generation(), quint64(1));
    view.setBaseConfig(toyConfig());
    view.setLearningRateRange(1e-3, 1.0, 7);
    view.run(); // abandons generation 1 while it runs
    QCOMPARE(view.generation(), quint64(2));
    QVERIFY(waitFinished(finished));
    // Wait for the abandoned generation too: its (cancelled) results must not replace ours.
    QTRY_VERIFY_WITH_TIMEOUT(view.pendingSweeps() == 0, 5000);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), 7);
    QCOMPARE(static_cast<int>(view.results().size()), 7);
    for (std::size_t i = 0; i < view.results().size(); ++i) {
        QVERIFY(nearlyEqual(view.results()[i].learningRate, gridRate(static_cast<int>(i))));
        QVERIFY(std::isnan(view.results()[i].validationLoss)); // toy, not the model sweep
        QCOMPARE(view.points()[i].config.problem.type, std::string("quadratic"));
    }
}

void TestSweepView::clickLoadsRun()
{
    lrlab::SweepView view;
    view.setThreadCount(kThreads);
    view.resize(1200, 700);
    view.setBaseConfig(toyConfig());
    view.setLearningRateRange(1e-3, 1.0, 7);
    view.setCrossedSetting(QStringLiteral("momentum"), QStringLiteral("0,0.9"));
    QSignalSpy finished(&view, &lrlab::SweepView::sweepFinished);
    QSignalSpy requested(&view, &lrlab::SweepView::runRequested);
    view.run();
    QVERIFY(waitFinished(finished));

    view.activatePoint(1, 3);
    QCOMPARE(requested.count(), 1);
    auto config = requested.at(0).at(0).value<lrlab::RunConfig>();
    QVERIFY(nearlyEqual(config.schedule.learningRate, gridRate(3)));
    QVERIFY(nearlyEqual(config.optimizer.momentum, 0.9));
    QCOMPARE(config.steps, 200);
    QCOMPARE(config.problem.type, std::string("quadratic"));

    view.activateCell(2, 0); // heat-map cell (lr index 2, momentum 0)
    QCOMPARE(requested.count(), 2);
    config = requested.at(1).at(0).value<lrlab::RunConfig>();
    QVERIFY(nearlyEqual(config.schedule.learningRate, gridRate(2)));
    QVERIFY(nearlyEqual(config.optimizer.momentum, 0.0));

    view.activatePoint(5, 0); // no such curve: nothing
    QCOMPARE(requested.count(), 2);

    // A real mouse click on the pixel of curve 0's point at lr index 4.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCustomPlot* plot = view.uCurvePlot();
    plot->replot();
    const QCPGraph* graph = view.lossGraph(0);
    const QPoint pixel(qRound(graph->keyAxis()->coordToPixel(graph->data()->at(4)->key)),
                       qRound(graph->valueAxis()->coordToPixel(graph->data()->at(4)->value)));
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, pixel);
    QCOMPARE(requested.count(), 3);
    config = requested.at(2).at(0).value<lrlab::RunConfig>();
    QVERIFY(nearlyEqual(config.schedule.learningRate, gridRate(4)));
    QVERIFY(nearlyEqual(config.optimizer.momentum, 0.0));

    if (qEnvironmentVariableIsSet("LRLAB_SWEEP_SCREENSHOT"))
        view.grab().save(qEnvironmentVariable("LRLAB_SWEEP_SCREENSHOT"));
}

void TestSweepView::modelSweepFillsValidation()
{
    lrlab::SweepView view;
    view.setThreadCount(kThreads);
    view.setBaseConfig(lrlab::parseRunConfig(
                           R"({"problem": {"type": "mlp", "dataset": "iris", "hidden": [8]},
            "optimizer": {"type": "sgd"}, "steps": 100, "eval_every": 20})",
                           "iris.json")
                           .config);
    view.setLearningRateRange(1e-3, 3.0, 4);
    view.setCrossedSetting(QStringLiteral("optimizer"), QStringLiteral("sgd,adam"));
    QSignalSpy finished(&view, &lrlab::SweepView::sweepFinished);
    view.run();
    QVERIFY(waitFinished(finished));
    QCOMPARE(finished.at(0).at(0).toInt(), 8);
    QCOMPARE(view.curveCount(), 2);
    for (int c = 0; c < 2; ++c) {
        QCPGraph* val = view.validationGraph(c);
        QVERIFY(val != nullptr);
        QCOMPARE(val->dataCount(), 4);
        QCOMPARE(val->pen().style(), Qt::DashLine);
        QCOMPARE(val->pen().color(), view.lossGraph(c)->pen().color());
        for (int i = 0; i < 4; ++i) {
            const lrlab::SweepRunResult& r = view.results()[static_cast<std::size_t>(c * 4 + i)];
            if (r.diverged)
                continue;
            QVERIFY(std::isfinite(r.validationLoss) && r.validationLoss > 0);
            QVERIFY(r.validationAccuracy >= 0.0 && r.validationAccuracy <= 1.0);
            QVERIFY(nearlyEqual(val->data()->at(i)->value, r.validationLoss));
            // Models plot the training loss as it is (no f* to subtract).
            QVERIFY(nearlyEqual(view.lossGraph(c)->data()->at(i)->value, r.finalLoss));
        }
    }
    // On three balanced classes an untrained softmax starts near ln 3; 100 steps of sgd at 1e-3
    // barely move it, while the best run of the sweep must do clearly better.
    const lrlab::SweepRunResult& slow = view.results()[0];
    QVERIFY(slow.finalLoss > 0.5 * std::log(3.0));
    const int best = view.bestIndex(0);
    QVERIFY(best > 0);
    QVERIFY(view.results()[static_cast<std::size_t>(best)].finalLoss < slow.finalLoss);
    QSignalSpy requested(&view, &lrlab::SweepView::runRequested);
    view.activatePoint(1, 0);
    QCOMPARE(requested.count(), 1);
    const auto config = requested.at(0).at(0).value<lrlab::RunConfig>();
    QCOMPARE(config.optimizer.type, std::string("adam"));
    QCOMPARE(config.problem.type, std::string("mlp"));

    if (qEnvironmentVariableIsSet("LRLAB_SWEEP_SCREENSHOT")) {
        view.resize(1200, 700);
        QString path = qEnvironmentVariable("LRLAB_SWEEP_SCREENSHOT");
        view.grab().save(path.replace(QStringLiteral(".png"), QStringLiteral("_model.png")));
    }
}

void TestSweepView::bestNamesCriterion()
{
    // Adam on digits (as tests/core/analysis/tst_sweep): the lowest training loss and the
    // lowest validation loss fall on different rates; the view picks and names the latter.
    lrlab::SweepView view;
    view.setThreadCount(kThreads);
    view.setBaseConfig(lrlab::parseRunConfig(
                           R"({"problem": {"type": "mlp", "dataset": "digits", "hidden": [64]},
            "optimizer": {"type": "adam"}, "steps": 500, "eval_every": 50})",
                           "digits.json")
                           .config);
    view.setLearningRateRange(1e-3, 1.0, 7);
    QSignalSpy finished(&view, &lrlab::SweepView::sweepFinished);
    view.run();
    QVERIFY(waitFinished(finished));
    const std::vector<lrlab::SweepRunResult>& results = view.results();
    const int best = view.bestIndex(0);
    QCOMPARE(best, lrlab::bestSweepRun(results, lrlab::SweepCriterion::ValidationLoss));
    QVERIFY(best != lrlab::bestSweepRun(results, lrlab::SweepCriterion::TrainingLoss));
    const QString rate =
        lrlab::ScientificSpinBox::format(view.learningRates()[static_cast<std::size_t>(best)]);
    const QString status = view.statusText();
    QVERIFY2(status.contains(QStringLiteral("Best by validation loss: lr ") + rate),
             qPrintable(status));
    int diverged = 0;
    for (const lrlab::SweepRunResult& r : results)
        diverged += r.diverged ? 1 : 0;
    QVERIFY(diverged > 0);
    QVERIFY(status.contains(QStringLiteral(" %1 of 7 runs diverged").arg(diverged)));
    // The ◆ names criterion and rate, and sits on the validation curve at that rate.
    QCPGraph* marker = view.bestGraph(0);
    QCOMPARE(marker->name(), QStringLiteral("best LR %1 (by validation loss)").arg(rate));
    QCOMPARE(marker->dataCount(), 1);
    QVERIFY(nearlyEqual(marker->data()->at(0)->key,
                        view.learningRates()[static_cast<std::size_t>(best)]));
    QVERIFY(nearlyEqual(marker->data()->at(0)->value,
                        results[static_cast<std::size_t>(best)].validationLoss));
    QVERIFY(view.pointDescription(0, best).contains(QStringLiteral("(by validation loss)")));
}

void TestSweepView::exportWritesSweepColumns()
{
    lrlab::SweepView view;
    view.setThreadCount(kThreads);
    view.setBaseConfig(toyConfig());
    view.setLearningRateRange(1e-3, 1.0, 7);
    view.setTargetLoss(1e-3);
    QSignalSpy finished(&view, &lrlab::SweepView::sweepFinished);
    view.run();
    QVERIFY(waitFinished(finished));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sweep.csv"));
    QVERIFY(view.exportCsv(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 8);
    // The header of `lrlab sweep` (app/cli/sweep_command.cpp) with no crossed setting.
    QCOMPARE(lines[0], QStringLiteral("lr,vary,status,diverged,steps,final_loss,best_loss,"
                                      "val_loss,val_acc,steps_to_target"));
    for (int i = 0; i < 7; ++i) {
        const QStringList cells = lines[i + 1].split(',');
        QCOMPARE(cells.size(), 10);
        const double lr = gridRate(i);
        QVERIFY(nearlyEqual(cells[0].toDouble(), lr));
        QCOMPARE(cells[3], lr >= 0.3 ? QStringLiteral("true") : QStringLiteral("false"));
        QVERIFY(cells[7].isEmpty()); // no validation loss on a toy surface
        if (lr < 0.3) {
            QVERIFY(nearlyEqual(cells[5].toDouble(), closedFormLoss(lr, 200), 1e-9, 1e-300));
            // Steps to target: the first k with closed-form loss <= 1e-3 (none for the slowest).
            int expected = -1;
            for (int k = 0; k <= 200 && expected < 0; ++k)
                if (closedFormLoss(lr, k) <= 1e-3)
                    expected = k;
            QCOMPARE(cells[9], expected < 0 ? QString() : QString::number(expected));
        }
    }
    QVERIFY(!view.exportCsv(dir.filePath(QStringLiteral("no/such/dir/sweep.csv"))));
}

void TestSweepView::badSettingIsReported()
{
    lrlab::SweepView view;
    view.setBaseConfig(toyConfig());
    view.setLearningRateRange(1e-3, 1.0, 5);
    // Warmup longer than the 200-step run is invalid: reported, nothing starts.
    view.setCrossedSetting(QStringLiteral("warmup_steps"), QStringLiteral("0,5000"));
    QSignalSpy failed(&view, &lrlab::SweepView::sweepFailed);
    QSignalSpy started(&view, &lrlab::SweepView::sweepStarted);
    view.run();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(started.count(), 0);
    QVERIFY(!view.isRunning());
    QVERIFY(view.statusText().contains(QStringLiteral("warmup")));
    // A reversed range is refused too.
    view.setCrossedSetting(QString());
    view.setLearningRateRange(1.0, 1e-3, 5);
    view.run();
    QCOMPARE(failed.count(), 2);
    QCOMPARE(started.count(), 0);
}

void TestSweepView::destroyWhileRunning()
{
    QElapsedTimer clock;
    clock.start();
    {
        lrlab::SweepView view;
        view.setThreadCount(kThreads);
        view.setBaseConfig(largeModelConfig());
        view.setLearningRateRange(1e-4, 1.0, 40);
        view.run();
        QVERIFY(view.isRunning());
    } // the destructor cancels and waits
    QVERIFY(clock.elapsed() < 5000);
}

QTEST_MAIN(TestSweepView)
#include "tst_sweep_view.moc"
