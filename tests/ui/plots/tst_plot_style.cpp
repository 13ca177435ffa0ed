// Tests of the shared plot style: the fonts, title, log axis, viridis map, legend and palette
// every plot of lrlab gets (what the window, the views and the exported figures had each
// written on their own).
#include "ui/plots/plot_style.h"
#include "ui/plots/point_picking.h"

#include <QTest>

#include <qcustomplot.h>

class TestPlotStyle : public QObject
{
    Q_OBJECT
private slots:
    void axesAndTitle();
    void logAxis();
    void viridis_data();
    void viridis();
    void legend_data();
    void legend();
    void palette_data();
    void palette();
    void pickNearestPoint();
};

void TestPlotStyle::axesAndTitle()
{
    QCustomPlot plot;
    const double base = plot.font().pointSizeF();
    lrlab::styleAxes(&plot, QStringLiteral("step"), QStringLiteral("loss"));
    QCOMPARE(plot.xAxis->label(), QStringLiteral("step"));
    QCOMPARE(plot.yAxis->label(), QStringLiteral("loss"));
    for (QCPAxis* axis : {plot.xAxis, plot.yAxis, plot.xAxis2, plot.yAxis2}) {
        QCOMPARE(axis->labelFont().pointSizeF(), base + 1);
        QCOMPARE(axis->tickLabelFont().pointSizeF(), base);
    }
    const int rows = plot.plotLayout()->rowCount();
    QCPTextElement* title = lrlab::addTitle(&plot, QStringLiteral("Loss"));
    QCOMPARE(plot.plotLayout()->rowCount(), rows + 1);
    QCOMPARE(plot.plotLayout()->element(0, 0), title);
    QCOMPARE(title->text(), QStringLiteral("Loss"));
    QVERIFY(title->font().bold());
    QCOMPARE(title->font().pointSizeF(), base + 2);
}

void TestPlotStyle::logAxis()
{
    QCustomPlot plot;
    lrlab::setLogAxis(plot.yAxis);
    QCOMPARE(plot.yAxis->scaleType(), QCPAxis::stLogarithmic);
    auto ticker = plot.yAxis->ticker().dynamicCast<QCPAxisTickerLog>();
    QVERIFY(!ticker.isNull());
    QCOMPARE(ticker->subTickCount(), 8);
    QCOMPARE(plot.yAxis->numberFormat(), QStringLiteral("eb"));
    QCOMPARE(plot.yAxis->numberPrecision(), 0);
}

void TestPlotStyle::viridis_data()
{
    QTest::addColumn<int>("levels");
    QTest::addColumn<int>("expectedLevels");
    QTest::newRow("bands") << 20 << 20;
    QTest::newRow("continuous") << 0 << QCPColorGradient().levelCount();
}

void TestPlotStyle::viridis()
{
    QFETCH(int, levels);
    QFETCH(int, expectedLevels);
    const QCPColorGradient gradient = lrlab::viridisGradient(levels);
    QCOMPARE(gradient.levelCount(), expectedLevels);
    QCOMPARE(gradient.colorStops().size(), 11);
    QCOMPARE(gradient.colorStops().value(0.0), QColor(QStringLiteral("#440154")));
    QCOMPARE(gradient.colorStops().value(0.5), QColor(QStringLiteral("#21918c")));
    QCOMPARE(gradient.colorStops().value(1.0), QColor(QStringLiteral("#fde725")));
    QCOMPARE(gradient.colorInterpolation(), QCPColorGradient::ciRGB);
}

void TestPlotStyle::legend_data()
{
    QTest::addColumn<bool>("compact");
    QTest::newRow("normal") << false;
    QTest::newRow("compact") << true;
}

void TestPlotStyle::legend()
{
    QFETCH(bool, compact);
    QCustomPlot plot;
    const double base = plot.font().pointSizeF();
    const int spacing = plot.legend->rowSpacing();
    lrlab::styleLegend(&plot, Qt::AlignTop | Qt::AlignRight,
                       compact ? lrlab::LegendDensity::Compact : lrlab::LegendDensity::Normal);
    QCOMPARE(plot.legend->brush().color(), QColor(255, 255, 255, 210));
    QCOMPARE(plot.axisRect()->insetLayout()->insetAlignment(0), Qt::AlignTop | Qt::AlignRight);
    QCOMPARE(plot.legend->font().pointSizeF(), compact ? base - 1 : base);
    QCOMPARE(plot.legend->rowSpacing(), compact ? -3 : spacing);

    lrlab::putLegendBelow(&plot, 3);
    QVERIFY(plot.legend->visible());
    QCOMPARE(plot.legend->wrap(), 3);
    QCOMPARE(plot.axisRect()->insetLayout()->elementCount(), 0);
}

void TestPlotStyle::palette_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QColor>("colour");
    QTest::newRow("orange") << 0 << QColor(230, 159, 0);
    QTest::newRow("blue") << 4 << QColor(0, 114, 178);
    QTest::newRow("wraps") << 9 << QColor(86, 180, 233);
    QTest::newRow("negative") << -1 << QColor(0, 0, 0);
}

void TestPlotStyle::palette()
{
    QFETCH(int, index);
    QFETCH(QColor, colour);
    QCOMPARE(lrlab::okabeIto(index), colour);
}

void TestPlotStyle::pickNearestPoint()
{
    QCustomPlot plot;
    plot.resize(400, 300);
    plot.xAxis->setRange(0, 10);
    plot.yAxis->setRange(0, 30); // about 8 pixels a unit
    QCPGraph* a = plot.addGraph();
    a->setData({1, 5, 9}, {1, 5, 9});
    QCPGraph* b = plot.addGraph();
    b->setData({5}, {6});
    plot.replot();
    const auto pixel = [&](double x, double y) {
        return QPoint(qRound(plot.xAxis->coordToPixel(x)), qRound(plot.yAxis->coordToPixel(y)));
    };
    lrlab::PickedPoint picked = lrlab::pickPoint({a, b}, pixel(5, 5.6));
    QCOMPARE(picked.graph, 1); // b's (5, 6) is nearer than a's (5, 5)
    QCOMPARE(picked.key, 5.0);
    picked = lrlab::pickPoint({a, b}, pixel(9, 9));
    QCOMPARE(picked.graph, 0);
    QCOMPARE(picked.key, 9.0);
    QVERIFY(!lrlab::pickPoint({a, b}, pixel(3, 8)).found()); // nothing within 10 pixels
    b->setVisible(false);
    QCOMPARE(lrlab::pickPoint({a, b}, pixel(5, 5.6)).graph, 0); // hidden graphs are skipped
    QCOMPARE(lrlab::indexOfKey({1e-3, 1e-2, 1e-1}, 1e-2), 1);
    QCOMPARE(lrlab::indexOfKey({1e-3, 1e-2}, 0.5), -1);
}

QTEST_MAIN(TestPlotStyle)
#include "tst_plot_style.moc"
