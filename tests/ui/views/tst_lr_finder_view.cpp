// Tests of the LR finder view: the background range test, its curves and suggestions, "use this
// LR", and abandoning a test when the experiment changes.
#include "ui/views/lr_finder_view.h"

#include "core/analysis/lr_finder.h"
#include "tests/common/nearly_equal.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>

using lrlab::test::nearlyEqual;

namespace {

lrlab::RunConfig finderConfig(const QString& type)
{
    lrlab::RunConfig config;
    config.problem.type = type.toStdString();
    config.optimizer.type = "sgd";
    if (type == "mlp")
        config.problem.dataset = "iris";
    return config;
}

} // namespace

class TestLrFinderView : public QObject
{
    Q_OBJECT
private slots:
    void resultMatchesCore_data();
    void resultMatchesCore();
    void useSuggestionEmitsRate();
    void changedConfigAbandonsTest();
};

void TestLrFinderView::resultMatchesCore_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("quadratic") << "quadratic";
    QTest::newRow("iris-mlp") << "mlp";
}

void TestLrFinderView::resultMatchesCore()
{
    QFETCH(QString, type);
    const lrlab::RunConfig config = finderConfig(type);
    lrlab::LrFinderView view;
    view.setBaseConfig(config);
    QSignalSpy finished(&view, &lrlab::LrFinderView::finished);
    QSignalSpy failed(&view, &lrlab::LrFinderView::failed);
    view.run();
    QVERIFY(view.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1 || failed.count() > 0, 20000);
    QCOMPARE(failed.count(), 0);
    QVERIFY(!view.isRunning());

    // The same test run directly: the view shows exactly its curves and suggestions.
    const lrlab::LrFinderResult direct = lrlab::runLrFinder(config, view.options());
    QCOMPARE(view.result().iterations, direct.iterations);
    QCOMPARE(view.lossGraph()->dataCount(),
             direct.iterations -
                 (direct.stoppedEarly && !std::isfinite(direct.losses.back()) ? 1 : 0));
    const auto first = view.smoothedGraph()->data()->begin();
    QVERIFY(nearlyEqual(first->key, direct.learningRates.front()));
    QVERIFY(nearlyEqual(first->value, direct.smoothed.front()));
    const std::optional<double> expected[4] = {
        direct.suggestions.steepest, direct.suggestions.valley, direct.suggestions.minimum,
        direct.suggestions.steep};
    for (int i = 0; i < 4; ++i) {
        const QString name = lrlab::LrFinderView::suggestionNames()[static_cast<std::size_t>(i)];
        if (expected[i]) {
            QVERIFY(nearlyEqual(view.suggestion(name), *expected[i]));
            QVERIFY(view.useButton(name)->isEnabled());
        } else {
            QVERIFY(std::isnan(view.suggestion(name)));
            QVERIFY(!view.useButton(name)->isEnabled());
        }
    }
    if (qEnvironmentVariableIsSet("LRLAB_FINDER_SCREENSHOT")) {
        view.resize(1000, 520);
        QString path = qEnvironmentVariable("LRLAB_FINDER_SCREENSHOT");
        view.grab().save(path.replace(QStringLiteral(".png"), QLatin1Char('_') + type + ".png"));
    }
}

void TestLrFinderView::useSuggestionEmitsRate()
{
    lrlab::LrFinderView view;
    view.setBaseConfig(finderConfig("quadratic"));
    QSignalSpy finished(&view, &lrlab::LrFinderView::finished);
    QSignalSpy chosen(&view, &lrlab::LrFinderView::learningRateChosen);
    view.run();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 20000);
    QPushButton* valley = view.useButton(QStringLiteral("valley"));
    QVERIFY(valley->isEnabled());
    QTest::mouseClick(valley, Qt::LeftButton);
    QCOMPARE(chosen.count(), 1);
    QVERIFY(nearlyEqual(chosen.at(0).at(0).toDouble(), view.suggestion(QStringLiteral("valley"))));
}

void TestLrFinderView::changedConfigAbandonsTest()
{
    lrlab::LrFinderView view;
    lrlab::RunConfig config = finderConfig("mlp");
    config.problem.dataset = "digits";
    config.problem.hidden = {256, 256};
    view.setBaseConfig(config);
    lrlab::LrFinderOptions options;
    options.iterations = 5000;
    options.endLr = 1e-3; // slow growth: no early stop
    view.setOptions(options);
    QSignalSpy finished(&view, &lrlab::LrFinderView::finished);
    QSignalSpy progress(&view, &lrlab::LrFinderView::progressChanged);
    view.run();
    QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 1, 20000);
    // Only the schedule changes: the test goes on.
    lrlab::RunConfig sameProblem = config;
    sameProblem.schedule.learningRate = 0.5;
    view.setBaseConfig(sameProblem);
    QVERIFY(view.isRunning());
    // Another model: the test is abandoned at once, and nothing of it is shown later.
    lrlab::RunConfig other = config;
    other.problem.hidden = {8};
    view.setBaseConfig(other);
    QVERIFY(!view.isRunning());
    QVERIFY(view.runButton()->isEnabled());
    const int before = view.lossGraph()->dataCount();
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 0);
    QCOMPARE(view.lossGraph()->dataCount(), before);
}

QTEST_MAIN(TestLrFinderView)
#include "tst_lr_finder_view.moc"
