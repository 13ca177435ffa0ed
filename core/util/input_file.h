#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace lrlab {

/// Size caps of the files lrlab reads (documented in README, "Limits").
inline constexpr std::uint64_t kMaxJsonFileBytes = std::uint64_t(64)
                                                   << 20; ///< config, session, lesson
inline constexpr std::uint64_t kMaxDatasetFileBytes = std::uint64_t(1)
                                                      << 30; ///< CSV, IDX (compressed)

/// A file that cannot be read as input: not there, not a regular file (directory, device,
/// FIFO, socket), larger than its cap, or a read error. what() is "<file>: <reason>".
class InputFileError : public std::runtime_error
{
public:
    InputFileError(const std::string& file, const std::string& reason);

    /// The file named in the message.
    const std::string& file() const { return m_file; }
    /// Why it cannot be read, without the file name ("is a directory").
    const std::string& reason() const { return m_reason; }

private:
    std::string m_file;
    std::string m_reason;
};

/// A regular file opened for reading, checked before anything is read: it exists, is a
/// regular file (checked with stat before opening, so a FIFO never blocks, and again with fstat
/// on the opened descriptor) and holds at most maxBytes. Closes itself.
class RegularFile
{
public:
    /// Throws InputFileError naming path; `kind` names what the file is in the size message
    /// ("a config file", "a dataset").
    RegularFile(const std::string& path, std::uint64_t maxBytes, const std::string& kind);
    ~RegularFile();
    RegularFile(const RegularFile&) = delete;
    RegularFile& operator=(const RegularFile&) = delete;

    /// The file's size in bytes when it was opened.
    std::uint64_t size() const { return m_size; }

    /// Reads the whole file (at most the cap: a file that grew past it is refused).
    std::string readAll();

    /// Reads at most maxBytes from the start (e.g. a header line).
    std::string readPrefix(std::size_t maxBytes);

    /// Hands the open descriptor to the caller (e.g. gzdopen), which then closes it.
    int releaseDescriptor();

private:
    std::string m_path;
    std::uint64_t m_maxBytes = 0;
    std::string m_kind;
    std::uint64_t m_size = 0;
    int m_fd = -1;
};

/// Reads a whole regular file of at most maxBytes (RegularFile). Throws InputFileError.
std::string readRegularFile(const std::string& path, std::uint64_t maxBytes,
                            const std::string& kind);

/// A byte count for people: "512 bytes", "3.2 MiB", "17 GiB".
std::string formatBytes(std::uint64_t bytes);

/// text with each NUL byte shown as \0 (other characters kept), for exception messages:
/// what() is a C string and would end at the first NUL.
std::string escapeNul(const std::string& text);

/// text with control characters (NUL, CR, ...) shown as \0, \r, \xNN, so a message quoting
/// user input is never cut short or garbled.
std::string escapeControl(const std::string& text);

} // namespace lrlab
