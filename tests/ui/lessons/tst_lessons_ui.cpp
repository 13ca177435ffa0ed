// GUI tests of the lessons in the window: every lesson of resources/lessons loads,
// its compare runs are pinned with the file's labels and learning rates (read here straight
// from the JSON, not through the lesson parser), the current run is the lesson's config (also
// a toy surface's parameters), the lesson text is in the panel (English and Chinese), the LR
// finder lesson opens and starts the finder, and the Lesson menu lists every lesson numbered.
#include "ui/experiment_model.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/explorer/run_controller.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/main_window.h"
#include "ui/session/session_controller.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/user_dialogs.h"

#include "core/config/config_json.h"
#include "core/config/lesson.h"
#include "core/config/session.h"
#include "core/problems/toy_surface.h"
#include "tests/common/nearly_equal.h"
#include "ui/compare/pinned_runs.h"
#include "ui/views/lr_finder_view.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using lrlab::test::nearlyEqual;

namespace {

/// Model lessons run several digits MLPs in the background.
constexpr int kTimeout = 180000;

QJsonObject readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

/// The schedule.lr a compare entry gives: its "set" value, else the config's.
double entryLearningRate(const QJsonObject& lesson, const QJsonObject& entry)
{
    const QJsonObject set = entry.value("set").toObject();
    if (set.contains("schedule.lr"))
        return set.value("schedule.lr").toDouble();
    return lesson.value("config").toObject().value("schedule").toObject().value("lr").toDouble();
}

} // namespace

class TestLessonsUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lessonLoads_data();
    void lessonLoads();
    void lrFinderLesson();
    void surfaceParametersReachTheRun();
    void menuListsEveryLesson();
    void panelIsDismissible();

private:
    QTemporaryDir m_home;
};

void TestLessonsUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toLocal8Bit());
    qputenv("LRLAB_NO_RECOVERY_PROMPT", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("lrlab-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_lessons_ui"));
    QVERIFY(lrlab::lessonFiles().size() >= 8);
}

void TestLessonsUi::lessonLoads_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("language");
    for (const QString& file : lrlab::lessonFiles()) {
        const QString id = readJson(file).value("id").toString();
        QTest::newRow(qPrintable(id + "-en")) << file << "en";
    }
    // One Chinese row: labels and text come in the language of the setting.
    QTest::newRow("lr-too-large-small-right-zh_CN")
        << QDir(lrlab::lessonsDirectory()).filePath("01-lr-too-large-small-right.json") << "zh_CN";
}

void TestLessonsUi::lessonLoads()
{
    QFETCH(QString, file);
    QFETCH(QString, language);
    lrlab::appSettings().setValue(QStringLiteral("language"), language);
    const QJsonObject json = readJson(file);
    const QString id = json.value("id").toString();
    QVERIFY(!id.isEmpty());

    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    QSignalSpy loaded(window.lessons(), &lrlab::LessonController::lessonLoaded);
    QSignalSpy errors(window.dialogs(), &lrlab::UserDialogs::errorShown);
    QVERIFY(window.lessons()->loadLessonById(id));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeout);
    QCOMPARE(loaded.first().first().toString(), id);
    QCOMPARE(errors.count(), 0);

    // The controls hold the lesson's config.
    const QJsonObject config = json.value("config").toObject();
    const double lr = config.value("schedule").toObject().value("lr").toDouble();
    QVERIFY(nearlyEqual(window.model()->config().schedule.learningRate, lr));
    QCOMPARE(QString::fromStdString(window.model()->config().problem.type),
             config.value("problem").toObject().value("type").toString());
    QCOMPARE(window.model()->config().steps, config.value("steps").toInt());

    // Its compare runs are pinned, in file order, with its labels and rates.
    const QJsonArray compare = json.value("compare").toArray();
    std::vector<lrlab::ShownRun> pinned;
    for (const lrlab::ShownRun& run : window.pinnedRuns()->shown())
        if (!run.current)
            pinned.push_back(run);
    QCOMPARE(static_cast<int>(pinned.size()), std::min<int>(compare.size(), 8));
    for (int i = 0; i < compare.size(); ++i) {
        const QJsonObject entry = compare.at(i).toObject();
        const QJsonObject labels = entry.value("label").toObject();
        const QString label = labels.contains(language) ? labels.value(language).toString()
                                                        : labels.value("en").toString();
        const lrlab::ShownRun& run = pinned[static_cast<std::size_t>(i)];
        QCOMPARE(run.label, label);
        QVERIFY2(
            nearlyEqual(run.record->config.schedule.learningRate, entryLearningRate(json, entry)),
            qPrintable(label));
        QVERIFY(run.record->rows() > 0);
    }
    // The painter's legends use the same labels.
    QCOMPARE(window.pinnedRuns()->pinnedCount(), static_cast<int>(pinned.size()));

    // The text to read out is in the panel, in the chosen language.
    const QJsonObject text = json.value("text").toObject();
    const QJsonObject title = json.value("title").toObject();
    QVERIFY(window.lessons()->panel()->isVisibleTo(&window));
    const QString shown = window.lessons()->lessonPanelText();
    QVERIFY(shown.contains(title.value(language).toString()));
    QVERIFY(shown.contains(text.value(language).toString()));

    // A lesson is a fresh, untitled, unmodified session that remembers the lesson.
    QVERIFY(window.sessions()->sessionPath().isEmpty());
    QCOMPARE(window.sessions()->captureSession().view.value("lesson").toString(), id);
    QCOMPARE(window.sessions()->captureSession().pinned.size(), pinned.size());
}

void TestLessonsUi::lrFinderLesson()
{
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    const QJsonObject json =
        readJson(QDir(lrlab::lessonsDirectory()).filePath("06-lr-finder-on-digits.json"));
    const QJsonObject view = json.value("view").toObject();
    QCOMPARE(view.value("tab").toString(), QStringLiteral("lr_finder"));

    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    window.show();
    QSignalSpy finished(window.docks()->finder(), &lrlab::LrFinderView::finished);
    QVERIFY(window.lessons()->loadLessonById(json.value("id").toString()));
    // The finder started on the lesson's range and reaches its suggestions.
    QCOMPARE(window.docks()->finder()->options().iterations, view.value("iterations").toInt());
    QVERIFY(nearlyEqual(window.docks()->finder()->options().startLr,
                        view.value("start_lr").toDouble()));
    QVERIFY(
        nearlyEqual(window.docks()->finder()->options().endLr, view.value("end_lr").toDouble()));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() >= 1, kTimeout);
    QVERIFY(window.docks()->finder()->hasResult());
    QCOMPARE(window.docks()->finder()->config().problem.type, std::string("mlp"));
    auto* dock = window.findChild<QDockWidget*>(QStringLiteral("lrFinderDock"));
    QVERIFY(dock && dock->isVisible());
    QCOMPARE(window.sessions()->captureSession().view.value("tab").toString(),
             QStringLiteral("lr_finder"));
}

void TestLessonsUi::surfaceParametersReachTheRun()
{
    // Lesson 04: a quadratic with b = 100 and a 30° rotation; the controls have no fields for
    // them, yet the current run must be on that surface, not the default one.
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    const QJsonObject json =
        readJson(QDir(lrlab::lessonsDirectory()).filePath("04-momentum-in-a-ravine.json"));
    const QJsonObject problem = json.value("config").toObject().value("problem").toObject();
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    QSignalSpy loaded(window.lessons(), &lrlab::LessonController::lessonLoaded);
    QVERIFY(window.lessons()->loadLessonById(json.value("id").toString()));
    const lrlab::RunConfig current = window.model()->config();
    QVERIFY(nearlyEqual(current.problem.parameters.at("b"), problem.value("b").toDouble()));
    QVERIFY(nearlyEqual(current.problem.parameters.at("angle_deg"),
                        problem.value("angle_deg").toDouble()));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeout);
    QTRY_VERIFY_WITH_TIMEOUT(window.runs()->currentRecord() &&
                                 window.runs()->displayedGeneration() ==
                                     window.runs()->submittedGeneration(),
                             kTimeout);
    // The current run is on the lesson's surface: its first loss is that surface's value at
    // the start fields (which round the start point to their decimals), not the default's.
    const auto record = window.runs()->currentRecord();
    QVERIFY(record->rows() > 0);
    const std::map<std::string, double> parameters = {
        {"a", problem.value("a").toDouble()},
        {"b", problem.value("b").toDouble()},
        {"angle_deg", problem.value("angle_deg").toDouble()}};
    const auto lessonSurface = lrlab::makeToySurface("quadratic", parameters);
    const auto defaultSurface = lrlab::makeToySurface("quadratic");
    const double x = record->config.init.at(0), y = record->config.init.at(1);
    QVERIFY(nearlyEqual(record->loss.front(), lessonSurface->valueAt(x, y)));
    QVERIFY(!nearlyEqual(lessonSurface->valueAt(x, y), defaultSurface->valueAt(x, y)));
}

void TestLessonsUi::menuListsEveryLesson()
{
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    const QStringList files = lrlab::lessonFiles();
    QCOMPARE(static_cast<int>(window.lessons()->lessons().size()), files.size());
    for (int i = 0; i < files.size(); ++i) {
        const QJsonObject json = readJson(files[i]);
        auto* action =
            window.findChild<QAction*>(QStringLiteral("lesson_") + json.value("id").toString());
        QVERIFY2(action, qPrintable(files[i]));
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        QCOMPARE(text, QStringLiteral("%1. %2").arg(i + 1).arg(
                           json.value("title").toObject().value("en").toString().remove('&')));
        QVERIFY(!action->associatedObjects().isEmpty()); // in the Lesson menu
    }
}

void TestLessonsUi::panelIsDismissible()
{
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    lrlab::MainWindow window;
    window.dialogs()->setModalDialogsEnabled(false);
    QVERIFY(!window.lessons()->panel()->isVisibleTo(&window));
    QVERIFY(window.lessons()->loadLessonById(QStringLiteral("optimizers-on-rosenbrock")));
    QVERIFY(window.lessons()->panel()->isVisibleTo(&window));
    auto* close =
        window.lessons()->panel()->findChild<QToolButton*>(QStringLiteral("lessonPanelClose"));
    QVERIFY(close);
    close->click();
    QVERIFY(!window.lessons()->panel()->isVisibleTo(&window));
    QVERIFY(window.lessons()->lessonPanelText().isEmpty());
    QVERIFY(!window.sessions()->captureSession().view.contains("lesson"));
    QVERIFY(!window.lessons()->loadLessonById(QStringLiteral("no-such-lesson")));
}

QTEST_MAIN(TestLessonsUi)
#include "tst_lessons_ui.moc"
