// `lrlab export --plot surface3d`: the 3-D landscape of a session as PNG or GIF. Runs under
// xvfb-run on the xcb platform (label gl, tests/CMakeLists.txt); without OpenGL (offscreen) the
// export is refused with the reason.
#include "core/config/session.h"
#include "tests/common/files.h"
#include "tests/common/run_configs.h"
#include "tests/common/run_lrlab.h"
#include "tests/ui/surface3d/pixel_variance.h"

#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

namespace {

bool openGLDisplay()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    return platform == "xcb" && qEnvironmentVariableIsSet("DISPLAY");
}

} // namespace

class TestSurface3DCliExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        lrlab::test::prepareCliTest(m_dir);
        lrlab::Session session;
        session.current = lrlab::test::rosenbrockRun(1e-3, 200);
        session.pinned.push_back({lrlab::test::rosenbrockRun(5e-4, 200), "slow"});
        m_session = m_dir.filePath(QStringLiteral("session.json"));
        lrlab::saveSession(session, m_session.toStdString());
    }

    void pngHasTheRequestedSize_data()
    {
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("scale");
        QTest::addColumn<QSize>("pixels");
        QTest::newRow("1x") << "400x300"
                            << "1" << QSize(400, 300);
        QTest::newRow("2x") << "320x240"
                            << "2" << QSize(640, 480);
    }
    void pngHasTheRequestedSize()
    {
        if (!openGLDisplay())
            QSKIP("needs an X display with OpenGL (xvfb-run, QT_QPA_PLATFORM=xcb)");
        QFETCH(QString, size);
        QFETCH(QString, scale);
        QFETCH(QSize, pixels);
        const QString out = m_dir.filePath(QStringLiteral("surface3d.png"));
        const auto r =
            lrlab::test::runLrlab({"export", "--session", m_session, "--plot", "surface3d", "--out",
                                   out, "--size", size, "--scale", scale});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QImage image(out);
        QCOMPARE(image.size(), pixels);
        QVERIFY2(lrlab::test::pixelVariance(image) > 50.0, "the exported image is blank");
    }

    void gifHasTheFrames()
    {
        if (!openGLDisplay())
            QSKIP("needs an X display with OpenGL (xvfb-run, QT_QPA_PLATFORM=xcb)");
        const QString out = m_dir.filePath(QStringLiteral("surface3d.gif"));
        const auto r =
            lrlab::test::runLrlab({"export", "--session", m_session, "--plot", "surface3d", "--out",
                                   out, "--size", "240x200", "--frames", "6", "--orbit", "90"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QImageReader reader(out);
        QCOMPARE(reader.imageCount(), 6);
        QCOMPARE(reader.size(), QSize(240, 200));
        QImage first = reader.read(), last;
        while (reader.canRead())
            last = reader.read();
        QVERIFY(lrlab::test::pixelVariance(first) > 50.0);
        QVERIFY(first != last); // the balls roll and the camera turns
    }

    void refusedWithoutOpenGLOrAsVector()
    {
        const QString out = m_dir.filePath(QStringLiteral("never.png"));
        QProcessEnvironment offscreen = QProcessEnvironment::systemEnvironment();
        offscreen.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const auto r = lrlab::test::runLrlab(
            {"export", "--session", m_session, "--plot", "surface3d", "--out", out}, offscreen);
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("OpenGL"), r.err.constData());
        QVERIFY(!QFile::exists(out));
        lrlab::test::verifyRefused(
            lrlab::test::runLrlab({"export", "--session", m_session, "--plot", "surface3d", "--out",
                                   m_dir.filePath(QStringLiteral("x.svg"))}),
            QStringLiteral("surface3d is png or gif"));
    }

private:
    QTemporaryDir m_dir;
    QString m_session;
};

QTEST_MAIN(TestSurface3DCliExport)
#include "tst_surface3d_cli_export.moc"
