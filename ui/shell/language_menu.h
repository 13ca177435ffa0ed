#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QMenu;

namespace lrlab {

/// View ▸ Language: one checkable entry per language lrlab has, named in its own language so a
/// reader of either finds theirs ("English", "简体中文"), the installed one (currentLanguage())
/// checked. Choosing another only asks for it (languageRequested): LanguageController stores it
/// and the window follows it in place. GUI thread only.
class LanguageMenu : public QObject
{
    Q_OBJECT
public:
    explicit LanguageMenu(QObject* parent = nullptr);

    /// Adds the "&Language" submenu (object name "languageMenu"; entries "language_<code>") to
    /// menu and returns it.
    QMenu* addTo(QMenu* menu);
    /// Checks the entry of currentLanguage() (after a switch asked for elsewhere, e.g. a session).
    void showCurrent();

signals:
    /// The user chose language (a code of normalizedLanguage) other than the current one.
    void languageRequested(const QString& language);

private:
    QPointer<QMenu> m_menu;
};

} // namespace lrlab
