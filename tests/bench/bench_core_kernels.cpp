// The model's hot paths, for comparing builds (scripts/dev.sh bench-kernels runs the portable
// and the -march=native build alternately and prints medians and ratios): a training step
// (lossAndGradient + optimizer step) of the digits-sized MLP 64-32-10 tanh, batch 32, with SGD
// (momentum 0.9) and Adam, of an MLP 784-256-256-10 ReLU, batch 128, with Adam, and the 51×51
// PCA-plane landscape of a digits MLP (1 thread, full training split). Random data of the
// model's shape for the steps. Prints one "name<TAB>microseconds" line per measure (median of
// repeats). Uses only the core API, so the same file builds on older revisions too.
#include "core/analysis/landscape.h"
#include "core/models/model.h"
#include "core/optimizers/optimizer.h"
#include "core/util/rng.h"
#include "tests/bench/bench_timing.h"
#include "tests/common/run_configs.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace {

/// Median microseconds of one training step of an MLP inputs-hidden…-10.
double stepMicroseconds(int inputs, const std::vector<int>& hidden, const char* activation,
                        int batch, const std::string& optimizerType, int steps)
{
    lrlab::ModelSpec spec;
    spec.kind = lrlab::ModelKind::Mlp;
    spec.inputs = inputs;
    spec.outputs = 10;
    spec.hidden = hidden;
    spec.activation =
        std::string(activation) == "relu" ? lrlab::Activation::Relu : lrlab::Activation::Tanh;
    spec.loss = lrlab::LossKind::CrossEntropy;
    lrlab::Model<float> model(spec);
    model.reserve(batch);
    const int p = model.parameterCount();
    Eigen::VectorXf params(p), grad(p);
    model.initialize(1, params.data());
    lrlab::Rng rng(2, 0);
    std::vector<float> x(static_cast<std::size_t>(batch) * inputs);
    for (float& v : x)
        v = static_cast<float>(rng.uniform(-1.0, 1.0));
    std::vector<int> labels(static_cast<std::size_t>(batch));
    for (std::size_t i = 0; i < labels.size(); ++i)
        labels[i] = static_cast<int>(i % 10);
    lrlab::OptimizerSpec optimizerSpec;
    optimizerSpec.type = optimizerType;
    if (optimizerType == "sgd")
        optimizerSpec.momentum = 0.9;
    auto optimizer = lrlab::makeOptimizer<float>(optimizerSpec);
    optimizer->reset(p);
    const double lr = optimizerType == "sgd" ? 0.01 : 0.001;
    float sink = 0.0F;
    const double seconds = lrlab::bench::medianSeconds(
        7,
        [&] {
            for (int s = 0; s < steps; ++s) {
                sink += model.lossAndGradient(params.data(), x.data(), batch, labels.data(),
                                              nullptr, grad.data());
                optimizer->step(params, grad, lr);
            }
        },
        1);
    if (sink == 12345.0F)
        std::printf("#\n");
    return seconds / steps * 1e6;
}

} // namespace

int main()
{
    std::printf("digits-mlp-64-32-10-b32-sgd-step\t%.3f\n",
                stepMicroseconds(64, {32}, "tanh", 32, "sgd", 2000));
    std::printf("digits-mlp-64-32-10-b32-adam-step\t%.3f\n",
                stepMicroseconds(64, {32}, "tanh", 32, "adam", 2000));
    std::printf("mlp-784-256-256-10-b128-adam-step\t%.3f\n",
                stepMicroseconds(784, {256, 256}, "relu", 128, "adam", 20));

    const lrlab::test::ModelRun run =
        lrlab::test::trainModel(lrlab::test::digitsMlp(32, 0.01, 200, "adam"));
    const lrlab::ModelPlane pca = lrlab::makePcaPlane(run.trace);
    lrlab::LandscapeOptions options;
    options.threads = 1;
    double sink = 0.0;
    const double gridSeconds = lrlab::bench::medianSeconds(
        5,
        [&] {
            const lrlab::LandscapeGrid grid =
                lrlab::computeModelGrid(*run.problem, pca, 51, pca.defaultBox, options);
            sink += grid.loss[0];
        },
        1);
    std::printf("digits-landscape-51x51-1thread\t%.1f\n", gridSeconds * 1e6);
    std::printf("# checksum %g\n", sink);
    return 0;
}
