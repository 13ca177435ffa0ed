#include "core/util/output_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <stdexcept>

#include <sys/stat.h>
#include <unistd.h>

namespace lrlab {

namespace {

QString displayName(const QString& path)
{
    return path == QLatin1String("-") ? QStringLiteral("standard output") : path;
}

std::string named(const QString& path, const std::string& what)
{
    return displayName(path).toStdString() + ": " + what;
}

/// The file type of path, symlinks followed; 0 when it does not exist.
mode_t fileType(const QString& path)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return info.st_mode & S_IFMT;
}

bool writable(const QString& path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

} // namespace

bool isStreamOutput(const QString& path)
{
    if (path == QLatin1String("-"))
        return true;
    const mode_t type = fileType(path);
    return type == S_IFCHR || type == S_IFBLK || type == S_IFIFO || type == S_IFSOCK;
}

void checkOutputFile(const QString& path)
{
    if (path.isEmpty())
        throw std::invalid_argument("an output path is empty");
    if (path == QLatin1String("-"))
        return;
    const mode_t type = fileType(path);
    if (type == S_IFDIR)
        throw std::invalid_argument(named(path, "is a folder, not a file"));
    if (type != 0 && !writable(path))
        throw std::invalid_argument(named(path, "cannot write: permission denied"));
    if (type != 0 && type != S_IFREG)
        return; // a device or FIFO: written in place
    const QString folder = QFileInfo(path).absolutePath();
    const mode_t folderType = fileType(folder);
    if (folderType == 0)
        throw std::invalid_argument(named(path, "cannot write: the folder " +
                                                    QDir::toNativeSeparators(folder).toStdString() +
                                                    " does not exist"));
    if (folderType != S_IFDIR)
        throw std::invalid_argument(
            named(path, "cannot write: " + folder.toStdString() + " is not a folder"));
    if (!writable(folder))
        throw std::invalid_argument(
            named(path, "cannot write: the folder " + folder.toStdString() + " is not writable"));
}

std::string writeFailureMessage(const QString& path, int error)
{
    if (error == ENOSPC || error == EDQUOT)
        return named(path, std::string("the disk is full (") + std::strerror(error) + ")");
    return named(path,
                 "write failed: " + std::string(error != 0 ? std::strerror(error) : "short write"));
}

OutputFile::OutputFile(const QString& path, const QString& shownAs)
    : m_path(path), m_shownAs(shownAs.isEmpty() ? path : shownAs)
{
    if (path.isEmpty())
        throw std::runtime_error("an output path is empty");
    bool opened = false;
    if (path == QLatin1String("-")) {
        // Whatever the program printed before comes first.
        std::cout.flush();
        std::fflush(stdout);
        auto file = std::make_unique<QFile>();
        opened = file->open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered,
                            QFileDevice::DontCloseHandle);
        m_file = std::move(file);
    } else if (isStreamOutput(path)) {
        auto file = std::make_unique<QFile>(path);
        opened = file->open(QIODevice::WriteOnly | QIODevice::Unbuffered);
        m_file = std::move(file);
    } else {
        auto file = std::make_unique<QSaveFile>(path);
        opened = file->open(QIODevice::WriteOnly | QIODevice::Unbuffered);
        m_file = std::move(file);
        m_atomic = true;
    }
    if (!opened)
        throw std::runtime_error(
            named(m_shownAs, "cannot write: " + m_file->errorString().toStdString()));
}

OutputFile::~OutputFile() = default;

std::string OutputFile::tryWrite(const char* data, qint64 size) noexcept
{
    if (m_failed)
        return named(m_shownAs, "an earlier write failed");
    while (size > 0) {
        errno = 0;
        const qint64 written = m_file->write(data, size);
        if (written <= 0) {
            // An unbuffered write reports a short count first and -1 with errno on the next.
            const int error = errno;
            m_failed = true;
            return writeFailureMessage(m_shownAs, error);
        }
        data += written;
        size -= written;
    }
    return {};
}

void OutputFile::write(const char* data, qint64 size)
{
    const std::string error = tryWrite(data, size);
    if (!error.empty())
        throw std::runtime_error(error);
}

void OutputFile::commit()
{
    if (m_failed)
        throw std::runtime_error(named(m_shownAs, "an earlier write failed"));
    if (m_atomic) {
        auto* file = static_cast<QSaveFile*>(m_file.get());
        errno = 0;
        if (!file->commit()) {
            const int error = errno;
            throw std::runtime_error(
                error != 0
                    ? writeFailureMessage(m_shownAs, error)
                    : named(m_shownAs, "write failed: " + file->errorString().toStdString()));
        }
        return;
    }
    m_file->close();
}

void writeOutputFile(const QString& path, const QByteArray& bytes)
{
    OutputFile file(path);
    file.write(bytes);
    file.commit();
}

} // namespace lrlab
