#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

namespace lrlab::test {

/// Points every QSettings of the test process (native and INI, user scope) at a fresh temporary
/// folder and names the application as the program does, so a test reads and writes the same
/// settings file as lrlab without touching the user's. Lives as long as the test case.
class IsolatedSettings
{
public:
    IsolatedSettings()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (QSettings::Format format : {QSettings::NativeFormat, QSettings::IniFormat})
            QSettings::setPath(format, QSettings::UserScope, m_dir.path());
        // The same settings file as the program's, whatever QSettings() constructor is used.
        QCoreApplication::setOrganizationName(QStringLiteral("lrlab"));
        QCoreApplication::setApplicationName(QStringLiteral("lrlab"));
    }
    bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
};

} // namespace lrlab::test
