// Tests of ExportController around a plain QMainWindow (no explorer window): figures as PNG at
// size × scale, SVG with the plot's text and PDF; errors for an unknown format or figure; the
// clipboard; the current run's CSV (the model's config before a run is shown), all shown runs
// in one CSV and one file per run; the playback as a GIF; the menu, toolbar and context menus.
#include "ui/export/export_controller.h"

#include "tests/common/explorer_fixture.h"
#include "tests/common/files.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/run_configs.h"
#include "ui/compare/pin_loader.h"
#include "ui/compare/run_record.h"
#include "ui/export/animation_export.h"
#include "ui/shell/user_dialogs.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <memory>

using lrlab::ExportController;
using lrlab::test::nearlyEqual;
using lrlab::test::readCsv;
using lrlab::test::readFile;

namespace {

constexpr int kSteps = 200;

lrlab::RunConfig toyConfig(double lr)
{
    return lrlab::test::rosenbrockRun(lr, kSteps);
}

} // namespace

class TestExportController : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void figure_data();
    void figure();
    void errorsAreReported();
    void clipboard();
    void currentRunCsv();
    void shownRunsCsv();
    void animation();
    void menusToolbarAndContextMenus();

private:
    std::unique_ptr<lrlab::test::ExplorerFixture> m_explorer;
    std::unique_ptr<lrlab::UserDialogs> m_dialogs;
    std::unique_ptr<ExportController> m_export;
};

void TestExportController::initTestCase()
{
    // Two pins and a current run that is not shown yet (the model's config: lr 1e-3).
    m_explorer = std::make_unique<lrlab::test::ExplorerFixture>();
    m_dialogs = std::make_unique<lrlab::UserDialogs>(&m_explorer->window);
    m_export = std::make_unique<ExportController>(m_explorer->parts, m_dialogs.get());
    QVERIFY(!m_dialogs->enabled()); // offscreen
    m_explorer->window.resize(800, 600);
    m_explorer->window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&m_explorer->window));
    m_explorer->pins.pin(lrlab::PinLoader::computeRecord(toyConfig(1e-4)));
    m_explorer->pins.pin(lrlab::PinLoader::computeRecord(toyConfig(4e-4)));
    QVERIFY(!m_explorer->model.apply(toyConfig(1e-3)));
    m_explorer->playback->setMaximumStep(kSteps);
}

void TestExportController::cleanupTestCase()
{
    m_export.reset();
    m_dialogs.reset();
    m_explorer.reset();
}

void TestExportController::figure_data()
{
    QTest::addColumn<QString>("figure");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("text"); // a label the SVG must carry
    for (const char* format : {"png", "svg", "pdf"}) {
        const QString f = QString::fromLatin1(format);
        QTest::addRow("loss-%s", format) << "loss" << f << "step";
        QTest::addRow("dashboard-%s", format) << "dashboard" << f << "learning rate";
    }
}

void TestExportController::figure()
{
    QFETCH(QString, figure);
    QFETCH(QString, format);
    QFETCH(QString, text);
    QTemporaryDir dir;
    const QString path = dir.filePath(figure + QLatin1Char('.') + format);
    QSignalSpy errors(m_dialogs.get(), &lrlab::UserDialogs::errorShown);
    QVERIFY(m_export->exportFigureTo(figure, path, QSize(320, 200), 1.5));
    QCOMPARE(errors.count(), 0);
    const QByteArray bytes = readFile(path);
    if (format == QLatin1String("png")) {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), QSize(480, 300)); // size × scale
    } else if (format == QLatin1String("svg")) {
        QVERIFY(bytes.contains("<svg"));
        QVERIFY(bytes.contains(text.toUtf8()));
    } else {
        QVERIFY(bytes.startsWith("%PDF-"));
    }
}

void TestExportController::errorsAreReported()
{
    QTemporaryDir dir;
    QSignalSpy errors(m_dialogs.get(), &lrlab::UserDialogs::errorShown);
    const QString bmp = dir.filePath(QStringLiteral("loss.bmp"));
    QVERIFY(!m_export->exportFigureTo(QStringLiteral("loss"), bmp));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.last().first().toString().contains(QStringLiteral("loss.bmp")));
    QVERIFY(!QFile::exists(bmp));
    QVERIFY(!m_export->exportFigureTo(QStringLiteral("no-such-plot"),
                                      dir.filePath(QStringLiteral("x.png"))));
    QVERIFY(!m_export->copyFigure(QStringLiteral("no-such-plot")));
    QVERIFY(!m_export->exportAnimationTo(QStringLiteral("no-such-plot"), {},
                                         dir.filePath(QStringLiteral("x.gif"))));
    QCOMPARE(errors.count(), 4);
    QVERIFY(errors.last().first().toString().contains(QStringLiteral("no-such-plot")));
}

void TestExportController::clipboard()
{
    QGuiApplication::clipboard()->clear();
    auto* copy = m_export->findChild<QAction*>(QStringLiteral("copyDashboardAction"));
    QVERIFY(copy);
    copy->trigger();
    const QImage image = QGuiApplication::clipboard()->image();
    QWidget* dashboard = m_export->figureWidget(QStringLiteral("dashboard"));
    const double dpr = m_explorer->window.devicePixelRatioF();
    QCOMPARE(image.size(),
             QSize(qRound(dashboard->width() * dpr), qRound(dashboard->height() * dpr)));
    QCOMPARE(m_explorer->status->statusText(), QStringLiteral("The figure is on the clipboard."));
}

void TestExportController::currentRunCsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.csv"));
    QVERIFY(m_export->exportCurrentRunCsv(path));
    const QList<QStringList> rows = readCsv(path);
    QCOMPARE(rows.size(), kSteps + 2);
    QCOMPARE(rows[0], (QStringList{"step", "lr", "loss", "x", "y"}));
    QVERIFY(nearlyEqual(rows[1][1].toDouble(), 1e-3)); // the model's config
    QVERIFY(nearlyEqual(rows[1][2].toDouble(), 12.5)); // f(−1.5, 2)

    // Once a current run is shown, it is the one exported.
    m_explorer->pins.setCurrent(lrlab::PinLoader::computeRecord(toyConfig(2e-3)));
    QVERIFY(m_export->exportCurrentRunCsv(path));
    QVERIFY(nearlyEqual(readCsv(path)[1][1].toDouble(), 2e-3));
    m_explorer->pins.clearCurrent();
}

void TestExportController::shownRunsCsv()
{
    QTemporaryDir dir;
    const QString combined = dir.filePath(QStringLiteral("runs.csv"));
    QVERIFY(m_export->exportShownRunsCsv(combined));
    const QList<QStringList> rows = readCsv(combined);
    QCOMPARE(rows[0].mid(0, 4), (QStringList{"run", "step", "lr", "loss"}));
    QCOMPARE(rows.size(), 1 + 3 * (kSteps + 1)); // two pins and the current run
    const double lrs[] = {1e-4, 4e-4, 1e-3};
    const auto& pinned = m_explorer->pins.pinned();
    const QString labels[] = {pinned[0].label, pinned[1].label, QStringLiteral("current")};
    for (int r = 0; r < 3; ++r) {
        const QStringList& first = rows[1 + r * (kSteps + 1)];
        QVERIFY2(nearlyEqual(first[2].toDouble(), lrs[r]), qPrintable(first.join(',')));
        QCOMPARE(first[0], labels[r]);
    }
    const QString folder = dir.filePath(QStringLiteral("each"));
    QVERIFY(QDir().mkpath(folder));
    const QStringList files = m_export->exportRunCsvFiles(folder);
    QCOMPARE(files.size(), 3);
    for (int r = 0; r < 3; ++r)
        QVERIFY(nearlyEqual(readCsv(files[r])[1][1].toDouble(), lrs[r]));
}

void TestExportController::animation()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("play.gif"));
    lrlab::AnimationOptions options;
    options.size = QSize(120, 90);
    options.firstStep = 0;
    options.lastStep = 100;
    options.frames = 3;
    QVERIFY(m_export->exportAnimationTo(QStringLiteral("loss"), options, path));
    const QByteArray bytes = readFile(path);
    QVERIFY(bytes.startsWith("GIF89a"));
    // The logical screen size, little-endian, after the signature.
    const auto word = [&bytes](int at) {
        return static_cast<unsigned char>(bytes[at]) |
               (static_cast<unsigned char>(bytes[at + 1]) << 8);
    };
    QCOMPARE(word(6), 120);
    QCOMPARE(word(8), 90);
}

void TestExportController::menusToolbarAndContextMenus()
{
    QMenu file;
    m_export->addToFileMenu(&file);
    auto* menu = file.findChild<QMenu*>(QStringLiteral("exportMenu"));
    QVERIFY(menu && file.actions().contains(menu->menuAction()));
    const char* names[] = {
        "exportLandscapeAction",   "exportLossAction",     "exportLrAction",
        "exportDashboardAction",   "copyDashboardAction",  "exportCurrentCsvAction",
        "exportCombinedCsvAction", "exportCsvFilesAction", "exportGifAction"};
    for (const char* name : names) {
        auto* action = m_export->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action && !action->text().isEmpty() && menu->actions().contains(action), name);
    }
    QCOMPARE(m_export->findChild<QAction*>(QStringLiteral("copyDashboardAction"))->shortcut(),
             QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    QToolBar bar;
    m_export->addToToolBar(&bar);
    QCOMPARE(bar.actions().size(), 3);
    for (const char* name : {"landscape", "loss", "lr"})
        QCOMPARE(m_export->figureWidget(QString::fromLatin1(name))->contextMenuPolicy(),
                 Qt::CustomContextMenu);
}

QTEST_MAIN(TestExportController)
#include "tst_export_controller.moc"
