#include "app/cli/interrupt.h"

#include <csignal>
#include <cstring>

namespace lrlab::cli {

namespace {

CancelFlag g_interrupted{false};
volatile std::sig_atomic_t g_signal = 0;

static_assert(CancelFlag::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void onInterrupt(int signalNumber)
{
    g_signal = signalNumber;
    g_interrupted.store(true, std::memory_order_relaxed);
}

std::string signalName(int signalNumber)
{
    if (signalNumber == SIGINT)
        return "SIGINT";
    if (signalNumber == SIGTERM)
        return "SIGTERM";
    return "signal " + std::to_string(signalNumber);
}

} // namespace

Interrupted::Interrupted(int signalNumber)
    : std::runtime_error("interrupted by " + signalName(signalNumber) +
                         "; stopped, no output written"),
      m_signal(signalNumber)
{
}

void installInterruptHandlers()
{
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

const CancelFlag* interruptFlag()
{
    return &g_interrupted;
}

void throwIfInterrupted()
{
    if (g_interrupted.load(std::memory_order_relaxed))
        throw Interrupted(g_signal != 0 ? static_cast<int>(g_signal) : SIGINT);
}

} // namespace lrlab::cli
