#include "core/util/output_set.h"

#include "core/util/output_file.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include <sys/stat.h>
#include <unistd.h>

namespace lrlab {

namespace {

enum class Entry { Missing, Folder, RegularFile, Other };

/// What path is, symlinks followed (a dangling link is Other).
Entry entryAt(const QString& path)
{
    struct stat info
    {
    };
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &info) != 0)
        return ::lstat(native.constData(), &info) == 0 ? Entry::Other : Entry::Missing;
    if (S_ISDIR(info.st_mode))
        return Entry::Folder;
    return S_ISREG(info.st_mode) ? Entry::RegularFile : Entry::Other;
}

bool exists(const QString& path)
{
    struct stat info
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0;
}

bool writable(const QString& path)
{
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0;
}

/// rename(2); the message names what was moved, empty on success.
std::string moveEntry(const QString& from, const QString& to, const QString& shownAs)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return {};
    return shownAs.toStdString() + ": cannot move into place: " + std::strerror(errno);
}

/// A new, empty hidden folder in parent (mkdir honours the umask, unlike a QTemporaryDir).
QString makeStagingFolder(const QString& parent, const QString& stem)
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        const QString path =
            parent + "/." + stem + ".lrlab-" +
            QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffULL, 36);
        if (QDir().mkdir(path))
            return path;
        if (!exists(path))
            break;
    }
    throw std::runtime_error(parent.toStdString() +
                             ": cannot create a staging folder: " + std::strerror(errno));
}

/// Removes the staging folder (and whatever is left in it) when it goes out of scope.
class StagingFolder
{
public:
    explicit StagingFolder(QString path) : m_path(std::move(path)) {}
    ~StagingFolder()
    {
        if (!m_path.isEmpty())
            QDir(m_path).removeRecursively();
    }
    StagingFolder(const StagingFolder&) = delete;
    StagingFolder& operator=(const StagingFolder&) = delete;
    const QString& path() const { return m_path; }
    void release() { m_path.clear(); }

private:
    QString m_path;
};

} // namespace

OutputSet::OutputSet(QString folder, QStringList family)
    : m_folder(std::move(folder)), m_family(std::move(family))
{
}

void OutputSet::check() const
{
    if (m_folder.isEmpty())
        throw std::invalid_argument("an output folder is empty");
    const std::string shown = m_folder.toStdString();
    switch (entryAt(m_folder)) {
    case Entry::Folder:
        if (!writable(m_folder))
            throw std::invalid_argument(shown + ": cannot write: the folder is not writable");
        for (const QString& name : m_family) {
            const QString path = m_folder + '/' + name;
            const Entry entry = entryAt(path);
            if (entry == Entry::Folder)
                throw std::invalid_argument(path.toStdString() +
                                            ": is a folder; lrlab writes a file of that name here");
            if (entry == Entry::Other)
                throw std::invalid_argument(path.toStdString() +
                                            ": is not a regular file; lrlab writes a file of that "
                                            "name here");
        }
        return;
    case Entry::Missing: {
        QString ancestor = QFileInfo(m_folder).absoluteFilePath();
        do
            ancestor = QFileInfo(ancestor).absolutePath();
        while (entryAt(ancestor) == Entry::Missing && ancestor != QLatin1String("/"));
        if (entryAt(ancestor) != Entry::Folder)
            throw std::invalid_argument(shown + ": cannot create the folder: " +
                                        ancestor.toStdString() + " is not a folder");
        if (!writable(ancestor))
            throw std::invalid_argument(shown + ": cannot create the folder: " +
                                        ancestor.toStdString() + " is not writable");
        return;
    }
    case Entry::RegularFile:
    case Entry::Other:
        throw std::invalid_argument(shown + ": is not a folder");
    }
}

void OutputSet::add(const QString& name, QByteArray bytes)
{
    if (!m_family.contains(name))
        throw std::logic_error("OutputSet: " + name.toStdString() + " is not in the family");
    m_files.emplace_back(name, std::move(bytes));
}

void OutputSet::add(const QString& name, const std::function<void(std::ostream&)>& write)
{
    std::ostringstream out;
    write(out);
    const std::string text = out.str();
    add(name, QByteArray(text.data(), static_cast<qsizetype>(text.size())));
}

void OutputSet::commit()
{
    check();
    const bool existed = entryAt(m_folder) == Entry::Folder;
    // A new folder is staged next to it and renamed into place whole; an existing one gets its
    // staging folder inside, so every move stays on one file system.
    const QString target = QFileInfo(m_folder).absoluteFilePath();
    const QString parent = QFileInfo(target).absolutePath();
    if (!existed && !QDir().mkpath(parent))
        throw std::runtime_error(parent.toStdString() + ": cannot create the folder");
    StagingFolder staging(existed ? makeStagingFolder(target, QStringLiteral("staging"))
                                  : makeStagingFolder(parent, QFileInfo(target).fileName()));
    for (const auto& [name, bytes] : m_files) {
        OutputFile file(staging.path() + '/' + name, m_folder + '/' + name);
        file.write(bytes);
        file.commit();
    }
    if (!existed) {
        const std::string error = moveEntry(staging.path(), target, m_folder);
        if (!error.empty())
            throw std::runtime_error(error);
        staging.release();
        return;
    }

    // Move the family's previous files aside, then the new ones in; undo on a failure.
    const QString previous = staging.path() + "/previous";
    if (!QDir().mkdir(previous))
        throw std::runtime_error(previous.toStdString() + ": cannot create the folder");
    std::vector<QString> movedAside;
    std::vector<QString> placed;
    std::string error;
    for (const QString& name : m_family) {
        if (!exists(target + '/' + name))
            continue;
        error = moveEntry(target + '/' + name, previous + '/' + name, m_folder + '/' + name);
        if (!error.empty())
            break;
        movedAside.push_back(name);
    }
    for (std::size_t i = 0; error.empty() && i < m_files.size(); ++i) {
        const QString& name = m_files[i].first;
        error = moveEntry(staging.path() + '/' + name, target + '/' + name, m_folder + '/' + name);
        if (error.empty())
            placed.push_back(name);
    }
    if (error.empty())
        return;
    for (const QString& name : placed)
        QFile::remove(target + '/' + name);
    for (const QString& name : movedAside)
        moveEntry(previous + '/' + name, target + '/' + name, name);
    throw std::runtime_error(error);
}

} // namespace lrlab
