// The window's export of a model run (a digits MLP, whose path on the pca landscape ends one
// row after its last minibatch loss): the loss figure carries the moving average and the
// validation loss, the dashboard the validation accuracy, and the GIF dialog's defaults write
// the playback.
#include "tests/common/explorer_fixture.h"
#include "tests/common/main_window_waits.h"
#include "tests/common/run_configs.h"
#include "ui/experiment_model.h"
#include "ui/export/animation_export.h"
#include "ui/export/export_controller.h"
#include "ui/main_window.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/user_dialogs.h"
#include "ui/widgets/playback_bar.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

constexpr int kSteps = 100;

QString readText(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestExportWindowModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void figuresCarryTheModelSeries_data();
    void figuresCarryTheModelSeries();
    void gifDefaultsWrite();

private:
    QTemporaryDir m_home;
    std::unique_ptr<lrlab::MainWindow> m_window;
};

void TestExportWindowModel::initTestCase()
{
    QVERIFY(m_home.isValid());
    lrlab::test::useTemporaryHome(m_home, QStringLiteral("tst_export_window_model"));
    lrlab::appSettings().setValue(QStringLiteral("language"), QStringLiteral("en"));
    m_window = std::make_unique<lrlab::MainWindow>();
    m_window->dialogs()->setModalDialogsEnabled(false);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    (void)m_window->model()->apply(lrlab::test::digitsMlp(6, 0.1, kSteps));
    QVERIFY(lrlab::test::waitForLatest(*m_window));
    // The playback reaches the path's final point once the pca landscape is drawn.
    auto* playback = m_window->findChild<lrlab::PlaybackBar*>();
    QVERIFY(playback);
    QVERIFY(QTest::qWaitFor([&] { return playback->maximumStep() == kSteps; },
                            lrlab::test::kRunTimeout));
}

void TestExportWindowModel::cleanupTestCase()
{
    m_window.reset();
}

void TestExportWindowModel::figuresCarryTheModelSeries_data()
{
    QTest::addColumn<QString>("figure");
    QTest::addColumn<QStringList>("texts");
    QTest::newRow("loss") << "loss" << QStringList{"smoothed (EMA)", "validation"};
    QTest::newRow("dashboard") << "dashboard"
                               << QStringList{"smoothed (EMA)", "validation",
                                              "Validation accuracy"};
}

void TestExportWindowModel::figuresCarryTheModelSeries()
{
    QFETCH(QString, figure);
    QFETCH(QStringList, texts);
    QTemporaryDir dir;
    const QString path = dir.filePath(figure + QStringLiteral(".svg"));
    QVERIFY(m_window->exporter()->exportFigureTo(figure, path, QSize(1200, 700)));
    const QString svg = readText(path);
    for (const QString& text : texts)
        QVERIFY2(svg.contains(QLatin1Char('>') + text + QLatin1Char('<')), qPrintable(text));
}

void TestExportWindowModel::gifDefaultsWrite()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("playback.gif"));
    QSignalSpy errors(m_window->dialogs(), &lrlab::UserDialogs::errorShown);
    lrlab::AnimationOptions options = m_window->exporter()->defaultAnimationOptions();
    options.size = QSize(200, 150);
    options.frames = 3;
    const bool written =
        m_window->exporter()->exportAnimationTo(QStringLiteral("landscape"), options, path);
    QVERIFY2(written, errors.isEmpty() ? "" : qPrintable(errors.front().front().toString()));
    QVERIFY(QFileInfo(path).size() > 0);
}

QTEST_MAIN(TestExportWindowModel)
#include "tst_export_window_model.moc"
