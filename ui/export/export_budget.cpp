#include "ui/export/export_budget.h"

#include "core/util/format.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lrlab {

namespace {

double bytesPerPixel(ExportKind kind)
{
    switch (kind) {
    case ExportKind::Raster:
        return 8.0;
    case ExportKind::Vector:
        return 4.0;
    case ExportKind::Animation:
        return 11.0;
    }
    return 8.0;
}

std::string gibibytes(double bytes)
{
    return formatSignificant(bytes / static_cast<double>(std::int64_t{1} << 30), 3) + " GiB";
}

} // namespace

ExportEstimate estimateExport(ExportKind kind, const QSize& size, double scale, int frames)
{
    const double factor = kind == ExportKind::Raster ? scale * scale : 1.0;
    ExportEstimate e;
    e.framePixels = static_cast<double>(size.width()) * size.height() * factor;
    e.frameBytes = e.framePixels * bytesPerPixel(kind);
    e.totalPixels = e.framePixels * std::max(1, frames);
    return e;
}

void checkExportBudget(ExportKind kind, const QSize& size, double scale, int frames)
{
    const ExportEstimate e = estimateExport(kind, size, scale, frames);
    std::string what = std::to_string(size.width()) + "x" + std::to_string(size.height());
    if (kind == ExportKind::Raster && scale != 1.0)
        what += " at scale " + formatSignificant(scale, 3);
    if (kind == ExportKind::Animation)
        what = std::to_string(frames) + (frames == 1 ? " frame of " : " frames of ") + what;
    if (e.frameBytes > static_cast<double>(kMaxExportFrameBytes))
        throw std::invalid_argument("export: " + what + " pixels needs about " +
                                    gibibytes(e.frameBytes) + " of memory a frame; the limit is " +
                                    gibibytes(static_cast<double>(kMaxExportFrameBytes)) +
                                    " (use a smaller size)");
    if (e.totalPixels > kMaxExportPixels) {
        const auto fitting = static_cast<long long>(std::floor(kMaxExportPixels / e.framePixels));
        throw std::invalid_argument("export: " + what + " pixels would draw " +
                                    formatSignificant(e.totalPixels, 3) + " pixels; the limit is " +
                                    formatSignificant(kMaxExportPixels, 3) + " (at most " +
                                    std::to_string(fitting) + " frames at this size)");
    }
}

} // namespace lrlab
