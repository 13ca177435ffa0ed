// GUI tests of the legend and label placement on the explorer's plots: in lesson 1 and with a
// diverging run, no legend and no label covers a plotted data point (pixel positions computed
// here from the graphs' data), the labels do not overlap each other or the legend, and with text
// ×1.5 a legend takes at most a quarter of its axis rect. On a bare narrow plot, legend entries
// longer than the plot are cut to fit (whole name as tooltip), and a label with shorter texts
// takes the short one where the long one covers data, or hides where every text would.
#include "tests/common/main_window_waits.h"
#include "tests/common/run_configs.h"
#include "ui/compare/pin_loader.h"
#include "ui/compare/pinned_runs.h"
#include "ui/experiment_model.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/landscape_view.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/main_window.h"
#include "ui/plots/legend_placement.h"
#include "ui/shell/user_dialogs.h"
#include "ui/theme.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

constexpr int kTimeout = lrlab::test::kRunTimeout;

/// The pixel positions of the data points of plot's visible graphs and curves inside its axis
/// rect (points only, no line sampling: computed independently of dataPixels).
std::vector<QPointF> dataPoints(QCustomPlot* plot)
{
    std::vector<QPointF> points;
    const QRectF area = plot->axisRect()->rect();
    const auto keep = [&](const QCPAxis* x, const QCPAxis* y, double key, double value) {
        if (!std::isfinite(key) || !std::isfinite(value) ||
            (y->scaleType() == QCPAxis::stLogarithmic && value <= 0.0))
            return;
        const QPointF p(x->coordToPixel(key), y->coordToPixel(value));
        if (area.contains(p))
            points.push_back(p);
    };
    for (int i = 0; i < plot->plottableCount(); ++i) {
        const QCPAbstractPlottable* plottable = plot->plottable(i);
        if (!plottable->realVisibility())
            continue;
        if (const auto* graph = qobject_cast<const QCPGraph*>(plottable))
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
                keep(graph->keyAxis(), graph->valueAxis(), it->key, it->value);
        if (const auto* curve = qobject_cast<const QCPCurve*>(plottable))
            for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
                keep(curve->keyAxis(), curve->valueAxis(), it->key, it->value);
    }
    return points;
}

int pointsIn(const std::vector<QPointF>& points, const QRectF& rect)
{
    int n = 0;
    for (const QPointF& p : points)
        n += rect.contains(p) ? 1 : 0;
    return n;
}

QRectF labelRect(const QCPItemText* label)
{
    return QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition())
        .normalized();
}

/// The visible text labels of plot.
std::vector<const QCPItemText*> labelsOf(QCustomPlot* plot)
{
    std::vector<const QCPItemText*> labels;
    for (int i = 0; i < plot->itemCount(); ++i)
        if (const auto* text = qobject_cast<const QCPItemText*>(plot->item(i)))
            if (text->visible() && !text->text().isEmpty())
                labels.push_back(text);
    return labels;
}

/// Shows window at 1600×1000 and lets it size its docks once laid out (a queued call), as the
/// event loop would.
bool showLaidOut(lrlab::MainWindow& window)
{
    window.dialogs()->setModalDialogsEnabled(false);
    window.resize(1600, 1000);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return false;
    QTest::qWait(20);
    return true;
}

/// No legend or label of plot covers a data point; labels overlap neither each other nor the
/// legend.
void checkClear(QCustomPlot* plot)
{
    plot->replot(QCustomPlot::rpImmediateRefresh);
    const std::vector<QPointF> points = dataPoints(plot);
    QVERIFY2(!points.empty(), qPrintable(plot->objectName()));
    std::vector<QRectF> taken;
    if (plot->legend->visible() && plot->legend->itemCount() > 0) {
        const QRectF legend = plot->legend->outerRect();
        QVERIFY2(pointsIn(points, legend) == 0,
                 qPrintable(plot->objectName() +
                            QStringLiteral(" legend %1 at spot %2 (%3 px)")
                                .arg(pointsIn(points, legend))
                                .arg(int(lrlab::LegendPlacement::of(plot)->legendSpot()))
                                .arg(plot->axisRect()->rect().height())));
        taken.push_back(legend);
    }
    for (const QCPItemText* label : labelsOf(plot)) {
        const QRectF rect = labelRect(label);
        QVERIFY2(pointsIn(points, rect) == 0, qPrintable(label->text()));
        for (const QRectF& other : taken)
            QVERIFY2(!other.intersects(rect), qPrintable(label->text()));
        taken.push_back(rect);
    }
}

} // namespace

class TestLegendPlacement : public QObject
{
    Q_OBJECT
private slots:
    void lessonOneKeepsDataClear();
    void divergingRunKeepsDataClear();
    void largerTextLeavesTheDataReadable();
    void longEntriesAreCutToThePlot();
    void crowdedLabelIsShortenedOrHidden_data();
    void crowdedLabelIsShortenedOrHidden();
    void labelAvoidsALineAlongTheEdge_data();
    void labelAvoidsALineAlongTheEdge();
    void cleanup() { lrlab::setFontScale(1.0); }
};

void TestLegendPlacement::lessonOneKeepsDataClear()
{
    lrlab::MainWindow window;
    QVERIFY(showLaidOut(window));
    QVERIFY(lrlab::test::loadLessonAndWait(window, QStringLiteral("lr-too-large-small-right"),
                                           kTimeout));
    QVERIFY(window.pinnedRuns()->pinnedCount() >= 4);
    for (QCustomPlot* plot : {window.curves()->lossPlot(), window.curves()->schedulePlot(),
                              window.landscapeView()->plot()})
        checkClear(plot);
    // The stable limit is labelled on the schedule plot.
    QVERIFY(!labelsOf(window.curves()->schedulePlot()).empty());
}

void TestLegendPlacement::divergingRunKeepsDataClear()
{
    lrlab::MainWindow window;
    QVERIFY(showLaidOut(window));
    window.model()->apply(lrlab::test::rosenbrockRun(1e-3, 300));
    QVERIFY(lrlab::test::waitForLatest(window));
    window.pinCurrent();
    window.model()->apply(lrlab::test::rosenbrockRun(5e-3, 300));
    QVERIFY(lrlab::test::waitForLatest(window));
    QVERIFY(window.runs()->currentRecord()->divergedAt >= 0);
    const std::vector<const QCPItemText*> labels = labelsOf(window.curves()->lossPlot());
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QCPItemText* label) {
        return label->text().contains(QStringLiteral("diverged"));
    }));
    for (QCustomPlot* plot : {window.curves()->lossPlot(), window.curves()->schedulePlot()})
        checkClear(plot);
    // On the map the note and the legend do not overlap.
    QCustomPlot* map = window.landscapeView()->plot();
    map->replot(QCustomPlot::rpImmediateRefresh);
    for (const QCPItemText* label : labelsOf(map))
        QVERIFY(!label->clipToAxisRect() ||
                !QRectF(map->legend->outerRect()).intersects(labelRect(label)));
}

void TestLegendPlacement::largerTextLeavesTheDataReadable()
{
    lrlab::MainWindow window;
    QVERIFY(showLaidOut(window));
    QVERIFY(lrlab::test::loadLessonAndWait(window, QStringLiteral("lr-too-large-small-right"),
                                           kTimeout));
    lrlab::setFontScale(1.5);
    for (QCustomPlot* plot : {window.curves()->lossPlot(), window.landscapeView()->plot()}) {
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const QRectF area = plot->axisRect()->rect();
        const QRectF legend = plot->legend->outerRect();
        if (!legend.intersects(area)) {
            // Above the plot: the data keeps a readable height.
            QVERIFY2(area.height() >= lrlab::LegendPlacement::kMinDataHeight,
                     qPrintable(plot->objectName()));
            continue;
        }
        // Inside: either it takes at most a quarter of the axis rect (kMaxInsetShare) and no
        // data, or even the densest rows above (entries cut to ten average characters) would
        // take more than kMaxAboveShare of the data's height or leave it less than
        // kMinDataHeight.
        const QRectF covered = legend.intersected(area);
        const bool small =
            covered.width() * covered.height() <=
                lrlab::LegendPlacement::kMaxInsetShare * area.width() * area.height() &&
            pointsIn(dataPoints(plot), legend) == 0;
        const QCPLegend* box = plot->legend;
        int tallest = 0, entries = 0;
        for (int i = 0; i < box->itemCount(); ++i)
            if (const QCPAbstractLegendItem* item = box->item(i)) {
                tallest = std::max(tallest, item->minimumOuterSizeHint().height());
                ++entries;
            }
        const int narrowest = box->iconSize().width() + box->iconTextPadding() + 20 +
                              10 * QFontMetrics(box->font()).averageCharWidth();
        const int perRow =
            std::max(1, plot->axisRect()->outerRect().width() / (narrowest + box->columnSpacing()));
        const double rowsAbove =
            std::ceil(double(entries) / perRow) * (tallest + std::max(0, box->rowSpacing())) +
            box->margins().top() + box->margins().bottom();
        QVERIFY2(small || area.height() - rowsAbove < lrlab::LegendPlacement::kMinDataHeight ||
                     rowsAbove > lrlab::LegendPlacement::kMaxAboveShare * area.height(),
                 qPrintable(plot->objectName()));
    }
}

void TestLegendPlacement::longEntriesAreCutToThePlot()
{
    QCustomPlot plot;
    plot.resize(260, 300);
    plot.legend->setVisible(true);
    lrlab::LegendPlacement::of(&plot);
    const QString name = QStringLiteral("a run whose label is much longer than this plot is wide");
    for (int i = 0; i < 3; ++i) {
        QCPGraph* graph = plot.addGraph();
        graph->setName(name + QString::number(i));
        graph->setData({0.0, 1.0}, {0.1 * i, 0.1 * i});
    }
    plot.xAxis->setRange(0, 1);
    plot.yAxis->setRange(0, 1);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY2(QRect(plot.rect()).contains(plot.legend->outerRect()),
             qPrintable(QStringLiteral("legend %1 wide in a %2 wide plot")
                            .arg(plot.legend->outerRect().width())
                            .arg(plot.width())));
    // Hovering a cut entry shows its whole name.
    const QPoint over = plot.legend->item(1)->outerRect().center();
    QHelpEvent tip(QEvent::ToolTip, over, plot.mapToGlobal(over));
    QApplication::sendEvent(&plot, &tip);
    QTRY_COMPARE(QToolTip::text(), name + QStringLiteral("1"));
}

void TestLegendPlacement::crowdedLabelIsShortenedOrHidden_data()
{
    QTest::addColumn<QVector<double>>("lines"); // x of vertical lines through the plot
    QTest::addColumn<QString>("shown");         // the label's text afterwards (empty: hidden)
    QTest::newRow("room for the short text") << QVector<double>{0.2, 0.8} << "short";
    QTest::newRow("no room") << QVector<double>{0.5} << QString();
}

void TestLegendPlacement::crowdedLabelIsShortenedOrHidden()
{
    QFETCH(QVector<double>, lines);
    QFETCH(QString, shown);
    QCustomPlot plot;
    plot.resize(400, 250);
    plot.legend->setVisible(false);
    plot.xAxis->setRange(0, 1);
    plot.yAxis->setRange(0, 1);
    for (const double x : lines)
        plot.addGraph()->setData({x, x}, {0.0, 1.0});
    auto* label = new QCPItemText(&plot);
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    const QString whole = QStringLiteral("a label far too long for the gap between the lines");
    label->setText(whole);
    lrlab::LegendPlacement::of(&plot)->addLabel(
        label,
        [] {
            return std::vector<lrlab::LabelSpot>{{QPointF(0.5, 0.5), Qt::AlignCenter}};
        },
        [] { return QStringList{QStringLiteral("short")}; });
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.replot(QCustomPlot::rpImmediateRefresh);
    if (shown.isEmpty()) {
        QVERIFY(!label->realVisibility());
        return;
    }
    QVERIFY(label->realVisibility());
    QCOMPARE(label->text(), shown);
    checkClear(&plot);
    const QPoint over = labelRect(label).center().toPoint();
    QHelpEvent tip(QEvent::ToolTip, over, plot.mapToGlobal(over));
    QApplication::sendEvent(&plot, &tip);
    QTRY_COMPARE(QToolTip::text(), whole);
}

void TestLegendPlacement::labelAvoidsALineAlongTheEdge_data()
{
    QTest::addColumn<double>("value"); // the line's value, on the range's edge
    QTest::addColumn<int>("edge");     // Qt::AlignTop or Qt::AlignBottom: the label's first spot
    QTest::newRow("top edge") << 1.0 << int(Qt::AlignTop);
    QTest::newRow("bottom edge") << 0.0 << int(Qt::AlignBottom);
}

void TestLegendPlacement::labelAvoidsALineAlongTheEdge()
{
    // A horizontal line exactly on the value range's edge is drawn there, half clipped: it is
    // data, so a label offered a spot against that edge or the middle takes the middle.
    QFETCH(double, value);
    QFETCH(int, edge);
    QCustomPlot plot;
    plot.resize(400, 250);
    plot.legend->setVisible(false);
    plot.xAxis->setRange(0, 1);
    plot.yAxis->setRange(0, 1);
    plot.addGraph()->setData({0.0, 1.0}, {value, value});
    auto* label = new QCPItemText(&plot);
    label->position->setType(QCPItemPosition::ptAxisRectRatio);
    label->setText(QStringLiteral("limit"));
    const double y = edge == Qt::AlignTop ? 0.0 : 1.0;
    lrlab::LegendPlacement::of(&plot)->addLabel(label, [edge, y] {
        return std::vector<lrlab::LabelSpot>{
            {QPointF(0.5, y), Qt::AlignHCenter | Qt::Alignment(edge)},
            {QPointF(0.5, 0.5), Qt::AlignCenter}};
    });
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(label->position->coords(), QPointF(0.5, 0.5));
}

QTEST_MAIN(TestLegendPlacement)
#include "tst_legend_placement.moc"
