#pragma once

#include "ui/export/gif_frame_encoding.h"

#include <QImage>

#include <array>
#include <cstdint>
#include <vector>

namespace lrlab {

/// A picture reduced to at most 256 colours.
struct QuantizedPicture
{
    std::vector<std::uint8_t> indices;    ///< a palette index per pixel, row by row
    std::array<GifColour, 256> palette{}; ///< entries past colourCount are black
    int colourCount = 0;                  ///< palette entries in use
};

/// Median cut of rgb (QImage::Format_RGB888) into at most 256 colours. A picture of at most
/// 256 distinct colours keeps them exactly (palette in order of first appearance). Otherwise the
/// colours are binned at 5 bits a channel; the box of binned colours with the largest range is
/// split along that channel at its median pixel count until there are 256 boxes or none can be
/// split; each palette entry is the mean of the 8-bit pixels of its box. Deterministic, reentrant
/// (any threads at once) and depends on nothing but rgb.
QuantizedPicture quantizeMedianCut(const QImage& rgb);

} // namespace lrlab
