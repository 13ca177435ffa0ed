#pragma once

#include "core/logs/log_run.h"

#include <cstdint>
#include <string>

namespace lrlab {

/// The largest log file lrlab reads (README, "Limits").
inline constexpr std::uint64_t kMaxLogFileBytes = std::uint64_t(64) << 30;

/// A log file opened for reading at offsets: checked to be a regular file (RegularFile), with the
/// identity (device, inode), size and modification time it had when opened.
class OpenLogFile
{
public:
    /// Throws InputFileError naming path.
    explicit OpenLogFile(const std::string& path);
    ~OpenLogFile();
    OpenLogFile(const OpenLogFile&) = delete;
    OpenLogFile& operator=(const OpenLogFile&) = delete;

    std::uint64_t size() const { return m_size; }
    std::uint64_t device() const { return m_device; }
    std::uint64_t inode() const { return m_inode; }
    std::int64_t modifiedNs() const { return m_modifiedNs; }
    /// At most count bytes from offset (fewer at the end of the file). Throws InputFileError.
    std::string read(std::uint64_t offset, std::size_t count) const;

private:
    std::string m_path;
    int m_fd = -1;
    std::uint64_t m_size = 0;
    std::uint64_t m_device = 0;
    std::uint64_t m_inode = 0;
    std::int64_t m_modifiedNs = 0;
};

/// Reads one log file incrementally: each readAppended() reads from the offset where the last
/// one stopped. A file replaced (another inode) or truncated (smaller than the offset) is
/// noticed by replacedOrTruncated(); the owner then calls restart() and reads it again.
class LogFileReader
{
public:
    explicit LogFileReader(std::string path) : m_path(std::move(path)) {}
    virtual ~LogFileReader() = default;

    const std::string& path() const { return m_path; }
    /// The byte offset up to which the file has been read.
    std::uint64_t offset() const { return m_offset; }

    /// Whether the file on disk is another file (new inode), shorter than what was read, or
    /// rewritten in place (rewrittenAtStart()).
    bool replacedOrTruncated() const;

    /// Forgets what was read: the next readAppended() starts at the file's beginning.
    virtual void restart();

    /// Reads what was appended since the last call and adds its points and problems to run.
    /// complete: the file is finished (a one-time import), so an incomplete last line or JSON
    /// is read as it is and an incomplete last record is reported; otherwise (following) they
    /// wait for the writer. A file that cannot be opened adds a problem (once while it lasts).
    void readAppended(LogRun& run, bool complete);

protected:
    /// Whether the start of the file no longer holds what was read there (a writer that
    /// rewrites the whole file in place). By default false.
    virtual bool rewrittenAtStart() const { return false; }
    /// Reads from offset() on in file, adding to run; advances the offset with setOffset().
    virtual void readFrom(const OpenLogFile& file, LogRun& run, bool complete) = 0;
    void setOffset(std::uint64_t offset) { m_offset = offset; }
    /// Adds a problem about this file at location to run.
    void addProblem(LogRun& run, const std::string& location, const std::string& message) const;

private:
    std::string m_path;
    std::uint64_t m_offset = 0;
    bool m_identityKnown = false;
    std::uint64_t m_device = 0;
    std::uint64_t m_inode = 0;
    std::string m_openError;
};

} // namespace lrlab
