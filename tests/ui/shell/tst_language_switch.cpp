// The language switch as View ▸ Language makes it: the Lesson menu, the open lesson's panel and
// its pins follow it (the Chinese texts of resources/lessons/*.json), automatic pin labels are
// translated (and the PCA axis titles), and Qt's own zh_CN catalogue names the standard buttons.
#include "tests/common/isolated_settings.h"
#include "ui/compare/difference_label.h"
#include "ui/compare/pinned_runs.h"
#include "ui/explorer/landscape_view.h"
#include "ui/language.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/main_window.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
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
    QSignalSpy replaced(&controller, &lrlab::LanguageController::windowReplaced);
    QAction* toChinese = english->findChild<QAction*>(QStringLiteral("language_zh_CN"));
    QVERIFY(toChinese);
    toChinese->trigger();
    QTRY_COMPARE(replaced.count(), 1);
    lrlab::MainWindow* chinese = controller.window();

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
