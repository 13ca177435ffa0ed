#pragma once

#include <QString>

class QAction;
class QMenu;

namespace lrlab {

/// Adds to menu a submenu titled title (object name objectName) whose entries are one choice:
/// checking one unchecks the others. The submenu is owned by menu. GUI thread only.
QMenu* addChoiceMenu(QMenu* menu, const QString& title, const QString& objectName);

/// Adds to choices (a submenu from addChoiceMenu) a checkable entry text (object name
/// objectName), checked when checked, and returns it; choices owns it.
QAction* addChoice(QMenu* choices, const QString& text, const QString& objectName, bool checked);

} // namespace lrlab
