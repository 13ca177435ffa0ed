// Where exports go: one budget for every figure export (PNG, SVG, PDF, GIF; the window's and
// `lrlab export`'s code), refused before anything is drawn with the estimate and the limit;
// exports onto a FIFO or device write it in place; per-run CSV files are replaced as one set.
#include "core/config/config_json.h"
#include "core/config/session.h"
#include "ui/export/animation_export.h"
#include "ui/export/export_budget.h"
#include "ui/export/export_run.h"
#include "ui/export/plot_export.h"
#include "ui/export/run_csv.h"
#include "ui/export/session_figures.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

#include <memory>
#include <stdexcept>

#include <sys/stat.h>

namespace {

lrlab::Session toySession()
{
    lrlab::Session s;
    s.current = lrlab::parseRunConfig(R"({"problem": {"type": "rosenbrock"},
        "optimizer": {"type": "adam"}, "schedule": {"lr": 0.05}, "steps": 60})",
                                      "current")
                    .config;
    return s;
}

template <typename F> QString messageOf(F&& f)
{
    try {
        f();
    } catch (const std::invalid_argument& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

bool isFifo(const QString& path)
{
    struct stat info
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 && S_ISFIFO(info.st_mode);
}

} // namespace

Q_DECLARE_METATYPE(lrlab::ExportKind)

class TestExportOutputs : public QObject
{
    Q_OBJECT

private slots:
    void budget_data();
    void budget();
    void gifRefusedBeforeTheFirstFrame();
    void pngRefusedBeforeDrawing();
    void fifoWrittenInPlace_data();
    void fifoWrittenInPlace();
    void runCsvFilesReplacedAsASet();
};

void TestExportOutputs::budget_data()
{
    QTest::addColumn<lrlab::ExportKind>("kind");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("frames");
    QTest::addColumn<QString>("message"); // empty: within the budget

    using K = lrlab::ExportKind;
    QTest::newRow("png default") << K::Raster << QSize(720, 620) << 2.0 << 1 << QString();
    QTest::newRow("png 16000x16000") << K::Raster << QSize(16000, 16000) << 1.0 << 1 << QString();
    QTest::newRow("png 16000x16000 scale 2")
        << K::Raster << QSize(16000, 16000) << 2.0 << 1
        << "export: 16000x16000 at scale 2 pixels needs about 7.63 GiB of memory a frame; the "
           "limit is 2 GiB (use a smaller size)";
    QTest::newRow("svg 20000x20000") << K::Vector << QSize(20000, 20000) << 1.0 << 1 << QString();
    QTest::newRow("pdf 20000x20000 at scale 3 (scale ignored)")
        << K::Vector << QSize(20000, 20000) << 3.0 << 1 << QString();
    QTest::newRow("gif default") << K::Animation << QSize(720, 620) << 1.0 << 90 << QString();
    QTest::newRow("gif one huge frame")
        << K::Animation << QSize(16000, 16000) << 1.0 << 1
        << "export: 1 frame of 16000x16000 pixels needs about 2.62 GiB of memory a frame; the "
           "limit is 2 GiB (use a smaller size)";
    QTest::newRow("gif 10000 frames at 720x620")
        << K::Animation << QSize(720, 620) << 1.0 << 10000
        << "export: 10000 frames of 720x620 pixels would draw 4.46e+09 pixels; the limit is "
           "2e+09 (at most 4480 frames at this size)";
    QTest::newRow("gif 4480 frames at 720x620")
        << K::Animation << QSize(720, 620) << 1.0 << 4480 << QString();
}

void TestExportOutputs::budget()
{
    QFETCH(lrlab::ExportKind, kind);
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(int, frames);
    QFETCH(QString, message);
    QCOMPARE(messageOf([&] { lrlab::checkExportBudget(kind, size, scale, frames); }), message);
}

void TestExportOutputs::gifRefusedBeforeTheFirstFrame()
{
    QTemporaryDir dir;
    lrlab::SessionFigures figures(toySession());
    lrlab::AnimationOptions options;
    options.size = QSize(16000, 16000);
    options.frames = 10000;
    const QString path = dir.filePath("huge.gif");
    int framesDrawn = 0;
    QElapsedTimer timer;
    timer.start();
    const QString message = messageOf([&] {
        lrlab::exportAnimationGif(figures, lrlab::FigureKind::Loss, options, path, [&](int, int) {
            ++framesDrawn;
            return true;
        });
    });
    QVERIFY2(message.startsWith("export: 10000 frames of 16000x16000 pixels needs about 2.62 GiB"),
             qPrintable(message));
    QCOMPARE(framesDrawn, 0);
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY(!QFile::exists(path));
}

void TestExportOutputs::pngRefusedBeforeDrawing()
{
    // The window's path: saveFigure with the figure of a plot.
    QCustomPlot plot;
    plot.resize(400, 300);
    lrlab::FigureExportOptions options;
    options.size = QSize(20000, 20000);
    options.scale = 1.0;
    QTemporaryDir dir;
    const QString path = dir.filePath("big.png");
    const QString message =
        messageOf([&] { lrlab::saveFigure(&plot, path, lrlab::FigureFormat::Png, options); });
    QVERIFY2(message.contains("needs about 2.98 GiB of memory a frame; the limit is 2 GiB"),
             qPrintable(message));
    QVERIFY(!QFile::exists(path));
}

void TestExportOutputs::fifoWrittenInPlace_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("png") << "png" << QByteArray("\x89PNG");
    QTest::newRow("svg") << "svg" << QByteArray("<?xml");
    QTest::newRow("pdf") << "pdf" << QByteArray("%PDF");
    QTest::newRow("gif") << "gif" << QByteArray("GIF89a");
}

void TestExportOutputs::fifoWrittenInPlace()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, magic);
    QTemporaryDir dir;
    const QString fifo = dir.filePath("figure");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QProcess reader;
    reader.start("cat", {fifo});
    QVERIFY(reader.waitForStarted());
    lrlab::SessionFigures figures(toySession());
    if (format == "gif") {
        lrlab::AnimationOptions options;
        options.size = QSize(160, 120);
        options.frames = 2;
        QVERIFY(lrlab::exportAnimationGif(figures, lrlab::FigureKind::Loss, options, fifo));
    } else {
        lrlab::FigureExportOptions options;
        options.size = QSize(200, 150);
        lrlab::saveFigure(figures.figure(lrlab::FigureKind::Loss), fifo,
                          *lrlab::figureFormatFromName(format), options);
    }
    QVERIFY(reader.waitForFinished(10000));
    QVERIFY(reader.readAllStandardOutput().startsWith(magic));
    QVERIFY2(isFifo(fifo), "the FIFO was replaced by a regular file");
}

void TestExportOutputs::runCsvFilesReplacedAsASet()
{
    QTemporaryDir dir;
    const lrlab::Session session = toySession();
    lrlab::PinnedConfig pin;
    pin.config = session.current;
    pin.label = "pinned";
    lrlab::Session two = session;
    two.pinned.push_back(pin);
    const QString folder = dir.filePath("csv");
    lrlab::saveRunCsvFiles(lrlab::computeSessionRuns(two), folder);
    QFile mine(folder + "/notes.csv");
    QVERIFY(mine.open(QIODevice::WriteOnly));
    mine.close();
    QCOMPARE(QDir(folder).entryList(QDir::Files),
             (QStringList{"notes.csv", "trace-1-pinned.csv", "trace-2-current.csv"}));

    // One run now: the earlier export's second file goes, the user's file stays.
    lrlab::saveRunCsvFiles(lrlab::computeSessionRuns(session), folder);
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden),
             (QStringList{"notes.csv", "trace-1-current.csv"}));
}

QTEST_MAIN(TestExportOutputs)
#include "tst_export_outputs.moc"
