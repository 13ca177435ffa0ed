#pragma once

// Shared by the 3-D window tests: a main window in a temporary home, lesson 1 opened.

#include "tests/common/explorer_fixture.h"
#include "tests/common/main_window_waits.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/main_window.h"
#include "ui/session/session_controller.h"
#include "ui/surface3d/landscape_3d_controller.h"

#include <QSignalSpy>
#include <QTest>

namespace lrlab::test {

/// Loads lesson id in window and waits for its runs (false when either fails).
inline bool openLesson(MainWindow& window, const QString& id)
{
    QSignalSpy loaded(window.lessons(), &LessonController::lessonLoaded);
    if (!window.lessons()->loadLessonById(id))
        return false;
    return QTest::qWaitFor([&] { return loaded.count() == 1 && !window.runs()->isBusy(); },
                           kRunTimeout) &&
           waitForLatest(window);
}

} // namespace lrlab::test
