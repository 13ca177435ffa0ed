// Tests of the analysis docks' layout in the explorer window, at the 1600×1000 and 1280×800
// window sizes and at normal and ×1.5 text: docked and raised, every dock shows its input fields
// at least as wide as their minimum size hint, and its plots' tick labels inside the plot and
// inside the part of the dock the user sees; the fine-tuning view's left plots widen with the
// window; every dock grows taller through QMainWindow::resizeDocks; every input of the control
// panel can be scrolled into sight, whole; the Diagnosis dock's text, wrapped at its width,
// fits the dock's visible height in English and Chinese in a model lesson.
#include "ui/main_window.h"

#include "tests/common/explorer_fixture.h"
#include "tests/common/main_window_waits.h"
#include "ui/controls/experiment_panel.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/explorer/diagnosis_panel.h"
#include "ui/language.h"
#include "ui/shell/user_dialogs.h"
#include "ui/theme.h"
#include "ui/views/finetune_view.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <algorithm>
#include <memory>

using namespace lrlab;

namespace {

/// The docks the explorer window has, by object name.
const char* const kDocks[] = {"diagnosisDock", "lrFinderDock", "sweepDock", "fineTuneDock",
                              "runsDock"};

const QSize kWindowSizes[] = {QSize(1600, 1000), QSize(1280, 800)};
const double kTextScales[] = {1.0, 1.5};

/// The part of widget's rectangle that its ancestors up to top do not clip, in top's coordinates.
QRect unclippedRect(const QWidget* widget, const QWidget* top)
{
    QRect rect = widget->rect();
    for (const QWidget* w = widget; w != top && w->parentWidget(); w = w->parentWidget())
        rect = rect.translated(w->pos()).intersected(w->parentWidget()->rect());
    return rect;
}

/// The size of a tick label as QCustomPlot draws it: a number in "eb" format ("1e-03") as a
/// power of ten with a smaller exponent ("10⁻³"), another text as it is.
QSize tickLabelSize(const QCPAxis* axis, const QString& label)
{
    const QFont font = axis->tickLabelFont();
    const qsizetype e = label.indexOf(QLatin1Char('e'));
    if (!axis->numberFormat().contains(QLatin1Char('b')) || e < 0)
        return QFontMetrics(font).boundingRect(QRect(), Qt::TextDontClip, label).size();
    QString base = label.left(e);
    base = base == QLatin1String("1") ? QStringLiteral("10") : base + QStringLiteral("·10");
    QString exponent = label.mid(e + 1);
    while (exponent.size() > 2 && exponent.at(1) == QLatin1Char('0'))
        exponent.remove(1, 1);
    if (exponent.startsWith(QLatin1Char('+')))
        exponent.remove(0, 1);
    QFont smaller = font;
    if (smaller.pointSize() > 0)
        smaller.setPointSize(int(smaller.pointSize() * 0.75));
    else
        smaller.setPixelSize(int(smaller.pixelSize() * 0.75));
    const QRect baseRect = QFontMetrics(font).boundingRect(QRect(), Qt::TextDontClip, base);
    const QRect expRect = QFontMetrics(smaller).boundingRect(QRect(), Qt::TextDontClip, exponent);
    return {baseRect.width() + expRect.width() + 2, baseRect.height()};
}

/// The rectangles (plot coordinates) the tick labels of axis take, from the axis rect's edge,
/// the tick length, the label padding and the label size.
QList<QRect> tickLabelRects(const QCPAxis* axis)
{
    QList<QRect> rects;
    if (!axis->visible() || !axis->tickLabels())
        return rects;
    const QRect inner = axis->axisRect()->rect();
    const int gap = axis->offset() + std::max(0, axis->tickLengthOut()) + axis->tickLabelPadding();
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    for (int i = 0; i < ticks.size() && i < labels.size(); ++i) {
        if (!axis->range().contains(ticks[i]) || labels[i].isEmpty())
            continue;
        const int at = qRound(axis->coordToPixel(ticks[i]));
        const QSize size = tickLabelSize(axis, labels[i]);
        QRect label(QPoint(0, 0), size);
        switch (axis->axisType()) {
        case QCPAxis::atBottom:
            label.moveTo(at - size.width() / 2, inner.bottom() + 1 + gap);
            break;
        case QCPAxis::atTop:
            label.moveTo(at - size.width() / 2, inner.top() - gap - size.height());
            break;
        case QCPAxis::atLeft:
            label.moveTo(inner.left() - gap - size.width(), at - size.height() / 2);
            break;
        case QCPAxis::atRight:
            label.moveTo(inner.right() + 1 + gap, at - size.height() / 2);
            break;
        }
        rects << label;
    }
    return rects;
}

/// Every input field of root that is shown.
QList<QWidget*> inputFields(QWidget* root)
{
    QList<QWidget*> fields;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        const bool input = qobject_cast<QLineEdit*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
                           qobject_cast<QComboBox*>(w);
        // A spin box's or combo box's own line edit is measured through its owner.
        const bool part =
            qobject_cast<QLineEdit*>(w) && (qobject_cast<QAbstractSpinBox*>(w->parentWidget()) ||
                                            qobject_cast<QComboBox*>(w->parentWidget()));
        if (input && !part && w->isVisibleTo(root))
            fields << w;
    }
    return fields;
}

/// Scrolls area (if it must) so that all of its (indirect) child w is in sight, or as much of
/// it as the viewport holds, top left first.
void scrollIntoView(QScrollArea* area, QWidget* w)
{
    const QRect rect(w->mapTo(area->widget(), QPoint(0, 0)), w->size());
    const auto scroll = [](QScrollBar* bar, int from, int to, int visible) {
        if (to > bar->value() + visible)
            bar->setValue(to - visible);
        if (from < bar->value())
            bar->setValue(from);
    };
    scroll(area->horizontalScrollBar(), rect.left(), rect.left() + rect.width(),
           area->viewport()->width());
    scroll(area->verticalScrollBar(), rect.top(), rect.top() + rect.height(),
           area->viewport()->height());
    QCoreApplication::processEvents();
}

/// The scroll area that w is (indirectly) the widget of, nearest first.
QScrollArea* enclosingScrollArea(QWidget* w)
{
    for (QWidget* p = w->parentWidget(); p; p = p->parentWidget())
        if (auto* area = qobject_cast<QScrollArea*>(p))
            return area;
    return nullptr;
}

} // namespace

class TestDockLayout : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void everyDockIsTested();
    void dockFieldsAreReadable_data();
    void dockFieldsAreReadable();
    void dockPlotLabelsAreInView_data();
    void dockPlotLabelsAreInView();
    void dockGrowsTaller_data();
    void dockGrowsTaller();
    void fineTuneLeftPlotsWiden_data();
    void fineTuneLeftPlotsWiden();
    void diagnosisTextFits_data();
    void diagnosisTextFits();
    void controlPanelInputsAreReachable_data();
    void controlPanelInputsAreReachable();

private:
    /// A shown explorer window of size at text scale, its first run finished and its docks
    /// at their first height.
    std::unique_ptr<MainWindow> openWindow(QSize size, double scale);
    /// The window's dock named name, docked, shown and raised, with its layout settled.
    QDockWidget* raiseDock(MainWindow& window, const QString& name);
    /// Rows window size × text scale.
    static void windowRows();
    /// Rows window size × text scale × dock.
    static void dockRows();

    std::unique_ptr<QTemporaryDir> m_home;
};

void TestDockLayout::initTestCase()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    test::useTemporaryHome(*m_home, QStringLiteral("tst_dock_layout"));
}

void TestDockLayout::cleanup()
{
    if (fontScale() != 1.0)
        setFontScale(1.0);
    if (currentLanguage() != QLatin1String("en"))
        installLanguage(QStringLiteral("en"));
}

void TestDockLayout::windowRows()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    for (const QSize size : kWindowSizes)
        for (const double scale : kTextScales)
            QTest::addRow("%dx%d text x%.1f", size.width(), size.height(), scale) << size << scale;
}

void TestDockLayout::dockRows()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QString>("dock");
    for (const QSize size : kWindowSizes)
        for (const double scale : kTextScales)
            for (const char* dock : kDocks)
                QTest::addRow("%dx%d text x%.1f %s", size.width(), size.height(), scale, dock)
                    << size << scale << QString::fromLatin1(dock);
}

std::unique_ptr<MainWindow> TestDockLayout::openWindow(QSize size, double scale)
{
    setFontScale(scale); // as LanguageController applies the stored scale before the window
    auto window = std::make_unique<MainWindow>();
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    if (!test::waitForLatest(*window))
        return nullptr;
    QTest::qWait(50); // the docks' first height is set once the window is laid out
    return window;
}

QDockWidget* TestDockLayout::raiseDock(MainWindow& window, const QString& name)
{
    auto* dock = window.findChild<QDockWidget*>(name);
    if (!dock)
        return nullptr;
    dock->setFloating(false);
    dock->show();
    dock->raise();
    QTest::qWait(20);
    QCoreApplication::processEvents();
    for (QCustomPlot* plot : dock->findChildren<QCustomPlot*>())
        plot->replot(QCustomPlot::rpImmediateRefresh);
    return dock;
}

void TestDockLayout::everyDockIsTested()
{
    MainWindow window;
    QStringList expected;
    for (const char* dock : kDocks)
        expected << QString::fromLatin1(dock);
    QStringList found;
    for (const QDockWidget* dock : window.findChildren<QDockWidget*>())
        found << dock->objectName();
    expected.sort();
    found.sort();
    QCOMPARE(found, expected);
}

void TestDockLayout::dockFieldsAreReadable_data()
{
    dockRows();
}

void TestDockLayout::dockFieldsAreReadable()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(QString, dock);
    const auto window = openWindow(size, scale);
    QVERIFY(window);
    QDockWidget* shown = raiseDock(*window, dock);
    QVERIFY(shown);
    QVERIFY(shown->isVisible());
    for (QWidget* field : inputFields(shown)) {
        const QString what = field->objectName() + QLatin1Char(' ') +
                             QString::fromLatin1(field->metaObject()->className());
        QVERIFY2(field->isVisible(), qPrintable(what));
        const QSize needed = field->minimumSizeHint();
        QVERIFY2(field->width() >= needed.width() && field->height() >= needed.height(),
                 qPrintable(QStringLiteral("%1: %2×%3 px, needs %4×%5")
                                .arg(what)
                                .arg(field->width())
                                .arg(field->height())
                                .arg(needed.width())
                                .arg(needed.height())));
    }
    // LRLAB_DOCK_SHOTS=<directory>: each row's window as a picture, to look at.
    const QString shots = qEnvironmentVariable("LRLAB_DOCK_SHOTS");
    if (!shots.isEmpty())
        window->grab().save(shots + QLatin1Char('/') +
                            QString::fromLatin1(QTest::currentDataTag()).replace(' ', '_') +
                            QStringLiteral(".png"));
}

void TestDockLayout::dockPlotLabelsAreInView_data()
{
    dockRows();
}

void TestDockLayout::dockPlotLabelsAreInView()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(QString, dock);
    const auto window = openWindow(size, scale);
    QVERIFY(window);
    QDockWidget* shown = raiseDock(*window, dock);
    QVERIFY(shown);
    QStringList problems;
    for (QCustomPlot* plot : shown->findChildren<QCustomPlot*>()) {
        if (!plot->isVisible())
            continue;
        // Scrolled to the plot if the dock scrolls: the whole plot, labels and all, in sight.
        for (QScrollArea* area = enclosingScrollArea(plot); area; area = enclosingScrollArea(area))
            scrollIntoView(area, plot);
        const QRect seen = unclippedRect(plot, shown);
        const QPoint origin = plot->mapTo(shown, QPoint(0, 0));
        int labels = 0;
        for (QCPAxisRect* axisRect : plot->axisRects()) {
            if (axisRect->rect().width() <= 40 || axisRect->rect().height() <= 40)
                problems << QStringLiteral("%1: data area %2×%3")
                                .arg(plot->objectName())
                                .arg(axisRect->rect().width())
                                .arg(axisRect->rect().height());
            for (QCPAxis* axis : axisRect->axes()) {
                for (const QRect& label : tickLabelRects(axis)) {
                    ++labels;
                    if (!plot->rect().contains(label))
                        problems << QStringLiteral("%1: a tick label of axis %2 at %3,%4 "
                                                   "outside the %5×%6 plot")
                                        .arg(plot->objectName())
                                        .arg(axis->axisType())
                                        .arg(label.x())
                                        .arg(label.y())
                                        .arg(plot->width())
                                        .arg(plot->height());
                    else if (!seen.contains(label.translated(origin)))
                        problems << QStringLiteral("%1: a tick label of axis %2 out of view")
                                        .arg(plot->objectName())
                                        .arg(axis->axisType());
                }
            }
        }
        if (labels == 0)
            problems << plot->objectName() + QStringLiteral(": no tick labels");
    }
    problems.removeDuplicates();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

void TestDockLayout::dockGrowsTaller_data()
{
    dockRows();
}

void TestDockLayout::dockGrowsTaller()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(QString, dock);
    const auto window = openWindow(size, scale);
    QVERIFY(window);
    QDockWidget* shown = raiseDock(*window, dock);
    QVERIFY(shown);
    // resizeDocks sizes the tab group: its tab bar takes part of the height asked for.
    int tabs = 0;
    for (const QTabBar* bar : window->findChildren<QTabBar*>(Qt::FindDirectChildrenOnly))
        if (bar->isVisible())
            tabs = std::max(tabs, bar->height());
    const int before = shown->height();
    const int wanted = before + 150;
    window->resizeDocks({shown}, {wanted}, Qt::Vertical);
    QCoreApplication::processEvents();
    QVERIFY2(shown->height() >= wanted - tabs - 4,
             qPrintable(QStringLiteral("%1 px → %2 px, asked %3 with a %4 px tab bar")
                            .arg(before)
                            .arg(shown->height())
                            .arg(wanted)
                            .arg(tabs)));
}

void TestDockLayout::diagnosisTextFits_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QString>("language");
    for (const QSize size : kWindowSizes)
        for (const double scale : kTextScales)
            for (const char* language : {"en", "zh_CN"})
                QTest::addRow("%dx%d text x%.1f %s", size.width(), size.height(), scale, language)
                    << size << scale << QString::fromLatin1(language);
    // A model lesson: the curves column holds three plots, the evidence is long.
}

void TestDockLayout::diagnosisTextFits()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(QString, language);
    QVERIFY(installLanguage(language));
    const auto window = openWindow(size, scale);
    QVERIFY(window);
    QVERIFY(
        test::loadLessonAndWait(*window, QStringLiteral("overfitting-and-weight-decay"), 240000));
    QTest::qWait(50); // queued replots and dock sizes settle
    QDockWidget* dock = raiseDock(*window, QStringLiteral("diagnosisDock"));
    QVERIFY(dock);
    auto* panel = dock->findChild<DiagnosisPanel*>();
    auto* area = dock->findChild<QScrollArea*>();
    QVERIFY(panel && area);
    QVERIFY2(!panel->diagnosisName().isEmpty(), "the first run shows a diagnosis");
    // The labels' text wrapped at their width, with the layout's margins and spacing.
    const QMargins margins = panel->layout()->contentsMargins();
    int needed = margins.top() + margins.bottom();
    int shown = 0;
    for (const QLabel* label : panel->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const int width =
            label->width() - label->contentsMargins().left() - label->contentsMargins().right();
        const int flags = label->wordWrap() ? Qt::TextWordWrap : 0;
        needed += QFontMetrics(label->font())
                      .boundingRect(QRect(0, 0, width, 100000), flags, label->text())
                      .height();
        ++shown;
    }
    needed += (shown - 1) * panel->layout()->spacing();
    const int visible = area->viewport()->height();
    QVERIFY2(needed <= visible,
             qPrintable(QStringLiteral("the diagnosis needs %1 px, the dock shows %2 px")
                            .arg(needed)
                            .arg(visible)));
}

void TestDockLayout::fineTuneLeftPlotsWiden_data()
{
    windowRows();
}

void TestDockLayout::fineTuneLeftPlotsWiden()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    const auto window = openWindow(size - QSize(300, 0), scale);
    QVERIFY(window);
    QVERIFY(raiseDock(*window, QStringLiteral("fineTuneDock")));
    FineTuneView* view = window->docks()->fineTune();
    QCustomPlot* left[] = {view->accuracyPlot(), view->runPlot()};
    const int before[] = {left[0]->width(), left[1]->width()};
    window->resize(size);
    QTest::qWait(20);
    QCoreApplication::processEvents();
    QStringList problems;
    for (int i = 0; i < 2; ++i)
        if (left[i]->width() < before[i] + 100)
            problems << QStringLiteral("%1: %2 px → %3 px with the window 300 px wider")
                            .arg(left[i]->objectName())
                            .arg(before[i])
                            .arg(left[i]->width());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
}

void TestDockLayout::controlPanelInputsAreReachable_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::addColumn<bool>("whileShown");
    for (const QSize size : kWindowSizes) {
        for (const double scale : kTextScales)
            QTest::addRow("%dx%d text x%.1f", size.width(), size.height(), scale)
                << size << scale << false;
        QTest::addRow("%dx%d text x1.5 while shown", size.width(), size.height())
            << size << 1.5 << true;
    }
}

void TestDockLayout::controlPanelInputsAreReachable()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(bool, whileShown);
    const auto window = openWindow(size, whileShown ? 1.0 : scale);
    QVERIFY(window);
    if (whileShown) { // View ▸ Larger text
        setFontScale(scale);
        QTest::qWait(20);
    }
    QWidget* panel = window->controls();
    QScrollArea* area = enclosingScrollArea(panel);
    QVERIFY(area);
    QCOMPARE(area->widget(), panel);
    const QList<QWidget*> fields = inputFields(panel);
    QVERIFY(fields.size() >= 3);
    for (QWidget* field : fields) {
        scrollIntoView(area, field);
        const QRect inViewport(field->mapTo(area->viewport(), QPoint(0, 0)), field->size());
        QVERIFY2(unclippedRect(field, area->viewport()) == inViewport,
                 qPrintable(QStringLiteral("%1 at %2,%3 (%4×%5) not inside the %6×%7 viewport")
                                .arg(field->objectName())
                                .arg(inViewport.x())
                                .arg(inViewport.y())
                                .arg(inViewport.width())
                                .arg(inViewport.height())
                                .arg(area->viewport()->width())
                                .arg(area->viewport()->height())));
        QVERIFY2(area->isVisible() && field->isVisible(), qPrintable(field->objectName()));
        const QSize needed =
            field->minimumSize().expandedTo(QSize(1, field->minimumSizeHint().height()));
        QVERIFY2(field->width() >= needed.width() && field->height() >= needed.height(),
                 qPrintable(QStringLiteral("%1: %2×%3 px, needs %4×%5")
                                .arg(field->objectName())
                                .arg(field->width())
                                .arg(field->height())
                                .arg(needed.width())
                                .arg(needed.height())));
    }
}

int main(int argc, char** argv)
{
    // A screen larger than both window sizes, whatever QT_QPA_PLATFORM the test runs under,
    // except xcb (to look at it: xvfb-run -a -s "-screen 0 1920x1200x24" with
    // QT_QPA_PLATFORM=xcb and LRLAB_DOCK_SHOTS).
    QTemporaryDir configDir;
    const QString configPath = configDir.filePath(QStringLiteral("screens.json"));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(configPath));
    config.write(R"({"screens": [{"name": "wide", "x": 0, "y": 0, "width": 1920,
                                  "height": 1200, "logicalDpi": 96, "dpr": 1}]})");
    config.close();
    if (!qEnvironmentVariable("QT_QPA_PLATFORM").startsWith(QLatin1String("xcb")))
        qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + configPath.toLocal8Bit());
    QApplication app(argc, argv);
    TestDockLayout test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_dock_layout.moc"
