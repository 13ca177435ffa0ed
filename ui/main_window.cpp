#include "ui/main_window.h"

#include "core/config/session.h"
#include "ui/compare/compare_painter.h"
#include "ui/compare/hover_tips.h"
#include "ui/compare/pin_loader.h"
#include "ui/compare/pinned_runs.h"
#include "ui/controls/experiment_panel.h"
#include "ui/controls/learning_rate_control.h"
#include "ui/controls/problem_controls.h"
#include "ui/experiment_model.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/explorer/curve_plots.h"
#include "ui/explorer/diagnosis_panel.h"
#include "ui/explorer/explorer_parts.h"
#include "ui/explorer/landscape_view.h"
#include "ui/explorer/run_controller.h"
#include "ui/explorer/stability_marks.h"
#include "ui/export/export_controller.h"
#include "ui/language.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/session/session_controller.h"
#include "ui/shell/accessibility.h"
#include "ui/shell/copy_as_menu.h"
#include "ui/shell/help_menu.h"
#include "ui/shell/language_menu.h"
#include "ui/shell/playback_keys.h"
#include "ui/shell/text_size_actions.h"
#include "ui/shell/theme_menu.h"
#include "ui/shell/user_dialogs.h"
#include "ui/shell/window_settings.h"
#include "ui/surface3d/landscape_3d_controller.h"
#include "ui/theme.h"
#include "ui/views/lr_finder_view.h"
#include "ui/views/runs_plots.h"
#include "ui/views/runs_view.h"
#include "ui/views/sweep_view.h"
#include "ui/widgets/message_bar.h"
#include "ui/widgets/playback_bar.h"
#include "ui/widgets/run_status_bar.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <algorithm>

namespace lrlab {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("lrlab — Learning Rate Lab"));
    m_model = new ExperimentModel(this);
    m_pins = new PinnedRuns(this);
    m_status = new RunStatusBar(statusBar());
    m_messages = new MessageBar;
    m_runs = new RunController(m_model, m_pins, m_status, this);
    setCentralWidget(buildCentral());
    m_docks = new AnalysisDocks(this);
    m_stability = new StabilityMarks(m_model, m_controls->learningRateControl(), this);
    connectModel();
    connectRuns();

    // Controllers of the features that are not a plot or a control.
    ExplorerParts parts;
    parts.window = this;
    parts.model = m_model;
    parts.pins = m_pins;
    parts.playback = m_playback;
    parts.painter = m_painter;
    parts.docks = m_docks;
    parts.status = m_status;
    parts.messages = m_messages;
    parts.landscape3d = m_landscape3d;
    parts.figure = [this](const QString& name) { return figure(name); };
    m_dialogs = new UserDialogs(this, this);
    m_pinLoader = new PinLoader(m_pins, this);
    m_sessions = new SessionController(parts, m_pinLoader, m_dialogs, this);
    m_lessons = new LessonController(parts, m_pinLoader, m_sessions, this);
    m_sessions->setLessonController(m_lessons);
    m_export = new ExportController(parts, m_dialogs, this);
    m_language = new LanguageMenu(this);
    m_theme = new ThemeMenu(this);
    m_textSize = new TextSizeActions(this);
    m_windowSettings = new WindowSettings(this, this);
    m_help = new HelpMenu(this, m_lessons, this);
    connect(m_language, &LanguageMenu::languageRequested, this, &MainWindow::languageRequested);
    // The lesson panel sits between the message area and the plots, where the class looks.
    if (auto* layout = qobject_cast<QVBoxLayout*>(centralWidget()->layout()))
        layout->insertWidget(1, m_lessons->panel());
    connect(m_sessions, &SessionController::languageRequested, this,
            &MainWindow::languageRequested);
    connect(m_pinLoader, &PinLoader::finished, this, [this](quint64, PinLoader::Mode mode) {
        if (mode != PinLoader::Mode::Add)
            return;
        m_status->setStatus(tr("Trio pinned: lr ×0.1, ×1, ×10."));
        emit trioFinished();
    });
    connect(m_pinLoader, &PinLoader::failed, this,
            [this](quint64, PinLoader::Mode mode, const QString& message) {
                if (mode == PinLoader::Mode::Add)
                    m_messages->showMessage(tr("The trio failed: %1").arg(message));
            });
    buildMenus();
    m_windowSettings->applyDefaultGeometry(QSize(1600, 1000));
    Accessibility::apply(this);
    applyThemeToWidget(this);

    // The first run: every view prepares for the whole config.
    const ConfigChanges all = kAllConfigChanges;
    m_landscape->prepare(m_model->config(), all);
    m_curves->prepare(m_model->config(), all);
    m_pins->setAxes(PinnedRuns::axesKey(m_model->config()));
    m_runs->rerun();
}

MainWindow::~MainWindow()
{
    // The painter removes its plottables from the plots: delete it while they exist.
    delete m_hoverTips;
    delete m_painter;
}

QWidget* MainWindow::buildCentral()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_messages);

    auto* splitter = new QSplitter(Qt::Horizontal, central);
    auto* plotsColumn = new QWidget(splitter);
    auto* plotsLayout = new QVBoxLayout(plotsColumn);
    plotsLayout->setContentsMargins(0, 0, 0, 0);
    auto* plots = new QSplitter(Qt::Horizontal, plotsColumn);
    m_plots = plots;
    m_landscape = new LandscapeView(m_model, plots);
    // The curves column scrolls when its plots' minimums (which grow with the text size) need
    // more than the window's height, instead of squashing them.
    auto* curvesColumn = new QScrollArea(plots);
    curvesColumn->setObjectName(QStringLiteral("curvesColumn"));
    curvesColumn->setWidgetResizable(true);
    curvesColumn->setFrameShape(QFrame::NoFrame);
    curvesColumn->setFocusPolicy(Qt::NoFocus);
    auto* curves = new QSplitter(Qt::Vertical);
    curves->setChildrenCollapsible(false);
    m_curves = new CurvePlots(curves);
    curves->addWidget(m_curves->lossPlot());
    curves->addWidget(m_curves->accuracyPlot());
    curves->addWidget(m_curves->schedulePlot());
    // The loss plot takes most of the height and keeps its minimum; the accuracy and schedule
    // plots give way first, down to theirs (then the column scrolls).
    curves->setStretchFactor(0, 4);
    curves->setStretchFactor(1, 1);
    curves->setStretchFactor(2, 2);
    curvesColumn->setWidget(curves);
    // The loss plot itself never scrolls out of sight: the column is at least its minimum tall.
    QCustomPlot* loss = m_curves->lossPlot();
    connect(loss, &QCustomPlot::afterLayout, curvesColumn,
            [curvesColumn, loss] { curvesColumn->setMinimumHeight(loss->minimumHeight()); });
    plots->addWidget(m_landscape->plot());
    plots->addWidget(curvesColumn);
    plots->setStretchFactor(0, 5);
    plots->setStretchFactor(1, 4);
    plots->setChildrenCollapsible(false);
    plotsLayout->addWidget(plots, 1);
    m_playback = new PlaybackBar(plotsColumn);
    m_playback->setObjectName(QStringLiteral("playbackBar"));
    plotsLayout->addWidget(m_playback);
    new PlaybackKeys(this, m_playback); // Space, Left, Right anywhere in the window
    m_landscape3d = new Landscape3DController(m_model, m_pins, m_playback, m_runs,
                                              m_landscape->plot(), plots, this);
    splitter->addWidget(plotsColumn);

    auto* scroll = new QScrollArea(splitter);
    m_controlsColumn = scroll;
    scroll->setWidgetResizable(true);
    // Never clipped without a sign: a scroll bar appears if the column ever needs more.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setFocusPolicy(Qt::NoFocus);
    m_controls = new ExperimentPanel(m_model);
    scroll->setWidget(m_controls);
    fitControlsColumn();
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);
    // The plots take the width; the controls column its minimum.
    splitter->setSizes({100000, scroll->minimumWidth()});
    layout->addWidget(splitter, 1);

    // The runs on the three plots, with cursors driven by the playback bar.
    ComparePainterOptions options;
    options.landscapeLayer = QStringLiteral("path");
    // Replots are ours: the map's path layer alone, so a new run never rescales the colour map.
    options.autoReplot = false;
    options.smoothing = RunController::kSmoothing;
    m_painter = new ComparePainter(ComparePlots{m_landscape->plot(), m_curves->lossPlot(),
                                                m_curves->schedulePlot(), m_curves->accuracyPlot()},
                                   options, this);
    m_curves->setPainter(m_painter);
    m_hoverTips = new HoverTips(m_painter, this);
    m_landscape->setHoverTips(m_hoverTips);
    return central;
}

void MainWindow::connectModel()
{
    connect(m_model, &ExperimentModel::configChanged, this,
            [this](const RunConfig& config, ConfigChanges what) {
                m_landscape->prepare(config, what);
                m_curves->prepare(config, what);
                if (what & ConfigChange::Problem) {
                    if (!isModelType(config.problem.type) || isOneFeatureModel(config.problem.type))
                        m_painter->setLandscapePlane(nullptr);
                    m_pins->setAxes(PinnedRuns::axesKey(config));
                    fitControlsColumn();
                }
                m_docks->finder()->setBaseConfig(config);
                m_docks->sweep()->setBaseConfig(config);
            });
    // A refused entry: the field shows the model's value again; the reason names the field.
    connect(m_model, &ExperimentModel::refused, this, [this](const QString&, const QString& why) {
        m_messages->showMessage(tr("Not applied: %1").arg(why));
    });
    connect(m_stability, &StabilityMarks::limitsChanged, m_curves, [this](double limit) {
        m_curves->setStableLimit(limit);
        fitControlsColumn(); // the explanation under the slider may need other room
    });
    connect(m_pins, &PinnedRuns::changed, this, &MainWindow::showRuns);
    connect(m_playback, &PlaybackBar::stepChanged, this, [this](int step) {
        m_painter->setCursorStep(step);
        m_landscape->replotPath();
        m_curves->lossPlot()->replot(QCustomPlot::rpQueuedReplot);
        m_curves->schedulePlot()->replot(QCustomPlot::rpQueuedReplot);
    });
    connect(m_controls, &ExperimentPanel::pinRequested, this, &MainWindow::pinCurrent);
    connect(m_controls, &ExperimentPanel::clearPinsRequested, this, &MainWindow::clearPins);
    connect(m_controls, &ExperimentPanel::trioRequested, this, &MainWindow::runTrio);
    connect(m_docks->finder(), &LrFinderView::learningRateChosen, m_model,
            &ExperimentModel::setLearningRate);
    connect(m_docks->sweep(), &SweepView::runRequested, m_model,
            [this](const RunConfig& config) { m_model->apply(config); });
    m_docks->finder()->setBaseConfig(m_model->config());
    m_docks->sweep()->setBaseConfig(m_model->config());
    // Imported training logs: dropped anywhere on the window, shown in the Runs dock.
    RunsView* runs = m_docks->runs();
    runs->setExperimentModel(m_model);
    runs->acceptDropsOn(this);
    connect(runs, &RunsView::imported, this, [this] { m_docks->showTab(QStringLiteral("runs")); });
}

void MainWindow::connectRuns()
{
    connect(m_runs, &RunController::runSubmitted, m_messages, &MessageBar::clearMessage);
    connect(m_runs, &RunController::modelCurvesChanged, m_curves, &CurvePlots::showModelCurves);
    connect(m_runs, &RunController::divergenceChanged, this, [this](int step, int steps) {
        m_curves->showDivergence(step, steps);
        m_landscape->showDivergence(step);
    });
    connect(m_runs, &RunController::historyChanged, m_docks->diagnosis(),
            &DiagnosisPanel::showHistory);
    connect(m_runs, &RunController::toyLandscapeReady, m_landscape,
            &LandscapeView::showToyLandscape);
    connect(m_runs, &RunController::modelLandscapeReady, this,
            [this](quint64 generation, const ModelLandscape& landscape) {
                if (const ModelRunResult* run = m_runs->lastModelRun())
                    m_landscape->showModelLandscape(generation, landscape, *run);
                // Pinned paths follow the plane now on the map.
                m_painter->setLandscapePlane(
                    landscape.plane == LandscapePlane::Axes ? nullptr : landscape.modelPlane);
                m_landscape->replotPath();
            });
    connect(m_runs, &RunController::landscapeFailed, m_landscape,
            [this](const QString& why) { m_landscape->showNote(tr("No landscape: %1").arg(why)); });
    connect(m_runs, &RunController::runFailed, this, [this](const QString& message) {
        m_docks->diagnosis()->clear();
        m_messages->showMessage(message);
    });
    connect(m_runs, &RunController::runNote, m_messages, &MessageBar::showMessage);
}

void MainWindow::fitControlsColumn()
{
    // The fields take any value the core may accept, so their size hints are wide: the column
    // is as wide as its labels and fields need at least (fitToColumn), at any text size, for
    // the rows the current problem shows.
    m_controls->layout()->activate();
    m_controlsColumn->setMinimumWidth(m_controls->minimumSizeHint().width() +
                                      m_controlsColumn->verticalScrollBar()->sizeHint().width() +
                                      8);
}

void MainWindow::showRuns()
{
    m_painter->setRuns(m_pins->shown());
    // On the dark bands of the map the current path is orange with white-rimmed dots; pinned
    // runs keep their palette colours.
    const QColor orange(255, 110, 30);
    if (QCPCurve* path = m_painter->landscapeCurve(PinnedRuns::kCurrentId)) {
        path->setPen(QPen(orange, 2.4));
        path->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(orange, 1.2), Qt::white, 5));
        path->setScatterSkip(std::max(0, path->dataCount() / 40 - 1));
    }
    if (QCPGraph* end = m_painter->endMarker(PinnedRuns::kCurrentId))
        end->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssDiamond, QPen(Qt::black, 1.5), orange, 13));
    const auto record = m_runs->currentRecord();
    m_curves->runsChanged(m_model->isModel() && record, record && record->divergedAt >= 0,
                          record ? record->divergedAt : -1);
    if (record)
        m_landscape->followPath(*record);
    m_playback->setMaximumStep(m_painter->maximumStep());
    m_painter->setCursorStep(m_playback->step());
    m_controls->showPinCount(m_pins->pinnedCount(), PinnedRuns::kCapacity, m_pins->hiddenCount());
    m_landscape->replotPath();
}

void MainWindow::pinCurrent()
{
    const auto current = m_runs->currentRecord();
    if (!current)
        return;
    // A larger model's PCA path keeps its plane and snapshots: the painter projects it onto the
    // plane on the map, or leaves it off with a note in its legend entry.
    m_pins->pin(*current);
}

void MainWindow::runTrio()
{
    std::vector<LabelledConfig> configs;
    for (const RunConfig& config : trioConfigs(m_model->config()))
        configs.push_back(LabelledConfig{QString(), config});
    m_status->setStatus(tr("Running the trio ×0.1 / ×1 / ×10…"));
    m_pinLoader->add(configs);
}

void MainWindow::clearPins()
{
    m_pins->clear();
}

void MainWindow::applyDefaultLesson()
{
    m_model->apply(ExperimentModel::defaultExperiment());
}

QWidget* MainWindow::figure(const QString& name) const
{
    if (name == QLatin1String("landscape"))
        return m_landscape->plot();
    if (name == QLatin1String("loss"))
        return m_curves->lossPlot();
    if (name == QLatin1String("lr"))
        return m_curves->schedulePlot();
    if (name == QLatin1String("dashboard"))
        return m_plots;
    if (name == QLatin1String("runs"))
        return m_docks->runs()->plots();
    if (name == QLatin1String("surface3d"))
        return m_landscape3d->view()->widget();
    return nullptr;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_sessions->addToFileMenu(file);
    file->addSeparator();
    m_export->addToFileMenu(file);
    file->addSeparator();
    QToolBar* tools = addToolBar(tr("Session and export"));
    tools->setObjectName(QStringLiteral("sessionToolBar"));
    tools->addAction(m_sessions->saveAction());
    m_export->addToToolBar(tools);
    file->addAction(tr("&Open dataset CSV…"), m_controls->problemControls(),
                    &ProblemControls::openCsv);
    QAction* importRuns =
        file->addAction(tr("&Import runs…"), m_docks->runs(), &RunsView::chooseFiles);
    importRuns->setObjectName(QStringLiteral("importRunsAction"));
    importRuns->setShortcut(QKeySequence(tr("Ctrl+I")));
    importRuns->setStatusTip(tr("Read training logs (TensorBoard, Hugging Face "
                                "trainer_state.json, CSV) into the Runs dock."));
    file->addAction(tr("Import run f&older…"), m_docks->runs(), &RunsView::chooseFolder)
        ->setObjectName(QStringLiteral("importRunFolderAction"));
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    auto* copyAs = new CopyAsMenu(m_model, this);
    copyAs->addTo(edit);
    connect(copyAs, &CopyAsMenu::copied, this,
            [this](const QString& message) { statusBar()->showMessage(message, 5000); });

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    QAction* pin = run->addAction(tr("&Pin current run"), this, &MainWindow::pinCurrent);
    pin->setShortcut(QKeySequence(tr("Ctrl+P")));
    run->addAction(tr("&Clear pins"), this, &MainWindow::clearPins);
    QAction* trio = run->addAction(tr("LR &trio ×0.1 / ×1 / ×10"), this, &MainWindow::runTrio);
    trio->setShortcut(QKeySequence(tr("Ctrl+T")));
    run->addSeparator();
    QAction* play = run->addAction(tr("Play / pause"), m_playback, &PlaybackBar::togglePlay);
    play->setShortcut(QKeySequence(tr("Ctrl+Space")));
    QAction* finder = run->addAction(tr("Run the LR &finder"), this, [this] {
        m_docks->showTab(QStringLiteral("lr_finder"));
        m_docks->finder()->run();
    });
    finder->setShortcut(QKeySequence(tr("Ctrl+F")));

    QMenu* lesson = menuBar()->addMenu(tr("&Lesson"));
    QAction* reset =
        lesson->addAction(tr("&Default lesson"), this, &MainWindow::applyDefaultLesson);
    reset->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_lessons->addToMenu(lesson);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_docks->addToggleActions(view);
    view->addSeparator();
    m_language->addTo(view);
    m_theme->addTo(view);
    view->addSeparator();
    m_textSize->addTo(view);
    m_windowSettings->addFullScreenAction(view);
    view->addSeparator();
    m_landscape3d->addToMenu(view);
    addToolBar(m_landscape3d->toolBar());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    m_help->addTo(help);
    help->addSeparator();
    help->addAction(tr("&About lrlab"), this, [this] {
        QMessageBox::about(this, tr("About lrlab"),
                           tr("<b>lrlab %1</b> — Learning Rate Lab<br>How learning rate, "
                              "warmup, decay and optimizer shape a training run, on toy "
                              "loss surfaces and real models.")
                               .arg(QStringLiteral(LRLAB_VERSION)));
    });
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_sessions->confirmClose()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_docksSized) {
        // The plots keep most of the height, the Diagnosis dock enough for its text; resizeDocks
        // needs the window laid out once.
        m_docksSized = true;
        QTimer::singleShot(0, this, [this] {
            fitControlsColumn();  // with the theme and text size the window is shown in
            layout()->activate(); // resizeDocks is ignored by a window not laid out yet
            resizeDocks({m_docks->diagnosisDock()}, {std::max(190, height() / 5)}, Qt::Vertical);
            // The Diagnosis text needs little height, the views with plots more: raising one
            // of those grows the dock area to what its plots need (never shrinks what the user
            // chose). Connected once the window is laid out, so the tabs' start-up visibility
            // changes do not count.
            const auto growFor = [this](QDockWidget* dock) {
                const int needed = std::max(270, height() / 4);
                if (!dock->isFloating() && dock->height() < needed)
                    resizeDocks({dock}, {needed}, Qt::Vertical);
            };
            for (QDockWidget* dock : {m_docks->finderDock(), m_docks->sweepDock(),
                                      m_docks->fineTuneDock(), m_docks->runsDock()}) {
                connect(dock, &QDockWidget::visibilityChanged, this, [growFor, dock](bool visible) {
                    if (visible)
                        growFor(dock);
                });
            }
        });
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && m_lessons) {
        m_language->showCurrent();
        m_sessions->updateTitle();
        m_pins->retranslate();
        m_lessons->retranslate();
        fitControlsColumn(); // the labels' widths changed
    }
    const bool font =
        event->type() == QEvent::FontChange || event->type() == QEvent::ApplicationFontChange;
    if (font && m_controls && !m_refitQueued) {
        // Once the controls have their new fonts too (they change after the window's).
        m_refitQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_refitQueued = false;
            fitControlsColumn();
        });
    }
}

MainWindow::ShellState MainWindow::shellState() const
{
    ShellState state;
    Session session = m_sessions->captureSession();
    // Automatic labels are left empty so the new window names the pins in its language.
    const std::vector<ShownRun>& pinned = m_pins->pinned();
    for (std::size_t i = 0; i < pinned.size() && i < session.pinned.size(); ++i)
        if (!m_pins->hasOwnLabel(pinned[i].id))
            session.pinned[i].label.clear();
    state.session = std::make_shared<const Session>(std::move(session));
    state.sessionPath = m_sessions->sessionPath();
    state.sessionModified = m_sessions->isSessionModified();
    state.geometry = saveGeometry();
    state.dockState = saveState();
    state.visible = isVisible();
    state.importedRuns = m_docks->runs()->importedPaths();
    return state;
}

void MainWindow::restoreShellState(const ShellState& state)
{
    if (!state.geometry.isEmpty())
        restoreGeometry(state.geometry);
    if (!state.dockState.isEmpty())
        restoreState(state.dockState);
    if (!state.session) // a session restores its imported runs with their tags and flags
        m_docks->runs()->importPaths(state.importedRuns);
    if (state.session) {
        Session session = *state.session;
        session.language = currentLanguage().toStdString(); // no request to switch back
        // The open lesson's labels in the new language (the panel follows through the view).
        m_lessons->showPanelFor(session.view.value(QStringLiteral("lesson")).toString());
        for (PinnedConfig& pin : session.pinned)
            pin.label = m_lessons->lessonRunLabel(QString::fromStdString(pin.label)).toStdString();
        m_sessions->applySession(session);
        m_sessions->setSessionFile(state.sessionPath, state.sessionModified);
    }
}

} // namespace lrlab
