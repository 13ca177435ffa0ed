// The lrlab binary runs on any x86-64: a digits MLP run under qemu emulating a Nehalem CPU (SSE4.2,
// no AVX) writes byte for byte the files of the same run on this machine, an x86-64-v4 kernel
// request there is refused with a clear message, and outside the dispatched kernels the binary
// holds no AVX instruction (objdump). Needs qemu-user (scripts/dev.sh deps installs it).
#include "tests/common/files.h"
#include "tests/common/run_lrlab.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

using lrlab::test::CliResult;

namespace {

/// Runs program with arguments (at most three minutes); extraEnvironment adds NAME=value pairs.
CliResult runProgram(const QString& program, const QStringList& arguments,
                     const QStringList& extraEnvironment = {})
{
    QProcess p;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString& pair : extraEnvironment)
        environment.insert(pair.section('=', 0, 0), pair.section('=', 1));
    p.setProcessEnvironment(environment);
    p.start(program, arguments);
    if (!p.waitForFinished(180000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

} // namespace

class TestCliPortable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameFilesOnAnOldCpu();
    void missingKernelTargetIsRefused();
    void noAvxOutsideTheKernels();

private:
    QTemporaryDir m_dir;
    QString m_qemu;
};

void TestCliPortable::initTestCase()
{
    lrlab::test::prepareCliTest(m_dir);
    m_qemu = QStandardPaths::findExecutable("qemu-x86_64");
    QVERIFY2(!m_qemu.isEmpty(), "qemu-x86_64 not found: install qemu-user (scripts/dev.sh deps)");
}

void TestCliPortable::sameFilesOnAnOldCpu()
{
    const QString config = lrlab::test::writeFile(m_dir, "digits.json", R"({"problem": {
        "type": "mlp", "dataset": "digits", "hidden": [32], "activation": "tanh",
        "batch_size": 32}, "optimizer": {"type": "adam"}, "schedule": {"lr": 0.003},
        "steps": 150, "eval_every": 50})");
    const QString native = m_dir.filePath("native");
    const QString emulated = m_dir.filePath("nehalem");
    const CliResult n = lrlab::test::runLrlab({"run", "--config", config, "--trace-dir", native});
    QVERIFY2(n.exitCode == 0, n.err.constData());
    const CliResult e = runProgram(m_qemu, {"-cpu", "Nehalem", lrlab::test::lrlabBinary(), "run",
                                            "--config", config, "--trace-dir", emulated});
    QVERIFY2(e.exitCode == 0, e.err.constData());
    // The printed summary is the same but for the folder it names.
    QCOMPARE(QString::fromUtf8(e.out).replace(emulated, native), QString::fromUtf8(n.out));
    const QStringList files = QDir(native).entryList(QDir::Files, QDir::Name);
    QVERIFY(files.contains("trace.csv") && files.contains("final.csv"));
    QCOMPARE(QDir(emulated).entryList(QDir::Files, QDir::Name), files);
    for (const QString& name : files)
        QVERIFY2(lrlab::test::readFile(native + "/" + name) ==
                     lrlab::test::readFile(emulated + "/" + name),
                 qPrintable(name + " differs under qemu -cpu Nehalem"));
}

void TestCliPortable::missingKernelTargetIsRefused()
{
    const QString config = lrlab::test::writeFile(m_dir, "short.json", R"({"problem": {
        "type": "mlp", "dataset": "digits", "hidden": [8]}, "steps": 2})");
    const CliResult r = runProgram(
        m_qemu, {"-cpu", "Nehalem", lrlab::test::lrlabBinary(), "run", "--config", config},
        {"LRLAB_KERNEL_TARGET=x86-64-v4"});
    QVERIFY(r.exitCode > 0);
    QVERIFY2(r.err.contains("this CPU cannot run the x86-64-v4 kernels (LRLAB_KERNEL_TARGET)"),
             r.err.constData());
}

// Every function with a VEX/EVEX-encoded instruction (the mnemonics starting with v) or a ymm/zmm
// register must belong to the x86-64-v3/v4 kernels, which run only after the CPU check, or be an
// x86-64-v3/v4 clone of a target_clones function (the optimizers' element loops), which the
// loader picks only on such a CPU.
void TestCliPortable::noAvxOutsideTheKernels()
{
    const QString objdump = QStandardPaths::findExecutable("objdump");
    QVERIFY2(!objdump.isEmpty(), "objdump not found (binutils)");
    QProcess p;
    p.start(objdump, {"-d", "-C", "--no-show-raw-insn", lrlab::test::lrlabBinary()});
    QVERIFY(p.waitForFinished(120000));
    const QList<QByteArray> listing = lrlab::test::lines(p.readAllStandardOutput());
    QVERIFY(listing.size() > 1000);
    const QRegularExpression function(R"(^[0-9a-f]+ <(.*)>:$)");
    const QRegularExpression avx(R"(^\s*[0-9a-f]+:\s+v[a-z0-9]+\s|%[yz]mm)");
    QString current;
    QStringList offenders;
    int kernelAvx = 0;
    for (const QByteArray& line : listing) {
        const QString text = QString::fromUtf8(line);
        const QRegularExpressionMatch m = function.match(text);
        if (m.hasMatch()) {
            current = m.captured(1);
            continue;
        }
        if (!avx.match(text).hasMatch())
            continue;
        if (current.contains("kernels::x86_64_v3::") || current.contains("kernels::x86_64_v4::") ||
            current.contains("[clone .arch_x86_64_v3") ||
            current.contains("[clone .arch_x86_64_v4"))
            ++kernelAvx;
        else if (!offenders.contains(current))
            offenders << current;
    }
    QVERIFY2(kernelAvx > 100, "the dispatched kernels hold no AVX: is the listing parsed?");
    QVERIFY2(offenders.isEmpty(), qPrintable("AVX outside the kernels: " + offenders.join("; ")));
}

QTEST_GUILESS_MAIN(TestCliPortable)
#include "tst_cli_portable.moc"
