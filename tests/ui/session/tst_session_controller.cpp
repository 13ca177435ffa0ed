// Tests of SessionController around a plain QMainWindow (no explorer window): a save → open
// round trip restores the config, the labelled pins and the view; "modified" follows config
// and pin equality with the clean state; the autosave is written while modified, removed when
// the changes are undone, on save and at a clean exit, and recovered as unsaved work; broken
// files change nothing; the unsaved-changes answer; the recent list and the menu; a session's
// language is requested; a session remembers its lesson. QSettings and AppDataLocation live in
// a temporary HOME (test mode); no modal dialog opens (offscreen platform).
#include "ui/session/session_controller.h"

#include "core/config/config_json.h"
#include "core/config/session.h"
#include "tests/common/explorer_fixture.h"
#include "tests/common/files.h"
#include "tests/common/run_configs.h"
#include "ui/compare/pin_loader.h"
#include "ui/compare/run_record.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/user_dialogs.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using lrlab::RunConfig;
using lrlab::SessionController;
using lrlab::test::writeAll;

namespace {

constexpr int kTimeoutMs = 30000;

RunConfig toyConfig(double lr, const std::string& optimizer = "sgd")
{
    return lrlab::test::rosenbrockRun(lr, 300, optimizer);
}

using Explorer = lrlab::test::ControllersFixture;

/// Pins the runs of configs with labels (empty: automatic) and waits for them.
bool pin(Explorer& e, const std::vector<lrlab::LabelledConfig>& configs)
{
    QSignalSpy finished(&e.loader, &lrlab::PinLoader::finished);
    e.loader.add(configs);
    return finished.wait(kTimeoutMs);
}

std::vector<std::pair<QString, RunConfig>> pinnedOf(const lrlab::PinnedRuns& pins)
{
    std::vector<std::pair<QString, RunConfig>> out;
    for (const lrlab::ShownRun& run : pins.pinned())
        out.emplace_back(run.label, run.record->config);
    return out;
}

/// Configs compared as the session file stores them: the writer resolves the optimizer's
/// "default" sentinels, so a config read back is equal in JSON, not member by member.
QJsonObject json(const RunConfig& config)
{
    return lrlab::runConfigToJson(config);
}

std::vector<std::pair<QString, QJsonObject>> pinnedJson(const lrlab::PinnedRuns& pins)
{
    std::vector<std::pair<QString, QJsonObject>> out;
    for (const lrlab::ShownRun& run : pins.pinned())
        out.emplace_back(run.label, json(run.record->config));
    return out;
}

} // namespace

class TestSessionController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void roundTripRestoresConfigPinsAndView();
    void modifiedFollowsEquality_data();
    void modifiedFollowsEquality();
    void autosaveWrittenAndRemoved();
    void recoveredWorkIsUnsaved();
    void brokenFileChangesNothing();
    void unsavedChangesAnswer();
    void recentListAndMenu();
    void sessionLanguageIsRequested_data();
    void sessionLanguageIsRequested();
    void sessionRemembersLesson();

private:
    QTemporaryDir m_home;
};

void TestSessionController::initTestCase()
{
    QVERIFY(m_home.isValid());
    lrlab::test::useTemporaryHome(m_home, QStringLiteral("tst_session_controller"));
}

void TestSessionController::init()
{
    QSettings().clear();
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                  QStringLiteral("/autosave.lrlab.json"));
}

void TestSessionController::roundTripRestoresConfigPinsAndView()
{
    Explorer e;
    auto& x = e.explorer;
    QVERIFY(!x.model.apply(toyConfig(5e-4)));
    QVERIFY(pin(e, {{"slow one", toyConfig(2e-4)}, {"", toyConfig(1e-2, "adam")}}));
    x.playback->setMaximumStep(300);
    x.playback->setStep(120);
    x.playback->setSpeed(2.0);
    x.docks->showTab(QStringLiteral("sweep"));
    const RunConfig current = x.model.config();
    const auto pinned = pinnedJson(x.pins);
    QCOMPARE(pinned[0].first, QStringLiteral("slow one"));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson one.lrlab.json"));
    QSignalSpy saved(&e.sessions, &SessionController::sessionSaved);
    QVERIFY(e.sessions.saveSessionFile(path));
    QCOMPARE(saved.count(), 1);
    QVERIFY(!e.sessions.isSessionModified());
    QVERIFY(x.window.windowTitle().contains(QStringLiteral("lesson one.lrlab.json")));
    QVERIFY(!x.window.isWindowModified());
    const lrlab::Session file = lrlab::loadSession(path.toStdString());
    QCOMPARE(file.view.value(QStringLiteral("tab")).toString(), QStringLiteral("sweep"));
    QCOMPARE(file.view.value(QStringLiteral("cursor_step")).toInt(), 120);

    // Change everything, then open: all is back.
    QVERIFY(!x.model.apply(toyConfig(3e-3, "rmsprop")));
    x.pins.clear();
    x.playback->setSpeed(0.5);
    x.playback->setStep(7);
    x.docks->showTab(QStringLiteral("explorer"));
    QVERIFY(e.sessions.isSessionModified());
    QTRY_VERIFY_WITH_TIMEOUT(x.window.isWindowModified(), kTimeoutMs);

    QSignalSpy loaded(&e.sessions, &SessionController::sessionLoaded);
    QVERIFY(e.sessions.openSessionFile(path));
    QCOMPARE(json(x.model.config()), json(current)); // at once
    QVERIFY(!e.sessions.isSessionModified());        // the pins to come count as there
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QCOMPARE(loaded.first().first().toString(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(pinnedJson(x.pins), pinned);
    QCOMPARE(x.playback->speed(), 2.0);
    QCOMPARE(x.playback->step(), 120);
    QCOMPARE(x.docks->activeTab(), QStringLiteral("sweep"));
    QVERIFY(!e.sessions.isSessionModified());
    QTRY_VERIFY_WITH_TIMEOUT(!x.window.isWindowModified(), kTimeoutMs);
    QCOMPARE(e.sessions.sessionPath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(e.sessions.recentSessions(), QStringList{QFileInfo(path).absoluteFilePath()});
}

void TestSessionController::modifiedFollowsEquality_data()
{
    QTest::addColumn<QString>("change");
    QTest::newRow("learning-rate") << "lr";
    QTest::newRow("optimizer") << "optimizer";
    QTest::newRow("pin") << "pin";
    QTest::newRow("pin-label") << "label";
}

void TestSessionController::modifiedFollowsEquality()
{
    QFETCH(QString, change);
    Explorer e;
    auto& x = e.explorer;
    QVERIFY(pin(e, {{"", toyConfig(2e-4)}}));
    e.sessions.setSessionFile(QString(), false);
    const RunConfig clean = x.model.config();
    QVERIFY(!e.sessions.isSessionModified());
    QVERIFY(x.window.windowTitle().contains(QStringLiteral("Untitled")));

    // Make the change, then undo it: modified, then clean again by value.
    const int id = x.pins.pinned().front().id;
    if (change == QLatin1String("lr")) {
        x.model.setLearningRate(clean.schedule.learningRate * 2);
    } else if (change == QLatin1String("optimizer")) {
        x.model.setOptimizerType("adam");
    } else if (change == QLatin1String("pin")) {
        QVERIFY(pin(e, {{"", toyConfig(3e-4)}}));
    } else {
        QVERIFY(x.pins.setLabel(id, QStringLiteral("mine")));
    }
    QVERIFY(e.sessions.isSessionModified());
    QTRY_VERIFY_WITH_TIMEOUT(x.window.isWindowModified(), kTimeoutMs);

    if (change == QLatin1String("pin"))
        QVERIFY(x.pins.unpin(x.pins.pinned().back().id));
    else if (change == QLatin1String("label"))
        QVERIFY(x.pins.setLabel(id, QString()));
    else
        QVERIFY(!x.model.apply(clean));
    QVERIFY(!e.sessions.isSessionModified());
    QTRY_VERIFY_WITH_TIMEOUT(!x.window.isWindowModified(), kTimeoutMs);
}

void TestSessionController::autosaveWrittenAndRemoved()
{
    QString autosave;
    QByteArray crashed;
    {
        Explorer e;
        auto& x = e.explorer;
        autosave = e.sessions.autosavePath();
        QVERIFY(autosave.startsWith(m_home.path()));
        QSignalSpy written(&e.sessions, &SessionController::autosaveWritten);
        QVERIFY(!e.sessions.writeAutosave()); // nothing to save yet
        QVERIFY(!QFileInfo::exists(autosave));

        // A change: the autosave follows shortly and holds the session.
        QVERIFY(!x.model.apply(toyConfig(7e-4)));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(autosave), kTimeoutMs);
        QCOMPARE(written.count(), 1);
        QCOMPARE(written.first().first().toString(), autosave);
        QCOMPARE(json(lrlab::loadSession(autosave.toStdString()).current), json(x.model.config()));

        // Undoing the change removes it; a new change writes it again.
        QVERIFY(!x.model.apply(lrlab::ExperimentModel::defaultExperiment()));
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(autosave), kTimeoutMs);
        QVERIFY(pin(e, {{"kept", toyConfig(2e-4)}}));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(autosave), kTimeoutMs);
        QCOMPARE(lrlab::loadSession(autosave.toStdString()).pinned.size(), std::size_t(1));
        QFile file(autosave);
        QVERIFY(file.open(QIODevice::ReadOnly));
        crashed = file.readAll();

        // Saving removes it.
        QTemporaryDir dir;
        QVERIFY(e.sessions.saveSessionFile(dir.filePath(QStringLiteral("saved.lrlab.json"))));
        QVERIFY(!QFileInfo::exists(autosave));
        QVERIFY(!x.model.apply(toyConfig(9e-4)));
        QVERIFY(e.sessions.writeAutosave());
        QVERIFY(QFileInfo::exists(autosave));
    }
    // A clean exit leaves none behind.
    QVERIFY(!QFileInfo::exists(autosave));
}

void TestSessionController::recoveredWorkIsUnsaved()
{
    QTemporaryDir dir;
    const QString original = dir.filePath(QStringLiteral("original.lrlab.json"));
    lrlab::Session crashed;
    crashed.current = toyConfig(6e-4, "adam");
    crashed.pinned.push_back({toyConfig(2e-4), "quarter"});
    crashed.view[QStringLiteral("autosave_of")] = original;
    Explorer e;
    auto& x = e.explorer;
    lrlab::saveSession(crashed, original.toStdString());
    lrlab::saveSession(crashed, e.sessions.autosavePath().toStdString());

    QSignalSpy loaded(&e.sessions, &SessionController::sessionLoaded);
    QVERIFY(e.sessions.recoverAutosave());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QCOMPARE(json(x.model.config()), json(crashed.current));
    QCOMPARE(pinnedJson(x.pins),
             (std::vector<std::pair<QString, QJsonObject>>{{"quarter", json(toyConfig(2e-4))}}));
    // Recovered work is unsaved, and belongs to the file it was autosaved for.
    QVERIFY(e.sessions.isSessionModified());
    QTRY_VERIFY_WITH_TIMEOUT(x.window.isWindowModified(), kTimeoutMs);
    QCOMPARE(e.sessions.sessionPath(), original);
    QVERIFY(e.sessions.saveSessionFile(original));
    QVERIFY(!e.sessions.isSessionModified());
    QVERIFY(!QFileInfo::exists(e.sessions.autosavePath()));
}

void TestSessionController::brokenFileChangesNothing()
{
    Explorer e;
    auto& x = e.explorer;
    QVERIFY(pin(e, {{"kept", toyConfig(2e-4)}}));
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.lrlab.json"));
    QVERIFY(e.sessions.saveSessionFile(good));
    const RunConfig current = x.model.config();
    const auto pinned = pinnedOf(x.pins);

    lrlab::Session tooLong;
    tooLong.current = toyConfig(1e-3);
    tooLong.current.steps = tooLong.current.schedule.totalSteps =
        lrlab::ExperimentModel::kMaxSteps + 1; // valid for the file, refused by the model
    const QString refused = dir.filePath(QStringLiteral("refused.lrlab.json"));
    lrlab::saveSession(tooLong, refused.toStdString());
    const QString broken = dir.filePath(QStringLiteral("broken.lrlab.json"));
    QVERIFY(writeAll(broken, "lrlab session, honest"));

    for (const QString& path : {broken, refused, dir.filePath(QStringLiteral("nowhere.json"))}) {
        QSignalSpy errors(&e.sessions, &SessionController::errorShown);
        QSignalSpy shown(&e.dialogs, &lrlab::UserDialogs::errorShown);
        QSignalSpy loaded(&e.sessions, &SessionController::sessionLoaded);
        QVERIFY(!e.sessions.openSessionFile(path));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(x.model.config(), current);
        QCOMPARE(pinnedOf(x.pins), pinned);
        QCOMPARE(e.sessions.sessionPath(), QFileInfo(good).absoluteFilePath());
        QVERIFY(!e.sessions.recentSessions().contains(QFileInfo(path).absoluteFilePath()));
        QVERIFY(!e.sessions.isSessionModified());
        QCOMPARE(loaded.count(), 0);
    }
}

void TestSessionController::unsavedChangesAnswer()
{
    Explorer e;
    auto& x = e.explorer;
    const RunConfig fresh = x.model.config();
    RunConfig expected = lrlab::ExperimentModel::defaultExperiment();
    expected.init = {-1.5, 2.0}; // Rosenbrock's default start, filled in by the model
    QCOMPARE(fresh, expected);
    QVERIFY(!x.model.apply(toyConfig(7e-4)));
    QVERIFY(pin(e, {{"", toyConfig(2e-4)}}));

    e.dialogs.setModalDialogsEnabled(false, lrlab::UnsavedAnswer::Cancel);
    QVERIFY(!e.sessions.confirmClose());
    e.sessions.newSession();
    QCOMPARE(x.model.config(), toyConfig(7e-4));
    QCOMPARE(x.pins.pinnedCount(), 1);

    // Save without a file would need the file dialog: the answer fails and nothing changes.
    e.dialogs.setModalDialogsEnabled(false, lrlab::UnsavedAnswer::Save);
    QVERIFY(!e.sessions.confirmClose());

    e.dialogs.setModalDialogsEnabled(false, lrlab::UnsavedAnswer::Discard);
    e.sessions.newSession();
    QCOMPARE(x.model.config(), fresh);
    QCOMPARE(x.pins.pinnedCount(), 0);
    QVERIFY(e.sessions.sessionPath().isEmpty());
    QVERIFY(!e.sessions.isSessionModified());
    QVERIFY(x.window.windowTitle().contains(QStringLiteral("Untitled")));
}

void TestSessionController::recentListAndMenu()
{
    Explorer e;
    QMenu file;
    e.sessions.addToFileMenu(&file);
    for (const char* name :
         {"newSessionAction", "openSessionAction", "saveSessionAction", "saveSessionAsAction"}) {
        auto* action = e.sessions.findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action && file.actions().contains(action), name);
        QVERIFY2(!action->shortcut().isEmpty(), name);
    }
    QCOMPARE(e.sessions.recentMenu()->objectName(), QStringLiteral("recentSessionsMenu"));
    QVERIFY(file.actions().contains(e.sessions.recentMenu()->menuAction()));
    QVERIFY(!e.sessions.recentMenu()->isEnabled());

    QTemporaryDir dir;
    QStringList written;
    for (int i = 0; i < 10; ++i) {
        const QString path = dir.filePath(QStringLiteral("s%1.lrlab.json").arg(i));
        QVERIFY(e.sessions.saveSessionFile(path));
        written.prepend(QFileInfo(path).absoluteFilePath());
    }
    QCOMPARE(e.sessions.recentSessions(), written.mid(0, 8));
    QCOMPARE(QSettings().value(QStringLiteral("recentSessions")).toStringList(), written.mid(0, 8));
    QStringList tips;
    QAction* gone = nullptr;
    for (QAction* action : e.sessions.recentMenu()->actions()) {
        if (action->toolTip().endsWith(QLatin1String(".json")))
            tips << action->toolTip();
        if (action->toolTip() == written.at(2))
            gone = action;
    }
    QCOMPARE(tips, written.mid(0, 8));

    // A file that went away is reported and leaves the list when chosen.
    QVERIFY(QFile::remove(written.at(2)));
    QSignalSpy errors(&e.sessions, &SessionController::errorShown);
    QVERIFY(gone);
    gone->trigger();
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains(QFileInfo(written.at(2)).fileName()));
    QVERIFY(!e.sessions.recentSessions().contains(written.at(2)));
    QCOMPARE(e.sessions.recentSessions().size(), 7);
}

void TestSessionController::sessionLanguageIsRequested_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("session");
    QTest::addColumn<bool>("requested");
    QTest::newRow("other-language") << "en"
                                    << "zh_CN" << true;
    QTest::newRow("same-language") << "zh_CN"
                                   << "zh_CN" << false;
    QTest::newRow("session-follows-system") << "en"
                                            << "" << false;
}

void TestSessionController::sessionLanguageIsRequested()
{
    QFETCH(QString, stored);
    QFETCH(QString, session);
    QFETCH(bool, requested);
    lrlab::appSettings().setValue(QStringLiteral("language"), stored);
    Explorer e;
    QCOMPARE(QString::fromStdString(e.sessions.captureSession().language), stored);
    lrlab::Session s;
    s.current = toyConfig(1e-3);
    s.language = session.toStdString();
    QSignalSpy language(&e.sessions, &SessionController::languageRequested);
    e.sessions.applySession(s);
    QCOMPARE(language.count(), requested ? 1 : 0);
    if (requested)
        QCOMPARE(language.first().first().toString(), session);
}

void TestSessionController::sessionRemembersLesson()
{
    Explorer e;
    QVERIFY(!e.lessons.lessons().empty());
    const QString id = e.lessons.lessons().front().id;
    QSignalSpy lessonLoaded(&e.lessons, &lrlab::LessonController::lessonLoaded);
    QVERIFY(e.lessons.loadLessonById(id));
    QCOMPARE(e.sessions.captureSession().view.value(QStringLiteral("lesson")).toString(), id);
    QTRY_COMPARE_WITH_TIMEOUT(lessonLoaded.count(), 1, kTimeoutMs);
    QVERIFY(!e.sessions.isSessionModified());
    const lrlab::Session withLesson = e.sessions.captureSession();

    e.lessons.hidePanel();
    QVERIFY(!e.sessions.captureSession().view.contains(QStringLiteral("lesson")));
    QSignalSpy loaded(&e.sessions, &SessionController::sessionLoaded);
    e.sessions.applySession(withLesson);
    QCOMPARE(e.lessons.currentLessonId(), id);
    QVERIFY(e.lessons.panel()->isVisibleTo(&e.explorer.window));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QCOMPARE(pinnedOf(e.explorer.pins).size(), withLesson.pinned.size());
}

QTEST_MAIN(TestSessionController)
#include "tst_session_controller.moc"
