#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace lrlab::fuzz {

/// A regular file for readers that only take a path: each fuzz input is written to it, then the
/// reader opens path(). It lives in /dev/shm (memory) when that exists, else in $TMPDIR or
/// /tmp, and is removed when the harness exits. A real file rather than a /proc/self/fd link,
/// so "regular files only" checks see what a user's file would be.
class InputFile
{
public:
    /// suffix: the file name's extension, e.g. ".csv".
    explicit InputFile(const std::string& suffix)
    {
        const char* tmp = std::getenv("TMPDIR");
        const std::string dir =
            access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (tmp != nullptr ? tmp : "/tmp");
        std::string pattern = dir + "/lrlab-fuzz-XXXXXX" + suffix;
        std::vector<char> name(pattern.begin(), pattern.end());
        name.push_back('\0');
        m_fd = mkstemps(name.data(), static_cast<int>(suffix.size()));
        if (m_fd < 0) {
            std::perror("lrlab fuzz: mkstemps");
            std::abort();
        }
        m_path = name.data();
    }
    ~InputFile()
    {
        close(m_fd);
        unlink(m_path.c_str());
    }
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    /// Replaces the file's content with size bytes of data.
    void write(const std::uint8_t* data, std::size_t size)
    {
        if (ftruncate(m_fd, 0) != 0) {
            std::perror("lrlab fuzz: ftruncate");
            std::abort();
        }
        std::size_t done = 0;
        while (done < size) {
            const ssize_t written = pwrite(m_fd, data + done, size - done, off_t(done));
            if (written <= 0) {
                std::perror("lrlab fuzz: pwrite");
                std::abort();
            }
            done += std::size_t(written);
        }
    }

    /// The file's path.
    const std::string& path() const { return m_path; }

private:
    int m_fd = -1;
    std::string m_path;
};

} // namespace lrlab::fuzz
