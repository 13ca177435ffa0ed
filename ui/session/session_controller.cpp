#include "ui/session/session_controller.h"

#include "core/config/config_json.h"
#include "ui/compare/pin_loader.h"
#include "ui/compare/pinned_runs.h"
#include "ui/experiment_model.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/language.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/session/recent_sessions.h"
#include "ui/shell/user_dialogs.h"
#include "ui/surface3d/landscape_3d_controller.h"
#include "ui/views/runs_view.h"
#include "ui/widgets/message_bar.h"
#include "ui/widgets/playback_bar.h"
#include "ui/widgets/run_status_bar.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>

#include <exception>
#include <functional>
#include <utility>

namespace lrlab {

namespace {

constexpr int kStateDelayMs = 100;
constexpr int kAutosaveIntervalMs = 60 * 1000;
/// Autosave this long after the last change (a slider drag is many changes).
constexpr int kAutosaveDelayMs = 1500;
/// View key of an autosave: the session file it belongs to (kept by the session format).
const QString kAutosaveOf = QStringLiteral("autosave_of");

QTimer* singleShotTimer(QObject* parent, int milliseconds)
{
    auto* timer = new QTimer(parent);
    timer->setSingleShot(true);
    timer->setInterval(milliseconds);
    return timer;
}

} // namespace

SessionController::SessionController(const ExplorerParts& parts, PinLoader* loader,
                                     UserDialogs* dialogs, QObject* parent)
    : QObject(parent), m_parts(parts), m_loader(loader), m_dialogs(dialogs),
      m_recent(new RecentSessions(this))
{
    createActions();
    connect(m_recent, &RecentSessions::openRequested, this, &SessionController::openRecent);

    m_stateTimer = singleShotTimer(this, kStateDelayMs);
    connect(m_stateTimer, &QTimer::timeout, this, &SessionController::updateModified);
    m_autosaveDelay = singleShotTimer(this, kAutosaveDelayMs);
    connect(m_autosaveDelay, &QTimer::timeout, this, &SessionController::writeAutosave);
    m_autosaveTimer = new QTimer(this);
    m_autosaveTimer->setInterval(kAutosaveIntervalMs);
    connect(m_autosaveTimer, &QTimer::timeout, this, &SessionController::writeAutosave);
    m_autosaveTimer->start();

    connect(m_parts.model, &ExperimentModel::configChanged, this,
            &SessionController::scheduleUpdate);
    connect(m_parts.pins, &PinnedRuns::changed, this, &SessionController::scheduleUpdate);
    if (m_parts.docks) {
        // The user's changes to the imported runs are unsaved work until the next save (they
        // are not compared by value: a session's runs arrive in the background after it opens).
        connect(m_parts.docks->runs(), &RunsView::edited, this, [this] {
            m_clean.reset();
            updateModified();
        });
        // A run whose log went away is named; the rest of the session is open all the same.
        connect(m_parts.docks->runs(), &RunsView::restoreProblems, this,
                [this](const QStringList& problems) {
                    const QString message =
                        tr("Some imported runs of the session could not be read again (the "
                           "rest of the session is open):\n%1")
                            .arg(problems.join(QLatin1Char('\n')));
                    if (m_parts.messages)
                        m_parts.messages->showMessage(message);
                    emit errorShown(message);
                });
    }
    connect(m_loader, &PinLoader::started, this, [this](quint64, PinLoader::Mode mode, int count) {
        scheduleUpdate();
        if (mode == PinLoader::Mode::Replace)
            replacementStarted(count);
    });
    connect(m_loader, &PinLoader::aboutToPin, this, [this](quint64, PinLoader::Mode mode) {
        if (mode == PinLoader::Mode::Replace)
            m_cleanBeforePins = !isSessionModified();
    });
    connect(m_loader, &PinLoader::finished, this,
            [this](quint64 load, PinLoader::Mode mode, const QList<int>& ids) {
                if (mode == PinLoader::Mode::Replace)
                    replacementFinished(load, static_cast<int>(ids.size()));
            });
    connect(m_loader, &PinLoader::failed, this,
            [this](quint64, PinLoader::Mode mode, const QString& message) {
                if (mode != PinLoader::Mode::Replace)
                    return;
                reportError(tr("Pinned runs"),
                            tr("The pinned runs could not be computed: %1").arg(message));
                updateModified();
            });

    markClean();
    updateTitle();
    QTimer::singleShot(0, this, &SessionController::checkRecovery);
}

SessionController::~SessionController()
{
    removeAutosave();
}

void SessionController::setLessonController(LessonController* lessons)
{
    m_lessons = lessons;
}

// ---------------------------------------------------------------------------------------------
// Actions and menus

void SessionController::createActions()
{
    const auto action = [this](const char* name, const QString& text, const QString& tip,
                               std::function<void()> slot) {
        auto* act = new QAction(text, this);
        act->setObjectName(QString::fromLatin1(name));
        act->setToolTip(tip);
        act->setStatusTip(tip);
        connect(act, &QAction::triggered, this, std::move(slot));
        return act;
    };
    m_new = action("newSessionAction", tr("&New session"),
                   tr("Start again from the default experiment, with no pinned runs."),
                   [this] { newSession(); });
    m_new->setShortcut(QKeySequence::New);
    m_open =
        action("openSessionAction", tr("&Open session…"),
               tr("Open a saved session: its runs, pinned runs and view."), [this] { open(); });
    m_open->setShortcut(QKeySequence::Open);
    m_save = action("saveSessionAction", tr("&Save session"),
                    tr("Save the current run, the pinned runs and the view to the session "
                       "file (runs are recomputed from their settings when opened)."),
                    [this] { save(); });
    m_save->setShortcut(QKeySequence::Save);
    m_save->setIconText(tr("Save"));
    m_saveAs = action("saveSessionAsAction", tr("Save session &as…"),
                      tr("Save the session to a new file."), [this] { saveAs(); });
    // Spelled out: QKeySequence::SaveAs is empty on some platforms.
    m_saveAs->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+S")));
}

void SessionController::addToFileMenu(QMenu* menu)
{
    menu->addAction(m_new);
    menu->addAction(m_open);
    auto* recent = new QMenu(tr("Open &Recent"), menu);
    recent->setObjectName(QStringLiteral("recentSessionsMenu"));
    menu->addMenu(recent);
    m_recent->setMenu(recent);
    menu->addSeparator();
    menu->addAction(m_save);
    menu->addAction(m_saveAs);
}

QMenu* SessionController::recentMenu() const
{
    return m_recent->menu();
}

// ---------------------------------------------------------------------------------------------
// Session state

SessionController::State SessionController::state() const
{
    State state;
    state.current = m_parts.model->config();
    for (const ShownRun& run : m_parts.pins->pinned())
        state.pinned.emplace_back(run.label, run.record->config);
    // Runs of a replacement under way are pinned after the ones there now.
    for (const LabelledConfig& pending : m_loader->pendingReplacement())
        state.pinned.emplace_back(pending.label, pending.config);
    return state;
}

QJsonObject SessionController::captureView(const ExplorerParts& parts)
{
    QJsonObject view;
    view[QStringLiteral("tab")] =
        parts.docks ? parts.docks->activeTab() : QStringLiteral("explorer");
    if (parts.playback) {
        view[QStringLiteral("cursor_step")] = parts.playback->step();
        view[QStringLiteral("speed")] = parts.playback->speed();
        view[QStringLiteral("playing")] = parts.playback->isPlaying();
    }
    // The plane the map shows: the exact (w, b) surface for toys and two-parameter models,
    // the trajectory's PCA plane for larger models.
    const std::string& type = parts.model->config().problem.type;
    const bool axes = !isModelType(type) || isOneFeatureModel(type);
    view[QStringLiteral("plane")] = axes ? QStringLiteral("axes") : QStringLiteral("pca");
    // Only a 3-D landscape is written: sessions of the 2-D map stay as they were.
    if (parts.landscape3d && parts.landscape3d->mode() != LandscapeMode::Map)
        view[QStringLiteral("landscape")] = landscapeModeName(parts.landscape3d->mode());
    return view;
}

Session SessionController::captureSession() const
{
    const State now = state();
    Session session;
    session.current = now.current;
    for (const auto& [label, config] : now.pinned)
        session.pinned.push_back(PinnedConfig{config, label.toStdString()});
    session.view = captureView(m_parts);
    if (m_lessons && !m_lessons->currentLessonId().isEmpty())
        session.view[QStringLiteral("lesson")] = m_lessons->currentLessonId();
    session.language = storedLanguage().toStdString();
    if (m_parts.docks)
        session.importedRuns = m_parts.docks->runs()->savedRuns();
    return session;
}

void SessionController::applyView(const QJsonObject& view)
{
    const QString tab = view.value(QStringLiteral("tab")).toString(QStringLiteral("explorer"));
    if (m_parts.docks)
        m_parts.docks->showTab(tab);
    if (m_parts.playback) {
        if (view.contains(QStringLiteral("speed")))
            m_parts.playback->setSpeed(view.value(QStringLiteral("speed")).toDouble(1.0));
        m_parts.playback->pause();
    }
    if (m_parts.landscape3d)
        m_parts.landscape3d->setMode(
            landscapeModeFromName(view.value(QStringLiteral("landscape")).toString())
                .value_or(LandscapeMode::Map));
    m_pendingCursor = view.value(QStringLiteral("cursor_step")).toInt(-1);
    m_pendingPlay = view.value(QStringLiteral("playing")).toBool(false) ||
                    view.value(QStringLiteral("play")).toBool(false);
    if (m_lessons)
        m_lessons->showPanelFor(view.value(QStringLiteral("lesson")).toString());
}

void SessionController::applySession(const Session& session)
{
    apply(session);
}

bool SessionController::apply(const Session& session)
{
    // The model checks more than the file format (e.g. the run length): nothing changes then.
    if (const Refusal refusal = m_parts.model->apply(session.current)) {
        reportError(
            tr("Open session"),
            tr("The session could not be opened; nothing was changed.\n%1").arg(refusal.reason));
        return false;
    }
    std::vector<LabelledConfig> pins;
    for (const PinnedConfig& pin : session.pinned)
        pins.push_back({QString::fromStdString(pin.label), pin.config});
    applyView(session.view);
    const QString language = QString::fromStdString(session.language);
    if (!language.isEmpty() && language != storedLanguage())
        emit languageRequested(language);
    m_sessionLoad = m_loader->replace(pins);
    if (m_parts.docks)
        m_parts.docks->runs()->restoreRuns(session.importedRuns);
    return true;
}

void SessionController::replacementStarted(int count)
{
    if (m_parts.status && count > 0)
        m_parts.status->setStatus(tr("Computing %n pinned run(s)…", nullptr, count));
}

void SessionController::replacementFinished(quint64 load, int count)
{
    // A load leaves the session clean once its runs are back, unless the user changed
    // something meanwhile.
    if (m_cleanBeforePins)
        markClean();
    updateModified();
    if (m_parts.status)
        m_parts.status->setStatus(tr("%n run(s) pinned.", nullptr, count));
    if (m_parts.playback) {
        if (m_pendingCursor >= 0)
            m_parts.playback->setStep(m_pendingCursor);
        if (m_pendingPlay)
            m_parts.playback->play();
    }
    m_pendingCursor = -1;
    m_pendingPlay = false;
    if (load == m_sessionLoad)
        emit sessionLoaded(m_path);
}

// ---------------------------------------------------------------------------------------------
// Modified flag and title

void SessionController::scheduleUpdate()
{
    m_stateTimer->start();
}

bool SessionController::isSessionModified() const
{
    return !m_clean || !(state() == *m_clean);
}

void SessionController::markClean()
{
    m_clean = state();
}

void SessionController::updateModified()
{
    const bool now = isSessionModified();
    if (now != m_modified) {
        m_modified = now;
        m_parts.window->setWindowModified(m_modified);
    }
    // Only this window's own autosave goes when the changes are undone: a crash file from an
    // earlier run waits for the recovery question.
    if (!m_modified && !m_lastAutosave.isEmpty())
        removeAutosave();
    else if (m_modified)
        m_autosaveDelay->start();
}

void SessionController::updateTitle()
{
    const QString name = m_path.isEmpty() ? tr("Untitled") : QFileInfo(m_path).fileName();
    m_parts.window->setWindowTitle(
        QStringLiteral("%1[*] — %2").arg(name, tr("lrlab — Learning Rate Lab")));
    m_parts.window->setWindowModified(m_modified);
}

void SessionController::setSessionFile(const QString& path, bool modified)
{
    m_path = path;
    if (modified)
        m_clean.reset();
    else
        markClean();
    updateModified();
    updateTitle();
}

void SessionController::reportError(const QString& title, const QString& message)
{
    emit errorShown(message);
    m_dialogs->reportError(title, message);
}

// ---------------------------------------------------------------------------------------------
// New, open, save

bool SessionController::confirmClose()
{
    updateModified();
    if (!m_modified)
        return true;
    switch (m_dialogs->askUnsavedChanges()) {
    case UnsavedAnswer::Save:
        return save();
    case UnsavedAnswer::Discard:
        return true;
    case UnsavedAnswer::Cancel:
        return false;
    }
    return false;
}

void SessionController::newSession()
{
    if (!confirmClose())
        return;
    m_loader->replace({});
    if (m_lessons)
        m_lessons->hidePanel();
    m_parts.model->apply(ExperimentModel::defaultExperiment());
    if (m_parts.docks)
        m_parts.docks->runs()->restoreRuns({});
    setSessionFile(QString(), false);
}

bool SessionController::save()
{
    if (m_path.isEmpty())
        return saveAs();
    return saveSessionFile(m_path);
}

bool SessionController::saveAs()
{
    if (!m_dialogs->enabled())
        return false;
    QString file = QFileDialog::getSaveFileName(
        m_parts.window, tr("Save session"),
        m_path.isEmpty() ? QStringLiteral("session.lrlab.json") : m_path,
        tr("lrlab sessions (*.lrlab.json *.json)"));
    if (file.isEmpty())
        return false;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".lrlab.json");
    return saveSessionFile(file);
}

void SessionController::open()
{
    if (!m_dialogs->enabled() || !confirmClose())
        return;
    const QString file =
        QFileDialog::getOpenFileName(m_parts.window, tr("Open session"), m_path,
                                     tr("lrlab sessions (*.lrlab.json *.json);;All files (*)"));
    if (!file.isEmpty())
        openSessionFile(file);
}

bool SessionController::openSessionFile(const QString& path)
{
    Session session;
    try {
        // Everything is read and checked before the window changes.
        session = loadSession(path.toStdString());
    } catch (const std::exception& e) {
        reportError(tr("Open session"),
                    tr("The session could not be opened; nothing was changed.\n%1")
                        .arg(QString::fromUtf8(e.what())));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString previous = std::exchange(m_path, absolute); // sessionLoaded names it
    if (!apply(session)) {
        m_path = previous;
        return false;
    }
    m_recent->add(absolute);
    removeAutosave();
    setSessionFile(absolute, false);
    return true;
}

bool SessionController::saveSessionFile(const QString& path)
{
    try {
        saveSession(captureSession(), path.toStdString());
    } catch (const std::exception& e) {
        reportError(tr("Save session"),
                    tr("The session could not be saved:\n%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_recent->add(absolute);
    removeAutosave(); // saved: nothing left to recover (also a recovered crash file)
    setSessionFile(absolute, false);
    emit sessionSaved(absolute);
    return true;
}

// ---------------------------------------------------------------------------------------------
// Recent files

QStringList SessionController::recentSessions() const
{
    return m_recent->files();
}

void SessionController::openRecent(const QString& file)
{
    if (!QFileInfo::exists(file)) {
        m_recent->remove(file);
        reportError(tr("Open Recent"),
                    tr("The session file %1 no longer exists; it was removed from the recent "
                       "list.")
                        .arg(QDir::toNativeSeparators(file)));
        return;
    }
    if (confirmClose())
        openSessionFile(file);
}

// ---------------------------------------------------------------------------------------------
// Autosave and recovery

QString SessionController::autosavePath() const
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/autosave.lrlab.json");
}

bool SessionController::writeAutosave()
{
    updateModified();
    if (!m_modified)
        return false;
    Session session = captureSession();
    session.view[kAutosaveOf] = m_path;
    const QByteArray bytes = QJsonDocument(sessionToJson(session)).toJson();
    const QString file = autosavePath();
    if (bytes == m_lastAutosave && QFileInfo::exists(file))
        return true;
    QDir().mkpath(QFileInfo(file).absolutePath());
    try {
        saveSession(session, file.toStdString());
    } catch (const std::exception& e) {
        qWarning("lrlab: autosave failed: %s", e.what());
        return false;
    }
    m_lastAutosave = bytes;
    emit autosaveWritten(file);
    return true;
}

void SessionController::removeAutosave()
{
    m_lastAutosave.clear();
    const QString file = autosavePath();
    if (QFileInfo::exists(file))
        QFile::remove(file);
}

void SessionController::checkRecovery()
{
    const QFileInfo file(autosavePath());
    if (!file.exists() || !m_dialogs->enabled() ||
        !qEnvironmentVariableIsEmpty("LRLAB_NO_RECOVERY_PROMPT"))
        return;
    const QString when = QLocale().toString(file.lastModified(), QLocale::ShortFormat);
    const auto button = QMessageBox::question(m_parts.window, tr("Recover session"),
                                              tr("Recover the unsaved session from %1?").arg(when),
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
    if (button == QMessageBox::Yes)
        recoverAutosave();
    else
        removeAutosave();
}

bool SessionController::recoverAutosave()
{
    const QString file = autosavePath();
    if (!QFileInfo::exists(file))
        return false;
    Session session;
    try {
        session = loadSession(file.toStdString());
    } catch (const std::exception& e) {
        reportError(
            tr("Recover session"),
            tr("The autosaved session could not be read:\n%1").arg(QString::fromUtf8(e.what())));
        return false;
    }
    const QString original = session.view.value(kAutosaveOf).toString();
    session.view.remove(kAutosaveOf);
    const QString previous =
        std::exchange(m_path, QFileInfo::exists(original) ? original : QString());
    if (!apply(session)) {
        m_path = previous;
        return false;
    }
    // Recovered work is unsaved work: modified until saved.
    setSessionFile(m_path, true);
    return true;
}

} // namespace lrlab
