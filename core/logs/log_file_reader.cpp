#include "core/logs/log_file_reader.h"

#include "core/util/input_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace lrlab {

OpenLogFile::OpenLogFile(const std::string& path) : m_path(path)
{
    RegularFile file(path, kMaxLogFileBytes, "a training log");
    m_fd = file.releaseDescriptor();
    struct stat info
    {
    };
    if (::fstat(m_fd, &info) != 0) {
        const int error = errno;
        ::close(m_fd);
        throw InputFileError(path, std::string("cannot read: ") + std::strerror(error));
    }
    m_size = static_cast<std::uint64_t>(info.st_size);
    m_device = static_cast<std::uint64_t>(info.st_dev);
    m_inode = static_cast<std::uint64_t>(info.st_ino);
    m_modifiedNs = static_cast<std::int64_t>(info.st_mtim.tv_sec) * 1000000000 +
                   static_cast<std::int64_t>(info.st_mtim.tv_nsec);
}

OpenLogFile::~OpenLogFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::string OpenLogFile::read(std::uint64_t offset, std::size_t count) const
{
    std::string bytes(count, '\0');
    std::size_t done = 0;
    while (done < count) {
        const ssize_t got =
            ::pread(m_fd, bytes.data() + done, count - done, static_cast<off_t>(offset + done));
        if (got < 0) {
            if (errno == EINTR)
                continue;
            throw InputFileError(m_path, std::string("read error: ") + std::strerror(errno));
        }
        if (got == 0)
            break;
        done += static_cast<std::size_t>(got);
    }
    bytes.resize(done);
    return bytes;
}

bool LogFileReader::replacedOrTruncated() const
{
    if (!m_identityKnown)
        return false;
    struct stat info
    {
    };
    if (::stat(m_path.c_str(), &info) != 0)
        return false; // gone for now: readAppended() reports it, what was read is kept
    return static_cast<std::uint64_t>(info.st_dev) != m_device ||
           static_cast<std::uint64_t>(info.st_ino) != m_inode ||
           static_cast<std::uint64_t>(info.st_size) < m_offset || rewrittenAtStart();
}

void LogFileReader::restart()
{
    m_offset = 0;
    m_identityKnown = false;
    m_openError.clear();
}

void LogFileReader::readAppended(LogRun& run, bool complete)
{
    try {
        const OpenLogFile file(m_path);
        m_openError.clear();
        m_identityKnown = true;
        m_device = file.device();
        m_inode = file.inode();
        readFrom(file, run, complete);
    } catch (const InputFileError& e) {
        // Reported once while it lasts: a follower polls every few hundred milliseconds.
        if (e.reason() != m_openError)
            addProblem(run, "", e.reason());
        m_openError = e.reason();
    }
}

void LogFileReader::addProblem(LogRun& run, const std::string& location,
                               const std::string& message) const
{
    run.problems.push_back({m_path, location, message});
}

} // namespace lrlab
