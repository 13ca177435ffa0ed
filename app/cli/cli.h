#pragma once

namespace lrlab::cli {

/// Dispatches: no subcommand opens the GUI, otherwise runs the subcommand. Returns the exit
/// status (0 success, 1 runtime failure, 2 bad input).
int main(int argc, char* argv[]);

} // namespace lrlab::cli
