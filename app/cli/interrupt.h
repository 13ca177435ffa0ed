#pragma once

#include "core/engine/run_status.h"

#include <stdexcept>
#include <string>

namespace lrlab::cli {

/// A run stopped by SIGINT or SIGTERM: the CLI prints the message, writes nothing and exits
/// with 128 + the signal number (130, 143).
class Interrupted : public std::runtime_error
{
public:
    explicit Interrupted(int signalNumber);
    int signalNumber() const { return m_signal; }

private:
    int m_signal = 0;
};

/// Installs SIGINT and SIGTERM handlers that raise interruptFlag() (an atomic store, which is
/// async-signal-safe). The handlers reset themselves: a second signal ends the process at once.
void installInterruptHandlers();

/// The cancel flag the handlers raise; every long computation of the CLI checks it.
const CancelFlag* interruptFlag();

/// Throws Interrupted when a signal has arrived. Called after computing, before any output.
void throwIfInterrupted();

} // namespace lrlab::cli
