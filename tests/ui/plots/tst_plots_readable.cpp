// GUI tests of the explorer's plots at larger text: every lesson opened in a 1600×1000 window,
// in English and Chinese, at text ×1.0 and ×1.5 (View ▸ Text size). On the loss, accuracy,
// schedule and landscape plots every legend lies inside its plot widget, no title is clipped
// (its text, wrapped as drawn, fits its rect and the rect fits the widget), no label covers a
// data point of its plot (points drawn along an edge, clipped there, included) or leaves the
// widget, no legend entry is cut below kMinEntryCharacters, the loss plot's
// drawing keeps kMinLossDrawing × the text scale of height, and the landscape map keeps most of
// its height.
#include "tests/common/main_window_waits.h"
#include "ui/compare/pin_loader.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/landscape_view.h"
#include "ui/language.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/main_window.h"
#include "ui/plots/eliding_legend_item.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/user_dialogs.h"
#include "ui/theme.h"

#include "core/config/lesson.h"

#include <QFileInfo>
#include <QFontMetrics>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

/// Model lessons train several digits MLPs in the background.
constexpr int kTimeout = 240000;
/// The landscape's map (its axis rect) keeps at least this share of the plot's height.
constexpr double kMinMapShare = 0.55;
/// No legend entry is cut to fewer characters (average widths of the legend's font).
constexpr int kMinEntryCharacters = 8;
/// The loss plot's drawing area (axis rect) is at least this tall times the text scale (pixels).
constexpr double kMinLossDrawing = 80.0;
/// Points this far outside the axis rect are a line drawn along its edge: half its pen shows.
constexpr double kEdgePixels = 2.0;

/// The pixel positions of the data points of plot's visible graphs and curves inside its axis
/// rect.
std::vector<QPointF> dataPoints(QCustomPlot* plot)
{
    std::vector<QPointF> points;
    const QRectF area = plot->axisRect()->rect();
    const auto keep = [&](const QCPAxis* x, const QCPAxis* y, double key, double value) {
        if (!std::isfinite(key) || !std::isfinite(value) ||
            (y->scaleType() == QCPAxis::stLogarithmic && value <= 0.0) ||
            (x->scaleType() == QCPAxis::stLogarithmic && key <= 0.0))
            return;
        const QPointF p(x->coordToPixel(key), y->coordToPixel(value));
        if (area.adjusted(-kEdgePixels, -kEdgePixels, kEdgePixels, kEdgePixels).contains(p))
            points.push_back(QPointF(std::clamp(p.x(), area.left(), area.right()),
                                     std::clamp(p.y(), area.top(), area.bottom())));
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

QString where(const QCustomPlot* plot, const QString& what)
{
    return plot->objectName() + QStringLiteral(": ") + what;
}

QString rectText(const QRectF& rect)
{
    return QStringLiteral("(%1, %2 %3×%4)")
        .arg(rect.x())
        .arg(rect.y())
        .arg(rect.width())
        .arg(rect.height());
}

/// The legend lies inside the plot widget.
void checkLegend(QCustomPlot* plot)
{
    const QCPLegend* legend = plot->legend;
    if (!legend->visible() || legend->itemCount() == 0)
        return;
    const QRect box = legend->outerRect();
    QVERIFY2(plot->rect().contains(box),
             qPrintable(where(plot, QStringLiteral("legend ") + rectText(box) +
                                        QStringLiteral(" outside the widget ") +
                                        rectText(plot->rect()))));
}

/// No shown legend entry is cut below kMinEntryCharacters average characters of its font.
void checkLegendEntries(QCustomPlot* plot)
{
    const QCPLegend* legend = plot->legend;
    if (!legend->realVisibility())
        return;
    const QFontMetrics metrics(legend->font());
    for (int i = 0; i < legend->itemCount(); ++i) {
        const auto* item = qobject_cast<const lrlab::ElidingLegendItem*>(legend->item(i));
        if (!item || !item->isElided())
            continue;
        // The room for the text against the width of its first characters (and the "…").
        const int shown = item->maximumWidth() - (item->fullWidth() - item->textWidth());
        const int least =
            metrics.horizontalAdvance(item->fullText().left(kMinEntryCharacters) + QChar(0x2026));
        QVERIFY2(shown >= least,
                 qPrintable(where(plot, QStringLiteral("legend entry \"%1\" cut to %2 px of "
                                                       "text, less than its first %3 characters "
                                                       "(%4 px)")
                                            .arg(item->fullText())
                                            .arg(shown)
                                            .arg(kMinEntryCharacters)
                                            .arg(least))));
    }
}

/// Every title's text, wrapped as QCPTextElement draws it, fits its rect inside the widget.
void checkTitles(QCustomPlot* plot)
{
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
        const auto* title = qobject_cast<const QCPTextElement*>(element);
        if (!title || !title->visible() || title->text().isEmpty())
            continue;
        const QRect rect = title->rect();
        const QRect text =
            QFontMetrics(title->font()).boundingRect(rect, title->textFlags(), title->text());
        QVERIFY2(plot->rect().contains(rect) && text.width() <= rect.width() &&
                     text.height() <= rect.height(),
                 qPrintable(where(plot, QStringLiteral("title \"%1\" needs %2×%3 in %4 (plot "
                                                       "height %5, minimum %6)")
                                            .arg(title->text())
                                            .arg(text.width())
                                            .arg(text.height())
                                            .arg(rectText(rect))
                                            .arg(plot->height())
                                            .arg(plot->minimumHeight()))));
    }
}

/// No visible text label covers a data point of the plot or leaves the widget.
void checkLabels(QCustomPlot* plot)
{
    const std::vector<QPointF> points = dataPoints(plot);
    for (int i = 0; i < plot->itemCount(); ++i) {
        const auto* label = qobject_cast<const QCPItemText*>(plot->item(i));
        if (!label || !label->realVisibility() || label->text().isEmpty())
            continue;
        const QRectF rect =
            QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition())
                .normalized();
        QVERIFY2(QRectF(plot->rect()).contains(rect),
                 qPrintable(where(plot, label->text() + QStringLiteral(" outside the widget"))));
        for (const QPointF& p : points)
            QVERIFY2(!rect.contains(p),
                     qPrintable(where(plot, QStringLiteral("\"%1\" %2 covers data at (%3, %4)")
                                                .arg(label->text(), rectText(rect))
                                                .arg(p.x())
                                                .arg(p.y()))));
    }
}

} // namespace

class TestPlotsReadable : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void lessonPlotsReadable_data();
    void lessonPlotsReadable();
    void cleanup();

private:
    QTemporaryDir m_home;
};

void TestPlotsReadable::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toLocal8Bit());
    qputenv("LRLAB_NO_RECOVERY_PROMPT", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("lrlab-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_plots_readable"));
}

void TestPlotsReadable::cleanup()
{
    lrlab::setFontScale(1.0);
    lrlab::installLanguage(QStringLiteral("en"));
}

void TestPlotsReadable::lessonPlotsReadable_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("language");
    QTest::addColumn<double>("scale");
    for (const QString& file : lrlab::lessonFiles()) {
        const QString id = lrlab::loadLesson(file).id;
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")})
            for (const double scale : {1.0, 1.5})
                QTest::addRow("%s-%s-x%.1f", qPrintable(QFileInfo(file).completeBaseName()),
                              qPrintable(language), scale)
                    << id << language << scale;
    }
}

void TestPlotsReadable::lessonPlotsReadable()
{
    QFETCH(QString, id);
    QFETCH(QString, language);
    QFETCH(double, scale);
    lrlab::appSettings().setValue(QStringLiteral("language"), language);
    QVERIFY(lrlab::installLanguage(language));
    lrlab::setFontScale(scale);
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(lrlab::test::loadLessonAndWait(window, id, kTimeout));
    QTest::qWait(50); // queued replots and dock sizes settle

    QCustomPlot* map = window.landscapeView()->plot();
    for (QCustomPlot* plot : {window.curves()->lossPlot(), window.curves()->accuracyPlot(),
                              window.curves()->schedulePlot(), map}) {
        if (!plot->isVisible())
            continue;
        plot->replot(QCustomPlot::rpImmediateRefresh);
        checkLegend(plot);
        checkLegendEntries(plot);
        checkTitles(plot);
        checkLabels(plot);
        if (QTest::currentTestFailed())
            return;
    }
    const int lossDrawing = window.curves()->lossPlot()->axisRect()->rect().height();
    QVERIFY2(lossDrawing >= kMinLossDrawing * scale,
             qPrintable(QStringLiteral("the loss plot's drawing is %1 px tall, less than %2")
                            .arg(lossDrawing)
                            .arg(kMinLossDrawing * scale)));
    const double share = double(map->axisRect()->rect().height()) / map->height();
    QVERIFY2(share >= kMinMapShare,
             qPrintable(QStringLiteral("the map takes %1 of the landscape plot's %2×%3 px")
                            .arg(share, 0, 'f', 2)
                            .arg(map->width())
                            .arg(map->height())));
}

QTEST_MAIN(TestPlotsReadable)
#include "tst_plots_readable.moc"
