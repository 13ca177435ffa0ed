// Every lesson opens on a view where its claim can be seen: each lesson of resources/lessons is
// opened in a 1600×1000 window, its runs are computed, and the feature its text claims — read
// from the runs' data, not written here — must lie inside the on-screen ranges of the plots it
// is drawn on, large enough to read (a jump spans pixels, the accuracy plot has height).
#include "ui/compare/pinned_runs.h"
#include "ui/compare/run_record.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/run_controller.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/main_window.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/user_dialogs.h"
#include "ui/views/lr_finder_view.h"

#include "core/config/lesson.h"

#include <QAction>
#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

namespace {

/// Model lessons run several digits MLPs in the background.
constexpr int kTimeout = 240000;
/// The accuracy plot's drawing area (axis rect) in a 1600×1000 window with a lesson open, at
/// any text size: 98 % lies 6 px above 90 %, three labelled ticks fit.
constexpr int kReadableAccuracyHeight = 80;
/// A claimed change (a jump, a rise) spans at least this fraction of the plot's drawing.
constexpr double kVisibleFraction = 0.1;

/// The loss as the loss plot draws it: minus the toy's f*, at least 1e-16.
double plotted(const lrlab::RunRecord& run, int row)
{
    return std::max(run.loss[static_cast<std::size_t>(row)] - run.lossOffset, 1e-16);
}

/// The last row with a finite loss.
int lastFiniteRow(const lrlab::RunRecord& run)
{
    int row = run.lastRow();
    while (row > 0 && !std::isfinite(run.loss[static_cast<std::size_t>(row)]))
        --row;
    return row;
}

bool contains(const QCPAxis* axis, double v)
{
    return axis->range().contains(v);
}

double pixelSpan(const QCPAxis* axis, double a, double b)
{
    return std::abs(axis->coordToPixel(a) - axis->coordToPixel(b));
}

/// The change from a to b on a value axis spans kVisibleFraction of its drawing's height.
bool visibleChange(const QCPAxis* axis, double a, double b)
{
    return pixelSpan(axis, a, b) >= kVisibleFraction * axis->axisRect()->height();
}

QString describe(const char* what, const QCPAxis* axis, double v)
{
    return QStringLiteral("%1 %2 outside [%3, %4]")
        .arg(QString::fromLatin1(what))
        .arg(v)
        .arg(axis->range().lower)
        .arg(axis->range().upper);
}

/// What a check sees: the window, the lesson, its shown runs.
struct Opened
{
    lrlab::MainWindow* window;
    const lrlab::Lesson* lesson;
    QCustomPlot* loss;
    std::vector<lrlab::ShownRun> runs;

    /// The shown run of the lesson's compare entry index (matched by its English label).
    const lrlab::RunRecord* compareRun(std::size_t index) const
    {
        const QString label = lesson->compare.at(index).label.value(QStringLiteral("en"));
        for (const lrlab::ShownRun& run : runs)
            if (!run.current && run.label == label)
                return run.record.get();
        return nullptr;
    }
};

/// Every run's last finite loss, at its step, is on screen (the runs' outcomes compared).
void finalLossesVisible(const Opened& o)
{
    for (const lrlab::ShownRun& run : o.runs) {
        const int row = lastFiniteRow(*run.record);
        const double v = plotted(*run.record, row);
        QVERIFY2(contains(o.loss->xAxis, row), qPrintable(describe("step", o.loss->xAxis, row)));
        QVERIFY2(contains(o.loss->yAxis, v), qPrintable(describe("loss", o.loss->yAxis, v)));
    }
}

/// A diverging run grows visibly: the first step at which its loss exceeds twice its start is
/// on screen, with that loss, and the start is too.
void divergenceVisible(const Opened& o)
{
    int diverging = 0;
    for (const lrlab::ShownRun& run : o.runs) {
        const lrlab::RunRecord& r = *run.record;
        const double start = plotted(r, 0);
        int grown = -1;
        for (int row = 1; row <= lastFiniteRow(r) && grown < 0; ++row)
            if (plotted(r, row) > 2.0 * start)
                grown = row;
        if (grown < 0)
            continue;
        ++diverging;
        QVERIFY2(contains(o.loss->xAxis, grown),
                 qPrintable(describe("growth step", o.loss->xAxis, grown)));
        QVERIFY2(contains(o.loss->yAxis, plotted(r, grown)),
                 qPrintable(describe("grown loss", o.loss->yAxis, plotted(r, grown))));
        QVERIFY2(contains(o.loss->yAxis, start),
                 qPrintable(describe("start", o.loss->yAxis, start)));
    }
    QVERIFY2(diverging > 0, "the lesson claims a diverging run, none grows");
}

void checkWarmup(const Opened& o)
{
    // "Without warmup … within the first 50 steps the loss jumps from 2.3 to above 4."
    const lrlab::RunRecord* noWarmup = o.compareRun(0);
    QVERIFY(noWarmup);
    QCOMPARE(noWarmup->config.schedule.warmupSteps, 0);
    const double start = plotted(*noWarmup, 0);
    int peak = 1;
    for (int row = 1; row <= 50; ++row)
        if (plotted(*noWarmup, row) > plotted(*noWarmup, peak))
            peak = row;
    const double top = plotted(*noWarmup, peak);
    QVERIFY2(top > start, "no jump in the first 50 steps");
    QCOMPARE(o.loss->yAxis->scaleType(), QCPAxis::stLinear);
    QVERIFY2(contains(o.loss->xAxis, 0) && contains(o.loss->xAxis, peak),
             qPrintable(describe("peak step", o.loss->xAxis, peak)));
    QVERIFY2(contains(o.loss->yAxis, start) && contains(o.loss->yAxis, top),
             qPrintable(describe("peak loss", o.loss->yAxis, top)));
    QVERIFY2(visibleChange(o.loss->yAxis, start, top),
             qPrintable(QString::number(pixelSpan(o.loss->yAxis, start, top))));
    // The first 50 steps fill a readable part of the width (not 10 % of a 500-step axis).
    QVERIFY(pixelSpan(o.loss->xAxis, 0, 50) >= 0.25 * o.loss->axisRect()->width());
    // The smoothed curve is drawn.
    QVERIFY(o.window->curves()->smoothedLossGraph()->dataCount() > 0);
}

void checkSchedules(const Opened& o)
{
    // "All three decays end with a loss several times lower than the constant rate."
    finalLossesVisible(o);
    if (QTest::currentTestFailed())
        return;
    double high = 0.0, low = std::numeric_limits<double>::infinity();
    for (const lrlab::ShownRun& run : o.runs) {
        const double v = plotted(*run.record, lastFiniteRow(*run.record));
        high = std::max(high, v);
        low = std::min(low, v);
    }
    QVERIFY(visibleChange(o.loss->yAxis, low, high));
}

void checkLandscapeEnds(const Opened& o)
{
    // Rosenbrock: the start and where each optimizer ends are on the map.
    finalLossesVisible(o);
    if (QTest::currentTestFailed())
        return;
    const QCustomPlot* map = o.window->findChild<QCustomPlot*>(QStringLiteral("landscapePlot"));
    QVERIFY(map);
    for (const lrlab::ShownRun& run : o.runs) {
        const lrlab::RunRecord& r = *run.record;
        QVERIFY(r.hasPath());
        for (const std::size_t i : {std::size_t(0), r.pathX.size() - 1}) {
            if (!std::isfinite(r.pathX[i]) || !std::isfinite(r.pathY[i]))
                continue;
            QVERIFY2(contains(map->xAxis, r.pathX[i]),
                     qPrintable(describe("x", map->xAxis, r.pathX[i])));
            QVERIFY2(contains(map->yAxis, r.pathY[i]),
                     qPrintable(describe("y", map->yAxis, r.pathY[i])));
        }
    }
}

void checkFinder(const Opened& o)
{
    // "0.06 … reaches 98% validation accuracy in 500 steps": on the accuracy plot, readable.
    const QCustomPlot* accuracy = o.window->curves()->accuracyPlot();
    QVERIFY(accuracy->isVisible());
    QVERIFY2(accuracy->axisRect()->height() >= kReadableAccuracyHeight,
             qPrintable(QString::number(accuracy->axisRect()->height())));
    const lrlab::RunRecord* minimum = o.compareRun(0);
    QVERIFY(minimum && !minimum->validationAccuracy.empty());
    const double reached =
        *std::max_element(minimum->validationAccuracy.begin(), minimum->validationAccuracy.end());
    const QCPGraphDataContainer& shown = *o.window->curves()->accuracyGraph()->data();
    QVERIFY(!shown.isEmpty());
    for (auto it = shown.constBegin(); it != shown.constEnd(); ++it)
        QVERIFY2(contains(accuracy->yAxis, it->value) && contains(accuracy->xAxis, it->key),
                 qPrintable(describe("accuracy", accuracy->yAxis, it->value)));
    QVERIFY2(contains(accuracy->yAxis, reached),
             qPrintable(describe("best accuracy", accuracy->yAxis, reached)));
    // The finder's curve spans the lesson's range of rates.
    const QCustomPlot* finder = o.window->findChild<QCustomPlot*>(QStringLiteral("finderPlot"));
    QVERIFY(finder && finder->isVisible());
    const double start = o.lesson->view.value(QStringLiteral("start_lr")).toDouble();
    const double end = o.lesson->view.value(QStringLiteral("end_lr")).toDouble();
    QVERIFY(finder->xAxis->range().lower <= start * 1.0001);
    QVERIFY(finder->xAxis->range().upper >= end * 0.9999);
}

void checkOverfitting(const Opened& o)
{
    // "Without weight decay … the validation loss starts to rise": its lowest point and the
    // highest point after it are on screen, the rise spans pixels.
    const lrlab::RunRecord* noDecay = o.compareRun(0);
    QVERIFY(noDecay && noDecay->validationLoss.size() > 2);
    const auto& v = noDecay->validationLoss;
    const std::size_t low =
        static_cast<std::size_t>(std::min_element(v.begin(), v.end()) - v.begin());
    const std::size_t high = static_cast<std::size_t>(
        std::max_element(v.begin() + static_cast<long>(low), v.end()) - v.begin());
    QVERIFY2(v[high] > v[low], "the validation loss does not rise");
    for (const std::size_t i : {low, high}) {
        QVERIFY2(contains(o.loss->xAxis, noDecay->evalRows[i]),
                 qPrintable(describe("step", o.loss->xAxis, noDecay->evalRows[i])));
        QVERIFY2(contains(o.loss->yAxis, v[i]),
                 qPrintable(describe("validation loss", o.loss->yAxis, v[i])));
    }
    QVERIFY2(visibleChange(o.loss->yAxis, v[low], v[high]),
             qPrintable(QString::number(pixelSpan(o.loss->yAxis, v[low], v[high]))));
}

/// The claim of each lesson, by id.
const std::map<QString, std::function<void(const Opened&)>>& claimChecks()
{
    static const std::map<QString, std::function<void(const Opened&)>> checks{
        {"lr-too-large-small-right", divergenceVisible},
        {"warmup-tames-early-oscillation", checkWarmup},
        {"cosine-exponential-step-decay", checkSchedules},
        {"momentum-in-a-ravine", finalLossesVisible},
        {"optimizers-on-rosenbrock", checkLandscapeEnds},
        {"lr-finder-on-digits", checkFinder},
        {"batch-size-and-lr", divergenceVisible},
        {"overfitting-and-weight-decay", checkOverfitting},
    };
    return checks;
}

} // namespace

class TestLessonViews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void claimIsOnScreen_data();
    void claimIsOnScreen();
    void accuracyReadableWithLargerText();

private:
    QTemporaryDir m_home;
};

void TestLessonViews::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toLocal8Bit());
    qputenv("LRLAB_NO_RECOVERY_PROMPT", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("lrlab-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_lesson_views"));
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
}

void TestLessonViews::claimIsOnScreen_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& file : lrlab::lessonFiles())
        QTest::newRow(qPrintable(QFileInfo(file).completeBaseName())) << file;
}

void TestLessonViews::claimIsOnScreen()
{
    QFETCH(QString, file);
    const lrlab::Lesson lesson = lrlab::loadLesson(file);
    const auto check = claimChecks().find(lesson.id);
    if (check == claimChecks().end())
        QFAIL(qPrintable("no view check for lesson " + lesson.id));

    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy loaded(window.lessons(), &lrlab::LessonController::lessonLoaded);
    QSignalSpy finderDone(window.docks()->finder(), &lrlab::LrFinderView::finished);
    QVERIFY(window.lessons()->loadLessonById(lesson.id));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!window.runs()->isBusy(), kTimeout);
    if (lesson.view.value(QStringLiteral("tab")).toString() == QLatin1String("lr_finder"))
        QTRY_VERIFY_WITH_TIMEOUT(finderDone.count() >= 1, kTimeout);
    QTest::qWait(50); // queued replots lay the plots out
    for (QCustomPlot* plot : window.findChildren<QCustomPlot*>())
        plot->replot();

    Opened opened{&window, &lesson, window.curves()->lossPlot(), {}};
    for (const lrlab::ShownRun& run : window.pinnedRuns()->shown())
        opened.runs.push_back(run);
    QVERIFY(!opened.runs.empty());
    check->second(opened);
}

void TestLessonViews::accuracyReadableWithLargerText()
{
    // View ▸ Larger text twice, then the LR finder lesson: the accuracy plot keeps its height.
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* larger = window.findChild<QAction*>(QStringLiteral("largerText"));
    auto* normal = window.findChild<QAction*>(QStringLiteral("normalText"));
    QVERIFY(larger && normal);
    const int before = window.curves()->accuracyPlot()->minimumHeight();
    larger->trigger();
    larger->trigger();
    QSignalSpy loaded(window.lessons(), &lrlab::LessonController::lessonLoaded);
    QVERIFY(window.lessons()->loadLessonById(QStringLiteral("lr-finder-on-digits")));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(!window.runs()->isBusy(), kTimeout);
    QCustomPlot* accuracy = window.curves()->accuracyPlot();
    accuracy->replot();
    const int drawing = accuracy->axisRect()->height();
    const int minimum = accuracy->minimumHeight();
    normal->trigger();         // the font scale is the application's: back for the next test
    QVERIFY(minimum > before); // the minimum follows the text
    QVERIFY(window.height() <= 1000);
    QVERIFY2(drawing >= kReadableAccuracyHeight, qPrintable(QString::number(drawing)));
}

QTEST_MAIN(TestLessonViews)
#include "tst_lesson_views.moc"
