#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace lrlab {

/// Hyper-parameters of every optimizer (docs/semantics.md §2.3). A negative or NaN value in a field
/// with a per-optimizer default means "use that optimizer's default"; see resolved().
struct OptimizerSpec
{
    std::string type = "sgd";  ///< sgd, rmsprop, adagrad, adam, adamw, lion, adam8bit
    double momentum = 0.0;     ///< sgd and rmsprop: heavy-ball coefficient, [0, 1)
    bool nesterov = false;     ///< sgd: Nesterov momentum (needs momentum > 0)
    double alpha = 0.99;       ///< rmsprop: smoothing constant, [0, 1)
    double eps = -1.0;         ///< rmsprop/adam*: 1e-8, adagrad: 1e-10
    double beta1 = -1.0;       ///< adam*: 0.9, lion: 0.9
    double beta2 = -1.0;       ///< adam*: 0.999, lion: 0.99
    double weightDecay = -1.0; ///< adamw: 0.01, others 0
    int blockSize = 2048;      ///< adam8bit: quantization block length

    /// A copy with every "default" sentinel replaced by the type's default.
    OptimizerSpec resolved() const;
};

/// Member-wise exact equality of the fields as stored (sentinels are not resolved first).
bool operator==(const OptimizerSpec& a, const OptimizerSpec& b);
bool operator!=(const OptimizerSpec& a, const OptimizerSpec& b);

/// The optimizer names in display order.
const std::vector<std::string>& optimizerNames();
/// The config keys (besides "type") that optimizer `type` accepts.
std::vector<std::string> optimizerKeys(const std::string& type);

/// An optimizer with PyTorch semantics on a flat parameter vector of Scalar (double for toy
/// surfaces, float for models, as PyTorch's float32 parameters). The update follows the same
/// operation order as torch.optim (1.13, single-tensor path) so results agree to rounding.
/// reset() allocates all state; step() never allocates. Not thread-safe; one per run.
template <typename Scalar> class Optimizer
{
public:
    using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
    virtual ~Optimizer() = default;
    /// Clears the state (moments, step count) and sizes it for `dimension` parameters.
    virtual void reset(int dimension) = 0;
    /// One update in place: x <- x - lr * direction(grad, state). grad is not modified.
    virtual void step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
                      double learningRate) = 0;
    /// Bytes of optimizer state (moments, buffers, quantization scales).
    virtual std::size_t stateBytes() const = 0;
};

/// Builds the optimizer of spec.type. Throws std::invalid_argument for an unknown type.
template <typename Scalar>
std::unique_ptr<Optimizer<Scalar>> makeOptimizer(const OptimizerSpec& spec);

extern template std::unique_ptr<Optimizer<double>> makeOptimizer<double>(const OptimizerSpec&);
extern template std::unique_ptr<Optimizer<float>> makeOptimizer<float>(const OptimizerSpec&);

} // namespace lrlab
