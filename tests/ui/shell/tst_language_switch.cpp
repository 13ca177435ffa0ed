// The language switch as View ▸ Language makes it: in place (the same window, the run not
// restarted, the state kept), every text the window shows follows it (none left that the
// catalogue has in the other language), the Lesson menu, the open lesson's panel and its pins
// follow it (the Chinese texts of resources/lessons/*.json), automatic pin labels are
// translated (and the PCA axis titles), and Qt's own zh_CN catalogue names the standard buttons.
#include "tests/common/isolated_settings.h"
#include "tests/common/main_window_waits.h"
#include "tests/common/training_logs.h"
#include "tests/common/window_texts.h"
#include "ui/compare/difference_label.h"
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
#include "ui/plots/plot_interaction.h"
#include "ui/session/session_controller.h"
#include "ui/views/runs_view.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

constexpr int kTimeoutMs = 60000;

bool containsHan(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

/// A lesson file as written: id, Chinese title and text, Chinese compare labels.
struct LessonFile
{
    QString id;
    QString title;
    QString text;
    QStringList labels;
};

/// The lesson files read directly (not through core/config/lesson), in menu order.
QList<LessonFile> chineseLessonFiles()
{
    const QDir dir(qEnvironmentVariable("LRLAB_SOURCE_DIR") + QStringLiteral("/resources/lessons"));
    QList<LessonFile> out;
    for (const QString& name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
        LessonFile lesson;
        lesson.id = object.value(QStringLiteral("id")).toString();
        lesson.title = object.value(QStringLiteral("title"))[QStringLiteral("zh_CN")].toString();
        lesson.text = object.value(QStringLiteral("text"))[QStringLiteral("zh_CN")].toString();
        for (const QJsonValue& run : object.value(QStringLiteral("compare")).toArray())
            lesson.labels << run[QStringLiteral("label")][QStringLiteral("zh_CN")].toString();
        out << lesson;
    }
    return out;
}

/// The texts of window that the catalogue has in the language switched away from ("en" or
/// "zh_CN"), one line each.
QStringList staleTexts(QWidget* window, const QString& oldLanguage)
{
    const lrlab::test::CatalogueTexts catalogue(
        QStringLiteral(LRLAB_SOURCE_DIR "/resources/translations/lrlab_zh_CN.ts"), oldLanguage);
    if (!catalogue.isLoaded())
        return {QStringLiteral("the catalogue could not be read")};
    QStringList stale;
    for (const lrlab::test::ShownText& shown : lrlab::test::windowTexts(window))
        if (catalogue.contains(shown.text))
            stale << shown.where + QStringLiteral(": ") + shown.text;
    stale.removeDuplicates();
    return stale;
}

/// Each dock of window: its name, area, and whether it is shown and floating.
QStringList dockLayout(QMainWindow* window)
{
    QStringList out;
    for (QDockWidget* dock : window->findChildren<QDockWidget*>())
        out << QStringLiteral("%1 area %2 visible %3 floating %4")
                   .arg(dock->objectName())
                   .arg(window->dockWidgetArea(dock))
                   .arg(dock->isVisible())
                   .arg(dock->isFloating());
    return out;
}

QString plainText(const QAction* action)
{
    return action->text().remove(QLatin1Char('&'));
}

} // namespace

class TestLanguageSwitch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void switchesInPlaceKeepingState();
    void lessonsFollowTheLanguageMenu();
    void automaticLabelsAreTranslated_data();
    void automaticLabelsAreTranslated();
    void pcaAxisTitlesAreTranslated();
    void qtButtonsAreTranslated();

private:
    std::unique_ptr<lrlab::test::IsolatedSettings> m_settings;
};

void TestLanguageSwitch::initTestCase()
{
    qputenv("LRLAB_NO_RECOVERY_PROMPT", "1");
    m_settings = std::make_unique<lrlab::test::IsolatedSettings>();
    QVERIFY(m_settings->isValid());
}

void TestLanguageSwitch::cleanup()
{
    lrlab::installLanguage(QStringLiteral("en"));
}

void TestLanguageSwitch::switchesInPlaceKeepingState()
{
    QSettings(QStringLiteral("lrlab"), QStringLiteral("lrlab"))
        .setValue(QStringLiteral("language"), QStringLiteral("en"));
    lrlab::LanguageController controller;
    lrlab::MainWindow* window = controller.start(false);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QVERIFY(lrlab::test::waitForLatest(*window));
    window->controls()->learningRateControl()->setLearningRate(2.5e-4);
    QVERIFY(lrlab::test::waitForLatest(*window));
    window->pinCurrent();
    window->controls()->learningRateControl()->setLearningRate(1e-3);
    QVERIFY(lrlab::test::waitForLatest(*window));
    window->docks()->runs()->importPaths(
        {lrlab::test::logFixture(QStringLiteral("hf_gpt2_warmup_cosine"))});
    QTRY_COMPARE_WITH_TIMEOUT(window->docks()->runs()->importedPaths().size(), 1, kTimeoutMs);
    QCPAxis* steps = window->curves()->lossPlot()->xAxis;
    lrlab::PlotInteraction* zoom = lrlab::PlotInteraction::find(window->curves()->lossPlot());
    QVERIFY(zoom);
    zoom->zoomKey(QCPRange(3, 40)); // as the mouse zooms
    QVERIFY(lrlab::test::windowTexts(window).size() > 100);
    const QStringList english = staleTexts(window, QStringLiteral("zh_CN"));
    QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));

    const auto record = window->runs()->currentRecord();
    const int slider = window->controls()->learningRateControl()->slider()->value();
    const auto pins = window->pinnedRuns()->pinned();
    const QStringList docks = dockLayout(window);
    const QCPRange zoomed = steps->range();
    QCOMPARE(zoomed.lower, 3.0);
    const QStringList imported = window->docks()->runs()->importedPaths();
    const bool modified = window->sessions()->isSessionModified();
    QSignalSpy submitted(window->runs(), &lrlab::RunController::runSubmitted);
    QSignalSpy changed(&controller, &lrlab::LanguageController::languageChanged);

    for (const QString& language : {QStringLiteral("zh_CN"), QStringLiteral("en")}) {
        const QString old = lrlab::currentLanguage();
        QAction* choose = window->findChild<QAction*>(QStringLiteral("language_") + language);
        QVERIFY(choose);
        choose->trigger();
        QTRY_COMPARE(lrlab::currentLanguage(), language);
        QTRY_VERIFY(changed.count() > 0 && changed.last().first().toString() == language);
        QCoreApplication::processEvents();
        // The same window, run and state.
        QCOMPARE(controller.window(), window);
        QVERIFY(window->isVisible());
        QCOMPARE(submitted.count(), 0);
        QCOMPARE(window->runs()->currentRecord(), record);
        QCOMPARE(window->controls()->learningRateControl()->slider()->value(), slider);
        QCOMPARE(window->pinnedRuns()->pinnedCount(), static_cast<int>(pins.size()));
        QCOMPARE(window->pinnedRuns()->pinned().front().record, pins.front().record);
        QCOMPARE(dockLayout(window), docks);
        QCOMPARE(steps->range().lower, zoomed.lower);
        QCOMPARE(steps->range().upper, zoomed.upper);
        QCOMPARE(window->docks()->runs()->importedPaths(), imported);
        QCOMPARE(window->sessions()->isSessionModified(), modified);
        QVERIFY(window->findChild<QAction*>(QStringLiteral("language_") + language)->isChecked());
        // Every text in the new language: none the catalogue has in the old one.
        const QStringList stale = staleTexts(window, old);
        QVERIFY2(stale.isEmpty(), qPrintable(stale.join(QLatin1Char('\n'))));
        QCOMPARE(containsHan(window->windowTitle()), language == QLatin1String("zh_CN"));
        QCOMPARE(containsHan(window->curves()->lossPlot()->xAxis->label()),
                 language == QLatin1String("zh_CN"));
        QCOMPARE(containsHan(window->pinnedRuns()->pinned().front().label),
                 language == QLatin1String("zh_CN"));
    }
}

void TestLanguageSwitch::lessonsFollowTheLanguageMenu()
{
    const QList<LessonFile> files = chineseLessonFiles();
    QVERIFY(files.size() >= 2);
    QSettings(QStringLiteral("lrlab"), QStringLiteral("lrlab"))
        .setValue(QStringLiteral("language"), QStringLiteral("en"));
    lrlab::LanguageController controller;
    lrlab::MainWindow* english = controller.start(false);
    QVERIFY(english);

    // A lesson open in English, then View ▸ 简体中文.
    const LessonFile& first = files.first();
    QAction* open = english->findChild<QAction*>(QStringLiteral("lesson_") + first.id);
    QVERIFY(open);
    QVERIFY(!containsHan(open->text()));
    QSignalSpy loaded(english->lessons(), &lrlab::LessonController::lessonLoaded);
    open->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
    QSignalSpy changed(&controller, &lrlab::LanguageController::languageChanged);
    QAction* toChinese = english->findChild<QAction*>(QStringLiteral("language_zh_CN"));
    QVERIFY(toChinese);
    toChinese->trigger();
    QTRY_COMPARE(changed.count(), 1);
    lrlab::MainWindow* chinese = controller.window();
    QCOMPARE(chinese, english); // translated in place

    // The Lesson menu in Chinese.
    for (int i = 0; i < files.size(); ++i) {
        auto* action = chinese->findChild<QAction*>(QStringLiteral("lesson_") + files[i].id);
        QVERIFY2(action, qPrintable(files[i].id));
        QCOMPARE(plainText(action), QStringLiteral("%1. %2").arg(i + 1).arg(files[i].title));
    }
    // The open lesson's panel and its pins switched with the language.
    QString panel = chinese->lessons()->lessonPanelText();
    QVERIFY(panel.contains(first.title));
    QVERIFY(panel.contains(first.text));
    lrlab::PinnedRuns* pins = chinese->pinnedRuns();
    QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(pins->pinned().size()), first.labels.size(),
                              kTimeoutMs);
    for (int i = 0; i < first.labels.size(); ++i)
        QCOMPARE(pins->pinned()[static_cast<std::size_t>(i)].label, first.labels[i]);
    // An automatic pin label is in Chinese too ("学习率 0.001", not "lr 0.001").
    const int id = pins->pinned().front().id;
    QVERIFY(pins->setLabel(id, QString()));
    const QString automatic = pins->pinned().front().label;
    QVERIFY2(containsHan(automatic), qPrintable(automatic));

    // Another lesson opened from the Chinese menu opens in Chinese.
    const LessonFile& second = files[1];
    QSignalSpy loadedChinese(chinese->lessons(), &lrlab::LessonController::lessonLoaded);
    chinese->findChild<QAction*>(QStringLiteral("lesson_") + second.id)->trigger();
    panel = chinese->lessons()->lessonPanelText();
    QVERIFY(panel.contains(second.title));
    QVERIFY(panel.contains(second.text));
    QTRY_COMPARE_WITH_TIMEOUT(loadedChinese.count(), 1, kTimeoutMs);
}

void TestLanguageSwitch::automaticLabelsAreTranslated_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("english");
    QTest::newRow("lr") << "lr"
                        << "lr 0.1";
    QTest::newRow("steps") << "steps"
                           << "steps 200";
    QTest::newRow("start") << "start"
                           << "start (1, -2)";
    QTest::newRow("decay") << "decay"
                           << "cosine decay";
}

void TestLanguageSwitch::automaticLabelsAreTranslated()
{
    QFETCH(QString, key);
    QFETCH(QString, english);
    lrlab::RunConfig run;
    lrlab::RunConfig other;
    if (key == QLatin1String("lr")) {
        run.schedule.learningRate = 0.1;
        other.schedule.learningRate = 0.01;
    } else if (key == QLatin1String("steps")) {
        run.steps = 200;
        other.steps = 100;
    } else if (key == QLatin1String("start")) {
        run.init = {1.0, -2.0};
        other.init = {0.5, 0.5};
    } else {
        run.schedule.decay = lrlab::Decay::Cosine;
    }
    QCOMPARE(lrlab::describeDifference(run, {other}), english);
    QVERIFY(lrlab::installLanguage(QStringLiteral("zh_CN")));
    const QString chinese = lrlab::describeDifference(run, {other});
    QVERIFY2(containsHan(chinese), qPrintable(chinese));
    // The numbers stay as the UI formats them.
    const QString digits = QString(english).remove(QRegularExpression(QStringLiteral("[^0-9.-]")));
    QCOMPARE(QString(chinese).remove(QRegularExpression(QStringLiteral("[^0-9.-]"))), digits);
}

void TestLanguageSwitch::pcaAxisTitlesAreTranslated()
{
    lrlab::ModelLandscape landscape;
    landscape.plane = lrlab::LandscapePlane::Pca;
    landscape.alphaExplainedVariance = 0.8317;
    landscape.betaExplainedVariance = 0.105;
    QCOMPARE(lrlab::modelAxisTitle(landscape, 0), QStringLiteral("PC1 (83.2 % of variance)"));
    QCOMPARE(lrlab::modelAxisTitle(landscape, 1), QStringLiteral("PC2 (10.5 % of variance)"));
    QVERIFY(lrlab::installLanguage(QStringLiteral("zh_CN")));
    const QString first = lrlab::modelAxisTitle(landscape, 0);
    QVERIFY2(containsHan(first), qPrintable(first));
    QVERIFY(first.contains(QStringLiteral("PC1")) && first.contains(QStringLiteral("83.2")));
    QVERIFY(lrlab::modelAxisTitle(landscape, 1).contains(QStringLiteral("10.5")));
}

void TestLanguageSwitch::qtButtonsAreTranslated()
{
    const QString catalogue =
        QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_zh_CN.qm");
    QVERIFY2(QFile::exists(catalogue), qPrintable(catalogue + " missing (qt6-translations-l10n)"));
    QVERIFY(lrlab::installLanguage(QStringLiteral("zh_CN")));
    QDialogButtonBox box(QDialogButtonBox::Save | QDialogButtonBox::Discard |
                         QDialogButtonBox::Cancel);
    for (QDialogButtonBox::StandardButton which :
         {QDialogButtonBox::Save, QDialogButtonBox::Discard, QDialogButtonBox::Cancel}) {
        const QString text = box.button(which)->text();
        QVERIFY2(containsHan(text), qPrintable(text));
    }
}

QTEST_MAIN(TestLanguageSwitch)
#include "tst_language_switch.moc"
