#pragma once

#include <QDir>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QString>
#include <QtTest>

#include <clocale>
#include <cstdio>

namespace lrlab::test {

/// A C library locale whose decimal mark is a comma (de_DE.UTF-8), for the tests that prove
/// that outputs do not depend on the locale.
struct CommaLocale
{
    QString name;    ///< the value for LC_ALL or setlocale()
    QString locPath; ///< LOCPATH when the locale was generated into a folder, else empty
    QString error;   ///< why there is none (no de_DE.UTF-8 and no localedef); empty on success

    /// env with LC_ALL set to this locale (and LOCPATH when it was generated).
    QProcessEnvironment environment(QProcessEnvironment env) const
    {
        env.insert("LC_ALL", name);
        if (!locPath.isEmpty())
            env.insert("LOCPATH", locPath);
        return env;
    }
};

/// The output of `program arguments…` run with env; empty when it does not finish in a minute.
inline QByteArray processOutput(const QString& program, const QStringList& arguments,
                                const QProcessEnvironment& env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, arguments);
    return p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit
               ? p.readAllStandardOutput()
               : QByteArray();
}

/// de_DE.UTF-8: the installed one when `locale -a` lists it, else generated with
/// `localedef -i de_DE -f UTF-8` (the Debian package `locales`) into folder (set as LOCPATH).
/// Checked with `locale decimal_point`, which must print a comma, so a test using it cannot
/// pass because the locale silently fell back to C.
inline CommaLocale findCommaLocale(const QString& folder)
{
    CommaLocale locale;
    locale.name = QStringLiteral("de_DE.UTF-8");
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    const QString installed = QString::fromLocal8Bit(processOutput("locale", {"-a"}, system));
    if (!installed.contains(QRegularExpression(QStringLiteral("^de_DE\\.utf-?8$"),
                                               QRegularExpression::MultilineOption |
                                                   QRegularExpression::CaseInsensitiveOption))) {
        QDir().mkpath(folder);
        QProcess localedef;
        localedef.start("localedef", {"-i", "de_DE", "-f", "UTF-8", folder + "/" + locale.name});
        // localedef exits 1 for warnings about the source data while still writing the locale.
        if (!localedef.waitForFinished(120000) || localedef.exitStatus() != QProcess::NormalExit ||
            localedef.exitCode() > 1) {
            locale.error = "localedef could not generate de_DE.UTF-8 (install the Debian package "
                           "locales): " +
                           QString::fromLocal8Bit(localedef.readAllStandardError());
            return locale;
        }
        locale.locPath = folder;
    }
    const QByteArray point =
        processOutput("locale", {"decimal_point"}, locale.environment(system)).trimmed();
    if (point != ",")
        locale.error = "the locale " + locale.name + " has the decimal point '" +
                       QString::fromLocal8Bit(point) + "', not a comma";
    return locale;
}

/// Sets the C library's locale of this process (every category) to locale, as
/// QCoreApplication does from LC_ALL, and checks that numbers now print with a comma. Call
/// from a test function; restore with setlocale(LC_ALL, "C").
inline void useCommaLocale(const CommaLocale& locale)
{
    QVERIFY2(locale.error.isEmpty(), qPrintable(locale.error));
    if (!locale.locPath.isEmpty())
        qputenv("LOCPATH", locale.locPath.toLocal8Bit()); // glibc reads it on every setlocale
    QVERIFY2(std::setlocale(LC_ALL, locale.name.toLocal8Bit().constData()) != nullptr,
             qPrintable("setlocale(LC_ALL, " + locale.name + ") failed"));
    QCOMPARE(QByteArray(std::localeconv()->decimal_point), QByteArray(","));
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", 0.5);
    QCOMPARE(QByteArray(text), QByteArray("0,5"));
}

} // namespace lrlab::test
