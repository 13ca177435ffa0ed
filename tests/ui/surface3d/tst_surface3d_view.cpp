// The 3-D landscape under a real OpenGL (Xvfb + Mesa's software renderer: the "gl" label, see
// tests/CMakeLists.txt). Without OpenGL every test is skipped; tst_surface3d_fallback covers that.
#include "core/analysis/landscape_image.h"
#include "core/engine/toy_run.h"
#include "tests/common/run_configs.h"
#include "tests/ui/surface3d/pixel_variance.h"
#include "ui/surface3d/surface3d_view.h"

#include <QApplication>
#include <QtDataVisualization/QSurface3DSeries>
#include <QtDataVisualization/QSurfaceDataProxy>
#include <QtTest>

#include <cmath>

using namespace lrlab;

namespace {

std::shared_ptr<const ToySurface> rosenbrock()
{
    return std::shared_ptr<const ToySurface>(makeToySurface("rosenbrock"));
}

ShownRun toyRun(const ToySurface& surface, double lr, int id, const QColor& colour)
{
    const RunConfig config = test::rosenbrockRun(lr, 300);
    ShownRun run;
    run.id = id;
    run.colour = colour;
    run.current = id == PinnedRuns::kCurrentId;
    run.record = std::make_shared<RunRecord>(fromToyTrace(config, runToy(config, surface)));
    return run;
}

} // namespace

class TestSurface3DView : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        if (!Surface3DView::available())
            QSKIP("no OpenGL here (run under xvfb-run with QT_QPA_PLATFORM=xcb)");
    }

    void proxyHoldsTheCoreGrid_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("log-loss") << int(SurfaceHeight::LogLoss);
        QTest::newRow("loss") << int(SurfaceHeight::Loss);
    }
    void proxyHoldsTheCoreGrid()
    {
        QFETCH(int, mode);
        const auto surface = rosenbrock();
        const LandscapeImage image = computeLandscapeImage(*surface, 48);
        QWidget parent;
        Surface3DView view(&parent);
        view.setHeight(SurfaceHeight(mode));
        view.showLandscape(image, surface);
        const QSurfaceDataProxy* proxy = view.surfaceSeries()->dataProxy();
        QCOMPARE(proxy->rowCount(), 48);
        QCOMPARE(proxy->columnCount(), 48);
        for (int j = 0; j < 48; j += 7)
            for (int i = 0; i < 48; i += 5) {
                const QVector3D p = proxy->itemAt(j, i)->position();
                const double z = image.at(i, j);
                const double expected = SurfaceHeight(mode) == SurfaceHeight::LogLoss
                                            ? z
                                            : std::pow(10.0, z) - image.offset + image.fMin;
                QVERIFY2(std::abs(p.y() - expected) <= 1e-5 * std::max(1.0, std::abs(expected)),
                         qPrintable(QStringLiteral("cell %1,%2: %3 vs %4")
                                        .arg(i)
                                        .arg(j)
                                        .arg(p.y())
                                        .arg(expected)));
                const double x = image.view.xMin + (image.view.xMax - image.view.xMin) * i / 47;
                const double y = image.view.yMin + (image.view.yMax - image.view.yMin) * j / 47;
                QVERIFY(std::abs(p.x() - x) < 1e-5 && std::abs(p.z() - y) < 1e-5);
            }
    }

    void pathsLieOnTheSurfaceAndBallsFollowPlayback()
    {
        const auto surface = rosenbrock();
        QWidget parent;
        Surface3DView view(&parent);
        view.showLandscape(computeLandscapeImage(*surface, 64), surface);
        view.setRuns({toyRun(*surface, 1e-3, PinnedRuns::kCurrentId, Qt::black),
                      toyRun(*surface, 2e-4, 1, Qt::blue)});
        QCOMPARE(view.pathCount(), 2);
        QVERIFY(view.lift() > 0);
        for (int k = 0; k < view.pathCount(); ++k) {
            const LiftedPath& path = view.path(k);
            QVERIFY(path.points.size() > 100);
            for (const QVector3D& p : path.points) {
                const double loss = surface->valueAt(p.x(), p.z());
                const double expected =
                    landscapeTransform(loss, view.landscape().fMin, view.landscape().offset) +
                    view.lift();
                QVERIFY(std::abs(p.y() - expected) < 1e-4);
            }
        }
        for (int step : {0, 17, 150, 299, 5000}) {
            view.setCursorStep(step);
            for (int k = 0; k < view.pathCount(); ++k) {
                const LiftedPath& path = view.path(k);
                const int index = std::min<int>(step, static_cast<int>(path.rows.size()) - 1);
                QCOMPARE(path.rows[std::size_t(index)], std::min(step, path.rows.back()));
                QCOMPARE(view.ballPosition(k), path.points[std::size_t(index)]);
            }
        }
        // The surface stays while only the runs change.
        QSignalSpy surfaceChanges(&view, &Surface3DView::surfaceChanged);
        view.setRuns({toyRun(*surface, 5e-4, PinnedRuns::kCurrentId, Qt::black)});
        QCOMPARE(surfaceChanges.count(), 0);
        QCOMPARE(view.pathCount(), 1);
    }

    void renderedImagesHaveTheSizeAndAreNotBlank_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("small") << QSize(320, 240);
        QTest::newRow("large") << QSize(1280, 900);
    }
    void renderedImagesHaveTheSizeAndAreNotBlank()
    {
        QFETCH(QSize, size);
        const auto surface = rosenbrock();
        QWidget parent;
        parent.resize(640, 480);
        Surface3DView view(&parent);
        view.widget()->resize(640, 480);
        view.showLandscape(computeLandscapeImage(*surface, 64), surface);
        view.setRuns({toyRun(*surface, 1e-3, PinnedRuns::kCurrentId, Qt::black)});
        parent.show();
        QVERIFY(QTest::qWaitForWindowExposed(&parent));
        const QImage image = view.render(size);
        QCOMPARE(image.size(), size);
        QVERIFY2(lrlab::test::pixelVariance(image) > 50.0, "the rendered view is blank");
        if (qEnvironmentVariableIsSet("LRLAB_SURFACE3D_SHOT"))
            image.save(qEnvironmentVariable("LRLAB_SURFACE3D_SHOT"));
    }
};

QTEST_MAIN(TestSurface3DView)
#include "tst_surface3d_view.moc"
