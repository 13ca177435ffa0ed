#include "core/util/input_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace lrlab {

namespace {

std::string typeName(mode_t mode)
{
    if (S_ISDIR(mode))
        return "is a directory";
    if (S_ISFIFO(mode))
        return "is a FIFO (named pipe), not a regular file";
    if (S_ISCHR(mode))
        return "is a character device, not a regular file";
    if (S_ISBLK(mode))
        return "is a block device, not a regular file";
    if (S_ISSOCK(mode))
        return "is a socket, not a regular file";
    return "is not a regular file";
}

std::string systemError(int errnum)
{
    if (errnum == ENOENT)
        return "the file does not exist";
    return std::strerror(errnum);
}

} // namespace

InputFileError::InputFileError(const std::string& file, const std::string& reason)
    : std::runtime_error(file + ": " + reason), m_file(file), m_reason(reason)
{
}

RegularFile::RegularFile(const std::string& path, std::uint64_t maxBytes, const std::string& kind)
    : m_path(path), m_maxBytes(maxBytes), m_kind(kind)
{
    if (path.empty())
        throw InputFileError("\"\"", "no file name given");
    struct stat info
    {
    };
    if (::stat(path.c_str(), &info) != 0)
        throw InputFileError(path, "cannot read: " + systemError(errno));
    if (!S_ISREG(info.st_mode))
        throw InputFileError(path, typeName(info.st_mode));
    // O_NONBLOCK: should the path become a FIFO between stat and open, open does not wait.
    m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (m_fd < 0)
        throw InputFileError(path, "cannot open: " + systemError(errno));
    if (::fstat(m_fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(m_fd);
        m_fd = -1;
        throw InputFileError(path, typeName(info.st_mode));
    }
    m_size = static_cast<std::uint64_t>(info.st_size);
    if (m_size > maxBytes) {
        ::close(m_fd);
        m_fd = -1;
        throw InputFileError(path, "is " + formatBytes(m_size) + ", more than the " +
                                       formatBytes(maxBytes) + " " + kind + " may have");
    }
}

RegularFile::~RegularFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::string RegularFile::readAll()
{
    std::string text;
    text.resize(static_cast<std::size_t>(m_size));
    std::size_t done = 0;
    while (true) {
        if (done == text.size()) {
            // The file may have grown since fstat: read on, up to the cap.
            if (text.size() > m_maxBytes)
                throw InputFileError(m_path, "grew past the " + formatBytes(m_maxBytes) + " " +
                                                 m_kind + " may have while it was read");
            text.resize(text.size() + 4096);
        }
        const ssize_t got = ::read(m_fd, text.data() + done, text.size() - done);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throw InputFileError(m_path, "read error: " + systemError(errno));
        }
        if (got == 0)
            break;
        done += static_cast<std::size_t>(got);
    }
    text.resize(done);
    return text;
}

std::string RegularFile::readPrefix(std::size_t maxBytes)
{
    std::string text(std::min<std::uint64_t>(maxBytes, m_size), '\0');
    const ssize_t got = ::pread(m_fd, text.data(), text.size(), 0);
    if (got < 0)
        throw InputFileError(m_path, "read error: " + systemError(errno));
    text.resize(static_cast<std::size_t>(got));
    return text;
}

int RegularFile::releaseDescriptor()
{
    const int fd = m_fd;
    m_fd = -1;
    return fd;
}

std::string readRegularFile(const std::string& path, std::uint64_t maxBytes,
                            const std::string& kind)
{
    RegularFile file(path, maxBytes, kind);
    return file.readAll();
}

std::string formatBytes(std::uint64_t bytes)
{
    static const char* const units[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    if (bytes < 1024)
        return std::to_string(bytes) + " bytes";
    // Integer arithmetic only: the text is the same in every locale.
    int unit = 0;
    std::uint64_t whole = bytes >> 10;
    std::uint64_t scaled = bytes; // bytes / 1024^(unit) before the last division
    while (whole >= 1024 && unit < 5) {
        scaled = whole;
        whole >>= 10;
        ++unit;
    }
    if (unit == 0)
        scaled = bytes;
    if (whole >= 10)
        return std::to_string(whole) + " " + units[unit];
    const std::uint64_t tenths = (scaled % 1024) * 10 / 1024;
    if (tenths == 0)
        return std::to_string(whole) + " " + units[unit];
    return std::to_string(whole) + "." + std::to_string(tenths) + " " + units[unit];
}

std::string escapeNul(const std::string& text)
{
    if (text.find('\0') == std::string::npos)
        return text;
    std::string out;
    for (const char c : text) {
        if (c == '\0')
            out += "\\0";
        else
            out += c;
    }
    return out;
}

std::string escapeControl(const std::string& text)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == 0)
            out += "\\0";
        else if (c == '\r')
            out += "\\r";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (byte < 0x20 || byte == 0x7f) {
            out += "\\x";
            out += digits[byte >> 4];
            out += digits[byte & 15];
        } else
            out += c;
    }
    return out;
}

} // namespace lrlab
