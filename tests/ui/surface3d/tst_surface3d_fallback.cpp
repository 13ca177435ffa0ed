// Without OpenGL (the offscreen platform of the ui tests, some remote desktops) the 3-D view is a
// label that says why, and nothing else happens.
#include "core/analysis/landscape_image.h"
#include "tests/ui/surface3d/surface3d_window_checks.h"
#include "ui/explorer/landscape_view.h"
#include "ui/surface3d/surface3d_view.h"

#include <QAction>
#include <qcustomplot.h>

#include <QApplication>
#include <QLabel>
#include <QtTest>

using namespace lrlab;

class TestSurface3DFallback : public QObject
{
    Q_OBJECT

private slots:
    void pathsStopWhereTheyLeaveTheBox()
    {
        PlanePath path{{0, 1, 2, 3, 4}, {0.0, 0.5, 3.0, 0.2, 0.1}, {0.0, 0.5, 0.0, 0.2, 0.1}};
        const ViewBox box{-1, 1, -1, 1};
        const LiftedPath lifted = liftPath(
            path, box, [](double x, double y) { return x + y; }, 0.5);
        QCOMPARE(lifted.points.size(), std::size_t(2));
        QCOMPARE(lifted.points[1], QVector3D(0.5f, 1.5f, 0.5f));
        QCOMPARE(lifted.pointAtStep(7), lifted.points[1]);
        QCOMPARE(lifted.pointAtStep(-1), lifted.points[0]);
        path.x[1] = std::nan("");
        QCOMPARE(liftPath(
                     path, box, [](double, double) { return 0.0; }, 0.0)
                     .points.size(),
                 std::size_t(1));
    }

    void offscreenHasNo3D()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("offscreen"));
        QString why;
        QVERIFY(!Surface3DView::available(&why));
        QVERIFY(why.contains(QStringLiteral("OpenGL")));
        QWidget parent;
        Surface3DView view(&parent);
        QVERIFY(view.graph() == nullptr);
        auto* label = qobject_cast<QLabel*>(view.widget());
        QVERIFY(label);
        QCOMPARE(label->text(), why);
        // Everything is a no-op that keeps the geometry: no crash, no image.
        const std::shared_ptr<const ToySurface> surface(makeToySurface("rosenbrock"));
        view.showLandscape(computeLandscapeImage(*surface, 16), surface);
        QCOMPARE(view.grid().size, 16);
        view.setCursorStep(3);
        view.setCamera(SurfaceCamera::Above);
        view.setFollowBall(true);
        QVERIFY(view.render(QSize(100, 100)).isNull());
    }

    void windowKeepsTheMap()
    {
        QTemporaryDir home;
        test::useTemporaryHome(home, QStringLiteral("tst_surface3d_fallback"));
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        Landscape3DController* landscape = window.landscape3d();
        for (LandscapeMode mode : {LandscapeMode::Surface, LandscapeMode::Both}) {
            QAction* action = landscape->modeAction(mode);
            QVERIFY(!action->isEnabled());
            QVERIFY(action->toolTip().contains(QStringLiteral("OpenGL")));
            QVERIFY(!landscape->setMode(mode));
            QCOMPARE(landscape->mode(), LandscapeMode::Map);
        }
        // Lesson 1 asks for 3-D: it opens on the map.
        QVERIFY(test::openLesson(window, QStringLiteral("lr-too-large-small-right")));
        QCOMPARE(landscape->mode(), LandscapeMode::Map);
        QVERIFY(window.landscapeView()->plot()->isVisible());
        QVERIFY(!landscape->view()->widget()->isVisible());
        QVERIFY(!window.sessions()->captureSession().view.contains(QStringLiteral("landscape")));
    }
};

QTEST_MAIN(TestSurface3DFallback)
#include "tst_surface3d_fallback.moc"
