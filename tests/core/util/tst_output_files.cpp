// Output files and folders: regular files are replaced atomically, devices and FIFOs are written
// in place, a full disk is named, bad paths are refused before any work, and the files of an
// output folder are replaced together (stale files of the family removed, others kept).
#include "core/util/output_file.h"
#include "core/util/output_set.h"
#include "tests/common/files.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <stdexcept>

#include <sys/stat.h>

using lrlab::test::readFile;
using lrlab::test::writeAll;

namespace {

const QStringList kFamily{"trace.csv", "init.csv", "final.csv", "batches.csv", "split.csv"};

bool isFifo(const QString& path)
{
    struct stat info
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 && S_ISFIFO(info.st_mode);
}

QStringList entries(const QString& folder)
{
    QStringList names =
        QDir(folder).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden);
    names.sort();
    return names;
}

/// The message of the exception F throws (empty when it throws none).
template <typename F> QString messageOf(F&& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace

class TestOutputFiles : public QObject
{
    Q_OBJECT

private slots:
    void regularFileReplacedOnlyOnCommit();
    void fifoWrittenInPlace();
    void fullDiskNamed();
    void badFilePathsRefused_data();
    void badFilePathsRefused();
    void newFolderCreatedWhole();
    void staleFamilyFilesRemovedOthersKept();
    void blockedFolderLeftUnchanged();
    void badFoldersRefused_data();
    void badFoldersRefused();
};

void TestOutputFiles::regularFileReplacedOnlyOnCommit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("out.csv");
    QVERIFY(writeAll(path, "old\n"));
    {
        lrlab::OutputFile file(path);
        file.write(QByteArray("new\n"));
        QCOMPARE(readFile(path), QByteArray("old\n")); // not yet committed
    }                                                  // dropped: the old file stays
    QCOMPARE(readFile(path), QByteArray("old\n"));
    lrlab::writeOutputFile(path, "new\n");
    QCOMPARE(readFile(path), QByteArray("new\n"));
    QCOMPARE(entries(dir.path()), QStringList{"out.csv"});
}

void TestOutputFiles::fifoWrittenInPlace()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath("fifo");
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY(lrlab::isStreamOutput(fifo));
    QProcess reader;
    reader.start("cat", {fifo});
    QVERIFY(reader.waitForStarted());
    lrlab::writeOutputFile(fifo, "through the pipe\n");
    QVERIFY(reader.waitForFinished(10000));
    QCOMPARE(reader.readAllStandardOutput(), QByteArray("through the pipe\n"));
    QVERIFY(isFifo(fifo));
}

void TestOutputFiles::fullDiskNamed()
{
    // /dev/full is a character device: written in place, every write fails with ENOSPC.
    QVERIFY(lrlab::isStreamOutput("/dev/full"));
    const QString message = messageOf([] { lrlab::writeOutputFile("/dev/full", "x"); });
    QVERIFY2(message.startsWith("/dev/full: the disk is full"), qPrintable(message));
}

void TestOutputFiles::badFilePathsRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing folder") << "/nonexistent-lrlab/x.csv"
                                    << "/nonexistent-lrlab/x.csv: cannot write: the folder "
                                       "/nonexistent-lrlab does not exist";
    QTest::newRow("a folder") << "/tmp"
                              << "/tmp: is a folder, not a file";
    QTest::newRow("below a file") << "/dev/null/x.csv"
                                  << "/dev/null/x.csv: cannot write: /dev/null is not a folder";
    QTest::newRow("empty") << ""
                           << "an output path is empty";
}

void TestOutputFiles::badFilePathsRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, message);
    QCOMPARE(messageOf([&] { lrlab::checkOutputFile(path); }), message);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::checkOutputFile(path));
}

void TestOutputFiles::newFolderCreatedWhole()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath("a/b/run");
    lrlab::OutputSet set(folder, kFamily);
    set.check();
    set.add("trace.csv", QByteArray("t\n"));
    set.add("init.csv", [](std::ostream& o) { o << "i\n"; });
    set.commit();
    QCOMPARE(entries(folder), (QStringList{"init.csv", "trace.csv"}));
    QCOMPARE(readFile(folder + "/init.csv"), QByteArray("i\n"));
    QCOMPARE(entries(dir.filePath("a/b")), QStringList{"run"}); // no staging folder left
}

void TestOutputFiles::staleFamilyFilesRemovedOthersKept()
{
    QTemporaryDir dir;
    for (const char* name : {"trace.csv", "batches.csv", "split.csv", "notes.txt"})
        QVERIFY(writeAll(dir.filePath(name), "old\n"));
    lrlab::OutputSet set(dir.path(), kFamily);
    set.add("trace.csv", QByteArray("new\n"));
    set.add("final.csv", QByteArray("f\n"));
    set.commit();
    QCOMPARE(entries(dir.path()), (QStringList{"final.csv", "notes.txt", "trace.csv"}));
    QCOMPARE(readFile(dir.filePath("trace.csv")), QByteArray("new\n"));
    QCOMPARE(readFile(dir.filePath("notes.txt")), QByteArray("old\n"));
}

void TestOutputFiles::blockedFolderLeftUnchanged()
{
    // final.csv turns into a folder after the check: the commit refuses and changes nothing.
    QTemporaryDir dir;
    QVERIFY(writeAll(dir.filePath("trace.csv"), "old\n"));
    lrlab::OutputSet set(dir.path(), kFamily);
    set.check();
    QVERIFY(QDir().mkdir(dir.filePath("final.csv")));
    set.add("trace.csv", QByteArray("new\n"));
    set.add("final.csv", QByteArray("f\n"));
    const QString message = messageOf([&] { set.commit(); });
    QCOMPARE(message, dir.filePath("final.csv") + ": is a folder; lrlab writes a file of that "
                                                  "name here");
    QCOMPARE(entries(dir.path()), (QStringList{"final.csv", "trace.csv"}));
    QCOMPARE(readFile(dir.filePath("trace.csv")), QByteArray("old\n"));
}

void TestOutputFiles::badFoldersRefused_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("message");
    QTest::newRow("a file") << "/dev/null"
                            << "/dev/null: is not a folder";
    QTest::newRow("below a file") << "/dev/null/run"
                                  << "/dev/null/run: cannot create the folder: /dev/null is not a "
                                     "folder";
    QTest::newRow("empty") << ""
                           << "an output folder is empty";
}

void TestOutputFiles::badFoldersRefused()
{
    QFETCH(QString, folder);
    QFETCH(QString, message);
    const lrlab::OutputSet set(folder, kFamily);
    QCOMPARE(messageOf([&] { set.check(); }), message);
}

QTEST_GUILESS_MAIN(TestOutputFiles)
#include "tst_output_files.moc"
