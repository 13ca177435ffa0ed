#include "core/logs/csv_log_reader.h"

#include "core/util/input_file.h"

#include <QString>

#include <charconv>
#include <cmath>

namespace lrlab {

namespace {

constexpr std::size_t kChunkBytes = std::size_t(16) << 20;

bool parseDouble(const std::string& text, double& value)
{
    const char* first = text.data();
    const char* last = first + text.size();
    while (first < last && *first == ' ')
        ++first;
    while (last > first && last[-1] == ' ')
        --last;
    if (first < last && *first == '+')
        ++first;
    const auto [end, error] = std::from_chars(first, last, value);
    return error == std::errc() && end == last && first < last;
}

/// A step written as an integer, or as a number with an integer value ("4.0").
bool parseStep(const std::string& text, std::int64_t& step)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), step);
    if (error == std::errc() && end == text.data() + text.size() && !text.empty())
        return true;
    double value = 0.0;
    if (!parseDouble(text, value) || !std::isfinite(value) || value != std::floor(value) ||
        std::fabs(value) > 9.0e18)
        return false;
    step = static_cast<std::int64_t>(value);
    return true;
}

} // namespace

int csvStepColumn(const std::vector<std::string>& header)
{
    static const char* const names[] = {"step", "_step", "global_step", "trainer/global_step"};
    for (const char* name : names)
        for (std::size_t i = 0; i < header.size(); ++i)
            if (QString::fromStdString(header[i]).trimmed().compare(QLatin1String(name),
                                                                    Qt::CaseInsensitive) == 0)
                return static_cast<int>(i);
    return -1;
}

std::vector<std::string> splitCsvLine(const std::string& line)
{
    std::vector<std::string> cells(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                cells.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cells.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            cells.emplace_back();
        } else {
            cells.back() += c;
        }
    }
    return cells;
}

bool CsvLogReader::rewrittenAtStart() const
{
    if (m_headerLine.empty())
        return false;
    try {
        return OpenLogFile(path()).read(0, m_headerLine.size()) != m_headerLine;
    } catch (const InputFileError&) {
        return false; // gone for now: readAppended() reports it
    }
}

void CsvLogReader::restart()
{
    LogFileReader::restart();
    m_headerLine.clear();
    m_lineNumber = 0;
    m_haveHeader = false;
    m_stepColumn = -1;
    m_tags.clear();
    m_notNumberColumns.clear();
}

void CsvLogReader::readFrom(const OpenLogFile& file, LogRun& run, bool complete)
{
    while (offset() < file.size()) {
        const std::uint64_t left = file.size() - offset();
        const std::string chunk = file.read(
            offset(), static_cast<std::size_t>(std::min<std::uint64_t>(kChunkBytes, left)));
        const bool toEnd = chunk.size() >= left;
        std::size_t start = 0;
        for (std::size_t newline = chunk.find('\n'); newline != std::string::npos;
             newline = chunk.find('\n', start)) {
            if (!m_haveHeader && offset() == 0 && start == 0)
                m_headerLine = chunk.substr(0, newline + 1);
            readLine(chunk.substr(start, newline - start), run);
            start = newline + 1;
        }
        if (toEnd && complete && start < chunk.size()) {
            readLine(chunk.substr(start), run); // the last line, without its line break
            start = chunk.size();
        }
        setOffset(offset() + start);
        if (toEnd || start == 0)
            break; // the end, or a line longer than a chunk (left for a later read)
    }
}

void CsvLogReader::readHeader(const std::vector<std::string>& cells, LogRun& run)
{
    m_haveHeader = true;
    m_stepColumn = csvStepColumn(cells);
    if (m_stepColumn < 0) {
        addProblem(run, "line " + std::to_string(m_lineNumber),
                   "no step column (step, _step, global_step) in the header: not a training log");
        return;
    }
    m_tags.assign(cells.size(), std::string());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (static_cast<int>(i) == m_stepColumn)
            continue;
        QString name = QString::fromStdString(cells[i]).trimmed();
        // W&B's export: "<run name> - <tag>", and the __MIN/__MAX band of each tag.
        if (name.endsWith("__MIN") || name.endsWith("__MAX"))
            continue;
        const qsizetype dash = name.lastIndexOf(" - ");
        if (dash >= 0)
            name = name.mid(dash + 3);
        if (!name.isEmpty())
            m_tags[i] = name.toStdString();
    }
}

void CsvLogReader::readLine(std::string line, LogRun& run)
{
    ++m_lineNumber;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    if (line.empty())
        return;
    const std::vector<std::string> cells = splitCsvLine(line);
    if (!m_haveHeader) {
        readHeader(cells, run);
        return;
    }
    if (m_stepColumn < 0)
        return;
    const std::string location = "line " + std::to_string(m_lineNumber);
    if (cells.size() != m_tags.size()) {
        addProblem(run, location,
                   std::to_string(cells.size()) + " cells where the header has " +
                       std::to_string(m_tags.size()) + ": line left out");
        return;
    }
    std::int64_t step = 0;
    if (!parseStep(cells[static_cast<std::size_t>(m_stepColumn)], step)) {
        addProblem(run, location,
                   "the step '" + cells[static_cast<std::size_t>(m_stepColumn)] +
                       "' is not an integer: line left out");
        return;
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (m_tags[i].empty() || cells[i].empty())
            continue;
        double value = 0.0;
        if (parseDouble(cells[i], value)) {
            run.series[m_tags[i]].push_back({step, value});
        } else if (m_notNumberColumns.insert(i).second) {
            addProblem(run, location,
                       "column '" + m_tags[i] + "' holds '" + cells[i] +
                           "', not a number: such cells are left out");
        }
    }
}

} // namespace lrlab
