// Tests of the first window's size: at its default geometry (nothing stored) the whole window,
// status bar included, is on the screen's available area. The offscreen platform is given the
// 1600×1000 screen of a classroom laptop (its window frame adds 2 px a side, as a real one does
// more), so the default 1600×1000 no longer fits.
#include "ui/main_window.h"

#include "tests/common/explorer_fixture.h"

#include <QApplication>
#include <QFile>
#include <QScreen>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace lrlab;

class TestFirstWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void statusBarOnScreenAtDefaultSize();

private:
    std::unique_ptr<QTemporaryDir> m_home;
};

void TestFirstWindow::initTestCase()
{
    m_home = std::make_unique<QTemporaryDir>();
    test::useTemporaryHome(*m_home, QStringLiteral("tst_first_window"));
}

void TestFirstWindow::statusBarOnScreenAtDefaultSize()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCoreApplication::processEvents();
    const QRect available = window.screen()->availableGeometry();
    QStatusBar* status = window.statusBar();
    QVERIFY(status->isVisible());
    QVERIFY(status->height() > 0);
    const QRect statusOnScreen(status->mapToGlobal(QPoint(0, 0)), status->size());
    QVERIFY(window.rect().contains(status->geometry()));
    QCOMPARE(available.size(), QSize(1600, 1000)); // the screen of the configuration below
    QVERIFY(available.contains(window.frameGeometry()));
    QVERIFY(available.contains(statusOnScreen));
}

int main(int argc, char** argv)
{
    // A 1600×1000 offscreen screen, whatever QT_QPA_PLATFORM the test runs under.
    QTemporaryDir configDir;
    const QString configPath = configDir.filePath(QStringLiteral("screens.json"));
    QFile config(configPath);
    if (!config.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(configPath));
    config.write(R"({"screens": [{"name": "classroom", "x": 0, "y": 0, "width": 1600,
                                  "height": 1000, "logicalDpi": 96, "dpr": 1}]})");
    config.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + configPath.toLocal8Bit());
    QApplication app(argc, argv);
    TestFirstWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_first_window.moc"
