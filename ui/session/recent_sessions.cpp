#include "ui/session/recent_sessions.h"

#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace lrlab {

namespace {

const QString kKey = QStringLiteral("recentSessions");

} // namespace

RecentSessions::RecentSessions(QObject* parent) : QObject(parent) {}

QStringList RecentSessions::files() const
{
    return QSettings().value(kKey).toStringList();
}

void RecentSessions::add(const QString& file)
{
    QStringList list = files();
    list.removeAll(file);
    list.prepend(file);
    while (list.size() > kMaximum)
        list.removeLast();
    store(list);
}

void RecentSessions::remove(const QString& file)
{
    QStringList list = files();
    list.removeAll(file);
    store(list);
}

void RecentSessions::clear()
{
    QSettings().remove(kKey);
    rebuildMenu();
}

void RecentSessions::store(const QStringList& files)
{
    QSettings().setValue(kKey, files);
    rebuildMenu();
}

void RecentSessions::setMenu(QMenu* menu)
{
    m_menu = menu;
    rebuildMenu();
}

QMenu* RecentSessions::menu() const
{
    return m_menu;
}

void RecentSessions::rebuildMenu()
{
    if (!m_menu)
        return;
    // May run inside one of these actions' triggered(): they are deleted later, not now.
    for (QAction* action : m_menu->actions()) {
        m_menu->removeAction(action);
        if (action->parent() == m_menu)
            action->deleteLater();
    }
    const QStringList list = files();
    for (int i = 0; i < list.size(); ++i) {
        const QString file = list[i];
        QString name = QFileInfo(file).fileName();
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction* action =
            m_menu->addAction(i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(name) : name);
        action->setToolTip(file);
        action->setStatusTip(file);
        connect(action, &QAction::triggered, this, [this, file] { emit openRequested(file); });
    }
    if (!list.isEmpty()) {
        m_menu->addSeparator();
        m_menu->addAction(tr("&Clear the list"), this, &RecentSessions::clear);
    }
    m_menu->setEnabled(!list.isEmpty());
}

} // namespace lrlab
