#include "ui/shell/choice_menu.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>

namespace lrlab {

QMenu* addChoiceMenu(QMenu* menu, const QString& title, const QString& objectName)
{
    QMenu* choices = menu->addMenu(title);
    choices->setObjectName(objectName);
    new QActionGroup(choices); // exclusive by default
    return choices;
}

QAction* addChoice(QMenu* choices, const QString& text, const QString& objectName, bool checked)
{
    QAction* action = choices->addAction(text);
    action->setObjectName(objectName);
    action->setCheckable(true);
    action->setChecked(checked);
    if (auto* group = choices->findChild<QActionGroup*>(QString(), Qt::FindDirectChildrenOnly))
        group->addAction(action);
    return action;
}

} // namespace lrlab
