// Part B of the main window: the Fine-tuning dock, View ▸ Language / Theme / text size / full
// screen, Help ▸ Help and Start page, window settings, and access (tooltips, accessible names,
// focus). Members declared in the "part B" block of ui/main_window.h.
#include "core/config/lesson.h"
#include "core/config/session.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/theme.h"
#include "ui/views/finetune_view.h"
#include "ui/views/start_page.h"

#include <QAbstractButton>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QFontMetrics>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <exception>
#include <memory>

namespace lrlab {

namespace {

/// Text size step of View ▸ Larger / Smaller text.
constexpr double kTextStep = 1.15;

QSettings lrlabSettingsFor()
{
    return QSettings(QStringLiteral("lrlab"), QStringLiteral("lrlab"));
}

QMenu* findMenu(QMenuBar* bar, const QString& title)
{
    for (QAction* action : bar->actions())
        if (action->menu() != nullptr && action->text() == title)
            return action->menu();
    return nullptr;
}

/// The text of the first title element of plot ("" when it has none).
QString plotTitle(QCustomPlot* plot)
{
    for (QCPLayoutElement* element : plot->plotLayout()->elements(false))
        if (auto* title = qobject_cast<QCPTextElement*>(element))
            if (!title->text().isEmpty())
                return title->text();
    return QString();
}

} // namespace

void MainWindow::initShell()
{
    // Fine-tuning (issue 6): a self-contained view, tabbed with the other analysis docks.
    m_fineTuneView = new FineTuneView;
    m_fineTuneView->setObjectName(QStringLiteral("fineTuneView"));
    m_fineTuneDock = new QDockWidget(tr("Fine-tuning"), this);
    m_fineTuneDock->setObjectName(QStringLiteral("fineTuneDock"));
    auto* area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(m_fineTuneView);
    m_fineTuneDock->setWidget(area);
    addDockWidget(Qt::BottomDockWidgetArea, m_fineTuneDock);
    tabifyDockWidget(m_sweepDock, m_fineTuneDock);
    m_diagnosisDock->raise();

    buildShellMenus();
    addMissingTooltips();
    setAccessibleNames();

    // Keyboard: a scroll area's frame is no stop of its own (tabbing into its children scrolls
    // them into view), and a raised dock hands the focus to its content.
    for (QScrollArea* scroll : findChildren<QScrollArea*>())
        scroll->setFocusPolicy(Qt::NoFocus);
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        if (dock->widget() != nullptr)
            dock->setFocusProxy(dock->widget());

    applyThemeToWidget(this);
}

void MainWindow::buildShellMenus()
{
    QMenu* view = findMenu(menuBar(), tr("&View"));
    if (view == nullptr)
        view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_fineTuneDock->toggleViewAction());
    view->addSeparator();

    // Languages are named in their own language: a reader of either finds theirs.
    QMenu* languages = view->addMenu(tr("&Language"));
    languages->setObjectName(QStringLiteral("languageMenu"));
    auto* languageGroup = new QActionGroup(languages);
    const std::pair<const char*, QString> entries[] = {{"en", QStringLiteral("English")},
                                                       {"zh_CN", QStringLiteral("简体中文")}};
    for (const auto& [code, name] : entries) {
        QAction* action = languages->addAction(name);
        action->setObjectName(QStringLiteral("language_") + QLatin1String(code));
        action->setCheckable(true);
        action->setChecked(currentLanguage() == QLatin1String(code));
        action->setData(QString::fromLatin1(code));
        languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, action] {
            const QString code = action->data().toString();
            if (code != currentLanguage())
                emit languageRequested(code);
        });
    }

    QMenu* themes = view->addMenu(tr("&Theme"));
    themes->setObjectName(QStringLiteral("themeMenu"));
    auto* themeGroup = new QActionGroup(themes);
    QAction* light = themes->addAction(tr("&Light"));
    light->setObjectName(QStringLiteral("themeLight"));
    QAction* dark = themes->addAction(tr("&Dark"));
    dark->setObjectName(QStringLiteral("themeDark"));
    for (QAction* action : {light, dark}) {
        action->setCheckable(true);
        themeGroup->addAction(action);
    }
    (applicationTheme() == Theme::Dark ? dark : light)->setChecked(true);
    connect(light, &QAction::triggered, this, [this] { setDarkTheme(false); });
    connect(dark, &QAction::triggered, this, [this] { setDarkTheme(true); });

    view->addSeparator();
    QAction* larger = view->addAction(tr("&Larger text"), this, &MainWindow::largerText);
    larger->setObjectName(QStringLiteral("largerText"));
    larger->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    larger->setToolTip(tr("Larger text in the window and on the plots, e.g. for a projector."));
    QAction* smaller = view->addAction(tr("&Smaller text"), this, &MainWindow::smallerText);
    smaller->setObjectName(QStringLiteral("smallerText"));
    smaller->setShortcut(QKeySequence::ZoomOut);
    QAction* normal = view->addAction(tr("&Normal text size"), this, &MainWindow::normalText);
    normal->setObjectName(QStringLiteral("normalText"));
    normal->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    QAction* fullScreen = view->addAction(tr("&Full screen"));
    fullScreen->setObjectName(QStringLiteral("fullScreen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence(Qt::Key_F11));
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        if (on)
            showFullScreen();
        else
            showNormal();
    });

    QMenu* help = findMenu(menuBar(), tr("&Help"));
    if (help == nullptr)
        help = menuBar()->addMenu(tr("&Help"));
    QAction* first = help->actions().isEmpty() ? nullptr : help->actions().constFirst();
    auto* guide = new QAction(tr("lrlab &Help"), help);
    guide->setObjectName(QStringLiteral("helpGuide"));
    guide->setShortcut(QKeySequence::HelpContents);
    connect(guide, &QAction::triggered, this, [this] {
        QMessageBox::information(
            this, tr("lrlab Help"),
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
    });
    auto* start = new QAction(tr("&Start page"), help);
    start->setObjectName(QStringLiteral("startPageAction"));
    connect(start, &QAction::triggered, this, &MainWindow::showStartPage);
    help->insertAction(first, guide);
    help->insertAction(first, start);
    if (first != nullptr)
        help->insertSeparator(first);
}

void MainWindow::addMissingTooltips()
{
    // Every control teaches: those built without a tooltip get one here, by object name.
    const std::pair<const char*, const char*> tips[] = {
        {"finderCancel", QT_TR_NOOP("Stop the range test; the curve so far stays on the plot.")},
    };
    for (const auto& [name, tip] : tips) {
        QWidget* widget = findChild<QWidget*>(QLatin1String(name));
        if (widget != nullptr && widget->toolTip().isEmpty())
            widget->setToolTip(tr(tip));
    }
}

void MainWindow::setAccessibleNames()
{
    const std::pair<QCustomPlot*, QString> named[] = {
        {m_mapPlot, tr("Loss landscape with the optimizer's path")},
        {m_lossPlot, tr("Loss against step")},
        {m_accuracyPlot, tr("Validation accuracy against step")},
        {m_lrPlot, tr("Learning-rate schedule against step")}};
    for (const auto& [plot, name] : named)
        plot->setAccessibleName(name);
    // The views' plots are named by their titles.
    for (QCustomPlot* plot : findChildren<QCustomPlot*>()) {
        if (!plot->accessibleName().isEmpty())
            continue;
        const QString title = plotTitle(plot);
        plot->setAccessibleName(title.isEmpty() ? tr("Plot") : title);
    }
    for (QCustomPlot* plot : findChildren<QCustomPlot*>())
        if (plot->accessibleDescription().isEmpty() && !plot->toolTip().isEmpty())
            plot->setAccessibleDescription(plot->toolTip());
}

// ---------------------------------------------------------------------------------------------
// State, settings, theme, text size

MainWindow::ShellState MainWindow::shellState() const
{
    ShellState state;
    state.session = std::make_shared<const Session>(captureSession());
    state.geometry = saveGeometry();
    state.dockState = saveState();
    state.visible = isVisible();
    return state;
}

void MainWindow::restoreShellState(const ShellState& state)
{
    if (!state.geometry.isEmpty())
        restoreGeometry(state.geometry);
    if (!state.dockState.isEmpty())
        restoreState(state.dockState);
    if (state.session != nullptr) {
        Session session = *state.session;
        session.language = currentLanguage().toStdString(); // no request to switch back
        applySession(session);
    }
}

void MainWindow::saveWindowSettings() const
{
    QSettings settings = lrlabSettingsFor();
    settings.setValue(QStringLiteral("windowGeometry"), saveGeometry());
    settings.setValue(QStringLiteral("windowState"), saveState());
}

bool MainWindow::restoreWindowSettings()
{
    QSettings settings = lrlabSettingsFor();
    const QByteArray geometry = settings.value(QStringLiteral("windowGeometry")).toByteArray();
    const QByteArray state = settings.value(QStringLiteral("windowState")).toByteArray();
    bool restored = !geometry.isEmpty() && restoreGeometry(geometry);
    if (!state.isEmpty())
        restored = restoreState(state) && restored;
    return restored;
}

void MainWindow::setDarkTheme(bool dark)
{
    setApplicationTheme(dark ? Theme::Dark : Theme::Light);
    lrlabSettingsFor().setValue(QStringLiteral("theme"),
                                themeName(dark ? Theme::Dark : Theme::Light));
    if (QAction* action =
            findChild<QAction*>(dark ? QStringLiteral("themeDark") : QStringLiteral("themeLight")))
        action->setChecked(true);
}

void MainWindow::largerText()
{
    setFontScale(fontScale() * kTextStep);
    lrlabSettingsFor().setValue(QStringLiteral("fontScale"), fontScale());
}

void MainWindow::smallerText()
{
    setFontScale(fontScale() / kTextStep);
    lrlabSettingsFor().setValue(QStringLiteral("fontScale"), fontScale());
}

void MainWindow::normalText()
{
    setFontScale(1.0);
    lrlabSettingsFor().setValue(QStringLiteral("fontScale"), fontScale());
}

// ---------------------------------------------------------------------------------------------
// Start page

StartPage* MainWindow::startPage() const
{
    return m_startPage;
}

void MainWindow::showStartPage()
{
    if (m_startDialog == nullptr) {
        std::vector<Lesson> lessons;
        QString error;
        try {
            lessons = loadAllLessons();
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        auto* dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("startDialog"));
        dialog->setWindowTitle(tr("Start page — lrlab"));
        auto* layout = new QVBoxLayout(dialog);
        m_startPage = new StartPage(std::move(lessons), currentLanguage(), error, dialog);
        layout->addWidget(m_startPage);
        connect(m_startPage, &StartPage::lessonChosen, this, [this, dialog](const Lesson& lesson) {
            dialog->hide();
            loadLesson(lesson);
        });
        connect(m_startPage, &StartPage::exploreChosen, dialog, &QDialog::hide);
        // In text units, so the page fits its buttons at any text size and screen scale.
        const QFontMetrics metrics(font());
        dialog->resize(metrics.averageCharWidth() * 90, metrics.height() * 38);
        m_startDialog = dialog;
    }
    m_startDialog->show();
    m_startDialog->raise();
    m_startDialog->activateWindow();
    lrlabSettingsFor().setValue(QStringLiteral("startPageShown"), true);
}

} // namespace lrlab
