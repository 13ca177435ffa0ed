#include "core/config/run_config.h"

#include "core/problems/toy_surface.h"

#include <stdexcept>
#include <tuple>

namespace lrlab {

bool operator==(const ProblemSpec& a, const ProblemSpec& b)
{
    const auto fields = [](const ProblemSpec& s) {
        return std::tie(s.type, s.parameters, s.noise, s.dataset, s.feature, s.hidden, s.activation,
                        s.batchSize, s.valFraction);
    };
    return fields(a) == fields(b);
}

bool operator!=(const ProblemSpec& a, const ProblemSpec& b)
{
    return !(a == b);
}

bool operator==(const RunConfig& a, const RunConfig& b)
{
    const auto fields = [](const RunConfig& c) {
        return std::tie(c.problem, c.init, c.optimizer, c.schedule, c.steps, c.seed, c.evalEvery);
    };
    return fields(a) == fields(b);
}

bool operator!=(const RunConfig& a, const RunConfig& b)
{
    return !(a == b);
}

std::string defaultDataset(const std::string& modelType)
{
    if (modelType == "linreg")
        return "diabetes";
    if (modelType == "logreg")
        return "breast_cancer";
    return "digits";
}

std::string defaultFeature(const std::string& modelType)
{
    if (modelType == "linreg")
        return "bmi";
    if (modelType == "logreg")
        return "mean_radius";
    return {};
}

ProblemSpec defaultProblemSpec(const std::string& type)
{
    // The struct's initialisers own the shared defaults (noise 0, hidden {32}, relu, batch 32,
    // val fraction 0.2); only what depends on the family is filled here.
    ProblemSpec spec;
    spec.type = type;
    if (isToySurface(type))
        return spec; // parameters empty: each takes the surface's catalogue default
    if (!isModelType(type))
        throw std::invalid_argument("problem.type: unknown problem \"" + type + "\"");
    spec.dataset = defaultDataset(type);
    spec.feature = defaultFeature(type);
    return spec;
}

} // namespace lrlab
