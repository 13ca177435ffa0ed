// GUI tests of the window's export actions: each figure as PNG (decoded at size ×
// scale), SVG (well-formed XML with the plot's text) and PDF (%PDF with a page), the clipboard,
// run data as CSV (current, combined, one file per run) and the playback as a GIF (frame count
// and size read back with giflib). The actions' methods are called with paths: no dialogs.
#include "ui/experiment_model.h"
#include "ui/explorer/run_controller.h"
#include "ui/export/export_controller.h"
#include "ui/main_window.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/user_dialogs.h"

#include "tests/common/files.h"
#include "tests/common/main_window_waits.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/run_configs.h"
#include "ui/compare/pinned_runs.h"
#include "ui/export/animation_export.h"
#include "ui/widgets/playback_bar.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <gif_lib.h>

#include <algorithm>
#include <cmath>

using lrlab::test::nearlyEqual;
using lrlab::test::readCsv;
using lrlab::test::readFile;
using lrlab::test::waitForLatest;

namespace {

constexpr int kSteps = 200;

lrlab::RunConfig toyConfig(double lr)
{
    return lrlab::test::rosenbrockRun(lr, kSteps);
}

} // namespace

class TestExportUi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void figure_data();
    void figure();
    void unknownFormatIsReported();
    void clipboard();
    void currentRunCsv();
    void shownRunsCsv();
    void animation_data();
    void animation();
    void contextMenus();

private:
    QTemporaryDir m_home;
    std::unique_ptr<lrlab::MainWindow> m_window;
};

void TestExportUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toLocal8Bit());
    qputenv("LRLAB_NO_RECOVERY_PROMPT", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("lrlab-test"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_export_ui"));
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));

    // One window for all cases: two pinned runs and a current one, laid out on screen.
    m_window = std::make_unique<lrlab::MainWindow>();
    lrlab::MainWindow& window = *m_window;
    window.dialogs()->setModalDialogsEnabled(false);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.model()->apply(toyConfig(1e-4));
    QVERIFY(waitForLatest(window));
    window.pinCurrent();
    window.model()->apply(toyConfig(4e-4));
    QVERIFY(waitForLatest(window));
    window.pinCurrent();
    window.model()->apply(toyConfig(1e-3));
    QVERIFY(waitForLatest(window));
    QCOMPARE(window.pinnedRuns()->pinnedCount(), 2);
}

void TestExportUi::cleanupTestCase()
{
    m_window.reset();
}

void TestExportUi::figure_data()
{
    QTest::addColumn<QString>("figure");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("text"); // a label the figure must carry (SVG)
    for (const char* format : {"png", "svg", "pdf"}) {
        const QString f = QString::fromLatin1(format);
        QTest::addRow("landscape-%s", format) << "landscape" << f << "x";
        QTest::addRow("loss-%s", format) << "loss" << f << "step";
        QTest::addRow("lr-%s", format) << "lr" << f << "learning rate";
        QTest::addRow("dashboard-%s", format) << "dashboard" << f << "learning rate";
    }
}

void TestExportUi::figure()
{
    QFETCH(QString, figure);
    QFETCH(QString, format);
    QFETCH(QString, text);
    QTemporaryDir dir;
    const QString path = dir.filePath(figure + QLatin1Char('.') + format);
    const QSize size(640, 400);
    const double scale = 1.5;
    QSignalSpy errors(m_window->dialogs(), &lrlab::UserDialogs::errorShown);
    QVERIFY(m_window->exporter()->exportFigureTo(figure, path, size, scale));
    QCOMPARE(errors.count(), 0);
    const QByteArray bytes = readFile(path);
    QVERIFY(!bytes.isEmpty());
    if (format == QLatin1String("png")) {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), QSize(960, 600)); // size × scale
        // Not blank: a plot has more than the background colour.
        const QImage small = image.scaled(64, 40);
        bool varied = false;
        for (int y = 0; y < small.height() && !varied; ++y)
            for (int x = 0; x < small.width() && !varied; ++x)
                varied = small.pixel(x, y) != small.pixel(0, 0);
        QVERIFY(varied);
    } else if (format == QLatin1String("svg")) {
        QXmlStreamReader xml(bytes);
        bool root = false;
        QString texts;
        int paths = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (!root)
                    QCOMPARE(xml.name().toString(), QStringLiteral("svg"));
                root = true;
                if (xml.name() == QLatin1String("text"))
                    texts += xml.readElementText(QXmlStreamReader::IncludeChildElements) + '\n';
                else if (xml.name() == QLatin1String("path") ||
                         xml.name() == QLatin1String("polyline"))
                    ++paths;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(root);
        QVERIFY2(texts.contains(text), qPrintable(texts.left(400)));
        QVERIFY(paths > 3); // axes, ticks and curves are vector paths
    } else {
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("/Type /Page") || bytes.contains("/Type/Page"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    }
}

void TestExportUi::unknownFormatIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("loss.bmp"));
    QSignalSpy errors(m_window->dialogs(), &lrlab::UserDialogs::errorShown);
    QVERIFY(!m_window->exporter()->exportFigureTo(QStringLiteral("loss"), path));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains(QStringLiteral("loss.bmp")));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!m_window->exporter()->exportFigureTo(QStringLiteral("no-such-plot"),
                                                  dir.filePath(QStringLiteral("x.png"))));
    QCOMPARE(errors.count(), 2);
}

void TestExportUi::clipboard()
{
    QGuiApplication::clipboard()->clear();
    QWidget* dashboard = m_window->exporter()->figureWidget(QStringLiteral("dashboard"));
    QVERIFY(dashboard);
    auto* copy = m_window->findChild<QAction*>(QStringLiteral("copyDashboardAction"));
    QVERIFY(copy);
    copy->trigger();
    const QImage image = QGuiApplication::clipboard()->image();
    QVERIFY(!image.isNull());
    const double dpr = m_window->devicePixelRatioF();
    QCOMPARE(image.size(),
             QSize(qRound(dashboard->width() * dpr), qRound(dashboard->height() * dpr)));
}

void TestExportUi::currentRunCsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("trace.csv"));
    QVERIFY(m_window->exporter()->exportCurrentRunCsv(path));
    const QList<QStringList> rows = readCsv(path);
    // Header plus rows k = 0..steps (docs/semantics.md §3.1, two-parameter problems).
    QCOMPARE(rows.size(), kSteps + 2);
    QCOMPARE(rows[0], (QStringList{"step", "lr", "loss", "x", "y"}));
    QCOMPARE(rows[1][0], QStringLiteral("0"));
    QVERIFY(nearlyEqual(rows[1][1].toDouble(), 1e-3)); // constant schedule
    QVERIFY(nearlyEqual(rows[1][2].toDouble(), 12.5)); // f(−1.5, 2)
    QVERIFY(nearlyEqual(rows[1][3].toDouble(), -1.5));
    QVERIFY(nearlyEqual(rows[1][4].toDouble(), 2.0));
    QCOMPARE(rows.last()[0], QString::number(kSteps));
    // The rows are the run the window shows.
    const auto record = m_window->runs()->currentRecord();
    QCOMPARE(record->rows(), kSteps + 1);
    for (int k = 0; k <= kSteps; k += 50)
        QVERIFY(nearlyEqual(rows[k + 1][2].toDouble(), record->loss[static_cast<std::size_t>(k)]));
}

void TestExportUi::shownRunsCsv()
{
    QTemporaryDir dir;
    const QString combined = dir.filePath(QStringLiteral("runs.csv"));
    QVERIFY(m_window->exporter()->exportShownRunsCsv(combined));
    const QList<QStringList> rows = readCsv(combined);
    QCOMPARE(rows[0].first(), QStringLiteral("run"));
    QCOMPARE(rows[0].mid(1, 3), (QStringList{"step", "lr", "loss"}));
    // Three runs of steps + 1 rows each: two pins and the current one.
    QCOMPARE(rows.size(), 1 + 3 * (kSteps + 1));
    std::vector<lrlab::ShownRun> shown = m_window->pinnedRuns()->shown();
    QCOMPARE(shown.size(), std::size_t(3));
    // Each run's first row carries its own LR, under its label.
    const double lrs[] = {1e-4, 4e-4, 1e-3};
    for (int r = 0; r < 3; ++r) {
        const QStringList& first = rows[1 + r * (kSteps + 1)];
        QCOMPARE(first[1], QStringLiteral("0"));
        QVERIFY2(nearlyEqual(first[2].toDouble(), lrs[r]), qPrintable(first.join(',')));
        QCOMPARE(first[0], shown[static_cast<std::size_t>(r)].label);
    }

    const QString folder = dir.filePath(QStringLiteral("each"));
    QVERIFY(QDir().mkpath(folder));
    const QStringList files = m_window->exporter()->exportRunCsvFiles(folder);
    QCOMPARE(files.size(), 3);
    for (int r = 0; r < 3; ++r) {
        const QList<QStringList> one = readCsv(files[r]);
        QCOMPARE(one.size(), kSteps + 2);
        QVERIFY(nearlyEqual(one[1][1].toDouble(), lrs[r]));
    }
}

void TestExportUi::animation_data()
{
    QTest::addColumn<QString>("figure");
    QTest::addColumn<int>("frames"); // 0 = one per step, at most 6 s
    QTest::addColumn<double>("fps");
    QTest::addColumn<bool>("fixedPalette");
    QTest::addColumn<int>("expected");
    // 101 steps in 0..100; at 10 fps six seconds are 60 frames.
    QTest::newRow("landscape-5-frames") << "landscape" << 5 << 10.0 << false << 5;
    QTest::newRow("loss-fixed-palette") << "loss" << 7 << 15.0 << true << 7;
    QTest::newRow("dashboard-3-frames") << "dashboard" << 3 << 10.0 << false << 3;
    QTest::newRow("lr-every-step-capped") << "lr" << 0 << 10.0 << true << 60;
}

void TestExportUi::animation()
{
    QFETCH(QString, figure);
    QFETCH(int, frames);
    QFETCH(double, fps);
    QFETCH(bool, fixedPalette);
    QFETCH(int, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("play.gif"));
    lrlab::AnimationOptions options;
    options.size = QSize(200, 140);
    options.framesPerSecond = fps;
    options.firstStep = 0;
    options.lastStep = 100;
    options.frames = frames;
    options.palette = fixedPalette ? lrlab::GifPalette::Fixed : lrlab::GifPalette::PerFrame;
    QVERIFY(m_window->exporter()->exportAnimationTo(figure, options, path));

    QVERIFY(readFile(path).startsWith("GIF89a"));
    int error = 0;
    GifFileType* gif = DGifOpenFileName(path.toLocal8Bit().constData(), &error);
    QVERIFY(gif);
    const bool slurped = DGifSlurp(gif) == GIF_OK;
    const int count = gif->ImageCount;
    const QSize screen(gif->SWidth, gif->SHeight);
    DGifCloseFile(gif, &error);
    QVERIFY(slurped);
    QCOMPARE(count, expected);
    QCOMPARE(screen, QSize(200, 140));
}

void TestExportUi::contextMenus()
{
    for (const char* name : {"landscape", "loss", "lr"}) {
        QWidget* plot = m_window->exporter()->figureWidget(QString::fromLatin1(name));
        QVERIFY(plot);
        QCOMPARE(plot->contextMenuPolicy(), Qt::CustomContextMenu);
    }
    for (const char* name :
         {"exportLandscapeAction", "exportLossAction", "exportLrAction", "exportDashboardAction",
          "exportCurrentCsvAction", "exportCombinedCsvAction", "exportCsvFilesAction",
          "exportGifAction"}) {
        auto* action = m_window->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action && !action->text().isEmpty(), name);
    }
}

QTEST_MAIN(TestExportUi)
#include "tst_export_ui.moc"
