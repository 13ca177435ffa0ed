#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

class QCustomPlot;
class QWidget;

namespace lrlab {

/// The two looks of lrlab.
enum class Theme { Light, Dark };

/// "light" / "dark" (the value stored in the settings).
QString themeName(Theme theme);
/// The theme of a stored name; anything else gives fallback.
Theme themeFromName(const QString& name, Theme fallback = Theme::Light);

/// The widget palette of a theme for the Fusion style: Light is the style's standard palette,
/// Dark a dark grey palette whose highlight is the Okabe–Ito blue.
QPalette themePalette(Theme theme);

/// The frame colours of a plot in a theme (data colours are not part of a theme: the
/// Okabe–Ito colours of the runs are colour-blind safe on both backgrounds).
struct PlotColours
{
    QColor background; ///< the widget and the axis rect
    QColor foreground; ///< axes, ticks, labels, titles, legend text
    QColor grid;
    QColor subGrid;
    QColor legendBorder;
};
PlotColours plotColours(Theme theme);

/// Puts the theme on one plot: backgrounds, axes (also colour scales'), grids, titles and the
/// legend get the theme's colours. Neutral colours (greys, black, white) that the code gave to
/// curves, markers, labels and legend fills are turned around in the dark theme (a black pen
/// becomes light, a white label fill dark) and the originals are kept on the objects, so going
/// back to Light restores them exactly; saturated (data) colours are never changed. Idempotent.
void applyPlotTheme(QCustomPlot* plot, Theme theme);

/// The theme the application shows now (Light until setApplicationTheme is called).
Theme applicationTheme();

/// Sets the application palette of theme, then themes every QCustomPlot under every top-level
/// widget. In the dark theme each plot is re-themed just before each full replot, so curves and
/// labels the views add later (a new pin, a sweep's best-LR mark) follow it too. GUI thread.
void setApplicationTheme(Theme theme);

/// Themes every plot under root with the application theme and hooks them as above (call it
/// for a window built after setApplicationTheme).
void applyThemeToWidget(QWidget* root);

/// The text-size factor of the application (1 = the platform's font).
double fontScale();

/// Scales the application font to scale × the platform's font (clamped to [0.5, 4]) and the
/// fonts of every plot and of every widget with its own font size under every top-level window,
/// e.g. for a projector. Windows built later need nothing: their fonts derive from the scaled
/// application font. GUI thread.
void setFontScale(double scale);

/// Gives widget its own font, points larger than the one it has (bold when bold), e.g. for a
/// heading; setFontScale scales it with the rest. GUI thread.
void enlargeFont(QWidget* widget, double points, bool bold = false);

} // namespace lrlab
