#pragma once

// Process-wide counts of heap allocations, for tests that prove a hot loop allocates nothing.
// allocation_counter.cpp replaces the global operator new/delete and, on glibc without a
// sanitizer (sanitizers interpose malloc themselves), the malloc family; tests/CMakeLists.txt
// links it into every test that includes this header. The counters are atomic, but a test that
// reads them must stay single-threaded to attribute the counts to its own loop.

namespace lrlab::test {

/// Calls of any global operator new since the process started.
long newCalls();

/// Calls of malloc, calloc, realloc and the aligned allocators since the process started
/// (operator new allocates through malloc, so it counts here too); 0 when !countsMalloc().
long mallocCalls();

/// True when the malloc family is counted (glibc, no sanitizer).
bool countsMalloc();

} // namespace lrlab::test
