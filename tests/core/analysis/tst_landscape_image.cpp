// The landscape image (the colour map's data): the same grid as the core's computeToyGrid (so
// the window and `lrlab surface` sample the same numbers), the log transform with its floor and
// offset, cancellation, and grids with cells missing.
#include "core/analysis/landscape.h"
#include "core/analysis/landscape_image.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace lrlab;

class TestLandscapeImage : public QObject
{
    Q_OBJECT

private slots:
    void toyImageIsTheCoreGrid_data();
    void toyImageIsTheCoreGrid();
    void transformIsMonotone();
    void missingCellsTakeTheTop();
    void cancelledGivesEmptyImage();
    void tooSmallHasNoCells();
};

void TestLandscapeImage::toyImageIsTheCoreGrid_data()
{
    QTest::addColumn<QString>("surface");
    QTest::addColumn<int>("size");
    QTest::newRow("rosenbrock-64") << "rosenbrock" << 64;
    QTest::newRow("styblinski-tang-negative-values") << "styblinski_tang" << 33;
    QTest::newRow("saddle-2") << "saddle" << 2;
}

void TestLandscapeImage::toyImageIsTheCoreGrid()
{
    QFETCH(QString, surface);
    QFETCH(int, size);
    const auto toy = makeToySurface(surface.toStdString());
    const ProblemInfo info = toy->info();
    const LandscapeImage image = computeLandscapeImage(*toy, size);
    QCOMPARE(image.size, size);
    QCOMPARE(image.surface, info.name);
    QCOMPARE(image.z.size(), std::size_t(size) * std::size_t(size));

    const LandscapeGrid grid = computeToyGrid(*toy, size, info.view);
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    for (const double f : grid.loss) {
        lo = std::min(lo, f);
        hi = std::max(hi, f);
    }
    QCOMPARE(image.fMin, std::min(lo, info.minimumValue));
    QCOMPARE(image.offset, std::max(1e-4 * (hi - image.fMin), 1e-12));
    for (int j = 0; j < size; ++j)
        for (int i = 0; i < size; ++i)
            QCOMPARE(image.at(i, j), landscapeTransform(grid.at(i, j), image.fMin, image.offset));
    // The lowest cell is at most log10 of the offset above the floor.
    const double lowest = *std::min_element(image.z.begin(), image.z.end());
    QVERIFY(lowest >= std::log10(image.offset) - 1e-12);
}

void TestLandscapeImage::transformIsMonotone()
{
    const double fMin = -2.0;
    const double offset = 1e-3;
    QCOMPARE(landscapeTransform(fMin, fMin, offset), std::log10(offset));
    QCOMPARE(landscapeTransform(fMin - 5.0, fMin, offset), std::log10(offset)); // clamped
    double previous = landscapeTransform(fMin, fMin, offset);
    for (int k = -6; k <= 6; ++k) {
        const double z = landscapeTransform(fMin + std::pow(10.0, k), fMin, offset);
        QVERIFY(z > previous);
        previous = z;
    }
}

void TestLandscapeImage::missingCellsTakeTheTop()
{
    LandscapeGrid grid;
    grid.n = 2;
    grid.loss = {1.0, std::numeric_limits<double>::quiet_NaN(), 3.0,
                 std::numeric_limits<double>::infinity()};
    const LandscapeImage image = landscapeImageFromGrid(grid, ViewBox{0, 1, 0, 1}, "key", 0.5);
    QCOMPARE(image.surface, std::string("key"));
    QCOMPARE(image.fMin, 0.5);                // the known minimum is below the samples
    QCOMPARE(image.at(1, 0), image.at(0, 1)); // NaN takes the largest finite value
    QCOMPARE(image.at(1, 1), image.at(0, 1)); // so does infinity
    QVERIFY(image.at(0, 0) < image.at(0, 1));

    LandscapeGrid empty;
    empty.n = 2;
    empty.loss.assign(4, std::numeric_limits<double>::quiet_NaN());
    const LandscapeImage flat = landscapeImageFromGrid(empty, ViewBox{0, 1, 0, 1}, "k", NAN);
    for (const double z : flat.z)
        QVERIFY(std::isfinite(z));
}

void TestLandscapeImage::cancelledGivesEmptyImage()
{
    const auto toy = makeToySurface("ackley");
    CancelFlag cancel{true};
    const LandscapeImage image = computeLandscapeImage(*toy, 128, &cancel);
    QCOMPARE(image.size, 0);
    QVERIFY(image.z.empty());
}

void TestLandscapeImage::tooSmallHasNoCells()
{
    const auto toy = makeToySurface("booth");
    const LandscapeImage image = computeLandscapeImage(*toy, 1);
    QCOMPARE(image.size, 0);
    QVERIFY(image.z.empty());
    QCOMPARE(image.surface, toy->info().name);
}

QTEST_GUILESS_MAIN(TestLandscapeImage)
#include "tst_landscape_image.moc"
