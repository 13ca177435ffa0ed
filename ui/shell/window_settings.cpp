#include "ui/shell/window_settings.h"

#include "ui/shell/app_settings.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QScreen>
#include <QStyle>

namespace lrlab {

namespace {

const QString kGeometry = QStringLiteral("windowGeometry");
const QString kState = QStringLiteral("windowState");

} // namespace

WindowSettings::WindowSettings(QMainWindow* window, QObject* parent)
    : QObject(parent), m_window(window)
{
}

void WindowSettings::addFullScreenAction(QMenu* menu)
{
    QAction* fullScreen = menu->addAction(tr("&Full screen"));
    fullScreen->setObjectName(QStringLiteral("fullScreen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        if (!m_window)
            return;
        if (on)
            m_window->showFullScreen();
        else
            m_window->showNormal();
    });
}

void WindowSettings::applyDefaultGeometry(QSize preferred)
{
    if (!m_window)
        return;
    const QScreen* screen = m_window->screen();
    if (!screen) {
        m_window->resize(preferred);
        return;
    }
    const QRect available = screen->availableGeometry();
    const QSize size = preferred
                           .boundedTo(QSize(int(available.width() * kScreenShare),
                                            int(available.height() * kScreenShare)))
                           .expandedTo(m_window->minimumSizeHint());
    m_window->setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
}

void WindowSettings::save() const
{
    if (!m_window)
        return;
    QSettings settings = appSettings();
    settings.setValue(kGeometry, m_window->saveGeometry());
    settings.setValue(kState, m_window->saveState());
}

bool WindowSettings::restore()
{
    if (!m_window)
        return false;
    QSettings settings = appSettings();
    const QByteArray geometry = settings.value(kGeometry).toByteArray();
    const QByteArray state = settings.value(kState).toByteArray();
    bool restored = !geometry.isEmpty() && m_window->restoreGeometry(geometry);
    if (!state.isEmpty())
        restored = m_window->restoreState(state) && restored;
    return restored;
}

} // namespace lrlab
