// Tests of the window's shell: the run-time language
// switch (texts change, the experiment and the pins survive), the themes on the plots, the
// settings round trip, the start page, the Fine-tuning tab, the text size and keyboard access.
#include "core/config/lesson.h"
#include "tests/common/isolated_settings.h"
#include "tests/common/nearly_equal.h"
#include "ui/compare/pinned_runs.h"
#include "ui/controls/experiment_panel.h"
#include "ui/controls/learning_rate_control.h"
#include "ui/experiment_model.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/landscape_view.h"
#include "ui/explorer/run_controller.h"
#include "ui/language.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/main_window.h"
#include "ui/shell/help_menu.h"
#include "ui/shell/text_size_actions.h"
#include "ui/shell/theme_menu.h"
#include "ui/shell/window_settings.h"
#include "ui/theme.h"
#include "ui/views/finetune_view.h"
#include "ui/views/start_page.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <memory>

using lrlab::test::nearlyEqual;

namespace {

/// The titles of the window's top-level menus.
QStringList menuTitles(lrlab::MainWindow& window)
{
    QStringList titles;
    for (QAction* action : window.menuBar()->actions())
        if (action->menu() != nullptr)
            titles << action->text();
    return titles;
}

bool containsHan(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

/// Lightness (0..255) of the plot's own background, rendered.
int backgroundLightness(QCustomPlot* plot)
{
    const QImage image = plot->toPixmap(300, 200).toImage();
    return QColor(image.pixel(1, 1)).lightness();
}

bool waitForRun(lrlab::MainWindow& window)
{
    return QTest::qWaitFor(
        [&] { return window.runs()->currentRecord() != nullptr && !window.runs()->isBusy(); },
        20000);
}

} // namespace

class TestShell : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void switchingLanguageChangesTexts();
    void stateSurvivesLanguageSwitch();
    void themeChangesPlotBackgrounds();
    void settingsRoundTrip();
    void storedSettingsApplyAtStart();
    void firstSentence_data();
    void firstSentence();
    void startPageListsEveryLesson();
    void startPageLoadsLesson_data();
    void startPageLoadsLesson();
    void fineTuningTabExists();
    void largerTextScalesFonts();
    void everyControlTeaches();
    void controlPanelReachableByKeyboard();

private:
    std::unique_ptr<lrlab::test::IsolatedSettings> m_settings;
};

void TestShell::initTestCase()
{
    m_settings = std::make_unique<lrlab::test::IsolatedSettings>();
    QVERIFY(m_settings->isValid());
}

void TestShell::init()
{
    QSettings(QStringLiteral("lrlab"), QStringLiteral("lrlab")).clear();
    lrlab::installLanguage(QStringLiteral("en"));
}

void TestShell::cleanup()
{
    lrlab::installLanguage(QStringLiteral("en"));
    if (lrlab::applicationTheme() != lrlab::Theme::Light)
        lrlab::setApplicationTheme(lrlab::Theme::Light);
    if (lrlab::fontScale() != 1.0)
        lrlab::setFontScale(1.0);
}

void TestShell::switchingLanguageChangesTexts()
{
    QSettings(QStringLiteral("lrlab"), QStringLiteral("lrlab"))
        .setValue(QStringLiteral("language"), QStringLiteral("en"));
    lrlab::LanguageController controller;
    lrlab::MainWindow* english = controller.start(false);
    QVERIFY(english != nullptr);
    QVERIFY(menuTitles(*english).contains(QStringLiteral("&View")));
    QVERIFY(menuTitles(*english).contains(QStringLiteral("&Help")));
    QVERIFY(!containsHan(english->windowTitle()));

    QSignalSpy changed(&controller, &lrlab::LanguageController::languageChanged);
    controller.setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(changed.count(), 1);
    lrlab::MainWindow* chinese = controller.window();
    QCOMPARE(chinese, english); // translated in place
    QCOMPARE(lrlab::currentLanguage(), QStringLiteral("zh_CN"));
    // The translator's own text for the View and Help menus, and it is Chinese.
    const QString view = QCoreApplication::translate("lrlab::MainWindow", "&View");
    const QString help = QCoreApplication::translate("lrlab::MainWindow", "&Help");
    QVERIFY(containsHan(view));
    QVERIFY(containsHan(help));
    QVERIFY(menuTitles(*chinese).contains(view));
    QVERIFY(menuTitles(*chinese).contains(help));
    QVERIFY(!menuTitles(*chinese).contains(QStringLiteral("&View")));
    QVERIFY(containsHan(chinese->windowTitle()));
    QCOMPARE(QSettings(QStringLiteral("lrlab"), QStringLiteral("lrlab"))
                 .value(QStringLiteral("language"))
                 .toString(),
             QStringLiteral("zh_CN"));

    // The View ▸ Language entry asks for English; the window follows in place again.
    QAction* toEnglish = chinese->findChild<QAction*>(QStringLiteral("language_en"));
    QVERIFY(toEnglish != nullptr);
    toEnglish->trigger();
    QTRY_COMPARE(changed.count(), 2);
    QCOMPARE(controller.window(), chinese);
    QVERIFY(menuTitles(*controller.window()).contains(QStringLiteral("&View")));
    QVERIFY(!containsHan(controller.window()->windowTitle()));
}

void TestShell::stateSurvivesLanguageSwitch()
{
    lrlab::LanguageController controller;
    lrlab::MainWindow* window = controller.start(false);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->setGeometry(QRect(40, 50, 1300, 850));
    QVERIFY(waitForRun(*window));
    window->controls()->learningRateControl()->setLearningRate(2.5e-4);
    QTRY_VERIFY_WITH_TIMEOUT(
        nearlyEqual(window->runs()->currentRecord()->config.schedule.learningRate, 2.5e-4) &&
            !window->runs()->isBusy(),
        20000);
    window->pinCurrent();
    window->controls()->learningRateControl()->setLearningRate(1e-3);
    QTRY_VERIFY_WITH_TIMEOUT(
        nearlyEqual(window->runs()->currentRecord()->config.schedule.learningRate, 1e-3) &&
            !window->runs()->isBusy(),
        20000);
    window->pinCurrent();
    QCOMPARE(window->pinnedRuns()->pinnedCount(), 2);
    const QSize size = window->size();
    const std::string problem = window->model()->config().problem.type;

    controller.setLanguage(QStringLiteral("zh_CN"));
    lrlab::MainWindow* rebuilt = controller.window();
    QCOMPARE(rebuilt, window); // translated in place
    QVERIFY(rebuilt->isVisible());
    QCOMPARE(rebuilt->size(), size);
    QVERIFY(nearlyEqual(rebuilt->model()->config().schedule.learningRate, 1e-3));
    QTRY_COMPARE_WITH_TIMEOUT(rebuilt->pinnedRuns()->pinnedCount(), 2, 30000);
    const auto& pins = rebuilt->pinnedRuns()->pinned();
    QVERIFY(nearlyEqual(pins[0].record->config.schedule.learningRate, 2.5e-4));
    QVERIFY(nearlyEqual(pins[1].record->config.schedule.learningRate, 1e-3));
    QCOMPARE(pins[0].record->config.problem.type, problem);
}

void TestShell::themeChangesPlotBackgrounds()
{
    lrlab::MainWindow window;
    const QList<QCustomPlot*> plots = window.findChildren<QCustomPlot*>();
    QVERIFY(plots.size() >= 8); // the explorer's four, the views' own
    for (QCustomPlot* plot : plots)
        QVERIFY2(backgroundLightness(plot) > 200, qPrintable(plot->objectName()));
    // A neutral pen (the start marker's black outline) and a data colour (the schedule's green).
    QCPGraph* start = window.landscapeView()->plot()->graph(0);
    const QColor outline = start->scatterStyle().pen().color();
    const QColor schedule = window.curves()->scheduleGraph()->pen().color();
    QCOMPARE(outline.lightness(), 0);

    window.themeMenu()->setDarkTheme(true);
    QCOMPARE(lrlab::applicationTheme(), lrlab::Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    for (QCustomPlot* plot : plots) {
        QVERIFY2(backgroundLightness(plot) < 60, qPrintable(plot->objectName()));
        QVERIFY(plot->xAxis->tickLabelColor().lightness() > 180); // readable on dark
    }
    QVERIFY(start->scatterStyle().pen().color().lightness() > 200);
    QCOMPARE(window.curves()->scheduleGraph()->pen().color(), schedule); // data colours stay
    QCOMPARE(QSettings(QStringLiteral("lrlab"), QStringLiteral("lrlab"))
                 .value(QStringLiteral("theme"))
                 .toString(),
             QStringLiteral("dark"));

    window.themeMenu()->setDarkTheme(false);
    for (QCustomPlot* plot : plots)
        QVERIFY2(backgroundLightness(plot) > 200, qPrintable(plot->objectName()));
    QCOMPARE(start->scatterStyle().pen().color(), outline); // the original, exactly
    QCOMPARE(window.curves()->scheduleGraph()->pen().color(), schedule);
}

void TestShell::settingsRoundTrip()
{
    QRect geometry;
    {
        lrlab::MainWindow first;
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        // Above the window's minimum size (the control column and the plots' minima).
        const QSize wanted = first.minimumSizeHint().expandedTo(QSize(1000, 700)) + QSize(97, 53);
        first.setGeometry(QRect(QPoint(30, 40), wanted));
        QTRY_COMPARE(first.size(), wanted);
        first.findChild<QDockWidget*>(QStringLiteral("sweepDock"))->hide();
        geometry = first.geometry();
        first.windowSettings()->save();
    }
    lrlab::MainWindow second;
    QVERIFY(second.findChild<QDockWidget*>(QStringLiteral("sweepDock"))->isVisibleTo(&second));
    QVERIFY(second.windowSettings()->restore());
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QTRY_COMPARE(second.size(), geometry.size());
    QVERIFY(!second.findChild<QDockWidget*>(QStringLiteral("sweepDock"))->isVisible());
    QVERIFY(second.findChild<QDockWidget*>(QStringLiteral("lrFinderDock"))->isVisibleTo(&second));
}

void TestShell::storedSettingsApplyAtStart()
{
    {
        QSettings settings(QStringLiteral("lrlab"), QStringLiteral("lrlab"));
        settings.setValue(QStringLiteral("theme"), QStringLiteral("dark"));
        settings.setValue(QStringLiteral("fontScale"), 1.3);
        settings.setValue(QStringLiteral("language"), QStringLiteral("zh_CN"));
    }
    const double baseSize = QApplication::font().pointSizeF();
    lrlab::LanguageController controller;
    lrlab::MainWindow* window = controller.start(false);
    QCOMPARE(lrlab::applicationTheme(), lrlab::Theme::Dark);
    QCOMPARE(lrlab::currentLanguage(), QStringLiteral("zh_CN"));
    QVERIFY(nearlyEqual(QApplication::font().pointSizeF(), baseSize * 1.3, 1e-9));
    QVERIFY(backgroundLightness(window->curves()->lossPlot()) < 60);
    QVERIFY(window->findChild<QAction*>(QStringLiteral("themeDark"))->isChecked());
    QVERIFY(window->findChild<QAction*>(QStringLiteral("language_zh_CN"))->isChecked());
}

void TestShell::firstSentence_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two-sentences") << "Warmup helps. Then decay."
                                   << "Warmup helps.";
    QTest::newRow("decimal-point-is-no-end") << "It must stay below 2/10 = 0.2. At 0.001 it crawls."
                                             << "It must stay below 2/10 = 0.2.";
    QTest::newRow("question") << "  Too large? Then it diverges."
                              << "Too large?";
    QTest::newRow("chinese") << QStringLiteral("学习率必须小于 0.2。否则发散。")
                             << QStringLiteral("学习率必须小于 0.2。");
    QTest::newRow("no-stop") << "just one clause"
                             << "just one clause";
}

void TestShell::firstSentence()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(lrlab::firstSentence(text), expected);
}

void TestShell::startPageListsEveryLesson()
{
    const std::vector<lrlab::Lesson> lessons = lrlab::loadAllLessons();
    QVERIFY(lessons.size() >= 8);
    lrlab::MainWindow window;
    window.show();
    QVERIFY(window.helpMenu()->startPage() == nullptr);
    window.helpMenu()->showStartPage();
    lrlab::StartPage* page = window.helpMenu()->startPage();
    QVERIFY(page != nullptr);
    QVERIFY(page->isVisible());
    QCOMPARE(page->lessonButtons().size(), lessons.size());
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        QCOMPARE(page->lessonButtons()[i]->text(), lessons[i].titleIn(QStringLiteral("en")));
        const QString description = page->lessonButtons()[i]->description();
        QVERIFY(!description.isEmpty());
        QVERIFY(lessons[i].textIn(QStringLiteral("en")).startsWith(description));
    }
    QVERIFY(page->exploreButton() != nullptr);
    QVERIFY(QSettings(QStringLiteral("lrlab"), QStringLiteral("lrlab"))
                .value(QStringLiteral("startPageShown"))
                .toBool());
    QTest::mouseClick(page->exploreButton(), Qt::LeftButton);
    QVERIFY(!page->isVisible());

    // In Chinese the page shows the lessons' Chinese titles.
    lrlab::installLanguage(QStringLiteral("zh_CN"));
    lrlab::StartPage chinese(lessons, lrlab::currentLanguage());
    QCOMPARE(chinese.lessonButtons()[0]->text(), lessons[0].titleIn(QStringLiteral("zh_CN")));
    QVERIFY(containsHan(chinese.lessonButtons()[0]->text()));
    QVERIFY(containsHan(chinese.exploreButton()->text()) ||
            chinese.exploreButton()->text() == QStringLiteral("Explore freely"));
}

void TestShell::startPageLoadsLesson_data()
{
    QTest::addColumn<int>("index");
    const std::vector<lrlab::Lesson> lessons = lrlab::loadAllLessons();
    for (std::size_t i = 0; i < lessons.size(); ++i)
        QTest::newRow(qPrintable(lessons[i].id)) << static_cast<int>(i);
}

void TestShell::startPageLoadsLesson()
{
    QFETCH(int, index);
    const lrlab::Lesson lesson = lrlab::loadAllLessons()[static_cast<std::size_t>(index)];
    lrlab::MainWindow window;
    window.show();
    window.helpMenu()->showStartPage();
    QSignalSpy loaded(window.lessons(), &lrlab::LessonController::lessonLoaded);
    QTest::mouseClick(
        window.helpMenu()->startPage()->lessonButtons()[static_cast<std::size_t>(index)],
        Qt::LeftButton);
    QVERIFY(!window.helpMenu()->startPage()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window.model()->config().problem.type == lesson.config.problem.type &&
                                 nearlyEqual(window.model()->config().schedule.learningRate,
                                             lesson.config.schedule.learningRate),
                             20000);
    QCOMPARE(window.model()->config().optimizer.type, lesson.config.optimizer.type);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
    QCOMPARE(loaded.at(0).at(0).toString(), lesson.id);
}

void TestShell::fineTuningTabExists()
{
    lrlab::MainWindow window;
    QDockWidget* dock = window.docks()->fineTuneDock();
    QVERIFY(dock != nullptr);
    QVERIFY(window.docks()->fineTune() != nullptr);
    QVERIFY(dock->isAncestorOf(window.docks()->fineTune()));
    QCOMPARE(dock->windowTitle(), QStringLiteral("Fine-tuning"));
    QCOMPARE(window.dockWidgetArea(dock), Qt::BottomDockWidgetArea);
    auto* sweep = window.findChild<QDockWidget*>(QStringLiteral("sweepDock"));
    QVERIFY(window.tabifiedDockWidgets(sweep).contains(dock));
    // Reachable from the View menu.
    bool listed = false;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu() != nullptr && menu->menu()->actions().contains(dock->toggleViewAction()))
            listed = true;
    QVERIFY(listed);
}

void TestShell::largerTextScalesFonts()
{
    lrlab::MainWindow window;
    const double app = QApplication::font().pointSizeF();
    const double axis = window.curves()->lossPlot()->xAxis->labelFont().pointSizeF();
    const double ticks = window.landscapeView()->plot()->yAxis->tickLabelFont().pointSizeF();
    auto* diagnosis = window.findChild<QWidget*>(QStringLiteral("diagnosisLabel"));
    const double big = diagnosis->font().pointSizeF();
    QVERIFY(big > app); // it has its own, larger size

    window.findChild<QAction*>(QStringLiteral("largerText"))->trigger();
    QVERIFY(nearlyEqual(QApplication::font().pointSizeF(), app * 1.15, 1e-9));
    QVERIFY(nearlyEqual(window.curves()->lossPlot()->xAxis->labelFont().pointSizeF(), axis * 1.15,
                        1e-9));
    QVERIFY(nearlyEqual(window.landscapeView()->plot()->yAxis->tickLabelFont().pointSizeF(),
                        ticks * 1.15, 1e-9));
    QVERIFY(nearlyEqual(diagnosis->font().pointSizeF(), big * 1.15, 1e-9));
    window.textSize()->largerText();
    QVERIFY(nearlyEqual(QApplication::font().pointSizeF(), app * 1.15 * 1.15, 1e-9));
    QVERIFY(nearlyEqual(QSettings(QStringLiteral("lrlab"), QStringLiteral("lrlab"))
                            .value(QStringLiteral("fontScale"))
                            .toDouble(),
                        1.15 * 1.15, 1e-9));
    window.textSize()->smallerText();
    QVERIFY(nearlyEqual(window.curves()->lossPlot()->xAxis->labelFont().pointSizeF(), axis * 1.15,
                        1e-9));
    window.textSize()->normalText();
    QVERIFY(nearlyEqual(QApplication::font().pointSizeF(), app, 1e-9));
    QVERIFY(nearlyEqual(window.curves()->lossPlot()->xAxis->labelFont().pointSizeF(), axis, 1e-9));
    QVERIFY(nearlyEqual(diagnosis->font().pointSizeF(), big, 1e-9));
}

void TestShell::everyControlTeaches()
{
    lrlab::MainWindow window;
    QStringList missing;
    for (QWidget* widget : window.findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractSpinBox*>(widget) != nullptr ||
                             qobject_cast<QComboBox*>(widget) != nullptr ||
                             qobject_cast<QPushButton*>(widget) != nullptr ||
                             qobject_cast<QCheckBox*>(widget) != nullptr ||
                             (qobject_cast<QLineEdit*>(widget) != nullptr &&
                              qobject_cast<QAbstractSpinBox*>(widget->parentWidget()) == nullptr &&
                              qobject_cast<QComboBox*>(widget->parentWidget()) == nullptr) ||
                             (qobject_cast<QAbstractSlider*>(widget) != nullptr &&
                              qobject_cast<QScrollBar*>(widget) == nullptr);
        if (control && widget->toolTip().isEmpty())
            missing << QStringLiteral("%1 (%2)").arg(widget->objectName(),
                                                     widget->metaObject()->className());
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    for (QCustomPlot* plot : window.findChildren<QCustomPlot*>())
        QVERIFY2(!plot->accessibleName().isEmpty(), qPrintable(plot->objectName()));
    QCOMPARE(window.curves()->lossPlot()->accessibleName(), QStringLiteral("Loss against step"));
}

void TestShell::controlPanelReachableByKeyboard()
{
    lrlab::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* problem = window.findChild<QComboBox*>(QStringLiteral("problemCombo"));
    QWidget* panel = problem->parentWidget()->parentWidget(); // group box -> panel
    // Every visible, enabled control of the panel takes the keyboard focus by Tab and lies on
    // the window's focus chain.
    QSet<QWidget*> chain;
    QWidget* at = problem;
    for (int i = 0; i < 2000 && at != nullptr; ++i) {
        chain.insert(at);
        at = at->nextInFocusChain();
        if (at == problem)
            break;
    }
    QStringList unreachable;
    for (QWidget* widget : panel->findChildren<QWidget*>()) {
        const bool control = qobject_cast<QAbstractSpinBox*>(widget) != nullptr ||
                             qobject_cast<QComboBox*>(widget) != nullptr ||
                             qobject_cast<QAbstractButton*>(widget) != nullptr ||
                             qobject_cast<QAbstractSlider*>(widget) != nullptr;
        if (!control || !widget->isVisibleTo(&window) || !widget->isEnabled())
            continue;
        if ((widget->focusPolicy() & Qt::TabFocus) == 0 || !chain.contains(widget))
            unreachable << widget->objectName() + QLatin1Char(' ') +
                               widget->metaObject()->className();
    }
    QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(QStringLiteral(", "))));
}

QTEST_MAIN(TestShell)
#include "tst_shell.moc"
