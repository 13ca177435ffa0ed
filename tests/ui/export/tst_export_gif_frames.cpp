// The GIF export's frame pipeline: frames quantised and compressed on workers give the same
// file for any thread count, and a valid animation (frame count, size, delay, colours) as
// QImageReader decodes it; the fixed palette maps each pixel to a nearest palette colour.
#include "tests/common/export_sessions.h"
#include "ui/export/animation_export.h"
#include "ui/export/gif_frame_encoding.h"
#include "ui/export/gif_writer.h"
#include "ui/export/session_figures.h"

#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QImageReader>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <gif_lib.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <set>
#include <vector>

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Every frame of a GIF as QImageReader decodes it, with its delay in ms.
struct Decoded
{
    QSize size;
    std::vector<QImage> frames;
    std::vector<int> delays;
};

Decoded decode(const QString& path)
{
    Decoded d;
    QImageReader reader(path, "gif");
    d.size = reader.size();
    QImage frame;
    while (reader.read(&frame)) {
        d.delays.push_back(reader.nextImageDelay());
        d.frames.push_back(frame.convertToFormat(QImage::Format_RGB32));
    }
    return d;
}

/// A picture with smooth gradients, flat areas and a shape that moves with phase.
QImage testFrame(const QSize& size, int phase)
{
    QImage image(size, QImage::Format_RGB32);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            image.setPixel(x, y, qRgb(x * 255 / size.width(), y * 255 / size.height(), 90));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::white);
    painter.drawEllipse(QPointF(10 + 7 * phase, size.height() / 2.0), 12, 9);
    return image;
}

int distinctColours(const QImage& image)
{
    std::set<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return static_cast<int>(colours.size());
}

} // namespace

class TestExportGifFrames : public QObject
{
    Q_OBJECT
private slots:
    void sameFileForAnyThreadCount_data();
    void sameFileForAnyThreadCount();
    void fixedPaletteIsNearest();
    void compressedAsGiflibCompresses_data();
    void compressedAsGiflibCompresses();
    void animationFromSessionIsThreadIndependent();
};

void TestExportGifFrames::sameFileForAnyThreadCount_data()
{
    QTest::addColumn<lrlab::GifPalette>("palette");
    QTest::addColumn<double>("fps");
    QTest::addColumn<int>("delayMs");
    QTest::newRow("per-frame-10fps") << lrlab::GifPalette::PerFrame << 10.0 << 100;
    QTest::newRow("fixed-25fps") << lrlab::GifPalette::Fixed << 25.0 << 40;
}

void TestExportGifFrames::sameFileForAnyThreadCount()
{
    QFETCH(lrlab::GifPalette, palette);
    QFETCH(double, fps);
    QFETCH(int, delayMs);
    QTemporaryDir dir;
    const QSize size(96, 64);
    constexpr int kFrames = 12;
    QByteArray first;
    for (int threads : {1, 2, 5}) {
        lrlab::GifOptions options;
        options.palette = palette;
        options.framesPerSecond = fps;
        options.threads = threads;
        const QString path = dir.filePath(QStringLiteral("t%1.gif").arg(threads));
        QVERIFY(lrlab::writeGif(
            path, size, kFrames, [&](int i) { return testFrame(size, i); }, options));
        const QByteArray bytes = readAll(path);
        QVERIFY(bytes.startsWith("GIF89a"));
        if (first.isEmpty())
            first = bytes;
        else
            QVERIFY2(bytes == first, qPrintable(QStringLiteral("%1 threads").arg(threads)));
    }
    const Decoded gif = decode(dir.filePath("t1.gif"));
    QCOMPARE(gif.size, size);
    QCOMPARE(static_cast<int>(gif.frames.size()), kFrames);
    for (std::size_t i = 0; i < gif.frames.size(); ++i) {
        QCOMPARE(gif.delays[i], delayMs);
        // The moving white shape is where frame i drew it, and the gradient survives.
        const QColor centre = gif.frames[i].pixelColor(10 + 7 * static_cast<int>(i), 32);
        QVERIFY2(centre.red() > 200 && centre.green() > 200 && centre.blue() > 200,
                 qPrintable(centre.name()));
        QVERIFY(distinctColours(gif.frames[i]) > 20);
    }
    QVERIFY(gif.frames.front() != gif.frames.back());
}

void TestExportGifFrames::fixedPaletteIsNearest()
{
    // Random colours, so that the colour cache meets collisions and every region of the cube.
    QImage image(256, 64, QImage::Format_RGB32);
    QRandomGenerator random(7);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixel(x, y, random.generate() | 0xff000000u);
    lrlab::GifOptions options;
    options.palette = lrlab::GifPalette::Fixed;
    QTemporaryDir dir;
    const QString path = dir.filePath("fixed.gif");
    QVERIFY(lrlab::writeGif(
        path, image.size(), 1, [&](int) { return image; }, options));
    const Decoded gif = decode(path);
    QCOMPARE(static_cast<int>(gif.frames.size()), 1);
    const auto& palette = lrlab::fixedGifPalette();
    const auto distance = [](QRgb a, const lrlab::GifColour& c) {
        const auto sq = [](int d) { return d * d; };
        return sq(qRed(a) - c.red) + sq(qGreen(a) - c.green) + sq(qBlue(a) - c.blue);
    };
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb original = image.pixel(x, y);
            int nearest = std::numeric_limits<int>::max();
            for (const lrlab::GifColour& c : palette)
                nearest = std::min(nearest, distance(original, c));
            const QRgb decoded = gif.frames[0].pixel(x, y);
            const lrlab::GifColour got{static_cast<std::uint8_t>(qRed(decoded)),
                                       static_cast<std::uint8_t>(qGreen(decoded)),
                                       static_cast<std::uint8_t>(qBlue(decoded))};
            QVERIFY2(std::find_if(palette.begin(), palette.end(),
                                  [&](const lrlab::GifColour& c) {
                                      return c.red == got.red && c.green == got.green &&
                                             c.blue == got.blue;
                                  }) != palette.end(),
                     "a colour outside the palette");
            QCOMPARE(distance(original, got), nearest);
        }
}

/// The file giflib itself writes for frames of fixed-palette indices, with the writer's header
/// (screen descriptor with the fixed table, loop forever) and 10 fps frames.
QByteArray giflibFile(const QSize& size, const std::vector<std::vector<GifByteType>>& frames)
{
    QByteArray bytes;
    int error = 0;
    GifFileType* gif = EGifOpen(
        &bytes,
        [](GifFileType* g, const GifByteType* data, int length) {
            static_cast<QByteArray*>(g->UserData)
                ->append(reinterpret_cast<const char*>(data), length);
            return length;
        },
        &error);
    EGifSetGifVersion(gif, true);
    std::array<GifColorType, 256> colours{};
    for (std::size_t i = 0; i < colours.size(); ++i) {
        const lrlab::GifColour& c = lrlab::fixedGifPalette()[i];
        colours[i] = GifColorType{c.red, c.green, c.blue};
    }
    ColorMapObject* map = GifMakeMapObject(256, colours.data());
    EGifPutScreenDesc(gif, size.width(), size.height(), 8, 0, map);
    static const GifByteType netscape[] = "NETSCAPE2.0";
    static const GifByteType loopForever[3] = {1, 0, 0};
    EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE);
    EGifPutExtensionBlock(gif, 11, netscape);
    EGifPutExtensionBlock(gif, 3, loopForever);
    EGifPutExtensionTrailer(gif);
    for (const auto& indices : frames) {
        GraphicsControlBlock control{};
        control.DisposalMode = DISPOSE_DO_NOT;
        control.DelayTime = 10;
        control.TransparentColor = NO_TRANSPARENT_COLOR;
        GifByteType extension[4];
        const auto length = EGifGCBToExtension(&control, extension);
        EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension);
        EGifPutImageDesc(gif, 0, 0, size.width(), size.height(), false, nullptr);
        for (int y = 0; y < size.height(); ++y)
            EGifPutLine(gif, const_cast<GifByteType*>(indices.data()) + y * size.width(),
                        size.width());
    }
    EGifCloseFile(gif, &error);
    GifFreeMapObject(map);
    return bytes;
}

void TestExportGifFrames::compressedAsGiflibCompresses_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<int>("colours"); // how many palette entries the frames use
    QTest::newRow("flat 1 colour") << QSize(40, 30) << 1;
    QTest::newRow("few colours, long runs") << QSize(300, 200) << 3;
    // Random pixels of every entry: the string table fills and is cleared many times.
    QTest::newRow("256 colours") << QSize(320, 240) << 256;
    QTest::newRow("one pixel") << QSize(1, 1) << 256;
}

void TestExportGifFrames::compressedAsGiflibCompresses()
{
    QFETCH(QSize, size);
    QFETCH(int, colours);
    QRandomGenerator random(11);
    std::vector<std::vector<GifByteType>> indices;
    std::vector<QImage> images;
    for (int f = 0; f < 3; ++f) {
        std::vector<GifByteType> frame(static_cast<std::size_t>(size.width()) * size.height());
        QImage image(size, QImage::Format_RGB32);
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x) {
                const int index = colours == 3 ? ((x + f * 7) / 37 + y / 50) % 3
                                               : static_cast<int>(random.bounded(colours));
                frame[static_cast<std::size_t>(y) * size.width() + x] =
                    static_cast<GifByteType>(index);
                const lrlab::GifColour& c =
                    lrlab::fixedGifPalette()[static_cast<std::size_t>(index)];
                image.setPixel(x, y, qRgb(c.red, c.green, c.blue));
            }
        indices.push_back(frame);
        images.push_back(image);
    }
    lrlab::GifOptions options;
    options.palette = lrlab::GifPalette::Fixed;
    options.framesPerSecond = 10.0;
    QTemporaryDir dir;
    const QString path = dir.filePath("fixed.gif");
    QVERIFY(lrlab::writeGif(
        path, size, 3, [&](int i) { return images[static_cast<std::size_t>(i)]; }, options));
    const QByteArray expected = giflibFile(size, indices);
    const QByteArray written = readAll(path);
    QCOMPARE(written.size(), expected.size());
    QVERIFY(written == expected);
}

void TestExportGifFrames::animationFromSessionIsThreadIndependent()
{
    QTemporaryDir dir;
    lrlab::SessionFigures figures(lrlab::test::toyExportSession());
    lrlab::AnimationOptions options;
    options.size = QSize(360, 310);
    options.frames = 8;
    options.framesPerSecond = 15.0; // 7 cs
    QByteArray first;
    for (int threads : {1, 3}) {
        options.threads = threads;
        const QString path = dir.filePath(QStringLiteral("play%1.gif").arg(threads));
        QVERIFY(lrlab::exportAnimationGif(figures, lrlab::FigureKind::Landscape, options, path));
        const QByteArray bytes = readAll(path);
        if (first.isEmpty())
            first = bytes;
        else
            QVERIFY(bytes == first);
    }
    const Decoded gif = decode(dir.filePath("play1.gif"));
    QCOMPARE(gif.size, options.size);
    QCOMPARE(static_cast<int>(gif.frames.size()), options.frames);
    for (std::size_t i = 0; i < gif.frames.size(); ++i) {
        QCOMPARE(gif.delays[i], 70);
        QVERIFY2(distinctColours(gif.frames[i]) > 30, "a blank frame");
    }
    // The paths grow: consecutive frames differ.
    for (std::size_t i = 1; i < gif.frames.size(); ++i)
        QVERIFY(gif.frames[i] != gif.frames[i - 1]);
}

QTEST_MAIN(TestExportGifFrames)
#include "tst_export_gif_frames.moc"
