// `lrlab code` as a user runs it: the code of each target is generateCode of the config the
// reader loads (the same bytes on stdout and in --out), --help names every option, and bad
// input exits with status 2 naming the option or the config key at fault.
#include "core/codegen/code_target.h"
#include "core/config/config_json.h"
#include "tests/common/files.h"
#include "tests/common/run_lrlab.h"

#include <QTemporaryDir>
#include <QtTest>

using lrlab::test::CliResult;
using lrlab::test::readFile;
using lrlab::test::runLrlab;
using lrlab::test::verifyRefused;
using lrlab::test::writeFile;

namespace {

const QByteArray kConfig = R"({"problem": {"type": "quadratic"}, "steps": 120,
  "optimizer": {"type": "rmsprop", "alpha": 0.95, "momentum": 0.2, "eps": 1e-6},
  "schedule": {"lr": 0.02, "warmup_steps": 12, "decay": "step", "gamma": 0.5, "step_size": 30}})";

} // namespace

class TestCliCode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { lrlab::test::prepareCliTest(m_dir); }
    void writesTheTargetsCode_data();
    void writesTheTargetsCode();
    void helpNamesEveryOption();
    void badInput_data();
    void badInput();

private:
    QTemporaryDir m_dir;
};

void TestCliCode::writesTheTargetsCode_data()
{
    QTest::addColumn<QString>("target");
    for (const std::string& name : lrlab::codeTargetNames())
        QTest::newRow(name.c_str()) << QString::fromStdString(name);
}

void TestCliCode::writesTheTargetsCode()
{
    QFETCH(QString, target);
    const QString config = writeFile(m_dir, "config.json", kConfig);
    const CliResult stdoutRun = runLrlab({"code", "--config", config, "--target", target});
    QCOMPARE(stdoutRun.exitCode, 0);
    const lrlab::LoadedConfig loaded = lrlab::loadRunConfig(config.toStdString());
    const std::string expected =
        lrlab::generateCode(loaded.config, lrlab::codeTargetFromName(target.toStdString()));
    QCOMPARE(stdoutRun.out, QByteArray::fromStdString(expected));
    QVERIFY(stdoutRun.out.contains("torch.optim.RMSprop(") ||
            stdoutRun.out.contains("TrainingArguments("));

    const QString out = m_dir.filePath("code-" + target + ".py");
    const CliResult fileRun =
        runLrlab({"code", "--config", config, "--target", target, "--out", out});
    QCOMPARE(fileRun.exitCode, 0);
    QVERIFY(fileRun.out.isEmpty());
    QCOMPARE(readFile(out), stdoutRun.out);
}

void TestCliCode::helpNamesEveryOption()
{
    const CliResult r = runLrlab({"code", "--help"});
    QCOMPARE(r.exitCode, 0);
    for (const char* option : {"--config", "--target", "--out", "pytorch", "hf", "lightning"})
        QVERIFY2(r.out.contains(option), option);
    QVERIFY(runLrlab({"--help"}).out.contains("\n  code  "));
}

void TestCliCode::badInput_data()
{
    QTest::addColumn<QStringList>("arguments"); // "@" is the config file's path
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("message");
    const QStringList code{"code", "--config", "@"};
    QTest::newRow("target-missing") << code << kConfig << "--target";
    QTest::newRow("target-unknown")
        << code + QStringList{"--target", "keras"} << kConfig << "--target: unknown target 'keras'";
    QTest::newRow("config-missing")
        << QStringList{"code", "--target", "hf"} << kConfig << "--config";
    QTest::newRow("bad-key-path")
        << code + QStringList{"--target", "pytorch"}
        << QByteArray(R"({"problem": {"type": "quadratic"}, "optimizer": {"type": "sgd",
                        "momentum": 1.5}})")
        << "optimizer.momentum";
    QTest::newRow("unknown-key")
        << code + QStringList{"--target", "lightning"}
        << QByteArray(R"({"problem": {"type": "quadratic"}, "schedule": {"lrr": 0.1}})") << "lrr";
    QTest::newRow("out-folder-missing")
        << code + QStringList{"--target", "pytorch", "--out", "/nonexistent/dir/code.py"} << kConfig
        << "--out";
}

void TestCliCode::badInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, config);
    QFETCH(QString, message);
    arguments.replaceInStrings("@", writeFile(m_dir, "bad.json", config));
    verifyRefused(runLrlab(arguments), message);
}

QTEST_GUILESS_MAIN(TestCliCode)
#include "tst_cli_code.moc"
