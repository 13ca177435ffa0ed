// MainWindow, part A: sessions (New/Open/Save/Save As/Open Recent), the unsaved-changes
// question, the title, autosave and crash recovery, and the pinned runs a session or a lesson
// brings (recomputed in the background like the trio's). Wired by setupSessionExportLessons().
#include "ui/main_window_part_a.h"

#include "core/config/config_json.h"
#include "core/engine/model_problem.h"
#include "core/engine/model_run.h"
#include "core/engine/toy_run.h"
#include "core/problems/toy_surface.h"
#include "ui/compare/pinned_runs.h"
#include "ui/compare/run_record.h"
#include "ui/views/lr_finder_view.h"
#include "ui/widgets/playback_bar.h"

#include <QAction>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <exception>

namespace lrlab {

namespace {

constexpr int kMaxRecent = 8;
constexpr int kAutosaveIntervalMs = 60 * 1000;
/// Autosave this long after the last change (a slider drag is many changes).
constexpr int kAutosaveDelayMs = 1500;
const char* const kRecentKey = "recentSessions";
/// Part B's language setting ("" or missing: follow the system).
const char* const kLanguageKey = "view/language";
/// View key of an autosave: the session file it belongs to (kept by the session format).
const char* const kAutosaveOf = "autosave_of";

/// Passes the watched object's events to a function before the object's own handlers: part A
/// needs the window's close and language-change events without overriding its virtuals (part B
/// of the window may).
class EventHook : public QObject
{
public:
    EventHook(QObject* watched, std::function<bool(QEvent*)> handler)
        : QObject(watched), m_handler(std::move(handler))
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        return watched == parent() && m_handler(event);
    }

private:
    std::function<bool(QEvent*)> m_handler;
};

/// The run of config as the trio computes it: toy surfaces through runToy (their f* as the loss
/// offset), models through runModel without PCA snapshots (a pin shows no PCA path).
RunRecord computeRecord(const RunConfig& config, const CancelFlag* cancel)
{
    validate(config);
    if (isModelType(config.problem.type)) {
        const auto problem = ModelProblem::create(config.problem, config.seed);
        ModelRunOptions options;
        options.maxSnapshots = 0;
        return fromModelTrace(config, runModel(config, *problem, cancel, options));
    }
    const auto surface = makeToySurface(config.problem.type, config.problem.parameters);
    return fromToyTrace(config, runToy(config, *surface, cancel), surface->info().minimumValue);
}

QMenu* findMenu(QMenuBar* bar, const QString& title)
{
    for (QAction* action : bar->actions())
        if (action->menu() && action->menu()->title() == title)
            return action->menu();
    return nullptr;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Setup

MainWindow::PartA::PartA(MainWindow& window) : w(window)
{
    // Nobody can answer a modal question on a headless platform (tests, screenshots): errors
    // then only go to errorShown and unsaved changes are discarded.
    const QString platform = QGuiApplication::platformName();
    dialogs = platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}

MainWindow::PartA::~PartA()
{
    for (PinJob& job : pinJobs)
        job.cancel->store(true);
    for (PinJob& job : pinJobs)
        job.future.waitForFinished();
    // Reaching the destructor is a clean exit: nothing to recover next time.
    removeAutosave();
}

void MainWindow::setupSessionExportLessons()
{
    m_partA = std::make_shared<PartA>(*this);
    PartA& a = *m_partA;
    a.setupSessions();
    a.setupExport();
    a.setupLessons();
    a.installMenus();
    a.retranslate();

    new EventHook(this, [this](QEvent* event) {
        if (event->type() == QEvent::Close) {
            if (!m_partA->confirmDiscard()) {
                event->ignore();
                return true;
            }
            return false;
        }
        if (event->type() == QEvent::LanguageChange) {
            // After the window's own handler: it may rebuild menus or reset the title.
            QTimer::singleShot(0, this, [this] {
                m_partA->installMenus();
                m_partA->retranslate();
            });
        }
        return false;
    });
    connect(m_pins, &PinnedRuns::changed, this, [this] { m_partA->stateChanged(); });

    a.cleanState = a.stateJson();
    a.updateTitle();
    QTimer::singleShot(0, this, [this] { m_partA->checkRecovery(); });
}

void MainWindow::PartA::setupSessions()
{
    const auto action = [this](const char* id, auto slot) {
        auto* act = new QAction(&w);
        act->setObjectName(QString::fromLatin1(id));
        QObject::connect(act, &QAction::triggered, &w, slot);
        actions[QString::fromLatin1(id)] = act;
        return act;
    };
    action("newSessionAction", [this] { w.newSession(); })->setShortcut(QKeySequence::New);
    action("openSessionAction", [this] { open(); })->setShortcut(QKeySequence::Open);
    action("saveSessionAction", [this] { save(); })->setShortcut(QKeySequence::Save);
    // Spelled out: QKeySequence::SaveAs is empty on some platforms.
    action("saveSessionAsAction", [this] { saveAs(); })
        ->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+S")));
    recentMenu = new QMenu(&w);
    recentMenu->setObjectName(QStringLiteral("recentSessionsMenu"));
    rebuildRecentMenu();

    stateTimer = new QTimer(&w);
    stateTimer->setSingleShot(true);
    stateTimer->setInterval(100);
    QObject::connect(stateTimer, &QTimer::timeout, &w, [this] { updateModified(); });
    autosaveDebounce = new QTimer(&w);
    autosaveDebounce->setSingleShot(true);
    autosaveDebounce->setInterval(kAutosaveDelayMs);
    QObject::connect(autosaveDebounce, &QTimer::timeout, &w, [this] { w.writeAutosave(); });
    autosaveTimer = new QTimer(&w);
    autosaveTimer->setInterval(kAutosaveIntervalMs);
    QObject::connect(autosaveTimer, &QTimer::timeout, &w, [this] { w.writeAutosave(); });
    autosaveTimer->start();

    // The active analysis tab, for the session's view state: "explorer" (the diagnosis),
    // "lr_finder", "sweep", or "<name>" for another dock named "<name>Dock".
    for (QDockWidget* dock : w.findChildren<QDockWidget*>()) {
        QString name = dock->objectName();
        if (dock == w.m_diagnosisDock)
            name = QStringLiteral("explorer");
        else if (dock == w.m_finderDock)
            name = QStringLiteral("lr_finder");
        else if (dock == w.m_sweepDock)
            name = QStringLiteral("sweep");
        else if (name.endsWith(QLatin1String("Dock")))
            name.chop(4);
        if (name.isEmpty())
            continue;
        QObject::connect(dock, &QDockWidget::visibilityChanged, &w, [this, name](bool visible) {
            if (visible)
                activeTab = name;
        });
    }
}

void MainWindow::PartA::installMenus()
{
    QMenuBar* bar = w.menuBar();
    QMenu* file = findMenu(bar, MainWindow::tr("&File"));
    if (!file) {
        file = new QMenu(MainWindow::tr("&File"), bar);
        bar->insertMenu(bar->actions().isEmpty() ? nullptr : bar->actions().first(), file);
    }
    if (!file->actions().contains(actions.at(QStringLiteral("newSessionAction")))) {
        QAction* before = file->actions().isEmpty() ? nullptr : file->actions().first();
        for (const char* id : {"newSessionAction", "openSessionAction"})
            file->insertAction(before, actions.at(QString::fromLatin1(id)));
        file->insertMenu(before, recentMenu);
        file->insertSeparator(before);
        for (const char* id : {"saveSessionAction", "saveSessionAsAction"})
            file->insertAction(before, actions.at(QString::fromLatin1(id)));
        file->insertSeparator(before);
        file->insertMenu(before, exportMenu);
        file->insertSeparator(before);
    }
    QMenu* lesson = findMenu(bar, MainWindow::tr("&Lesson"));
    if (!lesson) {
        lesson = findMenu(bar, MainWindow::tr("&Lessons"));
        if (!lesson) {
            lesson = new QMenu(MainWindow::tr("&Lessons"), bar);
            QMenu* view = findMenu(bar, MainWindow::tr("&View"));
            bar->insertMenu(view ? view->menuAction() : nullptr, lesson);
        }
    }
    lessonMenu = lesson;
    rebuildLessonMenu();
}

void MainWindow::PartA::retranslate()
{
    struct Text
    {
        const char* id;
        QString text;
        QString tip;
    };
    const Text texts[] = {
        {"newSessionAction", MainWindow::tr("&New session"),
         MainWindow::tr("Start again from the default experiment, with no pinned runs.")},
        {"openSessionAction", MainWindow::tr("&Open session…"),
         MainWindow::tr("Open a saved session: its runs, pinned runs and view.")},
        {"saveSessionAction", MainWindow::tr("&Save session"),
         MainWindow::tr("Save the current run, the pinned runs and the view to the session "
                        "file (runs are recomputed from their settings when opened).")},
        {"saveSessionAsAction", MainWindow::tr("Save session &as…"),
         MainWindow::tr("Save the session to a new file.")},
        {"exportLandscapeAction", MainWindow::tr("&Landscape…"),
         MainWindow::tr("Save the loss landscape with every path as PNG, SVG or PDF.")},
        {"exportLossAction", MainWindow::tr("L&oss…"),
         MainWindow::tr("Save the loss curves as PNG, SVG or PDF.")},
        {"exportLrAction", MainWindow::tr("Learning &rate…"),
         MainWindow::tr("Save the learning-rate schedule plot as PNG, SVG or PDF.")},
        {"exportDashboardAction", MainWindow::tr("&Dashboard (all plots)…"),
         MainWindow::tr("Save every plot side by side as one PNG, SVG or PDF figure.")},
        {"copyDashboardAction", MainWindow::tr("&Copy dashboard to clipboard"),
         MainWindow::tr("Copy every plot as one image, to paste into slides or notes.")},
        {"exportCurrentCsvAction", MainWindow::tr("Current run as &CSV…"),
         MainWindow::tr("The current run's trace: step, learning rate, loss (and path or "
                        "validation columns).")},
        {"exportCombinedCsvAction", MainWindow::tr("All shown runs as &one CSV…"),
         MainWindow::tr("Every shown run in one table, with a leading \"run\" column.")},
        {"exportCsvFilesAction", MainWindow::tr("One CSV &per shown run…"),
         MainWindow::tr("One trace file per shown run, in a folder you choose.")},
        {"exportGifAction", MainWindow::tr("Animation as &GIF…"),
         MainWindow::tr("Render the playback of the shown runs as an animated GIF.")},
    };
    for (const Text& t : texts) {
        const auto it = actions.find(QString::fromLatin1(t.id));
        if (it == actions.end())
            continue;
        it->second->setText(t.text);
        it->second->setToolTip(t.tip);
        it->second->setStatusTip(t.tip);
    }
    actions.at(QStringLiteral("exportDashboardAction"))
        ->setIconText(MainWindow::tr("Export figure"));
    actions.at(QStringLiteral("copyDashboardAction"))->setIconText(MainWindow::tr("Copy"));
    actions.at(QStringLiteral("exportGifAction"))->setIconText(MainWindow::tr("GIF"));
    actions.at(QStringLiteral("saveSessionAction"))->setIconText(MainWindow::tr("Save"));
    exportMenu->setTitle(MainWindow::tr("&Export"));
    toolBar->setWindowTitle(MainWindow::tr("Session and export"));
    rebuildRecentMenu();
    rebuildLessonMenu();
    if (const Lesson* lesson = findLesson(lessonId))
        showLessonPanel(*lesson);
    updateTitle();
}

// ---------------------------------------------------------------------------------------------
// Errors and labels

void MainWindow::PartA::reportError(const QString& title, const QString& message)
{
    emit w.errorShown(message);
    if (dialogs)
        QMessageBox::warning(&w, title, message);
}

std::vector<ShownRun> MainWindow::shownRuns() const
{
    std::vector<ShownRun> runs = m_pins->shown();
    if (!m_partA)
        return runs;
    for (ShownRun& run : runs) {
        const auto it = m_partA->labels.find(run.id);
        if (!run.current && it != m_partA->labels.end())
            run.label = it->second;
    }
    return runs;
}

std::map<std::string, double> MainWindow::surfaceParameters(const std::string& type) const
{
    if (!m_partA || m_partA->parameterType != type)
        return {};
    return m_partA->parameters;
}

void MainWindow::rememberSurfaceParameters(const ProblemSpec& problem)
{
    if (!m_partA)
        return;
    m_partA->parameterType = problem.type;
    m_partA->parameters = problem.parameters;
}

// ---------------------------------------------------------------------------------------------
// Pinning configs in the background

void MainWindow::PartA::pinInBackground(const LabelledConfigs& configs, std::function<void()> done)
{
    for (PinJob& job : pinJobs)
        job.cancel->store(true);
    pinJobs.erase(std::remove_if(pinJobs.begin(), pinJobs.end(),
                                 [](const PinJob& job) { return job.future.isFinished(); }),
                  pinJobs.end());
    const quint64 generation = ++pinGeneration;
    pendingPins.clear();
    for (const auto& [label, config] : configs)
        pendingPins.push_back(PinnedConfig{config, label.toStdString()});
    restoring = true;
    labels.clear();
    w.m_pins->clear();

    PinJob job;
    job.generation = generation;
    job.cancel = std::make_shared<CancelFlag>(false);
    const std::shared_ptr<CancelFlag> flag = job.cancel;
    MainWindow* window = &w;
    if (!configs.empty())
        w.setRunStatus(MainWindow::tr("Computing %n pinned run(s)…", nullptr,
                                      static_cast<int>(configs.size())),
                       false);
    job.future = QtConcurrent::run([window, configs, flag, generation, done]() {
        std::vector<RunRecord> records;
        QString error;
        try {
            for (const auto& entry : configs) {
                records.push_back(computeRecord(entry.second, flag.get()));
                if (flag->load())
                    return;
            }
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
        }
        if (flag->load())
            return;
        QMetaObject::invokeMethod(
            window,
            [window, configs, records, error, generation, done] {
                PartA& a = *window->m_partA;
                if (generation != a.pinGeneration)
                    return;
                // A load leaves the session clean once its runs are back, unless the user
                // changed something meanwhile.
                const bool wasClean = a.stateJson() == a.cleanState;
                a.restoring = false;
                a.pendingPins.clear();
                if (!error.isEmpty()) {
                    a.reportError(MainWindow::tr("Pinned runs"),
                                  MainWindow::tr("The pinned runs could not be computed: %1")
                                      .arg(error));
                    a.updateModified();
                    return;
                }
                const std::vector<int> ids = window->m_pins->pinAll(records);
                // pinAll keeps the last kCapacity records: align labels from the end.
                const std::size_t skipped = configs.size() - ids.size();
                for (std::size_t i = 0; i < ids.size(); ++i) {
                    const QString& label = configs[skipped + i].first;
                    const ShownRun* run = window->m_pins->find(ids[i]);
                    // A label equal to the automatic one stays automatic (it follows changes).
                    if (!label.isEmpty() && run && run->label != label)
                        a.labels[ids[i]] = label;
                }
                if (!a.labels.empty())
                    window->pinsChanged();  // the plots' legends take the labels
                if (wasClean)
                    a.cleanState = a.stateJson();
                a.updateModified();
                window->setRunStatus(MainWindow::tr("%n run(s) pinned.", nullptr,
                                                    static_cast<int>(ids.size())),
                                     false);
                if (a.pendingCursor >= 0) {
                    window->m_playback->setStep(a.pendingCursor);
                    a.pendingCursor = -1;
                }
                if (a.pendingPlay) {
                    a.pendingPlay = false;
                    window->m_playback->play();
                }
                if (done)
                    done();
            },
            Qt::QueuedConnection);
    });
    pinJobs.push_back(std::move(job));
}

// ---------------------------------------------------------------------------------------------
// Session state

QJsonObject MainWindow::PartA::stateJson() const
{
    QJsonObject state;
    state[QStringLiteral("current")] = runConfigToJson(w.currentConfig());
    QJsonArray pinned;
    const auto add = [&pinned](const QString& label, const RunConfig& config) {
        QJsonObject entry;
        entry[QStringLiteral("label")] = label;
        entry[QStringLiteral("config")] = runConfigToJson(config);
        pinned.append(entry);
    };
    if (restoring) {
        for (const PinnedConfig& pin : pendingPins)
            add(QString::fromStdString(pin.label), pin.config);
    } else {
        for (const ShownRun& run : w.shownRuns())
            if (!run.current)
                add(run.label, run.record->config);
    }
    state[QStringLiteral("pinned")] = pinned;
    return state;
}

Session MainWindow::captureSession() const
{
    Session session;
    session.current = currentConfig();
    if (m_partA && m_partA->restoring) {
        session.pinned = m_partA->pendingPins;
    } else {
        for (const ShownRun& run : shownRuns())
            if (!run.current)
                session.pinned.push_back(PinnedConfig{run.record->config, run.label.toStdString()});
    }
    QJsonObject view;
    view[QStringLiteral("tab")] = m_partA ? m_partA->viewTab() : QStringLiteral("explorer");
    view[QStringLiteral("cursor_step")] = m_playback->step();
    view[QStringLiteral("speed")] = m_playback->speed();
    view[QStringLiteral("playing")] = m_playback->isPlaying();
    // The plane the map shows: the exact (w, b) surface for toys and two-parameter models,
    // the trajectory's PCA plane for larger models.
    const std::string& type = session.current.problem.type;
    const bool axes = !isModelType(type) || type == "linreg" || type == "logreg";
    view[QStringLiteral("plane")] = axes ? QStringLiteral("axes") : QStringLiteral("pca");
    if (m_partA && !m_partA->lessonId.isEmpty())
        view[QStringLiteral("lesson")] = m_partA->lessonId;
    session.view = view;
    session.language = QSettings().value(QString::fromLatin1(kLanguageKey)).toString().toStdString();
    return session;
}

QString MainWindow::PartA::viewTab() const
{
    return activeTab;
}

void MainWindow::PartA::applyView(const QJsonObject& view)
{
    const QString tab = view.value(QStringLiteral("tab")).toString(QStringLiteral("explorer"));
    QDockWidget* dock = nullptr;
    if (tab == QLatin1String("explorer") || tab == QLatin1String("diagnosis"))
        dock = w.m_diagnosisDock;
    else if (tab == QLatin1String("lr_finder"))
        dock = w.m_finderDock;
    else if (tab == QLatin1String("sweep"))
        dock = w.m_sweepDock;
    else  // another part's dock, named "<tab>Dock"
        dock = w.findChild<QDockWidget*>(tab + QStringLiteral("Dock"));
    if (dock) {
        dock->show();
        dock->raise();
        activeTab = tab;
    }
    if (view.contains(QStringLiteral("speed")))
        w.m_playback->setSpeed(view.value(QStringLiteral("speed")).toDouble(1.0));
    pendingCursor = view.value(QStringLiteral("cursor_step")).toInt(-1);
    pendingPlay = view.value(QStringLiteral("playing")).toBool(false) ||
                  view.value(QStringLiteral("play")).toBool(false);
    w.m_playback->pause();
    const QString lesson = view.value(QStringLiteral("lesson")).toString();
    if (const Lesson* found = findLesson(lesson))
        showLessonPanel(*found);
    else
        hideLessonPanel();
}

void MainWindow::applySession(const Session& session)
{
    PartA& a = *m_partA;
    setConfig(session.current);
    LabelledConfigs configs;
    for (const PinnedConfig& pin : session.pinned)
        configs.emplace_back(QString::fromStdString(pin.label), pin.config);
    a.applyView(session.view);
    const QString language = QString::fromStdString(session.language);
    if (!language.isEmpty() &&
        language != QSettings().value(QString::fromLatin1(kLanguageKey)).toString())
        emit languageRequested(language);
    a.pinInBackground(configs, [this] { emit sessionLoaded(m_partA->path); });
}

void MainWindow::PartA::stateChanged()
{
    if (stateTimer)
        stateTimer->start();
}

void MainWindow::PartA::updateModified()
{
    const bool now = stateJson() != cleanState;
    if (now != modified) {
        modified = now;
        w.setWindowModified(modified);
    }
    // Only this window's own autosave goes when the changes are undone: a crash file from an
    // earlier run waits for the recovery question.
    if (!modified && !lastAutosave.isEmpty())
        removeAutosave();
    else if (modified)
        autosaveDebounce->start();
}

void MainWindow::PartA::updateTitle()
{
    const QString name =
        path.isEmpty() ? MainWindow::tr("Untitled") : QFileInfo(path).fileName();
    w.setWindowTitle(QStringLiteral("%1[*] — %2").arg(name, MainWindow::tr("lrlab — Learning Rate Lab")));
    w.setWindowModified(modified);
}

QString MainWindow::sessionPath() const
{
    return m_partA ? m_partA->path : QString();
}

void MainWindow::setSessionFile(const QString& path, bool modified)
{
    PartA& a = *m_partA;
    a.path = path;
    a.cleanState = modified ? QJsonObject() : a.stateJson();
    a.updateModified();
    a.updateTitle();
}

bool MainWindow::isSessionModified() const
{
    return m_partA && m_partA->stateJson() != m_partA->cleanState;
}

void MainWindow::setModalDialogsEnabled(bool enabled, UnsavedAnswer answer)
{
    m_partA->dialogs = enabled;
    m_partA->answer = answer;
}

// ---------------------------------------------------------------------------------------------
// New, open, save

bool MainWindow::PartA::confirmDiscard()
{
    updateModified();
    if (!modified)
        return true;
    UnsavedAnswer choice = answer;
    if (dialogs) {
        QMessageBox box(QMessageBox::Warning, MainWindow::tr("Unsaved changes"),
                        MainWindow::tr("The session has unsaved changes. Save them first?"),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, &w);
        box.setDefaultButton(QMessageBox::Save);
        const int button = box.exec();
        choice = button == QMessageBox::Save      ? UnsavedAnswer::Save
                 : button == QMessageBox::Discard ? UnsavedAnswer::Discard
                                                  : UnsavedAnswer::Cancel;
    }
    switch (choice) {
    case UnsavedAnswer::Save:
        return save();
    case UnsavedAnswer::Discard:
        return true;
    case UnsavedAnswer::Cancel:
        return false;
    }
    return false;
}

void MainWindow::newSession()
{
    PartA& a = *m_partA;
    if (!a.confirmDiscard())
        return;
    a.pinInBackground({}, {});
    a.hideLessonPanel();
    applyDefaultLesson();
    a.path.clear();
    a.cleanState = a.stateJson();
    a.updateModified();
    a.updateTitle();
}

bool MainWindow::PartA::save()
{
    if (path.isEmpty())
        return saveAs();
    return w.saveSessionFile(path);
}

bool MainWindow::PartA::saveAs()
{
    if (!dialogs)
        return false;
    QString file = QFileDialog::getSaveFileName(
        &w, MainWindow::tr("Save session"),
        path.isEmpty() ? QStringLiteral("session.lrlab.json") : path,
        MainWindow::tr("lrlab sessions (*.lrlab.json *.json)"));
    if (file.isEmpty())
        return false;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".lrlab.json");
    return w.saveSessionFile(file);
}

void MainWindow::PartA::open()
{
    if (!dialogs || !confirmDiscard())
        return;
    const QString file = QFileDialog::getOpenFileName(
        &w, MainWindow::tr("Open session"), path,
        MainWindow::tr("lrlab sessions (*.lrlab.json *.json);;All files (*)"));
    if (!file.isEmpty())
        w.openSessionFile(file);
}

bool MainWindow::openSessionFile(const QString& path)
{
    PartA& a = *m_partA;
    Session session;
    try {
        // Everything is read and checked before the window changes.
        session = loadSession(path.toStdString());
    } catch (const std::exception& e) {
        a.reportError(tr("Open session"),
                      tr("The session could not be opened; nothing was changed.\n%1")
                          .arg(QString::fromUtf8(e.what())));
        return false;
    }
    a.path = QFileInfo(path).absoluteFilePath();
    a.addRecent(a.path);
    applySession(session);
    a.cleanState = a.stateJson();
    a.removeAutosave();
    a.updateModified();
    a.updateTitle();
    return true;
}

bool MainWindow::saveSessionFile(const QString& path)
{
    PartA& a = *m_partA;
    try {
        saveSession(captureSession(), path.toStdString());
    } catch (const std::exception& e) {
        a.reportError(tr("Save session"), tr("The session could not be saved:\n%1")
                                              .arg(QString::fromUtf8(e.what())));
        return false;
    }
    a.path = QFileInfo(path).absoluteFilePath();
    a.cleanState = a.stateJson();
    a.addRecent(a.path);
    a.removeAutosave();  // saved: nothing left to recover (also a recovered crash file)
    a.updateModified();
    a.updateTitle();
    emit sessionSaved(a.path);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Recent files

QStringList MainWindow::recentSessions() const
{
    return QSettings().value(QString::fromLatin1(kRecentKey)).toStringList();
}

void MainWindow::PartA::addRecent(const QString& file)
{
    QSettings settings;
    QStringList list = settings.value(QString::fromLatin1(kRecentKey)).toStringList();
    list.removeAll(file);
    list.prepend(file);
    while (list.size() > kMaxRecent)
        list.removeLast();
    settings.setValue(QString::fromLatin1(kRecentKey), list);
    rebuildRecentMenu();
}

void MainWindow::PartA::rebuildRecentMenu()
{
    recentMenu->clear();
    recentMenu->setTitle(MainWindow::tr("Open &Recent"));
    const QStringList list = w.recentSessions();
    for (int i = 0; i < list.size(); ++i) {
        const QString file = list[i];
        QString name = QFileInfo(file).fileName();
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction* act = recentMenu->addAction(
            i < 9 ? QStringLiteral("&%1 %2").arg(i + 1).arg(name) : name);
        act->setToolTip(file);
        act->setStatusTip(file);
        QObject::connect(act, &QAction::triggered, &w, [this, file] { openRecent(file); });
    }
    if (!list.isEmpty()) {
        recentMenu->addSeparator();
        recentMenu->addAction(MainWindow::tr("&Clear the list"), &w, [this] {
            QSettings().remove(QString::fromLatin1(kRecentKey));
            rebuildRecentMenu();
        });
    }
    recentMenu->setEnabled(!list.isEmpty());
}

void MainWindow::PartA::openRecent(const QString& file)
{
    if (!QFileInfo::exists(file)) {
        QSettings settings;
        QStringList list = settings.value(QString::fromLatin1(kRecentKey)).toStringList();
        list.removeAll(file);
        settings.setValue(QString::fromLatin1(kRecentKey), list);
        rebuildRecentMenu();
        reportError(MainWindow::tr("Open Recent"),
                    MainWindow::tr("The session file %1 no longer exists; it was removed from "
                                   "the recent list.")
                        .arg(QDir::toNativeSeparators(file)));
        return;
    }
    if (confirmDiscard())
        w.openSessionFile(file);
}

// ---------------------------------------------------------------------------------------------
// Autosave and recovery

QString MainWindow::autosavePath() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave.lrlab.json");
}

bool MainWindow::writeAutosave()
{
    PartA& a = *m_partA;
    a.updateModified();
    if (!a.modified)
        return false;
    Session session = captureSession();
    session.view[QString::fromLatin1(kAutosaveOf)] = a.path;
    const QByteArray bytes = QJsonDocument(sessionToJson(session)).toJson();
    if (bytes == a.lastAutosave && QFileInfo::exists(autosavePath()))
        return true;
    const QString file = autosavePath();
    QDir().mkpath(QFileInfo(file).absolutePath());
    try {
        saveSession(session, file.toStdString());
    } catch (const std::exception& e) {
        qWarning("lrlab: autosave failed: %s", e.what());
        return false;
    }
    a.lastAutosave = bytes;
    emit autosaveWritten(file);
    return true;
}

void MainWindow::PartA::removeAutosave()
{
    lastAutosave.clear();
    const QString file = w.autosavePath();
    if (QFileInfo::exists(file))
        QFile::remove(file);
}

void MainWindow::PartA::checkRecovery()
{
    const QFileInfo file(w.autosavePath());
    if (!file.exists() || !dialogs || !qEnvironmentVariableIsEmpty("LRLAB_NO_RECOVERY_PROMPT"))
        return;
    const QString when = QLocale().toString(file.lastModified(), QLocale::ShortFormat);
    const auto button = QMessageBox::question(
        &w, MainWindow::tr("Recover session"),
        MainWindow::tr("Recover the unsaved session from %1?").arg(when),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (button == QMessageBox::Yes)
        w.recoverAutosave();
    else
        removeAutosave();
}

bool MainWindow::recoverAutosave()
{
    PartA& a = *m_partA;
    const QString file = autosavePath();
    if (!QFileInfo::exists(file))
        return false;
    Session session;
    try {
        session = loadSession(file.toStdString());
    } catch (const std::exception& e) {
        a.reportError(tr("Recover session"),
                      tr("The autosaved session could not be read:\n%1")
                          .arg(QString::fromUtf8(e.what())));
        return false;
    }
    const QString original = session.view.value(QString::fromLatin1(kAutosaveOf)).toString();
    session.view.remove(QString::fromLatin1(kAutosaveOf));
    a.path = QFileInfo::exists(original) ? original : QString();
    applySession(session);
    // Recovered work is unsaved work: modified until saved.
    a.cleanState = QJsonObject();
    a.updateModified();
    a.updateTitle();
    return true;
}

}  // namespace lrlab
