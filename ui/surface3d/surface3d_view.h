#pragma once

#include "core/problems/toy_surface.h"
#include "ui/compare/pinned_runs.h"
#include "ui/surface3d/surface3d_geometry.h"

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

class Q3DSurface;
class QCustom3DItem;
class QCustom3DLabel;
class QSurface3DSeries;
class QWidget;

namespace lrlab {

struct ModelPlane;

/// Where the camera of the 3-D view looks from.
enum class SurfaceCamera {
    ThreeQuarter, ///< the default: 45° around, 30° up
    Above,        ///< straight down (the 2-D map's view)
    AlongPath     ///< low, looking along the current run's way down (start → end)
};

/// The loss landscape in 3-D (Qt Data Visualization): the 2-D map's grid as a surface (height:
/// log-loss or loss, viridis colours, the lowest cell marked), every shown run as a path just
/// above the surface in its colour, and a ball per run at the playback cursor. The surface data
/// changes only with showLandscape(); setRuns() and setCursorStep() move paths and balls only.
/// Needs OpenGL: check available() first; without it widget() is a label that says why and the
/// rest does nothing. Mouse: rotate (right button), zoom (wheel), as Q3DSurface's default input
/// handler. GUI thread only.
class Surface3DView : public QObject
{
    Q_OBJECT
public:
    explicit Surface3DView(QWidget* parent);
    ~Surface3DView() override;

    /// Whether 3-D can be drawn here (an OpenGL context can be created, the platform is not
    /// offscreen/minimal, LRLAB_NO_OPENGL is unset); otherwise why, in the installed language.
    /// Checked once per process.
    static bool available(QString* why = nullptr);

    /// The widget to lay out: the graph's window container, or the fallback label.
    QWidget* widget() const { return m_widget; }
    /// The graph (null without OpenGL).
    Q3DSurface* graph() const { return m_graph; }
    QSurface3DSeries* surfaceSeries() const { return m_surface; }

    /// A new landscape (toy surface or model plane): the surface data is replaced. toy (may be
    /// null) gives the exact loss at path points; else the grid is interpolated. plane is the
    /// model plane of pca/random landscapes (null for a toy or (w, b)).
    void showLandscape(const LandscapeImage& image, std::shared_ptr<const ToySurface> toy = {},
                       std::shared_ptr<const ModelPlane> plane = {});
    const LandscapeImage& landscape() const { return m_image; }
    const SurfaceGrid& grid() const { return m_grid; }
    /// Titles of the two parameter axes (x, y of a toy; w, b; PC1, PC2).
    void setAxisTitles(const QString& x, const QString& y);
    void setHeight(SurfaceHeight mode);
    SurfaceHeight height() const { return m_height; }

    /// The runs to draw (current and pins); their paths are lifted onto the surface.
    void setRuns(const std::vector<ShownRun>& runs);
    /// Moves every ball to its path's point at step.
    void setCursorStep(int step);
    int cursorStep() const { return m_step; }

    /// Number of drawn paths, and path k's points and ball (graph coordinates x, height, y).
    int pathCount() const { return static_cast<int>(m_paths.size()); }
    const LiftedPath& path(int k) const { return m_paths[static_cast<std::size_t>(k)].lifted; }
    int pathRunId(int k) const { return m_paths[static_cast<std::size_t>(k)].id; }
    QVector3D ballPosition(int k) const;
    /// The height added to a path point above the loss there.
    double lift() const { return m_lift; }
    /// The height of the loss at (x, y) in the current mode (exact for toys).
    double heightAt(double x, double y) const;

    void setCamera(SurfaceCamera camera);
    /// While on, playback keeps the current run's ball in the middle, zoomed in.
    void setFollowBall(bool follow);
    bool followsBall() const { return m_follow; }
    /// Turns the camera around the surface by degrees (GIF export's orbit).
    void orbit(float degrees);

    /// The view drawn at size device pixels (a null image without OpenGL).
    QImage render(const QSize& size);

signals:
    /// The surface data was replaced (showLandscape or a new height mode).
    void surfaceChanged();

private:
    struct DrawnPath
    {
        int id = 0;
        QColor colour;
        PlanePath plane;
        LiftedPath lifted;
        QSurface3DSeries* series = nullptr;
        QCustom3DItem* ball = nullptr;
    };

    void build();
    void putSurface();
    void liftPaths();
    void placeBalls();
    void followBall();
    void removePath(DrawnPath& path);
    QCustom3DItem* newBall(const QColor& colour);

    QWidget* m_widget = nullptr;
    Q3DSurface* m_graph = nullptr;
    QSurface3DSeries* m_surface = nullptr;
    QCustom3DItem* m_minimum = nullptr;
    QCustom3DLabel* m_minimumLabel = nullptr;
    LandscapeImage m_image;
    SurfaceGrid m_grid;
    std::shared_ptr<const ToySurface> m_toy;
    std::shared_ptr<const ModelPlane> m_plane;
    SurfaceHeight m_height = SurfaceHeight::LogLoss;
    std::vector<ShownRun> m_runs;
    std::vector<DrawnPath> m_paths;
    double m_lift = 0.0;
    int m_step = 0;
    bool m_follow = false;
};

} // namespace lrlab
