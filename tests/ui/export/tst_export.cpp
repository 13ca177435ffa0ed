// Figure, data and animation export: every format gives a valid file of the
// asked size with the plot's content, CSV rows are the trace, sessions render without a window,
// and `lrlab export` does the same from the command line.
#include "core/config/session.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/engine/toy_run.h"
#include "tests/common/export_sessions.h"
#include "tests/common/files.h"
#include "tests/common/nearly_equal.h"
#include "ui/export/animation_export.h"
#include "ui/export/export_run.h"
#include "ui/export/gif_writer.h"
#include "ui/export/plot_export.h"
#include "ui/export/run_csv.h"
#include "ui/export/session_figures.h"

#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <gif_lib.h>
#include <qcustomplot.h>

#include <cmath>
#include <memory>
#include <sstream>

using lrlab::test::nearlyEqual;
using lrlab::test::readFile;

namespace {

const QString kAxisLabel = QStringLiteral("distinctive-axis-label");
const QString kLegendName = QStringLiteral("distinctive-legend-name");

/// A plot whose content the tests can find: a thick pure-red graph, a labelled axis, a legend.
std::unique_ptr<QCustomPlot> makeTestPlot(const QColor& colour = Qt::red)
{
    auto plot = std::make_unique<QCustomPlot>();
    plot->resize(500, 350);
    QCPGraph* graph = plot->addGraph();
    graph->setName(kLegendName);
    graph->setPen(QPen(colour, 8));
    QVector<double> x, y;
    for (int i = 0; i <= 50; ++i) {
        x << i;
        y << std::sin(i / 8.0);
    }
    graph->setData(x, y);
    plot->xAxis->setLabel(kAxisLabel);
    plot->yAxis->setLabel(QStringLiteral("value"));
    plot->legend->setVisible(true);
    plot->rescaleAxes();
    return plot;
}

/// Saves the test plot (makeTestPlot()) laid out at size and scale with save (saveFigurePng,
/// saveFigureSvg or saveFigurePdf) as the file name in dir, and returns the file's path.
QString saveTestPlot(const QTemporaryDir& dir, const QString& name, const QSize& size,
                     void (*save)(QWidget*, const QString&, const lrlab::FigureExportOptions&),
                     double scale = 1.0)
{
    const auto plot = makeTestPlot();
    lrlab::FigureExportOptions options;
    options.size = size;
    options.scale = scale;
    const QString path = dir.filePath(name);
    save(plot.get(), path, options);
    return path;
}

int countColour(const QImage& image, const QRect& area, const QColor& colour)
{
    int n = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) < 24 &&
                std::abs(c.green() - colour.green()) < 24 &&
                std::abs(c.blue() - colour.blue()) < 24)
                ++n;
        }
    return n;
}

/// Texts of every <text> element of an SVG, or an error string.
struct SvgSummary
{
    QString error;
    QString viewBox;
    QStringList texts;
    int drawn = 0; ///< path, polyline, polygon, line, rect elements
};

SvgSummary readSvg(const QByteArray& bytes)
{
    SvgSummary s;
    QXmlStreamReader xml(bytes);
    bool inText = false;
    QString text;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QStringView name = xml.name();
            if (name == QLatin1String("svg"))
                s.viewBox = xml.attributes().value("viewBox").toString();
            if (name == QLatin1String("text")) {
                inText = true;
                text.clear();
            }
            if (name == QLatin1String("path") || name == QLatin1String("polyline") ||
                name == QLatin1String("polygon") || name == QLatin1String("line") ||
                name == QLatin1String("rect"))
                ++s.drawn;
        } else if (xml.isCharacters() && inText) {
            text += xml.text();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("text")) {
            inText = false;
            s.texts << text;
        }
    }
    if (xml.hasError())
        s.error = xml.errorString();
    return s;
}

/// A decoded GIF (giflib's DGifSlurp).
struct GifSummary
{
    bool ok = false;
    int width = 0, height = 0, frames = 0;
    std::vector<int> delays;        ///< centiseconds per frame
    std::vector<QColor> firstPixel; ///< colour of pixel (0, 0) of each frame
};

GifSummary readGif(const QString& path)
{
    GifSummary s;
    int error = 0;
    GifFileType* gif = DGifOpenFileName(path.toLocal8Bit().constData(), &error);
    if (gif == nullptr)
        return s;
    if (DGifSlurp(gif) == GIF_OK) {
        s.ok = true;
        s.width = gif->SWidth;
        s.height = gif->SHeight;
        s.frames = gif->ImageCount;
        for (int i = 0; i < gif->ImageCount; ++i) {
            GraphicsControlBlock gcb{};
            DGifSavedExtensionToGCB(gif, i, &gcb);
            s.delays.push_back(gcb.DelayTime);
            const SavedImage& image = gif->SavedImages[i];
            const ColorMapObject* map =
                image.ImageDesc.ColorMap != nullptr ? image.ImageDesc.ColorMap : gif->SColorMap;
            const GifColorType c = map->Colors[image.RasterBits[0]];
            s.firstPixel.emplace_back(c.Red, c.Green, c.Blue);
        }
    }
    DGifCloseFile(gif, &error);
    return s;
}

lrlab::Session toySession()
{
    return lrlab::test::toyExportSession();
}

/// Parses one CSV line of numbers and empty cells (the trace format has no quoting).
QStringList cells(const QString& line)
{
    return line.split(',');
}

QString lrlabBinary()
{
    return qEnvironmentVariable("LRLAB_BIN");
}

struct Result
{
    int exitCode;
    QByteArray out, err;
};

Result runLrlab(const QStringList& arguments)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove("QT_QPA_PLATFORM"); // export must pick the offscreen platform by itself
    env.remove("DISPLAY");
    p.setProcessEnvironment(env);
    p.start(lrlabBinary(), arguments);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void formatNames();
    void pngAtAskedSize_data();
    void pngAtAskedSize();
    void dashboardPlacesPlots();
    void svgIsVectorWithLabels();
    void pdfHasAPageOfTheSize();
    void clipboardGetsTheImage();
    void badSizeRefused();
    void gifFramesSizeDelayColours_data();
    void gifFramesSizeDelayColours();
    void gifLoopsForever();
    void gifCancelLeavesNoFile();
    void csvRowsMatchTheTrace();
    void combinedCsv();
    void csvFilesPerRun();
    void animationSteps_data();
    void animationSteps();
    void sessionFiguresToy();
    void sessionFiguresModel();
    void animationGifFromSession();
    void cliExport_data();
    void cliExport();
    void cliBadInput_data();
    void cliBadInput();
};

void TestExport::formatNames()
{
    QCOMPARE(lrlab::figureFormatFromName("PNG"), std::optional(lrlab::FigureFormat::Png));
    QCOMPARE(lrlab::figureFormatFromName("out/fig.svg"), std::optional(lrlab::FigureFormat::Svg));
    QCOMPARE(lrlab::figureFormatFromName("pdf"), std::optional(lrlab::FigureFormat::Pdf));
    QVERIFY(!lrlab::figureFormatFromName("gif").has_value());
    for (auto kind : {lrlab::FigureKind::Landscape, lrlab::FigureKind::Loss,
                      lrlab::FigureKind::LearningRate, lrlab::FigureKind::Dashboard})
        QCOMPARE(lrlab::figureKindFromName(lrlab::figureKindName(kind)), std::optional(kind));
    QCOMPARE(lrlab::figureKindName(lrlab::FigureKind::LearningRate), QString("lr"));
    QVERIFY(!lrlab::figureKindFromName("surface").has_value());
}

void TestExport::pngAtAskedSize_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("scale");
    QTest::addColumn<QSize>("pixels");
    QTest::newRow("own-size") << QSize() << 1.0 << QSize(500, 350);
    QTest::newRow("400x300") << QSize(400, 300) << 1.0 << QSize(400, 300);
    QTest::newRow("400x300-at-2x") << QSize(400, 300) << 2.0 << QSize(800, 600);
    QTest::newRow("wide-at-half") << QSize(1000, 200) << 0.5 << QSize(500, 100);
}

void TestExport::pngAtAskedSize()
{
    QFETCH(QSize, size);
    QFETCH(double, scale);
    QFETCH(QSize, pixels);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = saveTestPlot(dir, "plot.png", size, lrlab::saveFigurePng, scale);
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), pixels);
    // The graph was drawn (its red pen), and the background is white.
    QVERIFY(countColour(image, image.rect(), Qt::red) > image.width() / 4);
    QVERIFY(countColour(image, image.rect(), Qt::white) > image.width() * image.height() / 3);
}

void TestExport::dashboardPlacesPlots()
{
    // Two plots side by side in a widget: each lands in its half of the exported image.
    QWidget dashboard;
    dashboard.resize(800, 300);
    auto left = makeTestPlot(Qt::red);
    auto right = makeTestPlot(Qt::blue);
    left->setParent(&dashboard);
    right->setParent(&dashboard);
    left->setGeometry(0, 0, 400, 300);
    right->setGeometry(400, 0, 400, 300);
    lrlab::FigureExportOptions options;
    options.size = QSize(1200, 450); // 1.5x the widget: the layout scales with it
    const QImage image = lrlab::renderFigure(&dashboard, options);
    QCOMPARE(image.size(), QSize(1200, 450));
    const QRect leftHalf(0, 0, 600, 450), rightHalf(600, 0, 600, 450);
    QVERIFY(countColour(image, leftHalf, Qt::red) > 200);
    QCOMPARE(countColour(image, rightHalf, Qt::red), 0);
    QVERIFY(countColour(image, rightHalf, Qt::blue) > 200);
    QCOMPARE(countColour(image, leftHalf, Qt::blue), 0);
    left.release(); // owned by the dashboard now
    right.release();
}

void TestExport::svgIsVectorWithLabels()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = saveTestPlot(dir, "plot.svg", QSize(640, 480), lrlab::saveFigureSvg);
    const SvgSummary svg = readSvg(readFile(path));
    QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
    QCOMPARE(svg.viewBox, QString("0 0 640 480"));
    QVERIFY2(svg.texts.contains(kAxisLabel), qPrintable(svg.texts.join('|')));
    QVERIFY2(svg.texts.contains(kLegendName), qPrintable(svg.texts.join('|')));
    QVERIFY(svg.drawn > 10); // axes, ticks, the graph: vector elements
}

void TestExport::pdfHasAPageOfTheSize()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = saveTestPlot(dir, "plot.pdf", QSize(640, 480), lrlab::saveFigurePdf);
    const QByteArray pdf = readFile(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    QVERIFY(QRegularExpression(R"(/Type\s*/Page[^s])").match(QString::fromLatin1(pdf)).hasMatch());
    // 640 x 480 logical pixels at 96 dpi = 480 x 360 points.
    const QRegularExpressionMatch box =
        QRegularExpression(R"(/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\])")
            .match(QString::fromLatin1(pdf));
    QVERIFY(box.hasMatch());
    QVERIFY(std::abs(box.captured(1).toDouble() - 640 * 72.0 / 96) < 1.0);
    QVERIFY(std::abs(box.captured(2).toDouble() - 480 * 72.0 / 96) < 1.0);
    QVERIFY(pdf.trimmed().endsWith("%%EOF"));
}

void TestExport::clipboardGetsTheImage()
{
    const auto plot = makeTestPlot();
    lrlab::FigureExportOptions options;
    options.size = QSize(300, 200);
    options.scale = 2.0;
    lrlab::copyFigureToClipboard(plot.get(), options);
    const QImage image = QGuiApplication::clipboard()->image();
    QCOMPARE(image.size(), QSize(600, 400));
    QVERIFY(countColour(image, image.rect(), Qt::red) > 100);
}

void TestExport::badSizeRefused()
{
    const auto plot = makeTestPlot();
    lrlab::FigureExportOptions options;
    options.size = QSize(0, 100);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::renderFigure(plot.get(), options));
    options.size = QSize(100, 100);
    options.scale = 0.0;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::renderFigure(plot.get(), options));
    QTemporaryDir dir;
    options.scale = 1.0;
    QVERIFY_THROWS_EXCEPTION(
        std::runtime_error,
        lrlab::saveFigurePng(plot.get(), dir.filePath("no/such/dir/x.png"), options));
}

void TestExport::gifFramesSizeDelayColours_data()
{
    QTest::addColumn<lrlab::GifPalette>("palette");
    QTest::addColumn<double>("fps");
    QTest::addColumn<int>("delay"); // round(100 / fps) centiseconds
    QTest::newRow("per-frame-10fps") << lrlab::GifPalette::PerFrame << 10.0 << 10;
    QTest::newRow("fixed-25fps") << lrlab::GifPalette::Fixed << 25.0 << 4;
    QTest::newRow("per-frame-3fps") << lrlab::GifPalette::PerFrame << 3.0 << 33;
}

void TestExport::gifFramesSizeDelayColours()
{
    QFETCH(lrlab::GifPalette, palette);
    QFETCH(double, fps);
    QFETCH(int, delay);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Colours every palette holds exactly: the fixed cube's corners.
    const std::vector<QColor> colours{Qt::red,   Qt::green,  Qt::blue,   Qt::white,
                                      Qt::black, Qt::yellow, Qt::magenta};
    const QString path = dir.filePath("a.gif");
    lrlab::GifOptions options;
    options.framesPerSecond = fps;
    options.palette = palette;
    const bool written = lrlab::writeGif(
        path, QSize(64, 48), static_cast<int>(colours.size()),
        [&](int i) {
            QImage frame(64, 48, QImage::Format_RGB32);
            frame.fill(colours[static_cast<std::size_t>(i)]);
            return frame;
        },
        options);
    QVERIFY(written);
    const GifSummary gif = readGif(path);
    QVERIFY(gif.ok);
    QCOMPARE(gif.width, 64);
    QCOMPARE(gif.height, 48);
    QCOMPARE(gif.frames, static_cast<int>(colours.size()));
    for (int i = 0; i < gif.frames; ++i) {
        QCOMPARE(gif.delays[static_cast<std::size_t>(i)], delay);
        QCOMPARE(gif.firstPixel[static_cast<std::size_t>(i)], colours[static_cast<std::size_t>(i)]);
    }
}

void TestExport::gifLoopsForever()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("loop.gif");
    lrlab::GifWriter writer(path, QSize(8, 8));
    QImage frame(8, 8, QImage::Format_RGB32);
    frame.fill(Qt::gray);
    writer.addFrame(frame);
    writer.addFrame(frame.scaled(16, 16)); // other sizes are scaled to the GIF's
    writer.commit();
    const QByteArray bytes = readFile(path);
    QVERIFY(bytes.startsWith("GIF89a"));
    // Application extension: 0x21 0xFF, block of 11 "NETSCAPE2.0", sub-block {3, 1, 0, 0}.
    const QByteArray loop =
        QByteArray("\x21\xff\x0b", 3) + "NETSCAPE2.0" + QByteArray("\x03\x01\x00\x00\x00", 5);
    QVERIFY(bytes.contains(loop));
    QCOMPARE(readGif(path).frames, 2);
}

void TestExport::gifCancelLeavesNoFile()
{
    QTemporaryDir dir;
    const QString fresh = dir.filePath("fresh.gif");
    const auto frame = [](int) {
        QImage f(16, 16, QImage::Format_RGB32);
        f.fill(Qt::cyan);
        return f;
    };
    int calls = 0;
    const bool written =
        lrlab::writeGif(fresh, QSize(16, 16), 10, frame, {}, [&](int done, int total) {
            ++calls;
            return !(done == 3 && total == 10);
        });
    QVERIFY(!written);
    QCOMPARE(calls, 3);
    QVERIFY(!QFile::exists(fresh));
    // An existing file survives a cancelled export.
    const QString existing = dir.filePath("existing.gif");
    QVERIFY(lrlab::writeGif(existing, QSize(16, 16), 2, frame));
    const QByteArray before = readFile(existing);
    QVERIFY(
        !lrlab::writeGif(existing, QSize(32, 32), 5, frame, {}, [](int, int) { return false; }));
    QCOMPARE(readFile(existing), before);
}

void TestExport::csvRowsMatchTheTrace()
{
    lrlab::RunConfig config = toySession().current;
    const lrlab::ExportRun run = lrlab::computeExportRun(config, "current");
    // The trace computed independently here, not through the export code.
    const lrlab::ToyTrace trace = lrlab::runToy(config);
    const QStringList lines =
        QString::fromStdString(lrlab::runTraceCsv(run)).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QString("step,lr,loss,x,y"));
    QCOMPARE(lines.size(), trace.rows() + 1);
    QCOMPARE(trace.rows(), config.steps + 1); // docs/semantics.md §3.1: rows 0..steps
    for (int k = 0; k < trace.rows(); ++k) {
        const QStringList c = cells(lines[k + 1]);
        QCOMPARE(c.size(), 5);
        QCOMPARE(c[0].toInt(), k);
        // 17 significant digits round-trip exactly.
        QCOMPARE(c[1].toDouble(), trace.learningRate[static_cast<std::size_t>(k)]);
        QCOMPARE(c[2].toDouble(), trace.loss[static_cast<std::size_t>(k)]);
        QCOMPARE(c[3].toDouble(), trace.x[static_cast<std::size_t>(k)]);
        QCOMPARE(c[4].toDouble(), trace.y[static_cast<std::size_t>(k)]);
    }
}

void TestExport::combinedCsv()
{
    const lrlab::RunConfig toy = toySession().current;
    lrlab::RunConfig logreg =
        lrlab::parseRunConfig(
            R"({"problem": {"type": "logreg"}, "schedule": {"lr": 0.1}, "steps": 30,
            "eval_every": 10})",
            "logreg")
            .config;
    std::vector<lrlab::ExportRun> runs{lrlab::computeExportRun(toy, "toy, adam"),
                                       lrlab::computeExportRun(logreg, "logreg")};
    std::ostringstream out;
    lrlab::writeCombinedCsv(out, runs);
    const QStringList lines = QString::fromStdString(out.str()).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.first(), QString("run,step,lr,loss,x,y,train_loss,val_loss,val_acc"));
    QCOMPARE(lines.size(), 1 + (toy.steps + 1) + logreg.steps);
    // Toy rows: the label quoted (it holds a comma), no evaluation columns.
    const QString toyRow = lines[1];
    QVERIFY2(toyRow.startsWith("\"toy, adam\",0,"), qPrintable(toyRow));
    QVERIFY2(toyRow.endsWith(",,,"), qPrintable(toyRow));
    // The logreg run: its rows follow, evaluations at multiples of eval_every.
    const lrlab::ModelTrace trace =
        lrlab::runModel(logreg, *lrlab::ModelProblem::create(logreg.problem, logreg.seed));
    const QStringList first = lines[1 + toy.steps + 1].split(',');
    QCOMPARE(first.size(), 9);
    QCOMPARE(first[0], QString("logreg"));
    QCOMPARE(first[1], QString("0"));
    QCOMPARE(first[3].toFloat(), trace.loss[0]);
    QCOMPARE(first[4].toFloat(), trace.x[0]);
    QCOMPARE(first[7].toDouble(), trace.validationLoss[0]); // row 0 is an evaluation row
    const QStringList second = lines[1 + toy.steps + 2].split(',');
    QVERIFY(second[6].isEmpty() && second[7].isEmpty() && second[8].isEmpty());
}

void TestExport::csvFilesPerRun()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const lrlab::Session session = toySession();
    const std::vector<lrlab::ExportRun> runs = lrlab::computeSessionRuns(session);
    QCOMPARE(runs.size(), std::size_t(2));
    const QStringList paths = lrlab::saveRunCsvFiles(runs, dir.filePath("csv"), "trace");
    QCOMPARE(paths, QStringList({dir.filePath("csv/trace-1-lr_0.01.csv"),
                                 dir.filePath("csv/trace-2-current.csv")}));
    for (std::size_t i = 0; i < runs.size(); ++i)
        QCOMPARE(readFile(paths[static_cast<int>(i)]),
                 QByteArray::fromStdString(lrlab::runTraceCsv(runs[i])));
    // The pinned run really is the pinned config (lr 0.01): its first row's lr.
    const QStringList lines = QString(readFile(paths[0])).split('\n');
    QVERIFY(nearlyEqual(cells(lines[1])[1].toDouble(), 0.01));
}

void TestExport::animationSteps_data()
{
    QTest::addColumn<int>("first");
    QTest::addColumn<int>("last");
    QTest::addColumn<int>("frames");
    QTest::addColumn<std::vector<int>>("expected");
    QTest::newRow("five-over-100") << 0 << 100 << 5 << std::vector<int>{0, 25, 50, 75, 100};
    QTest::newRow("one-per-step") << 3 << 7 << 5 << std::vector<int>{3, 4, 5, 6, 7};
    QTest::newRow("rounded") << 0 << 10 << 4 << std::vector<int>{0, 3, 7, 10}; // 10/3 = 3.33
    QTest::newRow("single-frame") << 0 << 50 << 1 << std::vector<int>{50};
}

void TestExport::animationSteps()
{
    QFETCH(int, first);
    QFETCH(int, last);
    QFETCH(int, frames);
    QFETCH(std::vector<int>, expected);
    QCOMPARE(lrlab::animationSteps(first, last, frames), expected);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::animationSteps(5, 4, 2));
    // Default frame count: one per step, but at most 6 s.
    lrlab::AnimationOptions options;
    options.framesPerSecond = 10;
    QCOMPARE(lrlab::animationFrameCount(options, 0, 9), 10);
    QCOMPARE(lrlab::animationFrameCount(options, 0, 999), 60);
}

void TestExport::sessionFiguresToy()
{
    const lrlab::Session session = toySession();
    lrlab::SessionFigures figures(session);
    QCOMPARE(figures.runs().size(), std::size_t(2));
    QVERIFY(figures.runs().back().current);
    QCOMPARE(figures.maximumStep(), 120); // toy rows 0..steps
    QVERIFY(figures.landscapeNote().isEmpty());
    QCOMPARE(figures.dashboard()->findChildren<QCustomPlot*>().size(), 3);
    QCOMPARE(figures.figure(lrlab::FigureKind::Loss), static_cast<QWidget*>(figures.loss()));

    const auto graphNamed = [](QCustomPlot* plot, const QString& name) -> QCPGraph* {
        for (int i = 0; i < plot->graphCount(); ++i)
            if (plot->graph(i)->name() == name)
                return plot->graph(i);
        return nullptr;
    };
    QCPGraph* currentLoss = graphNamed(figures.loss(), "current");
    QVERIFY(currentLoss != nullptr);
    QCOMPARE(currentLoss->dataCount(), 121);
    // The current run's loss plot shows f − f*: Rosenbrock's f* = 0, so f itself at row 0,
    // from the start point (-1.5, 2): (1 + 1.5)² + 100 (2 − 2.25)² = 6.25 + 6.25.
    QVERIFY(nearlyEqual(currentLoss->data()->at(0)->value, 12.5));
    figures.setCursorStep(40);
    QCOMPARE(currentLoss->dataCount(), 41);
    QCOMPARE(graphNamed(figures.loss(), "lr 0.01")->dataCount(), 41);
    // The LR curve stays complete (a schedule is known in advance).
    QCOMPARE(graphNamed(figures.learningRate(), "current")->dataCount(), 121);
    figures.showComplete();
    QCOMPARE(currentLoss->dataCount(), 121);

    // Rendering the dashboard and a plot works without a window.
    lrlab::FigureExportOptions options;
    options.size = QSize(900, 300);
    QCOMPARE(lrlab::renderFigure(figures.dashboard(), options).size(), QSize(900, 300));
}

void TestExport::sessionFiguresModel()
{
    lrlab::Session session;
    session.current =
        lrlab::parseRunConfig(
            R"({"problem": {"type": "linreg"}, "schedule": {"lr": 0.05}, "steps": 60})", "linreg")
            .config;
    lrlab::SessionFigureOptions options;
    options.modelGrid = 12;
    lrlab::SessionFigures figures(session, options);
    QVERIFY2(figures.landscapeNote().isEmpty(), qPrintable(figures.landscapeNote()));
    QCOMPARE(figures.maximumStep(), 60); // minibatch rows 0..steps−1, the path ends at row steps
    int maps = 0, curves = 0;
    for (int i = 0; i < figures.landscape()->plottableCount(); ++i) {
        maps += qobject_cast<QCPColorMap*>(figures.landscape()->plottable(i)) != nullptr;
        curves += qobject_cast<QCPCurve*>(figures.landscape()->plottable(i)) != nullptr;
    }
    QCOMPARE(maps, 1);
    QCOMPARE(curves, 1);
    QCOMPARE(figures.landscape()->xAxis->label(), QString("w")); // the axes plane of (w, b)
}

void TestExport::animationGifFromSession()
{
    QTemporaryDir dir;
    lrlab::SessionFigures figures(toySession());
    lrlab::AnimationOptions options;
    options.size = QSize(320, 200);
    options.frames = 5;
    options.firstStep = 10;
    options.lastStep = 90;
    const QString path = dir.filePath("play.gif");
    std::vector<int> seen;
    QVERIFY(lrlab::exportAnimationGif(figures, lrlab::FigureKind::Loss, options, path,
                                      [&](int done, int total) {
                                          seen.push_back(done);
                                          return total == 5;
                                      }));
    QCOMPARE(seen, (std::vector<int>{1, 2, 3, 4, 5}));
    const GifSummary gif = readGif(path);
    QVERIFY(gif.ok);
    QCOMPARE(gif.frames, 5);
    QCOMPARE(gif.width, 320);
    QCOMPARE(gif.height, 200);
    options.lastStep = 500; // past the runs' end
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             lrlab::exportAnimationGif(figures, lrlab::FigureKind::Loss, options,
                                                       dir.filePath("bad.gif")));
}

void TestExport::cliExport_data()
{
    QTest::addColumn<QString>("plot");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QSize>("size");
    QTest::newRow("landscape-png") << "landscape"
                                   << "png" << QStringList{"--size", "500x400"} << QSize(500, 400);
    QTest::newRow("dashboard-png-2x")
        << "dashboard"
        << "png" << QStringList{"--size", "900x300", "--scale", "2"} << QSize(1800, 600);
    QTest::newRow("loss-svg") << "loss"
                              << "svg" << QStringList{"--size", "640x480"} << QSize(640, 480);
    QTest::newRow("lr-pdf") << "lr"
                            << "pdf" << QStringList{"--size", "640x480"} << QSize(640, 480);
    QTest::newRow("dashboard-gif")
        << "dashboard"
        << "gif" << QStringList{"--size", "600x200", "--steps", "0:9", "--fps", "10"}
        << QSize(600, 200);
}

void TestExport::cliExport()
{
    QFETCH(QString, plot);
    QFETCH(QString, format);
    QFETCH(QStringList, extra);
    QFETCH(QSize, size);
    QVERIFY2(QFile::exists(lrlabBinary()), "LRLAB_BIN must name the lrlab executable");
    QTemporaryDir dir;
    const QString session = dir.filePath("s.json");
    lrlab::saveSession(toySession(), session.toStdString());
    const QString out = dir.filePath("fig." + format);
    const Result r = runLrlab(QStringList{"export", "--session", session, "--plot", plot,
                                          "--format", format, "--out", out} +
                              extra);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QByteArray bytes = readFile(out);
    if (format == "png") {
        QImage image;
        QVERIFY(image.loadFromData(bytes, "PNG"));
        QCOMPARE(image.size(), size);
    } else if (format == "svg") {
        const SvgSummary svg = readSvg(bytes);
        QVERIFY2(svg.error.isEmpty(), qPrintable(svg.error));
        QCOMPARE(svg.viewBox, QString("0 0 %1 %2").arg(size.width()).arg(size.height()));
        QVERIFY2(svg.texts.contains("step"), qPrintable(svg.texts.join('|')));    // x-axis label
        QVERIFY2(svg.texts.contains("lr 0.01"), qPrintable(svg.texts.join('|'))); // legend
    } else if (format == "pdf") {
        QVERIFY(bytes.startsWith("%PDF-"));
        const QRegularExpression page(R"(/Type\s*/Page[^s])");
        QVERIFY(page.match(QString::fromLatin1(bytes)).hasMatch());
    } else {
        const GifSummary gif = readGif(out);
        QVERIFY(gif.ok);
        QCOMPARE(QSize(gif.width, gif.height), size);
        QCOMPARE(gif.frames, 10);         // steps 0..9: one frame a step
        QCOMPARE(gif.delays.front(), 10); // 10 fps
    }
}

void TestExport::cliBadInput_data()
{
    QTest::addColumn<QString>("sessionText");   // empty: a valid session
    QTest::addColumn<QStringList>("arguments"); // after --session F --out OUT
    QTest::addColumn<QString>("expected");
    QTest::newRow("truncated-session") << R"({"version": 1, "current": {"steps": 1)"
                                       << QStringList{"--plot", "loss"} << "s.json: line";
    QTest::newRow("newer-session")
        << R"({"version": 2, "current": {}})" << QStringList{"--plot", "loss"} << "session.version";
    QTest::newRow("bad-config-in-session")
        << R"({"version": 1, "current": {"schedule": {"lr": -1}}})" << QStringList{"--plot", "loss"}
        << "session.current.schedule.lr";
    QTest::newRow("unknown-plot") << QString() << QStringList{"--plot", "surface"} << "--plot";
    QTest::newRow("bad-size") << QString() << QStringList{"--plot", "loss", "--size", "big"}
                              << "--size";
    QTest::newRow("steps-past-end")
        << QString() << QStringList{"--plot", "loss", "--format", "gif", "--steps", "0:5000"}
        << "--steps";
    QTest::newRow("fps-for-png") << QString()
                                 << QStringList{"--plot", "loss", "--format", "png", "--fps", "5"}
                                 << "--fps";
}

void TestExport::cliBadInput()
{
    QFETCH(QString, sessionText);
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QVERIFY2(QFile::exists(lrlabBinary()), "LRLAB_BIN must name the lrlab executable");
    QTemporaryDir dir;
    const QString session = dir.filePath("s.json");
    if (sessionText.isEmpty()) {
        lrlab::saveSession(toySession(), session.toStdString());
    } else {
        QFile f(session);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(sessionText.toUtf8());
    }
    const QString out = dir.filePath("fig.png");
    const Result r =
        runLrlab(QStringList{"export", "--session", session, "--out", out} + arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString(r.err).contains(expected), r.err.constData());
    QVERIFY(!QFile::exists(out));
}

QTEST_MAIN(TestExport)
#include "tst_export.moc"
