#include "ui/surface3d/landscape_3d_controller.h"

#include "ui/experiment_model.h"
#include "ui/explorer/landscape_view.h"
#include "ui/explorer/run_controller.h"
#include "ui/widgets/playback_bar.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QSplitter>
#include <QTimer>
#include <QToolBar>

namespace lrlab {

QString landscapeModeName(LandscapeMode mode)
{
    switch (mode) {
    case LandscapeMode::Surface:
        return QStringLiteral("3d");
    case LandscapeMode::Both:
        return QStringLiteral("both");
    case LandscapeMode::Map:
        break;
    }
    return QStringLiteral("2d");
}

std::optional<LandscapeMode> landscapeModeFromName(const QString& name)
{
    for (LandscapeMode mode : {LandscapeMode::Map, LandscapeMode::Surface, LandscapeMode::Both})
        if (name == landscapeModeName(mode))
            return mode;
    return std::nullopt;
}

Landscape3DController::Landscape3DController(ExperimentModel* model, PinnedRuns* pins,
                                             PlaybackBar* playback, RunController* runs,
                                             QWidget* map, QSplitter* plots, QObject* parent)
    : QObject(parent), m_model(model), m_pins(pins), m_playback(playback), m_runs(runs), m_map(map),
      m_plots(plots)
{
    m_view = new Surface3DView(plots);
    plots->insertWidget(plots->indexOf(map) + 1, m_view->widget());
    plots->setStretchFactor(plots->indexOf(map) + 1, 5);
    m_view->widget()->hide();
    buildActions();

    connect(runs, &RunController::toyLandscapeReady, this, [this](const LandscapeImage& image) {
        m_lastToy = image;
        showToyLandscape();
    });
    // A new problem: its landscape comes from the worker, which skips the one it delivered
    // last (kept here, as the map keeps it); until then the surface is empty, never another
    // problem's.
    connect(model, &ExperimentModel::configChanged, this,
            [this](const RunConfig&, ConfigChanges what) {
                if (!(what & ConfigChange::Problem))
                    return;
                if (!showToyLandscape())
                    m_view->showLandscape(LandscapeImage{});
            });
    connect(runs, &RunController::modelLandscapeReady, this,
            [this](quint64, const ModelLandscape& landscape) { showModelLandscape(landscape); });
    connect(pins, &PinnedRuns::changed, this, [this] {
        m_view->setRuns(m_pins->shown());
        m_view->setCursorStep(m_playback->step());
    });
    connect(playback, &PlaybackBar::stepChanged, m_view, &Surface3DView::setCursorStep);
}

bool Landscape3DController::showToyLandscape()
{
    const auto surface = m_model->surface();
    if (!surface || m_lastToy.size < 2 || m_lastToy.surface != surface->info().name)
        return false;
    m_view->showLandscape(m_lastToy, surface);
    m_view->setAxisTitles(QStringLiteral("x"), QStringLiteral("y"));
    return true;
}

void Landscape3DController::showModelLandscape(const ModelLandscape& landscape)
{
    m_view->showLandscape(landscape.image, nullptr,
                          landscape.plane == LandscapePlane::Axes ? nullptr : landscape.modelPlane);
    m_view->setAxisTitles(modelAxisTitle(landscape, 0), modelAxisTitle(landscape, 1));
    m_view->setRuns(m_pins->shown());
}

void Landscape3DController::buildActions()
{
    m_toolBar = new QToolBar(tr("Landscape"));
    m_toolBar->setObjectName(QStringLiteral("landscapeToolBar"));
    m_modes = new QActionGroup(this);
    const struct
    {
        LandscapeMode mode;
        QString text, tip;
        QKeySequence key;
    } modes[] = {
        {LandscapeMode::Map, tr("2-D map"), tr("The landscape as a colour map from above"),
         QKeySequence(tr("Ctrl+1"))},
        {LandscapeMode::Surface, tr("3-D"),
         tr("The landscape as a 3-D surface with every run rolling down it"),
         QKeySequence(tr("Ctrl+2"))},
        {LandscapeMode::Both, tr("2-D + 3-D"), tr("The map and the 3-D surface side by side"),
         QKeySequence(tr("Ctrl+3"))},
    };
    for (const auto& m : modes) {
        QAction* action = m_toolBar->addAction(m.text);
        action->setCheckable(true);
        action->setData(static_cast<int>(m.mode));
        action->setShortcut(m.key);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(m.tip, m.key.toString(QKeySequence::NativeText)));
        action->setStatusTip(m.tip);
        m_modes->addAction(action);
        const LandscapeMode mode = m.mode;
        connect(action, &QAction::triggered, this, [this, mode] { setMode(mode); });
    }
    modeAction(LandscapeMode::Map)->setChecked(true);
    m_toolBar->addSeparator();

    const struct
    {
        SurfaceCamera camera;
        QString text, tip;
        QKeySequence key;
    } cameras[] = {
        {SurfaceCamera::ThreeQuarter, tr("¾ view"), tr("Camera: from the side and above"),
         QKeySequence(tr("Alt+1"))},
        {SurfaceCamera::Above, tr("From above"), tr("Camera: straight down, like the map"),
         QKeySequence(tr("Alt+2"))},
        {SurfaceCamera::AlongPath, tr("Along the path"),
         tr("Camera: low, looking along the current run's way down"), QKeySequence(tr("Alt+3"))},
    };
    for (const auto& c : cameras) {
        QAction* action = m_toolBar->addAction(c.text);
        action->setShortcut(c.key);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(c.tip, c.key.toString(QKeySequence::NativeText)));
        const SurfaceCamera camera = c.camera;
        connect(action, &QAction::triggered, this, [this, camera] {
            m_follow->setChecked(false);
            m_view->setFollowBall(false);
            m_view->setCamera(camera);
        });
        m_viewActions.append(action);
    }
    m_follow = m_toolBar->addAction(tr("Follow the ball"));
    m_follow->setCheckable(true);
    m_follow->setShortcut(QKeySequence(tr("Alt+F")));
    m_follow->setToolTip(tr("During playback the camera follows the current run's ball (%1)")
                             .arg(m_follow->shortcut().toString(QKeySequence::NativeText)));
    connect(m_follow, &QAction::toggled, m_view, &Surface3DView::setFollowBall);
    m_viewActions.append(m_follow);
    m_logHeight = m_toolBar->addAction(tr("Log height"));
    m_logHeight->setCheckable(true);
    m_logHeight->setChecked(true);
    m_logHeight->setToolTip(tr("Height as log₁₀(loss − min + ε), as the map's colours; off: the "
                               "loss itself"));
    connect(m_logHeight, &QAction::toggled, this, [this](bool log) {
        m_view->setHeight(log ? SurfaceHeight::LogLoss : SurfaceHeight::Loss);
    });
    m_viewActions.append(m_logHeight);
    updateEnabled();
}

QAction* Landscape3DController::modeAction(LandscapeMode mode) const
{
    for (QAction* action : m_modes->actions())
        if (action->data().toInt() == static_cast<int>(mode))
            return action;
    return nullptr;
}

void Landscape3DController::addToMenu(QMenu* menu)
{
    QMenu* landscape = menu->addMenu(tr("&Landscape"));
    landscape->addActions(m_modes->actions());
    landscape->addSeparator();
    landscape->addActions(m_viewActions);
}

void Landscape3DController::updateEnabled()
{
    QString why;
    const bool gl = Surface3DView::available(&why);
    for (LandscapeMode mode : {LandscapeMode::Surface, LandscapeMode::Both}) {
        QAction* action = modeAction(mode);
        action->setEnabled(gl);
        if (!gl)
            action->setToolTip(why);
    }
    const bool shown = m_mode != LandscapeMode::Map;
    for (QAction* action : m_viewActions)
        action->setEnabled(gl && shown);
}

bool Landscape3DController::setMode(LandscapeMode mode)
{
    const bool ok = mode == LandscapeMode::Map || Surface3DView::available();
    if (!ok)
        mode = LandscapeMode::Map;
    m_mode = mode;
    m_map->setVisible(mode != LandscapeMode::Surface);
    m_view->widget()->setVisible(mode != LandscapeMode::Map);
    shareWidth();
    QTimer::singleShot(0, this, &Landscape3DController::shareWidth); // once laid out
    modeAction(mode)->setChecked(true);
    updateEnabled();
    emit modeChanged(mode);
    return ok;
}

void Landscape3DController::shareWidth()
{
    // The shown landscape views split the width the map had; the curves beside them keep at
    // least four ninths (the 3-D view's own size hint would otherwise take nearly all of it).
    QList<int> sizes = m_plots->sizes();
    int total = 0;
    for (int size : sizes)
        total += size;
    if (total <= 0)
        return;
    const int map = m_plots->indexOf(m_map);
    const int surface = m_plots->indexOf(m_view->widget());
    const bool both = m_map->isVisibleTo(m_plots) && m_view->widget()->isVisibleTo(m_plots);
    int curves = 0;
    for (int i = 0; i < sizes.size(); ++i)
        if (i != map && i != surface)
            sizes[i] = std::max(sizes[i], total * 4 / 9 / std::max(1, int(sizes.size()) - 2));
    for (int i = 0; i < sizes.size(); ++i)
        if (i != map && i != surface)
            curves += sizes[i];
    const int rest = std::max(0, total - curves);
    sizes[map] = m_map->isVisibleTo(m_plots) ? (both ? rest / 2 : rest) : 0;
    sizes[surface] = m_view->widget()->isVisibleTo(m_plots) ? rest - sizes[map] : 0;
    m_plots->setSizes(sizes);
}

} // namespace lrlab
