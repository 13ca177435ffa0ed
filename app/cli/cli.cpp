#include "app/cli/cli.h"

#include "app/cli/cli_common.h"
#include "app/cli/commands.h"
#include "app/cli/interrupt.h"
#include "core/datasets/dataset.h"
#include "ui/gui_main.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStringList>

#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <new>
#include <set>
#include <string>
#include <vector>

namespace lrlab::cli {

namespace {

struct Subcommand
{
    std::function<int(const QStringList&)> run;
    const char* summary;
};

const std::map<QString, Subcommand>& subcommands()
{
    static const std::map<QString, Subcommand> table{
        {"run", {runCommand, "one run; its trace as CSV"}},
        {"finetune", {fineTuneCommand, "the fine-tuning lab: full vs LoRA vs head, LR sweeps"}},
        {"find-lr", {findLrCommand, "the LR range test (LR finder) as CSV, with suggestions"}},
        {"schedule", {scheduleCommand, "the schedule's learning rate at every step as CSV"}},
        {"surface", {surfaceCommand, "loss on an N x N grid (toy surface or a model plane)"}},
        {"export", {exportCommand, "the window's figures (png, svg, pdf, gif) from a session"}},
        {"code", {codeCommand, "the optimizer and schedule as PyTorch, HF or Lightning code"}},
        {"import", {importCommand, "training logs (TensorBoard, HF Trainer, CSV) as series"}},
        {"sweep", {sweepCommand, "runs over a log-spaced LR grid (x one setting) on all cores"}},
        {"merge", {mergeCommand, "joins the shards of a sweep (sweep --shard K/N) into one CSV"}},
    };
    return table;
}

void printUsage(std::ostream& out)
{
    out << "Usage: lrlab                 open the Learning Rate Lab window\n"
           "       lrlab SUBCOMMAND ...  run from the command line\n"
           "       lrlab --version\n\nSubcommands:\n";
    for (const auto& [name, sub] : subcommands())
        out << "  " << name.toStdString()
            << std::string(12 - static_cast<std::size_t>(name.size()), ' ') << sub.summary << '\n';
    out << "\n'lrlab SUBCOMMAND --help' documents each subcommand.\n";
}

/// Options QGuiApplication and QApplication take themselves (Qt 6 documentation of
/// QGuiApplication and QApplication): they open the window with that setting.
bool isQtGuiOption(const char* arg)
{
    static const std::set<std::string> options{"platform",      "platformpluginpath",
                                               "platformtheme", "plugin",
                                               "qmljsdebugger", "qwindowgeometry",
                                               "geometry",      "qwindowicon",
                                               "icon",          "qwindowtitle",
                                               "title",         "reverse",
                                               "session",       "style",
                                               "stylesheet",    "widgetcount",
                                               "display",       "name",
                                               "dialogs",       "nograb",
                                               "dograb",        "sync",
                                               "visual",        "ncols",
                                               "cmap",          "fn",
                                               "font",          "bg",
                                               "background",    "fg",
                                               "foreground",    "btn",
                                               "button",        "im",
                                               "inputstyle",    "testability"};
    std::string name = arg;
    if (name.rfind("--", 0) == 0)
        name.erase(0, 2);
    else if (name.rfind('-', 0) == 0)
        name.erase(0, 1);
    else
        return false;
    const std::size_t equals = name.find('=');
    if (equals != std::string::npos)
        name.erase(equals);
    return options.count(name) > 0;
}

/// The command line for a message: "lrlab run --config c.json".
std::string commandLine(int argc, char* argv[])
{
    std::string text = "lrlab";
    for (int i = 1; i < argc; ++i)
        text += std::string(" ") + argv[i];
    return text;
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc >= 2 && std::strcmp(argv[1], "--version") == 0) {
        std::cout << "lrlab " << LRLAB_VERSION << '\n';
        return kExitOk;
    }
    if (argc >= 2 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        printUsage(std::cout);
        return kExitOk;
    }
    if (argc < 2 || isQtGuiOption(argv[1]))
        return runGui(argc, argv);
    if (argv[1][0] == '-' || argv[1][0] == '\0') {
        std::cerr << "lrlab: unknown option '" << argv[1] << "'\n";
        printUsage(std::cerr);
        return kExitBadInput;
    }

    // export draws the window's figures: it needs a QApplication, on the offscreen platform
    // unless one is asked for, so a figure is the same on a desktop and on a server.
    const bool drawing = std::strcmp(argv[1], "export") == 0;
    if (drawing && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // QGuiApplication takes its own options (e.g. -session) out of argv: it gets a copy, so the
    // subcommand still sees all of its arguments.
    int appArgc = argc;
    std::vector<char*> appArgv(argv, argv + argc + 1);
    const std::unique_ptr<QCoreApplication> app(drawing ? new QApplication(appArgc, appArgv.data())
                                                        : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName("lrlab");
    QCoreApplication::setApplicationVersion(LRLAB_VERSION);
    const QString name = QString::fromLocal8Bit(argv[1]);
    const auto it = subcommands().find(name);
    if (it == subcommands().end()) {
        std::cerr << "lrlab: unknown subcommand '" << argv[1] << "'\n";
        printUsage(std::cerr);
        return kExitBadInput;
    }
    installInterruptHandlers();
    QStringList arguments{"lrlab " + name};
    for (int i = 2; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    try {
        return it->second.run(arguments);
    } catch (const Interrupted& e) {
        std::cerr << "lrlab " << name.toStdString() << ": " << e.what() << '\n';
        return 128 + e.signalNumber();
    } catch (const std::bad_alloc&) {
        std::cerr << "lrlab " << name.toStdString()
                  << ": out of memory (std::bad_alloc) while running '" << commandLine(argc, argv)
                  << "': the input needs more memory than this machine gives (see README, "
                     "Limits)\n";
        return kExitFailure;
    } catch (const UsageError& e) {
        std::cerr << "lrlab " << name.toStdString() << ": " << e.what() << '\n';
        return kExitBadInput;
    } catch (const DatasetError& e) {
        // A dataset that cannot be read or parsed: bad input, the message names file and line.
        std::cerr << "lrlab " << name.toStdString() << ": " << e.what() << '\n';
        return kExitBadInput;
    } catch (const std::invalid_argument& e) {
        // Config and data errors from the core: bad input.
        std::cerr << "lrlab " << name.toStdString() << ": " << e.what() << '\n';
        return kExitBadInput;
    } catch (const std::exception& e) {
        std::cerr << "lrlab " << name.toStdString() << ": error: " << e.what() << '\n';
        return kExitFailure;
    }
}

} // namespace lrlab::cli
