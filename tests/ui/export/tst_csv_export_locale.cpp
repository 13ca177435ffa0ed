// The window's CSV exports (a run's trace, the combined file, one file per run, the Sweep
// view's table) are byte-identical in the C locale and under a locale with a decimal comma
// (de_DE.UTF-8, set in-process as QApplication sets it from LC_ALL).
#include "core/analysis/sweep.h"
#include "core/config/config_json.h"
#include "tests/common/comma_locale.h"
#include "tests/common/files.h"
#include "ui/export/export_run.h"
#include "ui/export/run_csv.h"
#include "ui/views/sweep_outcome.h"

#include <QTemporaryDir>
#include <QtTest>

#include <clocale>
#include <sstream>

using lrlab::test::CommaLocale;

class TestCsvExportLocale : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void sameCsvInEveryLocale_data();
    void sameCsvInEveryLocale();

private:
    /// The export `what` (a row of the data table) written into folder.
    QByteArray exported(const QString& what, const QString& folder) const;

    QTemporaryDir m_dir;
    CommaLocale m_comma;
    std::vector<lrlab::ExportRun> m_runs; ///< a toy run, then a digits MLP
    lrlab::SweepOutcome m_sweep;
};

namespace {

lrlab::RunConfig config(const char* json)
{
    return lrlab::parseRunConfig(json, "test").config;
}

} // namespace

void TestCsvExportLocale::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_comma = lrlab::test::findCommaLocale(m_dir.filePath("locales"));
    QVERIFY2(m_comma.error.isEmpty(), qPrintable(m_comma.error));
    std::setlocale(LC_ALL, "C");
    m_runs.push_back(
        lrlab::computeExportRun(config(R"({"problem": {"type": "rosenbrock"}, "init": [-1.5, 2],
                   "optimizer": {"type": "adam"}, "schedule": {"lr": 0.03}, "steps": 20})"),
                                "toy, lr 0.03"));
    const lrlab::RunConfig mlp =
        config(R"({"problem": {"type": "mlp", "dataset": "digits", "hidden": [8],
                   "batch_size": 16}, "schedule": {"lr": 0.05}, "steps": 20, "eval_every": 5})");
    m_runs.push_back(lrlab::computeExportRun(mlp, "mlp"));
    m_sweep.key = "momentum";
    m_sweep.values = {"0", "0.5"};
    m_sweep.rates = lrlab::logSpacedRates(0.01, 0.1, 2);
    m_sweep.points = lrlab::sweepPoints(mlp, m_sweep.rates, "momentum", {"0", "0.5"});
    m_sweep.results = lrlab::runSweep(m_sweep.points);
    m_sweep.model = true;
}

void TestCsvExportLocale::cleanup()
{
    std::setlocale(LC_ALL, "C");
}

QByteArray TestCsvExportLocale::exported(const QString& what, const QString& folder) const
{
    if (what == "toy-trace")
        return QByteArray::fromStdString(lrlab::runTraceCsv(m_runs[0]));
    if (what == "mlp-trace")
        return QByteArray::fromStdString(lrlab::runTraceCsv(m_runs[1]));
    if (what == "combined") {
        std::ostringstream out;
        lrlab::writeCombinedCsv(out, m_runs);
        return QByteArray::fromStdString(out.str());
    }
    if (what == "run-file") {
        lrlab::saveRunCsv(m_runs[1], folder + "/run.csv");
        return lrlab::test::readFile(folder + "/run.csv");
    }
    if (what == "files-per-run") {
        QByteArray all;
        for (const QString& path : lrlab::saveRunCsvFiles(m_runs, folder, "trace"))
            all += path.mid(folder.size()).toUtf8() + '\n' + lrlab::test::readFile(path);
        return all;
    }
    if (what == "sweep-table")
        return m_sweep.csvText().toUtf8();
    return {};
}

void TestCsvExportLocale::sameCsvInEveryLocale_data()
{
    QTest::addColumn<QString>("what");
    for (const char* what :
         {"toy-trace", "mlp-trace", "combined", "run-file", "files-per-run", "sweep-table"})
        QTest::newRow(what) << QString(what);
}

void TestCsvExportLocale::sameCsvInEveryLocale()
{
    QFETCH(QString, what);
    const QString cFolder = m_dir.filePath(what + "/C");
    const QString commaFolder = m_dir.filePath(what + "/comma");
    QVERIFY(QDir().mkpath(cFolder) && QDir().mkpath(commaFolder));
    std::setlocale(LC_ALL, "C");
    const QByteArray inC = exported(what, cFolder);
    // Not vacuous: the export holds numbers with decimals.
    QVERIFY2(inC.contains("0."), inC.left(200).constData());
    lrlab::test::useCommaLocale(m_comma);
    QCOMPARE(exported(what, commaFolder), inC);
}

QTEST_MAIN(TestCsvExportLocale)
#include "tst_csv_export_locale.moc"
