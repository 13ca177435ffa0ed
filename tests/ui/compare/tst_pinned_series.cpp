// GUI tests of what a pinned run draws: every series the current run draws (validation loss,
// validation accuracy and the moving average, in the pin's colour on the same plots), and its
// parameter path on the PCA map of another run (projected from its snapshots), or a legend
// entry that says it is not on the plane when the pin cannot be projected.
#include "core/analysis/landscape.h"
#include "tests/common/main_window_waits.h"
#include "ui/compare/compare_painter.h"
#include "ui/compare/pinned_runs.h"
#include "ui/experiment_model.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/landscape_view.h"
#include "ui/explorer/run_controller.h"
#include "ui/main_window.h"

#include <QTest>

#include <qcustomplot.h>

#include <cmath>
#include <memory>
#include <vector>

namespace {

constexpr int kTimeout = lrlab::test::kRunTimeout;

lrlab::RunConfig irisMlp(double weightDecay)
{
    lrlab::RunConfig config;
    config.problem.type = "mlp";
    config.problem.dataset = "iris";
    config.problem.hidden = {8};
    config.optimizer.type = "adamw";
    config.optimizer.weightDecay = weightDecay;
    config.steps = config.schedule.totalSteps = 200;
    config.schedule.learningRate = 0.01;
    config.evalEvery = 20;
    return config;
}

/// The graphs of plot drawn in colour (alpha ignored) whose points are exactly (keys, values).
int graphsWithData(QCustomPlot* plot, const QColor& colour, const std::vector<double>& keys,
                   const std::vector<double>& values)
{
    int found = 0;
    for (int i = 0; i < plot->graphCount(); ++i) {
        const QCPGraph* graph = plot->graph(i);
        if (graph->pen().color().rgb() != colour.rgb() || graph->dataCount() != int(keys.size()))
            continue;
        bool same = true;
        int k = 0;
        for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it, ++k)
            same = same && it->key == keys[std::size_t(k)] &&
                   std::abs(it->value - values[std::size_t(k)]) <= 1e-12 * std::abs(values[k]);
        found += same ? 1 : 0;
    }
    return found;
}

/// The finite values of a pinned record's evaluations at their rows.
void evaluations(const lrlab::RunRecord& record, const std::vector<double>& series,
                 std::vector<double>& keys, std::vector<double>& values)
{
    for (std::size_t i = 0; i < record.evalRows.size(); ++i)
        if (std::isfinite(series[i])) {
            keys.push_back(record.evalRows[i]);
            values.push_back(series[i]);
        }
}

const QCPCurve* curveInColour(QCustomPlot* plot, const QColor& colour)
{
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (const auto* curve = qobject_cast<const QCPCurve*>(plot->plottable(i)))
            if (curve->pen().color().rgb() == colour.rgb())
                return curve;
    return nullptr;
}

} // namespace

class TestPinnedSeries : public QObject
{
    Q_OBJECT
private slots:
    void pinDrawsTheCurrentRunsSeries();
    void pinNotOnThePlaneSaysSo();
};

void TestPinnedSeries::pinDrawsTheCurrentRunsSeries()
{
    lrlab::MainWindow window;
    window.resize(1400, 900);
    window.model()->apply(irisMlp(0.0));
    QVERIFY(lrlab::test::waitForLatest(window));
    // The PCA landscape of the run arrives after it: then the current record has its plane.
    QTRY_VERIFY_WITH_TIMEOUT(window.runs()->currentRecord()->pathPlane != nullptr, kTimeout);
    window.pinCurrent();
    QCOMPARE(window.pinnedRuns()->pinnedCount(), 1);
    const lrlab::ShownRun pin = window.pinnedRuns()->pinned().front();
    const lrlab::RunRecord& pinned = *pin.record;
    QVERIFY(pinned.evalRows.size() >= 5);

    // Another weight decay: a new current run on a plane of its own.
    window.model()->apply(irisMlp(0.5));
    QVERIFY(lrlab::test::waitForLatest(window));
    QTRY_VERIFY_WITH_TIMEOUT(window.runs()->currentRecord()->pathPlane != nullptr &&
                                 window.runs()->currentRecord()->pathPlane != pinned.pathPlane,
                             kTimeout);
    QCoreApplication::processEvents();

    // The pin's validation loss and accuracy are on the plots the current run's are on.
    std::vector<double> keys, losses, accuracyKeys, accuracies;
    evaluations(pinned, pinned.validationLoss, keys, losses);
    evaluations(pinned, pinned.validationAccuracy, accuracyKeys, accuracies);
    QCOMPARE(graphsWithData(window.curves()->lossPlot(), pin.colour, keys, losses), 1);
    QVERIFY(!accuracies.empty());
    QCOMPARE(graphsWithData(window.curves()->accuracyPlot(), pin.colour, accuracyKeys, accuracies),
             1);

    // The current run shows its moving average: so does the pin (the current run's smoothing).
    QVERIFY(window.curves()->smoothedLossGraph()->dataCount() > 0);
    std::vector<double> steps, average;
    double ema = 0.0;
    for (int k = 0; k < pinned.rows(); ++k) {
        const double loss = pinned.loss[std::size_t(k)];
        ema = steps.empty() ? loss
                            : (1.0 - lrlab::RunController::kSmoothing) * ema +
                                  lrlab::RunController::kSmoothing * loss;
        steps.push_back(k);
        average.push_back(ema);
    }
    QCOMPARE(graphsWithData(window.curves()->lossPlot(), pin.colour, steps, average), 1);

    // Its path is on the current PCA map: its snapshots projected onto the current plane.
    const QCPCurve* path = curveInColour(window.landscapeView()->plot(), pin.colour);
    QVERIFY(path);
    QVERIFY(pinned.snapshotRows.size() >= 2);
    QCOMPARE(path->dataCount(), int(pinned.snapshotRows.size()));
    const auto& plane = *window.runs()->currentRecord()->pathPlane;
    const Eigen::Vector2d first = lrlab::planeCoordinates(plane, pinned.snapshots->data());
    QCOMPARE(path->data()->constBegin()->key, first(0));
    QCOMPARE(path->data()->constBegin()->value, first(1));
    QCOMPARE(path->name(), window.pinnedRuns()->find(pin.id)->label);
}

void TestPinnedSeries::pinNotOnThePlaneSaysSo()
{
    QCustomPlot map;
    lrlab::ComparePainterOptions options;
    options.autoReplot = false;
    lrlab::ComparePainter painter(lrlab::ComparePlots{&map, nullptr, nullptr, nullptr}, options);
    auto pinnedPlane = std::make_shared<lrlab::ModelPlane>();
    pinnedPlane->centre.assign(3, 0.0f);
    auto otherPlane = std::make_shared<lrlab::ModelPlane>(*pinnedPlane);
    lrlab::RunRecord record;
    record.config.problem.type = "mlp";
    record.loss = {1.0, 0.5, 0.25};
    record.pathRows = {0, 1, 2};
    record.pathX = {0.0, 0.5, 1.0};
    record.pathY = {1.0, 0.5, 0.0};
    record.pathPlane = pinnedPlane;
    lrlab::ShownRun run;
    run.id = 1;
    run.record = std::make_shared<const lrlab::RunRecord>(record);
    run.colour = Qt::red;
    run.label = QStringLiteral("run 1");

    painter.setLandscapePlane(pinnedPlane);
    painter.setRuns({run});
    QCOMPARE(painter.landscapeCurve(1)->dataCount(), 3);
    QCOMPARE(painter.landscapeCurve(1)->name(), run.label);

    // Another plane and no snapshots: nothing drawn, and the legend says why.
    painter.setLandscapePlane(otherPlane);
    QCOMPARE(painter.landscapeCurve(1)->dataCount(), 0);
    QVERIFY(painter.landscapeCurve(1)->name().startsWith(run.label));
    QVERIFY(painter.landscapeCurve(1)->name().contains(QStringLiteral("not on this plane")));
}

QTEST_MAIN(TestPinnedSeries)
#include "tst_pinned_series.moc"
