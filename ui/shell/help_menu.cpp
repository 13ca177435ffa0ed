#include "ui/shell/help_menu.h"

#include "core/config/lesson.h"
#include "ui/language.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/shell/app_settings.h"
#include "ui/views/start_page.h"

#include <QAction>
#include <QDialog>
#include <QFontMetrics>
#include <QMenu>
#include <QMessageBox>
#include <QVBoxLayout>

#include <exception>
#include <utility>
#include <vector>

namespace lrlab {

HelpMenu::HelpMenu(QWidget* window, LessonController* lessons, QObject* parent)
    : QObject(parent), m_window(window), m_lessons(lessons)
{
}

void HelpMenu::addTo(QMenu* menu)
{
    QAction* first = menu->actions().isEmpty() ? nullptr : menu->actions().constFirst();
    auto* guide = new QAction(tr("lrlab &Help"), menu);
    guide->setObjectName(QStringLiteral("helpGuide"));
    guide->setShortcut(QKeySequence::HelpContents);
    connect(guide, &QAction::triggered, this, &HelpMenu::showHelp);
    auto* start = new QAction(tr("&Start page"), menu);
    start->setObjectName(QStringLiteral("startPageAction"));
    connect(start, &QAction::triggered, this, &HelpMenu::showStartPage);
    menu->insertAction(first, guide);
    menu->insertAction(first, start);
    if (first)
        menu->insertSeparator(first);
}

StartPage* HelpMenu::startPage() const
{
    return m_startPage;
}

void HelpMenu::showHelp()
{
    QMessageBox::information(
        m_window, tr("lrlab Help"),
        tr("<p><b>Learning Rate Lab</b> shows how the learning rate, warmup, decay and "
           "the optimizer shape a training run. Change any control on the right: the run "
           "is recomputed at once. Rest the mouse on a control to read what it does and "
           "what too much or too little of it does.</p>"
           "<p><b>Keyboard</b><br>"
           "Tab / Shift+Tab: next / previous control<br>"
           "Ctrl+P: pin the current run &nbsp; Ctrl+T: LR trio &nbsp; Ctrl+F: LR finder<br>"
           "Ctrl+Space: play / pause &nbsp; Ctrl+R: default lesson<br>"
           "Ctrl++ / Ctrl+− / Ctrl+0: larger / smaller / normal text<br>"
           "F11: full screen &nbsp; F1: this help &nbsp; Ctrl+Q: quit</p>"
           "<p>Help ▸ Start page lists the ready lessons.</p>"));
}

void HelpMenu::showStartPage()
{
    if (!m_startDialog) {
        std::vector<Lesson> lessons;
        QString error;
        try {
            lessons = loadAllLessons();
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        auto* dialog = new QDialog(m_window);
        dialog->setObjectName(QStringLiteral("startDialog"));
        dialog->setWindowTitle(tr("Start page — lrlab"));
        auto* layout = new QVBoxLayout(dialog);
        m_startPage = new StartPage(std::move(lessons), currentLanguage(), error, dialog);
        layout->addWidget(m_startPage);
        connect(m_startPage, &StartPage::lessonChosen, this, [this, dialog](const Lesson& lesson) {
            dialog->hide();
            if (m_lessons)
                m_lessons->loadLesson(lesson);
        });
        connect(m_startPage, &StartPage::exploreChosen, dialog, &QDialog::hide);
        // In text units, so the page fits its buttons at any text size and screen scale.
        const QFontMetrics metrics(dialog->font());
        dialog->resize(metrics.averageCharWidth() * 90, metrics.height() * 38);
        m_startDialog = dialog;
    }
    m_startDialog->show();
    m_startDialog->raise();
    m_startDialog->activateWindow();
    appSettings().setValue(QStringLiteral("startPageShown"), true);
}

} // namespace lrlab
