#pragma once

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace lrlab::fuzz {

/// A regular file that lives in memory (memfd_create), for readers that only take a path: each
/// fuzz input is written to it and the reader opens "/proc/self/fd/N", which is a regular file
/// of exactly the input's bytes. Nothing touches the disk, so millions of inputs cost no I/O.
class MemoryFile
{
public:
    MemoryFile()
    {
        m_fd = memfd_create("lrlab-fuzz-input", 0);
        if (m_fd < 0) {
            std::perror("memfd_create");
            std::abort();
        }
        m_path = "/proc/self/fd/" + std::to_string(m_fd);
    }
    ~MemoryFile() { close(m_fd); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    /// Replaces the file's content with size bytes of data.
    void write(const std::uint8_t* data, std::size_t size)
    {
        if (ftruncate(m_fd, 0) != 0) {
            std::perror("ftruncate");
            std::abort();
        }
        std::size_t done = 0;
        while (done < size) {
            const ssize_t written = pwrite(m_fd, data + done, size - done, off_t(done));
            if (written <= 0) {
                std::perror("pwrite");
                std::abort();
            }
            done += std::size_t(written);
        }
    }

    /// The path that opens the file.
    const std::string& path() const { return m_path; }

private:
    int m_fd = -1;
    std::string m_path;
};

} // namespace lrlab::fuzz
