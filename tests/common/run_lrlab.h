#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QtTest>

namespace lrlab::test {

/// What one run of the lrlab binary left behind.
struct CliResult
{
    int exitCode = -1; ///< -1 when the process crashed, did not start or timed out
    QByteArray out;    ///< everything written to stdout
    QByteArray err;    ///< everything written to stderr
};

/// The lrlab binary under test: $LRLAB_BIN, which CTest sets (tests/CMakeLists.txt).
inline QString lrlabBinary()
{
    return qEnvironmentVariable("LRLAB_BIN");
}

/// The initTestCase() of a test that runs lrlab: checks that LRLAB_BIN names the binary and that
/// dir (for configs and outputs) exists, and points LRLAB_CACHE_DIR (the pre-training cache of
/// `lrlab finetune`) into dir, so that the runs, which inherit it, never touch the user's cache.
inline void prepareCliTest(const QTemporaryDir& dir)
{
    QVERIFY2(QFile::exists(lrlabBinary()), "LRLAB_BIN must name the lrlab executable");
    QVERIFY(dir.isValid());
    qputenv("LRLAB_CACHE_DIR", dir.filePath("cache").toUtf8());
}

/// Runs `lrlab arguments…` to its end (at most two minutes) with `environment`, in
/// workingDirectory (empty: this process's), and captures its output. Blocks the calling thread.
inline CliResult runLrlab(const QStringList& arguments, const QProcessEnvironment& environment,
                          const QString& workingDirectory = QString())
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.setWorkingDirectory(workingDirectory);
    p.start(lrlabBinary(), arguments);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

/// Runs `lrlab arguments…` in this process's environment (see above).
inline CliResult runLrlab(const QStringList& arguments)
{
    return runLrlab(arguments, QProcessEnvironment::systemEnvironment());
}

/// Checks that a run was refused as bad input: exit status 2, `message` somewhere in stderr and
/// nothing on stdout. Call it last in a test function (a failed check returns from here only).
inline void verifyRefused(const CliResult& r, const QString& message)
{
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
}

} // namespace lrlab::test
