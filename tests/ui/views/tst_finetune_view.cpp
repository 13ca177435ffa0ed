// Tests of the Fine-tuning view: a small three-method sweep (one curve per method, one
// point per rate, the values of the results), the best-LR marks against an independent argmax,
// the pre-training cache state, cancellation, generations, a click that loads a run's loss
// curves, the best LR against crossed sizes, the summary panel and the parameter table.
//
// LRLAB_CACHE_DIR points at a temporary directory so the test never touches ~/.cache. Set
// LRLAB_SCREENSHOT_DIR to save a screenshot of the view after the default sweep.
#include "ui/views/finetune_view.h"

#include "tests/common/nearly_equal.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProgressBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>
#include <memory>

using lrlab::FineTuneMethod;
using lrlab::test::nearlyEqual;

namespace {

constexpr int kTimeoutMs = 120000;
/// The tests share two cores with other people's builds: keep sweeps to two threads.
constexpr int kThreads = 2;
const FineTuneMethod kMethods[3] = {FineTuneMethod::Full, FineTuneMethod::Lora,
                                    FineTuneMethod::Head};

/// Digits: 64 inputs, the lab's 128 hidden units, 10 classes.
constexpr int kIn = 64;
constexpr int kHidden = 128;
constexpr int kOut = 10;

/// A small sweep: rates 1e-4, 1e-3, 1e-2, 1e-1 (exact decades), 40 steps.
void smallSettings(lrlab::FineTuneView& view)
{
    view.setThreadCount(kThreads);
    view.setLearningRateRange(1e-4, 1e-1, 4);
    view.setSteps(40);
    view.setBatchSize(16);
    view.setTrainSize(100);
}

/// Settings that keep a sweep busy for many seconds (to cancel or replace it).
void largeSettings(lrlab::FineTuneView& view)
{
    view.setThreadCount(kThreads);
    view.setLearningRateRange(1e-5, 1e-1, 30);
    view.setSteps(4000);
}

/// The rate text the labels use, written out for exact decades: "1e-3".
QString decade(double rate)
{
    return QStringLiteral("1e%1").arg(static_cast<int>(std::lround(std::log10(rate))));
}

/// Independent best run of one method at one size: highest target accuracy among runs that did
/// not diverge; ties to the lower target loss, then to the lower LR.
int expectedBest(const std::vector<lrlab::FineTuneResult>& results, FineTuneMethod method, int size)
{
    int best = -1;
    for (int i = 0; i < static_cast<int>(results.size()); ++i) {
        const auto& r = results[static_cast<std::size_t>(i)];
        if (r.method != method || r.trainSize != size || r.diverged ||
            !std::isfinite(r.targetValidationAccuracy))
            continue;
        if (best < 0) {
            best = i;
            continue;
        }
        const auto& b = results[static_cast<std::size_t>(best)];
        if (r.targetValidationAccuracy > b.targetValidationAccuracy ||
            (r.targetValidationAccuracy == b.targetValidationAccuracy &&
             (r.targetValidationLoss < b.targetValidationLoss ||
              (r.targetValidationLoss == b.targetValidationLoss &&
               r.learningRate < b.learningRate))))
            best = i;
    }
    return best;
}

} // namespace

class TestFineTuneView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void smallSweepDrawsEveryMethod();
    void bestMarkerAtMaximum_data();
    void bestMarkerAtMaximum();
    void pretrainingIsCachedOnDisk();
    void parameterTable();
    void cancelStopsQuickly();
    void secondRunDropsFirstGeneration();
    void clickLoadsRunCurves();
    void sizesCrossed();
    void summaryStatesMeasuredRates();
    void badSettingsAreReported();
    void trainSizeDisabledWhileSizesCrossed();
    void destroyWhileRunning();
    void screenshot();

private:
    /// Runs the small sweep once (shared by the tests that only read its results).
    lrlab::FineTuneView& smallView();

    QTemporaryDir m_cache;
    std::unique_ptr<lrlab::FineTuneView> m_small;
};

void TestFineTuneView::initTestCase()
{
    QVERIFY(m_cache.isValid());
    qputenv("LRLAB_CACHE_DIR", m_cache.path().toUtf8());
}

lrlab::FineTuneView& TestFineTuneView::smallView()
{
    if (m_small == nullptr) {
        m_small = std::make_unique<lrlab::FineTuneView>();
        smallSettings(*m_small);
        QSignalSpy finished(m_small.get(), &lrlab::FineTuneView::finished);
        m_small->run();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTimeoutMs); }();
    }
    return *m_small;
}

void TestFineTuneView::smallSweepDrawsEveryMethod()
{
    lrlab::FineTuneView view;
    smallSettings(view);
    QSignalSpy started(&view, &lrlab::FineTuneView::started);
    QSignalSpy finished(&view, &lrlab::FineTuneView::finished);
    view.run();
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(0).toInt(), 12); // 3 methods × 4 rates
    QVERIFY(view.isRunning());
    // A fresh view has no prepared data: it starts by preparing (loading or pre-training).
    QVERIFY(view.isPreparing());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTimeoutMs);
    QCOMPARE(finished.at(0).at(0).toInt(), 12);
    QVERIFY(!view.isRunning());
    auto* progress = view.findChild<QProgressBar*>(QStringLiteral("finetuneProgress"));
    QVERIFY(progress != nullptr);
    QCOMPARE(progress->value(), 12);
    QCOMPARE(progress->maximum(), 12);

    const auto& results = view.results();
    QCOMPARE(static_cast<int>(results.size()), 12);
    QCOMPARE(static_cast<int>(view.learningRates().size()), 4);
    QCOMPARE(view.shownSize(), 100);
    QVERIFY(view.pretrainedSourceAccuracy() > 0.8); // pre-training learned the source task
    QVERIFY(view.accuracyPlot()->xAxis->scaleType() == QCPAxis::stLogarithmic);
    for (int m = 0; m < 3; ++m) {
        const FineTuneMethod method = kMethods[m];
        QCPGraph* target = view.targetGraph(method);
        QCPGraph* source = view.sourceGraph(method);
        QCPGraph* forget = view.forgettingGraph(method);
        QVERIFY(target != nullptr && source != nullptr && forget != nullptr);
        QCOMPARE(target->dataCount(), 4);
        QCOMPARE(source->dataCount(), 4);
        QCOMPARE(forget->dataCount(), 4);
        QVERIFY(target->pen().color() == source->pen().color()); // same colour per method
        QCOMPARE(source->pen().style(), Qt::DashLine);
        for (int i = 0; i < 4; ++i) {
            const double rate = std::pow(10.0, -4 + i);
            // Point order: method-major, rates inner (one size).
            const auto& r = results[static_cast<std::size_t>(m * 4 + i)];
            QCOMPARE(r.method, method);
            QVERIFY(nearlyEqual(r.learningRate, rate));
            QCOMPARE(r.trainSize, 100);
            QVERIFY(nearlyEqual(target->data()->at(i)->key, rate));
            if (r.diverged) {
                QVERIFY(std::isnan(target->data()->at(i)->value));
                continue;
            }
            QVERIFY(nearlyEqual(target->data()->at(i)->value, 100.0 * r.targetValidationAccuracy));
            QVERIFY(nearlyEqual(source->data()->at(i)->value, 100.0 * r.sourceValidationAccuracy));
            // Forgetting is the pre-trained source accuracy minus the run's, in points.
            QVERIFY(
                nearlyEqual(forget->data()->at(i)->value,
                            100.0 * (view.pretrainedSourceAccuracy() - r.sourceValidationAccuracy),
                            1e-9, 1e-9));
        }
    }
    QVERIFY(view.sizePlot()->isHidden()); // one size: no best-LR-against-size plot
    QVERIFY(view.sizeGraph(FineTuneMethod::Full) == nullptr);
}

void TestFineTuneView::bestMarkerAtMaximum_data()
{
    QTest::addColumn<int>("method");
    QTest::newRow("full") << static_cast<int>(FineTuneMethod::Full);
    QTest::newRow("lora") << static_cast<int>(FineTuneMethod::Lora);
    QTest::newRow("head") << static_cast<int>(FineTuneMethod::Head);
}

void TestFineTuneView::bestMarkerAtMaximum()
{
    QFETCH(int, method);
    const auto m = static_cast<FineTuneMethod>(method);
    lrlab::FineTuneView& view = smallView();
    const int best = expectedBest(view.results(), m, 100);
    QVERIFY(best >= 0);
    const auto& r = view.results()[static_cast<std::size_t>(best)];
    // No run of the method beats the marked one.
    for (const auto& other : view.results())
        if (other.method == m && !other.diverged)
            QVERIFY(other.targetValidationAccuracy <= r.targetValidationAccuracy);
    QVERIFY(nearlyEqual(view.bestLearningRate(m), r.learningRate));
    QCPGraph* diamond = view.bestGraph(m);
    QVERIFY(diamond != nullptr);
    QCOMPARE(diamond->dataCount(), 1);
    QVERIFY(nearlyEqual(diamond->data()->at(0)->key, r.learningRate));
    QVERIFY(nearlyEqual(diamond->data()->at(0)->value, 100.0 * r.targetValidationAccuracy));
    // The diamond sits on the curve's own point at that rate.
    QCPGraph* target = view.targetGraph(m);
    bool onCurve = false;
    for (int i = 0; i < target->dataCount(); ++i)
        onCurve = onCurve || (target->data()->at(i)->key == diamond->data()->at(0)->key &&
                              target->data()->at(i)->value == diamond->data()->at(0)->value);
    QVERIFY(onCurve);
    QVERIFY(view.bestLabel(m)->visible());
    QCOMPARE(view.bestLabel(m)->text(), QStringLiteral("best ") + decade(r.learningRate));
}

void TestFineTuneView::pretrainingIsCachedOnDisk()
{
    smallView(); // has prepared the data with the default seed at least once
    const QStringList files =
        QDir(m_cache.path()).entryList({QStringLiteral("pretrain-*.bin")}, QDir::Files);
    QVERIFY2(!files.isEmpty(), "the pre-trained weights are cached in LRLAB_CACHE_DIR");
    // A new view has no data in memory: it reads the weights from the cache.
    lrlab::FineTuneView view;
    smallSettings(view);
    view.setMethods({FineTuneMethod::Head});
    QSignalSpy finished(&view, &lrlab::FineTuneView::finished);
    view.run();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTimeoutMs);
    QVERIFY(view.pretrainedFromCache());
    QVERIFY(view.statusText().contains(QStringLiteral("loaded from the cache")));
    QVERIFY(nearlyEqual(view.pretrainedSourceAccuracy(), smallView().pretrainedSourceAccuracy()));
    // A second run of the same view reuses the prepared data: no preparing phase.
    view.run();
    QVERIFY(!view.isPreparing());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, kTimeoutMs);
    QCOMPARE(static_cast<int>(view.results().size()), 4);
    QVERIFY(view.targetGraph(FineTuneMethod::Full) == nullptr); // not run, not shown
}

void TestFineTuneView::parameterTable()
{
    lrlab::FineTuneView& view = smallView();
    // Counted by hand for 64-128-10: full = all weights and biases; head = the output layer;
    // LoRA (r = 8, hidden layer only) = r·(in + out) of the 64→128 weight.
    const int expected[3] = {kHidden * kIn + kHidden + kOut * kHidden + kOut, 8 * (kIn + kHidden),
                             kOut * kHidden + kOut};
    auto* table = view.findChild<QTableWidget*>(QStringLiteral("finetuneMemory"));
    QVERIFY(table != nullptr);
    QCOMPARE(table->rowCount(), 3);
    for (int m = 0; m < 3; ++m) {
        for (const auto& r : view.results()) {
            if (r.method != kMethods[m])
                continue;
            QCOMPARE(r.trainableParameters, expected[m]);
            // Adam: two float32 moments a parameter (plus a step counter).
            QVERIFY(r.stateBytesAdam >= 8u * static_cast<unsigned>(expected[m]));
            QVERIFY(r.stateBytesAdam <= 8u * static_cast<unsigned>(expected[m]) + 16u);
            QVERIFY(r.stateBytesAdam8bit < r.stateBytesAdam);
        }
        QCOMPARE(table->item(m, 1)->text(), QLocale().toString(expected[m]));
    }
}

void TestFineTuneView::cancelStopsQuickly()
{
    lrlab::FineTuneView view;
    largeSettings(view);
    QSignalSpy finished(&view, &lrlab::FineTuneView::finished);
    QSignalSpy cancelled(&view, &lrlab::FineTuneView::cancelled);
    QSignalSpy progress(&view, &lrlab::FineTuneView::progressChanged);
    view.run();
    // Cancel mid-way: once the sweep itself is running (past the data preparation).
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0 && progress.last().at(1).toInt() == 90,
                             kTimeoutMs);
    QVERIFY(view.isRunning());
    QElapsedTimer clock;
    clock.start();
    view.cancel();
    QVERIFY(!view.isRunning()); // the GUI is idle at once
    QCOMPARE(cancelled.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(view.pendingJobs() == 0, 3000);
    QVERIFY(clock.elapsed() < 3000);
    QCOMPARE(finished.count(), 0);
    QVERIFY(view.results().empty());

    // Still usable: a small sweep runs to the end.
    smallSettings(view);
    view.run();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTimeoutMs);
    QCOMPARE(static_cast<int>(view.results().size()), 12);
}

void TestFineTuneView::secondRunDropsFirstGeneration()
{
    lrlab::FineTuneView view;
    largeSettings(view);
    QSignalSpy started(&view, &lrlab::FineTuneView::started);
    QSignalSpy finished(&view, &lrlab::FineTuneView::finished);
    view.run();
    QCOMPARE(view.generation(), quint64(1));
    smallSettings(view);
    view.setLearningRateRange(1e-3, 1e-2, 2);
    view.run(); // abandons the first
    QCOMPARE(view.generation(), quint64(2));
    QCOMPARE(started.count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(view.pendingJobs() == 0, 10000);
    QCOMPARE(finished.count(), 1); // only the newest generation reports
    QCOMPARE(finished.at(0).at(0).toInt(), 6);
    QCOMPARE(static_cast<int>(view.results().size()), 6);
    QVERIFY(nearlyEqual(view.learningRates().front(), 1e-3));
    QCOMPARE(view.results().front().steps, 40);
}

void TestFineTuneView::clickLoadsRunCurves()
{
    lrlab::FineTuneView view;
    smallSettings(view);
    view.resize(1500, 1000);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy finished(&view, &lrlab::FineTuneView::finished);
    QSignalSpy selected(&view, &lrlab::FineTuneView::runSelected);
    view.run();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTimeoutMs);
    // After a sweep the view already shows one run (the best full fine-tuning run).
    QVERIFY(view.selectedRun() >= 0);

    // Click a LoRA point that is not the one shown and did not diverge.
    int lrIndex = -1;
    int index = -1;
    for (int i = 0; i < 4 && index < 0; ++i) {
        const int k = view.resultIndex(FineTuneMethod::Lora, i);
        if (k >= 0 && k != view.selectedRun() &&
            !view.results()[static_cast<std::size_t>(k)].diverged) {
            lrIndex = i;
            index = k;
        }
    }
    QVERIFY(index >= 0);
    QCustomPlot* plot = view.accuracyPlot();
    plot->replot(QCustomPlot::rpImmediateRefresh); // lay the axes out for coordToPixel
    const auto point = view.targetGraph(FineTuneMethod::Lora)->data()->at(lrIndex);
    const QPoint pixel(qRound(plot->xAxis->coordToPixel(point->key)),
                       qRound(plot->yAxis->coordToPixel(point->value)));
    const int before = selected.count();
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, pixel);
    QCOMPARE(selected.count(), before + 1);
    QCOMPARE(view.selectedRun(), index);
    const lrlab::FineTuneResult& r = view.results()[static_cast<std::size_t>(index)];
    QCOMPARE(r.method, FineTuneMethod::Lora);
    // The hover text names the run and its forgetting.
    const QString tip = view.pointDescription(FineTuneMethod::Lora, lrIndex);
    QVERIFY(tip.startsWith(QStringLiteral("LoRA · lr ") + decade(r.learningRate)));
    QVERIFY(tip.contains(QStringLiteral("points forgotten")));

    // The run plot holds that run's loss per step and its evaluations.
    QCOMPARE(r.steps, 40);
    QCPGraph* loss = view.runLossGraph();
    QCOMPARE(loss->dataCount(), 40);
    for (int k = 0; k < 40; ++k) {
        QVERIFY(nearlyEqual(loss->data()->at(k)->key, k));
        QVERIFY(nearlyEqual(loss->data()->at(k)->value, r.loss[static_cast<std::size_t>(k)]));
    }
    // Evaluations every steps/10 = 4 steps: rows 0, 4, …, 36 and the final row 40.
    QCOMPARE(view.runTargetAccuracyGraph()->dataCount(), 11);
    QVERIFY(nearlyEqual(view.runTargetAccuracyGraph()->data()->at(10)->key, 40));
    QVERIFY(nearlyEqual(view.runTargetAccuracyGraph()->data()->at(10)->value,
                        100.0 * r.targetValidationAccuracy));
    QVERIFY(nearlyEqual(view.runSourceAccuracyGraph()->data()->at(10)->value,
                        100.0 * r.sourceValidationAccuracy));
    QCOMPARE(view.runValidationLossGraph()->dataCount(), 11);
    // Before any update the model is the pre-trained one (LoRA's B starts at zero).
    QVERIFY(nearlyEqual(view.runSourceAccuracyGraph()->data()->at(0)->value,
                        100.0 * view.pretrainedSourceAccuracy(), 1e-9, 1e-9));

    // Keyboard path: the runs table selects a run too.
    auto* table = view.findChild<QTableWidget*>(QStringLiteral("finetuneRuns"));
    QVERIFY(table != nullptr);
    QCOMPARE(table->rowCount(), 12);
    emit table->itemActivated(table->item(11, 0));
    QCOMPARE(view.selectedRun(), 11);
    QCOMPARE(view.runLossGraph()->dataCount(), view.results()[11].steps);
}

void TestFineTuneView::sizesCrossed()
{
    lrlab::FineTuneView view;
    smallSettings(view);
    view.setLearningRateRange(1e-3, 1e-1, 3);
    view.setMethods({FineTuneMethod::Full, FineTuneMethod::Lora});
    view.setSizes(QStringLiteral("30,100"));
    QSignalSpy finished(&view, &lrlab::FineTuneView::finished);
    view.run();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kTimeoutMs);
    QCOMPARE(finished.at(0).at(0).toInt(), 12); // 2 sizes × 2 methods × 3 rates
    QCOMPARE(view.trainSizes(), (std::vector<int>{30, 100}));
    QVERIFY(!view.sizePlot()->isHidden());
    for (FineTuneMethod m : {FineTuneMethod::Full, FineTuneMethod::Lora}) {
        QCPGraph* g = view.sizeGraph(m);
        QVERIFY(g != nullptr);
        QCOMPARE(g->dataCount(), 2);
        for (int i = 0; i < 2; ++i) {
            const int size = i == 0 ? 30 : 100;
            const int best = expectedBest(view.results(), m, size);
            QVERIFY(best >= 0);
            QVERIFY(nearlyEqual(g->data()->at(i)->key, size));
            QVERIFY(nearlyEqual(g->data()->at(i)->value,
                                view.results()[static_cast<std::size_t>(best)].learningRate));
        }
    }
    QVERIFY(view.sizeGraph(FineTuneMethod::Head) == nullptr); // not run
    // The accuracy plot shows the size control's value (100); switching shows the other size.
    QCOMPARE(view.shownSize(), 100);
    QCOMPARE(view.targetGraph(FineTuneMethod::Full)->dataCount(), 3);
    view.setShownSize(30);
    QCOMPARE(view.shownSize(), 30);
    const int k = view.resultIndex(FineTuneMethod::Lora, 2);
    QCOMPARE(view.results()[static_cast<std::size_t>(k)].trainSize, 30);
    const auto& r = view.results()[static_cast<std::size_t>(k)];
    if (!r.diverged)
        QVERIFY(nearlyEqual(view.targetGraph(FineTuneMethod::Lora)->data()->at(2)->value,
                            100.0 * r.targetValidationAccuracy));
    QVERIFY(view.summaryText().contains(QStringLiteral("Best LR by training-set size")));
}

void TestFineTuneView::summaryStatesMeasuredRates()
{
    lrlab::FineTuneView& view = smallView();
    const QString text = view.summaryText();
    const QString names[3] = {QStringLiteral("full fine-tuning"), QStringLiteral("LoRA"),
                              QStringLiteral("head-only")};
    for (int m = 0; m < 3; ++m) {
        const int best = expectedBest(view.results(), kMethods[m], 100);
        QVERIFY(best >= 0);
        const QString rate = decade(view.results()[static_cast<std::size_t>(best)].learningRate);
        QVERIFY2(text.contains(names[m] + QLatin1Char(' ') + rate),
                 qPrintable(names[m] + " " + rate + " not in: " + text));
    }
    // The ordering sentence agrees with the measured rates, honestly either way.
    const double full = view.bestLearningRate(FineTuneMethod::Full);
    const double lora = view.bestLearningRate(FineTuneMethod::Lora);
    if (lora > full)
        QVERIFY(text.contains(QStringLiteral("the same ordering as the quoted 1e-4 (LoRA) vs "
                                             "5e-6 (full)")));
    else
        QVERIFY(text.contains(QStringLiteral("not reproduced")));
    QVERIFY(text.contains(QStringLiteral("large language model")));
    // The general rate is named even though this grid (1e-4 … 1e-1) does not reach it.
    QVERIFY(text.contains(QStringLiteral("The general 5e-5 (conservative 4e-5) lies below")));
}

void TestFineTuneView::badSettingsAreReported()
{
    lrlab::FineTuneView view;
    smallSettings(view);
    QSignalSpy failed(&view, &lrlab::FineTuneView::failed);
    QSignalSpy started(&view, &lrlab::FineTuneView::started);
    view.setMethods({});
    view.run();
    QCOMPARE(failed.count(), 1);
    view.setMethods({FineTuneMethod::Head});
    view.setSizes(QStringLiteral("50,abc"));
    view.run();
    QCOMPARE(failed.count(), 2);
    QVERIFY(failed.last().at(0).toString().contains(QStringLiteral("abc")));
    view.setSizes(QString());
    view.setLearningRateRange(1e-2, 1e-3, 4);
    view.run();
    QCOMPARE(failed.count(), 3);
    QCOMPARE(started.count(), 0);
    QVERIFY(!view.isRunning());
}

void TestFineTuneView::trainSizeDisabledWhileSizesCrossed()
{
    lrlab::FineTuneView view;
    auto* trainSize = view.findChild<QSpinBox*>(QStringLiteral("finetuneTrainSize"));
    QVERIFY(trainSize != nullptr);
    QVERIFY(trainSize->isEnabled());
    const QString ownTip = trainSize->toolTip();
    view.setSizes(QStringLiteral("50,200,all"));
    QVERIFY(!trainSize->isEnabled());
    QVERIFY(trainSize->toolTip().contains(QStringLiteral("Cross sizes")));
    QVERIFY(trainSize->toolTip() != ownTip);
    view.setSizes(QStringLiteral("  ")); // blank: no crossing, the size is used again
    QVERIFY(trainSize->isEnabled());
    QCOMPARE(trainSize->toolTip(), ownTip);
}

void TestFineTuneView::destroyWhileRunning()
{
    QElapsedTimer clock;
    auto view = std::make_unique<lrlab::FineTuneView>();
    largeSettings(*view);
    QSignalSpy progress(view.get(), &lrlab::FineTuneView::progressChanged);
    view->run();
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() > 0 && progress.last().at(1).toInt() > 0, kTimeoutMs);
    clock.start();
    view.reset(); // raises the flags and waits for the (then short) job
    QVERIFY(clock.elapsed() < 3000);
}

void TestFineTuneView::screenshot()
{
    const QString dir = qEnvironmentVariable("LRLAB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set LRLAB_SCREENSHOT_DIR to save a screenshot");
    lrlab::FineTuneView view;
    view.setThreadCount(kThreads);
    view.setSizes(QStringLiteral("50,100,200,all"));
    view.resize(1600, 1050);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy finished(&view, &lrlab::FineTuneView::finished);
    QElapsedTimer clock;
    clock.start();
    view.run();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 600000);
    qInfo("default sweep with sizes 50,100,200,all: %d runs in %.1f s",
          static_cast<int>(view.results().size()), clock.elapsed() / 1000.0);
    view.setShownSize(100);
    QTest::qWait(200);
    QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("finetune_view.png"))));
}

QTEST_MAIN(TestFineTuneView)
#include "tst_finetune_view.moc"
