#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <ostream>
#include <utility>
#include <vector>

namespace lrlab {

/// The files of one output folder (e.g. a run's trace folder), committed together: either all
/// of them replace the folder's previous set, or the folder is left as it was.
///
/// The family names every file lrlab writes into such a folder. commit() writes the added files
/// into a hidden staging folder (inside the folder, or next to it when the folder is new), then
/// moves them into place, moving the family's previous files aside, and removes the family's
/// files this set does not have (a toy run leaves no model run's batches.csv behind); on a
/// failure the moved files are put back. Files outside the family are never touched.
class OutputSet
{
public:
    /// folder: the output folder (created on commit, with its parents); family: the file names
    /// that belong to such a folder.
    OutputSet(QString folder, QStringList family);

    /// Checks, before any work, that the folder can take the set: it is a writable folder, or
    /// does not exist and its nearest existing ancestor is a writable folder; no name of the
    /// family in it is a folder. Throws std::invalid_argument naming the path.
    void check() const;

    /// Adds a file (name must be in the family) with its content.
    void add(const QString& name, QByteArray bytes);
    /// Adds a file whose content write produces.
    void add(const QString& name, const std::function<void(std::ostream&)>& write);

    /// Writes and moves the set into place (see the class). Throws std::runtime_error naming
    /// the file that failed (a full disk is named as such); the folder is then unchanged.
    void commit();

    const QString& folder() const { return m_folder; }

private:
    QString m_folder;
    QStringList m_family;
    std::vector<std::pair<QString, QByteArray>> m_files;
};

} // namespace lrlab
