#pragma once

#include "core/optimizers/optimizer.h"

#include <Eigen/Core>

#include <cstddef>

namespace lrlab::test {

/// stateBytes() of a fresh optimizer of spec over n parameters of float (isFloat) or double.
inline std::size_t stateBytesAfterReset(const OptimizerSpec& spec, int n, bool isFloat)
{
    if (isFloat) {
        auto optimizer = makeOptimizer<float>(spec);
        optimizer->reset(n);
        return optimizer->stateBytes();
    }
    auto optimizer = makeOptimizer<double>(spec);
    optimizer->reset(n);
    return optimizer->stateBytes();
}

/// Runs `steps` updates of optimizer (already reset to x's size) from x, each with the gradient
/// that gradient(x, g) writes into g and a learning rate decayed linearly from lr towards zero
/// (lr·(1 − k/steps) at step k); returns where it ends.
template <typename AnOptimizer, typename Gradient>
Eigen::VectorXd descendWithLinearDecay(AnOptimizer& optimizer, Eigen::VectorXd x, double lr,
                                       int steps, Gradient gradient)
{
    Eigen::VectorXd g(x.size());
    for (int k = 0; k < steps; ++k) {
        gradient(x, g);
        optimizer.step(x, g, lr * (1.0 - static_cast<double>(k) / steps));
    }
    return x;
}

} // namespace lrlab::test
