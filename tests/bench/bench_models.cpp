// Single-thread time of one training step (lossAndGradient + a plain SGD update) of the real
// models on digits-shaped and MNIST-shaped random data, plus a minimal hand-written Eigen MLP
// step as the "plain Eigen" reference for the first shape. Prints a table; not a CTest test.
// Compare with tests/bench/torch_step_bench.py (PyTorch, one thread, same shapes).

#include "core/models/model.h"
#include "core/util/rng.h"

#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized" // GCC PR 105593, see model.cpp
#endif
#include <Eigen/Core>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
using RowMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

constexpr double kMinSecondsPerMeasurement = 0.3;
constexpr int kRepetitions = 5;
constexpr int kBatchesInPool = 16; // cycle through distinct batches, as real training does
constexpr float kLearningRate = 0.01F;

/// Random data for kBatchesInPool batches of one shape.
struct BatchPool
{
    int inputs = 0;
    int batch = 0;
    std::vector<float> x;
    std::vector<int> labels;

    BatchPool(int inputCount, int classes, int batchSize) : inputs(inputCount), batch(batchSize)
    {
        lrlab::Rng rng(12345, 7);
        const std::size_t rows = static_cast<std::size_t>(kBatchesInPool) * batchSize;
        x.resize(rows * static_cast<std::size_t>(inputCount));
        for (float& v : x)
            v = static_cast<float>(rng.normal());
        labels.resize(rows);
        for (int& label : labels)
            label = static_cast<int>(rng.bounded(static_cast<std::uint64_t>(classes)));
    }
    const float* batchX(int k) const
    {
        return x.data() + static_cast<std::size_t>(k) * batch * inputs;
    }
    const int* batchLabels(int k) const
    {
        return labels.data() + static_cast<std::size_t>(k) * batch;
    }
};

/// Median over kRepetitions of the mean seconds per call of step(i), each repetition running
/// at least kMinSecondsPerMeasurement.
double medianSecondsPerStep(const std::function<void(int)>& step)
{
    // Calibrate the iteration count on a warm run.
    long iterations = 1;
    for (;;) {
        const auto start = Clock::now();
        for (long i = 0; i < iterations; ++i)
            step(static_cast<int>(i % kBatchesInPool));
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        if (seconds >= kMinSecondsPerMeasurement / 4)
            break;
        iterations *= 2;
    }
    iterations *= 4;
    std::vector<double> perStep;
    for (int r = 0; r < kRepetitions; ++r) {
        const auto start = Clock::now();
        for (long i = 0; i < iterations; ++i)
            step(static_cast<int>(i % kBatchesInPool));
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        perStep.push_back(seconds / static_cast<double>(iterations));
    }
    std::sort(perStep.begin(), perStep.end());
    return perStep[kRepetitions / 2];
}

/// Our Model<float>: lossAndGradient, then θ −= lr·g written inline.
double timeModel(const lrlab::ModelSpec& spec, const BatchPool& pool, float* lossSink)
{
    lrlab::Model<float> model(spec);
    model.reserve(pool.batch);
    std::vector<float> params(static_cast<std::size_t>(model.parameterCount()));
    std::vector<float> grad(params.size());
    model.initialize(1, params.data());
    const int count = model.parameterCount();
    return medianSecondsPerStep([&](int k) {
        *lossSink += model.lossAndGradient(params.data(), pool.batchX(k), pool.batch,
                                           pool.batchLabels(k), nullptr, grad.data());
        for (int i = 0; i < count; ++i)
            params[static_cast<std::size_t>(i)] -=
                kLearningRate * grad[static_cast<std::size_t>(i)];
    });
}

/// The reference: a one-hidden-layer tanh MLP step written directly in Eigen, no abstraction.
class PlainEigenMlp
{
public:
    PlainEigenMlp(int inputs, int hidden, int classes, int batch)
        : m_w1(hidden, inputs), m_w2(classes, hidden), m_b1(hidden), m_b2(classes),
          m_gw1(hidden, inputs), m_gw2(classes, hidden), m_gb1(hidden), m_gb2(classes),
          m_h(batch, hidden), m_z(batch, classes), m_d1(batch, hidden), m_d2(batch, classes)
    {
        lrlab::Rng rng(1, 3);
        const float bound1 = 1.0F / std::sqrt(static_cast<float>(inputs));
        const float bound2 = 1.0F / std::sqrt(static_cast<float>(hidden));
        for (Eigen::Index i = 0; i < m_w1.size(); ++i)
            m_w1.data()[i] = static_cast<float>(rng.uniform(-bound1, bound1));
        for (Eigen::Index i = 0; i < m_b1.size(); ++i)
            m_b1[i] = static_cast<float>(rng.uniform(-bound1, bound1));
        for (Eigen::Index i = 0; i < m_w2.size(); ++i)
            m_w2.data()[i] = static_cast<float>(rng.uniform(-bound2, bound2));
        for (Eigen::Index i = 0; i < m_b2.size(); ++i)
            m_b2[i] = static_cast<float>(rng.uniform(-bound2, bound2));
    }

    float step(const float* xData, const int* labels, float lr)
    {
        const Eigen::Index n = m_h.rows();
        const Eigen::Map<const RowMatrixXf> x(xData, n, m_w1.cols());
        m_h.noalias() = x * m_w1.transpose();
        m_h.rowwise() += m_b1;
        m_h = m_h.array().tanh();
        m_z.noalias() = m_h * m_w2.transpose();
        m_z.rowwise() += m_b2;
        float loss = 0.0F;
        const float inv = 1.0F / static_cast<float>(n);
        for (Eigen::Index i = 0; i < n; ++i) {
            const float top = m_z.row(i).maxCoeff();
            m_d2.row(i) = (m_z.row(i).array() - top).exp().matrix();
            const float sum = m_d2.row(i).sum();
            loss += std::log(sum) + top - m_z(i, labels[i]);
            m_d2.row(i) *= inv / sum;
            m_d2(i, labels[i]) -= inv;
        }
        m_gw2.noalias() = m_d2.transpose() * m_h;
        m_gb2.noalias() = m_d2.colwise().sum();
        m_d1.noalias() = m_d2 * m_w2;
        m_d1.array() *= 1.0F - m_h.array().square();
        m_gw1.noalias() = m_d1.transpose() * x;
        m_gb1.noalias() = m_d1.colwise().sum();
        m_w1 -= lr * m_gw1;
        m_b1 -= lr * m_gb1;
        m_w2 -= lr * m_gw2;
        m_b2 -= lr * m_gb2;
        return loss * inv;
    }

private:
    RowMatrixXf m_w1, m_w2;
    Eigen::RowVectorXf m_b1, m_b2;
    RowMatrixXf m_gw1, m_gw2;
    Eigen::RowVectorXf m_gb1, m_gb2;
    RowMatrixXf m_h, m_z, m_d1, m_d2;
};

struct Shape
{
    std::string name;
    int inputs;
    std::vector<int> hidden;
    int classes;
    std::string activation;
    int batch;
};

} // namespace

int main()
{
    const std::vector<Shape> shapes = {
        {"digits mlp 64-32-10 tanh", 64, {32}, 10, "tanh", 32},
        {"mlp 64-256-256-10 relu", 64, {256, 256}, 10, "relu", 32},
        {"mnist mlp 784-128-10 relu", 784, {128}, 10, "relu", 128},
    };
    float sink = 0.0F; // keeps the compiler from discarding the steps

    std::printf("lrlab model training step, single thread, float32 (median of %d x >= %.1f s)\n",
                kRepetitions, kMinSecondsPerMeasurement);
    std::printf("%-28s %6s %8s %12s %14s\n", "model", "batch", "params", "us/step",
                "vs plain Eigen");

    const Shape& first = shapes.front();
    const BatchPool firstPool(first.inputs, first.classes, first.batch);
    PlainEigenMlp plain(first.inputs, first.hidden.front(), first.classes, first.batch);
    const double baseline = medianSecondsPerStep([&](int k) {
        sink += plain.step(firstPool.batchX(k), firstPool.batchLabels(k), kLearningRate);
    });

    for (const Shape& shape : shapes) {
        const lrlab::ModelSpec spec = lrlab::makeModelSpec("mlp", shape.inputs, shape.classes,
                                                           shape.hidden, shape.activation);
        const BatchPool pool(shape.inputs, shape.classes, shape.batch);
        const double seconds = timeModel(spec, pool, &sink);
        const int params = lrlab::Model<float>(spec).parameterCount();
        if (&shape == &first)
            std::printf("%-28s %6d %8d %12.2f %13.2fx\n", shape.name.c_str(), shape.batch, params,
                        seconds * 1e6, seconds / baseline);
        else
            std::printf("%-28s %6d %8d %12.2f %14s\n", shape.name.c_str(), shape.batch, params,
                        seconds * 1e6, "-");
    }
    std::printf("%-28s %6d %8s %12.2f %13.2fx\n", "plain Eigen 64-32-10 tanh", first.batch, "",
                baseline * 1e6, 1.0);
    std::printf("(checksum %g)\n", static_cast<double>(sink));
    return 0;
}
