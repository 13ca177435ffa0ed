// GUI tests of the window's sessions: a lossless round trip through the window,
// broken files that change nothing and report the file and key, the recent list, the title,
// the unsaved-changes answer, and autosave with recovery. QSettings and AppDataLocation live in
// a temporary HOME (test mode); no modal dialog opens.
#include "tests/common/files.h"
#include "tests/common/main_window_waits.h"
#include "tests/common/run_configs.h"
#include "ui/experiment_model.h"
#include "ui/explorer/run_controller.h"
#include "ui/main_window.h"
#include "ui/session/session_controller.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/user_dialogs.h"

#include "core/config/config_json.h"
#include "core/config/session.h"
#include "ui/compare/pinned_runs.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/views/imported_runs.h"
#include "ui/views/runs_view.h"
#include "ui/widgets/message_bar.h"
#include "ui/widgets/playback_bar.h"

#include <QAction>
#include <QApplication>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using lrlab::test::readFile;
using lrlab::test::waitForLatest;
using lrlab::test::writeAll;

namespace {

constexpr int kTimeout = lrlab::test::kRunTimeout;

lrlab::RunConfig toyConfig(double lr, const std::string& optimizer = "sgd")
{
    lrlab::RunConfig config = lrlab::test::rosenbrockRun(lr, 300, optimizer);
    if (optimizer == "sgd")
        config.optimizer.momentum = 0.9;
    return config;
}

QJsonObject json(const lrlab::RunConfig& config)
{
    return lrlab::runConfigToJson(config);
}

/// Pinned configs (as JSON) and labels of the window, in pin order.
std::vector<std::pair<QJsonObject, QString>> pinnedOf(const lrlab::MainWindow& window)
{
    std::vector<std::pair<QJsonObject, QString>> out;
    for (const lrlab::ShownRun& run : window.pinnedRuns()->shown())
        if (!run.current)
            out.emplace_back(json(run.record->config), run.label);
    return out;
}

} // namespace

class TestSessionsUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void roundTripIsLossless();
    void importedRunsGoThroughTheSessionFile();
    void userChangesToImportedRunsAreUnsaved();
    void brokenSessionChangesNothing_data();
    void brokenSessionChangesNothing();
    void recentList();
    void missingRecentFileIsRemoved();
    void unsavedChangesAnswer();
    void autosaveAndRecovery();
    void menusAndShortcuts();

private:
    /// A window with two pinned runs and a third current one; dialogs off.
    void prepare(lrlab::MainWindow& window);

    QTemporaryDir m_home;
};

void TestSessionsUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Test mode puts QSettings and AppDataLocation under $HOME/.qttest: HOME is a temp dir.
    qputenv("HOME", m_home.path().toLocal8Bit());
    qputenv("LRLAB_NO_RECOVERY_PROMPT", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("lrlab-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sessions_ui"));
    QVERIFY(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                .startsWith(m_home.path()));
}

void TestSessionsUi::init()
{
    QSettings().clear();
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                  QStringLiteral("/autosave.lrlab.json"));
}

void TestSessionsUi::prepare(lrlab::MainWindow& window)
{
    window.dialogs()->setModalDialogsEnabled(false);
    QVERIFY(waitForLatest(window));
    window.model()->apply(toyConfig(2e-4));
    QVERIFY(waitForLatest(window));
    window.pinCurrent();
    window.model()->apply(toyConfig(1e-2, "adam"));
    QVERIFY(waitForLatest(window));
    window.pinCurrent();
    window.model()->apply(toyConfig(5e-4));
    QVERIFY(waitForLatest(window));
    QCOMPARE(window.pinnedRuns()->pinnedCount(), 2);
}

void TestSessionsUi::roundTripIsLossless()
{
    lrlab::MainWindow window;
    prepare(window);
    window.playbackBar()->setSpeed(2.0);
    const QJsonObject current = json(window.model()->config());
    const auto pinned = pinnedOf(window);
    std::vector<std::vector<double>> losses;
    for (const lrlab::ShownRun& run : window.pinnedRuns()->pinned())
        losses.push_back(run.record->loss);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson one.lrlab.json"));
    QSignalSpy saved(window.sessions(), &lrlab::SessionController::sessionSaved);
    QVERIFY(window.sessions()->saveSessionFile(path));
    QCOMPARE(saved.count(), 1);
    QVERIFY(!window.sessions()->isSessionModified());
    QVERIFY(window.windowTitle().contains(QStringLiteral("lesson one.lrlab.json")));
    QVERIFY(!window.isWindowModified());

    // The file itself holds what the window showed.
    const lrlab::Session file = lrlab::loadSession(path.toStdString());
    QCOMPARE(json(file.current), current);
    QCOMPARE(file.pinned.size(), pinned.size());
    for (std::size_t i = 0; i < pinned.size(); ++i) {
        QCOMPARE(json(file.pinned[i].config), pinned[i].first);
        QCOMPARE(QString::fromStdString(file.pinned[i].label), pinned[i].second);
    }
    QCOMPARE(file.view.value(QStringLiteral("speed")).toDouble(), 2.0);

    // Change everything, then open: the window is back where it was.
    window.clearPins();
    window.model()->apply(toyConfig(3e-3, "rmsprop"));
    window.playbackBar()->setSpeed(0.5);
    QVERIFY(waitForLatest(window));
    QTRY_VERIFY_WITH_TIMEOUT(window.isWindowModified(), kTimeout);
    QVERIFY(window.sessions()->isSessionModified());

    QSignalSpy loaded(window.sessions(), &lrlab::SessionController::sessionLoaded);
    QVERIFY(window.sessions()->openSessionFile(path));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeout);
    QCOMPARE(loaded.first().first().toString(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(json(window.model()->config()), current);
    QCOMPARE(pinnedOf(window), pinned);
    // The pinned runs are recomputed from their configs: the same traces, step by step.
    const auto& restored = window.pinnedRuns()->pinned();
    QCOMPARE(restored.size(), losses.size());
    for (std::size_t i = 0; i < losses.size(); ++i) {
        const std::vector<double>& loss = restored[i].record->loss;
        QCOMPARE(loss.size(), losses[i].size());
        for (std::size_t k = 0; k < loss.size(); ++k)
            QVERIFY(loss[k] == losses[i][k] || (std::isnan(loss[k]) && std::isnan(losses[i][k])));
    }
    QCOMPARE(window.playbackBar()->speed(), 2.0);
    QVERIFY(waitForLatest(window));
    QTRY_VERIFY_WITH_TIMEOUT(!window.isWindowModified(), kTimeout);
    QVERIFY(!window.sessions()->isSessionModified());
    QCOMPARE(window.sessions()->sessionPath(), QFileInfo(path).absoluteFilePath());
}

void TestSessionsUi::userChangesToImportedRunsAreUnsaved()
{
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(waitForLatest(window));
    lrlab::SessionController* sessions = window.sessions();
    lrlab::RunsView* runs = window.docks()->runs();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("runs.lrlab.json"));
    QVERIFY(sessions->saveSessionFile(path));
    QVERIFY(!sessions->isSessionModified());

    // Dropped on the window: the user's import.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(
        QStringLiteral(LRLAB_SOURCE_DIR "/tests/data/logs/tb_digits_mlp_sgd_lr8"))});
    const QPoint at = window.rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QDropEvent drop(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QTRY_COMPARE_WITH_TIMEOUT(runs->table()->rowCount(), 1, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(sessions->isSessionModified(), kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.isWindowModified(), kTimeout);
    QVERIFY(sessions->saveSessionFile(path));
    QVERIFY(!sessions->isSessionModified());
    QVERIFY(!window.isWindowModified());

    // Hiding the run (its check box in the table).
    QTableWidgetItem* name = runs->table()->item(0, 0);
    QVERIFY(name && (name->flags() & Qt::ItemIsUserCheckable));
    name->setCheckState(name->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    QVERIFY(sessions->isSessionModified());
    QVERIFY(sessions->saveSessionFile(path));

    // Opening the session restores the run in the background: still unmodified after it arrives.
    QVERIFY(sessions->openSessionFile(path));
    QTRY_COMPARE_WITH_TIMEOUT(runs->table()->rowCount(), 1, kTimeout);
    QTest::qWait(300); // the modified check runs 100 ms after a change
    QVERIFY(!sessions->isSessionModified());

    // Removing it.
    runs->table()->selectRow(0);
    runs->removeSelected();
    QCOMPARE(runs->table()->rowCount(), 0);
    QVERIFY(sessions->isSessionModified());
    QVERIFY(window.isWindowModified());
}

void TestSessionsUi::importedRunsGoThroughTheSessionFile()
{
    lrlab::MainWindow window;
    prepare(window);
    lrlab::RunsView* runs = window.docks()->runs();
    QTemporaryDir dir;
    const QString fixture =
        QStringLiteral(LRLAB_SOURCE_DIR "/tests/data/logs/tb_digits_mlp_sgd_lr8");
    // A copy that goes away between saving and opening.
    const QString copy = dir.filePath(QStringLiteral("metrics.csv"));
    QVERIFY(QFile::copy(
        QStringLiteral(LRLAB_SOURCE_DIR "/tests/data/logs/lightning_digits_onecycle/metrics.csv"),
        copy));
    runs->importPaths({fixture});
    QTRY_COMPARE_WITH_TIMEOUT(runs->runs().runs().size(), std::size_t(1), kTimeout);
    runs->importPaths({copy});
    QTRY_COMPARE_WITH_TIMEOUT(runs->runs().runs().size(), std::size_t(2), kTimeout);
    runs->setRoleOverrides(runs->runs().runs().front().id, {{lrlab::LogRole::Loss, "val/loss"}});
    QTRY_COMPARE_WITH_TIMEOUT(
        runs->runs().runs().front().snapshot->analysis.roles.at(lrlab::LogRole::Loss),
        std::string("val/loss"), kTimeout);
    const QJsonObject current = json(window.model()->config());

    const QString path = dir.filePath(QStringLiteral("runs.lrlab.json"));
    QVERIFY(window.sessions()->saveSessionFile(path));
    const lrlab::Session file = lrlab::loadSession(path.toStdString());
    QCOMPARE(file.importedRuns.size(), std::size_t(2));
    QCOMPARE(QString::fromStdString(file.importedRuns[0].path), fixture);
    QCOMPARE(file.importedRuns[0].tags.at("loss"), std::string("val/loss"));

    QVERIFY(QFile::remove(copy));
    runs->restoreRuns({}); // nothing imported before opening
    window.model()->apply(toyConfig(3e-3, "rmsprop"));
    QSignalSpy errors(window.sessions(), &lrlab::SessionController::errorShown);
    QSignalSpy loaded(window.sessions(), &lrlab::SessionController::sessionLoaded);
    QVERIFY(window.sessions()->openSessionFile(path));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeout);
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, kTimeout);
    // The missing log is named; the config, the pins and the other run are back.
    const QString message = errors.first().first().toString();
    QVERIFY2(message.contains(copy + QStringLiteral(": cannot restore this run of the session")),
             qPrintable(message));
    QCOMPARE(window.messageBar()->text(), message);
    QCOMPARE(json(window.model()->config()), current);
    QCOMPARE(window.pinnedRuns()->pinnedCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(runs->runs().runs().size(), std::size_t(1), kTimeout);
    const lrlab::ImportedRun& restored = runs->runs().runs().front();
    QCOMPARE(QString::fromStdString(restored.log().source.path), fixture);
    QCOMPARE(restored.snapshot->analysis.roles.at(lrlab::LogRole::Loss), std::string("val/loss"));
    QVERIFY(runs->problemLines().contains(message.section(QLatin1Char('\n'), 1)));
}

void TestSessionsUi::brokenSessionChangesNothing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected"); // part of the message besides the file name

    lrlab::Session valid;
    valid.current = toyConfig(0.5);
    valid.pinned.push_back({toyConfig(0.25), "quarter"});
    const QJsonObject good = lrlab::sessionToJson(valid);
    const QByteArray bytes = QJsonDocument(good).toJson();

    QTest::newRow("truncated") << bytes.left(bytes.size() / 2) << QString();
    QTest::newRow("empty-file") << QByteArray() << QString();
    QTest::newRow("not-json") << QByteArray("lrlab session, honest") << QString();

    QJsonObject badLr = good;
    QJsonObject current = badLr.value("current").toObject();
    QJsonObject schedule = current.value("schedule").toObject();
    schedule["lr"] = -1.0;
    current["schedule"] = schedule;
    badLr["current"] = current;
    QTest::newRow("negative-lr") << QJsonDocument(badLr).toJson()
                                 << QStringLiteral("session.current.schedule.lr");

    QJsonObject badPin = good;
    QJsonArray pins = badPin.value("pinned").toArray();
    QJsonObject pin = pins.at(0).toObject();
    QJsonObject pinConfig = pin.value("config").toObject();
    pinConfig["steps"] = QStringLiteral("many");
    pin["config"] = pinConfig;
    pins[0] = pin;
    badPin["pinned"] = pins;
    QTest::newRow("broken-pin") << QJsonDocument(badPin).toJson()
                                << QStringLiteral("session.pinned[0].config.steps");

    QJsonObject newer = good;
    newer["version"] = 99;
    QTest::newRow("newer-version")
        << QJsonDocument(newer).toJson() << QStringLiteral("session.version");
}

void TestSessionsUi::brokenSessionChangesNothing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    lrlab::MainWindow window;
    prepare(window);
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.lrlab.json"));
    QVERIFY(window.sessions()->saveSessionFile(good));
    const QJsonObject current = json(window.model()->config());
    const auto pinned = pinnedOf(window);
    const quint64 submitted = window.runs()->submittedGeneration();

    const QString broken = dir.filePath(QStringLiteral("broken.lrlab.json"));
    QVERIFY(writeAll(broken, bytes));
    QSignalSpy errors(window.dialogs(), &lrlab::UserDialogs::errorShown);
    QSignalSpy loaded(window.sessions(), &lrlab::SessionController::sessionLoaded);
    QVERIFY(!window.sessions()->openSessionFile(broken));
    QCOMPARE(errors.count(), 1);
    const QString message = errors.first().first().toString();
    QVERIFY2(message.contains(QStringLiteral("broken.lrlab.json")), qPrintable(message));
    if (!expected.isEmpty())
        QVERIFY2(message.contains(expected), qPrintable(message));

    // Untouched: no run submitted, same config, pins, file, recent list.
    QCOMPARE(window.runs()->submittedGeneration(), submitted);
    QCOMPARE(json(window.model()->config()), current);
    QCOMPARE(pinnedOf(window), pinned);
    QCOMPARE(window.sessions()->sessionPath(), QFileInfo(good).absoluteFilePath());
    QVERIFY(!window.sessions()->recentSessions().contains(QFileInfo(broken).absoluteFilePath()));
    QVERIFY(!window.sessions()->isSessionModified());
    QCOMPARE(loaded.count(), 0);

    // A file that does not exist is reported the same way.
    errors.clear();
    QVERIFY(
        !window.sessions()->openSessionFile(dir.filePath(QStringLiteral("nowhere.lrlab.json"))));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains(QStringLiteral("nowhere.lrlab.json")));
    QCOMPARE(json(window.model()->config()), current);
}

void TestSessionsUi::recentList()
{
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    QVERIFY(waitForLatest(window));
    QTemporaryDir dir;
    QStringList written;
    for (int i = 0; i < 10; ++i) {
        const QString path = dir.filePath(QStringLiteral("s%1.lrlab.json").arg(i));
        QVERIFY(window.sessions()->saveSessionFile(path));
        written.prepend(QFileInfo(path).absoluteFilePath());
    }
    // Newest first, at most 8, stored under "recentSessions".
    QCOMPARE(window.sessions()->recentSessions(), written.mid(0, 8));
    QCOMPARE(QSettings().value(QStringLiteral("recentSessions")).toStringList(), written.mid(0, 8));
    // Opening an older one moves it to the front without duplicating it.
    const QString older = written.at(5);
    QSignalSpy loaded(window.sessions(), &lrlab::SessionController::sessionLoaded);
    QVERIFY(window.sessions()->openSessionFile(older));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeout);
    QStringList expected = written.mid(0, 8);
    expected.removeAll(older);
    expected.prepend(older);
    QCOMPARE(window.sessions()->recentSessions(), expected);

    // The menu lists them in that order.
    auto* menu = window.findChild<QMenu*>(QStringLiteral("recentSessionsMenu"));
    QVERIFY(menu);
    QStringList tips;
    for (QAction* action : menu->actions())
        if (!action->toolTip().isEmpty() && action->toolTip().endsWith(QLatin1String(".json")))
            tips << action->toolTip();
    QCOMPARE(tips, expected);
}

void TestSessionsUi::missingRecentFileIsRemoved()
{
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    QVERIFY(waitForLatest(window));
    QTemporaryDir dir;
    const QString kept =
        QFileInfo(dir.filePath(QStringLiteral("kept.lrlab.json"))).absoluteFilePath();
    const QString gone =
        QFileInfo(dir.filePath(QStringLiteral("gone.lrlab.json"))).absoluteFilePath();
    QVERIFY(window.sessions()->saveSessionFile(kept));
    QVERIFY(window.sessions()->saveSessionFile(gone));
    QVERIFY(QFile::remove(gone));
    const QJsonObject current = json(window.model()->config());

    auto* menu = window.findChild<QMenu*>(QStringLiteral("recentSessionsMenu"));
    QVERIFY(menu);
    QAction* goneAction = nullptr;
    for (QAction* action : menu->actions())
        if (action->toolTip() == gone)
            goneAction = action;
    QVERIFY(goneAction);
    QSignalSpy errors(window.dialogs(), &lrlab::UserDialogs::errorShown);
    goneAction->trigger();
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains(QStringLiteral("gone.lrlab.json")));
    QCOMPARE(window.sessions()->recentSessions(), QStringList{kept});
    QCOMPARE(json(window.model()->config()), current);
}

void TestSessionsUi::unsavedChangesAnswer()
{
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false, lrlab::UnsavedAnswer::Cancel);
    QVERIFY(waitForLatest(window));
    const QJsonObject fresh = json(window.model()->config());
    QVERIFY(!window.sessions()->isSessionModified());
    window.model()->apply(toyConfig(7e-4));
    QVERIFY(waitForLatest(window));
    window.pinCurrent();
    QVERIFY(window.sessions()->isSessionModified());
    const QJsonObject changed = json(window.model()->config());

    // Cancel: New does nothing.
    window.sessions()->newSession();
    QCOMPARE(json(window.model()->config()), changed);
    QCOMPARE(window.pinnedRuns()->pinnedCount(), 1);

    // Discard: New goes back to the first experiment, without pins or file.
    window.dialogs()->setModalDialogsEnabled(false, lrlab::UnsavedAnswer::Discard);
    window.sessions()->newSession();
    QCOMPARE(json(window.model()->config()), fresh);
    QCOMPARE(window.pinnedRuns()->pinnedCount(), 0);
    QVERIFY(window.sessions()->sessionPath().isEmpty());
    QVERIFY(!window.sessions()->isSessionModified());
    QVERIFY(window.windowTitle().contains(QStringLiteral("Untitled")));
}

void TestSessionsUi::autosaveAndRecovery()
{
    QByteArray crashed;
    QJsonObject current;
    std::vector<std::pair<QJsonObject, QString>> pinned;
    QString autosave;
    {
        lrlab::MainWindow window;
        autosave = window.sessions()->autosavePath();
        QVERIFY(autosave.startsWith(m_home.path()));
        prepare(window); // a change: the autosave follows shortly
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(autosave), kTimeout);
        current = json(window.model()->config());
        pinned = pinnedOf(window);
        // Wait for the autosave of the last state (earlier ones may still be on disk).
        const auto holdsLastState = [&] {
            try {
                const lrlab::Session s = lrlab::loadSession(autosave.toStdString());
                return json(s.current) == current && s.pinned.size() == pinned.size();
            } catch (const std::exception&) {
                return false;
            }
        };
        QTRY_VERIFY_WITH_TIMEOUT(holdsLastState(), kTimeout);
        crashed = readFile(autosave);
        QVERIFY(!crashed.isEmpty());
    }
    // The window went away cleanly: no autosave left behind.
    QVERIFY(!QFileInfo::exists(autosave));

    // A crash would have left it: put it back and recover in a new window.
    QVERIFY(writeAll(autosave, crashed));
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    QSignalSpy loaded(window.sessions(), &lrlab::SessionController::sessionLoaded);
    QVERIFY(window.sessions()->recoverAutosave());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeout);
    QCOMPARE(json(window.model()->config()), current);
    QCOMPARE(pinnedOf(window), pinned);
    // Recovered work is not saved anywhere yet.
    QVERIFY(window.sessions()->isSessionModified());
    QTRY_VERIFY_WITH_TIMEOUT(window.isWindowModified(), kTimeout);
    QVERIFY(window.sessions()->sessionPath().isEmpty());

    // Saving makes it clean and removes the autosave.
    QTemporaryDir dir;
    QVERIFY(
        window.sessions()->saveSessionFile(dir.filePath(QStringLiteral("recovered.lrlab.json"))));
    QVERIFY(!window.sessions()->isSessionModified());
    QVERIFY(!QFileInfo::exists(autosave));
}

void TestSessionsUi::menusAndShortcuts()
{
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    const struct
    {
        const char* name;
        QKeySequence shortcut;
    } expected[] = {{"newSessionAction", QKeySequence(QKeySequence::New)},
                    {"openSessionAction", QKeySequence(QStringLiteral("Ctrl+O"))},
                    {"saveSessionAction", QKeySequence(QStringLiteral("Ctrl+S"))},
                    {"saveSessionAsAction", QKeySequence(QStringLiteral("Ctrl+Shift+S"))},
                    {"copyDashboardAction", QKeySequence(QStringLiteral("Ctrl+Shift+C"))}};
    for (const auto& e : expected) {
        auto* action = window.findChild<QAction*>(QString::fromLatin1(e.name));
        QVERIFY2(action, e.name);
        QCOMPARE(action->shortcut(), e.shortcut);
        QVERIFY2(!action->text().isEmpty(), e.name);
        QVERIFY2(!action->associatedObjects().isEmpty(), e.name); // in a menu
    }
}

QTEST_MAIN(TestSessionsUi)
#include "tst_sessions_ui.moc"
