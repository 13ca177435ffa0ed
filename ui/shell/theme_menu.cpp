#include "ui/shell/theme_menu.h"

#include "ui/shell/app_settings.h"
#include "ui/theme.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

namespace lrlab {

ThemeMenu::ThemeMenu(QObject* parent) : QObject(parent) {}

QMenu* ThemeMenu::addTo(QMenu* menu)
{
    QMenu* themes = menu->addMenu(tr("&Theme"));
    themes->setObjectName(QStringLiteral("themeMenu"));
    auto* group = new QActionGroup(themes);
    m_light = themes->addAction(tr("&Light"));
    m_light->setObjectName(QStringLiteral("themeLight"));
    m_dark = themes->addAction(tr("&Dark"));
    m_dark->setObjectName(QStringLiteral("themeDark"));
    for (QAction* action : {m_light.data(), m_dark.data()}) {
        action->setCheckable(true);
        group->addAction(action);
    }
    (applicationTheme() == Theme::Dark ? m_dark : m_light)->setChecked(true);
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
