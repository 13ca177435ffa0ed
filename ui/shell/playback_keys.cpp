#include "ui/shell/playback_keys.h"

#include "ui/widgets/playback_bar.h"

#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace lrlab {

PlaybackKeys::PlaybackKeys(QWidget* window, PlaybackBar* playback)
    : QObject(window), m_window(window), m_playback(playback)
{
    qApp->installEventFilter(this);
}

PlaybackKeys::~PlaybackKeys()
{
    if (qApp)
        qApp->removeEventFilter(this);
}

bool PlaybackKeys::keepsKey(const QWidget* focused, int key)
{
    if (!focused)
        return false;
    const auto* combo = qobject_cast<const QComboBox*>(focused);
    if (qobject_cast<const QLineEdit*>(focused) || qobject_cast<const QAbstractSpinBox*>(focused) ||
        qobject_cast<const QTextEdit*>(focused) || qobject_cast<const QPlainTextEdit*>(focused) ||
        (combo && combo->isEditable()))
        return true;
    const bool arrow = key == Qt::Key_Left || key == Qt::Key_Right;
    return arrow && (qobject_cast<const QAbstractSlider*>(focused) ||
                     qobject_cast<const QAbstractItemView*>(focused));
}

bool PlaybackKeys::inWindow(const QWidget* widget) const
{
    if (!m_window || !widget)
        return false;
    const QWidget* top = widget->window();
    if (top == m_window)
        return true;
    // A floating dock of the window is part of it; a dialog is not.
    return qobject_cast<const QDockWidget*>(top) && top->parentWidget() == m_window;
}

bool PlaybackKeys::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::KeyPress || !m_playback || !watched->isWidgetType())
        return false;
    auto* widget = static_cast<QWidget*>(watched);
    // Propagated to the parents, a key press passes here again: act on the first receiver.
    if (!inWindow(widget) || (QApplication::focusWidget() && widget != QApplication::focusWidget()))
        return false;
    return handle(static_cast<QKeyEvent*>(event));
}

bool PlaybackKeys::handle(QKeyEvent* event)
{
    const int key = event->key();
    if (event->modifiers() & ~Qt::KeypadModifier)
        return false; // Ctrl+Space and friends belong to menus and widgets
    if (key != Qt::Key_Space && key != Qt::Key_Left && key != Qt::Key_Right)
        return false;
    if (keepsKey(QApplication::focusWidget(), key))
        return false;
    if (key == Qt::Key_Space) {
        if (!event->isAutoRepeat())
            m_playback->togglePlay();
    } else if (key == Qt::Key_Right) {
        m_playback->stepForward();
    } else {
        m_playback->stepBack();
    }
    return true;
}

} // namespace lrlab
