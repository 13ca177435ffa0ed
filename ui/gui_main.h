#pragma once

namespace lrlab {

/// Creates the QApplication and the main window, runs the event loop, returns its exit code.
int runGui(int argc, char* argv[]);

} // namespace lrlab
