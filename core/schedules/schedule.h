#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lrlab {

/// Decay after warmup (docs/semantics.md §2.4).
enum class Decay {
    Constant,
    Cosine,
    Linear,
    Polynomial,
    Exponential,
    Step,
    CosineRestarts,
    InverseSqrt,
    OneCycle,
    Wsd
};

/// Shape of the cool-down of the warmup-stable-decay schedule.
enum class WsdShape { Linear, Cosine, Sqrt };

/// A learning-rate schedule: warmup then a decay, all in steps. Fields mirror the config keys;
/// an empty optional takes the default documented beside it (which may depend on other fields).
struct ScheduleSpec
{
    double learningRate = 0.01;     ///< "lr": the base (peak) rate, > 0
    int warmupSteps = 0;            ///< W, in [0, total_steps]
    double warmupStartFactor = 0.0; ///< s, in [0, 1]: warmup starts at base·s
    Decay decay = Decay::Constant;
    double minLr = 0.0;              ///< floor of cosine/linear/polynomial/restarts/wsd
    int totalSteps = 1000;           ///< defaults to the run's steps
    std::optional<double> gamma;     ///< exponential: 0.99, step: 0.1
    int stepsPerEpoch = 1;           ///< exponential: steps per decay epoch
    std::optional<int> stepSize;     ///< step: default max(1, T / 3)
    std::optional<int> t0;           ///< cosine_restarts: first period, default max(1, T / 4)
    int tMult = 1;                   ///< cosine_restarts: period multiplier (integer >= 1)
    double power = 1.0;              ///< polynomial exponent
    std::optional<double> timescale; ///< inverse_sqrt: default W, or 10000 if W = 0
    double pctStart = 0.3;           ///< onecycle: fraction of T spent rising
    double divFactor = 25.0;         ///< onecycle: initial lr = base / div_factor
    double finalDivFactor = 1e4;     ///< onecycle: final lr = initial / final_div_factor
    double decayFraction = 0.2;      ///< wsd: fraction of T spent decaying
    WsdShape shape = WsdShape::Linear;
};

/// Member-wise exact equality: doubles with ==, optionals as optionals (empty equals only empty).
bool operator==(const ScheduleSpec& a, const ScheduleSpec& b);
bool operator!=(const ScheduleSpec& a, const ScheduleSpec& b);

/// The LR used at 0-based step t (pure: the GUI previews it). Past total_steps the decay is
/// clamped to its end (cosine_restarts keeps cycling).
double learningRateAt(const ScheduleSpec& spec, int step);

/// The schedule keys decay reads besides lr, warmup_steps, warmup_start_factor, decay and
/// total_steps, which every schedule uses (e.g. cosine: {"min_lr"}). The config reader and the
/// window's schedule fields both follow this one table.
std::vector<std::string> decayKeys(Decay decay);

/// Config names of the decays, in enum order.
const std::vector<std::string>& decayNames();
std::string decayName(Decay decay);
/// Throws std::invalid_argument for an unknown name.
Decay decayFromName(const std::string& name);
const std::vector<std::string>& wsdShapeNames();
std::string wsdShapeName(WsdShape shape);
WsdShape wsdShapeFromName(const std::string& name);

} // namespace lrlab
