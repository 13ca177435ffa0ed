#pragma once

#include <QObject>
#include <QPointer>
#include <QSize>

class QMainWindow;
class QMenu;

namespace lrlab {

/// The window's own settings: View ▸ Full screen (F11) and the geometry and dock layout kept
/// between runs (appSettings() keys "windowGeometry", "windowState"). The window is not owned.
/// GUI thread only.
class WindowSettings : public QObject
{
    Q_OBJECT
public:
    explicit WindowSettings(QMainWindow* window, QObject* parent = nullptr);

    /// Adds the checkable "Full screen" entry (object name "fullScreen", F11) to menu.
    void addFullScreenAction(QMenu* menu);

    /// The first window's geometry (nothing stored): preferred, made smaller where the screen's
    /// available area is smaller (at most kScreenShare of it, so the frame, title bar and status
    /// bar are on the screen too), centred on that area.
    void applyDefaultGeometry(QSize preferred);
    /// The share of the screen's available width and height that the default geometry takes at
    /// most.
    static constexpr double kScreenShare = 0.92;

    /// Stores the window's geometry and dock layout.
    void save() const;
    /// Restores them; false when none are stored or they do not apply.
    bool restore();

private:
    QPointer<QMainWindow> m_window;
};

} // namespace lrlab
