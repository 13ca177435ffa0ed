#pragma once

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
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

} // namespace lrlab::test
