#pragma once

#include <QObject>
#include <QPointer>

class QKeyEvent;
class QWidget;

namespace lrlab {

class PlaybackBar;

/// The playback keys of a whole window: Space plays / pauses, Right / Left step the cursor,
/// wherever the focus is in the window (its floating docks included), before the focused
/// widget sees the key, so a focused button is not pressed by Space. Keys are left to a
/// focused text field (line edit, spin box, text edit, editable combo box) and the arrows to
/// widgets that move with them (sliders, item views). An application event filter that
/// looks only at key presses of widgets in its window. GUI thread only.
class PlaybackKeys : public QObject
{
    Q_OBJECT
public:
    /// Installs the filter on the application; it is removed when window is destroyed.
    PlaybackKeys(QWidget* window, PlaybackBar* playback);
    ~PlaybackKeys() override;

    /// True when focused, a widget in the window, wants key for itself: typing into a text
    /// field, or an arrow for a slider or item view.
    static bool keepsKey(const QWidget* focused, int key);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool inWindow(const QWidget* widget) const;
    bool handle(QKeyEvent* event);

    QPointer<QWidget> m_window;
    QPointer<PlaybackBar> m_playback;
};

} // namespace lrlab
