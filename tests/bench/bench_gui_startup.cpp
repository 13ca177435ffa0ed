// Benchmark of the window's start and its language switch, offscreen:
//  1. start -> first paint: from starting a process that runs the program's GUI start
//     (lrlab::runGui, the program's own path: settings, language, window, show) to the first
//     paint event of the main window (goal 1 s). The child is this benchmark started again with
//     --child; beside it, the same for an empty QMainWindow (--qt-floor): what Qt alone takes.
//  2. language switch: from choosing View ▸ Language ▸ 简体中文 (or English) in the menu to the
//     window painted in the new language (goal 300 ms), alternating, after one warm-up pair.
// Uses only APIs that exist since the language menu does (runGui, LanguageController), so it
// also measures builds that rebuilt the window on a switch. Prints a table and one JSON line
// per figure; asserts nothing.
#include "tests/bench/bench_figures.h"
#include "tests/bench/bench_gui.h"
#include "tests/bench/bench_timing.h"
#include "ui/gui_main.h"
#include "ui/language.h"
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEvent>
#include <QMainWindow>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

constexpr int kStarts = 5;
constexpr int kSwitches = 6;
constexpr int kWidth = 44;

/// In a child: at the first paint of a main window, prints "painted" and ends the process.
class FirstPaintExit : public QObject
{
protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && qobject_cast<QMainWindow*>(watched) != nullptr) {
            std::puts("painted");
            std::fflush(stdout);
            std::_Exit(0);
        }
        return QObject::eventFilter(watched, event);
    }
};

void watchFirstPaint()
{
    QCoreApplication::instance()->installEventFilter(new FirstPaintExit);
}

/// Settings of a first start that has seen the start page, in English, under configHome.
void writeSettings(const QString& configHome)
{
    QSettings settings(configHome + QStringLiteral("/lrlab/lrlab.conf"), QSettings::IniFormat);
    settings.setValue(QStringLiteral("startPageShown"), true);
    settings.setValue(QStringLiteral("language"), QStringLiteral("en"));
}

/// Milliseconds from starting this program with mode to its "painted" line; -1 on failure.
double startToFirstPaint(const QString& program, const QString& mode, const QString& configHome)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LRLAB_NO_RECOVERY_PROMPT"), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    child.start(program, {mode});
    while (child.waitForReadyRead(30000))
        if (child.readAll().contains("painted"))
            break;
    const double ms = timer.nsecsElapsed() / 1e6;
    child.waitForFinished(10000);
    return child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 ? ms : -1.0;
}

/// Milliseconds from triggering View ▸ Language ▸ language to the window painted in it.
double switchTo(lrlab::LanguageController& controller, const QString& language)
{
    QAction* choose =
        controller.window()->findChild<QAction*>(QStringLiteral("language_") + language);
    if (choose == nullptr)
        return -1.0;
    QElapsedTimer timer;
    timer.start();
    choose->trigger();
    lrlab::bench::spinUntil([&] { return lrlab::currentLanguage() == language; });
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    controller.window()->repaint();
    return timer.nsecsElapsed() / 1e6;
}

int runParent(int argc, char* argv[])
{
    QTemporaryDir configHome;
    // Before any QSettings: the children's settings and this process's are the ones written here.
    qputenv("XDG_CONFIG_HOME", configHome.path().toLocal8Bit());
    qputenv("LRLAB_NO_RECOVERY_PROMPT", "1");
    writeSettings(configHome.path());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("lrlab"));
    QApplication::setApplicationName(QStringLiteral("lrlab"));
    const QString program = QCoreApplication::applicationFilePath();

    std::vector<double> floorMs;
    std::vector<double> startMs;
    for (int i = 0; i < kStarts; ++i) {
        floorMs.push_back(
            startToFirstPaint(program, QStringLiteral("--qt-floor"), configHome.path()));
        startMs.push_back(startToFirstPaint(program, QStringLiteral("--child"), configHome.path()));
    }

    // The switch, in this process.
    std::vector<double> switchMs;
    {
        lrlab::LanguageController controller;
        controller.start(false)->show();
        QCoreApplication::processEvents();
        switchTo(controller, QStringLiteral("zh_CN")); // warm-up
        switchTo(controller, QStringLiteral("en"));
        for (int i = 0; i < kSwitches; ++i)
            switchMs.push_back(
                switchTo(controller, i % 2 == 0 ? QStringLiteral("zh_CN") : QStringLiteral("en")));
        controller.setLanguage(QStringLiteral("en"));
    }

    lrlab::bench::printStatsHeader("GUI start and language switch (ms)", kWidth);
    lrlab::bench::printStatsRow("Qt floor: empty QMainWindow, start -> paint", kWidth, kStarts,
                                lrlab::bench::summarize(floorMs));
    lrlab::bench::printStatsRow("lrlab window, start -> first paint", kWidth, kStarts,
                                lrlab::bench::summarize(startMs));
    lrlab::bench::printStatsRow("language switch (menu -> painted)", kWidth, kSwitches,
                                lrlab::bench::summarize(switchMs));
    const double start = lrlab::bench::median(startMs);
    const double floor = lrlab::bench::median(floorMs);
    lrlab::bench::emitFigure("gui.start_to_first_paint_ms", start, "ms",
                             "GUI start: process start to the main window's first paint", 1000);
    lrlab::bench::emitFigure("gui.start_to_first_paint_qt_floor_ms", floor, "ms",
                             "An empty QMainWindow: process start to first paint (Qt alone)");
    lrlab::bench::emitFigure("gui.start_to_first_paint_over_qt_floor",
                             floor > 0 ? start / floor : 0, "x",
                             "GUI start over the Qt floor measured in the same run");
    lrlab::bench::emitFigure("gui.language_switch_ms", lrlab::bench::median(switchMs), "ms",
                             "View > Language: menu choice to the window painted in it", 300);
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc > 1 && std::strcmp(argv[1], "--child") == 0) {
        // The program's own start, with the first paint reported.
        qAddPreRoutine(watchFirstPaint);
        char* childArgv[] = {argv[0], nullptr};
        int childArgc = 1;
        return lrlab::runGui(childArgc, childArgv);
    }
    if (argc > 1 && std::strcmp(argv[1], "--qt-floor") == 0) {
        QApplication app(argc, argv);
        watchFirstPaint();
        QMainWindow window;
        window.resize(1600, 1000);
        window.show();
        return app.exec();
    }
    return runParent(argc, argv);
}
