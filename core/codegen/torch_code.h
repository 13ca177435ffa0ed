#pragma once

#include "core/config/run_config.h"

#include <string>

namespace lrlab {

/// A torch.optim optimizer written as Python: the import lines it needs and the constructor call
/// on `params` with every hyper-parameter of the spec (defaults resolved), the learning rate
/// given as the Python name BASE_LR.
struct PythonOptimizer
{
    std::string imports; ///< lines ending in '\n' ("import torch\n" or a third-party package)
    std::string call;    ///< e.g. "torch.optim.Adam(params, lr=BASE_LR, betas=(0.9, 0.999), …)"
    std::string note;    ///< a comment line (with "# ", ending in '\n') or empty
};

/// The optimizer of spec in PyTorch: sgd, rmsprop, adagrad, adam and adamw as torch.optim; lion
/// as lion_pytorch.Lion (package lion-pytorch); adam8bit as bitsandbytes.optim.Adam8bit.
/// Throws std::invalid_argument for an unknown type.
PythonOptimizer torchOptimizer(const OptimizerSpec& spec);

/// How a torch scheduler reproduces lrlab's schedule, stepped once per optimizer step.
struct PythonScheduler
{
    std::string definitions; ///< Python defining lr_at(step) for LambdaLR, else empty
    std::string call;        ///< the scheduler constructor on `optimizer`
    bool builtIn = false;    ///< a torch scheduler other than LambdaLR
};

/// The scheduler of config.schedule over config.steps optimizer steps: a built-in
/// torch.optim.lr_scheduler class where its closed form equals lrlab's formula for every step of
/// the run (no warmup; constant, exponential, step, cosine, linear and polynomial to 0,
/// cosine_restarts with t_mult 1, onecycle), else LambdaLR over lr_at(step), lrlab's formula
/// (docs/semantics.md §2.4) written out in Python in the same operation order, so it gives the
/// same doubles. lambdaOnly forces LambdaLR.
PythonScheduler torchScheduler(const RunConfig& config, bool lambdaOnly);

/// The self-contained PyTorch snippet: BASE_LR, lr_at when needed, and make_optimizer(params)
/// returning (optimizer, scheduler).
std::string pytorchSnippet(const RunConfig& config, bool lambdaOnly = false);

} // namespace lrlab
