#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;

namespace lrlab {

/// View ▸ Theme: Light and Dark (ui/theme.h), the application's theme checked. A choice is
/// applied to the whole application at once and stored (appSettings() key "theme";
/// LanguageController applies it at start). GUI thread only.
class ThemeMenu : public QObject
{
    Q_OBJECT
public:
    explicit ThemeMenu(QObject* parent = nullptr);

    /// Adds the "&Theme" submenu (object name "themeMenu"; entries "themeLight", "themeDark")
    /// to menu and returns it.
    QMenu* addTo(QMenu* menu);

public slots:
    /// The dark or light palette and plot colours, stored; the menu follows.
    void setDarkTheme(bool dark);

private:
    QPointer<QAction> m_light;
    QPointer<QAction> m_dark;
};

} // namespace lrlab
