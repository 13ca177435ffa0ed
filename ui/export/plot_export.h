#pragma once

#include <QColor>
#include <QImage>
#include <QSize>
#include <QString>

#include <optional>

class QWidget;

namespace lrlab {

/// Vector and raster figure formats.
enum class FigureFormat { Png, Svg, Pdf };

/// "png", "svg", "pdf" (case-insensitive; a file name's suffix works too), or nullopt.
std::optional<FigureFormat> figureFormatFromName(const QString& nameOrPath);
QString figureFormatName(FigureFormat format);

/// How a figure is exported.
struct FigureExportOptions
{
    /// Size in logical pixels the plots are laid out at (fonts keep their point size, so a
    /// larger size means more room, not larger text). Invalid (the default QSize()) = the
    /// figure's current size; a size below 1 pixel a side is an error.
    QSize size;
    /// PNG and clipboard only: device pixels per logical pixel (2 = a crisp 2x image of the same
    /// layout). In [0.1, 10].
    double scale = 1.0;
    QColor background = Qt::white;
    QString title; ///< SVG/PDF document title
};

/// The figure: a QCustomPlot, or any widget holding plots (e.g. a dashboard of several); each
/// QCustomPlot inside (not hidden) is drawn at its place, scaled from the widget's size to
/// options.size. Other child widgets are not drawn. GUI thread only.
QImage renderFigure(QWidget* figure, const FigureExportOptions& options = {});

/// PNG of renderFigure: (size × scale) pixels. Written atomically (writeOutputFile; a device or
/// FIFO is written in place).
/// All save functions throw std::runtime_error naming the path on failure, and
/// std::invalid_argument for a bad size or scale.
void saveFigurePng(QWidget* figure, const QString& path, const FigureExportOptions& options = {});

/// SVG (QSvgGenerator + QCustomPlot::toPainter): axes, tick labels, titles, legends and curves
/// as vector paths and <text>; colour maps as embedded images. 96 dpi, so fonts match the screen.
void saveFigureSvg(QWidget* figure, const QString& path, const FigureExportOptions& options = {});

/// PDF (QPdfWriter), one page of exactly the figure's size (1 logical pixel = 1/96 inch), vector.
void saveFigurePdf(QWidget* figure, const QString& path, const FigureExportOptions& options = {});

/// Dispatches on format.
void saveFigure(QWidget* figure, const QString& path, FigureFormat format,
                const FigureExportOptions& options = {});

/// Puts renderFigure's image on the clipboard (QGuiApplication::clipboard()).
void copyFigureToClipboard(QWidget* figure, const FigureExportOptions& options = {});

/// The file dialog filter for the three formats, e.g. for QFileDialog::getSaveFileName.
QString figureFileFilter();

/// GUI helper: asks for a file name (the format follows the chosen filter or suffix) and saves
/// the figure at its current size (PNG at 2x). Reports errors in a message box. Returns the
/// path written, or an empty string when cancelled or failed.
QString exportFigureWithDialog(QWidget* parent, QWidget* figure, const QString& suggestedName);

} // namespace lrlab
