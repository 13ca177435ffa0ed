#include "ui/shell/user_dialogs.h"

#include <QGuiApplication>
#include <QMessageBox>
#include <QWidget>

namespace lrlab {

UserDialogs::UserDialogs(QWidget* window, QObject* parent)
    : QObject(parent), m_window(window), m_enabled(platformAllowsDialogs())
{
}

bool UserDialogs::platformAllowsDialogs()
{
    // Nobody can answer a modal question on a headless platform (tests, screenshots): errors
    // then only go to errorShown and unsaved changes get the preset answer.
    const QString platform = QGuiApplication::platformName();
    return platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}

void UserDialogs::setModalDialogsEnabled(bool enabled, UnsavedAnswer answer)
{
    m_enabled = enabled;
    m_answer = answer;
}

void UserDialogs::reportError(const QString& title, const QString& message)
{
    emit errorShown(message);
    if (m_enabled)
        QMessageBox::warning(m_window, title, message);
}

UnsavedAnswer UserDialogs::askUnsavedChanges()
{
    if (!m_enabled)
        return m_answer;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"),
                    tr("The session has unsaved changes. Save them first?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return UnsavedAnswer::Save;
    case QMessageBox::Discard:
        return UnsavedAnswer::Discard;
    default:
        return UnsavedAnswer::Cancel;
    }
}

} // namespace lrlab
