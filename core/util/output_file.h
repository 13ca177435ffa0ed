#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <string>

class QFileDevice;

namespace lrlab {

/// True for "-" (standard output) and for an existing path (symlinks followed) that is neither a
/// regular file nor a folder: a character or block device, a FIFO or a socket. Such an output is
/// written in place; replacing it (as an atomic save does) would destroy the node.
bool isStreamOutput(const QString& path);

/// Checks, before any work is done, that path can take one output file: "-" always can; a
/// device or FIFO must be writable; otherwise the path must not be a folder, an existing file
/// must be writable, and its folder must exist, be a folder and be writable. Throws
/// std::invalid_argument naming the path and what is wrong.
void checkOutputFile(const QString& path);

/// The message of a write to path that failed with errno error: "<path>: the disk is full
/// (...)" for ENOSPC and EDQUOT, else "<path>: write failed: <strerror>". "-" is named
/// "standard output".
std::string writeFailureMessage(const QString& path, int error);

/// One output file. A regular file (or a new path) is written through a QSaveFile: it appears
/// only on commit(), so a failed run leaves no partial file and never clobbers the old one.
/// "-" (standard output), devices and FIFOs are written directly (isStreamOutput). Writes are
/// unbuffered, so a failure reports its own errno (a full disk is named as such).
class OutputFile
{
public:
    /// Opens path. Throws std::runtime_error naming the path when it cannot be opened. Messages
    /// name shownAs instead when it is given (a staged file named by its final path).
    explicit OutputFile(const QString& path, const QString& shownAs = QString());
    /// Without commit(), an atomic file is discarded.
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    /// Writes all of data. Throws std::runtime_error (writeFailureMessage) on failure.
    void write(const char* data, qint64 size);
    void write(const QByteArray& bytes) { write(bytes.constData(), bytes.size()); }
    /// As write, but returns the message instead of throwing (empty on success): for callbacks
    /// from C libraries that must not be unwound through.
    std::string tryWrite(const char* data, qint64 size) noexcept;
    /// Finishes the file: an atomic file replaces its target. Throws std::runtime_error.
    void commit();
    /// The path as given ("-" for standard output).
    const QString& path() const { return m_path; }

private:
    QString m_path;
    QString m_shownAs;
    std::unique_ptr<QFileDevice> m_file;
    bool m_atomic = false;
    bool m_failed = false;
};

/// Writes bytes to path through an OutputFile and commits it. Throws std::runtime_error.
void writeOutputFile(const QString& path, const QByteArray& bytes);

} // namespace lrlab
