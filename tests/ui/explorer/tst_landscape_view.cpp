// The explorer's model landscape (ui/explorer/landscape_view.h) fed by the worker's progressive
// job: the maps arrive coarse to fine (11², 21², then 41²) and the view shows each size in turn;
// a map measured on a subset of the training rows carries its note (rows and the error against
// the full split) on the plot and in the map's tooltip.
#include "ui/compare/hover_tips.h"
#include "ui/experiment_model.h"
#include "ui/explorer/landscape_view.h"
#include "ui/explorer/run_controller.h"
#include "ui/main_window.h"

#include "tests/common/main_window_waits.h"
#include "tests/common/run_configs.h"

#include <QSignalSpy>
#include <QtTest>

#include <qcustomplot.h>

#include <vector>

namespace {

constexpr int kTimeout = lrlab::test::kRunTimeout;

} // namespace

class TestLandscapeView : public QObject
{
    Q_OBJECT
private slots:
    void mapsArriveCoarseToFine();
    void subsetNoteOnPlotAndTooltip();
};

void TestLandscapeView::mapsArriveCoarseToFine()
{
    lrlab::MainWindow window;
    window.show();
    lrlab::LandscapeView* view = window.landscapeView();
    std::vector<int> shownSizes;
    std::vector<bool> finals;
    connect(view, &lrlab::LandscapeView::modelLandscapeDisplayed, this, [&](quint64, bool final) {
        shownSizes.push_back(view->colorMap()->data()->keySize());
        finals.push_back(final);
    });
    window.model()->apply(lrlab::test::digitsMlp(16, 0.01, 120, "adam"));
    QTRY_VERIFY_WITH_TIMEOUT(!finals.empty() && finals.back(), kTimeout);
    QCOMPARE(shownSizes, (std::vector<int>{11, 21, 41}));
    QCOMPARE(finals, (std::vector<bool>{false, false, true}));
    // The whole split (1438 rows) is used: no subset note.
    QVERIFY(!view->subsetNote()->visible());
}

void TestLandscapeView::subsetNoteOnPlotAndTooltip()
{
    lrlab::MainWindow window;
    window.show();
    lrlab::LandscapeView* view = window.landscapeView();
    lrlab::HoverTips tips(window.comparePainter());
    view->setHoverTips(&tips);
    QSignalSpy ready(window.runs(), &lrlab::RunController::modelLandscapeReady);
    window.model()->apply(lrlab::test::digitsMlp(8, 0.01, 60, "adam"));
    QTRY_VERIFY_WITH_TIMEOUT(
        !ready.isEmpty() && ready.last().at(1).value<lrlab::ModelLandscape>().final, kTimeout);
    QVERIFY(lrlab::test::waitForLatest(window));
    const quint64 generation = ready.last().at(0).value<quint64>();
    // The same map as if it had been measured on 700 of the 1438 rows, before and after the
    // check points.
    lrlab::ModelLandscape subset = ready.last().at(1).value<lrlab::ModelLandscape>();
    subset.rows = 700;
    subset.totalRows = 1438;
    view->showModelLandscape(generation, subset, lrlab::ModelRunResult{});
    QVERIFY(view->subsetNote()->visible());
    QVERIFY2(view->subsetNote()->text().contains(QStringLiteral("700 of 1438")),
             qPrintable(view->subsetNote()->text()));
    QVERIFY(view->subsetNote()->text().contains(QStringLiteral("checking")));
    subset.subsetError = 0.0123;
    subset.checkSide = 5;
    view->showModelLandscape(generation, subset, lrlab::ModelRunResult{});
    const QString note = view->subsetNote()->text();
    QVERIFY2(note.contains(QStringLiteral("700 of 1438")) &&
                 note.contains(QStringLiteral("0.012")) && note.contains(QStringLiteral("5×5")),
             qPrintable(note));
    // The map's tooltip: the loss at the pointer and the same note.
    QCustomPlot* plot = view->plot();
    plot->replot();
    const QPointF centre = QPointF(plot->axisRect()->rect().bottomLeft()) + QPointF(3, -3);
    const QString tip = tips.textAt(lrlab::ComparePlotKind::Landscape, centre);
    QVERIFY2(tip.contains(QStringLiteral("loss")) && tip.endsWith(note), qPrintable(tip));
    // The full split again: the note goes.
    subset.rows = subset.totalRows;
    view->showModelLandscape(generation, subset, lrlab::ModelRunResult{});
    QVERIFY(!view->subsetNote()->visible());
    QVERIFY(!tips.textAt(lrlab::ComparePlotKind::Landscape, centre).contains(QStringLiteral("of")));
    view->setHoverTips(nullptr);
}

QTEST_MAIN(TestLandscapeView)
#include "tst_landscape_view.moc"
