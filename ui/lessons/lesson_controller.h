#pragma once

#include "core/config/lesson.h"
#include "ui/explorer/explorer_parts.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

class QAction;
class QLabel;
class QMenu;
class QWidget;

namespace lrlab {

class PinLoader;
class SessionController;
class UserDialogs;

/// The classroom lessons (resources/lessons, core/config/lesson.h): the numbered entries of the
/// Lesson menu, loadLesson — the lesson's config into the model, its compare runs pinned with
/// its labels through the PinLoader, its view (e.g. the LR finder started on the lesson's range
/// for view.tab "lr_finder", the loss plot's axis and steps), a fresh untitled session — and the
/// dismissible lesson panel (title and text to read out) that the window places above the plots.
///
/// Texts are shown in lessonLanguage(): the language the language switch stored, else the
/// system's. The lessons are read once, at construction; files that cannot be read are named in
/// the message bar. Registers itself with sessions (SessionController::setLessonController):
/// sessions store the open lesson and reopen its panel. Parts, loader and sessions are not owned
/// and must outlive the controller; the panel is a child of the window. GUI thread only.
class LessonController : public QObject
{
    Q_OBJECT
public:
    LessonController(const ExplorerParts& parts, PinLoader* loader, SessionController* sessions,
                     QObject* parent = nullptr);

    /// Appends "1. <title>", "2. …" (object names "lesson_<id>", the text as tooltip) to menu,
    /// after a separator when it has entries already. Choosing one asks about unsaved changes
    /// first.
    void addToMenu(QMenu* menu);
    /// The lesson panel (object name "lessonPanel"; hidden until a lesson is shown).
    QWidget* panel() const { return m_panel; }

    /// The lessons of the lessons directory, in menu order.
    const std::vector<Lesson>& lessons() const { return m_lessons; }
    /// The lesson with this id, or nullptr.
    const Lesson* findLesson(const QString& id) const;
    /// Opens lesson without a prompt (the start page and the Lesson menu call it): its config,
    /// its compare runs pinned with its labels (computed in the background, then
    /// lessonLoaded), its view and its panel; the session becomes untitled and unmodified.
    void loadLesson(const Lesson& lesson);
    /// loadLesson of the lesson with this id; false when there is none.
    bool loadLessonById(const QString& id);

    /// The language lesson texts are shown in (preferredLanguage()).
    QString lessonLanguage() const;
    /// label in lessonLanguage() when it is, in any language, the label of a run of the open
    /// lesson (a language switch keeps the lesson's pins); else label unchanged.
    QString lessonRunLabel(const QString& label) const;
    /// The panel's title, a blank line and its text; empty while the panel is hidden.
    QString lessonPanelText() const;
    /// The lesson the panel shows, empty when it is hidden.
    QString currentLessonId() const { return m_lessonId; }
    /// Shows the panel of lesson id; hides it when there is no such lesson.
    void showPanelFor(const QString& id);
    void hidePanel();
    /// After a language switch: the Lesson menu entries, the panel and the labels of the open
    /// lesson's pins in lessonLanguage().
    void retranslate();

signals:
    /// The lesson's runs are pinned and its view is applied.
    void lessonLoaded(const QString& id);

private:
    /// The Lesson menu text and tooltip of lesson number index (from 0) in lessonLanguage().
    void setMenuTexts(QAction* action, std::size_t index) const;
    void readLessons();
    void buildPanel();
    void showPanel(const Lesson& lesson);
    void startFinder(const QJsonObject& view);
    /// The loss plot's scale and steps (view.loss_axis, view.step_range) as a user zoom.
    void applyLossView(const Lesson& lesson);

    ExplorerParts m_parts;
    PinLoader* m_loader = nullptr;
    SessionController* m_sessions = nullptr;
    std::vector<Lesson> m_lessons;
    QString m_lessonId;
    QString m_loadingId; ///< the lesson whose runs are being pinned
    quint64 m_load = 0;  ///< its PinLoader load
    QPointer<QWidget> m_panel;
    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
    std::vector<QAction*> m_menuActions; ///< the Lesson menu's entries, in lessons() order
};

} // namespace lrlab
