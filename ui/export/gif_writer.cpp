#include "ui/export/gif_writer.h"

#include "core/util/output_file.h"
#include "ui/export/gif_frame_encoding.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <gif_lib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <stdexcept>
#include <vector>

namespace lrlab {

namespace {

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

/// The open file and giflib's handle.
struct GifWriter::State
{
    GifOutput output;
    GifFileType* gif = nullptr;
    ColorMapObject* fixedMap = nullptr;

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
        std::array<GifColorType, 256> colours{};
        for (std::size_t i = 0; i < colours.size(); ++i) {
            const GifColour& c = fixedGifPalette()[i];
            colours[i] = GifColorType{c.red, c.green, c.blue};
        }
        m_state->fixedMap = GifMakeMapObject(256, colours.data());
        if (m_state->fixedMap == nullptr)
            throw std::runtime_error(path.toStdString() + ": out of memory");
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
    QByteArray encoded;
    try {
        encoded = encodeGifFrame(frame, m_size, m_options);
    } catch (const std::runtime_error& e) {
        throw std::runtime_error(m_path.toStdString() + ": " + e.what());
    }
    addEncodedFrame(encoded);
}

void GifWriter::addEncodedFrame(const QByteArray& encodedFrame)
{
    if (!m_state || m_state->gif == nullptr)
        throw std::runtime_error(m_path.toStdString() + ": the GIF is already finished");
    // giflib writes through writeToOutput unbuffered, so the frame's bytes go right after what
    // it wrote so far.
    GifOutput& output = m_state->output;
    if (output.error.empty())
        output.error = output.file->tryWrite(encodedFrame.constData(), encodedFrame.size());
    if (!output.error.empty())
        throw std::runtime_error(output.error);
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

namespace {

/// A frame encoded on a worker, or why it could not be.
struct EncodedFrame
{
    QByteArray bytes;
    std::string error;
};

} // namespace

bool writeGif(const QString& path, const QSize& size, int frameCount,
              const std::function<QImage(int index)>& frame, const GifOptions& options,
              const ExportProgress& progress)
{
    if (frameCount < 1)
        throw std::invalid_argument("frames: an animation needs at least one frame");
    GifWriter writer(path, size, options);
    QThreadPool ownPool;
    QThreadPool* pool = QThreadPool::globalInstance();
    if (options.threads > 0) {
        ownPool.setMaxThreadCount(options.threads);
        pool = &ownPool;
    }
    // Frames drawn but not yet written: enough to keep every worker busy while the next frame
    // is drawn, few enough that waiting for the oldest is short.
    const std::size_t queueLimit = 2 * static_cast<std::size_t>(pool->maxThreadCount()) + 1;
    std::deque<QFuture<EncodedFrame>> queued;
    const auto writeOldest = [&] {
        const EncodedFrame encoded = queued.front().result();
        queued.pop_front();
        if (!encoded.error.empty())
            throw std::runtime_error(path.toStdString() + ": " + encoded.error);
        writer.addEncodedFrame(encoded.bytes);
    };
    for (int i = 0; i < frameCount; ++i) {
        queued.push_back(QtConcurrent::run(pool, [image = frame(i), size, options] {
            EncodedFrame encoded;
            try {
                encoded.bytes = encodeGifFrame(image, size, options);
            } catch (const std::exception& e) {
                encoded.error = e.what();
            }
            return encoded;
        }));
        while (!queued.empty() && (queued.size() >= queueLimit || queued.front().isFinished()))
            writeOldest();
        // Cancelled: the writer's destructor drops the unfinished file; queued workers use
        // nothing of ours (ownPool's destructor waits for them).
        if (progress && !progress(i + 1, frameCount))
            return false;
    }
    while (!queued.empty())
        writeOldest();
    writer.commit();
    return true;
}

} // namespace lrlab
