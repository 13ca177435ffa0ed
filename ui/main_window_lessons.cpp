// MainWindow, part A: the classroom lessons (resources/lessons): the numbered Lesson menu,
// loadLesson (config, compare runs pinned with the lesson's labels, view, LR finder) and the
// lesson panel above the plots that a teacher reads out.
#include "ui/main_window_part_a.h"

#include "ui/views/lr_finder_view.h"
#include "ui/widgets/playback_bar.h"

#include <QAction>
#include <QDockWidget>
#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

#include <exception>

namespace lrlab {

void MainWindow::PartA::setupLessons()
{
    QStringList problems;
    for (const QString& file : lessonFiles()) {
        try {
            lessons.push_back(lrlab::loadLesson(file));
        } catch (const std::exception& e) {
            problems << QString::fromUtf8(e.what());
        }
    }
    if (!problems.isEmpty())
        w.showMessage(MainWindow::tr("Some lessons could not be read: %1")
                          .arg(problems.join(QStringLiteral("; "))));

    // The panel sits between the message area and the plots, where the class looks.
    auto* frame = new QFrame(w.centralWidget());
    frame->setObjectName(QStringLiteral("lessonPanel"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setAutoFillBackground(true);
    frame->setBackgroundRole(QPalette::AlternateBase);
    auto* layout = new QHBoxLayout(frame);
    layout->setContentsMargins(10, 6, 4, 6);
    auto* texts = new QVBoxLayout;
    panelTitle = new QLabel(frame);
    panelTitle->setObjectName(QStringLiteral("lessonTitle"));
    QFont titleFont = panelTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() + 4);
    titleFont.setBold(true);
    panelTitle->setFont(titleFont);
    panelText = new QLabel(frame);
    panelText->setObjectName(QStringLiteral("lessonText"));
    panelText->setWordWrap(true);
    panelText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont textFont = panelText->font();
    textFont.setPointSizeF(textFont.pointSizeF() + 2);
    panelText->setFont(textFont);
    texts->addWidget(panelTitle);
    texts->addWidget(panelText);
    layout->addLayout(texts, 1);
    auto* close = new QToolButton(frame);
    close->setObjectName(QStringLiteral("lessonPanelClose"));
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    QObject::connect(close, &QToolButton::clicked, &w, [this] { hideLessonPanel(); });
    layout->addWidget(close, 0, Qt::AlignTop);
    frame->setVisible(false);
    panel = frame;
    if (auto* central = qobject_cast<QVBoxLayout*>(w.centralWidget()->layout())) {
        const int message = central->indexOf(w.m_messageBar);
        central->insertWidget(message + 1, frame);
    }
}

void MainWindow::PartA::rebuildLessonMenu()
{
    if (!lessonMenu)
        return;
    // Never called from one of these actions' own slots: deleting them now is safe.
    for (QAction* action : lessonActions) {
        lessonMenu->removeAction(action);
        delete action;
    }
    lessonActions.clear();
    const QString language = w.lessonLanguage();
    if (!lessonMenu->isEmpty()) {
        QAction* separator = lessonMenu->addSeparator();
        lessonActions.push_back(separator);
    }
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        QString title = lessons[i].titleIn(language);
        title.replace(QLatin1Char('&'), QStringLiteral("&&"));
        const QString number = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QString::number(i + 1);
        QAction* action = lessonMenu->addAction(QStringLiteral("%1. %2").arg(number, title));
        action->setObjectName(QStringLiteral("lesson_") + lessons[i].id);
        action->setToolTip(lessons[i].textIn(language));
        const QString id = lessons[i].id;
        QObject::connect(action, &QAction::triggered, &w, [this, id] {
            if (confirmDiscard())
                w.loadLessonById(id);
        });
        lessonActions.push_back(action);
    }
}

const Lesson* MainWindow::PartA::findLesson(const QString& id) const
{
    if (id.isEmpty())
        return nullptr;
    for (const Lesson& lesson : lessons)
        if (lesson.id == id)
            return &lesson;
    return nullptr;
}

void MainWindow::PartA::showLessonPanel(const Lesson& lesson)
{
    lessonId = lesson.id;
    const QString language = w.lessonLanguage();
    panelTitle->setText(lesson.titleIn(language));
    panelText->setText(lesson.textIn(language));
    panel->setVisible(true);
}

void MainWindow::PartA::hideLessonPanel()
{
    lessonId.clear();
    panel->setVisible(false);
}

const std::vector<Lesson>& MainWindow::lessons() const
{
    return m_partA->lessons;
}

QString MainWindow::lessonLanguage() const
{
    // Part B's setting (view/language); without one the system's language, as the catalogue.
    const QString chosen = QSettings().value(QStringLiteral("view/language")).toString();
    return chosen.isEmpty() ? QLocale::system().name() : chosen;
}

QWidget* MainWindow::lessonPanel() const
{
    return m_partA ? m_partA->panel : nullptr;
}

QString MainWindow::lessonPanelText() const
{
    if (!m_partA || !m_partA->panel->isVisibleTo(const_cast<MainWindow*>(this)))
        return QString();
    return m_partA->panelTitle->text() + QStringLiteral("\n\n") + m_partA->panelText->text();
}

bool MainWindow::loadLessonById(const QString& id)
{
    const Lesson* lesson = m_partA->findLesson(id);
    if (!lesson)
        return false;
    const Lesson copy = *lesson;  // loadLesson may be handed an element of lessons()
    loadLesson(copy);
    return true;
}

void MainWindow::loadLesson(const Lesson& lesson)
{
    PartA& a = *m_partA;
    setConfig(lesson.config);
    // A lesson starts a new, untitled session.
    a.path.clear();
    LabelledConfigs runs;
    for (auto& [label, config] : lesson.runs(lessonLanguage()))
        runs.emplace_back(label, config);

    QJsonObject view = lesson.view;
    const QString tab = view.value(QStringLiteral("tab")).toString();
    view.remove(QStringLiteral("lesson"));
    a.applyView(view);
    a.showLessonPanel(lesson);
    if (tab == QLatin1String("lr_finder")) {
        LrFinderOptions options = m_finderView->options();
        options.startLr = view.value(QStringLiteral("start_lr")).toDouble(options.startLr);
        options.endLr = view.value(QStringLiteral("end_lr")).toDouble(options.endLr);
        options.iterations = view.value(QStringLiteral("iterations")).toInt(options.iterations);
        m_finderView->setOptions(options);
        m_finderView->setConfig(currentConfig());
        m_finderView->run();
    }
    const QString id = lesson.id;
    a.pinInBackground(runs, [this, id] { emit lessonLoaded(id); });
    a.cleanState = a.stateJson();
    a.updateModified();
    a.updateTitle();
}

}  // namespace lrlab
