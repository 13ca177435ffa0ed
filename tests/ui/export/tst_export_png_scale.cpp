// A PNG at scale s is the 1x figure with s times the pixels: the layout (title, axis titles,
// tick labels, legend) stays that of the logical size and only gets sharper. Each scaled image
// is exactly s times the logical size, shrinks back to nearly the 1x image, and has ink at the
// same relative rows (the title at the top, the axis title at the bottom) as the 1x image.
#include "ui/export/plot_export.h"

#include <QImage>
#include <QTest>

#include <qcustomplot.h>

#include <cmath>
#include <memory>

namespace {

constexpr int kWidth = 480;
constexpr int kHeight = 320;
/// Mean absolute difference per channel (0..255) allowed between the 1x image and a scaled
/// image shrunk to 1x: anti-aliasing and hinting differ at each scale, a layout that differs
/// (text twice as large, margins that do not fit it) gives more (measured: 3.1 at 2x and 2.3
/// at 3x against 8.2 and 11.0 when the fonts grew with the scale and the layout did not).
constexpr double kMaxMeanDifference = 5.0;

/// A figure like the window's curves: a title, both axis titles, tick labels and a legend.
std::unique_ptr<QCustomPlot> makeFigure()
{
    auto plot = std::make_unique<QCustomPlot>();
    plot->resize(kWidth, kHeight);
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0, new QCPTextElement(plot.get(), "Loss (log scale)"));
    QVector<double> x, y;
    for (int i = 0; i <= 400; ++i) {
        x << i;
        y << std::exp(-i / 120.0) + 0.05;
    }
    QCPGraph* graph = plot->addGraph();
    graph->setName(QStringLiteral("minibatch loss"));
    graph->setPen(QPen(QColor(0, 114, 178), 2));
    graph->setData(x, y);
    plot->xAxis->setLabel(QStringLiteral("step"));
    plot->yAxis->setLabel(QStringLiteral("minibatch loss"));
    plot->legend->setVisible(true);
    plot->rescaleAxes();
    return plot;
}

QImage render(QWidget* figure, double scale)
{
    lrlab::FigureExportOptions options;
    options.size = QSize(kWidth, kHeight);
    options.scale = scale;
    return lrlab::renderFigure(figure, options).convertToFormat(QImage::Format_RGB32);
}

double meanAbsoluteDifference(const QImage& a, const QImage& b)
{
    double sum = 0.0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y), q = b.pixel(x, y);
            sum += std::abs(qRed(p) - qRed(q)) + std::abs(qGreen(p) - qGreen(q)) +
                   std::abs(qBlue(p) - qBlue(q));
        }
    return sum / (3.0 * a.width() * a.height());
}

/// Pixels darker than light grey (text, axes, ticks) in rows [top, bottom) of image.
int inkInRows(const QImage& image, int top, int bottom)
{
    int n = 0;
    for (int y = top; y < bottom; ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 160)
                ++n;
    return n;
}

} // namespace

class TestExportPngScale : public QObject
{
    Q_OBJECT
private slots:
    void scaledLooksLikeOneX_data();
    void scaledLooksLikeOneX();
};

void TestExportPngScale::scaledLooksLikeOneX_data()
{
    QTest::addColumn<int>("scale");
    QTest::newRow("2x") << 2;
    QTest::newRow("3x") << 3;
}

void TestExportPngScale::scaledLooksLikeOneX()
{
    QFETCH(int, scale);
    const auto figure = makeFigure();
    const QImage one = render(figure.get(), 1.0);
    const QImage scaled = render(figure.get(), scale);
    QCOMPARE(one.size(), QSize(kWidth, kHeight));
    QCOMPARE(scaled.size(), QSize(kWidth * scale, kHeight * scale));

    const QImage shrunk =
        scaled.scaled(one.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const double difference = meanAbsoluteDifference(one, shrunk);
    qInfo("%dx shrunk to 1x: mean absolute difference %.2f", scale, difference);
    QVERIFY2(difference < kMaxMeanDifference,
             qPrintable(QString("mean absolute difference %1").arg(difference)));

    // The title (top band) and the x-axis title (bottom band) are drawn at both scales, with
    // about as much ink relative to the image's area.
    const struct
    {
        const char* what;
        int top, bottom; ///< rows of the 1x image
    } bands[] = {{"title", 0, 28}, {"x-axis title", kHeight - 22, kHeight}};
    for (const auto& band : bands) {
        const int inkOne = inkInRows(one, band.top, band.bottom);
        const int inkScaled = inkInRows(scaled, band.top * scale, band.bottom * scale);
        const double ratio = inkScaled / (double(scale * scale) * std::max(inkOne, 1));
        qInfo("%s: ink %d at 1x, %d at %dx (ratio %.2f)", band.what, inkOne, inkScaled, scale,
              ratio);
        QVERIFY2(inkOne > 20, band.what);
        QVERIFY2(ratio > 0.5 && ratio < 2.0, qPrintable(QString("%1: ink %2 at 1x, %3 at %4x")
                                                            .arg(band.what)
                                                            .arg(inkOne)
                                                            .arg(inkScaled)
                                                            .arg(scale)));
    }
}

QTEST_MAIN(TestExportPngScale)
#include "tst_export_png_scale.moc"
