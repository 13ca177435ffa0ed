#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace lrlab::test {

/// Writes text to the file `name` in dir (replacing it) and returns its path; an empty path when
/// the file cannot be written.
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    return path;
}

/// Writes bytes to the file at path, replacing it; false when it cannot be written in full.
inline bool writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

/// The whole content of the file at path; empty when it cannot be read.
inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// The lines of text without their '\n'; a final newline adds no empty line.
inline QList<QByteArray> lines(const QByteArray& text)
{
    QList<QByteArray> out = text.split('\n');
    if (!out.isEmpty() && out.last().isEmpty())
        out.removeLast();
    return out;
}

/// The lines of the file at path (see lines()); none when it cannot be read.
inline QList<QByteArray> fileLines(const QString& path)
{
    return lines(readFile(path));
}

/// Rows of the CSV file at path, split at commas (for files holding no quoted commas); none when
/// it cannot be read.
inline QList<QStringList> readCsv(const QString& path)
{
    QList<QStringList> rows;
    for (const QByteArray& line : readFile(path).split('\n'))
        if (!line.isEmpty())
            rows << QString::fromUtf8(line).split(QLatin1Char(','));
    return rows;
}

} // namespace lrlab::test
