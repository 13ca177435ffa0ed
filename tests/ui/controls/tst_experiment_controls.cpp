// The explorer's controls edit the ExperimentModel and show its config: what is on screen is
// what is trained, a refused entry is named in the message bar, a problem switch brings that
// family's defaults, a failed run leaves no stale curves, and pins made on other axes are kept
// but not drawn.
#include "ui/main_window.h"

#include "tests/common/main_window_waits.h"
#include "ui/compare/compare_painter.h"
#include "ui/compare/pinned_runs.h"
#include "ui/controls/experiment_panel.h"
#include "ui/controls/learning_rate_control.h"
#include "ui/controls/problem_controls.h"
#include "ui/controls/scientific_spin_box.h"
#include "ui/experiment_model.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/landscape_view.h"
#include "ui/explorer/run_controller.h"
#include "ui/widgets/message_bar.h"
#include "ui/widgets/run_status_bar.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include <qcustomplot.h>

using namespace lrlab;
using lrlab::test::waitForLatest;

namespace {

constexpr int kTimeout = lrlab::test::kRunTimeout;

template <class T> T* field(MainWindow& window, const char* name)
{
    T* widget = window.findChild<T*>(QString::fromLatin1(name));
    if (!widget)
        qFatal("no field %s", name);
    return widget;
}

/// Types text into a spin box or line edit and presses Enter, as a user does.
void typeInto(QWidget* widget, const QString& text)
{
    widget->setFocus();
    if (auto* spin = qobject_cast<QAbstractSpinBox*>(widget)) {
        spin->selectAll();
    } else if (auto* edit = qobject_cast<QLineEdit*>(widget)) {
        edit->selectAll();
    }
    QTest::keyClicks(widget, text);
    QTest::keyClick(widget, Qt::Key_Return);
}

RunConfig irisMlp(std::vector<int> hidden = {8})
{
    RunConfig config;
    config.problem.type = "mlp";
    config.problem.dataset = "iris";
    config.problem.hidden = std::move(hidden);
    config.optimizer.type = "adam";
    config.steps = 200;
    config.schedule.totalSteps = 200;
    config.schedule.learningRate = 1e-2;
    config.evalEvery = 20;
    return config;
}

} // namespace

class TestExperimentControls : public QObject
{
    Q_OBJECT
private slots:
    void switchingToAnMlpShowsAndTrainsTheDefaults();
    void hiddenSizesShowWhatIsTrained();
    void failedRunLeavesNoStaleCurves();
    void csvThatFailsToLoadIsNotListed_data();
    void csvThatFailsToLoadIsNotListed();
    void pinsOfAnotherProblemAreHiddenNotMisdrawn();
    void outOfRangeEntriesAreNamedNotSnapped();
    void hugeLearningRateRunsAndDiverges();
    void batchLargerThanTheSplitIsExplained();
    void stableLimitWarnsOnlyForSgd_data();
    void stableLimitWarnsOnlyForSgd();
};

void TestExperimentControls::switchingToAnMlpShowsAndTrainsTheDefaults()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForLatest(window));
    // A toy problem first, with an unusual evaluation interval left behind in the model.
    auto* problem = field<QComboBox>(window, "problemCombo");
    problem->setCurrentIndex(problem->findData(QStringLiteral("mlp")));
    // On screen: the config defaults of docs/semantics.md §2.2, not the fields' minimums.
    QCOMPARE(field<QLineEdit>(window, "hiddenSizes")->text(), QStringLiteral("32"));
    QCOMPARE(field<QSpinBox>(window, "batchSize")->value(), 32);
    QCOMPARE(field<QDoubleSpinBox>(window, "valFraction")->value(), 0.2);
    QCOMPARE(field<QSpinBox>(window, "evalEvery")->value(), 50);
    QVERIFY(waitForLatest(window));
    const RunConfig& trained = window.runs()->currentRecord()->config;
    QCOMPARE(trained.problem.hidden, std::vector<int>{32});
    QCOMPARE(trained.problem.batchSize, 32);
    QCOMPARE(trained.evalEvery, 50);
    // Validation accuracy is measured and drawn.
    QVERIFY(window.curves()->accuracyPlot()->isVisible());
    QVERIFY(window.curves()->accuracyGraph()->dataCount() > 0);
}

void TestExperimentControls::hiddenSizesShowWhatIsTrained()
{
    MainWindow window;
    window.show();
    QVERIFY(!window.model()->apply(irisMlp({64, 32})));
    QVERIFY(waitForLatest(window));
    auto* hidden = field<QLineEdit>(window, "hiddenSizes");
    QCOMPARE(hidden->text(), QStringLiteral("64, 32"));
    typeInto(hidden, QStringLiteral("0"));
    // Refused by the core's validation and named; the field shows what is trained.
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("problem.hidden[0]")),
             qPrintable(window.messageBar()->text()));
    QCOMPARE(hidden->text(), QStringLiteral("64, 32"));
    QCOMPARE(window.model()->config().problem.hidden, (std::vector<int>{64, 32}));
    typeInto(hidden, QStringLiteral("16, 8"));
    QVERIFY(waitForLatest(window));
    QCOMPARE(window.runs()->currentRecord()->config.problem.hidden, (std::vector<int>{16, 8}));
    QCOMPARE(hidden->text(), QStringLiteral("16, 8"));
}

void TestExperimentControls::failedRunLeavesNoStaleCurves()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForLatest(window)); // Rosenbrock: a path and a loss curve on screen
    QVERIFY(window.comparePainter()->landscapeCurve(PinnedRuns::kCurrentId) != nullptr);
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("broken.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b,label\n1,2,0\n3,oops,1\n");
    file.close();
    // As a session or lesson naming a file that no longer loads (Open CSV refuses it up front).
    RunConfig broken = irisMlp();
    broken.problem.dataset = csv.toStdString();
    QVERIFY(!window.model()->apply(broken));
    QTRY_VERIFY_WITH_TIMEOUT(!window.messageBar()->text().isEmpty(), kTimeout);
    // The message names the file and the line; nothing of Rosenbrock stays under the MLP's
    // titles.
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("broken.csv")),
             qPrintable(window.messageBar()->text()));
    QVERIFY(window.runs()->currentRecord() == nullptr);
    QVERIFY(window.comparePainter()->landscapeCurve(PinnedRuns::kCurrentId) == nullptr);
    QVERIFY(window.comparePainter()->lossGraph(PinnedRuns::kCurrentId) == nullptr);
    QCOMPARE(window.curves()->lossPlot()->yAxis->label(), QStringLiteral("loss"));
    QCOMPARE(window.landscapeView()->colorMap()->data()->keySize(), 0);
}

void TestExperimentControls::csvThatFailsToLoadIsNotListed_data()
{
    QTest::addColumn<bool>("onModel");
    QTest::newRow("from the MLP on iris") << true;
    QTest::newRow("from Rosenbrock") << false;
}

void TestExperimentControls::csvThatFailsToLoadIsNotListed()
{
    QFETCH(bool, onModel);
    MainWindow window;
    window.show();
    if (onModel)
        QVERIFY(!window.model()->apply(irisMlp()));
    QVERIFY(waitForLatest(window));
    const RunConfig before = window.model()->config();
    auto* datasets = field<QComboBox>(window, "datasetCombo");
    const int listed = datasets->count();
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("broken.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a,b,label\n1,2,0\n3,oops,1\n");
    file.close();

    window.controls()->problemControls()->useCsv(csv);
    QTRY_VERIFY_WITH_TIMEOUT(!window.messageBar()->text().isEmpty(), kTimeout);
    const QString message = window.messageBar()->text();
    QVERIFY2(message.contains(QLatin1String("broken.csv")), qPrintable(message));
    // Not in the list, not the dataset: the experiment on screen is the one before.
    QCOMPARE(datasets->findData(csv), -1);
    QCOMPARE(datasets->count(), listed);
    QCOMPARE(window.model()->config().problem.type, before.problem.type);
    QCOMPARE(window.model()->config().problem.dataset, before.problem.dataset);
    if (onModel)
        QCOMPARE(datasets->currentData().toString(), QStringLiteral("iris"));
    QVERIFY(window.runs()->currentRecord() != nullptr);

    // A file that loads is listed and chosen.
    const QString good = dir.filePath(QStringLiteral("good.csv"));
    QFile goodFile(good);
    QVERIFY(goodFile.open(QIODevice::WriteOnly));
    for (int i = 0; i < 40; ++i)
        goodFile.write(i == 0 ? "a,b,label\n"
                              : QByteArray::number(i) + ",1," + QByteArray::number(i % 2) + "\n");
    goodFile.close();
    window.controls()->problemControls()->useCsv(good);
    QTRY_COMPARE_WITH_TIMEOUT(window.model()->config().problem.dataset, good.toStdString(),
                              kTimeout);
    QVERIFY(datasets->findData(good) >= 0);
    QCOMPARE(datasets->currentData().toString(), good);
}

void TestExperimentControls::pinsOfAnotherProblemAreHiddenNotMisdrawn()
{
    MainWindow window;
    window.show();
    QVERIFY(!window.model()->apply(irisMlp()));
    QVERIFY(waitForLatest(window));
    window.pinCurrent();
    QCOMPARE(window.comparePainter()->runs().size(), std::size_t(2));
    // Ctrl+R: the default lesson on Rosenbrock. The MLP pin stays pinned but is not drawn on
    // Rosenbrock's f − f* axes.
    window.applyDefaultLesson();
    QVERIFY(waitForLatest(window));
    QCOMPARE(window.pinnedRuns()->pinnedCount(), 1);
    QCOMPARE(window.pinnedRuns()->hiddenCount(), 1);
    QCOMPARE(window.comparePainter()->runs().size(), std::size_t(1));
    QVERIFY(window.comparePainter()->runs().front().current);
    QVERIFY(window.comparePainter()->lossGraph(1) == nullptr);
    const QString note = field<QLabel>(window, "pinCountLabel")->text();
    QVERIFY2(note.contains(QLatin1String("hidden")), qPrintable(note));
    // Back on the MLP's problem the pin is drawn again.
    QVERIFY(!window.model()->apply(irisMlp({4})));
    QVERIFY(waitForLatest(window));
    QCOMPARE(window.pinnedRuns()->hiddenCount(), 0);
    QVERIFY(window.comparePainter()->lossGraph(1) != nullptr);
}

void TestExperimentControls::outOfRangeEntriesAreNamedNotSnapped()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForLatest(window));
    auto* steps = field<QSpinBox>(window, "steps");
    const int before = steps->value();
    typeInto(steps, QStringLiteral("0"));
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("steps: must be >= 1")),
             qPrintable(window.messageBar()->text()));
    QCOMPARE(steps->value(), before);
    QCOMPARE(window.model()->config().steps, before);
    // The window has no cap of its own below the core's: 50 000 steps run.
    typeInto(steps, QStringLiteral("50000"));
    QCOMPARE(window.model()->config().steps, 50000);
    QCOMPARE(steps->value(), 50000);
    QVERIFY(waitForLatest(window));
    QCOMPARE(window.runs()->currentRecord()->config.steps, 50000);
}

void TestExperimentControls::hugeLearningRateRunsAndDiverges()
{
    MainWindow window;
    window.show();
    QVERIFY(waitForLatest(window));
    ScientificSpinBox* rate = window.controls()->learningRateControl()->field();
    typeInto(rate, QStringLiteral("1e9"));
    QCOMPARE(window.model()->config().schedule.learningRate, 1e9);
    QCOMPARE(window.controls()->learningRateControl()->learningRate(), 1e9);
    QVERIFY(waitForLatest(window));
    QVERIFY(window.runs()->currentRecord()->divergedAt >= 0);
    QVERIFY2(window.statusLine()->statusText().startsWith(QLatin1String("Diverged")),
             qPrintable(window.statusLine()->statusText()));
    // A rate the core refuses is named and leaves the field as it was.
    typeInto(rate, QStringLiteral("0"));
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("schedule.lr")),
             qPrintable(window.messageBar()->text()));
    QCOMPARE(window.controls()->learningRateControl()->learningRate(), 1e9);
}

void TestExperimentControls::batchLargerThanTheSplitIsExplained()
{
    MainWindow window;
    window.show();
    RunConfig config = irisMlp();
    config.problem.batchSize = 1000; // iris: 120 training rows at val_fraction 0.2
    QVERIFY(!window.model()->apply(config));
    QVERIFY(waitForLatest(window));
    QCOMPARE(field<QSpinBox>(window, "batchSize")->value(), 1000);
    QVERIFY2(window.messageBar()->text().contains(QLatin1String("120 training rows")),
             qPrintable(window.messageBar()->text()));
}

void TestExperimentControls::stableLimitWarnsOnlyForSgd_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<bool>("warns");
    QTest::newRow("sgd") << "sgd" << true;
    QTest::newRow("adam") << "adam" << false;
    QTest::newRow("adamw") << "adamw" << false;
    QTest::newRow("lion") << "lion" << false;
    QTest::newRow("adam8bit") << "adam8bit" << false;
}

void TestExperimentControls::stableLimitWarnsOnlyForSgd()
{
    QFETCH(QString, optimizer);
    QFETCH(bool, warns);
    MainWindow window;
    window.show();
    QVERIFY(waitForLatest(window));
    RunConfig config = window.model()->config();
    config.optimizer.type = optimizer.toStdString();
    config.optimizer.momentum = 0.0;
    QVERIFY(!window.model()->apply(config));
    LearningRateControl* control = window.controls()->learningRateControl();
    const double limit = control->stableLimit();
    QVERIFY(std::isfinite(limit) && limit > 0.0);
    control->setLearningRate(1.57 * limit); // above the limit, as the Adam run
    const QLabel* ratio = control->ratioLabel();
    const bool red = ratio->styleSheet().contains(QLatin1String("200,30,30"));
    QCOMPARE(red, warns);
    QCOMPARE(control->stableLimitIsReference(), !warns);
    QCOMPARE(control->slider()->markIsReference(), !warns);
    QCOMPARE(ratio->text().contains(QLatin1String("SGD")), !warns);
    QVERIFY2(ratio->text().contains(QLatin1String("1.57")), qPrintable(ratio->text()));
    // The limit line on the schedule plot: red "stable limit" for SGD, grey "SGD's limit" else.
    QCustomPlot* schedule = window.curves()->schedulePlot();
    QCPItemText* label = nullptr;
    for (int i = 0; i < schedule->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(schedule->item(i));
            text && text->visible() && text->text().contains(QLatin1String("limit")))
            label = text;
    QVERIFY(label != nullptr);
    QCOMPARE(label->text().startsWith(QLatin1String("SGD's limit")), !warns);
    QCOMPARE(label->color() == QColor(200, 30, 30), warns);
}

QTEST_MAIN(TestExperimentControls)
#include "tst_experiment_controls.moc"
