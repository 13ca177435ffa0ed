// The fixed-order model kernels (core/models/kernels.h): every target this CPU runs gives exactly
// the numbers of a plain reference loop in the documented order (GEMMs over awkward shapes and
// strides, element-wise passes over special values); the float elementary functions are as
// accurate as libm's; and LRLAB_KERNEL_TARGET refuses names it does not know.
#include "core/models/fixed_math.h"
#include "core/models/kernels.h"
#include "core/util/rng.h"

#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

using lrlab::kernels::KernelTable;
using lrlab::kernels::MatrixView;
using lrlab::kernels::Target;

namespace {

/// The targets this CPU can run (Baseline always).
std::vector<Target> supportedTargets()
{
    std::vector<Target> out;
    for (const Target t : {Target::Baseline, Target::X86_64_V3, Target::X86_64_V4})
        if (lrlab::kernels::cpuSupports(t))
            out.push_back(t);
    return out;
}

template <typename Scalar> const KernelTable<Scalar>& table(Target target);
template <> const KernelTable<float>& table<float>(Target target)
{
    return lrlab::kernels::kernelSet(target).single;
}
template <> const KernelTable<double>& table<double>(Target target)
{
    return lrlab::kernels::kernelSet(target).dual;
}

template <typename Scalar> std::vector<Scalar> randomValues(std::size_t n, std::uint64_t seed)
{
    lrlab::Rng rng(seed, 0);
    std::vector<Scalar> out(n);
    for (Scalar& v : out)
        v = static_cast<Scalar>(rng.uniform(-2.0, 2.0));
    return out;
}

template <typename Scalar> bool sameBits(const std::vector<Scalar>& a, const std::vector<Scalar>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(Scalar)) == 0;
}

/// The GEMM of one shape and operand layout on every target against the reference loop.
template <typename Scalar>
void checkGemm(int rows, int cols, int depth, bool aTransposed, bool bTransposed)
{
    const std::size_t aSize = static_cast<std::size_t>(rows) * depth;
    const std::size_t bSize = static_cast<std::size_t>(depth) * cols;
    const std::vector<Scalar> a = randomValues<Scalar>(aSize, 1);
    const std::vector<Scalar> b = randomValues<Scalar>(bSize, 2);
    const int ldc = cols + 3; // a row stride wider than the matrix: the gap must stay untouched
    const std::vector<Scalar> c0 = randomValues<Scalar>(static_cast<std::size_t>(rows) * ldc, 3);
    // a(i, p) and b(p, j) stored row-major or transposed.
    const MatrixView<Scalar> aView = aTransposed ? MatrixView<Scalar>{a.data(), 1, rows}
                                                 : MatrixView<Scalar>{a.data(), depth, 1};
    const MatrixView<Scalar> bView = bTransposed ? MatrixView<Scalar>{b.data(), 1, depth}
                                                 : MatrixView<Scalar>{b.data(), cols, 1};
    std::vector<Scalar> expected = c0;
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < cols; ++j) {
            Scalar acc = expected[static_cast<std::size_t>(i) * ldc + j];
            for (int p = 0; p < depth; ++p)
                acc = acc + aView.data[i * aView.rowStride + p * aView.colStride] *
                                bView.data[p * bView.rowStride + j * bView.colStride];
            expected[static_cast<std::size_t>(i) * ldc + j] = acc;
        }
    std::vector<Scalar> workspace(lrlab::kernels::gemmWorkspaceSize(rows, cols, depth));
    for (const Target target : supportedTargets()) {
        std::vector<Scalar> c = c0;
        table<Scalar>(target).gemmAccumulate(rows, cols, depth, aView, bView, c.data(), ldc,
                                             workspace.data());
        QVERIFY2(sameBits(c, expected), lrlab::kernels::targetName(target));
    }
}

/// Inputs for the element-wise kernels: a range of magnitudes and the special values.
std::vector<float> elementInputs()
{
    std::vector<float> x = randomValues<float>(997, 4);
    for (std::size_t i = 0; i < x.size(); i += 3)
        x[i] *= 60.0f; // reaches exp's overflow and underflow and tanh's saturation
    const float inf = std::numeric_limits<float>::infinity();
    for (const float v : {0.0f, -0.0f, 1e-30f, -1e-8f, 88.7f, 88.8f, -103.9f, -104.0f, 9.5f, -12.0f,
                          inf, -inf, std::numeric_limits<float>::quiet_NaN()})
        x.push_back(v);
    return x;
}

/// Units in the last place between two finite floats.
long ulpDistance(float a, float b)
{
    std::int32_t ia, ib;
    std::memcpy(&ia, &a, sizeof a);
    std::memcpy(&ib, &b, sizeof b);
    if (ia < 0)
        ia = std::numeric_limits<std::int32_t>::min() - ia;
    if (ib < 0)
        ib = std::numeric_limits<std::int32_t>::min() - ib;
    return std::labs(static_cast<long>(ia) - static_cast<long>(ib));
}

} // namespace

class TestKernels : public QObject
{
    Q_OBJECT

private slots:
    void unknownTargetIsRefused();
    void gemmMatchesReference_data();
    void gemmMatchesReference();
    void elementwiseMatchReference();
    void columnSumsInRowOrder();
    void floatFunctionsAreAccurate();
};

// First, before anything has chosen the active kernels.
void TestKernels::unknownTargetIsRefused()
{
    qputenv("LRLAB_KERNEL_TARGET", "pentium");
    try {
        lrlab::kernels::activeKernels();
        QFAIL("an unknown LRLAB_KERNEL_TARGET was accepted");
    } catch (const std::runtime_error& e) {
        const std::string message = e.what();
        QVERIFY2(message.find("LRLAB_KERNEL_TARGET=pentium") != std::string::npos, e.what());
        QVERIFY2(message.find("x86-64-v3") != std::string::npos, e.what());
    }
    qputenv("LRLAB_KERNEL_TARGET", "baseline");
    QCOMPARE(lrlab::kernels::activeKernels().target, Target::Baseline);
    qunsetenv("LRLAB_KERNEL_TARGET");
    for (const Target t : {Target::X86_64_V3, Target::X86_64_V4}) {
        if (lrlab::kernels::cpuSupports(t))
            continue;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, lrlab::kernels::setActiveTarget(t));
    }
}

void TestKernels::gemmMatchesReference_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("depth");
    QTest::addColumn<bool>("aTransposed");
    QTest::addColumn<bool>("bTransposed");
    const int shapes[][3] = {{1, 1, 1},   {1, 1, 9},    {1, 17, 1},  {3, 5, 7},   {4, 8, 0},
                             {5, 33, 3},  {7, 1, 13},   {8, 32, 64}, {9, 10, 32}, {13, 47, 5},
                             {17, 16, 2}, {32, 10, 32}, {33, 65, 31}};
    for (const auto& s : shapes)
        for (const bool aT : {false, true})
            for (const bool bT : {false, true})
                QTest::addRow("%dx%dx%d%s%s", s[0], s[1], s[2], aT ? "-At" : "", bT ? "-Bt" : "")
                    << s[0] << s[1] << s[2] << aT << bT;
}

void TestKernels::gemmMatchesReference()
{
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, depth);
    QFETCH(bool, aTransposed);
    QFETCH(bool, bTransposed);
    checkGemm<float>(rows, cols, depth, aTransposed, bTransposed);
    checkGemm<double>(rows, cols, depth, aTransposed, bTransposed);
}

void TestKernels::elementwiseMatchReference()
{
    const std::vector<float> x = elementInputs();
    const std::vector<float> activation = randomValues<float>(x.size(), 5);
    std::vector<float> positive = x; // log: mostly positive, and the special values
    for (std::size_t i = 0; i < positive.size(); i += 2)
        positive[i] = std::fabs(positive[i]) * 1e3f;
    std::vector<float> logRef = positive;
    for (float& v : logRef)
        v = static_cast<float>(lrlab::fixedmath::logDouble(v));
    std::vector<float> tanhRef = x, expRef = x, reluRef = x, tanhBack = x, reluBack = x;
    for (std::size_t i = 0; i < x.size(); ++i) {
        tanhRef[i] = lrlab::fixedmath::tanhFloat(x[i]);
        expRef[i] = lrlab::fixedmath::expFloat(x[i]);
        reluRef[i] = x[i] > 0.0f ? x[i] : 0.0f;
        tanhBack[i] = x[i] * (1.0f - activation[i] * activation[i]);
        reluBack[i] = activation[i] > 0.0f ? x[i] : 0.0f;
    }
    for (const Target target : supportedTargets()) {
        const KernelTable<float>& k = table<float>(target);
        const char* name = lrlab::kernels::targetName(target);
        std::vector<float> y = x;
        k.tanhInPlace(y.data(), y.size());
        QVERIFY2(sameBits(y, tanhRef), name);
        y = x;
        k.expInPlace(y.data(), y.size());
        QVERIFY2(sameBits(y, expRef), name);
        y = positive;
        k.logInPlace(y.data(), y.size());
        QVERIFY2(sameBits(y, logRef), name);
        y = x;
        k.reluInPlace(y.data(), y.size());
        QVERIFY2(sameBits(y, reluRef), name);
        y = x;
        k.tanhBackward(y.data(), activation.data(), y.size());
        QVERIFY2(sameBits(y, tanhBack), name);
        y = x;
        k.reluBackward(y.data(), activation.data(), y.size());
        QVERIFY2(sameBits(y, reluBack), name);
    }
}

void TestKernels::columnSumsInRowOrder()
{
    for (const int cols : {1, 3, 10, 17, 64}) {
        const int rows = 29;
        const std::vector<float> m = randomValues<float>(static_cast<std::size_t>(rows) * cols, 6);
        std::vector<float> expected = randomValues<float>(static_cast<std::size_t>(cols), 7);
        const std::vector<float> start = expected;
        for (int i = 0; i < rows; ++i)
            for (int j = 0; j < cols; ++j)
                expected[j] = expected[j] + m[static_cast<std::size_t>(i) * cols + j];
        for (const Target target : supportedTargets()) {
            std::vector<float> sums = start;
            table<float>(target).columnSumsAccumulate(m.data(), rows, cols, sums.data());
            QVERIFY2(sameBits(sums, expected), lrlab::kernels::targetName(target));
        }
    }
}

// Against libm in double, rounded to float: exp and log at most 1 ulp apart (nearly always 0),
// tanh (Eigen's approximation) at most kTanhUlps; and the special values as IEEE defines them.
void TestKernels::floatFunctionsAreAccurate()
{
    using namespace lrlab::fixedmath;
    long worstExp = 0, worstTanh = 0, worstLog = 0;
    int differingExp = 0;
    const int samples = 200000;
    for (int i = 0; i < samples; ++i) {
        const double u = (i + 0.5) / samples;
        const float xe = static_cast<float>(-103.0 + 191.5 * u);
        if (std::isfinite(std::exp(static_cast<double>(xe))) &&
            std::exp(static_cast<double>(xe)) < std::numeric_limits<float>::max()) {
            const long d = ulpDistance(expFloat(xe), static_cast<float>(std::exp(double(xe))));
            worstExp = std::max(worstExp, d);
            differingExp += d != 0 ? 1 : 0;
        }
        const float xt = static_cast<float>(-12.0 + 24.0 * u);
        worstTanh = std::max(worstTanh,
                             ulpDistance(tanhFloat(xt), static_cast<float>(std::tanh(double(xt)))));
        const double xl = std::exp(-40.0 + 80.0 * u);
        worstLog = std::max(worstLog, ulpDistance(static_cast<float>(logDouble(xl)),
                                                  static_cast<float>(std::log(xl))));
    }
    constexpr long kTanhUlps = 8;
    QVERIFY2(worstExp <= 1 && worstTanh <= kTanhUlps && worstLog <= 1,
             qPrintable(QString("worst ulp: exp %1, tanh %2, log %3")
                            .arg(worstExp)
                            .arg(worstTanh)
                            .arg(worstLog)));
    QVERIFY2(differingExp < samples / 1000, qPrintable(QString::number(differingExp)));
    qInfo("worst ulp against libm: exp %ld, tanh %ld, log %ld", worstExp, worstTanh, worstLog);
    QCOMPARE(tanhFloat(1e-30f), 1e-30f);
    QCOMPARE(tanhFloat(20.0f), 1.0f);
    QCOMPARE(tanhFloat(-20.0f), -1.0f);
    QCOMPARE(expFloat(0.0f), 1.0f);
    QCOMPARE(expFloat(89.0f), std::numeric_limits<float>::infinity());
    QCOMPARE(expFloat(-110.0f), 0.0f);
    QVERIFY(std::isnan(expFloat(std::numeric_limits<float>::quiet_NaN())));
    QVERIFY(std::isnan(tanhFloat(std::numeric_limits<float>::quiet_NaN())));
    QCOMPARE(logDouble(1.0), 0.0);
    QCOMPARE(logDouble(0.0), -std::numeric_limits<double>::infinity());
    QVERIFY(std::isnan(logDouble(-1.0)));
    QCOMPARE(log1pDouble(1e-20), 1e-20);
}

QTEST_APPLESS_MAIN(TestKernels)
#include "tst_kernels.moc"
