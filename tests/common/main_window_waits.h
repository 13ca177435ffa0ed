#pragma once

#include "ui/compare/pin_loader.h"
#include "ui/explorer/run_controller.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/main_window.h"

#include <QSignalSpy>
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

/// Loads the lesson id in window and waits (at most timeout ms each) until it is shown: its run,
/// its pinned runs and nothing busy.
inline bool loadLessonAndWait(MainWindow& window, const QString& id, int timeout = kRunTimeout)
{
    QSignalSpy loaded(window.lessons(), &LessonController::lessonLoaded);
    return window.lessons()->loadLessonById(id) &&
           QTest::qWaitFor([&] { return loaded.count() == 1; }, timeout) &&
           waitForLatest(window, timeout) &&
           QTest::qWaitFor([&] { return !window.pinLoader()->isReplacing(); }, timeout) &&
           QTest::qWaitFor([&] { return !window.runs()->isBusy(); }, timeout);
}

} // namespace lrlab::test
