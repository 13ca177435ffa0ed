// `lrlab export` of a session whose current run is a model: the loss figure names the series
// the window shows for it (minibatch loss, its moving average, the validation loss and the
// validation accuracy), and the landscape is titled with the pca plane's axes.
#include "core/config/config_json.h"
#include "core/config/session.h"
#include "tests/common/files.h"
#include "tests/common/run_lrlab.h"

#include <QTemporaryDir>
#include <QTest>

using lrlab::test::runLrlab;

namespace {

/// A digits MLP (a classifier, so it is evaluated for accuracy) as the session's current run.
QString saveModelSession(const QTemporaryDir& dir)
{
    lrlab::Session session;
    session.current = lrlab::parseRunConfig(
                          R"({"problem": {"type": "mlp", "dataset": "digits", "hidden": [6]},
                "schedule": {"lr": 0.1}, "steps": 100})",
                          "mlp")
                          .config;
    const QString path = dir.filePath(QStringLiteral("model.json"));
    lrlab::saveSession(session, path.toStdString());
    return path;
}

} // namespace

class TestCliExportModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void figureNamesTheSeries_data();
    void figureNamesTheSeries();

private:
    QTemporaryDir m_dir;
};

void TestCliExportModel::initTestCase()
{
    lrlab::test::prepareCliTest(m_dir);
}

void TestCliExportModel::figureNamesTheSeries_data()
{
    QTest::addColumn<QString>("plot");
    QTest::addColumn<QStringList>("texts"); // each a whole <text> of the SVG
    QTest::newRow("loss") << "loss"
                          << QStringList{"minibatch (current)", "smoothed (EMA)", "validation",
                                         "Validation accuracy", "accuracy"};
    QTest::newRow("dashboard") << "dashboard"
                               << QStringList{"smoothed (EMA)", "validation", "Validation accuracy",
                                              "learning rate"};
}

void TestCliExportModel::figureNamesTheSeries()
{
    QFETCH(QString, plot);
    QFETCH(QStringList, texts);
    const QString session = saveModelSession(m_dir);
    const QString out = m_dir.filePath(plot + QStringLiteral(".svg"));
    const lrlab::test::CliResult r =
        runLrlab({"export", "--session", session, "--plot", plot, "--out", out});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QString svg = QString::fromUtf8(lrlab::test::readFile(out));
    for (const QString& text : texts)
        QVERIFY2(svg.contains(QLatin1Char('>') + text.toHtmlEscaped() + QLatin1Char('<')),
                 qPrintable(text));
    if (plot == QLatin1String("dashboard"))
        QVERIFY2(svg.contains(QLatin1String(">PC1 (")), "the pca plane's axis title");
}

QTEST_MAIN(TestCliExportModel)
#include "tst_cli_export_model.moc"
