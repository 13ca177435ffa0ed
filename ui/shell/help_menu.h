#pragma once

#include <QObject>
#include <QPointer>

class QDialog;
class QMenu;
class QWidget;

namespace lrlab {

class LessonController;
class StartPage;

/// Help ▸ lrlab Help (F1: what the explorer is and its keys) and Help ▸ Start page: the ready
/// lessons as large buttons in a dialog (ui/views/start_page.h), in the installed language;
/// choosing one loads it through the LessonController, "Explore freely" closes the page.
/// Showing the page is stored (appSettings() key "startPageShown": LanguageController shows it
/// on the first start only). The window and the lessons are not owned; the dialog is a child of
/// the window, built on first use. GUI thread only.
class HelpMenu : public QObject
{
    Q_OBJECT
public:
    HelpMenu(QWidget* window, LessonController* lessons, QObject* parent = nullptr);

    /// Puts "lrlab Help" (object name "helpGuide") and "Start page" ("startPageAction") at the
    /// top of menu, with a separator before the entries it has already.
    void addTo(QMenu* menu);
    /// The start page while its dialog exists (null before the first showStartPage()).
    StartPage* startPage() const;

public slots:
    void showHelp();
    void showStartPage();

private:
    QPointer<QWidget> m_window;
    LessonController* m_lessons = nullptr;
    QPointer<QDialog> m_startDialog;
    QPointer<StartPage> m_startPage;
};

} // namespace lrlab
