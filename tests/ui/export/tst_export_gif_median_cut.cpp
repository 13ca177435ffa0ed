// The GIF export's own median cut (quantizeMedianCut): pictures of at most 256 colours keep them
// exactly; richer pictures come out as faithful as giflib's median cut makes them; the result
// depends on nothing but the picture, also when several threads quantise at once.
#include "ui/export/gif_median_cut.h"

#include <QApplication>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QTest>

#include <gif_lib.h>

#include <cmath>
#include <cstdlib>
#include <set>
#include <thread>
#include <vector>

namespace {

/// A plot-like figure: white page, a heat map with a smooth colour scale, antialiased curves
/// in a few colours, axes and text.
QImage plotFigure(const QSize& size)
{
    QImage image(size, QImage::Format_RGB888);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF map(40, 20, size.width() * 0.55, size.height() - 60);
    for (int y = 0; y < static_cast<int>(map.height()); ++y)
        for (int x = 0; x < static_cast<int>(map.width()); ++x) {
            const double u = x / map.width(), v = y / map.height();
            const double value = 0.5 + 0.5 * std::sin(6 * u + 3 * v) * std::cos(4 * v - 2 * u);
            // A viridis-like scale: dark blue through teal to yellow.
            image.setPixel(static_cast<int>(map.left()) + x, static_cast<int>(map.top()) + y,
                           qRgb(static_cast<int>(68 + 185 * value * value),
                                static_cast<int>(1 + 230 * value),
                                static_cast<int>(84 + 80 * std::sin(3.1 * value))));
        }
    painter.setPen(QPen(Qt::black, 1.5));
    painter.drawRect(map);
    const QColor curveColours[] = {QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),
                                   QColor(214, 39, 40)};
    const double left = map.right() + 20, width = size.width() - left - 10;
    for (int c = 0; c < 4; ++c) {
        QPainterPath path;
        for (int i = 0; i <= 100; ++i) {
            const double x = left + width * i / 100.0;
            const double y =
                40 + 50 * c + 30 * std::exp(-i / (15.0 + 10 * c)) + 8 * std::sin(i * 0.3 + c);
            i == 0 ? path.moveTo(x, y) : path.lineTo(x, y);
        }
        painter.setPen(QPen(curveColours[c], 2.0));
        painter.drawPath(path);
    }
    painter.setPen(Qt::black);
    painter.drawText(QPointF(left, size.height() - 15), QStringLiteral("step 1200, loss 0.314"));
    return image;
}

/// Mean absolute difference per channel between rgb and palette[indices].
double meanChannelError(const QImage& rgb, const std::vector<std::uint8_t>& indices,
                        const std::array<lrlab::GifColour, 256>& palette)
{
    double total = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const uchar* line = rgb.constScanLine(y);
        for (int x = 0; x < rgb.width(); ++x) {
            const lrlab::GifColour& c =
                palette[indices[static_cast<std::size_t>(y) * rgb.width() + x]];
            total += std::abs(line[3 * x] - c.red) + std::abs(line[3 * x + 1] - c.green) +
                     std::abs(line[3 * x + 2] - c.blue);
        }
    }
    return total / (3.0 * rgb.width() * rgb.height());
}

/// giflib's median cut (GifQuantizeBuffer) as the export used it before: each entry then the
/// mean of the 8-bit pixels mapped to it. Its mean channel error against rgb.
double giflibChannelError(const QImage& rgb)
{
    const auto pixels = static_cast<std::size_t>(rgb.width()) * rgb.height();
    std::vector<GifByteType> red(pixels), green(pixels), blue(pixels), indices(pixels);
    for (int y = 0; y < rgb.height(); ++y)
        for (int x = 0; x < rgb.width(); ++x) {
            const uchar* p = rgb.constScanLine(y) + 3 * x;
            const auto i = static_cast<std::size_t>(y) * rgb.width() + x;
            red[i] = p[0];
            green[i] = p[1];
            blue[i] = p[2];
        }
    std::array<GifColorType, 256> table{};
    int count = 256;
    if (GifQuantizeBuffer(static_cast<unsigned>(rgb.width()), static_cast<unsigned>(rgb.height()),
                          &count, red.data(), green.data(), blue.data(), indices.data(),
                          table.data()) == GIF_ERROR)
        return -1;
    std::array<std::array<std::uint64_t, 4>, 256> sums{};
    for (std::size_t p = 0; p < pixels; ++p) {
        auto& sum = sums[indices[p]];
        sum[0] += red[p];
        sum[1] += green[p];
        sum[2] += blue[p];
        ++sum[3];
    }
    std::array<lrlab::GifColour, 256> palette{};
    for (std::size_t c = 0; c < sums.size(); ++c)
        if (sums[c][3] != 0) {
            const auto mean = [&](std::uint64_t v) {
                return static_cast<std::uint8_t>((v + sums[c][3] / 2) / sums[c][3]);
            };
            palette[c] = lrlab::GifColour{mean(sums[c][0]), mean(sums[c][1]), mean(sums[c][2])};
        }
    return meanChannelError(rgb, std::vector<std::uint8_t>(indices.begin(), indices.end()),
                            palette);
}

/// A picture of `colours` random distinct colours at random places; the first ones come in
/// pairs one step apart (the same 5-bit bin), which a binned palette would merge.
QImage fewColourPicture(const QSize& size, int colours, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<QRgb> palette;
    std::set<QRgb> seen;
    while (static_cast<int>(palette.size()) < colours) {
        QRgb c = random.generate() | 0xff000000u;
        if (palette.size() % 2 == 1 && palette.size() < 64)
            c = palette.back() ^ 1u; // differs from the previous one in the lowest blue bit
        if (seen.insert(c).second)
            palette.push_back(c);
    }
    QImage image(size, QImage::Format_RGB888);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x) {
            const int i = static_cast<int>(y * size.width() + x) < colours
                              ? y * size.width() + x // every colour at least once
                              : static_cast<int>(random.bounded(colours));
            image.setPixel(x, y, palette[static_cast<std::size_t>(i)]);
        }
    return image;
}

bool samePicture(const lrlab::QuantizedPicture& a, const lrlab::QuantizedPicture& b)
{
    if (a.indices != b.indices || a.colourCount != b.colourCount)
        return false;
    for (std::size_t i = 0; i < a.palette.size(); ++i)
        if (a.palette[i].red != b.palette[i].red || a.palette[i].green != b.palette[i].green ||
            a.palette[i].blue != b.palette[i].blue)
            return false;
    return true;
}

} // namespace

class TestExportGifMedianCut : public QObject
{
    Q_OBJECT
private slots:
    void fewColoursKeptExactly_data();
    void fewColoursKeptExactly();
    void plotFigureAsFaithfulAsGiflib();
    void sameResultOnConcurrentThreads();
};

void TestExportGifMedianCut::fewColoursKeptExactly_data()
{
    QTest::addColumn<int>("colours");
    QTest::newRow("1") << 1;
    QTest::newRow("2") << 2;
    QTest::newRow("40") << 40;
    QTest::newRow("255") << 255;
    QTest::newRow("256") << 256;
}

void TestExportGifMedianCut::fewColoursKeptExactly()
{
    QFETCH(int, colours);
    const QImage image = fewColourPicture(QSize(97, 53), colours, static_cast<quint32>(colours));
    const lrlab::QuantizedPicture picture = lrlab::quantizeMedianCut(image);
    QCOMPARE(picture.colourCount, colours);
    std::set<QRgb> entries;
    for (int i = 0; i < picture.colourCount; ++i) {
        const lrlab::GifColour& c = picture.palette[static_cast<std::size_t>(i)];
        entries.insert(qRgb(c.red, c.green, c.blue));
    }
    QCOMPARE(static_cast<int>(entries.size()), colours); // no entry twice
    QCOMPARE(meanChannelError(image, picture.indices, picture.palette), 0.0);
}

void TestExportGifMedianCut::plotFigureAsFaithfulAsGiflib()
{
    const QImage image = plotFigure(QSize(360, 310));
    const lrlab::QuantizedPicture picture = lrlab::quantizeMedianCut(image);
    QVERIFY(picture.colourCount > 200 && picture.colourCount <= 256);
    for (std::uint8_t index : picture.indices)
        QVERIFY(index < picture.colourCount);
    const double ours = meanChannelError(image, picture.indices, picture.palette);
    const double giflib = giflibChannelError(image);
    QVERIFY(giflib >= 0);
    qInfo("mean channel error: ours %.3f, giflib %.3f", ours, giflib);
    QVERIFY(ours > 0); // more than 256 colours: binned, not exact
    // Within 1 of 255 on average, and at most 0.1 worse than giflib (both about 0.44 here).
    QVERIFY2(ours <= 1.0, qPrintable(QString::number(ours)));
    QVERIFY2(ours <= giflib + 0.1, qPrintable(QStringLiteral("%1 vs %2").arg(ours).arg(giflib)));
}

void TestExportGifMedianCut::sameResultOnConcurrentThreads()
{
    std::vector<QImage> images;
    for (int i = 0; i < 4; ++i)
        images.push_back(i % 2 == 0 ? plotFigure(QSize(200 + 10 * i, 150))
                                    : fewColourPicture(QSize(120, 90), 300 + i, i));
    std::vector<lrlab::QuantizedPicture> alone;
    for (const QImage& image : images)
        alone.push_back(lrlab::quantizeMedianCut(image));
    std::vector<std::vector<lrlab::QuantizedPicture>> together(images.size());
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < images.size(); ++t)
        threads.emplace_back([&, t] {
            for (int round = 0; round < 5; ++round)
                together[t].push_back(lrlab::quantizeMedianCut(images[t]));
        });
    for (std::thread& thread : threads)
        thread.join();
    for (std::size_t t = 0; t < images.size(); ++t)
        for (const lrlab::QuantizedPicture& picture : together[t])
            QVERIFY(samePicture(picture, alone[t]));
}

QTEST_MAIN(TestExportGifMedianCut)
#include "tst_export_gif_median_cut.moc"
