#include "app/cli/cli_common.h"
#include "app/cli/commands.h"

#include "core/codegen/code_target.h"

#include <ostream>
#include <stdexcept>
#include <string>

namespace lrlab::cli {

int codeCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.addOption({"config", "The experiment's JSON config file.", "F"});
    parser.addOption({"target",
                      "The framework: pytorch (make_optimizer(params) returning (optimizer, "
                      "scheduler)), hf (Hugging Face TrainingArguments, or a LambdaLR for "
                      "Trainer(optimizers=...)) or lightning (configure_optimizers).",
                      "T"});
    parser.addOption({"out", "Write the code to file F instead of standard output.", "F"});
    if (!parseOrHelp(parser, arguments,
                     "Writes the config's optimizer and learning-rate schedule as Python code for\n"
                     "PyTorch, Hugging Face transformers or Lightning, the scheduler stepped once\n"
                     "per optimizer step. A built-in torch scheduler is used where it equals\n"
                     "lrlab's schedule at every step of the run, else LambdaLR with lrlab's\n"
                     "formula. Numbers round-trip exactly. Bad input exits with status 2."))
        return kExitOk;
    const QString targetName = requiredValue(parser, "target");
    CodeTarget target = CodeTarget::PyTorch;
    try {
        target = codeTargetFromName(targetName.toStdString());
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--target: ") + e.what());
    }
    const QString outPath = parser.isSet("out") ? parser.value("out") : QStringLiteral("-");
    checkOutputPath(outPath, "out");
    const LoadedConfig loaded = loadConfigFile(requiredValue(parser, "config").toStdString());
    const std::string code = generateCode(loaded.config, target);
    writeFile(outPath.toStdString(), [&](std::ostream& o) { o << code; });
    return kExitOk;
}

} // namespace lrlab::cli
