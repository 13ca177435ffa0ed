#pragma once

#include "core/datasets/dataset.h"

#include <string>

namespace lrlab {

/// The most classes a CSV dataset may have unless every class 0..K-1 occurs in it: a stray
/// large label (99999 among 150 rows) would otherwise build an output layer of that many units.
inline constexpr int kMaxSparseClasses = 1000;

/// Loads a CSV dataset: one header line of column names, then one sample per line, numbers
/// only; the last column is `label` (classification, integer classes from 0) or `target`
/// (regression). Tolerates CRLF line ends, a missing or extra trailing newline, blank lines and
/// spaces or tabs around cells. Numbers are parsed with std::from_chars, so the result never
/// depends on the C or C++ locale.
///
/// Throws DatasetError ("path:line: what") for: an unreadable or empty file, a missing header,
/// a last column that is neither `label` nor `target`, a ragged row, a non-numeric or empty cell
/// (naming the column), a non-finite value, a non-integer or negative label, fewer than two
/// classes, more than kMaxSparseClasses classes of which some never occur, or no data rows;
/// and for a path that is not a regular file (directory, device, FIFO) or is larger than
/// kMaxDatasetFileBytes (nothing is read then). Line ends may be LF, CR LF or CR.
///
/// name: the Dataset's name; empty = the file name without directory and extension.
Dataset loadCsvDataset(const std::string& path, const std::string& name = {});

} // namespace lrlab
