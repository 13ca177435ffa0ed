// Benchmark of the window's start and its language switch, offscreen (or on the platform
// QT_QPA_PLATFORM names):
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
#include "tests/common/main_window_waits.h"
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
#include <ctime>
#include <vector>

namespace {

constexpr int kStarts = 5;
constexpr int kSwitches = 6;
constexpr int kWidth = 44;

/// CPU milliseconds of clock (CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID): on a loaded
/// machine the wall times stretch with the other processes, the CPU times much less.
double cpuMilliseconds(clockid_t clock)
{
    timespec now{};
    clock_gettime(clock, &now);
    return 1e3 * static_cast<double>(now.tv_sec) + 1e-6 * static_cast<double>(now.tv_nsec);
}

/// In a child: at the first paint of a main window, prints "painted" and ends the process.
class FirstPaintExit : public QObject
{
protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && qobject_cast<QMainWindow*>(watched) != nullptr) {
            std::printf("painted %.3f\n", cpuMilliseconds(CLOCK_PROCESS_CPUTIME_ID));
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

/// Wall and CPU milliseconds of one measurement; -1 when it failed.
struct Timing
{
    double wall = -1.0;
    double cpu = -1.0;
};

/// From starting this program with mode to its "painted" line: the wall time, and the CPU time
/// the child reports.
Timing startToFirstPaint(const QString& program, const QString& mode, const QString& configHome)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configHome);
    if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM"))) // xcb under xvfb-run works too
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("LRLAB_NO_RECOVERY_PROMPT"), QStringLiteral("1"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QElapsedTimer timer;
    timer.start();
    child.start(program, {mode});
    QByteArray output;
    while (!output.contains('\n') && child.waitForReadyRead(30000))
        output += child.readAll();
    Timing timing;
    timing.wall = timer.nsecsElapsed() / 1e6;
    child.waitForFinished(10000);
    const QList<QByteArray> words = output.trimmed().split(' ');
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0 || words.size() != 2 ||
        words[0] != "painted")
        return {};
    timing.cpu = words[1].toDouble();
    return timing;
}

/// From triggering View ▸ Language ▸ language to the window painted in it: wall time and the GUI
/// thread's CPU time.
Timing switchTo(lrlab::LanguageController& controller, const QString& language)
{
    QAction* choose =
        controller.window()->findChild<QAction*>(QStringLiteral("language_") + language);
    if (choose == nullptr)
        return {};
    // The window's runs done first (a rebuilt window starts its run again): the switch alone.
    lrlab::test::waitForLatest(*controller.window(), 60000);
    QCoreApplication::processEvents();
    QElapsedTimer timer;
    timer.start();
    const double cpu = cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID);
    choose->trigger();
    lrlab::bench::spinUntil([&] { return lrlab::currentLanguage() == language; });
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    controller.window()->repaint();
    return {timer.nsecsElapsed() / 1e6, cpuMilliseconds(CLOCK_THREAD_CPUTIME_ID) - cpu};
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

    std::vector<Timing> floor;
    std::vector<Timing> start;
    for (int i = 0; i < kStarts; ++i) {
        floor.push_back(
            startToFirstPaint(program, QStringLiteral("--qt-floor"), configHome.path()));
        start.push_back(startToFirstPaint(program, QStringLiteral("--child"), configHome.path()));
    }

    // The switch, in this process.
    std::vector<Timing> switches;
    {
        lrlab::LanguageController controller;
        controller.start(false)->show();
        QCoreApplication::processEvents();
        switchTo(controller, QStringLiteral("zh_CN")); // warm-up
        switchTo(controller, QStringLiteral("en"));
        for (int i = 0; i < kSwitches; ++i)
            switches.push_back(
                switchTo(controller, i % 2 == 0 ? QStringLiteral("zh_CN") : QStringLiteral("en")));
        controller.setLanguage(QStringLiteral("en"));
    }

    const auto wall = [](const std::vector<Timing>& timings) {
        std::vector<double> ms;
        for (const Timing& timing : timings)
            ms.push_back(timing.wall);
        return ms;
    };
    const auto cpu = [](const std::vector<Timing>& timings) {
        std::vector<double> ms;
        for (const Timing& timing : timings)
            ms.push_back(timing.cpu);
        return ms;
    };
    using lrlab::bench::median;
    using lrlab::bench::printStatsRow;
    using lrlab::bench::summarize;
    lrlab::bench::printStatsHeader("GUI start and language switch (ms)", kWidth);
    printStatsRow("Qt floor: empty window, start -> paint", kWidth, kStarts,
                  summarize(wall(floor)));
    printStatsRow("  its CPU time", kWidth, kStarts, summarize(cpu(floor)));
    printStatsRow("lrlab window, start -> first paint", kWidth, kStarts, summarize(wall(start)));
    printStatsRow("  its CPU time", kWidth, kStarts, summarize(cpu(start)));
    printStatsRow("language switch (menu -> painted)", kWidth, kSwitches,
                  summarize(wall(switches)));
    printStatsRow("  its GUI-thread CPU time", kWidth, kSwitches, summarize(cpu(switches)));
    const double startMs = median(wall(start));
    const double floorMs = median(wall(floor));
    lrlab::bench::emitFigure("gui.start_to_first_paint_ms", startMs, "ms",
                             "GUI start: process start to the main window's first paint", 1000);
    lrlab::bench::emitFigure("gui.start_to_first_paint_cpu_ms", median(cpu(start)), "ms",
                             "GUI start: CPU time of the process up to the first paint");
    lrlab::bench::emitFigure("gui.start_to_first_paint_qt_floor_ms", floorMs, "ms",
                             "An empty QMainWindow: process start to first paint (Qt alone)");
    lrlab::bench::emitFigure("gui.start_to_first_paint_over_qt_floor",
                             floorMs > 0 ? startMs / floorMs : 0, "x",
                             "GUI start over the Qt floor measured in the same run");
    lrlab::bench::emitFigure("gui.language_switch_ms", median(wall(switches)), "ms",
                             "View > Language: menu choice to the window painted in it", 300);
    lrlab::bench::emitFigure("gui.language_switch_cpu_ms", median(cpu(switches)), "ms",
                             "View > Language: GUI-thread CPU time of the switch");
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
