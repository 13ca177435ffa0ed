#include "ui/surface3d/surface3d_view.h"

#include "core/analysis/landscape.h"
#include "ui/plots/plot_style.h"

#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLinearGradient>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QWidget>
#include <QtDataVisualization/Q3DCamera>
#include <QtDataVisualization/Q3DScene>
#include <QtDataVisualization/Q3DSurface>
#include <QtDataVisualization/Q3DTheme>
#include <QtDataVisualization/QCustom3DItem>
#include <QtDataVisualization/QCustom3DLabel>
#include <QtDataVisualization/QSurface3DSeries>
#include <QtDataVisualization/QSurfaceDataProxy>
#include <QtDataVisualization/QValue3DAxis>
#include <QtDataVisualization/qutils.h>

#include <qcustomplot.h>

#include <cmath>
#include <optional>

namespace lrlab {

namespace {

/// The 2-D map's viridis (plot_style) as a gradient for the surface series.
QLinearGradient viridis()
{
    QLinearGradient gradient;
    const QMap<double, QColor> stops = viridisGradient(0).colorStops();
    for (auto it = stops.cbegin(); it != stops.cend(); ++it)
        gradient.setColorAt(it.key(), it.value());
    return gradient;
}

/// The current run's colour on the map (orange, as the 2-D map draws it).
QColor currentPathColour()
{
    return QColor(255, 110, 30);
}

QString sphereMesh()
{
    const QString smooth = QStringLiteral(":/defaultMeshes/sphereSmooth");
    return QFile::exists(smooth) ? smooth : QStringLiteral(":/defaultMeshes/sphere");
}

QImage solidTexture(const QColor& colour)
{
    QImage image(2, 2, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

/// Whether the OpenGL found by checkOpenGL is a software rasterizer (Mesa's llvmpipe, softpipe):
/// there, multisampling costs several times the frame.
bool g_softwareRenderer = false;

bool checkOpenGL(QString* why)
{
    if (qEnvironmentVariableIsSet("LRLAB_NO_OPENGL")) {
        *why = Surface3DView::tr("3-D is off: LRLAB_NO_OPENGL is set.");
        return false;
    }
    const QString platform = QGuiApplication::platformName();
    if (platform == QLatin1String("offscreen") || platform == QLatin1String("minimal")) {
        *why = Surface3DView::tr("3-D needs OpenGL, which the “%1” display platform does not "
                                 "provide. The 2-D map shows the same landscape.")
                   .arg(platform);
        return false;
    }
    QOpenGLContext context;
    QOffscreenSurface surface;
    surface.create();
    if (!context.create() || !context.makeCurrent(&surface)) {
        *why = Surface3DView::tr("3-D needs OpenGL, and no OpenGL context could be created on "
                                 "this display. The 2-D map shows the same landscape.");
        return false;
    }
    const auto* renderer =
        reinterpret_cast<const char*>(context.functions()->glGetString(GL_RENDERER));
    const QString name = QString::fromLatin1(renderer ? renderer : "").toLower();
    g_softwareRenderer = name.contains(QLatin1String("llvmpipe")) ||
                         name.contains(QLatin1String("softpipe")) ||
                         name.contains(QLatin1String("software"));
    context.doneCurrent();
    return true;
}

} // namespace

bool Surface3DView::available(QString* why)
{
    static std::optional<std::pair<bool, QString>> checked;
    if (!checked) {
        QString reason;
        const bool ok = checkOpenGL(&reason);
        checked = std::make_pair(ok, reason);
    }
    if (why)
        *why = checked->second;
    return checked->first;
}

Surface3DView::Surface3DView(QWidget* parent) : QObject(parent)
{
    QString why;
    if (!available(&why)) {
        auto* label = new QLabel(why, parent);
        label->setWordWrap(true);
        label->setAlignment(Qt::AlignCenter);
        m_widget = label;
    } else {
        build();
        m_widget = QWidget::createWindowContainer(m_graph, parent);
    }
    m_widget->setObjectName(QStringLiteral("surface3dView"));
    m_widget->setMinimumSize(360, 200);
    m_widget->setToolTip(tr("The loss landscape in 3-D. Drag with the right mouse button to "
                            "rotate, scroll to zoom."));
}

Surface3DView::~Surface3DView() = default;

void Surface3DView::build()
{
    // Multisampling only on a GPU: software renderers draw a frame several times faster without.
    const QSurfaceFormat format = qDefaultSurfaceFormat(!g_softwareRenderer);
    m_graph = new Q3DSurface(&format);
    m_graph->setShadowQuality(QAbstract3DGraph::ShadowQualityNone);
    m_graph->setSelectionMode(QAbstract3DGraph::SelectionNone);
    m_graph->activeTheme()->setType(Q3DTheme::ThemeQt);
    m_graph->activeTheme()->setLabelBackgroundEnabled(false);
    for (QValue3DAxis* axis : {m_graph->axisX(), m_graph->axisY(), m_graph->axisZ()}) {
        axis->setTitleVisible(true);
        axis->setLabelFormat(QStringLiteral("%.3g"));
    }
    m_surface = new QSurface3DSeries;
    m_surface->setDrawMode(QSurface3DSeries::DrawSurface);
    m_surface->setFlatShadingEnabled(false);
    m_surface->setBaseGradient(viridis());
    m_surface->setColorStyle(Q3DTheme::ColorStyleRangeGradient);
    m_surface->setItemLabelFormat(QStringLiteral("@xLabel, @zLabel: @yLabel"));
    m_graph->addSeries(m_surface);
    m_minimum = new QCustom3DItem(sphereMesh(), QVector3D(), QVector3D(0.035f, 0.035f, 0.035f),
                                  QQuaternion(), solidTexture(Qt::white));
    m_minimum->setVisible(false);
    m_graph->addCustomItem(m_minimum);
    m_minimumLabel = new QCustom3DLabel;
    m_minimumLabel->setText(tr("minimum"));
    m_minimumLabel->setFacingCamera(true);
    m_minimumLabel->setBorderEnabled(false);
    m_minimumLabel->setBackgroundEnabled(true);
    m_minimumLabel->setBackgroundColor(QColor(255, 255, 255, 200));
    m_minimumLabel->setTextColor(Qt::black);
    m_minimumLabel->setScaling(QVector3D(0.6f, 0.6f, 0.6f));
    m_minimumLabel->setVisible(false);
    m_graph->addCustomItem(m_minimumLabel);
    setCamera(SurfaceCamera::ThreeQuarter);
}

void Surface3DView::showLandscape(const LandscapeImage& image,
                                  std::shared_ptr<const ToySurface> toy,
                                  std::shared_ptr<const ModelPlane> plane)
{
    m_image = image;
    m_toy = std::move(toy);
    m_plane = std::move(plane);
    putSurface();
}

void Surface3DView::setHeight(SurfaceHeight mode)
{
    if (mode == m_height)
        return;
    m_height = mode;
    putSurface();
}

void Surface3DView::putSurface()
{
    m_grid = surfaceGrid(m_image, m_height);
    m_lift = pathLift(m_grid);
    if (m_graph) {
        const int n = m_grid.size;
        auto* rows = new QSurfaceDataArray;
        rows->reserve(n);
        const ViewBox& v = m_grid.view;
        for (int j = 0; j < n; ++j) {
            auto* row = new QSurfaceDataRow(n);
            const float y = static_cast<float>(v.yMin + (v.yMax - v.yMin) * j / (n - 1));
            for (int i = 0; i < n; ++i) {
                const float x = static_cast<float>(v.xMin + (v.xMax - v.xMin) * i / (n - 1));
                (*row)[i].setPosition(QVector3D(
                    x, static_cast<float>(m_grid.height[static_cast<std::size_t>(j) * n + i]), y));
            }
            rows->append(row);
        }
        m_surface->dataProxy()->resetArray(rows);
        if (n >= 2) {
            m_graph->axisX()->setRange(static_cast<float>(v.xMin), static_cast<float>(v.xMax));
            m_graph->axisZ()->setRange(static_cast<float>(v.yMin), static_cast<float>(v.yMax));
            const double top = m_grid.maxHeight + 3 * m_lift;
            m_graph->axisY()->setRange(static_cast<float>(m_grid.minHeight),
                                       static_cast<float>(top));
        }
        m_graph->axisY()->setTitle(m_height == SurfaceHeight::LogLoss ? tr("log₁₀(loss − min + ε)")
                                                                      : tr("loss"));
        const bool toyAxes = m_toy != nullptr;
        m_graph->axisX()->setTitle(toyAxes ? QStringLiteral("x") : QStringLiteral("α"));
        m_graph->axisZ()->setTitle(toyAxes ? QStringLiteral("y") : QStringLiteral("β"));
        const bool marked = m_grid.minimumCell >= 0;
        m_minimum->setVisible(marked);
        m_minimumLabel->setVisible(marked);
        if (marked) {
            const int i = m_grid.minimumCell % n, j = m_grid.minimumCell / n;
            const QVector3D at(static_cast<float>(v.xMin + (v.xMax - v.xMin) * i / (n - 1)),
                               static_cast<float>(m_grid.minHeight + m_lift),
                               static_cast<float>(v.yMin + (v.yMax - v.yMin) * j / (n - 1)));
            m_minimum->setPosition(at);
            m_minimumLabel->setPosition(at + QVector3D(0, static_cast<float>(4 * m_lift), 0));
        }
    }
    liftPaths();
    emit surfaceChanged();
}

void Surface3DView::setAxisTitles(const QString& x, const QString& y)
{
    if (!m_graph)
        return;
    m_graph->axisX()->setTitle(x);
    m_graph->axisZ()->setTitle(y);
}

double Surface3DView::heightAt(double x, double y) const
{
    const double loss = m_toy ? m_toy->valueAt(x, y) : gridLossAt(m_image, x, y);
    return heightOfLoss(m_image, m_height, loss);
}

void Surface3DView::setRuns(const std::vector<ShownRun>& runs)
{
    m_runs = runs;
    liftPaths();
}

void Surface3DView::removePath(DrawnPath& path)
{
    if (!m_graph)
        return;
    if (path.series) {
        m_graph->removeSeries(path.series);
        delete path.series;
    }
    if (path.ball)
        m_graph->removeCustomItem(path.ball); // deletes it
}

QCustom3DItem* Surface3DView::newBall(const QColor& colour)
{
    auto* ball = new QCustom3DItem(sphereMesh(), QVector3D(), QVector3D(0.05f, 0.05f, 0.05f),
                                   QQuaternion(), solidTexture(colour));
    m_graph->addCustomItem(ball);
    return ball;
}

void Surface3DView::liftPaths()
{
    // Reuse the series and balls of runs still shown: a new LR replaces the current run's
    // points, not the graph's objects.
    std::vector<DrawnPath> kept;
    for (const ShownRun& run : m_runs) {
        if (!run.record || !run.record->hasPath() || m_grid.size < 2)
            continue;
        bool ok = true;
        PlanePath plane = pathOnPlane(*run.record, m_plane, &ok);
        if (!ok || plane.rows.empty())
            continue;
        DrawnPath drawn;
        for (DrawnPath& old : m_paths)
            if (old.id == run.id && (old.series || old.ball || !m_graph)) {
                drawn = std::move(old);
                old = DrawnPath{};
                break;
            }
        drawn.id = run.id;
        drawn.colour = run.current ? currentPathColour() : run.colour;
        drawn.plane = std::move(plane);
        kept.push_back(std::move(drawn));
    }
    for (DrawnPath& old : m_paths)
        removePath(old);
    m_paths = std::move(kept);
    const auto height = [this](double x, double y) { return heightAt(x, y); };
    for (DrawnPath& path : m_paths) {
        path.lifted = liftPath(path.plane, m_grid.view, height, m_lift);
        if (!m_graph)
            continue;
        if (!path.series) {
            path.series = new QSurface3DSeries;
            path.series->setDrawMode(QSurface3DSeries::DrawSurfaceAndWireframe);
            path.series->setFlatShadingEnabled(true);
            path.series->setColorStyle(Q3DTheme::ColorStyleUniform);
            m_graph->addSeries(path.series);
        }
        path.series->setBaseColor(path.colour);
        path.series->setWireframeColor(path.colour);
        // A two-row ribbon: the path and, a lift higher, its copy. Its wireframe is the path's
        // line (seen from above), its surface a narrow curtain (seen from the side).
        const int n = static_cast<int>(path.lifted.points.size());
        auto* rows = new QSurfaceDataArray;
        if (n >= 2) {
            auto* low = new QSurfaceDataRow(n);
            auto* high = new QSurfaceDataRow(n);
            for (int k = 0; k < n; ++k) {
                const QVector3D p = path.lifted.points[static_cast<std::size_t>(k)];
                (*low)[k].setPosition(p);
                (*high)[k].setPosition(p + QVector3D(0, static_cast<float>(m_lift), 0));
            }
            rows->append(low);
            rows->append(high);
        }
        path.series->dataProxy()->resetArray(rows);
        if (!path.ball)
            path.ball = newBall(path.colour);
        else
            path.ball->setTextureImage(solidTexture(path.colour));
    }
    placeBalls();
}

QVector3D Surface3DView::ballPosition(int k) const
{
    const DrawnPath& path = m_paths[static_cast<std::size_t>(k)];
    return path.lifted.pointAtStep(m_step);
}

void Surface3DView::setCursorStep(int step)
{
    m_step = step;
    placeBalls();
}

void Surface3DView::placeBalls()
{
    for (std::size_t k = 0; k < m_paths.size(); ++k) {
        DrawnPath& path = m_paths[k];
        if (!path.ball)
            continue;
        path.ball->setVisible(!path.lifted.empty());
        path.ball->setPosition(ballPosition(static_cast<int>(k)));
    }
    if (m_follow)
        followBall();
}

void Surface3DView::setCamera(SurfaceCamera camera)
{
    if (!m_graph)
        return;
    Q3DCamera* cam = m_graph->scene()->activeCamera();
    cam->setTarget(QVector3D(0, 0, 0));
    switch (camera) {
    case SurfaceCamera::ThreeQuarter:
        cam->setCameraPosition(-45.0f, 30.0f, 100.0f);
        break;
    case SurfaceCamera::Above:
        cam->setCameraPreset(Q3DCamera::CameraPresetDirectlyAbove);
        break;
    case SurfaceCamera::AlongPath: {
        // Along the current run (else the first path): from behind its start, towards its end.
        float degrees = -90.0f;
        const DrawnPath* path = nullptr;
        for (const DrawnPath& p : m_paths)
            if (!path || p.id == PinnedRuns::kCurrentId)
                path = &p;
        if (path && path->lifted.points.size() >= 2) {
            const QVector3D d = path->lifted.points.back() - path->lifted.points.front();
            const ViewBox& v = m_grid.view;
            const double dx = d.x() / (v.xMax - v.xMin), dz = d.z() / (v.yMax - v.yMin);
            if (std::abs(dx) + std::abs(dz) > 1e-9)
                degrees = static_cast<float>(std::atan2(-dx, -dz) * 180.0 / M_PI);
        }
        cam->setCameraPosition(degrees, 12.0f, 110.0f);
        break;
    }
    }
}

void Surface3DView::setFollowBall(bool follow)
{
    m_follow = follow;
    if (follow)
        followBall();
    else
        setCamera(SurfaceCamera::ThreeQuarter);
}

void Surface3DView::followBall()
{
    if (!m_graph || m_paths.empty())
        return;
    std::size_t index = 0;
    for (std::size_t k = 0; k < m_paths.size(); ++k)
        if (m_paths[k].id == PinnedRuns::kCurrentId)
            index = k;
    const QVector3D p = ballPosition(static_cast<int>(index));
    // The camera's target is in normalized graph coordinates (−1 … 1 on each axis).
    const auto normalized = [](float value, const QValue3DAxis* axis) {
        const float span = axis->max() - axis->min();
        return span > 0 ? 2.0f * (value - axis->min()) / span - 1.0f : 0.0f;
    };
    Q3DCamera* cam = m_graph->scene()->activeCamera();
    cam->setTarget(QVector3D(normalized(p.x(), m_graph->axisX()),
                             normalized(p.y(), m_graph->axisY()),
                             normalized(p.z(), m_graph->axisZ())));
    cam->setZoomLevel(220.0f);
}

void Surface3DView::orbit(float degrees)
{
    if (!m_graph)
        return;
    Q3DCamera* cam = m_graph->scene()->activeCamera();
    cam->setXRotation(cam->xRotation() + degrees);
}

QImage Surface3DView::render(const QSize& size)
{
    if (!m_graph || size.isEmpty())
        return QImage();
    return m_graph->renderToImage(0, size);
}

} // namespace lrlab
