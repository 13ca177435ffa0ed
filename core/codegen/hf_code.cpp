#include "core/codegen/hf_code.h"

#include "core/codegen/python_literal.h"
#include "core/codegen/torch_code.h"

#include <algorithm>
#include <cmath>

namespace lrlab {

namespace {

constexpr double kPi = 3.14159265358979323846; // Python's math.pi

/// HF's warmup multiplier: float(step) / float(max(1, num_warmup_steps)).
double hfWarmup(int step, int warmup)
{
    return static_cast<double>(step) / static_cast<double>(std::max(1, warmup));
}

/// The HF schedule candidate for lrlab's decay, before the numerical check.
std::optional<HfSchedule> candidate(const ScheduleSpec& s, int steps)
{
    const int warmup = std::max(0, s.warmupSteps);
    const int total = std::max(1, s.totalSteps - warmup);
    switch (s.decay) {
    case Decay::Constant:
        return HfSchedule{warmup > 0 ? "constant_with_warmup" : "constant", {}};
    case Decay::Linear:
        if (s.minLr == 0.0)
            return HfSchedule{"linear", {}};
        return HfSchedule{"polynomial", {{"lr_end", s.minLr}, {"power", 1.0}}};
    case Decay::Cosine:
        if (s.minLr == 0.0)
            return HfSchedule{"cosine", {}};
        return HfSchedule{"cosine_with_min_lr", {{"min_lr", s.minLr}}};
    case Decay::Polynomial:
        return HfSchedule{"polynomial", {{"lr_end", s.minLr}, {"power", s.power}}};
    case Decay::InverseSqrt: {
        // get_scheduler passes no kwargs to inverse_sqrt: only HF's own timescale matches.
        const double hfTimescale = warmup > 0 ? warmup : 10000.0;
        if (s.timescale && *s.timescale != hfTimescale)
            return std::nullopt;
        return HfSchedule{"inverse_sqrt", {}};
    }
    case Decay::CosineRestarts: {
        const int t0 = std::max(1, s.t0.value_or(std::max(1, total / 4)));
        if (s.tMult != 1 || s.minLr != 0.0 || total % t0 != 0 || steps > s.totalSteps)
            return std::nullopt;
        return HfSchedule{"cosine_with_restarts", {{"num_cycles", total / t0}}};
    }
    case Decay::Wsd: {
        if (s.shape != WsdShape::Cosine)
            return std::nullopt;
        const long long decaySteps = std::min<long long>(
            total, std::max(1LL, std::llround(s.decayFraction * static_cast<double>(total))));
        return HfSchedule{"warmup_stable_decay",
                          {{"num_stable_steps", static_cast<double>(total - decaySteps)},
                           {"num_decay_steps", static_cast<double>(decaySteps)},
                           {"min_lr_ratio", s.minLr / s.learningRate}}};
    }
    case Decay::Exponential:
    case Decay::Step:
    case Decay::OneCycle:
        return std::nullopt;
    }
    return std::nullopt;
}

std::string kwargsText(const HfSchedule& schedule)
{
    std::string text = "{";
    for (const auto& [name, value] : schedule.kwargs) {
        if (text.size() > 1)
            text += ", ";
        const bool integral =
            name == "num_cycles" || name == "num_stable_steps" || name == "num_decay_steps";
        text += "\"" + name +
                "\": " + (integral ? std::to_string(std::llround(value)) : pythonFloat(value));
    }
    return text + "}";
}

/// "adamw_torch" when the optimizer is torch's AdamW with its settings (adam without weight
/// decay is the same update), else "".
std::string hfOptim(const OptimizerSpec& spec)
{
    const OptimizerSpec o = spec.resolved();
    if (o.type == "adamw" || (o.type == "adam" && o.weightDecay == 0.0))
        return "adamw_torch";
    return "";
}

} // namespace

double HfSchedule::kwarg(const std::string& name, double fallback) const
{
    for (const auto& [key, value] : kwargs)
        if (key == name)
            return value;
    return fallback;
}

double huggingFaceFactor(const HfSchedule& h, int warmup, int trainingSteps, double base, int step)
{
    // transformers.optimization's lr_lambda functions, in their operation order.
    if (h.type == "constant")
        return 1.0;
    if (step < warmup)
        return hfWarmup(step, warmup);
    const double progress = static_cast<double>(step - warmup) /
                            static_cast<double>(std::max(1, trainingSteps - warmup));
    if (h.type == "constant_with_warmup")
        return 1.0;
    if (h.type == "linear")
        return std::max(0.0, static_cast<double>(trainingSteps - step) /
                                 static_cast<double>(std::max(1, trainingSteps - warmup)));
    if (h.type == "cosine")
        return std::max(0.0, 0.5 * (1.0 + std::cos(kPi * 0.5 * 2.0 * progress)));
    if (h.type == "cosine_with_min_lr") {
        const double minLrRate = h.kwarg("min_lr", 0.0) / base;
        double factor = 0.5 * (1.0 + std::cos(kPi * 0.5 * 2.0 * progress));
        factor = factor * (1 - minLrRate) + minLrRate;
        return std::max(0.0, factor);
    }
    if (h.type == "cosine_with_restarts") {
        if (progress >= 1.0)
            return 0.0;
        const double cycles = h.kwarg("num_cycles", 1.0);
        return std::max(0.0, 0.5 * (1.0 + std::cos(kPi * std::fmod(cycles * progress, 1.0))));
    }
    if (h.type == "polynomial") {
        const double lrEnd = h.kwarg("lr_end", 1e-7);
        if (step > trainingSteps)
            return lrEnd / base;
        const double lrRange = base - lrEnd;
        const int decaySteps = trainingSteps - warmup;
        const double pctRemaining = 1 - static_cast<double>(step - warmup) / decaySteps;
        const double decay = lrRange * std::pow(pctRemaining, h.kwarg("power", 1.0)) + lrEnd;
        return decay / base;
    }
    if (h.type == "inverse_sqrt") {
        const double timescale = warmup > 0 ? warmup : 10000.0;
        const double shift = timescale - warmup;
        return 1.0 / std::sqrt((step + shift) / timescale);
    }
    if (h.type == "warmup_stable_decay") {
        const double stable = h.kwarg("num_stable_steps", 0.0);
        const double decay = h.kwarg("num_decay_steps", 1.0);
        const double minRatio = h.kwarg("min_lr_ratio", 0.0);
        if (step < warmup + stable)
            return 1.0;
        if (step < warmup + stable + decay) {
            const double p = (step - warmup - stable) / std::max(1.0, decay);
            const double value = std::max(0.0, 0.5 * (1.0 + std::cos(kPi * 0.5 * 2.0 * p)));
            return (1.0 - minRatio) * value + minRatio;
        }
        return minRatio;
    }
    return std::nan("");
}

std::optional<HfSchedule> huggingFaceSchedule(const RunConfig& config)
{
    const ScheduleSpec& s = config.schedule;
    if (s.totalSteps != config.steps || (s.warmupSteps > 0 && s.warmupStartFactor != 0.0))
        return std::nullopt;
    const std::optional<HfSchedule> h = candidate(s, config.steps);
    if (!h)
        return std::nullopt;
    for (int step = 0; step < config.steps; ++step) {
        const double ours = learningRateAt(s, step);
        const double theirs = s.learningRate * huggingFaceFactor(*h, s.warmupSteps, config.steps,
                                                                 s.learningRate, step);
        if (!(std::fabs(ours - theirs) <= 1e-12 * std::max(std::fabs(ours), std::fabs(theirs))))
            return std::nullopt;
    }
    return h;
}

std::string huggingFaceSnippet(const RunConfig& config)
{
    const std::optional<HfSchedule> schedule = huggingFaceSchedule(config);
    const std::string optim = hfOptim(config.optimizer);
    const OptimizerSpec o = config.optimizer.resolved();
    const std::string common =
        "    output_dir=\"lrlab-run\",\n    max_steps=" + std::to_string(config.steps) +
        ",\n    max_grad_norm=0.0,  # lrlab does not clip gradients\n"
        "    seed=" +
        std::to_string(config.seed) + ",\n";
    if (schedule && !optim.empty()) {
        std::string text = "# lrlab's optimizer and learning-rate schedule as Hugging Face "
                           "TrainingArguments.\n";
        if (o.weightDecay != 0.0)
            text += "# The Trainer exempts biases and LayerNorm weights from weight decay; lrlab "
                    "decays every parameter.\n";
        text += "from transformers import TrainingArguments\n\n"
                "training_args = TrainingArguments(\n" +
                common + "    learning_rate=" + pythonFloat(config.schedule.learningRate) +
                ",\n    lr_scheduler_type=\"" + schedule->type +
                "\",\n    warmup_steps=" + std::to_string(config.schedule.warmupSteps) + ",\n";
        if (!schedule->kwargs.empty())
            text += "    lr_scheduler_kwargs=" + kwargsText(*schedule) + ",\n";
        text += "    optim=\"" + optim + "\",\n    adam_beta1=" + pythonFloat(o.beta1) +
                ",\n    adam_beta2=" + pythonFloat(o.beta2) +
                ",\n    adam_epsilon=" + pythonFloat(o.eps) +
                ",\n    weight_decay=" + pythonFloat(o.weightDecay) + ",\n)\n";
        return text;
    }
    const std::string why =
        !schedule ? "Hugging Face has no scheduler equal to this schedule (" +
                        decayName(config.schedule.decay) + ")"
                  : "TrainingArguments.optim has no optimizer equal to lrlab's " + o.type;
    return "# " + why + ":\n# pass lrlab's own as Trainer(optimizers=make_optimizer(...)).\n" +
           pytorchSnippet(config, true) +
           "\n\nfrom transformers import Trainer, TrainingArguments\n\n"
           "training_args = TrainingArguments(\n" +
           common +
           ")\n# trainer = Trainer(model=model, args=training_args, train_dataset=train_dataset,\n"
           "#                   optimizers=make_optimizer(model.parameters()))\n";
}

} // namespace lrlab
