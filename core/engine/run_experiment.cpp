#include "core/engine/run_experiment.h"

#include "core/config/resource_estimate.h"

namespace lrlab {

ExperimentResult runExperiment(const RunConfig& config, const CancelFlag* cancel,
                               const ExperimentCallbacks& callbacks)
{
    validate(config);
    ExperimentResult result;
    if (isModelType(config.problem.type)) {
        result.problem = ModelProblem::create(config.problem, config.seed);
        // validate() estimated from the dataset's name; now its real shape is known.
        const Dataset& data = result.problem->dataset();
        checkResourceLimits(config, DataShape{static_cast<double>(data.rows),
                                              static_cast<double>(data.features), data.numClasses});
        if (callbacks.prepared)
            callbacks.prepared(result);
        result.model = runModel(config, *result.problem, cancel, callbacks.model);
        return result;
    }
    result.surface = makeToySurface(config.problem.type, config.problem.parameters);
    result.minimumValue = result.surface->info().minimumValue;
    if (callbacks.prepared)
        callbacks.prepared(result);
    result.toy = runToy(config, *result.surface, cancel);
    return result;
}

} // namespace lrlab
