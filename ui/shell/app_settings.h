#pragma once

#include <QSettings>
#include <QString>

namespace lrlab {

/// lrlab's own settings (organization "lrlab", application "lrlab", whatever the application's
/// names): the language ("language"), theme ("theme"), text size ("fontScale"), window layout
/// ("windowGeometry", "windowState") and whether the start page was shown ("startPageShown").
/// Named explicitly so tests that rename the application still share the program's file.
inline QSettings appSettings()
{
    return QSettings(QStringLiteral("lrlab"), QStringLiteral("lrlab"));
}

} // namespace lrlab
