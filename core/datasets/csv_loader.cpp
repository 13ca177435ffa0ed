#include "core/datasets/csv_loader.h"

#include "core/util/input_file.h"

#include <charconv>
#include <cmath>
#include <set>
#include <string_view>
#include <system_error>

namespace lrlab {

namespace {

/// Labels at or above this are taken as a mislabelled regression column rather than classes
/// (the output layer would have that many units).
constexpr double kMaxLabel = 100000.0;

std::string_view trim(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

/// Splits one line at commas (no quoting: every cell of a dataset is a bare number or name).
void splitCells(std::string_view line, std::vector<std::string_view>& cells)
{
    cells.clear();
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = line.find(',', start);
        if (comma == std::string_view::npos) {
            cells.push_back(trim(line.substr(start)));
            return;
        }
        cells.push_back(trim(line.substr(start, comma - start)));
        start = comma + 1;
    }
}

enum class ParseResult { Ok, NotANumber, OutOfRange };

/// std::from_chars is locale-independent (unlike strtod under a German LC_NUMERIC) and exact
/// (correctly rounded). It accepts "nan" and "inf"; the caller rejects non-finite values.
ParseResult parseNumber(std::string_view cell, double& value)
{
    if (!cell.empty() && cell.front() == '+')
        cell.remove_prefix(1);
    if (cell.empty())
        return ParseResult::NotANumber;
    const char* first = cell.data();
    const char* last = cell.data() + cell.size();
    const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
    if (ec == std::errc::result_out_of_range)
        return ParseResult::OutOfRange;
    if (ec != std::errc() || ptr != last)
        return ParseResult::NotANumber;
    return ParseResult::Ok;
}

std::string quoted(std::string_view text)
{
    return "'" + escapeControl(std::string(text)) + "'";
}

std::string fileStem(const std::string& path)
{
    std::size_t start = path.find_last_of('/');
    start = start == std::string::npos ? 0 : start + 1;
    std::size_t end = path.find_last_of('.');
    if (end == std::string::npos || end < start)
        end = path.size();
    return path.substr(start, end - start);
}

bool isBlank(std::string_view line)
{
    return trim(line).empty();
}

} // namespace

Dataset loadCsvDataset(const std::string& path, const std::string& name)
{
    std::string text;
    try {
        text = readRegularFile(path, kMaxDatasetFileBytes, "a dataset file");
    } catch (const InputFileError& e) {
        throw DatasetError(path, 0, e.reason());
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw DatasetError(path, 1, "the file is empty (expected a header line of column names)");

    Dataset dataset;
    dataset.name = name.empty() ? fileStem(path) : name;
    dataset.sourcePath = path;

    std::vector<std::string_view> cells;
    std::string_view rest(text);
    // Spreadsheets often save UTF-8 with a byte-order mark; it is not part of the first name.
    if (rest.substr(0, 3) == "\xEF\xBB\xBF")
        rest.remove_prefix(3);
    int lineNumber = 0;
    int firstDataLine = 0;
    int columns = 0;
    std::string lastColumn;
    int maxLabel = -1;
    int maxLabelLine = 0;
    std::set<int> classesSeen;
    int labelLine = 0; // first line whose label differs from the first row's
    int firstLabel = -1;

    while (!rest.empty()) {
        // A line ends at LF, CR LF or a lone CR (classic Mac OS files).
        const std::size_t lineEnd = rest.find_first_of("\r\n");
        const std::string_view line = rest.substr(0, lineEnd);
        std::size_t next = lineEnd == std::string_view::npos ? rest.size() : lineEnd + 1;
        if (lineEnd != std::string_view::npos && rest[lineEnd] == '\r' && next < rest.size() &&
            rest[next] == '\n')
            ++next;
        rest = rest.substr(next);
        ++lineNumber;

        if (lineNumber == 1) {
            if (isBlank(line))
                throw DatasetError(path, 1,
                                   "no header: the first line is empty (expected column names "
                                   "ending in label or target)");
            splitCells(line, cells);
            columns = static_cast<int>(cells.size());
            bool allNumbers = true;
            for (std::string_view cell : cells) {
                double unused = 0.0;
                if (parseNumber(cell, unused) != ParseResult::Ok)
                    allNumbers = false;
            }
            if (allNumbers)
                throw DatasetError(path, 1,
                                   "no header: the first line holds numbers (expected column "
                                   "names ending in label or target)");
            lastColumn = std::string(cells.back());
            if (lastColumn != "label" && lastColumn != "target")
                throw DatasetError(path, 1,
                                   "the last column is " + quoted(lastColumn) +
                                       ": it must be named label or target (label for "
                                       "classification, target for regression)");
            if (columns < 2)
                throw DatasetError(path, 1, "no feature columns before " + quoted(lastColumn));
            std::set<std::string_view> seen;
            for (int c = 0; c < columns; ++c) {
                const std::string_view cell = cells[static_cast<std::size_t>(c)];
                if (cell.empty())
                    throw DatasetError(path, 1, "column " + std::to_string(c + 1) + " has no name");
                if (!seen.insert(cell).second)
                    throw DatasetError(path, 1, "duplicate column name " + quoted(cell));
            }
            for (int c = 0; c + 1 < columns; ++c)
                dataset.featureNames.emplace_back(cells[static_cast<std::size_t>(c)]);
            dataset.features = columns - 1;
            dataset.task = lastColumn == "label" ? TaskKind::Classification : TaskKind::Regression;
            continue;
        }

        if (isBlank(line)) // a trailing newline or spacing lines: nothing to read
            continue;
        splitCells(line, cells);
        if (static_cast<int>(cells.size()) != columns)
            throw DatasetError(path, lineNumber,
                               "ragged row: expected " + std::to_string(columns) + " cells, got " +
                                   std::to_string(cells.size()));
        if (firstDataLine == 0)
            firstDataLine = lineNumber;

        for (int c = 0; c < columns; ++c) {
            const std::string_view cell = cells[static_cast<std::size_t>(c)];
            const std::string columnName =
                c + 1 < columns ? dataset.featureNames[static_cast<std::size_t>(c)] : lastColumn;
            double value = 0.0;
            const ParseResult result = parseNumber(cell, value);
            if (result == ParseResult::OutOfRange)
                throw DatasetError(path, lineNumber,
                                   "value " + quoted(cell) + " in column " + quoted(columnName) +
                                       " is out of the range of a double");
            if (result != ParseResult::Ok)
                throw DatasetError(path, lineNumber,
                                   (cell.empty() ? std::string("empty cell")
                                                 : "non-numeric cell " + quoted(cell)) +
                                       " in column " + quoted(columnName));
            if (!std::isfinite(value))
                throw DatasetError(path, lineNumber,
                                   "non-finite value " + quoted(cell) + " in column " +
                                       quoted(columnName));
            if (c + 1 < columns) {
                dataset.values.push_back(value);
            } else if (dataset.task == TaskKind::Regression) {
                dataset.targets.push_back(value);
            } else {
                if (value < 0.0)
                    throw DatasetError(path, lineNumber,
                                       "negative label " + quoted(cell) +
                                           " (classes are numbered from 0)");
                if (value != std::floor(value))
                    throw DatasetError(path, lineNumber,
                                       "non-integer label " + quoted(cell) +
                                           " (classes are integers from 0)");
                if (value >= kMaxLabel)
                    throw DatasetError(path, lineNumber,
                                       "label " + quoted(cell) +
                                           " is too large for a class index (a real-valued "
                                           "column should be named target)");
                const int label = static_cast<int>(value);
                if (firstLabel < 0)
                    firstLabel = label;
                else if (labelLine == 0 && label != firstLabel)
                    labelLine = lineNumber;
                if (label > maxLabel) {
                    maxLabel = label;
                    maxLabelLine = lineNumber;
                }
                classesSeen.insert(label);
                dataset.labels.push_back(label);
            }
        }
        ++dataset.rows;
    }

    if (dataset.rows == 0)
        throw DatasetError(path, 1, "no data rows: the file holds only the header");
    if (dataset.task == TaskKind::Classification) {
        if (labelLine == 0)
            throw DatasetError(path, firstDataLine,
                               "only one class (every label is " + std::to_string(firstLabel) +
                                   "); classification needs at least 2");
        const int classes = maxLabel + 1;
        const auto present = static_cast<int>(classesSeen.size());
        if (classes > kMaxSparseClasses && present < classes)
            throw DatasetError(
                path, maxLabelLine,
                "label " + std::to_string(maxLabel) + " makes " + std::to_string(classes) +
                    " classes but only " + std::to_string(present) +
                    " of them occur: labels must be 0..K-1 with K <= " +
                    std::to_string(kMaxSparseClasses) + ", or every class 0..K-1 present");
        dataset.numClasses = classes;
    }
    return dataset;
}

} // namespace lrlab
