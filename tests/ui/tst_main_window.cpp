// Tests of the toy lab window: the controls drive the worker, the plots show its results, the
// schedule preview and the stable-limit mark follow their formulas.
#include "ui/compare/compare_painter.h"
#include "ui/compare/pinned_runs.h"
#include "ui/controls/experiment_panel.h"
#include "ui/experiment_model.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/landscape_view.h"
#include "ui/explorer/run_controller.h"
#include "ui/explorer/stability_marks.h"
#include "ui/main_window.h"
#include "ui/widgets/run_status_bar.h"

#include "core/problems/toy_surface.h"
#include "core/schedules/schedule.h"
#include "tests/common/nearly_equal.h"
#include "ui/controls/learning_rate_control.h"
#include "ui/controls/scientific_spin_box.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>

using lrlab::test::nearlyEqual;

namespace {

/// Waits until the window has displayed the result of its latest request.
bool waitForDisplay(lrlab::MainWindow& window, QSignalSpy& spy)
{
    const auto shown = [&] {
        for (const QList<QVariant>& args : spy)
            if (args.at(0).value<quint64>() == window.runs()->submittedGeneration())
                return true;
        return false;
    };
    return QTest::qWaitFor(shown, 10000);
}

template <typename T> T* child(lrlab::MainWindow& window, const char* name)
{
    T* widget = window.findChild<T*>(QString::fromLatin1(name));
    if (widget == nullptr)
        qFatal("no child %s", name);
    return widget;
}

void selectData(QComboBox* combo, const char* data)
{
    const int index = combo->findData(QString::fromLatin1(data));
    QVERIFY(index >= 0);
    combo->setCurrentIndex(index);
}

/// Largest eigenvalue of the symmetric 2×2 matrix [[a, b], [b, c]].
double largestEigenvalue(double a, double b, double c)
{
    return 0.5 * (a + c) + std::sqrt(0.25 * (a - c) * (a - c) + b * b);
}

/// Rosenbrock (a = 1, b = 100): gradient and Hessian written out by hand.
void rosenbrockGradient(double x, double y, double& gx, double& gy)
{
    gx = -2.0 * (1.0 - x) - 400.0 * x * (y - x * x);
    gy = 200.0 * (y - x * x);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void learningRateChangesTrajectory_data();
    void learningRateChangesTrajectory();
    void divergingRunShowsDiverged();
    void schedulePreviewFollowsSchedule();
    void stableMarkIsTwoOverLambda_data();
    void stableMarkIsTwoOverLambda();
    void changingSurfaceRecomputesMap();
};

void TestMainWindow::learningRateChangesTrajectory_data()
{
    QTest::addColumn<bool>("viaSlider");
    QTest::newRow("numeric-field") << false;
    QTest::newRow("slider") << true;
}

void TestMainWindow::learningRateChangesTrajectory()
{
    QFETCH(bool, viaSlider);
    lrlab::MainWindow window;
    window.show();
    QSignalSpy displayed(window.runs(), &lrlab::RunController::runDisplayed);
    QVERIFY(waitForDisplay(window, displayed));
    QCPCurve* curve = window.comparePainter()->landscapeCurve(lrlab::PinnedRuns::kCurrentId);
    QVERIFY(curve->dataCount() > 2);
    const double secondXBefore = (curve->data()->begin() + 1)->key;

    // Plain gradient descent, so the first update is θ₁ = θ₀ − lr·∇f(θ₀) exactly.
    child<QDoubleSpinBox>(window, "momentum")->setValue(0.0);
    lrlab::LearningRateControl* control = window.controls()->learningRateControl();
    if (viaSlider)
        control->slider()->setValue(lrlab::LearningRateControl::positionForRate(2e-4));
    else
        control->field()->setValue(2e-4);
    const double lr = control->learningRate();
    QVERIFY(nearlyEqual(lr, 2e-4, 0.02)); // the slider snaps to 3 significant digits
    QVERIFY(nearlyEqual(window.model()->config().schedule.learningRate, lr));
    QVERIFY(waitForDisplay(window, displayed));

    const lrlab::RunConfig config = window.model()->config();
    const double x0 = config.init[0], y0 = config.init[1];
    double gx = 0.0, gy = 0.0;
    rosenbrockGradient(x0, y0, gx, gy);
    auto it = curve->data()->begin();
    QVERIFY(nearlyEqual(it->key, x0));
    QVERIFY(nearlyEqual(it->value, y0));
    ++it;
    QVERIFY(nearlyEqual(it->key, x0 - lr * gx, 1e-12));
    QVERIFY(nearlyEqual(it->value, y0 - lr * gy, 1e-12));
    QVERIFY(it->key != secondXBefore);
    QCOMPARE(curve->dataCount(), config.steps + 1);
}

void TestMainWindow::divergingRunShowsDiverged()
{
    lrlab::MainWindow window;
    window.show();
    QSignalSpy displayed(window.runs(), &lrlab::RunController::runDisplayed);
    selectData(child<QComboBox>(window, "problemCombo"), "rosenbrock");
    selectData(child<QComboBox>(window, "optimizerCombo"), "sgd");
    child<QDoubleSpinBox>(window, "momentum")->setValue(0.0);
    window.controls()->learningRateControl()->setLearningRate(5.0);
    QVERIFY(waitForDisplay(window, displayed));

    QVERIFY2(window.statusLine()->statusText().startsWith(QStringLiteral("Diverged at step")),
             qPrintable(window.statusLine()->statusText()));
    // Every point drawn is finite, and the loss curve stops at the divergence.
    const int divergedAt =
        window.statusLine()->statusText().section(QLatin1Char(' '), 3, 3).toInt();
    QVERIFY(divergedAt > 0);
    QCPGraph* loss = window.comparePainter()->lossGraph(lrlab::PinnedRuns::kCurrentId);
    QVERIFY(loss->dataCount() >= 1);
    QVERIFY(loss->dataCount() <= divergedAt);
    for (auto it = loss->data()->constBegin(); it != loss->data()->constEnd(); ++it)
        QVERIFY(std::isfinite(it->value) && it->value > 0.0);
    for (auto it = window.comparePainter()
                       ->landscapeCurve(lrlab::PinnedRuns::kCurrentId)
                       ->data()
                       ->constBegin();
         it !=
         window.comparePainter()->landscapeCurve(lrlab::PinnedRuns::kCurrentId)->data()->constEnd();
         ++it)
        QVERIFY(std::isfinite(it->key) && std::isfinite(it->value));
    const QCPRange range = window.curves()->lossPlot()->yAxis->range();
    QVERIFY(std::isfinite(range.lower) && std::isfinite(range.upper) && range.lower > 0.0);
    // The window keeps working: a sane rate runs again.
    window.controls()->learningRateControl()->setLearningRate(1e-4);
    QVERIFY(waitForDisplay(window, displayed));
    QVERIFY(!window.statusLine()->statusText().startsWith(QStringLiteral("Diverged")));
}

void TestMainWindow::schedulePreviewFollowsSchedule()
{
    lrlab::MainWindow window;
    const double base = 0.02, floor = 0.001, start = 0.1;
    const int warmup = 100, steps = 600;
    child<QSpinBox>(window, "steps")->setValue(steps);
    window.controls()->learningRateControl()->setLearningRate(base);
    selectData(child<QComboBox>(window, "decayCombo"), "cosine");
    child<QSpinBox>(window, "warmupSteps")->setValue(warmup);
    child<QDoubleSpinBox>(window, "warmupStartFactor")->setValue(start);
    child<lrlab::ScientificSpinBox>(window, "minLr")->setValue(floor);

    // The preview is drawn synchronously, before any run.
    QCPGraph* graph = window.curves()->scheduleGraph();
    QCOMPARE(graph->dataCount(), steps + 1);
    const lrlab::ScheduleSpec spec = window.model()->config().schedule;
    const double pi = std::acos(-1.0);
    const int total = steps - warmup;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
        const int t = static_cast<int>(it->key);
        // docs/semantics.md §2.4 written out: linear warmup from start·base, then cosine to the
        // floor.
        const double expected =
            t < warmup ? base * (start + (1.0 - start) * t / warmup)
                       : floor + (base - floor) * 0.5 *
                                     (1.0 + std::cos(pi * std::min(t - warmup, total) / total));
        QVERIFY2(nearlyEqual(it->value, expected, 1e-9), qPrintable(QString::number(t)));
        QVERIFY(nearlyEqual(it->value, lrlab::learningRateAt(spec, t)));
    }
}

void TestMainWindow::stableMarkIsTwoOverLambda_data()
{
    QTest::addColumn<QString>("surface");
    QTest::addColumn<double>("momentum");
    QTest::addColumn<double>("startX");
    QTest::addColumn<double>("startY");
    QTest::newRow("rosenbrock-gd") << "rosenbrock" << 0.0 << -1.5 << 2.0;
    QTest::newRow("rosenbrock-heavy-ball") << "rosenbrock" << 0.9 << -1.5 << 2.0;
    QTest::newRow("rosenbrock-other-point") << "rosenbrock" << 0.0 << 0.5 << -0.5;
    QTest::newRow("quadratic-gd") << "quadratic" << 0.0 << 1.0 << 1.0;
}

void TestMainWindow::stableMarkIsTwoOverLambda()
{
    QFETCH(QString, surface);
    QFETCH(double, momentum);
    QFETCH(double, startX);
    QFETCH(double, startY);
    lrlab::MainWindow window;
    selectData(child<QComboBox>(window, "problemCombo"), surface.toLatin1().constData());
    selectData(child<QComboBox>(window, "optimizerCombo"), "sgd");
    child<QDoubleSpinBox>(window, "momentum")->setValue(momentum);
    child<QDoubleSpinBox>(window, "startX")->setValue(startX);
    child<QDoubleSpinBox>(window, "startY")->setValue(startY);

    // Hessians by hand: Rosenbrock a=1, b=100; quadratic diag(1, 10) (λ₁ = 10 everywhere).
    double lambda = 10.0;
    if (surface == QLatin1String("rosenbrock"))
        lambda =
            largestEigenvalue(2.0 - 400.0 * (startY - startX * startX) + 800.0 * startX * startX,
                              -400.0 * startX, 200.0);
    const double expected = 2.0 * (1.0 + momentum) / lambda;
    QVERIFY2(nearlyEqual(window.stability()->stableLimit(), expected, 1e-10),
             qPrintable(QString::number(window.stability()->stableLimit())));
    QVERIFY(nearlyEqual(window.controls()->learningRateControl()->stableLimit(), expected, 1e-10));
    // The mark sits where the slider would put that rate.
    const double markValue = window.controls()->learningRateControl()->slider()->markValue();
    QVERIFY(nearlyEqual(markValue, (std::log10(expected) + 6.0) * 100.0, 1e-9));
}

void TestMainWindow::changingSurfaceRecomputesMap()
{
    lrlab::MainWindow window;
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.landscapeView()->displayedLandscape() == "rosenbrock", 10000);
    selectData(child<QComboBox>(window, "problemCombo"), "booth");
    QTRY_VERIFY_WITH_TIMEOUT(window.landscapeView()->displayedLandscape() == "booth", 10000);

    const auto booth = lrlab::makeToySurface("booth");
    const lrlab::ProblemInfo info = booth->info();
    QCOMPARE(window.model()->config().init[0], info.start(0));
    QCOMPARE(window.model()->config().init[1], info.start(1));
    QCPColorMapData* data = window.landscapeView()->colorMap()->data();
    QCOMPARE(data->keySize(), 256);
    QCOMPARE(data->valueSize(), 256);
    QVERIFY(nearlyEqual(data->keyRange().lower, info.view.xMin));
    QVERIFY(nearlyEqual(data->keyRange().upper, info.view.xMax));
    QVERIFY(nearlyEqual(data->valueRange().lower, info.view.yMin));
    QVERIFY(nearlyEqual(data->valueRange().upper, info.view.yMax));

    // Colours are a monotone function of Booth's f = (x+2y−7)² + (2x+y−5)²: compare cells.
    auto booths = [](double x, double y) {
        return std::pow(x + 2 * y - 7, 2) + std::pow(2 * x + y - 5, 2);
    };
    double x = 0, y = 0;
    int previousI = 0, previousJ = 0;
    for (int k = 1; k < 40; ++k) {
        const int i = (k * 37) % 256, j = (k * 101) % 256;
        const double fNow = [&] {
            data->cellToCoord(i, j, &x, &y);
            return booths(x, y);
        }();
        const double fBefore = [&] {
            data->cellToCoord(previousI, previousJ, &x, &y);
            return booths(x, y);
        }();
        if (std::abs(fNow - fBefore) > 1e-6 * std::max(fNow, fBefore))
            QCOMPARE(data->cell(i, j) > data->cell(previousI, previousJ), fNow > fBefore);
        previousI = i;
        previousJ = j;
    }
    // The darkest cell is next to the minimum (1, 3).
    int bestI = 0, bestJ = 0;
    for (int j = 0; j < 256; ++j)
        for (int i = 0; i < 256; ++i)
            if (data->cell(i, j) < data->cell(bestI, bestJ)) {
                bestI = i;
                bestJ = j;
            }
    data->cellToCoord(bestI, bestJ, &x, &y);
    const double cellWidth = (info.view.xMax - info.view.xMin) / 255.0;
    QVERIFY(std::abs(x - 1.0) <= cellWidth && std::abs(y - 3.0) <= cellWidth);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
