// The 3-D landscape in the explorer window under a real OpenGL (label gl: Xvfb + Mesa). Lessons
// open it, the runs feed it, an LR change moves paths only and a problem change replaces the
// surface, sessions remember it.
#include "tests/ui/surface3d/surface3d_window_checks.h"
#include "ui/compare/pinned_runs.h"
#include "ui/experiment_model.h"
#include "ui/explorer/landscape_view.h"
#include "ui/widgets/playback_bar.h"

#include "ui/export/animation_export.h"
#include "ui/export/export_controller.h"

#include <QApplication>
#include <QFileInfo>
#include <QImageReader>
#include <QProgressDialog>
#include <QTimer>
#include <QtDataVisualization/QSurface3DSeries>
#include <QtDataVisualization/QSurfaceDataProxy>
#include <qcustomplot.h>

using namespace lrlab;

class TestSurface3DWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!Surface3DView::available())
            QSKIP("no OpenGL here (run under xvfb-run with QT_QPA_PLATFORM=xcb)");
        QVERIFY(m_home.isValid());
        test::useTemporaryHome(m_home, QStringLiteral("tst_surface3d_window"));
    }

    void lessonOneOpensIn3DAndTheRunsRollDown()
    {
        MainWindow window;
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(test::openLesson(window, QStringLiteral("lr-too-large-small-right")));
        Landscape3DController* landscape = window.landscape3d();
        QCOMPARE(landscape->mode(), LandscapeMode::Surface);
        QVERIFY(landscape->view()->widget()->isVisible());
        Surface3DView* view = landscape->view();
        QTRY_COMPARE(view->grid().size, view->landscape().size);
        QVERIFY(view->grid().size >= 2);
        // Every shown run has its path and ball (the lesson's four plus the current run).
        const auto shown = window.pinnedRuns()->shown();
        QCOMPARE(view->pathCount(), static_cast<int>(shown.size()));
        window.playbackBar()->setStep(10);
        for (int k = 0; k < view->pathCount(); ++k)
            QCOMPARE(view->ballPosition(k), view->path(k).pointAtStep(10));
        QCOMPARE(view->surfaceSeries()->dataProxy()->rowCount(), view->grid().size);

        // A new learning rate: new paths, the same surface.
        QSignalSpy surfaceChanges(view, &Surface3DView::surfaceChanged);
        const QVector3D before = view->path(view->pathCount() - 1).points.back();
        QVERIFY(!window.model()->setLearningRate(0.05));
        QVERIFY(test::waitForLatest(window));
        QTRY_VERIFY(view->path(view->pathCount() - 1).points.back() != before);
        QCOMPARE(surfaceChanges.count(), 0);

        // A new problem: a new surface.
        QVERIFY(!window.model()->setProblemType("rosenbrock"));
        QTRY_VERIFY_WITH_TIMEOUT(surfaceChanges.count() >= 1, test::kRunTimeout);
        QTRY_COMPARE(view->landscape().surface, std::string("rosenbrock"));

        // Sessions keep the mode; a view without it is the map.
        const Session session = window.sessions()->captureSession();
        QCOMPARE(session.view.value(QStringLiteral("landscape")).toString(), QStringLiteral("3d"));
        window.sessions()->applyView(QJsonObject{});
        QCOMPARE(landscape->mode(), LandscapeMode::Map);
        QVERIFY(!landscape->view()->widget()->isVisible());
        window.sessions()->applyView(QJsonObject{{QStringLiteral("landscape"), "both"}});
        QCOMPARE(landscape->mode(), LandscapeMode::Both);
        QVERIFY(landscape->view()->widget()->isVisible());
        QVERIFY(window.landscapeView()->plot()->isVisible());

        // The export dialogs' paths: a PNG of the asked size × scale, a GIF of the playback.
        const QString png = m_home.filePath(QStringLiteral("surface3d.png"));
        QVERIFY(window.exporter()->exportFigureTo(QStringLiteral("surface3d"), png, QSize(300, 200),
                                                  2.0));
        QCOMPARE(QImage(png).size(), QSize(600, 400));
        const QString gif = m_home.filePath(QStringLiteral("surface3d.gif"));
        AnimationOptions options;
        options.size = QSize(200, 160);
        options.frames = 4;
        options.orbitDegrees = 60;
        const int cursor = window.playbackBar()->step();
        QVERIFY(window.exporter()->exportAnimationTo(QStringLiteral("surface3d"), options, gif));
        QImageReader reader(gif);
        QCOMPARE(reader.imageCount(), 4);
        QCOMPARE(reader.size(), QSize(200, 160));
        QCOMPARE(view->cursorStep(), cursor); // the view is as before
    }

    void gifExportShowsProgressAndCancels()
    {
        MainWindow window;
        window.resize(1280, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(test::openLesson(window, QStringLiteral("lr-too-large-small-right")));
        Surface3DView* view = window.landscape3d()->view();
        QTRY_COMPARE(view->grid().size, view->landscape().size);
        window.dialogs()->setModalDialogsEnabled(true);
        QSignalSpy errors(window.dialogs(), &UserDialogs::errorShown);
        // The progress dialog exists from the first frame on: cancel it after the second.
        int framesSeen = 0;
        QString label;
        QTimer poll;
        connect(&poll, &QTimer::timeout, &window, [&] {
            for (auto* dialog : window.findChildren<QProgressDialog*>()) {
                framesSeen = std::max(framesSeen, dialog->value());
                label = dialog->labelText();
                if (dialog->value() >= 2)
                    dialog->cancel();
            }
        });
        poll.start(0);
        const QString gif = m_home.filePath(QStringLiteral("cancelled.gif"));
        AnimationOptions options;
        options.size = QSize(200, 160);
        options.frames = 60;
        options.orbitDegrees = 90;
        const int cursor = window.playbackBar()->step();
        QVERIFY(!window.exporter()->exportAnimationTo(QStringLiteral("surface3d"), options, gif));
        poll.stop();
        QVERIFY2(framesSeen >= 2 && framesSeen < 60, qPrintable(QString::number(framesSeen)));
        QVERIFY2(label.startsWith(QStringLiteral("Frame ")), qPrintable(label));
        QCOMPARE(errors.count(), 0);          // cancelled is no error
        QVERIFY(!QFileInfo::exists(gif));     // nothing half-written
        QCOMPARE(view->cursorStep(), cursor); // the view is as before
    }

private:
    QTemporaryDir m_home;
};

QTEST_MAIN(TestSurface3DWindow)
#include "tst_surface3d_window.moc"
