#pragma once

#include "core/logs/log_file_reader.h"

#include <memory>
#include <set>
#include <string>

namespace lrlab {

/// Reads a TensorBoard event file: TFRecord framing (uint64 length, masked CRC-32C of the
/// length, the data, masked CRC-32C of the data; both CRCs checked) around Event protobufs. The
/// scalars of each Event's Summary become points: simple_value, or a one-element DT_FLOAT or
/// DT_DOUBLE tensor (float_val, double_val or tensor_content). A record whose data CRC does not
/// match is skipped and counted; a length whose CRC does not match is counted once and the
/// reader looks for the next valid record header. Other values (histograms, images, text) are
/// named once per tag as "not a scalar". A record cut at the end of the file waits (following)
/// or is reported (complete).
class TfEventFileReader : public LogFileReader
{
public:
    explicit TfEventFileReader(std::string path);
    ~TfEventFileReader() override;
    void restart() override;

private:
    struct Parser;
    void readFrom(const OpenLogFile& file, LogRun& run, bool complete) override;
    /// Reads the complete records of chunk (at file offset offset()); returns the bytes used.
    std::size_t readRecords(const std::string& chunk, LogRun& run);
    void readEvent(const char* data, std::size_t size, std::uint64_t at, LogRun& run);
    std::string recordLocation(std::uint64_t at) const;

    std::unique_ptr<Parser> m_parser;
    long long m_recordIndex = 0;    ///< records seen (read or skipped)
    std::size_t m_bytesNeeded = 0;  ///< the size of the incomplete record at offset()
    bool m_searchingHeader = false; ///< after a bad length CRC, until a valid header
    std::set<std::string> m_notScalarTags;
};

} // namespace lrlab
