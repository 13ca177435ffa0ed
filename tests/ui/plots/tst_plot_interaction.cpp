// The zoom of every plot (ui/plots/plot_interaction.h): the wheel zooms around the pointer, a
// dragged box zooms to the box (Shift+drag where a click picks points, which still works),
// "Log scale" switches the value axis and its tick labels, Reset view returns to the automatic
// ranges, automatic ranges arriving after a zoom do not undo it — also in the window, where the
// loss plot rescales on each run — and every plot of the window has the interaction.
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/run_controller.h"
#include "ui/main_window.h"
#include "ui/plots/plot_interaction.h"
#include "ui/plots/point_picking.h"
#include "ui/shell/user_dialogs.h"

#include <QAction>
#include <QApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <qcustomplot.h>

#include <memory>

using lrlab::PlotInteraction;
using lrlab::PlotInteractionOptions;

namespace {

constexpr int kTimeout = 60000;

/// A shown 600×400 plot of y = x / 10 over [0, 100] with ranges [0, 100] × [0, 10].
std::unique_ptr<QCustomPlot> makePlot()
{
    auto plot = std::make_unique<QCustomPlot>();
    plot->resize(600, 400);
    QVector<double> x, y;
    for (int i = 0; i <= 100; ++i) {
        x << i;
        y << 0.1 * i + 0.01;
    }
    plot->addGraph()->setData(x, y);
    plot->xAxis->setRange(0, 100);
    plot->yAxis->setRange(0, 10);
    plot->show();
    if (!QTest::qWaitForWindowExposed(plot.get()))
        return nullptr;
    plot->replot();
    return plot;
}

QPoint pixelOf(const QCustomPlot& plot, double key, double value)
{
    return QPoint(qRound(plot.xAxis->coordToPixel(key)), qRound(plot.yAxis->coordToPixel(value)));
}

void wheel(QWidget* widget, const QPoint& pos, int notches, Qt::KeyboardModifiers modifiers = {})
{
    QWheelEvent event(pos, widget->mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches),
                      Qt::NoButton, modifiers, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &event);
}

void drag(QWidget* widget, const QPoint& from, const QPoint& to,
          Qt::KeyboardModifiers modifiers = {})
{
    const auto send = [&](QEvent::Type type, const QPoint& pos, Qt::MouseButtons buttons) {
        QMouseEvent event(type, pos, widget->mapToGlobal(pos), Qt::LeftButton, buttons, modifiers);
        QApplication::sendEvent(widget, &event);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton);
    send(QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
    send(QEvent::MouseMove, to, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, to, Qt::NoButton);
}

/// One pixel in key units and in value units, the tolerance of a box drawn in pixels.
double keyPixel(const QCustomPlot& plot)
{
    return plot.xAxis->range().size() / plot.axisRect()->width();
}
double valuePixel(const QCustomPlot& plot)
{
    return plot.yAxis->range().size() / plot.axisRect()->height();
}

} // namespace

class TestPlotInteraction : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wheelZoomsAroundThePointer_data();
    void wheelZoomsAroundThePointer();
    void dragZoomsToTheBox();
    void clickablePlotZoomsWithShiftDrag();
    void logScaleToggleSwitchesAxisAndLabels();
    void resetViewRestoresAutomaticRanges();
    void automaticRangesKeepTheZoom();
    void menuListsTheActionsWithShortcuts();
    void runAfterZoomKeepsLossZoom();
    void everyWindowPlotZooms();

private:
    QTemporaryDir m_home;
};

void TestPlotInteraction::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toLocal8Bit());
    qputenv("LRLAB_NO_RECOVERY_PROMPT", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("lrlab-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_plot_interaction"));
}

void TestPlotInteraction::wheelZoomsAroundThePointer_data()
{
    QTest::addColumn<int>("modifiers");
    QTest::addColumn<bool>("keyZooms");
    QTest::addColumn<bool>("valueZooms");
    QTest::newRow("wheel: horizontal") << int(Qt::NoModifier) << true << false;
    QTest::newRow("ctrl+wheel: vertical") << int(Qt::ControlModifier) << false << true;
}

void TestPlotInteraction::wheelZoomsAroundThePointer()
{
    QFETCH(int, modifiers);
    QFETCH(bool, keyZooms);
    QFETCH(bool, valueZooms);
    auto plot = makePlot();
    QVERIFY(plot);
    PlotInteraction* zoom = PlotInteraction::attach(plot.get());
    const QPoint at = pixelOf(*plot, 25.0, 2.0);
    wheel(plot.get(), at, 2, Qt::KeyboardModifiers(modifiers));
    // Zoomed in on the zoomed axis; the point under the pointer stays under it.
    QCOMPARE(plot->xAxis->range().size() < 99.0, keyZooms);
    QCOMPARE(plot->yAxis->range().size() < 9.9, valueZooms);
    QVERIFY(std::abs(plot->xAxis->pixelToCoord(at.x()) - 25.0) < 0.5);
    QVERIFY(std::abs(plot->yAxis->pixelToCoord(at.y()) - 2.0) < 0.05);
    QCOMPARE(zoom->keyZoomed(), keyZooms);
    QCOMPARE(zoom->valueZoomed(), valueZooms);
    // Wheel back out by the same amount: the ranges return.
    wheel(plot.get(), at, -2, Qt::KeyboardModifiers(modifiers));
    QVERIFY(std::abs(plot->xAxis->range().size() - 100.0) < 1e-6);
    QVERIFY(std::abs(plot->yAxis->range().size() - 10.0) < 1e-6);
}

void TestPlotInteraction::dragZoomsToTheBox()
{
    auto plot = makePlot();
    QVERIFY(plot);
    PlotInteraction::attach(plot.get());
    const double dx = keyPixel(*plot), dy = valuePixel(*plot);
    drag(plot.get(), pixelOf(*plot, 20.0, 8.0), pixelOf(*plot, 60.0, 2.0));
    QVERIFY2(std::abs(plot->xAxis->range().lower - 20.0) <= dx &&
                 std::abs(plot->xAxis->range().upper - 60.0) <= dx,
             qPrintable(QStringLiteral("x %1..%2")
                            .arg(plot->xAxis->range().lower)
                            .arg(plot->xAxis->range().upper)));
    QVERIFY(std::abs(plot->yAxis->range().lower - 2.0) <= dy &&
            std::abs(plot->yAxis->range().upper - 8.0) <= dy);
    // A box flat in y (a horizontal drag) zooms the steps alone.
    const double lower = plot->yAxis->range().lower, upper = plot->yAxis->range().upper;
    drag(plot.get(), pixelOf(*plot, 30.0, 5.0), pixelOf(*plot, 40.0, 5.0));
    QVERIFY(std::abs(plot->xAxis->range().lower - 30.0) <= 3 * dx);
    QCOMPARE(plot->yAxis->range().lower, lower);
    QCOMPARE(plot->yAxis->range().upper, upper);
}

void TestPlotInteraction::clickablePlotZoomsWithShiftDrag()
{
    auto plot = makePlot();
    QVERIFY(plot);
    int clicks = 0;
    lrlab::addPointInteraction(
        plot.get(), [](const QPoint&) { return QString(); },
        [&clicks](const QPoint&) { ++clicks; });
    QVERIFY(PlotInteraction::find(plot.get()));
    QVERIFY(plot->toolTip().contains(QStringLiteral("Shift+drag")));
    // A plain drag is a click where it starts (the point picking), not a zoom.
    drag(plot.get(), pixelOf(*plot, 20.0, 8.0), pixelOf(*plot, 60.0, 2.0));
    QCOMPARE(clicks, 1);
    QCOMPARE(plot->xAxis->range().size(), 100.0);
    // Shift+drag zooms and picks nothing.
    drag(plot.get(), pixelOf(*plot, 20.0, 8.0), pixelOf(*plot, 60.0, 2.0), Qt::ShiftModifier);
    QCOMPARE(clicks, 1);
    QVERIFY(std::abs(plot->xAxis->range().size() - 40.0) <= 2 * keyPixel(*plot));
    // A plain click still picks.
    QTest::mouseClick(plot.get(), Qt::LeftButton, {}, pixelOf(*plot, 40.0, 4.0));
    QCOMPARE(clicks, 2);
}

void TestPlotInteraction::logScaleToggleSwitchesAxisAndLabels()
{
    auto plot = makePlot();
    QVERIFY(plot);
    PlotInteraction* zoom = PlotInteraction::attach(plot.get());
    QVERIFY(!zoom->logScale());
    QSignalSpy changed(zoom, &PlotInteraction::scaleChanged);
    const QStringList linearLabels = plot->yAxis->tickVectorLabels().toList();

    zoom->logScaleAction()->trigger();
    plot->replot();
    QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(plot->yAxis->ticker().dynamicCast<QCPAxisTickerLog>());
    QVERIFY(zoom->logScaleAction()->isChecked());
    QCOMPARE(changed.count(), 1);
    QVERIFY(plot->yAxis->range().lower > 0.0); // fitted to the data, not 0
    // Decades: every major tick is a power of ten, and the labels changed.
    for (const double tick : plot->yAxis->tickVector())
        QVERIFY2(std::abs(std::log10(tick) - std::round(std::log10(tick))) < 1e-9,
                 qPrintable(QString::number(tick)));
    QVERIFY(plot->yAxis->tickVectorLabels().toList() != linearLabels);

    zoom->logScaleAction()->trigger();
    plot->replot();
    QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLinear);
    QVERIFY(!plot->yAxis->ticker().dynamicCast<QCPAxisTickerLog>());
    QCOMPARE(changed.count(), 2);
    // Evenly spaced ticks again.
    const QVector<double> ticks = plot->yAxis->tickVector();
    QVERIFY(ticks.size() >= 3);
    QVERIFY(std::abs((ticks[2] - ticks[1]) - (ticks[1] - ticks[0])) < 1e-9);
}

void TestPlotInteraction::resetViewRestoresAutomaticRanges()
{
    auto plot = makePlot();
    QVERIFY(plot);
    PlotInteraction* zoom = PlotInteraction::attach(plot.get());
    QSignalSpy reset(zoom, &PlotInteraction::viewReset);
    drag(plot.get(), pixelOf(*plot, 20.0, 8.0), pixelOf(*plot, 60.0, 2.0));
    QVERIFY(zoom->keyZoomed() && zoom->valueZoomed());
    zoom->resetAction()->trigger();
    QCOMPARE(plot->xAxis->range(), QCPRange(0, 100));
    QCOMPARE(plot->yAxis->range(), QCPRange(0, 10));
    QVERIFY(!zoom->keyZoomed() && !zoom->valueZoomed());
    QCOMPARE(reset.count(), 1);
    // A double-click resets too.
    wheel(plot.get(), pixelOf(*plot, 50.0, 5.0), 3);
    QTest::mouseDClick(plot.get(), Qt::LeftButton, {}, pixelOf(*plot, 50.0, 5.0));
    QCOMPARE(plot->xAxis->range(), QCPRange(0, 100));
    // An owner's own range is the new automatic one, and Reset view returns to it.
    plot->xAxis->setRange(0, 200);
    wheel(plot.get(), pixelOf(*plot, 50.0, 5.0), 3);
    zoom->resetView();
    QCOMPARE(plot->xAxis->range(), QCPRange(0, 200));
}

void TestPlotInteraction::automaticRangesKeepTheZoom()
{
    auto plot = makePlot();
    QVERIFY(plot);
    PlotInteraction* zoom = PlotInteraction::attach(plot.get());
    zoom->setAutomaticRanges(QCPRange(0, 100), QCPRange(0, 10));
    zoom->zoomKey(QCPRange(0, 30));
    // New data: the owner's automatic ranges grow; the zoomed axis keeps the zoom, the other
    // follows the data.
    zoom->setAutomaticRanges(QCPRange(0, 150), QCPRange(0, 15));
    QCOMPARE(plot->xAxis->range(), QCPRange(0, 30));
    QCOMPARE(plot->yAxis->range(), QCPRange(0, 15));
    zoom->resetView();
    QCOMPARE(plot->xAxis->range(), QCPRange(0, 150));
}

void TestPlotInteraction::menuListsTheActionsWithShortcuts()
{
    auto plot = makePlot();
    QVERIFY(plot);
    PlotInteraction* zoom = PlotInteraction::attach(plot.get());
    QMenu menu;
    PlotInteraction::addViewActions(plot.get(), &menu);
    QVERIFY(menu.actions().contains(zoom->resetAction()));
    QVERIFY(menu.actions().contains(zoom->logScaleAction()));
    for (QAction* action : {zoom->resetAction(), zoom->logScaleAction()}) {
        QVERIFY(!action->shortcut().isEmpty());
        QVERIFY(!action->toolTip().isEmpty());
        QVERIFY(plot->actions().contains(action)); // the shortcut works on the focused plot
    }
    // The key works on the focused plot.
    plot->setFocus();
    wheel(plot.get(), pixelOf(*plot, 50.0, 5.0), 3);
    QTest::keyClick(plot.get(), Qt::Key_R);
    QCOMPARE(plot->xAxis->range(), QCPRange(0, 100));
    // A map has no log scale.
    QCustomPlot map;
    new QCPColorMap(map.xAxis, map.yAxis);
    QVERIFY(!PlotInteraction::attach(&map)->logScaleAction()->isVisible());
}

void TestPlotInteraction::runAfterZoomKeepsLossZoom()
{
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCustomPlot* loss = window.curves()->lossPlot();
    PlotInteraction* zoom = PlotInteraction::find(loss);
    QVERIFY(zoom);
    QTRY_VERIFY_WITH_TIMEOUT(!window.runs()->isBusy(), kTimeout);
    const QCPRange automatic = loss->xAxis->range();
    QVERIFY(automatic.size() > 20);

    zoom->zoomKey(QCPRange(0, automatic.upper / 4));
    zoom->setLogScale(false);
    QCOMPARE(loss->yAxis->scaleType(), QCPAxis::stLinear);
    QVERIFY(loss->yAxis->range().lower >= 0.0); // the owner's linear range
    // A new run arrives chunk by chunk and rescales the plot: the zoom holds.
    QSignalSpy displayed(window.runs(), &lrlab::RunController::runDisplayed);
    window.runs()->rerun();
    QTRY_VERIFY_WITH_TIMEOUT(!displayed.isEmpty() && !window.runs()->isBusy(), kTimeout);
    QCOMPARE(loss->xAxis->range(), QCPRange(0, automatic.upper / 4));
    QCOMPARE(loss->yAxis->scaleType(), QCPAxis::stLinear);
    zoom->resetView();
    QCOMPARE(loss->xAxis->range(), automatic);
}

void TestPlotInteraction::everyWindowPlotZooms()
{
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    const QList<QCustomPlot*> plots = window.findChildren<QCustomPlot*>();
    QVERIFY(plots.size() >= 8);
    for (QCustomPlot* plot : plots)
        QVERIFY2(PlotInteraction::find(plot), qPrintable(plot->objectName()));
}

QTEST_MAIN(TestPlotInteraction)
#include "tst_plot_interaction.moc"
