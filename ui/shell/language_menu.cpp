#include "ui/shell/language_menu.h"

#include "ui/language.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

#include <utility>

namespace lrlab {

LanguageMenu::LanguageMenu(QObject* parent) : QObject(parent) {}

QMenu* LanguageMenu::addTo(QMenu* menu)
{
    QMenu* languages = menu->addMenu(tr("&Language"));
    languages->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(languages);
    const std::pair<const char*, QString> entries[] = {{"en", QStringLiteral("English")},
                                                       {"zh_CN", QStringLiteral("简体中文")}};
    for (const auto& [code, name] : entries) {
        const QString language = QString::fromLatin1(code);
        QAction* action = languages->addAction(name);
        action->setObjectName(QStringLiteral("language_") + language);
        action->setCheckable(true);
        action->setChecked(currentLanguage() == language);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] {
            if (language != currentLanguage())
                emit languageRequested(language);
        });
    }
    return languages;
}

} // namespace lrlab
