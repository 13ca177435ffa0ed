#include "core/codegen/torch_code.h"

#include "core/codegen/python_literal.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lrlab {

namespace {

std::string num(double value)
{
    return pythonFloat(value);
}

std::string num(int value)
{
    return std::to_string(value); // "%d": no digit grouping in any locale
}

/// The schedule's defaults resolved as learningRateAt resolves them.
struct ResolvedSchedule
{
    int warmup = 0;
    int total = 1; ///< T = max(1, total_steps − W)
    double gamma = 0.0;
    int stepSize = 1;
    int t0 = 1;
    int tMult = 1;
    double timescale = 10000.0;
    long long wsdDecaySteps = 1;
    long long wsdStableEnd = 0;
};

ResolvedSchedule resolve(const ScheduleSpec& s)
{
    ResolvedSchedule r;
    r.warmup = std::max(0, s.warmupSteps);
    r.total = std::max(1, s.totalSteps - r.warmup);
    r.gamma = s.gamma.value_or(s.decay == Decay::Step ? 0.1 : 0.99);
    r.stepSize = std::max(1, s.stepSize.value_or(std::max(1, r.total / 3)));
    r.t0 = std::max(1, s.t0.value_or(std::max(1, r.total / 4)));
    r.tMult = std::max(1, s.tMult);
    r.timescale = s.timescale ? *s.timescale : (r.warmup > 0 ? r.warmup : 10000.0);
    r.wsdDecaySteps = std::min<long long>(
        r.total, std::max(1LL, std::llround(s.decayFraction * static_cast<double>(r.total))));
    r.wsdStableEnd = r.total - r.wsdDecaySteps;
    return r;
}

/// The line returning min_lr + (base − min_lr) · factor, with factor's text as written.
std::string returnAboveFloor(const ScheduleSpec& s, const std::string& factor)
{
    const std::string minLr = num(s.minLr);
    return "    return " + minLr + " + (BASE_LR - " + minLr + ") * " + factor + "\n";
}

/// Python lines (4-space indented, inside lr_at) returning the decay at post-warmup step tau.
std::string decayBody(const ScheduleSpec& s, const ResolvedSchedule& r)
{
    const std::string total = num(static_cast<double>(r.total));
    const std::string clamp = "    tau = min(step - " + num(r.warmup) + ", " + num(r.total) + ")\n";
    switch (s.decay) {
    case Decay::Constant:
        return "    return BASE_LR\n";
    case Decay::Cosine:
        return clamp + returnAboveFloor(s, "0.5 * (1.0 + math.cos(math.pi * tau / " + total + "))");
    case Decay::Linear:
        return clamp + returnAboveFloor(s, "(1.0 - tau / " + total + ")");
    case Decay::Polynomial:
        return clamp + returnAboveFloor(s, "(1.0 - tau / " + total + ") ** " + num(s.power));
    case Decay::Exponential:
        return clamp + "    return BASE_LR * " + num(r.gamma) + " ** (tau // " +
               num(std::max(1, s.stepsPerEpoch)) + ")\n";
    case Decay::Step:
        return clamp + "    return BASE_LR * " + num(r.gamma) + " ** (tau // " + num(r.stepSize) +
               ")\n";
    case Decay::CosineRestarts: {
        // torch CosineAnnealingWarmRestarts' closed form (step(epoch)); never clamped.
        std::string body = "    tau = step - " + num(r.warmup) + "\n";
        const std::string t0 = num(r.t0);
        if (r.tMult == 1) {
            body += "    t_cur, t_i = tau % " + t0 + ", " + num(static_cast<double>(r.t0)) + "\n";
        } else {
            const std::string tMult = num(r.tMult);
            body += "    t_cur, t_i = tau, " + num(static_cast<double>(r.t0)) + "\n" +
                    "    if tau >= " + t0 + ":\n" + "        n = int(math.log(tau / " +
                    num(static_cast<double>(r.t0)) + " * " + num(static_cast<double>(r.tMult - 1)) +
                    " + 1.0) / math.log(" + num(static_cast<double>(r.tMult)) + "))\n" +
                    "        t_cur = tau - (" + t0 + " * (" + tMult + " ** n - 1)) / " +
                    num(r.tMult - 1) + "\n" + "        t_i = float(" + t0 + " * " + tMult +
                    " ** n)\n";
        }
        return body + returnAboveFloor(s, "(1.0 + math.cos(math.pi * t_cur / t_i)) / 2.0");
    }
    case Decay::InverseSqrt:
        return clamp + "    return BASE_LR / math.sqrt(1.0 + tau / " + num(r.timescale) + ")\n";
    case Decay::OneCycle:
        // torch OneCycleLR (cos, two phases); an empty phase takes its end value.
        return clamp + "    initial_lr = BASE_LR / " + num(s.divFactor) + "\n" +
               "    final_lr = initial_lr / " + num(s.finalDivFactor) + "\n" +
               "    rise_end = " + num(s.pctStart * r.total) + " - 1.0\n" +
               "    if tau <= rise_end:\n" +
               "        start_step, end_step, start_lr, end_lr = 0.0, rise_end, initial_lr, "
               "BASE_LR\n" +
               "    else:\n" + "        start_step, end_step, start_lr, end_lr = rise_end, " +
               num(static_cast<double>(r.total - 1)) + ", BASE_LR, final_lr\n" +
               "    span = end_step - start_step\n" +
               "    pct = (tau - start_step) / span if span != 0.0 else 1.0\n" +
               "    return end_lr + (start_lr - end_lr) / 2.0 * (math.cos(math.pi * pct) + 1.0)\n";
    case Decay::Wsd: {
        std::string shape = "1.0 - p";
        if (s.shape == WsdShape::Cosine)
            shape = "0.5 * (1.0 + math.cos(math.pi * p))";
        else if (s.shape == WsdShape::Sqrt)
            shape = "1.0 - math.sqrt(p)";
        const std::string stableEnd = std::to_string(r.wsdStableEnd);
        return clamp + "    if tau < " + stableEnd + ":\n        return BASE_LR\n" +
               "    p = (tau - " + stableEnd + ") / " + std::to_string(r.wsdDecaySteps) + "\n" +
               returnAboveFloor(s, "(" + shape + ")");
    }
    }
    throw std::invalid_argument("schedule.decay: invalid decay value");
}

/// lr_at(step): warmup then the decay, as learningRateAt.
std::string lrAtFunction(const ScheduleSpec& s)
{
    const ResolvedSchedule r = resolve(s);
    std::string text = "def lr_at(step):\n"
                       "    \"\"\"lrlab's learning rate at 0-based optimizer step `step`: warmup " +
                       num(r.warmup) + " steps, then " + decayName(s.decay) + ".\"\"\"\n";
    if (r.warmup > 0)
        text += "    if step < " + num(r.warmup) + ":\n        return BASE_LR * (" +
                num(s.warmupStartFactor) + " + (1.0 - " + num(s.warmupStartFactor) + ") * step / " +
                num(r.warmup) + ")\n";
    return text + decayBody(s, r);
}

/// The built-in torch scheduler equal to lrlab's schedule over `steps` steps, or "".
std::string builtInScheduler(const ScheduleSpec& s, int steps)
{
    const ResolvedSchedule r = resolve(s);
    if (r.warmup > 0)
        return ""; // torch's LinearLR cannot start at 0 and SequentialLR re-steps at milestones
    const std::string prefix = "torch.optim.lr_scheduler.";
    // lrlab stops each decay at total_steps; torch's schedulers go on, so they match only while
    // the run stays within total_steps (cosine_restarts and constant never stop).
    const bool withinTotal = steps <= s.totalSteps;
    switch (s.decay) {
    case Decay::Constant:
        return prefix + "ConstantLR(optimizer, factor=1.0, total_iters=0)";
    case Decay::Exponential:
        if (!withinTotal)
            return "";
        if (s.stepsPerEpoch <= 1)
            return prefix + "ExponentialLR(optimizer, gamma=" + num(r.gamma) + ")";
        return prefix + "StepLR(optimizer, step_size=" + num(s.stepsPerEpoch) +
               ", gamma=" + num(r.gamma) + ")";
    case Decay::Step:
        if (!withinTotal)
            return "";
        return prefix + "StepLR(optimizer, step_size=" + num(r.stepSize) +
               ", gamma=" + num(r.gamma) + ")";
    case Decay::Cosine:
        if (!withinTotal)
            return "";
        return prefix + "CosineAnnealingLR(optimizer, T_max=" + num(r.total) +
               ", eta_min=" + num(s.minLr) + ")";
    case Decay::Linear:
        if (!withinTotal || s.minLr != 0.0)
            return "";
        return prefix +
               "LinearLR(optimizer, start_factor=1.0, end_factor=0.0, total_iters=" + num(r.total) +
               ")";
    case Decay::Polynomial:
        if (!withinTotal || s.minLr != 0.0)
            return "";
        return prefix + "PolynomialLR(optimizer, total_iters=" + num(r.total) +
               ", power=" + num(s.power) + ")";
    case Decay::CosineRestarts:
        // With t_mult > 1 lrlab's closed form finds the cycle with a logarithm; LambdaLR
        // repeats that exactly.
        if (r.tMult != 1)
            return "";
        return prefix + "CosineAnnealingWarmRestarts(optimizer, T_0=" + num(r.t0) +
               ", T_mult=1, eta_min=" + num(s.minLr) + ")";
    case Decay::OneCycle: {
        const double riseEnd = s.pctStart * r.total - 1.0;
        // torch divides by zero on an empty phase; lrlab takes the phase's end value.
        if (!withinTotal || riseEnd == 0.0 || static_cast<double>(r.total - 1) - riseEnd == 0.0)
            return "";
        return prefix + "OneCycleLR(optimizer, max_lr=BASE_LR, total_steps=" + num(r.total) +
               ", pct_start=" + num(s.pctStart) + ", anneal_strategy=\"cos\", " +
               "cycle_momentum=False, div_factor=" + num(s.divFactor) +
               ", final_div_factor=" + num(s.finalDivFactor) + ", three_phase=False)";
    }
    case Decay::InverseSqrt:
    case Decay::Wsd:
        return "";
    }
    return "";
}

} // namespace

PythonOptimizer torchOptimizer(const OptimizerSpec& spec)
{
    const OptimizerSpec o = spec.resolved();
    const std::string betas = "betas=(" + num(o.beta1) + ", " + num(o.beta2) + ")";
    const std::string eps = "eps=" + num(o.eps);
    const std::string wd = "weight_decay=" + num(o.weightDecay);
    PythonOptimizer p;
    p.imports = "import torch\n";
    if (o.type == "sgd") {
        // nesterov needs momentum > 0 in torch as in lrlab; lrlab has no dampening.
        p.call = "torch.optim.SGD(params, lr=BASE_LR, momentum=" + num(o.momentum) +
                 ", dampening=0.0, " + wd + ", nesterov=" + pythonBool(o.nesterov) + ")";
    } else if (o.type == "rmsprop") {
        p.call = "torch.optim.RMSprop(params, lr=BASE_LR, alpha=" + num(o.alpha) + ", " + eps +
                 ", " + wd + ", momentum=" + num(o.momentum) + ", centered=False)";
    } else if (o.type == "adagrad") {
        p.call = "torch.optim.Adagrad(params, lr=BASE_LR, lr_decay=0.0, " + wd +
                 ", initial_accumulator_value=0.0, " + eps + ")";
    } else if (o.type == "adam" || o.type == "adamw") {
        p.call = std::string("torch.optim.") + (o.type == "adam" ? "Adam" : "AdamW") +
                 "(params, lr=BASE_LR, " + betas + ", " + eps + ", " + wd + ", amsgrad=False)";
    } else if (o.type == "lion") {
        p.imports += "from lion_pytorch import Lion  # pip package lion-pytorch\n";
        p.call = "Lion(params, lr=BASE_LR, " + betas + ", " + wd + ")";
    } else if (o.type == "adam8bit") {
        p.imports += "import bitsandbytes as bnb  # pip package bitsandbytes (CUDA)\n";
        // min_8bit_size=1: lrlab quantizes every tensor; bitsandbytes keeps tensors under 4096
        // elements in 32 bits by default.
        p.call = "bnb.optim.Adam8bit(params, lr=BASE_LR, " + betas + ", " + eps + ", " + wd +
                 ", min_8bit_size=1)";
        p.note = "# bitsandbytes quantizes in blocks of 2048 values; lrlab's block_size is " +
                 std::to_string(o.blockSize) + ".\n";
    } else {
        throw std::invalid_argument("optimizer.type: unknown optimizer '" + o.type + "'");
    }
    return p;
}

PythonScheduler torchScheduler(const RunConfig& config, bool lambdaOnly)
{
    PythonScheduler scheduler;
    if (!lambdaOnly)
        scheduler.call = builtInScheduler(config.schedule, config.steps);
    scheduler.builtIn = !scheduler.call.empty();
    if (!scheduler.builtIn) {
        scheduler.definitions = lrAtFunction(config.schedule);
        scheduler.call =
            "torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: lr_at(step) / BASE_LR)";
    }
    return scheduler;
}

std::string pytorchSnippet(const RunConfig& config, bool lambdaOnly)
{
    const PythonOptimizer optimizer = torchOptimizer(config.optimizer);
    const PythonScheduler scheduler = torchScheduler(config, lambdaOnly);
    std::string text = "# lrlab's optimizer and learning-rate schedule in PyTorch, for " +
                       std::to_string(config.steps) +
                       " steps.\n# Call scheduler.step() once after every optimizer.step().\n";
    if (!scheduler.builtIn)
        text += "import math\n\n";
    text += optimizer.imports + "\nBASE_LR = " + num(config.schedule.learningRate) + "\n\n";
    text += "\n";
    if (!scheduler.builtIn)
        text += scheduler.definitions + "\n\n";
    text += "def make_optimizer(params):\n"
            "    \"\"\"The optimizer over params and its per-step learning-rate scheduler.\"\"\"\n";
    if (!optimizer.note.empty())
        text += "    " + optimizer.note;
    text += "    optimizer = " + optimizer.call + "\n";
    text += "    scheduler = " + scheduler.call + "\n";
    text += "    return optimizer, scheduler\n";
    return text;
}

} // namespace lrlab
