// LoRA adapters and the three fine-tuning methods: B = 0 leaves the model's outputs exactly as
// the base's, merge() is W + (α/r)·B·A, the A and B gradients match central finite
// differences, training never moves a frozen value, head-only moves only the output layer,
// and the trainable counts match hand arithmetic.
#include "core/finetune/finetune_model.h"
#include "core/finetune/lora_model.h"
#include "core/optimizers/optimizer.h"
#include "core/util/rng.h"
#include "tests/common/nearly_equal.h"

#include <QtTest>

#include <Eigen/Core>

#include <cmath>
#include <cstring>
#include <vector>

using lrlab::FineTuneMethod;
using lrlab::LoraOptions;
using lrlab::ModelSpec;
using lrlab::test::nearlyEqual;

Q_DECLARE_METATYPE(lrlab::FineTuneMethod)

namespace {

ModelSpec mlp(int inputs, std::vector<int> hidden, int classes, const char* activation)
{
    return lrlab::makeModelSpec("mlp", inputs, classes, hidden, activation);
}

template <typename Scalar> std::vector<Scalar> baseParameters(const ModelSpec& spec, int seed)
{
    const lrlab::Model<Scalar> model(spec);
    std::vector<Scalar> p(static_cast<std::size_t>(model.parameterCount()));
    model.initialize(static_cast<std::uint64_t>(seed), p.data());
    return p;
}

template <typename Vector> void fillRandom(Vector& v, std::uint64_t seed, double scale)
{
    lrlab::Rng rng(seed, 77);
    for (Eigen::Index i = 0; i < v.size(); ++i)
        v(i) = static_cast<typename Vector::Scalar>(rng.uniform(-scale, scale));
}

struct Batch
{
    Eigen::VectorXd X;
    std::vector<int> labels;
};

Batch randomBatch(int n, int inputs, int classes, std::uint64_t seed)
{
    Batch b;
    b.X.resize(static_cast<Eigen::Index>(n) * inputs);
    fillRandom(b.X, seed, 2.0);
    lrlab::Rng rng(seed, 78);
    for (int i = 0; i < n; ++i)
        b.labels.push_back(static_cast<int>(rng.bounded(static_cast<std::uint64_t>(classes))));
    return b;
}

/// True when the two float ranges have the same bits.
bool sameBits(const float* a, const float* b, std::size_t n)
{
    return std::memcmp(a, b, n * sizeof(float)) == 0;
}

} // namespace

class TestLora : public QObject
{
    Q_OBJECT

private slots:
    void zeroBKeepsBaseOutputs_data();
    void zeroBKeepsBaseOutputs();
    void mergeIsWPlusScaledBA_data();
    void mergeIsWPlusScaledBA();
    void gradientsMatchFiniteDifferences_data();
    void gradientsMatchFiniteDifferences();
    void gradientOfAIsZeroWhileBIsZero();
    void frozenValuesNeverChange_data();
    void frozenValuesNeverChange();
    void trainableCounts_data();
    void trainableCounts();
    void initialization();
    void badOptions();
};

void TestLora::zeroBKeepsBaseOutputs_data()
{
    QTest::addColumn<int>("rank");
    QTest::addColumn<bool>("adaptOutput");
    QTest::newRow("rank-1") << 1 << false;
    QTest::newRow("rank-8") << 8 << false;
    QTest::newRow("rank-8-with-output") << 8 << true;
    QTest::newRow("rank-64") << 64 << false;
}

void TestLora::zeroBKeepsBaseOutputs()
{
    QFETCH(int, rank);
    QFETCH(bool, adaptOutput);
    const ModelSpec spec = mlp(64, {128}, 10, "relu");
    const std::vector<float> base = baseParameters<float>(spec, 3);
    LoraOptions options;
    options.rank = rank;
    options.alpha = 16.0;
    options.adaptOutputLayer = adaptOutput;
    lrlab::LoraModel<float> lora(spec, base, options);
    Eigen::VectorXf trainable(lora.parameterCount());
    lora.initialize(5, trainable.data());
    const int n = 40;
    Eigen::VectorXf X(n * 64);
    fillRandom(X, 9, 2.0);

    lrlab::Model<float> model(spec);
    const Eigen::VectorXf baseVector =
        Eigen::Map<const Eigen::VectorXf>(base.data(), static_cast<Eigen::Index>(base.size()));
    Eigen::VectorXf expected(n * 10);
    model.predict(baseVector.data(), X.data(), n, expected.data());
    Eigen::VectorXf actual(n * 10);
    lora.predict(trainable.data(), X.data(), n, actual.data());
    QVERIFY(sameBits(actual.data(), expected.data(), static_cast<std::size_t>(n * 10)));

    // The merged vector itself is the base, value for value (W + 0 = W).
    Eigen::VectorXf merged(lora.baseParameterCount());
    lora.merge(trainable.data(), merged.data());
    for (Eigen::Index i = 0; i < merged.size(); ++i)
        QCOMPARE(merged(i), base[static_cast<std::size_t>(i)]);
}

void TestLora::mergeIsWPlusScaledBA_data()
{
    QTest::addColumn<int>("rank");
    QTest::addColumn<double>("alpha");
    QTest::addColumn<bool>("adaptOutput");
    QTest::newRow("r2-alpha4-hidden") << 2 << 4.0 << false;
    QTest::newRow("r3-alpha1-with-output") << 3 << 1.0 << true;
    QTest::newRow("r5-alpha10-hidden") << 5 << 10.0 << false;
}

void TestLora::mergeIsWPlusScaledBA()
{
    QFETCH(int, rank);
    QFETCH(double, alpha);
    QFETCH(bool, adaptOutput);
    // Two hidden layers so that "each hidden weight" means two adapters.
    const ModelSpec spec = mlp(6, {7, 5}, 4, "tanh");
    const std::vector<double> base = baseParameters<double>(spec, 11);
    LoraOptions options;
    options.rank = rank;
    options.alpha = alpha;
    options.adaptOutputLayer = adaptOutput;
    lrlab::LoraModel<double> lora(spec, base, options);
    Eigen::VectorXd t(lora.parameterCount());
    fillRandom(t, 21, 1.0);
    Eigen::VectorXd merged(lora.baseParameterCount());
    lora.merge(t.data(), merged.data());

    const lrlab::Model<double> model(spec);
    const double s = alpha / rank;
    std::vector<bool> adapted(static_cast<std::size_t>(merged.size()), false);
    // The trainable layout, independently: per adapted layer A (r×in) then B (out×r), row-major.
    int offset = 0;
    const int adaptedLayers = model.layerCount() - (adaptOutput ? 0 : 1);
    QCOMPARE(static_cast<int>(lora.adapters().size()), adaptedLayers);
    for (int l = 0; l < adaptedLayers; ++l) {
        const int in = model.layer(l).inputs;
        const int out = model.layer(l).outputs;
        const double* A = t.data() + offset;
        const double* B = A + rank * in;
        offset += rank * (in + out);
        for (int i = 0; i < out; ++i)
            for (int j = 0; j < in; ++j) {
                double ba = 0.0;
                for (int k = 0; k < rank; ++k)
                    ba += B[i * rank + k] * A[k * in + j];
                const int idx = model.weightIndex(l, i, j);
                adapted[static_cast<std::size_t>(idx)] = true;
                const double expected = base[static_cast<std::size_t>(idx)] + s * ba;
                QVERIFY2(nearlyEqual(merged(idx), expected, 1e-12, 1e-14),
                         qPrintable(QString("layer %1 (%2,%3): %4 vs %5")
                                        .arg(l)
                                        .arg(i)
                                        .arg(j)
                                        .arg(merged(idx), 0, 'g', 17)
                                        .arg(expected, 0, 'g', 17)));
            }
    }
    QCOMPARE(offset, lora.parameterCount());
    for (Eigen::Index i = 0; i < merged.size(); ++i)
        if (!adapted[static_cast<std::size_t>(i)])
            QCOMPARE(merged(i), base[static_cast<std::size_t>(i)]); // biases, frozen layers
}

void TestLora::gradientsMatchFiniteDifferences_data()
{
    QTest::addColumn<QString>("activation");
    QTest::addColumn<int>("rank");
    QTest::addColumn<bool>("adaptOutput");
    QTest::newRow("tanh-r3-hidden") << "tanh" << 3 << false;
    QTest::newRow("tanh-r2-with-output") << "tanh" << 2 << true;
    QTest::newRow("relu-r4-hidden") << "relu" << 4 << false;
}

void TestLora::gradientsMatchFiniteDifferences()
{
    QFETCH(QString, activation);
    QFETCH(int, rank);
    QFETCH(bool, adaptOutput);
    const ModelSpec spec = mlp(5, {6, 4}, 3, activation.toUtf8().constData());
    LoraOptions options;
    options.rank = rank;
    options.alpha = 3.0;
    options.adaptOutputLayer = adaptOutput;
    lrlab::LoraModel<double> lora(spec, baseParameters<double>(spec, 2), options);
    Eigen::VectorXd t(lora.parameterCount());
    fillRandom(t, 31, 0.8); // B non-zero, so both ∂L/∂A and ∂L/∂B are non-trivial
    const Batch batch = randomBatch(7, 5, 3, 41);
    Eigen::VectorXd grad(t.size());
    lora.lossAndGradient(t.data(), batch.X.data(), 7, batch.labels.data(), nullptr, grad.data());

    const double h = 1e-6;
    int nonZero = 0;
    for (Eigen::Index i = 0; i < t.size(); ++i) {
        Eigen::VectorXd plus = t;
        Eigen::VectorXd minus = t;
        plus(i) += h;
        minus(i) -= h;
        const double lp = lora.loss(plus.data(), batch.X.data(), 7, batch.labels.data(), nullptr);
        const double lm = lora.loss(minus.data(), batch.X.data(), 7, batch.labels.data(), nullptr);
        const double fd = (lp - lm) / (2 * h);
        QVERIFY2(nearlyEqual(grad(i), fd, 1e-6, 1e-9),
                 qPrintable(QString("coordinate %1: backprop %2, finite difference %3")
                                .arg(i)
                                .arg(grad(i), 0, 'g', 12)
                                .arg(fd, 0, 'g', 12)));
        if (std::abs(fd) > 1e-6)
            ++nonZero;
    }
    QVERIFY(nonZero > t.size() / 2); // the check is not vacuous
}

void TestLora::gradientOfAIsZeroWhileBIsZero()
{
    // ∂L/∂A = s·Bᵀ·G vanishes at the start (B = 0) while ∂L/∂B = s·G·Aᵀ does not: the first
    // steps move B only, as in the LoRA paper.
    const ModelSpec spec = mlp(5, {6}, 3, "tanh");
    lrlab::LoraModel<double> lora(spec, baseParameters<double>(spec, 4), LoraOptions{});
    Eigen::VectorXd t(lora.parameterCount());
    lora.initialize(8, t.data());
    const Batch batch = randomBatch(6, 5, 3, 12);
    Eigen::VectorXd grad(t.size());
    lora.lossAndGradient(t.data(), batch.X.data(), 6, batch.labels.data(), nullptr, grad.data());
    const lrlab::LoraAdapter& a = lora.adapters().front();
    const int r = lora.options().rank;
    for (int i = 0; i < r * a.inputs; ++i)
        QCOMPARE(grad(a.aOffset + i), 0.0);
    QVERIFY(grad.segment(a.bOffset, a.outputs * r).cwiseAbs().maxCoeff() > 1e-6);
}

void TestLora::frozenValuesNeverChange_data()
{
    QTest::addColumn<FineTuneMethod>("method");
    QTest::addColumn<QString>("optimizer");
    QTest::newRow("lora-adamw") << FineTuneMethod::Lora << "adamw";
    QTest::newRow("lora-sgd") << FineTuneMethod::Lora << "sgd";
    QTest::newRow("head-adamw") << FineTuneMethod::Head << "adamw";
    QTest::newRow("head-adam8bit") << FineTuneMethod::Head << "adam8bit";
    QTest::newRow("full-adamw") << FineTuneMethod::Full << "adamw";
}

void TestLora::frozenValuesNeverChange()
{
    QFETCH(FineTuneMethod, method);
    QFETCH(QString, optimizer);
    const ModelSpec spec = mlp(64, {32, 16}, 10, "relu");
    const std::vector<float> pretrained = baseParameters<float>(spec, 6);
    lrlab::FineTuneModel<float> model(spec, pretrained, method);
    const lrlab::Model<float> shape(spec);
    const int p = shape.parameterCount();
    const int headStart = shape.layer(shape.layerCount() - 1).weightOffset;

    Eigen::VectorXf theta(model.trainableCount());
    Eigen::VectorXf grad(model.trainableCount());
    model.initialize(7, theta.data());
    lrlab::OptimizerSpec optimizerSpec;
    optimizerSpec.type = optimizer.toStdString(); // weight decay: adamw's 0.01 acts on θ_t only
    auto opt = lrlab::makeOptimizer<float>(optimizerSpec);
    opt->reset(model.trainableCount());
    const int n = 16;
    Eigen::VectorXf X(n * 64);
    lrlab::Rng rng(3, 5);
    std::vector<int> labels(n);
    model.reserve(n);
    for (int step = 0; step < 30; ++step) {
        fillRandom(X, static_cast<std::uint64_t>(100 + step), 2.0);
        for (int& l : labels)
            l = static_cast<int>(rng.bounded(10));
        model.lossAndGradient(theta.data(), X.data(), n, labels.data(), nullptr, grad.data());
        opt->step(theta, grad, 0.05);
    }
    Eigen::VectorXf merged(p);
    model.merge(theta.data(), merged.data());
    QVERIFY(sameBits(model.pretrained().data(), pretrained.data(), pretrained.size()));

    // Which indices may move: LoRA the hidden weight matrices, head the output layer, full all.
    std::vector<bool> trainable(static_cast<std::size_t>(p), method == FineTuneMethod::Full);
    if (method == FineTuneMethod::Head)
        for (int i = headStart; i < p; ++i)
            trainable[static_cast<std::size_t>(i)] = true;
    if (method == FineTuneMethod::Lora)
        for (int l = 0; l + 1 < shape.layerCount(); ++l)
            for (int i = shape.layer(l).weightOffset; i < shape.layer(l).biasOffset; ++i)
                trainable[static_cast<std::size_t>(i)] = true;
    int moved = 0;
    for (int i = 0; i < p; ++i) {
        const auto k = static_cast<std::size_t>(i);
        if (!trainable[k])
            QVERIFY2(sameBits(&merged(i), &pretrained[k], 1),
                     qPrintable(QString("frozen parameter %1 changed").arg(i)));
        else if (merged(i) != pretrained[k])
            ++moved;
    }
    QVERIFY(moved > 0); // training did happen
}

void TestLora::trainableCounts_data()
{
    QTest::addColumn<QList<int>>("hidden");
    QTest::addColumn<FineTuneMethod>("method");
    QTest::addColumn<int>("rank");
    QTest::addColumn<bool>("adaptOutput");
    QTest::addColumn<int>("expected");
    const QList<int> h128{128};
    const QList<int> h32x16{32, 16};
    QTest::newRow("64-128-10-full")
        << h128 << FineTuneMethod::Full << 8 << false << 64 * 128 + 128 + 128 * 10 + 10;
    QTest::newRow("64-128-10-head") << h128 << FineTuneMethod::Head << 8 << false << 128 * 10 + 10;
    QTest::newRow("64-128-10-lora-r8")
        << h128 << FineTuneMethod::Lora << 8 << false << 8 * 64 + 128 * 8;
    QTest::newRow("64-128-10-lora-r4-output")
        << h128 << FineTuneMethod::Lora << 4 << true << 4 * 64 + 128 * 4 + 4 * 128 + 10 * 4;
    QTest::newRow("64-32-16-10-full") << h32x16 << FineTuneMethod::Full << 2 << false
                                      << 64 * 32 + 32 + 32 * 16 + 16 + 16 * 10 + 10;
    QTest::newRow("64-32-16-10-lora-r2")
        << h32x16 << FineTuneMethod::Lora << 2 << false << 2 * 64 + 32 * 2 + 2 * 32 + 16 * 2;
}

void TestLora::trainableCounts()
{
    QFETCH(QList<int>, hidden);
    QFETCH(FineTuneMethod, method);
    QFETCH(int, rank);
    QFETCH(bool, adaptOutput);
    QFETCH(int, expected);
    const ModelSpec spec = mlp(64, std::vector<int>(hidden.begin(), hidden.end()), 10, "relu");
    LoraOptions options;
    options.rank = rank;
    options.adaptOutputLayer = adaptOutput;
    QCOMPARE(lrlab::FineTuneModel<float>::countTrainable(spec, method, options), expected);
    lrlab::FineTuneModel<float> model(spec, baseParameters<float>(spec, 1), method, options);
    QCOMPARE(model.trainableCount(), expected);
}

void TestLora::initialization()
{
    // A uniform in ±1/√in (PEFT's kaiming_uniform_(a=√5)), B exactly zero, seeded.
    const ModelSpec spec = mlp(64, {128}, 10, "relu");
    lrlab::LoraModel<float> lora(spec, baseParameters<float>(spec, 1), LoraOptions{});
    Eigen::VectorXf a(lora.parameterCount());
    Eigen::VectorXf b(lora.parameterCount());
    lora.initialize(5, a.data());
    lora.initialize(5, b.data());
    QVERIFY(sameBits(a.data(), b.data(), static_cast<std::size_t>(a.size())));
    const lrlab::LoraAdapter& ad = lora.adapters().front();
    const Eigen::VectorXf A = a.segment(ad.aOffset, 8 * 64);
    const double bound = 1.0 / std::sqrt(64.0);
    QVERIFY(A.cwiseAbs().maxCoeff() <= bound);
    QVERIFY(A.cwiseAbs().maxCoeff() > 0.9 * bound); // spread over the whole range
    QVERIFY(std::abs(A.mean()) < 0.1 * bound);
    QCOMPARE(a.segment(ad.bOffset, 128 * 8).cwiseAbs().maxCoeff(), 0.0f);
    lora.initialize(6, b.data());
    QVERIFY(!sameBits(a.data(), b.data(), static_cast<std::size_t>(a.size())));
}

void TestLora::badOptions()
{
    const ModelSpec spec = mlp(4, {3}, 2, "relu");
    LoraOptions zeroRank;
    zeroRank.rank = 0;
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        lrlab::LoraModel<float>(spec, baseParameters<float>(spec, 1), zeroRank));
    LoraOptions badAlpha;
    badAlpha.alpha = 0.0;
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        lrlab::LoraModel<float>(spec, baseParameters<float>(spec, 1), badAlpha));
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        lrlab::LoraModel<float>(spec, std::vector<float>(3, 0.0f), LoraOptions{}));
    const ModelSpec softmax = lrlab::makeModelSpec("softmax", 4, 3, {}, "relu");
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument,
        lrlab::LoraModel<float>(softmax, baseParameters<float>(softmax, 1), LoraOptions{}));
}

QTEST_GUILESS_MAIN(TestLora)
#include "tst_lora.moc"
