#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>

#include <functional>
#include <memory>
#include <string>

namespace lrlab {

/// How frames get their colours.
enum class GifPalette {
    /// Each frame its own table of up to 256 colours by median cut (quantizeMedianCut; a frame
    /// of at most 256 colours keeps them exactly): best colours (smooth colour maps), a local
    /// table per frame.
    PerFrame,
    /// One global table: a 6×7×6 colour cube plus 4 greys, nearest colour per pixel. Faster,
    /// smaller files, identical colours in every frame.
    Fixed
};

/// Settings of an animated GIF.
struct GifOptions
{
    double framesPerSecond = 15.0; ///< (0, 100]; the delay is rounded to centiseconds, >= 2
    GifPalette palette = GifPalette::PerFrame;
    bool loop = true; ///< loop forever (NETSCAPE2.0 application extension)
    /// writeGif's encoding workers: 0 = QThreadPool::globalInstance(). The file is the same
    /// for any count.
    int threads = 0;
};

/// Streams an animated GIF89a (giflib) to a file. Frames are added one at a time and are not
/// kept. The file is written through an OutputFile: a regular file appears only on commit(), so
/// a failed or cancelled export leaves no partial file and never clobbers an existing one; a
/// device or FIFO is written in place. Not thread-safe;
/// one writer per thread.
class GifWriter
{
public:
    /// Opens path for a width × height animation. Throws std::runtime_error naming the path, or
    /// std::invalid_argument for a bad size or frame rate.
    GifWriter(const QString& path, const QSize& size, const GifOptions& options = {});
    /// Without commit(), discards everything written.
    ~GifWriter();
    GifWriter(const GifWriter&) = delete;
    GifWriter& operator=(const GifWriter&) = delete;

    /// Appends a frame (scaled to the size if it differs): encodeGifFrame, then
    /// addEncodedFrame. Throws std::runtime_error.
    void addFrame(const QImage& frame);
    /// Appends a frame encodeGifFrame encoded for this writer's size and options (on any
    /// thread). Throws std::runtime_error.
    void addEncodedFrame(const QByteArray& encodedFrame);
    /// Finishes the file and moves it into place. Throws std::runtime_error.
    void commit();

    int frameCount() const { return m_frames; }
    QSize size() const { return m_size; }

    /// The frame delay giflib stores, in centiseconds: round(100 / fps), at least 2 (browsers
    /// treat 0 and 1 as 10).
    static int delayCentiseconds(double framesPerSecond);

private:
    /// The message of giflib's error code: the output's write error (a full disk) if there
    /// was one, else giflib's text; both name the path.
    std::string failure(int gifErrorCode) const;

    struct State;
    std::unique_ptr<State> m_state;
    QString m_path;
    QSize m_size;
    GifOptions m_options;
    int m_frames = 0;
};

/// Progress of a long export: (done, total) units; return false to cancel.
using ExportProgress = std::function<bool(int done, int total)>;

/// Writes frameCount frames from frame(i) (i = 0..frameCount−1) to path. frame(i) is called on
/// the calling thread, in order; each frame is quantised and compressed (encodeGifFrame) on
/// options.threads workers while the next ones are drawn, and written in order, so the file
/// does not depend on the thread count. Calls progress after each frame is drawn; the calling
/// thread waits for a worker at most while a few frames are queued, and at the end. Returns
/// false, leaving no file, when progress asked to stop. Throws as GifWriter.
bool writeGif(const QString& path, const QSize& size, int frameCount,
              const std::function<QImage(int index)>& frame, const GifOptions& options = {},
              const ExportProgress& progress = {});

} // namespace lrlab
