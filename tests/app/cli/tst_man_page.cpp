// The manual page lrlab.1 that the build writes from lrlab's own help (cmake/LrlabManPage.cmake):
// every subcommand that `lrlab --help` lists has its subsection, which names every option that
// `lrlab SUBCOMMAND --help` lists, and groff and man render the page without a warning.
#include "tests/common/run_lrlab.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QtTest>

using lrlab::test::CliResult;
using lrlab::test::runLrlab;

namespace {

/// The subcommands in the table of `lrlab --help`, the lines after "Subcommands:".
QStringList listedSubcommands(const QString& help)
{
    const QString table = help.section("\nSubcommands:\n", 1);
    QStringList names;
    const QRegularExpression row(QStringLiteral("^  ([a-z][-a-z]*)  "),
                                 QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(table); it.hasNext();)
        names << it.next().captured(1);
    return names;
}

/// The options in the "Options:" list of a QCommandLineParser help text: `--name` and `-x`.
QStringList listedOptions(const QString& help)
{
    const QString list = help.section("\nOptions:\n", 1);
    QStringList options;
    const QRegularExpression row(QStringLiteral("^  (?:(-\\w), )?(--[-\\w]+)"),
                                 QRegularExpression::MultilineOption);
    for (auto it = row.globalMatch(list); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.hasCaptured(1))
            options << m.captured(1);
        options << m.captured(2);
    }
    return options;
}

/// An option as help2man writes it in roff: bold, with escaped hyphens.
QString roffOption(QString option)
{
    return "\\fB" + option.replace('-', "\\-") + "\\fR";
}

} // namespace

class TestManPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void subcommandSection_data();
    void subcommandSection();
    void rendersWithoutWarnings_data();
    void rendersWithoutWarnings();

private:
    QString page_;
};

void TestManPage::initTestCase()
{
    QVERIFY2(QFile::exists(lrlab::test::lrlabBinary()), "LRLAB_BIN must name the lrlab executable");
    QFile file(QStringLiteral(LRLAB_MAN_PAGE));
    QVERIFY2(file.open(QIODevice::ReadOnly),
             qPrintable(file.fileName() + ": " + file.errorString()));
    page_ = QString::fromUtf8(file.readAll());
}

void TestManPage::subcommandSection_data()
{
    QTest::addColumn<QString>("subcommand");
    const CliResult top = runLrlab({"--help"});
    QCOMPARE(top.exitCode, 0);
    const QStringList subcommands = listedSubcommands(QString::fromUtf8(top.out));
    QVERIFY2(subcommands.size() >= 2, top.out.constData());
    for (const QString& sub : subcommands)
        QTest::newRow(qPrintable(sub)) << sub;
}

void TestManPage::subcommandSection()
{
    QFETCH(QString, subcommand);
    const CliResult help = runLrlab({subcommand, "--help"});
    QCOMPARE(help.exitCode, 0);
    const QStringList options = listedOptions(QString::fromUtf8(help.out));
    QVERIFY2(options.contains("--help"), help.out.constData());

    // The subsection: from its heading to the next heading.
    const QString heading = ".SS \"lrlab " + subcommand + " ";
    const qsizetype start = page_.indexOf(heading);
    QVERIFY2(start >= 0, qPrintable("no subsection " + heading));
    const qsizetype next =
        page_.indexOf(QRegularExpression("^\\.S[SH] ", QRegularExpression::MultilineOption),
                      start + heading.size());
    const QString section = page_.mid(start, next < 0 ? -1 : next - start);
    for (const QString& option : options)
        QVERIFY2(section.contains(roffOption(option)),
                 qPrintable("lrlab " + subcommand + ": the page does not name " + option));
}

void TestManPage::rendersWithoutWarnings_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    // groff with every warning; man as lintian runs it (manpage-has-errors-from-man).
    QTest::newRow("groff") << "groff" << QStringList{"-man", "-Tutf8", "-ww", "-k", "-z"};
    QTest::newRow("man") << "man" << QStringList{"--warnings", "-E", "UTF-8", "-Tutf8", "-Z", "-l"};
}

void TestManPage::rendersWithoutWarnings()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("MANWIDTH", "80");
    env.insert("LC_ALL", "C.UTF-8");
    p.setProcessEnvironment(env);
    p.start(program, arguments << QStringLiteral(LRLAB_MAN_PAGE));
    QVERIFY2(p.waitForFinished(60000), qPrintable(program + ": " + p.errorString()));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    const QByteArray warnings = p.readAllStandardError();
    QVERIFY2(warnings.isEmpty(), warnings.constData());
    QCOMPARE(p.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestManPage)
#include "tst_man_page.moc"
