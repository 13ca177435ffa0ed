#include "ui/shell/theme_menu.h"

#include "ui/shell/app_settings.h"
#include "ui/shell/choice_menu.h"
#include "ui/theme.h"

#include <QAction>
#include <QMenu>

namespace lrlab {

ThemeMenu::ThemeMenu(QObject* parent) : QObject(parent) {}

QMenu* ThemeMenu::addTo(QMenu* menu)
{
    QMenu* themes = addChoiceMenu(menu, tr("&Theme"), QStringLiteral("themeMenu"));
    const bool dark = applicationTheme() == Theme::Dark;
    m_light = addChoice(themes, tr("&Light"), QStringLiteral("themeLight"), !dark);
    m_dark = addChoice(themes, tr("&Dark"), QStringLiteral("themeDark"), dark);
    connect(m_light, &QAction::triggered, this, [this] { setDarkTheme(false); });
    connect(m_dark, &QAction::triggered, this, [this] { setDarkTheme(true); });
    return themes;
}

void ThemeMenu::setDarkTheme(bool dark)
{
    const Theme theme = dark ? Theme::Dark : Theme::Light;
    setApplicationTheme(theme);
    appSettings().setValue(QStringLiteral("theme"), themeName(theme));
    if (QAction* action = dark ? m_dark : m_light)
        action->setChecked(true);
}

} // namespace lrlab
