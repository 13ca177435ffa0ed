#include "ui/export/gif_frame_encoding.h"

#include "ui/export/gif_median_cut.h"

#include <gif_lib.h>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
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

/// Our median cut of rgb (quantizeMedianCut; reentrant, so frames are quantised in parallel).
Indices quantizePerFrame(const QImage& rgb, std::array<GifColour, 256>& colours)
{
    QuantizedPicture picture = quantizeMedianCut(rgb);
    colours = picture.palette;
    return std::move(picture.indices);
}

/// GIF's variable-width LZW of 8-bit indices, as giflib's encoder (EGifCompressLine) writes it
/// after the code size byte: the same codes (a clear code first, a clear when the table is full
/// at 4095 codes), widths and 255-byte sub-blocks ending in an empty one, so the bytes are
/// giflib's. The string table is a dense array of children (256 pixels × 4096 codes) instead of
/// giflib's hash table: one lookup a pixel, and pictures of few colours touch few of its rows.
class LzwEncoder
{
public:
    LzwEncoder() : m_children(std::size_t{kMaxCodes} * 256, 0) {}

    void encode(const GifByteType* pixels, std::size_t count, QByteArray& out)
    {
        m_out = &out;
        m_block.clear();
        reset();
        put(kClear);
        if (count > 0) {
            std::uint16_t* children = m_children.data();
            int code = pixels[0];
            for (std::size_t i = 1; i < count; ++i) {
                const GifByteType pixel = pixels[i];
                const std::size_t slot = static_cast<std::size_t>(pixel) * kMaxCodes + code;
                if (children[slot] != 0) {
                    code = children[slot];
                    continue;
                }
                put(code);
                code = pixel;
                if (m_nextCode >= kMaxCodes - 1) {
                    put(kClear);
                    reset();
                } else {
                    children[slot] = static_cast<std::uint16_t>(m_nextCode++);
                    m_used.push_back(slot);
                }
            }
            put(code);
        }
        put(kEnd);
        while (m_bitCount > 0) {
            byte(static_cast<char>(m_bits & 0xff));
            m_bits >>= 8;
            m_bitCount = std::max(0, m_bitCount - 8);
        }
        m_bitCount = 0;
        m_bits = 0;
        flushBlock();
        out.append('\0'); // the empty block that ends the image data
    }

private:
    static constexpr int kClear = 256;
    static constexpr int kEnd = 257;
    static constexpr int kMaxCodes = 4096;

    void reset()
    {
        for (std::size_t slot : m_used)
            m_children[slot] = 0;
        m_used.clear();
        m_nextCode = kEnd + 1;
        m_width = 9;
        m_widthLimit = 1 << m_width;
    }
    /// Writes code at the current width; then widens codes when the next one would not fit.
    void put(int code)
    {
        m_bits |= static_cast<std::uint64_t>(code) << m_bitCount;
        m_bitCount += m_width;
        while (m_bitCount >= 8) {
            byte(static_cast<char>(m_bits & 0xff));
            m_bits >>= 8;
            m_bitCount -= 8;
        }
        if (m_nextCode >= m_widthLimit)
            m_widthLimit = 1 << ++m_width;
    }
    void byte(char value)
    {
        if (m_block.size() == 255)
            flushBlock();
        m_block.append(value);
    }
    void flushBlock()
    {
        if (m_block.isEmpty())
            return;
        m_out->append(static_cast<char>(m_block.size()));
        m_out->append(m_block);
        m_block.clear();
    }

    std::vector<std::uint16_t> m_children; ///< pixel × 4096 + code → the longer code, 0 = none
    std::vector<std::size_t> m_used;       ///< the slots set since the last clear
    QByteArray* m_out = nullptr;
    QByteArray m_block;
    std::uint64_t m_bits = 0;
    int m_bitCount = 0;
    int m_nextCode = kEnd + 1;
    int m_width = 9;
    int m_widthLimit = 512;
};

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
    // giflib wrote the descriptor, the local table and the code size byte (8); the compressed
    // pixels follow. (giflib's own compressor would write the same bytes, more slowly.)
    QByteArray frameBytes = bytes.mid(start);
    thread_local LzwEncoder encoder; // its table is kept empty between frames
    encoder.encode(indices.data(), indices.size(), frameBytes);
    return frameBytes;
}

} // namespace lrlab
