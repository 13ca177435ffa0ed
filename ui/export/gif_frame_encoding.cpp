#include "ui/export/gif_frame_encoding.h"

#include <gif_lib.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace lrlab {

namespace {

constexpr int kRedLevels = 6;
constexpr int kGreenLevels = 7;
constexpr int kBlueLevels = 6;
constexpr int kCubeSize = kRedLevels * kGreenLevels * kBlueLevels; // 252
constexpr std::array<int, 4> kGreys{48, 96, 160, 224};
static_assert(kCubeSize + static_cast<int>(kGreys.size()) == 256);

int level(int value, int levels)
{
    return (value * (levels - 1) + 127) / 255;
}

int levelValue(int index, int levels)
{
    return (index * 255 + (levels - 1) / 2) / (levels - 1);
}

/// The fixed palette's index of a colour: the nearest cube point (per channel) or, when nearer,
/// the nearest grey.
int fixedIndex(int r, int g, int b)
{
    const int ri = level(r, kRedLevels), gi = level(g, kGreenLevels), bi = level(b, kBlueLevels);
    const auto sq = [](int d) { return d * d; };
    int best = (ri * kGreenLevels + gi) * kBlueLevels + bi;
    int bestDistance = sq(r - levelValue(ri, kRedLevels)) + sq(g - levelValue(gi, kGreenLevels)) +
                       sq(b - levelValue(bi, kBlueLevels));
    for (std::size_t k = 0; k < kGreys.size(); ++k) {
        const int d = sq(r - kGreys[k]) + sq(g - kGreys[k]) + sq(b - kGreys[k]);
        if (d < bestDistance) {
            bestDistance = d;
            best = kCubeSize + static_cast<int>(k);
        }
    }
    return best;
}

/// giflib's colour map of colours (256 entries); null when out of memory.
ColorMapObject* makeColourMap(const std::array<GifColour, 256>& colours)
{
    std::array<GifColorType, 256> table{};
    for (std::size_t i = 0; i < colours.size(); ++i)
        table[i] = GifColorType{colours[i].red, colours[i].green, colours[i].blue};
    return GifMakeMapObject(256, table.data());
}

struct ColourMapDeleter
{
    void operator()(ColorMapObject* map) const { GifFreeMapObject(map); }
};
using ColourMap = std::unique_ptr<ColorMapObject, ColourMapDeleter>;

/// A frame's palette indices, one byte a pixel, row by row.
using Indices = std::vector<GifByteType>;

/// Maps rgb (Format_RGB888) to the fixed palette. Plots are mostly runs of few colours: a small
/// direct-mapped cache of exact colours spares the search (the result is the same).
Indices quantizeFixed(const QImage& rgb)
{
    const int w = rgb.width(), h = rgb.height();
    Indices indices(static_cast<std::size_t>(w) * h);
    constexpr std::uint32_t kSlots = 4096;
    std::vector<std::uint32_t> keys(kSlots, 0xffffffffu); // no colour has this key
    std::vector<GifByteType> values(kSlots, 0);
    for (int y = 0; y < h; ++y) {
        const uchar* line = rgb.constScanLine(y);
        GifByteType* out = indices.data() + static_cast<std::size_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            const std::uint32_t key = (std::uint32_t(line[3 * x]) << 16) |
                                      (std::uint32_t(line[3 * x + 1]) << 8) | line[3 * x + 2];
            const std::uint32_t slot = (key ^ (key >> 12) ^ (key >> 20)) & (kSlots - 1);
            if (keys[slot] != key) {
                keys[slot] = key;
                values[slot] = static_cast<GifByteType>(
                    fixedIndex(line[3 * x], line[3 * x + 1], line[3 * x + 2]));
            }
            out[x] = values[slot];
        }
    }
    return indices;
}

/// giflib's median cut (GifQuantizeBuffer) of rgb into colours; each used entry then becomes
/// the mean of the full 8-bit pixels mapped to it (the cut works on 5 bits a channel, so white
/// would come out as 248, 248, 248).
Indices quantizePerFrame(const QImage& rgb, std::array<GifColour, 256>& colours)
{
    const int w = rgb.width(), h = rgb.height();
    const auto pixels = static_cast<std::size_t>(w) * h;
    std::vector<GifByteType> red(pixels), green(pixels), blue(pixels);
    for (int y = 0; y < h; ++y) {
        const uchar* line = rgb.constScanLine(y);
        const auto row = static_cast<std::size_t>(y) * w;
        for (int x = 0; x < w; ++x) {
            red[row + x] = line[3 * x];
            green[row + x] = line[3 * x + 1];
            blue[row + x] = line[3 * x + 2];
        }
    }
    Indices indices(pixels);
    std::array<GifColorType, 256> table{};
    int count = 256;
    if (GifQuantizeBuffer(static_cast<unsigned>(w), static_cast<unsigned>(h), &count, red.data(),
                          green.data(), blue.data(), indices.data(), table.data()) == GIF_ERROR)
        throw std::runtime_error("colour quantization failed");
    std::array<std::array<std::uint64_t, 4>, 256> sums{};
    for (std::size_t p = 0; p < pixels; ++p) {
        auto& sum = sums[indices[p]];
        sum[0] += red[p];
        sum[1] += green[p];
        sum[2] += blue[p];
        ++sum[3];
    }
    for (std::size_t c = 0; c < sums.size(); ++c) {
        const auto& sum = sums[c];
        colours[c] = GifColour{table[c].Red, table[c].Green, table[c].Blue};
        if (sum[3] == 0)
            continue; // unused entries stay: the table size must be a power of two anyway
        const auto mean = [&](std::uint64_t v) {
            return static_cast<std::uint8_t>((v + sum[3] / 2) / sum[3]);
        };
        colours[c] = GifColour{mean(sum[0]), mean(sum[1]), mean(sum[2])};
    }
    return indices;
}

int appendToBuffer(GifFileType* gif, const GifByteType* data, int length)
{
    static_cast<QByteArray*>(gif->UserData)->append(reinterpret_cast<const char*>(data), length);
    return length;
}

struct GifFileCloser
{
    void operator()(GifFileType* gif) const
    {
        int error = 0;
        EGifCloseFile(gif, &error);
    }
};

[[noreturn]] void throwGifError(int code)
{
    const char* text = GifErrorString(code);
    throw std::runtime_error(text != nullptr ? std::string(text)
                                             : "giflib error " + std::to_string(code));
}

} // namespace

const std::array<GifColour, 256>& fixedGifPalette()
{
    static const std::array<GifColour, 256> palette = [] {
        std::array<GifColour, 256> colours{};
        for (int r = 0; r < kRedLevels; ++r)
            for (int g = 0; g < kGreenLevels; ++g)
                for (int b = 0; b < kBlueLevels; ++b)
                    colours[static_cast<std::size_t>((r * kGreenLevels + g) * kBlueLevels + b)] =
                        GifColour{static_cast<std::uint8_t>(levelValue(r, kRedLevels)),
                                  static_cast<std::uint8_t>(levelValue(g, kGreenLevels)),
                                  static_cast<std::uint8_t>(levelValue(b, kBlueLevels))};
        for (std::size_t i = 0; i < kGreys.size(); ++i) {
            const auto v = static_cast<std::uint8_t>(kGreys[i]);
            colours[kCubeSize + i] = GifColour{v, v, v};
        }
        return colours;
    }();
    return palette;
}

QByteArray encodeGifFrame(const QImage& frame, const QSize& size, const GifOptions& options)
{
    if (size.width() < 1 || size.height() < 1 || frame.isNull())
        throw std::invalid_argument("size: a GIF frame needs at least one pixel");
    const QImage rgb =
        (frame.size() == size ? frame
                              : frame.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation))
            .convertToFormat(QImage::Format_RGB888);
    const int w = size.width(), h = size.height();
    const bool fixed = options.palette == GifPalette::Fixed;
    std::array<GifColour, 256> colours{};
    const Indices indices = fixed ? quantizeFixed(rgb) : quantizePerFrame(rgb, colours);
    const ColourMap screenMap(fixed ? makeColourMap(fixedGifPalette()) : nullptr);
    const ColourMap localMap(fixed ? nullptr : makeColourMap(colours));
    if (!screenMap && !localMap)
        throw std::runtime_error("out of memory");

    // A one-frame GIF in memory with the file's screen descriptor (giflib takes the bits per
    // pixel from it); the frame is everything written after that descriptor, up to the trailer.
    QByteArray bytes;
    int error = 0;
    const std::unique_ptr<GifFileType, GifFileCloser> gif(EGifOpen(&bytes, appendToBuffer, &error));
    if (!gif)
        throwGifError(error);
    EGifSetGifVersion(gif.get(), true);
    if (EGifPutScreenDesc(gif.get(), w, h, 8, 0, screenMap.get()) == GIF_ERROR)
        throwGifError(gif->Error);
    const qsizetype start = bytes.size();
    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.UserInputFlag = false;
    control.DelayTime = GifWriter::delayCentiseconds(options.framesPerSecond);
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const auto length = EGifGCBToExtension(&control, extension);
    if (EGifPutExtension(gif.get(), GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length), extension) ==
            GIF_ERROR ||
        EGifPutImageDesc(gif.get(), 0, 0, w, h, false, localMap.get()) == GIF_ERROR)
        throwGifError(gif->Error);
    for (int y = 0; y < h; ++y)
        if (EGifPutLine(gif.get(),
                        const_cast<GifByteType*>(indices.data()) + static_cast<std::size_t>(y) * w,
                        w) == GIF_ERROR)
            throwGifError(gif->Error);
    return bytes.mid(start); // the last line flushed the compressor
}

} // namespace lrlab
