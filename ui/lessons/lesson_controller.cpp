#include "ui/lessons/lesson_controller.h"

#include "ui/compare/pin_loader.h"
#include "ui/compare/pinned_runs.h"
#include "ui/experiment_model.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/language.h"
#include "ui/plots/plot_interaction.h"
#include "ui/session/session_controller.h"
#include "ui/theme.h"
#include "ui/views/lr_finder_view.h"
#include "ui/widgets/message_bar.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStringList>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <utility>

namespace lrlab {

LessonController::LessonController(const ExplorerParts& parts, PinLoader* loader,
                                   SessionController* sessions, QObject* parent)
    : QObject(parent), m_parts(parts), m_loader(loader), m_sessions(sessions)
{
    readLessons();
    buildPanel();
    m_sessions->setLessonController(this);
    connect(m_loader, &PinLoader::finished, this,
            [this](quint64 load, PinLoader::Mode, const QList<int>&) {
                if (load == m_load && !m_loadingId.isEmpty())
                    emit lessonLoaded(std::exchange(m_loadingId, QString()));
            });
}

void LessonController::readLessons()
{
    QStringList problems;
    for (const QString& file : lessonFiles()) {
        try {
            m_lessons.push_back(lrlab::loadLesson(file));
        } catch (const std::exception& e) {
            problems << QString::fromUtf8(e.what());
        }
    }
    if (!problems.isEmpty() && m_parts.messages)
        m_parts.messages->showMessage(
            tr("Some lessons could not be read: %1").arg(problems.join(QStringLiteral("; "))));
}

void LessonController::buildPanel()
{
    // A child of the window until the window puts it in its layout (above the plots, where
    // the class looks).
    auto* frame = new QFrame(m_parts.window);
    frame->setObjectName(QStringLiteral("lessonPanel"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::AlternateBase);
    auto* layout = new QHBoxLayout(frame);
    layout->setContentsMargins(10, 6, 4, 6);
    auto* texts = new QVBoxLayout;
    m_title = new QLabel(frame);
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    enlargeFont(m_title, 4, true);
    m_text = new QLabel(frame);
    m_text->setObjectName(QStringLiteral("lessonText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    enlargeFont(m_text, 2);
    texts->addWidget(m_title);
    texts->addWidget(m_text);
    layout->addLayout(texts, 1);
    auto* close = new QToolButton(frame);
    close->setObjectName(QStringLiteral("lessonPanelClose"));
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close the lesson text."));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &LessonController::hidePanel);
    layout->addWidget(close, 0, Qt::AlignTop);
    frame->setVisible(false);
    m_panel = frame;
}

void LessonController::addToMenu(QMenu* menu)
{
    if (!menu->isEmpty())
        menu->addSeparator();
    m_menuActions.clear();
    for (std::size_t i = 0; i < m_lessons.size(); ++i) {
        const Lesson& lesson = m_lessons[i];
        auto* action = new QAction(this);
        setMenuTexts(action, i);
        m_menuActions.push_back(action);
        action->setObjectName(QStringLiteral("lesson_") + lesson.id);
        const QString id = lesson.id;
        connect(action, &QAction::triggered, this, [this, id] {
            if (m_sessions->confirmClose())
                loadLessonById(id);
        });
        menu->addAction(action);
    }
}

void LessonController::setMenuTexts(QAction* action, std::size_t index) const
{
    const Lesson& lesson = m_lessons[index];
    const QString language = lessonLanguage();
    QString title = lesson.titleIn(language);
    title.replace(QLatin1Char('&'), QStringLiteral("&&"));
    const QString number =
        index < 9 ? QStringLiteral("&%1").arg(index + 1) : QString::number(index + 1);
    action->setText(QStringLiteral("%1. %2").arg(number, title));
    action->setToolTip(lesson.textIn(language));
}

void LessonController::retranslate()
{
    for (std::size_t i = 0; i < m_menuActions.size() && i < m_lessons.size(); ++i)
        setMenuTexts(m_menuActions[i], i);
    if (m_lessonId.isEmpty())
        return;
    showPanelFor(m_lessonId);
    // The lesson's runs keep their pins; their labels follow the language.
    for (const ShownRun& run : std::vector<ShownRun>(m_parts.pins->pinned()))
        if (m_parts.pins->hasOwnLabel(run.id))
            m_parts.pins->setLabel(run.id, lessonRunLabel(run.label));
}

const Lesson* LessonController::findLesson(const QString& id) const
{
    if (id.isEmpty())
        return nullptr;
    for (const Lesson& lesson : m_lessons)
        if (lesson.id == id)
            return &lesson;
    return nullptr;
}

QString LessonController::lessonLanguage() const
{
    return preferredLanguage();
}

QString LessonController::lessonRunLabel(const QString& label) const
{
    const Lesson* lesson = findLesson(m_lessonId);
    if (!lesson || label.isEmpty())
        return label;
    // A lesson without compare runs labels its one run with its title.
    const std::vector<LessonRun> untitled{LessonRun{lesson->title, lesson->config, {}}};
    for (const LessonRun& run : lesson->compare.empty() ? untitled : lesson->compare)
        if (std::find(run.label.cbegin(), run.label.cend(), label) != run.label.cend())
            return localizedText(run.label, lessonLanguage());
    return label;
}

void LessonController::showPanelFor(const QString& id)
{
    if (const Lesson* lesson = findLesson(id))
        showPanel(*lesson);
    else
        hidePanel();
}

void LessonController::showPanel(const Lesson& lesson)
{
    if (!m_panel) // the window is going
        return;
    m_lessonId = lesson.id;
    const QString language = lessonLanguage();
    m_title->setText(lesson.titleIn(language));
    m_text->setText(lesson.textIn(language));
    m_panel->setVisible(true);
}

void LessonController::hidePanel()
{
    m_lessonId.clear();
    if (m_panel)
        m_panel->setVisible(false);
}

QString LessonController::lessonPanelText() const
{
    if (!m_panel || !m_panel->isVisibleTo(m_parts.window))
        return QString();
    return m_title->text() + QStringLiteral("\n\n") + m_text->text();
}

bool LessonController::loadLessonById(const QString& id)
{
    const Lesson* lesson = findLesson(id);
    if (!lesson)
        return false;
    loadLesson(*lesson);
    return true;
}

void LessonController::loadLesson(const Lesson& given)
{
    const Lesson lesson = given; // given may be an element of lessons()
    if (const Refusal refusal = m_parts.model->apply(lesson.config)) {
        if (m_parts.messages)
            m_parts.messages->showMessage(
                tr("The lesson could not be opened: %1").arg(refusal.reason));
        return;
    }
    std::vector<LabelledConfig> runs;
    for (auto& [label, config] : lesson.runs(lessonLanguage()))
        runs.push_back({label, config});

    QJsonObject view = lesson.view;
    view.remove(QStringLiteral("lesson"));
    m_sessions->applyView(view);
    applyLossView(lesson);
    showPanel(lesson);
    if (view.value(QStringLiteral("tab")).toString() == QLatin1String("lr_finder"))
        startFinder(view);
    m_loadingId = lesson.id;
    m_load = m_loader->replace(runs);
    // A lesson starts a new, untitled session: unmodified with its runs (pending or pinned).
    m_sessions->setSessionFile(QString(), false);
}

void LessonController::applyLossView(const Lesson& lesson)
{
    QWidget* loss = m_parts.figure ? m_parts.figure(QStringLiteral("loss")) : nullptr;
    PlotInteraction* zoom = PlotInteraction::find(loss);
    if (!zoom)
        return;
    // Through the plot's zoom: the runs arriving keep it, Reset view shows the whole run.
    zoom->resetView();
    zoom->setLogScale(!lesson.linearLossAxis);
    if (lesson.stepRange)
        zoom->zoomKey(QCPRange(lesson.stepRange->first, lesson.stepRange->second));
}

void LessonController::startFinder(const QJsonObject& view)
{
    LrFinderView* finder = m_parts.docks ? m_parts.docks->finder() : nullptr;
    if (!finder)
        return;
    LrFinderOptions options = finder->options();
    options.startLr = view.value(QStringLiteral("start_lr")).toDouble(options.startLr);
    options.endLr = view.value(QStringLiteral("end_lr")).toDouble(options.endLr);
    options.iterations = view.value(QStringLiteral("iterations")).toInt(options.iterations);
    finder->setOptions(options);
    finder->setBaseConfig(m_parts.model->config());
    finder->run();
}

} // namespace lrlab
