#pragma once

#include <QSize>

#include <cstdint>
#include <string>

namespace lrlab {

/// What an export is made of, for its cost estimate.
enum class ExportKind {
    Raster,   ///< PNG or the clipboard: one image of size × scale
    Vector,   ///< SVG or PDF: paths, colour maps as images of the figure's size
    Animation ///< GIF: frames images of size, each quantized to 256 colours
};

/// The one budget every figure export must fit (PNG, SVG, PDF, GIF; from the window and from
/// `lrlab export`), checked before anything is drawn. Both limits hold:
/// - memory of one frame: pixels × the bytes a pixel takes while it is drawn and encoded
///   (raster 8: the ARGB image and its RGB copy; vector 4: the colour-map images; animation 11:
///   the ARGB frame, the per-channel and index buffers of the quantizer, measured) at most
///   kMaxExportFrameBytes;
/// - pixels drawn in all: frames × pixels per frame at most kMaxExportPixels (the time to draw
///   and the size of the file grow with it).
constexpr std::int64_t kMaxExportFrameBytes = std::int64_t{2} << 30; // 2 GiB
constexpr double kMaxExportPixels = 2e9;

/// The cost of an export of frames frames of size logical pixels at scale (raster only).
struct ExportEstimate
{
    double framePixels = 0; ///< device pixels of one frame
    double frameBytes = 0;  ///< memory while one frame is drawn and encoded
    double totalPixels = 0; ///< framePixels × frames
};

ExportEstimate estimateExport(ExportKind kind, const QSize& size, double scale, int frames);

/// Throws std::invalid_argument when the export exceeds the budget; the message gives the
/// estimate and the limit, e.g. "export: 10000 frames of 16000x16000 pixels would draw 2.6e+12
/// pixels; the limit is 2e+09 (at most 7 frames at this size)".
void checkExportBudget(ExportKind kind, const QSize& size, double scale, int frames);

} // namespace lrlab
