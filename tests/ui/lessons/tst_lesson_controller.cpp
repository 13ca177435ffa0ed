// Tests of LessonController around a plain QMainWindow (no explorer window): a lesson opens in
// the language the language switch stored (English and Chinese: panel, labels, menu), puts its
// config into the model and its compare runs into the pins with its labels, starts an untitled
// unmodified session, asks about unsaved changes when chosen from the menu, starts the LR finder
// when its view asks for it, and its panel can be dismissed.
#include "ui/lessons/lesson_controller.h"

#include "core/config/config_json.h"
#include "tests/common/explorer_fixture.h"
#include "ui/compare/pin_loader.h"
#include "ui/session/session_controller.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/user_dialogs.h"
#include "ui/views/lr_finder_view.h"

#include <QAction>
#include <QDir>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using lrlab::LessonController;

namespace {

constexpr int kTimeoutMs = 60000;
const QString kFirstLesson = QStringLiteral("lr-too-large-small-right");

using Explorer = lrlab::test::ControllersFixture;

bool containsHan(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

} // namespace

class TestLessonController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void lessonOpensInStoredLanguage_data();
    void lessonOpensInStoredLanguage();
    void lessonIsAFreshSession();
    void menuAsksAboutUnsavedChanges();
    void finderLessonStartsTheFinder();
    void panelIsDismissible();

private:
    QTemporaryDir m_home;
};

void TestLessonController::initTestCase()
{
    QVERIFY(m_home.isValid());
    lrlab::test::useTemporaryHome(m_home, QStringLiteral("tst_lesson_controller"));
}

void TestLessonController::lessonOpensInStoredLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("english") << "en";
    QTest::newRow("chinese") << "zh_CN";
}

void TestLessonController::lessonOpensInStoredLanguage()
{
    QFETCH(QString, language);
    // The key the language switch (View ▸ Language, LanguageController) writes.
    lrlab::appSettings().setValue(QStringLiteral("language"), language);
    Explorer e;
    QCOMPARE(e.lessons.lessonLanguage(), language);
    const lrlab::Lesson* lesson = e.lessons.findLesson(kFirstLesson);
    QVERIFY(lesson);

    QSignalSpy loaded(&e.lessons, &LessonController::lessonLoaded);
    QVERIFY(e.lessons.loadLessonById(kFirstLesson));
    const QString text = e.lessons.lessonPanelText();
    QVERIFY(text.contains(lesson->title.value(language)));
    QVERIFY(text.contains(lesson->text.value(language)));
    QCOMPARE(containsHan(text), language == QLatin1String("zh_CN"));

    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QCOMPARE(loaded.first().first().toString(), kFirstLesson);
    const auto& pinned = e.explorer.pins.pinned();
    QCOMPARE(pinned.size(), lesson->compare.size());
    for (std::size_t i = 0; i < pinned.size(); ++i)
        QCOMPARE(pinned[i].label, lesson->compare[i].label.value(language));

    QMenu menu;
    e.lessons.addToMenu(&menu);
    auto* action = e.lessons.findChild<QAction*>(QStringLiteral("lesson_") + kFirstLesson);
    QVERIFY(action && menu.actions().contains(action));
    QCOMPARE(action->text().remove(QLatin1Char('&')),
             QStringLiteral("1. ") + lesson->title.value(language));
}

void TestLessonController::lessonIsAFreshSession()
{
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    Explorer e;
    QTemporaryDir dir;
    QVERIFY(e.sessions.saveSessionFile(dir.filePath(QStringLiteral("before.lrlab.json"))));
    const lrlab::Lesson lesson = *e.lessons.findLesson(QStringLiteral("momentum-in-a-ravine"));
    QSignalSpy loaded(&e.lessons, &LessonController::lessonLoaded);
    e.lessons.loadLesson(lesson);
    // The config at once, surface parameters included (the model names the default start).
    lrlab::RunConfig expected = lesson.config;
    QVERIFY(expected.init.empty());
    expected.init = e.explorer.model.config().init;
    QCOMPARE(expected.init.size(), std::size_t(2));
    QCOMPARE(lrlab::runConfigToJson(e.explorer.model.config()), lrlab::runConfigToJson(expected));
    QVERIFY(e.sessions.sessionPath().isEmpty());
    QVERIFY(!e.sessions.isSessionModified());
    QCOMPARE(e.lessons.currentLessonId(), lesson.id);
    QCOMPARE(e.sessions.captureSession().view.value(QStringLiteral("lesson")).toString(),
             lesson.id);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QVERIFY(!e.sessions.isSessionModified());
    const auto runs = lesson.runs(QStringLiteral("en"));
    QCOMPARE(e.explorer.pins.pinned().size(), runs.size());
    for (std::size_t i = 0; i < runs.size(); ++i)
        QCOMPARE(lrlab::runConfigToJson(e.explorer.pins.pinned()[i].record->config),
                 lrlab::runConfigToJson(runs[i].second));
}

void TestLessonController::menuAsksAboutUnsavedChanges()
{
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    Explorer e;
    QMenu menu;
    menu.addAction(QStringLiteral("Default lesson"));
    e.lessons.addToMenu(&menu);
    QCOMPARE(menu.actions().size(), 2 + static_cast<int>(e.lessons.lessons().size()));
    QVERIFY(menu.actions().at(1)->isSeparator());
    e.explorer.model.setLearningRate(2e-3);
    QVERIFY(e.sessions.isSessionModified());

    auto* action = e.lessons.findChild<QAction*>(QStringLiteral("lesson_") + kFirstLesson);
    QVERIFY(action);
    e.dialogs.setModalDialogsEnabled(false, lrlab::UnsavedAnswer::Cancel);
    action->trigger();
    QVERIFY(e.lessons.currentLessonId().isEmpty());
    QCOMPARE(e.explorer.model.config().schedule.learningRate, 2e-3);

    e.dialogs.setModalDialogsEnabled(false, lrlab::UnsavedAnswer::Discard);
    action->trigger();
    QCOMPARE(e.lessons.currentLessonId(), kFirstLesson);
    QCOMPARE(e.explorer.model.config().schedule.learningRate,
             e.lessons.findLesson(kFirstLesson)->config.schedule.learningRate);
}

void TestLessonController::finderLessonStartsTheFinder()
{
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    Explorer e;
    const lrlab::Lesson* lesson = e.lessons.findLesson(QStringLiteral("lr-finder-on-digits"));
    QVERIFY(lesson);
    lrlab::LrFinderView* finder = e.explorer.docks->finder();
    QSignalSpy started(finder, &lrlab::LrFinderView::started);
    e.lessons.loadLesson(*lesson);
    QCOMPARE(started.count(), 1);
    QVERIFY(finder->isRunning());
    QCOMPARE(finder->options().iterations,
             lesson->view.value(QStringLiteral("iterations")).toInt());
    QCOMPARE(finder->options().startLr, lesson->view.value(QStringLiteral("start_lr")).toDouble());
    QCOMPARE(finder->options().endLr, lesson->view.value(QStringLiteral("end_lr")).toDouble());
    QCOMPARE(finder->config().problem.type, std::string("mlp"));
    QCOMPARE(e.explorer.docks->activeTab(), QStringLiteral("lr_finder"));
    finder->cancel();
}

void TestLessonController::panelIsDismissible()
{
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    Explorer e;
    QWidget* panel = e.lessons.panel();
    QVERIFY(panel && !panel->isVisibleTo(&e.explorer.window));
    QVERIFY(e.lessons.loadLessonById(QStringLiteral("optimizers-on-rosenbrock")));
    QVERIFY(panel->isVisibleTo(&e.explorer.window));
    auto* close = panel->findChild<QToolButton*>(QStringLiteral("lessonPanelClose"));
    QVERIFY(close);
    close->click();
    QVERIFY(!panel->isVisibleTo(&e.explorer.window));
    QVERIFY(e.lessons.lessonPanelText().isEmpty());
    QVERIFY(e.lessons.currentLessonId().isEmpty());
    QVERIFY(!e.lessons.loadLessonById(QStringLiteral("no-such-lesson")));
}

QTEST_MAIN(TestLessonController)
#include "tst_lesson_controller.moc"
