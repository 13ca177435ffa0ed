#pragma once

#include "core/logs/log_file_reader.h"

#include <set>
#include <string>
#include <vector>

namespace lrlab {

/// The index of the step column of a CSV header (a column named step, _step, global_step or
/// trainer/global_step, case-insensitive), or -1.
int csvStepColumn(const std::vector<std::string>& header);

/// The cells of one CSV line (RFC 4180 quotes; no line breaks inside a cell).
std::vector<std::string> splitCsvLine(const std::string& line);

/// Reads a CSV log with a step column: Lightning's CSVLogger metrics.csv (sparse rows: an empty
/// cell is no point), W&B's CSV export ("<run> - <tag>" columns; its __MIN/__MAX columns are left
/// out) and lrlab's own trace CSV. Every other column whose cells are numbers is a series named
/// by its header. Lines are read as they are appended; a last line without its line break waits
/// (following) or is read (complete). A file whose header line changed was rewritten in place
/// (Lightning's CSVLogger rewrites metrics.csv when a new metric appears): it is read again.
class CsvLogReader : public LogFileReader
{
public:
    using LogFileReader::LogFileReader;
    void restart() override;

private:
    bool rewrittenAtStart() const override;
    void readFrom(const OpenLogFile& file, LogRun& run, bool complete) override;
    void readLine(std::string line, LogRun& run);
    void readHeader(const std::vector<std::string>& cells, LogRun& run);

    long long m_lineNumber = 0;
    bool m_haveHeader = false;
    std::string m_headerLine; ///< as read, with its line break
    int m_stepColumn = -1;
    std::vector<std::string> m_tags; ///< per column: the series name, "" when left out
    std::set<std::size_t> m_notNumberColumns;
};

} // namespace lrlab
