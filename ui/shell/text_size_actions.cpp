#include "ui/shell/text_size_actions.h"

#include "ui/shell/app_settings.h"
#include "ui/theme.h"

#include <QAction>
#include <QMenu>

namespace lrlab {

TextSizeActions::TextSizeActions(QObject* parent) : QObject(parent) {}

void TextSizeActions::addTo(QMenu* menu)
{
    QAction* larger = menu->addAction(tr("&Larger text"), this, &TextSizeActions::largerText);
    larger->setObjectName(QStringLiteral("largerText"));
    larger->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    larger->setToolTip(tr("Larger text in the window and on the plots, e.g. for a projector."));
    QAction* smaller = menu->addAction(tr("&Smaller text"), this, &TextSizeActions::smallerText);
    smaller->setObjectName(QStringLiteral("smallerText"));
    smaller->setShortcut(QKeySequence::ZoomOut);
    QAction* normal = menu->addAction(tr("&Normal text size"), this, &TextSizeActions::normalText);
    normal->setObjectName(QStringLiteral("normalText"));
    normal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
}

void TextSizeActions::largerText()
{
    setScale(fontScale() * kStep);
}

void TextSizeActions::smallerText()
{
    setScale(fontScale() / kStep);
}

void TextSizeActions::normalText()
{
    setScale(1.0);
}

void TextSizeActions::setScale(double scale)
{
    setFontScale(scale);
    appSettings().setValue(QStringLiteral("fontScale"), fontScale());
}

} // namespace lrlab
