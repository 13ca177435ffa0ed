#include "core/optimizers/optimizer.h"

#include "core/optimizers/adagrad.h"
#include "core/optimizers/adam.h"
#include "core/optimizers/adam8bit.h"
#include "core/optimizers/lion.h"
#include "core/optimizers/rmsprop.h"
#include "core/optimizers/sgd.h"

#include <cmath>
#include <stdexcept>
#include <tuple>

namespace lrlab {

namespace {

/// The sentinel of OptimizerSpec: negative or NaN means "the type's default".
bool isDefault(double value)
{
    return std::isnan(value) || value < 0.0;
}

} // namespace

OptimizerSpec OptimizerSpec::resolved() const
{
    // Defaults of docs/semantics.md §2.3. Fields a type does not use still get a harmless value, so
    // a resolved spec never carries a sentinel whatever its type.
    OptimizerSpec spec = *this;
    if (isDefault(spec.eps))
        spec.eps = type == "adagrad" ? 1e-10 : 1e-8;
    if (isDefault(spec.beta1))
        spec.beta1 = 0.9;
    if (isDefault(spec.beta2))
        spec.beta2 = type == "lion" ? 0.99 : 0.999;
    if (isDefault(spec.weightDecay))
        spec.weightDecay = type == "adamw" ? 0.01 : 0.0;
    return spec;
}

bool operator==(const OptimizerSpec& a, const OptimizerSpec& b)
{
    const auto fields = [](const OptimizerSpec& s) {
        return std::tie(s.type, s.momentum, s.nesterov, s.alpha, s.eps, s.beta1, s.beta2,
                        s.weightDecay, s.blockSize);
    };
    return fields(a) == fields(b);
}

bool operator!=(const OptimizerSpec& a, const OptimizerSpec& b)
{
    return !(a == b);
}

const std::vector<std::string>& optimizerNames()
{
    static const std::vector<std::string> names = {"sgd",   "rmsprop", "adagrad", "adam",
                                                   "adamw", "lion",    "adam8bit"};
    return names;
}

std::vector<std::string> optimizerKeys(const std::string& type)
{
    if (type == "sgd")
        return {"momentum", "nesterov", "weight_decay"};
    if (type == "rmsprop")
        return {"alpha", "eps", "momentum", "weight_decay"};
    if (type == "adagrad")
        return {"eps", "weight_decay"};
    if (type == "adam" || type == "adamw")
        return {"beta1", "beta2", "eps", "weight_decay"};
    if (type == "lion")
        return {"beta1", "beta2", "weight_decay"};
    if (type == "adam8bit")
        return {"beta1", "beta2", "eps", "weight_decay", "block_size"};
    throw std::invalid_argument("optimizer.type: unknown optimizer '" + type + "'");
}

template <typename Scalar>
std::unique_ptr<Optimizer<Scalar>> makeOptimizer(const OptimizerSpec& spec)
{
    // Ranges are checked by the config validation; this only maps the type to its class.
    const OptimizerSpec s = spec.resolved();
    if (s.type == "sgd")
        return std::make_unique<Sgd<Scalar>>(SgdOptions{s.momentum, s.nesterov, s.weightDecay});
    if (s.type == "rmsprop")
        return std::make_unique<Rmsprop<Scalar>>(
            RmspropOptions{s.alpha, s.eps, s.momentum, s.weightDecay});
    if (s.type == "adagrad")
        return std::make_unique<Adagrad<Scalar>>(AdagradOptions{s.eps, s.weightDecay});
    if (s.type == "adam" || s.type == "adamw")
        return std::make_unique<Adam<Scalar>>(
            AdamOptions{s.beta1, s.beta2, s.eps, s.weightDecay, s.type == "adamw"});
    if (s.type == "lion")
        return std::make_unique<Lion<Scalar>>(LionOptions{s.beta1, s.beta2, s.weightDecay});
    if (s.type == "adam8bit")
        return std::make_unique<Adam8bit<Scalar>>(
            Adam8bitOptions{s.beta1, s.beta2, s.eps, s.weightDecay, s.blockSize});
    throw std::invalid_argument("optimizer.type: unknown optimizer '" + s.type + "'");
}

template std::unique_ptr<Optimizer<double>> makeOptimizer<double>(const OptimizerSpec&);
template std::unique_ptr<Optimizer<float>> makeOptimizer<float>(const OptimizerSpec&);

} // namespace lrlab
