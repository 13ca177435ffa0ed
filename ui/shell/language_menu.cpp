#include "ui/shell/language_menu.h"

#include "ui/language.h"
#include "ui/shell/choice_menu.h"

#include <QAction>
#include <QMenu>

#include <utility>

namespace lrlab {

LanguageMenu::LanguageMenu(QObject* parent) : QObject(parent) {}

QMenu* LanguageMenu::addTo(QMenu* menu)
{
    QMenu* languages = addChoiceMenu(menu, tr("&Language"), QStringLiteral("languageMenu"));
    const std::pair<const char*, QString> entries[] = {{"en", QStringLiteral("English")},
                                                       {"zh_CN", QStringLiteral("简体中文")}};
    for (const auto& [code, name] : entries) {
        const QString language = QString::fromLatin1(code);
        QAction* action = addChoice(languages, name, QStringLiteral("language_") + language,
                                    currentLanguage() == language);
        connect(action, &QAction::triggered, this, [this, language] {
            if (language != currentLanguage())
                emit languageRequested(language);
        });
    }
    m_menu = languages;
    return languages;
}

void LanguageMenu::showCurrent()
{
    if (!m_menu)
        return;
    for (QAction* action : m_menu->actions())
        action->setChecked(action->objectName() == QStringLiteral("language_") + currentLanguage());
}

} // namespace lrlab
