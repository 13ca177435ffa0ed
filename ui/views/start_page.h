#pragma once

#include "core/config/lesson.h"

#include <QString>
#include <QWidget>

#include <vector>

class QCommandLinkButton;
class QLabel;

namespace lrlab {

/// The first sentence of text: up to and including the first '.', '!' or '?' followed by a
/// space or the end, or the first Chinese full stop '。' (or '！', '？'); the whole text
/// (trimmed) when there is none.
QString firstSentence(const QString& text);

/// The start page: a short welcome, every lesson as a large button (its title and
/// the first sentence of its text, in the given language) and "Explore freely". It only
/// reports the choice (lessonChosen / exploreChosen); the window loads the lesson. A plain
/// widget: MainWindow shows it in a dialog on the first start and from Help ▸ Start page.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    /// lessons in menu order; language e.g. "en" or "zh_CN" (texts fall back to English).
    /// loadError, when not empty, is shown instead of the lessons (a broken lessons folder).
    StartPage(std::vector<Lesson> lessons, const QString& language,
              const QString& loadError = QString(), QWidget* parent = nullptr);

    const std::vector<Lesson>& lessons() const { return m_lessons; }
    /// The lesson buttons, in the order of lessons().
    const std::vector<QCommandLinkButton*>& lessonButtons() const { return m_buttons; }
    QCommandLinkButton* exploreButton() const { return m_explore; }

signals:
    /// The user picked lessons()[index].
    void lessonChosen(const lrlab::Lesson& lesson);
    /// The user chose to explore without a lesson.
    void exploreChosen();

private:
    std::vector<Lesson> m_lessons;
    std::vector<QCommandLinkButton*> m_buttons;
    QCommandLinkButton* m_explore = nullptr;
};

} // namespace lrlab
