#pragma once

#include "ui/export/gif_writer.h"

#include <QByteArray>
#include <QImage>
#include <QSize>

#include <array>
#include <cstdint>

namespace lrlab {

/// One palette colour of a GIF.
struct GifColour
{
    std::uint8_t red = 0, green = 0, blue = 0;
};

/// The fixed palette (GifPalette::Fixed): a 6 (red) × 7 (green) × 6 (blue) cube, then four
/// greys.
const std::array<GifColour, 256>& fixedGifPalette();

/// The bytes one frame takes in an animated GIF of size with options, exactly as giflib writes
/// them there: its graphics control extension (the delay), image descriptor, local colour table
/// (GifPalette::PerFrame) and LZW-compressed pixels. frame is scaled to size if it differs.
/// Depends on nothing but its arguments, so frames can be encoded on any threads, in any order,
/// and GifWriter::addEncodedFrame writes the same file. Throws std::runtime_error when giflib
/// fails (out of memory).
QByteArray encodeGifFrame(const QImage& frame, const QSize& size, const GifOptions& options);

} // namespace lrlab
