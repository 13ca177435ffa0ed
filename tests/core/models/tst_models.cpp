#include "core/models/model.h"
#include "core/util/rng.h"
#include "core/util/rng_streams.h"
#include "tests/common/model_rows.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/throws.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

using lrlab::Activation;
using lrlab::LossKind;
using lrlab::Model;
using lrlab::ModelKind;
using lrlab::ModelSpec;
using lrlab::test::addModelShapeColumns;
using lrlab::test::fetchModelSpec;
using lrlab::test::nearlyEqual;

namespace {

/// A batch of inputs with labels (classification) or targets (regression), in double.
struct Batch
{
    int n = 0;
    std::vector<double> x;
    std::vector<int> labels;
    std::vector<double> targets;
};

Batch randomBatch(const ModelSpec& spec, int n, std::uint64_t seed)
{
    lrlab::Rng rng(seed, 99);
    Batch batch;
    batch.n = n;
    batch.x.resize(static_cast<std::size_t>(n * spec.inputs));
    for (double& v : batch.x)
        v = rng.normal();
    const int classes = spec.loss == LossKind::BinaryCrossEntropy ? 2 : spec.outputs;
    for (int i = 0; i < n; ++i) {
        if (spec.isClassification())
            batch.labels.push_back(
                static_cast<int>(rng.bounded(static_cast<std::uint64_t>(classes))));
        else
            batch.targets.push_back(rng.normal());
    }
    return batch;
}

/// Parameters uniform in ±scale, independent of Model::initialize.
std::vector<double> randomParameters(int count, double scale, std::uint64_t seed)
{
    lrlab::Rng rng(seed, 77);
    std::vector<double> p(static_cast<std::size_t>(count));
    for (double& v : p)
        v = rng.uniform(-scale, scale);
    return p;
}

/// The layer widths: inputs, hidden..., outputs.
std::vector<int> widthsOf(const ModelSpec& spec)
{
    std::vector<int> widths{spec.inputs};
    widths.insert(widths.end(), spec.hidden.begin(), spec.hidden.end());
    widths.push_back(spec.outputs);
    return widths;
}

/// Independent per-sample reference of the forward pass and the loss, straight from
/// docs/semantics.md §2.2 and PyTorch's nn.Linear layout (weight out×in row-major, then bias). The
/// BCE uses the textbook −[y log σ(z) + (1−y) log(1−σ(z))], not the model's stable form. minAbsPre
/// receives the smallest |pre-activation| of any hidden unit (relu kinks).
double referenceLoss(const ModelSpec& spec, const std::vector<double>& p, const Batch& batch,
                     double* minAbsPre = nullptr)
{
    const std::vector<int> widths = widthsOf(spec);
    double total = 0.0;
    double smallest = std::numeric_limits<double>::infinity();
    for (int r = 0; r < batch.n; ++r) {
        std::vector<double> a(batch.x.begin() + r * spec.inputs,
                              batch.x.begin() + (r + 1) * spec.inputs);
        std::size_t offset = 0;
        for (std::size_t l = 0; l + 1 < widths.size(); ++l) {
            const int in = widths[l];
            const int out = widths[l + 1];
            std::vector<double> z(static_cast<std::size_t>(out));
            for (int j = 0; j < out; ++j) {
                double sum = p[offset + static_cast<std::size_t>(out * in + j)];
                for (int i = 0; i < in; ++i)
                    sum += p[offset + static_cast<std::size_t>(j * in + i)] *
                           a[static_cast<std::size_t>(i)];
                z[static_cast<std::size_t>(j)] = sum;
            }
            offset += static_cast<std::size_t>(out * in + out);
            if (l + 2 < widths.size()) {
                for (double& v : z) {
                    smallest = std::min(smallest, std::abs(v));
                    v = spec.activation == Activation::Tanh ? std::tanh(v) : std::max(v, 0.0);
                }
            }
            a = z;
        }
        if (spec.loss == LossKind::CrossEntropy) {
            const double top = *std::max_element(a.begin(), a.end());
            double sum = 0.0;
            for (double v : a)
                sum += std::exp(v - top);
            total += top + std::log(sum) -
                     a[static_cast<std::size_t>(batch.labels[static_cast<std::size_t>(r)])];
        } else if (spec.loss == LossKind::BinaryCrossEntropy) {
            const double sigmoid = 1.0 / (1.0 + std::exp(-a[0]));
            const double y = batch.labels[static_cast<std::size_t>(r)];
            total -= y * std::log(sigmoid) + (1.0 - y) * std::log(1.0 - sigmoid);
        } else {
            const double d = a[0] - batch.targets[static_cast<std::size_t>(r)];
            total += d * d;
        }
    }
    if (minAbsPre != nullptr)
        *minAbsPre = smallest;
    return total / batch.n;
}

std::vector<float> toFloat(const std::vector<double>& v)
{
    return std::vector<float>(v.begin(), v.end());
}

const double* targetsOf(const Batch& b)
{
    return b.targets.empty() ? nullptr : b.targets.data();
}

const int* labelsOf(const Batch& b)
{
    return b.labels.empty() ? nullptr : b.labels.data();
}

/// The model and a random batch (drawn with seed) of the current row of addModelRows().
struct ModelCase
{
    ModelSpec spec;
    int n = 0;
    Batch batch;
};

ModelCase fetchModelCase(std::uint64_t seed)
{
    const ModelSpec spec = fetchModelSpec();
    QFETCH(int, n);
    return {spec, n, randomBatch(spec, n, seed)};
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void lossMatchesReference_data() { addModelRows(); }
    void lossMatchesReference();
    void gradientMatchesFiniteDifferences_data() { addModelRows(); }
    void gradientMatchesFiniteDifferences();
    void floatAgreesWithDouble_data() { addModelRows(); }
    void floatAgreesWithDouble();
    void chunkedMatchesSingleBatch_data() { addModelRows(); }
    void chunkedMatchesSingleBatch();
    void linregHandComputed();
    void softmaxZeroWeightsGivesLogK_data();
    void softmaxZeroWeightsGivesLogK();
    void logregZeroGivesLog2();
    void lossesStableForHugeLogits();
    void parameterCount_data();
    void parameterCount();
    void layoutSoftmax();
    void layoutMlpSecondLayer();
    void initialization_data();
    void initialization();
    void evaluateAccuracy();
    void factoryBuilds_data();
    void factoryBuilds();
    void factoryErrors_data();
    void factoryErrors();
    void argumentErrors();

private:
    void addModelRows();
};

// Every model kind, small enough for a full finite-difference sweep.
void TestModels::addModelRows()
{
    addModelShapeColumns();
    QTest::addColumn<int>("n");
    QTest::newRow("linreg") << "linreg" << 1 << 0 << QList<int>{} << "relu" << 7;
    QTest::newRow("logreg") << "logreg" << 1 << 2 << QList<int>{} << "relu" << 9;
    QTest::newRow("softmax") << "softmax" << 4 << 3 << QList<int>{} << "relu" << 6;
    QTest::newRow("softmax-ten-classes") << "softmax" << 5 << 10 << QList<int>{} << "relu" << 20;
    QTest::newRow("mlp-relu") << "mlp" << 3 << 4 << QList<int>{5} << "relu" << 5;
    QTest::newRow("mlp-tanh") << "mlp" << 3 << 4 << QList<int>{5} << "tanh" << 5;
    QTest::newRow("mlp-two-hidden-tanh") << "mlp" << 4 << 3 << QList<int>{6, 5} << "tanh" << 8;
    QTest::newRow("mlp-two-hidden-relu") << "mlp" << 4 << 3 << QList<int>{6, 5} << "relu" << 8;
    QTest::newRow("mlp-regression-tanh") << "mlp" << 3 << 0 << QList<int>{4} << "tanh" << 6;
    QTest::newRow("mlp-regression-relu") << "mlp" << 3 << 0 << QList<int>{4, 3} << "relu" << 6;
    QTest::newRow("mlp-wide-batch") << "mlp" << 17 << 10 << QList<int>{33} << "tanh" << 37;
}

void TestModels::lossMatchesReference()
{
    const auto [spec, n, batch] = fetchModelCase(3);
    Model<double> model(spec);
    const std::vector<double> p = randomParameters(model.parameterCount(), 0.8, 4);
    const double expected = referenceLoss(spec, p, batch);
    std::vector<double> grad(p.size());
    const double withGrad = model.lossAndGradient(p.data(), batch.x.data(), n, labelsOf(batch),
                                                  targetsOf(batch), grad.data());
    const double only = model.loss(p.data(), batch.x.data(), n, labelsOf(batch), targetsOf(batch));
    const lrlab::Evaluation evaluation =
        model.evaluate(p.data(), batch.x.data(), n, labelsOf(batch), targetsOf(batch));
    QVERIFY2(
        nearlyEqual(withGrad, expected, 1e-12),
        qPrintable(QStringLiteral("%1 vs %2").arg(withGrad, 0, 'g', 17).arg(expected, 0, 'g', 17)));
    QVERIFY(nearlyEqual(only, expected, 1e-12));
    QVERIFY(nearlyEqual(evaluation.loss, expected, 1e-12));
    QCOMPARE(std::isnan(evaluation.accuracy), !spec.isClassification());
}

void TestModels::gradientMatchesFiniteDifferences()
{
    const auto [spec, n, batch] = fetchModelCase(11);
    Model<double> model(spec);
    model.reserve(n);
    std::vector<double> p = randomParameters(model.parameterCount(), 0.8, 12);
    // Central differences are only exact away from relu kinks: a step of h moves each
    // pre-activation by at most h·max|x|·… ≪ 1e-4, so no kink is crossed.
    double minAbsPre = 0.0;
    referenceLoss(spec, p, batch, &minAbsPre);
    if (!spec.hidden.empty())
        QVERIFY2(minAbsPre > 1e-4,
                 qPrintable(QStringLiteral("pre-activation %1 near a kink").arg(minAbsPre)));
    std::vector<double> grad(p.size());
    model.lossAndGradient(p.data(), batch.x.data(), n, labelsOf(batch), targetsOf(batch),
                          grad.data());
    const double h = 1e-6;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double saved = p[i];
        p[i] = saved + h;
        const double up =
            model.loss(p.data(), batch.x.data(), n, labelsOf(batch), targetsOf(batch));
        p[i] = saved - h;
        const double down =
            model.loss(p.data(), batch.x.data(), n, labelsOf(batch), targetsOf(batch));
        p[i] = saved;
        const double numeric = (up - down) / (2.0 * h);
        QVERIFY2(std::abs(numeric - grad[i]) <= 1e-7 * std::max(1.0, std::abs(numeric)),
                 qPrintable(QStringLiteral("parameter %1: backprop %2, finite difference %3")
                                .arg(i)
                                .arg(grad[i], 0, 'g', 12)
                                .arg(numeric, 0, 'g', 12)));
    }
}

void TestModels::floatAgreesWithDouble()
{
    const auto [spec, n, batch] = fetchModelCase(21);
    Model<double> md(spec);
    Model<float> mf(spec);
    // Round the inputs to float first, so both models see the same numbers.
    const std::vector<float> pf = toFloat(randomParameters(md.parameterCount(), 0.8, 22));
    const std::vector<float> xf = toFloat(batch.x);
    const std::vector<float> tf = toFloat(batch.targets);
    const std::vector<double> pd(pf.begin(), pf.end());
    const std::vector<double> xd(xf.begin(), xf.end());
    const std::vector<double> td(tf.begin(), tf.end());
    std::vector<double> gd(pd.size());
    std::vector<float> gf(pf.size());
    const double ld = md.lossAndGradient(pd.data(), xd.data(), n, labelsOf(batch),
                                         td.empty() ? nullptr : td.data(), gd.data());
    const float lf = mf.lossAndGradient(pf.data(), xf.data(), n, labelsOf(batch),
                                        tf.empty() ? nullptr : tf.data(), gf.data());
    QVERIFY2(std::abs(lf - ld) <= 1e-5 * std::max(1.0, std::abs(ld)),
             qPrintable(QStringLiteral("float %1, double %2").arg(lf).arg(ld)));
    double scale = 1.0;
    for (double g : gd)
        scale = std::max(scale, std::abs(g));
    for (std::size_t i = 0; i < gd.size(); ++i)
        QVERIFY2(std::abs(static_cast<double>(gf[i]) - gd[i]) <= 1e-5 * scale,
                 qPrintable(
                     QStringLiteral("grad %1: float %2, double %3").arg(i).arg(gf[i]).arg(gd[i])));
}

// A batch larger than the reserved size runs in chunks; loss and gradient stay the mean over
// all rows.
void TestModels::chunkedMatchesSingleBatch()
{
    const auto [spec, n, batch] = fetchModelCase(31);
    Model<double> whole(spec);
    whole.reserve(n);
    Model<double> chunked(spec);
    chunked.reserve(2); // n is odd for some rows: the last chunk is shorter
    const std::vector<double> p = randomParameters(whole.parameterCount(), 0.8, 32);
    std::vector<double> g1(p.size()), g2(p.size());
    const double l1 = whole.lossAndGradient(p.data(), batch.x.data(), n, labelsOf(batch),
                                            targetsOf(batch), g1.data());
    const double l2 = chunked.lossAndGradient(p.data(), batch.x.data(), n, labelsOf(batch),
                                              targetsOf(batch), g2.data());
    QVERIFY(nearlyEqual(l1, l2, 1e-12));
    for (std::size_t i = 0; i < p.size(); ++i)
        QVERIFY(nearlyEqual(g1[i], g2[i], 1e-10, 1e-14));
    const lrlab::Evaluation e1 =
        whole.evaluate(p.data(), batch.x.data(), n, labelsOf(batch), targetsOf(batch));
    const lrlab::Evaluation e2 =
        chunked.evaluate(p.data(), batch.x.data(), n, labelsOf(batch), targetsOf(batch));
    QVERIFY(nearlyEqual(e1.loss, e2.loss, 1e-12));
    QVERIFY(nearlyEqual(e1.accuracy, e2.accuracy));
}

// y = 2x − 1 on x = 1, 2, 3 with targets 1, 4, 4: predictions 1, 3, 5, errors 0, −1, 1.
// MSE = 2/3; dL/dw = (2/3)·Σ e·x = (2/3)(−2 + 3) = 2/3; dL/db = (2/3)·Σ e = 0.
void TestModels::linregHandComputed()
{
    Model<double> model(lrlab::makeModelSpec("linreg", 1, 0, {}, "relu"));
    QCOMPARE(model.parameterCount(), 2);
    const double p[2] = {2.0, -1.0};
    const double x[3] = {1.0, 2.0, 3.0};
    const double y[3] = {1.0, 4.0, 4.0};
    double g[2] = {0.0, 0.0};
    const double loss = model.lossAndGradient(p, x, 3, nullptr, y, g);
    QVERIFY(nearlyEqual(loss, 2.0 / 3.0));
    QVERIFY(nearlyEqual(g[0], 2.0 / 3.0));
    QVERIFY(nearlyEqual(g[1], 0.0));
    Model<float> modelF(lrlab::makeModelSpec("linreg", 1, 0, {}, "relu"));
    const float pf[2] = {2.0F, -1.0F};
    const float xf[3] = {1.0F, 2.0F, 3.0F};
    const float yf[3] = {1.0F, 4.0F, 4.0F};
    QVERIFY(std::abs(modelF.loss(pf, xf, 3, nullptr, yf) - 2.0F / 3.0F) < 1e-6F);
}

void TestModels::softmaxZeroWeightsGivesLogK_data()
{
    QTest::addColumn<int>("classes");
    QTest::newRow("two") << 2;
    QTest::newRow("three") << 3;
    QTest::newRow("ten") << 10;
}

// All logits 0: every class has probability 1/K, the loss is log K and the bias gradient is
// 1/K minus the fraction of rows with that label.
void TestModels::softmaxZeroWeightsGivesLogK()
{
    QFETCH(int, classes);
    const ModelSpec spec = lrlab::makeModelSpec("softmax", 3, classes, {}, "relu");
    Model<double> model(spec);
    const std::vector<double> p(static_cast<std::size_t>(model.parameterCount()), 0.0);
    const double x[12] = {1, 2, 3, -1, 0.5, 2, 0, 0, 1, 4, -3, 2};
    const int labels[4] = {0, 1, 1, classes - 1};
    std::vector<double> g(p.size());
    const double loss = model.lossAndGradient(p.data(), x, 4, labels, nullptr, g.data());
    QVERIFY(nearlyEqual(loss, std::log(static_cast<double>(classes))));
    for (int k = 0; k < classes; ++k) {
        const double fraction = static_cast<double>(std::count(labels, labels + 4, k)) / 4.0;
        QVERIFY(nearlyEqual(g[static_cast<std::size_t>(model.biasIndex(0, k))],
                            1.0 / classes - fraction, 1e-12, 1e-15));
    }
    Model<float> modelF(spec);
    const std::vector<float> pf(p.size(), 0.0F);
    const std::vector<float> xf(x, x + 12);
    QVERIFY(std::abs(modelF.loss(pf.data(), xf.data(), 4, labels, nullptr) -
                     std::log(static_cast<float>(classes))) < 1e-6F);
}

// w = b = 0: σ(0) = ½ so the loss is log 2; dL/dw = mean((½ − y)·x), dL/db = mean(½ − y).
void TestModels::logregZeroGivesLog2()
{
    Model<double> model(lrlab::makeModelSpec("logreg", 1, 2, {}, "relu"));
    const double p[2] = {0.0, 0.0};
    const double x[4] = {1.0, -2.0, 3.0, 0.5};
    const int labels[4] = {1, 0, 1, 1};
    double g[2];
    const double loss = model.lossAndGradient(p, x, 4, labels, nullptr, g);
    QVERIFY(nearlyEqual(loss, std::log(2.0)));
    QVERIFY(nearlyEqual(g[0], (-0.5 * 1.0 + 0.5 * -2.0 - 0.5 * 3.0 - 0.5 * 0.5) / 4.0));
    QVERIFY(nearlyEqual(g[1], (-0.5 + 0.5 - 0.5 - 0.5) / 4.0));
}

// The stable forms give finite, exact values where the naive formulas overflow.
void TestModels::lossesStableForHugeLogits()
{
    Model<float> logreg(lrlab::makeModelSpec("logreg", 1, 2, {}, "relu"));
    const float p[2] = {1000.0F, 0.0F};
    const float x[1] = {1.0F};
    const int zero[1] = {0};
    const int one[1] = {1};
    float g[2];
    QCOMPARE(logreg.lossAndGradient(p, x, 1, zero, nullptr, g), 1000.0F); // z·(1 − y) = 1000
    QCOMPARE(g[1], 1.0F);                                                 // σ(1000) − 0
    QCOMPARE(logreg.lossAndGradient(p, x, 1, one, nullptr, g), 0.0F);
    QCOMPARE(g[1] + 1.0F, 1.0F); // σ(1000) − 1 = 0 in float

    // softmax: logits (1000, 0, −1000) from the biases.
    Model<float> softmax(lrlab::makeModelSpec("softmax", 1, 3, {}, "relu"));
    const float q[6] = {0.0F, 0.0F, 0.0F, 1000.0F, 0.0F, -1000.0F};
    float h[6];
    QCOMPARE(softmax.lossAndGradient(q, x, 1, zero, nullptr, h), 0.0F);
    QCOMPARE(softmax.lossAndGradient(q, x, 1, one, nullptr, h), 1000.0F);
    QCOMPARE(h[3], 1.0F);  // p₀ = 1
    QCOMPARE(h[4], -1.0F); // p₁ − 1
    QVERIFY(std::isfinite(softmax.loss(q, x, 1, one, nullptr)));
}

void TestModels::parameterCount_data()
{
    addModelShapeColumns();
    QTest::addColumn<int>("expected");
    QTest::newRow("linreg") << "linreg" << 1 << 0 << QList<int>{} << "relu" << 2;
    QTest::newRow("logreg") << "logreg" << 1 << 2 << QList<int>{} << "relu" << 2;
    QTest::newRow("softmax-4-3") << "softmax" << 4 << 3 << QList<int>{} << "relu" << 4 * 3 + 3;
    QTest::newRow("digits-64-32-10")
        << "mlp" << 64 << 10 << QList<int>{32} << "relu" << 64 * 32 + 32 + 32 * 10 + 10;
    QTest::newRow("mlp-3-5-4-2") << "mlp" << 3 << 2 << QList<int>{5, 4} << "relu"
                                 << 3 * 5 + 5 + 5 * 4 + 4 + 4 * 2 + 2;
    QTest::newRow("mlp-regression")
        << "mlp" << 10 << 0 << QList<int>{8} << "relu" << 10 * 8 + 8 + 8 + 1;
}

void TestModels::parameterCount()
{
    const ModelSpec spec = fetchModelSpec();
    QFETCH(int, expected);
    QCOMPARE(Model<float>(spec).parameterCount(), expected);
    QCOMPARE(Model<double>(spec).parameterCount(), expected);
}

// softmax 3 inputs → 2 classes: indices 0..5 are W (2×3, row-major), 6..7 the bias. With x =
// (1, 10, 100) and one parameter set to 1, only the output of its row changes, by x[col] or 1.
void TestModels::layoutSoftmax()
{
    Model<double> model(lrlab::makeModelSpec("softmax", 3, 2, {}, "relu"));
    QCOMPARE(model.parameterCount(), 8);
    const double x[3] = {1.0, 10.0, 100.0};
    for (int index = 0; index < 8; ++index) {
        std::vector<double> p(8, 0.0);
        p[static_cast<std::size_t>(index)] = 1.0;
        double out[2];
        model.predict(p.data(), x, 1, out);
        const int row = index < 6 ? index / 3 : index - 6;
        const double value = index < 6 ? x[index % 3] : 1.0;
        QCOMPARE(out[row], value);
        QCOMPARE(out[1 - row], 0.0);
        if (index < 6)
            QCOMPARE(model.weightIndex(0, index / 3, index % 3), index);
        else
            QCOMPARE(model.biasIndex(0, index - 6), index);
    }
}

// mlp 2 → 3 (relu) → 2: layer 1 starts after 3·2 + 3 = 9 parameters. Hidden unit 2 = relu(bias
// 2) = 1 when its bias is 1; weight (1, 2) of layer 1 then sets output 1 alone.
void TestModels::layoutMlpSecondLayer()
{
    Model<double> model(lrlab::makeModelSpec("mlp", 2, 2, {3}, "relu"));
    QCOMPARE(model.parameterCount(), 9 + 6 + 2);
    QCOMPARE(model.layer(1).weightOffset, 9);
    QCOMPARE(model.weightIndex(1, 1, 2), 9 + 1 * 3 + 2);
    QCOMPARE(model.biasIndex(0, 2), 6 + 2);
    QCOMPARE(model.biasIndex(1, 0), 9 + 6);
    std::vector<double> p(17, 0.0);
    p[8] = 1.0;   // hidden bias 2
    p[14] = 5.0;  // layer 1 weight (1, 2)
    p[16] = -0.5; // output bias 1
    const double x[2] = {3.0, -7.0};
    double out[2];
    model.predict(p.data(), x, 1, out);
    QCOMPARE(out[0], 0.0);
    QCOMPARE(out[1], 4.5);
}

void TestModels::initialization_data()
{
    addModelShapeColumns();
    QTest::newRow("linreg") << "linreg" << 1 << 0 << QList<int>{} << "relu";
    QTest::newRow("softmax") << "softmax" << 30 << 3 << QList<int>{} << "relu";
    QTest::newRow("digits-mlp") << "mlp" << 64 << 10 << QList<int>{32} << "relu";
    QTest::newRow("two-hidden") << "mlp" << 20 << 4 << QList<int>{50, 7} << "relu";
}

void TestModels::initialization()
{
    const ModelSpec spec = fetchModelSpec();
    Model<double> model(spec);
    Model<float> modelF(spec);
    const auto count = static_cast<std::size_t>(model.parameterCount());
    std::vector<double> a(count), b(count), c(count);
    std::vector<float> f(count);
    model.initialize(7, a.data());
    model.initialize(7, b.data());
    model.initialize(8, c.data());
    modelF.initialize(7, f.data());
    QVERIFY(a == b);
    QVERIFY(a != c);

    // Expected: layer by layer, weight then bias, each Rng(seed, kStreamInit).uniform(±1/√in).
    lrlab::Rng rng(7, lrlab::kStreamInit);
    const std::vector<int> widths = widthsOf(spec);
    std::size_t index = 0;
    double normalizedSum = 0.0;
    for (std::size_t l = 0; l + 1 < widths.size(); ++l) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(widths[l]));
        const int layerCount = widths[l + 1] * widths[l] + widths[l + 1];
        for (int k = 0; k < layerCount; ++k, ++index) {
            QVERIFY(std::abs(a[index]) <= bound);
            QCOMPARE(a[index], rng.uniform(-bound, bound));
            QCOMPARE(f[index], static_cast<float>(a[index]));
            normalizedSum += a[index] / bound;
        }
    }
    QCOMPARE(index, count);
    // Uniform(−1, 1) has σ = 1/√3: the mean of `count` draws is within 5σ/√count of 0.
    QVERIFY(std::abs(normalizedSum / count) <= 5.0 / std::sqrt(3.0 * count));
}

// Points far inside the regions of a hand-set classifier; one row carries a wrong label.
void TestModels::evaluateAccuracy()
{
    // softmax 2 → 3: logits (x, y, −x − y).
    Model<double> softmax(lrlab::makeModelSpec("softmax", 2, 3, {}, "relu"));
    const double p[9] = {1, 0, 0, 1, -1, -1, 0, 0, 0};
    const double x[8] = {5, 0, 0, 5, -5, -5, 4, 1};
    const int labels[4] = {0, 1, 2, 1}; // the last point is class 0: wrong label
    lrlab::Evaluation e = softmax.evaluate(p, x, 4, labels, nullptr);
    QVERIFY(nearlyEqual(e.accuracy, 0.75));
    const int allRight[4] = {0, 1, 2, 0};
    e = softmax.evaluate(p, x, 4, allRight, nullptr);
    QVERIFY(nearlyEqual(e.accuracy, 1.0));

    // logreg w = 1, b = 0: class 1 iff x > 0.
    Model<float> logreg(lrlab::makeModelSpec("logreg", 1, 2, {}, "relu"));
    const float q[2] = {1.0F, 0.0F};
    const float xs[4] = {-2.0F, -1.0F, 1.0F, 2.0F};
    const int separable[4] = {0, 0, 1, 1};
    const int oneWrong[4] = {0, 1, 1, 1};
    QVERIFY(nearlyEqual(logreg.evaluate(q, xs, 4, separable, nullptr).accuracy, 1.0));
    QVERIFY(nearlyEqual(logreg.evaluate(q, xs, 4, oneWrong, nullptr).accuracy, 0.75));

    Model<double> linreg(lrlab::makeModelSpec("linreg", 1, 0, {}, "relu"));
    const double w[2] = {1.0, 0.0};
    const double t[2] = {1.0, 2.0};
    e = linreg.evaluate(w, x, 2, nullptr, t);
    QVERIFY(std::isnan(e.accuracy));
    QVERIFY(nearlyEqual(e.loss, ((5.0 - 1.0) * (5.0 - 1.0) + (0.0 - 2.0) * (0.0 - 2.0)) / 2.0));
}

void TestModels::factoryBuilds_data()
{
    addModelShapeColumns();
    QTest::addColumn<int>("outputs");
    QTest::addColumn<int>("loss");
    QTest::addColumn<int>("hiddenLayers");
    const int ce = static_cast<int>(LossKind::CrossEntropy);
    const int bce = static_cast<int>(LossKind::BinaryCrossEntropy);
    const int mse = static_cast<int>(LossKind::MeanSquaredError);
    // The config's default hidden [32] is ignored by the models without hidden layers.
    QTest::newRow("linreg-ignores-hidden")
        << "linreg" << 1 << 0 << QList<int>{32} << "tanh" << 1 << mse << 0;
    QTest::newRow("logreg") << "logreg" << 1 << 2 << QList<int>{32} << "tanh" << 1 << bce << 0;
    QTest::newRow("softmax") << "softmax" << 4 << 3 << QList<int>{32} << "tanh" << 3 << ce << 0;
    QTest::newRow("mlp-classification")
        << "mlp" << 64 << 10 << QList<int>{32} << "tanh" << 10 << ce << 1;
    QTest::newRow("mlp-regression")
        << "mlp" << 10 << 0 << QList<int>{16, 8} << "tanh" << 1 << mse << 2;
}

void TestModels::factoryBuilds()
{
    const ModelSpec spec = fetchModelSpec();
    QFETCH(QString, type);
    QFETCH(int, outputs);
    QFETCH(int, loss);
    QFETCH(int, hiddenLayers);
    QCOMPARE(spec.outputs, outputs);
    QCOMPARE(static_cast<int>(spec.loss), loss);
    QCOMPARE(static_cast<int>(spec.hidden.size()), hiddenLayers);
    QCOMPARE(QString::fromStdString(lrlab::modelKindName(spec.kind)), type);
    QCOMPARE(Model<float>(spec).layerCount(), hiddenLayers + 1);
}

void TestModels::factoryErrors_data()
{
    addModelShapeColumns();
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown-type") << "cnn" << 4 << 3 << QList<int>{8} << "relu"
                                  << "unknown model type";
    QTest::newRow("logreg-three-classes") << "logreg" << 1 << 3 << QList<int>{} << "relu"
                                          << "logreg needs exactly 2 classes";
    QTest::newRow("logreg-regression") << "logreg" << 1 << 0 << QList<int>{} << "relu"
                                       << "logreg needs exactly 2 classes";
    QTest::newRow("logreg-two-features") << "logreg" << 2 << 2 << QList<int>{} << "relu"
                                         << "logreg needs exactly one input feature";
    QTest::newRow("linreg-two-features") << "linreg" << 2 << 0 << QList<int>{} << "relu"
                                         << "linreg needs exactly one input feature";
    QTest::newRow("linreg-classification") << "linreg" << 1 << 3 << QList<int>{} << "relu"
                                           << "linreg needs a regression dataset";
    QTest::newRow("softmax-regression") << "softmax" << 4 << 0 << QList<int>{} << "relu"
                                        << "softmax needs a classification dataset";
    QTest::newRow("mlp-no-hidden") << "mlp" << 4 << 3 << QList<int>{} << "relu"
                                   << "mlp needs at least one hidden layer";
    QTest::newRow("mlp-zero-width") << "mlp" << 4 << 3 << QList<int>{8, 0} << "relu"
                                    << "hidden layer widths must be >= 1";
    QTest::newRow("bad-activation") << "mlp" << 4 << 3 << QList<int>{8} << "sigmoid"
                                    << "unknown activation";
    QTest::newRow("one-class") << "softmax" << 4 << 1 << QList<int>{} << "relu"
                               << "classes must be 0";
    QTest::newRow("zero-inputs") << "softmax" << 0 << 3 << QList<int>{} << "relu"
                                 << "at least one input feature";
}

void TestModels::factoryErrors()
{
    QFETCH(QString, message);
    const QString error =
        lrlab::test::thrownMessage<std::invalid_argument>([] { fetchModelSpec(); });
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestModels::argumentErrors()
{
    Model<double> softmax(lrlab::makeModelSpec("softmax", 2, 3, {}, "relu"));
    const std::vector<double> p(9, 0.0);
    const double x[4] = {1, 2, 3, 4};
    std::vector<double> g(9);
    const int bad[2] = {0, 3};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                             softmax.lossAndGradient(p.data(), x, 2, nullptr, nullptr, g.data()));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, softmax.loss(p.data(), x, 2, bad, nullptr));
    const int ok[2] = {0, 2};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, softmax.loss(p.data(), x, 0, ok, nullptr));
    Model<double> linreg(lrlab::makeModelSpec("linreg", 1, 0, {}, "relu"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, linreg.evaluate(p.data(), x, 2, ok, nullptr));
    Model<double> logreg(lrlab::makeModelSpec("logreg", 1, 2, {}, "relu"));
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, logreg.loss(p.data(), x, 2, bad, nullptr));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, softmax.reserve(0));
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
