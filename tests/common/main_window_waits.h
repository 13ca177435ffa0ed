#pragma once

#include "ui/explorer/run_controller.h"
#include "ui/main_window.h"

#include <QTest>

namespace lrlab::test {

/// How long (ms) a window test waits for a run before it fails.
constexpr int kRunTimeout = 30000;

/// Waits (at most timeout ms, processing events) until the window shows the final result of its
/// latest request: nothing busy, the displayed generation the submitted one, and a current record.
inline bool waitForLatest(MainWindow& window, int timeout = kRunTimeout)
{
    return QTest::qWaitFor(
        [&] {
            RunController* runs = window.runs();
            return runs->displayedGeneration() == runs->submittedGeneration() && !runs->isBusy() &&
                   runs->currentRecord() != nullptr;
        },
        timeout);
}

} // namespace lrlab::test
