// Without OpenGL (the offscreen platform of the ui tests, some remote desktops) the 3-D view is a
// label that says why, and nothing else happens.
#include "core/analysis/landscape_image.h"
#include "ui/surface3d/surface3d_view.h"

#include <QApplication>
#include <QLabel>
#include <QtTest>

using namespace lrlab;

class TestSurface3DFallback : public QObject
{
    Q_OBJECT

private slots:
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
};

QTEST_MAIN(TestSurface3DFallback)
#include "tst_surface3d_fallback.moc"
