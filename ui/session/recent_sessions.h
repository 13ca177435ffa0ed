#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class QMenu;

namespace lrlab {

/// The recently used session files, newest first, at most kMaximum, kept in QSettings under
/// "recentSessions" (the application's default settings), and the File ▸ Open Recent menu that
/// lists them ("&1 name", the full path as tooltip, then "Clear the list"; disabled when empty).
/// A chosen entry is only reported (openRequested): the caller decides what opening means.
/// GUI thread only; the menu is not owned.
class RecentSessions : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaximum = 8;

    explicit RecentSessions(QObject* parent = nullptr);

    /// The stored list, newest first.
    QStringList files() const;
    /// Moves file to the front (adding it when new), dropping the oldest beyond kMaximum.
    void add(const QString& file);
    /// Removes file from the list.
    void remove(const QString& file);
    /// Empties the list.
    void clear();

    /// Lists the files in menu from now on (its entries are replaced on every change).
    void setMenu(QMenu* menu);
    QMenu* menu() const;

signals:
    /// The user picked file in the menu.
    void openRequested(const QString& file);

private:
    void store(const QStringList& files);
    void rebuildMenu();

    QPointer<QMenu> m_menu;
};

} // namespace lrlab
