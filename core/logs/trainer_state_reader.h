#pragma once

#include "core/logs/log_file_reader.h"

#include <cstdint>
#include <map>
#include <string>

namespace lrlab {

/// Reads Hugging Face Trainer's trainer_state.json: every entry of log_history with a step adds
/// a point to each of its numeric keys (loss, learning_rate, grad_norm, eval_loss, epoch, ...).
/// JSON cannot be appended to: the whole file is read again whenever its size or modification
/// time changes, and its series replace the ones read before. A file that is not valid JSON
/// (yet) is "not complete yet" while following (the series read before are kept), a problem
/// naming the byte offset when complete.
class TrainerStateReader : public LogFileReader
{
public:
    using LogFileReader::LogFileReader;
    void restart() override;

private:
    void readFrom(const OpenLogFile& file, LogRun& run, bool complete) override;

    std::uint64_t m_readSize = 0;
    std::int64_t m_readModifiedNs = -1;
};

} // namespace lrlab
