#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace lrlab {

/// How the unsaved-changes question is answered: by the user, or preset while modal dialogs are
/// off (tests, screenshots).
enum class UnsavedAnswer { Save, Discard, Cancel };

/// The explorer's one policy for modal dialogs, shared by its controllers (sessions, export,
/// lessons): whether a modal question, file dialog or message box may open at all — never on
/// the offscreen and minimal platforms, where nobody could answer it, nor after
/// setModalDialogsEnabled(false) — how errors are reported (errorShown, plus a warning box
/// while dialogs are on) and the unsaved-changes question. The window it is given is the
/// dialogs' parent; it is not owned and may go first (dialogs then have no parent). GUI thread
/// only.
class UserDialogs : public QObject
{
    Q_OBJECT
public:
    explicit UserDialogs(QWidget* window, QObject* parent = nullptr);

    /// False on the offscreen and minimal platforms.
    static bool platformAllowsDialogs();

    /// True while modal dialogs may open.
    bool enabled() const { return m_enabled; }
    /// Test hook: turns modal dialogs on or off; answer is what the unsaved-changes question
    /// returns while they are off.
    void setModalDialogsEnabled(bool enabled, UnsavedAnswer answer = UnsavedAnswer::Discard);
    /// The answer given while dialogs are off.
    UnsavedAnswer presetAnswer() const { return m_answer; }
    /// The dialogs' parent (null when the window is gone).
    QWidget* window() const { return m_window; }

    /// Emits errorShown(message); shows a warning box titled title too while dialogs are on.
    void reportError(const QString& title, const QString& message);
    /// "The session has unsaved changes. Save them first?" (Save, Discard, Cancel); the preset
    /// answer while dialogs are off.
    UnsavedAnswer askUnsavedChanges();

signals:
    /// An error was reported (also while dialogs are off).
    void errorShown(const QString& message);

private:
    QPointer<QWidget> m_window;
    bool m_enabled = true;
    UnsavedAnswer m_answer = UnsavedAnswer::Discard;
};

} // namespace lrlab
