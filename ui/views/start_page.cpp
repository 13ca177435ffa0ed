#include "ui/views/start_page.h"

#include <QCommandLinkButton>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <utility>

namespace lrlab {

QString firstSentence(const QString& text)
{
    const QString trimmed = text.trimmed();
    for (int i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c == QChar(0x3002) || c == QChar(0xFF01) || c == QChar(0xFF1F)) // 。！？
            return trimmed.left(i + 1);
        const bool end = c == QLatin1Char('.') || c == QLatin1Char('!') || c == QLatin1Char('?');
        // "0.2" or "e.g" are not ends: a sentence ends at a stop followed by a space or the end.
        if (end && (i + 1 == trimmed.size() || trimmed.at(i + 1).isSpace()))
            return trimmed.left(i + 1);
    }
    return trimmed;
}

StartPage::StartPage(std::vector<Lesson> lessons, const QString& language, const QString& loadError,
                     QWidget* parent)
    : QWidget(parent), m_lessons(std::move(lessons))
{
    setObjectName(QStringLiteral("startPage"));
    auto* outer = new QVBoxLayout(this);

    auto* welcome = new QLabel(tr("<h2>Welcome to Learning Rate Lab</h2>"
                                  "<p>Pick a ready lesson to show in class, or explore on your "
                                  "own. Every control explains itself in its tooltip; the "
                                  "Help menu lists the keyboard shortcuts.</p>"),
                               this);
    welcome->setObjectName(QStringLiteral("startWelcome"));
    welcome->setWordWrap(true);
    welcome->setTextFormat(Qt::RichText);
    outer->addWidget(welcome);

    auto* list = new QWidget;
    auto* column = new QVBoxLayout(list);
    column->setContentsMargins(0, 0, 0, 0);
    if (!loadError.isEmpty()) {
        auto* error = new QLabel(tr("The lessons could not be loaded: %1").arg(loadError), list);
        error->setObjectName(QStringLiteral("startError"));
        error->setWordWrap(true);
        error->setTextInteractionFlags(Qt::TextSelectableByMouse);
        column->addWidget(error);
    }
    for (std::size_t i = 0; i < m_lessons.size(); ++i) {
        const Lesson& lesson = m_lessons[i];
        auto* button = new QCommandLinkButton(lesson.titleIn(language),
                                              firstSentence(lesson.textIn(language)), list);
        button->setObjectName(QStringLiteral("lesson_") + lesson.id);
        button->setToolTip(lesson.textIn(language));
        button->setAccessibleName(lesson.titleIn(language));
        button->setAccessibleDescription(lesson.textIn(language));
        connect(button, &QCommandLinkButton::clicked, this,
                [this, i] { emit lessonChosen(m_lessons[i]); });
        column->addWidget(button);
        m_buttons.push_back(button);
    }
    column->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(list);
    scroll->setFocusPolicy(Qt::NoFocus); // the buttons take the keyboard, not the frame
    outer->addWidget(scroll, 1);

    m_explore = new QCommandLinkButton(
        tr("Explore freely"),
        tr("Close this page and try any surface, model, optimizer and schedule yourself."), this);
    m_explore->setObjectName(QStringLiteral("exploreFreely"));
    m_explore->setToolTip(tr("Start from the default experiment. Help ▸ Start page brings this "
                             "page back."));
    connect(m_explore, &QCommandLinkButton::clicked, this, &StartPage::exploreChosen);
    outer->addWidget(m_explore);
    if (!m_buttons.empty())
        m_buttons.front()->setFocus();
}

} // namespace lrlab
