// Tests of the shell's small parts without the explorer window: View ▸ Language asks for the
// other language only; View ▸ Theme applies and stores the theme; the text size steps and is
// stored; the window's geometry and docks survive a save and restore, and full screen is F11;
// Help puts its entries first, and its start page lists the lessons and loads the one chosen;
// the access pass names plots, adds missing tooltips and sets focus policies.
#include "ui/shell/accessibility.h"
#include "ui/shell/help_menu.h"
#include "ui/shell/language_menu.h"
#include "ui/shell/text_size_actions.h"
#include "ui/shell/theme_menu.h"
#include "ui/shell/window_settings.h"

#include "core/config/lesson.h"
#include "tests/common/explorer_fixture.h"
#include "tests/common/nearly_equal.h"
#include "ui/compare/pin_loader.h"
#include "ui/language.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/session/session_controller.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/user_dialogs.h"
#include "ui/theme.h"
#include "ui/views/start_page.h"

#include <QAction>
#include <QApplication>
#include <QCommandLinkButton>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using lrlab::test::nearlyEqual;

class TestViewSettings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void languageMenuRequestsOtherLanguage();
    void themeIsAppliedAndStored();
    void textSizeStepsAndIsStored();
    void windowSettingsRoundTrip();
    void helpMenuAndStartPage();
    void accessibilityPass();

private:
    QTemporaryDir m_home;
};

void TestViewSettings::initTestCase()
{
    QVERIFY(m_home.isValid());
    lrlab::test::useTemporaryHome(m_home, QStringLiteral("tst_view_settings"));
}

void TestViewSettings::init()
{
    lrlab::appSettings().clear();
    lrlab::installLanguage(QStringLiteral("en"));
}

void TestViewSettings::cleanup()
{
    if (lrlab::applicationTheme() != lrlab::Theme::Light)
        lrlab::setApplicationTheme(lrlab::Theme::Light);
    if (lrlab::fontScale() != 1.0)
        lrlab::setFontScale(1.0);
}

void TestViewSettings::languageMenuRequestsOtherLanguage()
{
    lrlab::LanguageMenu language;
    QMenu view;
    QMenu* menu = language.addTo(&view);
    QCOMPARE(menu->objectName(), QStringLiteral("languageMenu"));
    QVERIFY(view.actions().contains(menu->menuAction()));
    auto* english = menu->findChild<QAction*>(QStringLiteral("language_en"));
    auto* chinese = menu->findChild<QAction*>(QStringLiteral("language_zh_CN"));
    QVERIFY(english && chinese);
    QVERIFY(english->isChecked());
    QCOMPARE(chinese->text(), QStringLiteral("简体中文"));
    QSignalSpy requested(&language, &lrlab::LanguageMenu::languageRequested);
    english->trigger();
    QCOMPARE(requested.count(), 0);
    chinese->trigger();
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.first().first().toString(), QStringLiteral("zh_CN"));
}

void TestViewSettings::themeIsAppliedAndStored()
{
    lrlab::ThemeMenu theme;
    QMenu view;
    QMenu* menu = theme.addTo(&view);
    QCOMPARE(menu->objectName(), QStringLiteral("themeMenu"));
    auto* light = menu->findChild<QAction*>(QStringLiteral("themeLight"));
    auto* dark = menu->findChild<QAction*>(QStringLiteral("themeDark"));
    QVERIFY(light && dark && light->isChecked());

    dark->trigger();
    QCOMPARE(lrlab::applicationTheme(), lrlab::Theme::Dark);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(lrlab::appSettings().value(QStringLiteral("theme")).toString(),
             QStringLiteral("dark"));
    theme.setDarkTheme(false);
    QCOMPARE(lrlab::applicationTheme(), lrlab::Theme::Light);
    QVERIFY(light->isChecked());
    QCOMPARE(lrlab::appSettings().value(QStringLiteral("theme")).toString(),
             QStringLiteral("light"));
}

void TestViewSettings::textSizeStepsAndIsStored()
{
    lrlab::TextSizeActions text;
    QMenu view;
    text.addTo(&view);
    const double base = QApplication::font().pointSizeF();
    auto* larger = view.findChild<QAction*>(QStringLiteral("largerText"));
    QVERIFY(larger && view.findChild<QAction*>(QStringLiteral("smallerText")) &&
            view.findChild<QAction*>(QStringLiteral("normalText")));
    QCOMPARE(larger->shortcut(), QKeySequence(QKeySequence::ZoomIn));
    larger->trigger();
    text.largerText();
    QVERIFY(nearlyEqual(QApplication::font().pointSizeF(), base * 1.15 * 1.15, 1e-9));
    QVERIFY(nearlyEqual(lrlab::appSettings().value(QStringLiteral("fontScale")).toDouble(),
                        1.15 * 1.15, 1e-9));
    text.smallerText();
    QVERIFY(nearlyEqual(lrlab::fontScale(), 1.15, 1e-9));
    text.normalText();
    QVERIFY(nearlyEqual(QApplication::font().pointSizeF(), base, 1e-9));
    QCOMPARE(lrlab::appSettings().value(QStringLiteral("fontScale")).toDouble(), 1.0);
}

void TestViewSettings::windowSettingsRoundTrip()
{
    const auto build = [](QMainWindow& window) {
        window.setCentralWidget(new QWidget);
        for (const char* name : {"sweepDock", "lrFinderDock"}) {
            auto* dock = new QDockWidget(&window);
            dock->setObjectName(QString::fromLatin1(name));
            dock->setWidget(new QWidget);
            window.addDockWidget(Qt::BottomDockWidgetArea, dock);
        }
    };
    QSize size;
    {
        QMainWindow first;
        build(first);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        first.resize(first.minimumSizeHint().expandedTo(QSize(700, 500)) + QSize(37, 23));
        QTRY_VERIFY(first.size().width() > 700);
        first.findChild<QDockWidget*>(QStringLiteral("sweepDock"))->hide();
        size = first.size();
        lrlab::WindowSettings settings(&first);
        settings.save();
    }
    QMainWindow second;
    build(second);
    lrlab::WindowSettings settings(&second);
    QMenu view;
    settings.addFullScreenAction(&view);
    auto* fullScreen = view.findChild<QAction*>(QStringLiteral("fullScreen"));
    QVERIFY(fullScreen && fullScreen->isCheckable());
    QCOMPARE(fullScreen->shortcut(), QKeySequence(Qt::Key_F11));
    QVERIFY(settings.restore());
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QTRY_COMPARE(second.size(), size);
    QVERIFY(!second.findChild<QDockWidget*>(QStringLiteral("sweepDock"))->isVisible());
    QVERIFY(second.findChild<QDockWidget*>(QStringLiteral("lrFinderDock"))->isVisible());
}

void TestViewSettings::helpMenuAndStartPage()
{
    lrlab::test::ControllersFixture controllers;
    lrlab::test::ExplorerFixture& explorer = controllers.explorer;
    lrlab::LessonController& lessons = controllers.lessons;
    lrlab::HelpMenu help(&explorer.window, &lessons);
    QMenu menu;
    QAction* about = menu.addAction(QStringLiteral("About"));
    help.addTo(&menu);
    QCOMPARE(menu.actions().size(), 4);
    QCOMPARE(menu.actions().at(0)->objectName(), QStringLiteral("helpGuide"));
    QCOMPARE(menu.actions().at(0)->shortcut(), QKeySequence(QKeySequence::HelpContents));
    QCOMPARE(menu.actions().at(1)->objectName(), QStringLiteral("startPageAction"));
    QVERIFY(menu.actions().at(2)->isSeparator());
    QCOMPARE(menu.actions().at(3), about);

    explorer.window.show();
    QVERIFY(help.startPage() == nullptr);
    menu.actions().at(1)->trigger();
    lrlab::StartPage* page = help.startPage();
    QVERIFY(page && page->isVisible());
    QCOMPARE(page->lessonButtons().size(), lrlab::lessonFiles().size());
    QVERIFY(lrlab::appSettings().value(QStringLiteral("startPageShown")).toBool());

    QSignalSpy loaded(&lessons, &lrlab::LessonController::lessonLoaded);
    QTest::mouseClick(page->lessonButtons().front(), Qt::LeftButton);
    QVERIFY(!page->isVisible());
    QCOMPARE(lessons.currentLessonId(), page->lessons().front().id);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
}

void TestViewSettings::accessibilityPass()
{
    QMainWindow window;
    auto* central = new QWidget;
    auto* named = new QCustomPlot(central);
    named->setObjectName(QStringLiteral("lossPlot"));
    auto* titled = new QCustomPlot(central);
    titled->plotLayout()->insertRow(0);
    titled->plotLayout()->addElement(0, 0, new QCPTextElement(titled, QStringLiteral("Sweep")));
    titled->setToolTip(QStringLiteral("Final loss against the learning rate."));
    auto* plain = new QCustomPlot(central);
    auto* cancel = new QPushButton(central);
    cancel->setObjectName(QStringLiteral("finderCancel"));
    window.setCentralWidget(central);
    auto* dock = new QDockWidget(&window);
    auto* scroll = new QScrollArea;
    dock->setWidget(scroll);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);

    lrlab::Accessibility::apply(&window);
    QCOMPARE(named->accessibleName(), QStringLiteral("Loss against step"));
    QCOMPARE(titled->accessibleName(), QStringLiteral("Sweep"));
    QCOMPARE(titled->accessibleDescription(), titled->toolTip());
    QCOMPARE(plain->accessibleName(), QStringLiteral("Plot"));
    QVERIFY(!cancel->toolTip().isEmpty());
    QCOMPARE(scroll->focusPolicy(), Qt::NoFocus);
    QCOMPARE(dock->focusProxy(), scroll);
}

QTEST_MAIN(TestViewSettings)
#include "tst_view_settings.moc"
