#include "ui/export/gif_writer.h"

#include "core/util/output_file.h"

#include <gif_lib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace lrlab {

namespace {

// The fixed palette: a 6 (red) × 7 (green) × 6 (blue) cube, then four greys. Green gets the
// extra level because the eye resolves it best.
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

/// The open output and the first write error (giflib's callback must not throw).
struct GifOutput
{
    std::unique_ptr<OutputFile> file;
    std::string error;
};

int writeToOutput(GifFileType* gif, const GifByteType* data, int length)
{
    auto* output = static_cast<GifOutput*>(gif->UserData);
    if (!output->error.empty())
        return 0;
    output->error = output->file->tryWrite(reinterpret_cast<const char*>(data), length);
    return output->error.empty() ? length : 0;
}

std::string gifError(int code)
{
    const char* text = GifErrorString(code);
    return text != nullptr ? std::string(text) : "giflib error " + std::to_string(code);
}

} // namespace

/// The open file, giflib's handle and the per-frame scratch buffers (allocated once).
struct GifWriter::State
{
    GifOutput output;
    GifFileType* gif = nullptr;
    ColorMapObject* fixedMap = nullptr;
    std::vector<GifByteType> red, green, blue, indices;
    std::array<GifColorType, 256> colours{};

    State() = default;
    ~State()
    {
        close();
        if (fixedMap != nullptr)
            GifFreeMapObject(fixedMap);
    }
    /// Closes giflib's handle (writing the trailer); returns giflib's error or GIF_OK.
    int close()
    {
        int error = 0;
        int result = GIF_OK;
        if (gif != nullptr)
            result = EGifCloseFile(gif, &error);
        gif = nullptr;
        return result == GIF_OK ? GIF_OK : error;
    }
};

int GifWriter::delayCentiseconds(double framesPerSecond)
{
    return std::max(2, static_cast<int>(std::lround(100.0 / framesPerSecond)));
}

GifWriter::GifWriter(const QString& path, const QSize& size, const GifOptions& options)
    : m_path(path), m_size(size), m_options(options)
{
    if (size.width() < 1 || size.height() < 1 || size.width() > 65535 || size.height() > 65535)
        throw std::invalid_argument("size: a GIF is 1..65535 pixels per side");
    if (!(options.framesPerSecond > 0.0 && options.framesPerSecond <= 100.0))
        throw std::invalid_argument("fps: expected a frame rate in (0, 100]");
    m_state = std::make_unique<State>();
    m_state->output.file = std::make_unique<OutputFile>(path);
    int error = 0;
    m_state->gif = EGifOpen(&m_state->output, writeToOutput, &error);
    if (m_state->gif == nullptr)
        throw std::runtime_error(path.toStdString() + ": " + gifError(error));
    EGifSetGifVersion(m_state->gif, true); // GIF89a: delays and the loop extension

    if (options.palette == GifPalette::Fixed) {
        for (int r = 0; r < kRedLevels; ++r)
            for (int g = 0; g < kGreenLevels; ++g)
                for (int b = 0; b < kBlueLevels; ++b) {
                    GifColorType& c = m_state->colours[static_cast<std::size_t>(
                        (r * kGreenLevels + g) * kBlueLevels + b)];
                    c.Red = static_cast<GifByteType>(levelValue(r, kRedLevels));
                    c.Green = static_cast<GifByteType>(levelValue(g, kGreenLevels));
                    c.Blue = static_cast<GifByteType>(levelValue(b, kBlueLevels));
                }
        for (std::size_t i = 0; i < kGreys.size(); ++i) {
            GifColorType& c = m_state->colours[kCubeSize + i];
            c.Red = c.Green = c.Blue = static_cast<GifByteType>(kGreys[i]);
        }
        m_state->fixedMap = GifMakeMapObject(256, m_state->colours.data());
    }
    if (EGifPutScreenDesc(m_state->gif, size.width(), size.height(), 8, 0, m_state->fixedMap) ==
        GIF_ERROR)
        throw std::runtime_error(failure(m_state->gif->Error));
    if (options.loop) {
        static const GifByteType netscape[] = "NETSCAPE2.0";
        static const GifByteType loopForever[3] = {1, 0, 0}; // sub-block 1, count 0 = forever
        if (EGifPutExtensionLeader(m_state->gif, APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
            EGifPutExtensionBlock(m_state->gif, 11, netscape) == GIF_ERROR ||
            EGifPutExtensionBlock(m_state->gif, 3, loopForever) == GIF_ERROR ||
            EGifPutExtensionTrailer(m_state->gif) == GIF_ERROR)
            throw std::runtime_error(failure(m_state->gif->Error));
    }
    const auto pixels = static_cast<std::size_t>(size.width()) * size.height();
    m_state->indices.resize(pixels);
    if (options.palette == GifPalette::PerFrame) {
        m_state->red.resize(pixels);
        m_state->green.resize(pixels);
        m_state->blue.resize(pixels);
    }
}

std::string GifWriter::failure(int gifErrorCode) const
{
    if (m_state && !m_state->output.error.empty())
        return m_state->output.error;
    return m_path.toStdString() + ": " + gifError(gifErrorCode);
}

GifWriter::~GifWriter() = default; // State closes giflib; an uncommitted file is dropped

void GifWriter::addFrame(const QImage& frame)
{
    if (!m_state || m_state->gif == nullptr)
        throw std::runtime_error(m_path.toStdString() + ": the GIF is already finished");
    QImage rgb = frame.size() == m_size
                     ? frame.convertToFormat(QImage::Format_RGB888)
                     : frame.scaled(m_size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                           .convertToFormat(QImage::Format_RGB888);
    const int w = m_size.width(), h = m_size.height();
    State& s = *m_state;
    ColorMapObject* localMap = nullptr;
    if (m_options.palette == GifPalette::PerFrame) {
        for (int y = 0; y < h; ++y) {
            const uchar* line = rgb.constScanLine(y);
            const auto row = static_cast<std::size_t>(y) * w;
            for (int x = 0; x < w; ++x) {
                s.red[row + x] = line[3 * x];
                s.green[row + x] = line[3 * x + 1];
                s.blue[row + x] = line[3 * x + 2];
            }
        }
        int colours = 256;
        if (GifQuantizeBuffer(static_cast<unsigned>(w), static_cast<unsigned>(h), &colours,
                              s.red.data(), s.green.data(), s.blue.data(), s.indices.data(),
                              s.colours.data()) == GIF_ERROR)
            throw std::runtime_error(m_path.toStdString() + ": colour quantization failed");
        // giflib's median cut works on 5 bits per channel (white comes out as 248, 248, 248):
        // each table entry becomes the mean of the full 8-bit pixels mapped to it instead.
        std::array<std::array<std::uint64_t, 4>, 256> sums{};
        for (std::size_t p = 0; p < s.indices.size(); ++p) {
            auto& sum = sums[s.indices[p]];
            sum[0] += s.red[p];
            sum[1] += s.green[p];
            sum[2] += s.blue[p];
            ++sum[3];
        }
        for (std::size_t c = 0; c < sums.size(); ++c) {
            const auto& sum = sums[c];
            if (sum[3] == 0)
                continue;
            const auto mean = [&](std::uint64_t v) {
                return static_cast<GifByteType>((v + sum[3] / 2) / sum[3]);
            };
            s.colours[c].Red = mean(sum[0]);
            s.colours[c].Green = mean(sum[1]);
            s.colours[c].Blue = mean(sum[2]);
        }
        // Unused entries stay as they are; the table size must be a power of two anyway.
        localMap = GifMakeMapObject(256, s.colours.data());
        if (localMap == nullptr)
            throw std::runtime_error(m_path.toStdString() + ": out of memory");
    } else {
        for (int y = 0; y < h; ++y) {
            const uchar* line = rgb.constScanLine(y);
            GifByteType* out = s.indices.data() + static_cast<std::size_t>(y) * w;
            for (int x = 0; x < w; ++x) {
                const int r = line[3 * x], g = line[3 * x + 1], b = line[3 * x + 2];
                // The nearest cube point is per channel; compare it with the nearest grey.
                const int ri = level(r, kRedLevels), gi = level(g, kGreenLevels),
                          bi = level(b, kBlueLevels);
                const auto sq = [](int d) { return d * d; };
                int best = (ri * kGreenLevels + gi) * kBlueLevels + bi;
                int bestDistance = sq(r - levelValue(ri, kRedLevels)) +
                                   sq(g - levelValue(gi, kGreenLevels)) +
                                   sq(b - levelValue(bi, kBlueLevels));
                for (std::size_t k = 0; k < kGreys.size(); ++k) {
                    const int d = sq(r - kGreys[k]) + sq(g - kGreys[k]) + sq(b - kGreys[k]);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = kCubeSize + static_cast<int>(k);
                    }
                }
                out[x] = static_cast<GifByteType>(best);
            }
        }
    }

    GraphicsControlBlock control{};
    control.DisposalMode = DISPOSE_DO_NOT;
    control.UserInputFlag = false;
    control.DelayTime = delayCentiseconds(m_options.framesPerSecond);
    control.TransparentColor = NO_TRANSPARENT_COLOR;
    GifByteType extension[4];
    const auto length = EGifGCBToExtension(&control, extension);
    const bool ok = EGifPutExtension(s.gif, GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length),
                                     extension) != GIF_ERROR &&
                    EGifPutImageDesc(s.gif, 0, 0, w, h, false, localMap) != GIF_ERROR;
    if (localMap != nullptr)
        GifFreeMapObject(localMap); // EGifPutImageDesc keeps its own copy
    if (!ok)
        throw std::runtime_error(failure(s.gif->Error));
    for (int y = 0; y < h; ++y)
        if (EGifPutLine(s.gif, s.indices.data() + static_cast<std::size_t>(y) * w, w) == GIF_ERROR)
            throw std::runtime_error(failure(s.gif->Error));
    ++m_frames;
}

void GifWriter::commit()
{
    if (!m_state || m_state->gif == nullptr)
        throw std::runtime_error(m_path.toStdString() + ": the GIF is already finished");
    if (m_frames == 0)
        throw std::runtime_error(m_path.toStdString() + ": an animation needs a frame");
    const int error = m_state->close();
    if (error != GIF_OK)
        throw std::runtime_error(failure(error));
    m_state->output.file->commit();
}

bool writeGif(const QString& path, const QSize& size, int frameCount,
              const std::function<QImage(int index)>& frame, const GifOptions& options,
              const ExportProgress& progress)
{
    if (frameCount < 1)
        throw std::invalid_argument("frames: an animation needs at least one frame");
    GifWriter writer(path, size, options);
    for (int i = 0; i < frameCount; ++i) {
        writer.addFrame(frame(i));
        if (progress && !progress(i + 1, frameCount))
            return false; // the writer's destructor drops the unfinished file
    }
    writer.commit();
    return true;
}

} // namespace lrlab
