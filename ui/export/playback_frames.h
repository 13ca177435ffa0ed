#pragma once

#include "ui/export/plot_export.h"

#include <QImage>

class QWidget;

namespace lrlab {

/// Draws the frames of a playback of figure (a QCustomPlot, or a widget holding them, as
/// renderFigure) fast: what stays put in every frame is drawn once — the layers under "main"
/// with main's colour maps and layout elements (titles, colour scales), and the layers above
/// "main" (axes, legend) — and each frame draws only the rest of "main" (paths, curves,
/// markers, cursor lines) and lays it between the two. The same picture as
/// renderFigure(figure, options) up to rounding at antialiased edges, as long as between frames
/// only main's plottables and items other than colour maps change, the colour maps come first
/// in main, and each plot
/// keeps QCustomPlot's default white background (as SessionFigures' plots do). The plots are
/// left as they were after each call. GUI thread only (the plots are widgets).
class PlaybackFrameRenderer
{
public:
    /// Draws the fixed parts; options as renderFigure's (options.scale is ignored: 1).
    PlaybackFrameRenderer(QWidget* figure, const FigureExportOptions& options);

    /// The figure as it is now.
    QImage render() const;

private:
    enum class Part { Under, Moving, Over };
    QImage renderPart(Part part) const;

    QWidget* m_figure = nullptr;
    FigureExportOptions m_options;
    QImage m_under; ///< opaque
    QImage m_over;  ///< transparent but for axes, titles, legend
};

} // namespace lrlab
