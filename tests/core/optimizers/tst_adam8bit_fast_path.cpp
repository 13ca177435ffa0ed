// The table-driven 8-bit path (quantization_codebook.h, Adam8bit::step) against the plain one it
// replaced, kept here as the reference: nearest codes by binary search (quantizeValue), block
// absmax and codes by quantizeBlock, moments by dequantizeBlock, Adam's element update. Both must
// agree bit for bit: codes on every kind of float, and θ, m and v over many steps and blocks.
#include "core/optimizers/adam8bit.h"
#include "core/optimizers/adam_update.h"
#include "core/optimizers/quantization.h"
#include "core/optimizers/quantization_codebook.h"
#include "core/util/rng.h"

#include <QtTest>

#include <Eigen/Core>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

namespace {

template <typename Scalar> using VectorOf = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

/// Adam8bit::step as it was written before the lookup tables: per block, dequantize, Adam's
/// element update, then quantizeBlock (absmax pass, binary-search codes) for m and v.
template <typename Scalar> class ReferenceAdam8bit
{
public:
    explicit ReferenceAdam8bit(const lrlab::Adam8bitOptions& options) : m_options(options) {}

    void reset(int n)
    {
        const auto blocks = static_cast<std::size_t>(lrlab::blockCount(n, m_options.blockSize));
        m_firstCodes.assign(static_cast<std::size_t>(n),
                            lrlab::quantizeValue(lrlab::signedDynamicMap(), 0.0f));
        m_secondCodes.assign(static_cast<std::size_t>(n),
                             lrlab::quantizeValue(lrlab::unsignedDynamicMap(), 0.0f));
        m_firstAbsmax.assign(blocks, 0.0f);
        m_secondAbsmax.assign(blocks, 0.0f);
        m_step = 0;
    }

    void step(VectorOf<Scalar>& x, const VectorOf<Scalar>& grad, double lr)
    {
        ++m_step;
        const lrlab::detail::AdamCoefficients<Scalar> c(
            m_options.beta1, m_options.beta2, m_options.eps, m_options.weightDecay, m_step, lr);
        const auto decay = m_options.weightDecay != 0.0 ? lrlab::detail::AdamDecay::Coupled
                                                        : lrlab::detail::AdamDecay::None;
        const auto& firstMap = lrlab::signedDynamicMap();
        const auto& secondMap = lrlab::unsignedDynamicMap();
        const std::int64_t n = x.size();
        const int blockSize = m_options.blockSize;
        std::vector<Scalar> m(static_cast<std::size_t>(blockSize));
        std::vector<Scalar> v(m.size());
        for (std::int64_t b = 0; b < lrlab::blockCount(n, blockSize); ++b) {
            const std::int64_t begin = b * blockSize;
            const int length = static_cast<int>(std::min<std::int64_t>(blockSize, n - begin));
            const auto block = static_cast<std::size_t>(b);
            std::uint8_t* firstCodes = m_firstCodes.data() + begin;
            std::uint8_t* secondCodes = m_secondCodes.data() + begin;
            lrlab::dequantizeBlock(firstCodes, length, m_firstAbsmax[block], firstMap, m.data());
            lrlab::dequantizeBlock(secondCodes, length, m_secondAbsmax[block], secondMap, v.data());
            for (int i = 0; i < length; ++i)
                lrlab::detail::adamUpdate(x(begin + i), grad(begin + i),
                                          m[static_cast<std::size_t>(i)],
                                          v[static_cast<std::size_t>(i)], c, decay);
            m_firstAbsmax[block] = lrlab::quantizeBlock(m.data(), length, firstMap, firstCodes);
            m_secondAbsmax[block] = lrlab::quantizeBlock(v.data(), length, secondMap, secondCodes);
        }
    }

    VectorOf<Scalar> firstMoment() const { return moment(m_firstCodes, m_firstAbsmax, true); }
    VectorOf<Scalar> secondMoment() const { return moment(m_secondCodes, m_secondAbsmax, false); }

private:
    VectorOf<Scalar> moment(const std::vector<std::uint8_t>& codes,
                            const std::vector<float>& absmax, bool isSigned) const
    {
        VectorOf<Scalar> out(static_cast<Eigen::Index>(codes.size()));
        lrlab::dequantizeBlockwise(
            codes.data(), absmax.data(), out.size(), m_options.blockSize,
            isSigned ? lrlab::signedDynamicMap() : lrlab::unsignedDynamicMap(), out.data());
        return out;
    }

    lrlab::Adam8bitOptions m_options;
    std::vector<std::uint8_t> m_firstCodes, m_secondCodes;
    std::vector<float> m_firstAbsmax, m_secondAbsmax;
    std::int64_t m_step = 0;
};

float fromBits(std::uint32_t bits)
{
    float value = 0.0f;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

/// The floats where a nearest-code search can go wrong: every map value, its neighbours a few
/// ulps away, the exact midpoints between neighbours (in double, rounded to float) and their
/// neighbours, zeros, bucket edges, subnormals, huge values, infinities and NaN.
std::vector<float> edgeValues(const lrlab::QuantizationMap& map)
{
    std::vector<float> out;
    const auto around = [&](float x) {
        float up = x, down = x;
        out.push_back(x);
        for (int k = 0; k < 3; ++k) {
            up = std::nextafter(up, std::numeric_limits<float>::infinity());
            down = std::nextafter(down, -std::numeric_limits<float>::infinity());
            out.push_back(up);
            out.push_back(down);
        }
    };
    for (std::size_t k = 0; k < map.size(); ++k) {
        around(map[k]);
        around(-map[k]);
        if (k + 1 < map.size())
            around(static_cast<float>(
                (static_cast<double>(map[k]) + static_cast<double>(map[k + 1])) / 2.0));
    }
    for (int e = -40; e <= 4; ++e) {
        around(std::ldexp(1.0f, e));
        around(-std::ldexp(1.0f, e));
    }
    for (float x : {0.0f, -0.0f, std::numeric_limits<float>::denorm_min(),
                    -std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::max(),
                    -std::numeric_limits<float>::max(), 2.0f, -2.0f})
        around(x);
    out.push_back(std::numeric_limits<float>::infinity());
    out.push_back(-std::numeric_limits<float>::infinity());
    out.push_back(std::numeric_limits<float>::quiet_NaN());
    out.push_back(-std::numeric_limits<float>::quiet_NaN());
    return out;
}

} // namespace

class TestAdam8bitFastPath : public QObject
{
    Q_OBJECT

private slots:
    void nearestEqualsBinarySearch_data();
    void nearestEqualsBinarySearch();
    void blockCodesEqualQuantizeBlock_data();
    void blockCodesEqualQuantizeBlock();
    void stepsEqualReference_data();
    void stepsEqualReference();
};

void TestAdam8bitFastPath::nearestEqualsBinarySearch_data()
{
    QTest::addColumn<int>("map");
    QTest::newRow("signed-dynamic") << 0;
    QTest::newRow("unsigned-dynamic") << 1;
    QTest::newRow("linear-k-over-128") << 2;
}

void TestAdam8bitFastPath::nearestEqualsBinarySearch()
{
    QFETCH(int, map);
    lrlab::QuantizationMap values{};
    if (map == 0)
        values = lrlab::signedDynamicMap();
    else if (map == 1)
        values = lrlab::unsignedDynamicMap();
    else
        for (int k = 0; k < 256; ++k)
            values[static_cast<std::size_t>(k)] = static_cast<float>(k - 128) / 128.0f;
    const lrlab::QuantizationCodebook codebook(values);
    long mismatches = 0;
    QString first;
    const auto check = [&](float x) {
        const int expected = lrlab::quantizeValue(values, x);
        const int got = codebook.nearest(x);
        if (expected != got && mismatches++ == 0)
            first = QStringLiteral("x = %1: table %2, binary search %3")
                        .arg(double(x), 0, 'g', 9)
                        .arg(got)
                        .arg(expected);
    };
    for (float x : edgeValues(values))
        check(x);
    // Every 4099th bit pattern of all 2^32 (each sign, exponent and mantissa region).
    for (std::uint64_t bits = 0; bits < (std::uint64_t(1) << 32); bits += 4099)
        check(fromBits(static_cast<std::uint32_t>(bits)));
    // Every float of [0.5, 0.51] and [-0.51, -0.5], the widest gaps of the dynamic maps.
    for (std::uint32_t bits = 0x3f000000u; bits <= 0x3f028f5cu; ++bits) {
        check(fromBits(bits));
        check(fromBits(bits | 0x80000000u));
    }
    QVERIFY2(
        mismatches == 0,
        qPrintable(QStringLiteral("%1 mismatches, the first at %2").arg(mismatches).arg(first)));
}

void TestAdam8bitFastPath::blockCodesEqualQuantizeBlock_data()
{
    QTest::addColumn<bool>("isSigned");
    QTest::newRow("signed") << true;
    QTest::newRow("unsigned") << false;
}

void TestAdam8bitFastPath::blockCodesEqualQuantizeBlock()
{
    QFETCH(bool, isSigned);
    const auto& codebook =
        isSigned ? lrlab::signedDynamicCodebook() : lrlab::unsignedDynamicCodebook();
    lrlab::Rng rng(17);
    for (int trial = 0; trial < 200; ++trial) {
        const int n = 1 + trial * 7;
        std::vector<double> block(static_cast<std::size_t>(n));
        const double scale = std::pow(10.0, rng.uniform(-30.0, 10.0));
        for (double& x : block) {
            const double z = rng.normal() * std::pow(10.0, rng.uniform(-8.0, 0.0));
            x = scale * (isSigned ? z : z * z);
        }
        if (trial % 10 == 0)
            std::fill(block.begin(), block.end(), 0.0); // all-zero block
        std::vector<std::uint8_t> expected(block.size()), got(block.size());
        const float expectedAbsmax =
            lrlab::quantizeBlock(block.data(), n, codebook.map(), expected.data());
        const float gotAbsmax = lrlab::quantizeBlock(block.data(), n, codebook, got.data());
        QCOMPARE(gotAbsmax, expectedAbsmax);
        QVERIFY2(got == expected, qPrintable(QStringLiteral("trial %1").arg(trial)));
    }
}

void TestAdam8bitFastPath::stepsEqualReference_data()
{
    QTest::addColumn<bool>("isFloat");
    QTest::addColumn<int>("n");
    QTest::addColumn<int>("blockSize");
    QTest::addColumn<double>("weightDecay");
    QTest::addColumn<int>("steps");
    QTest::newRow("float-digits-size-one-block") << true << 2410 << 2048 << 0.0 << 400;
    QTest::newRow("float-many-blocks-64") << true << 5000 << 64 << 0.01 << 300;
    QTest::newRow("float-block-1") << true << 37 << 1 << 0.0 << 200;
    QTest::newRow("double-partial-blocks-300") << false << 3001 << 300 << 0.01 << 300;
    QTest::newRow("double-toy-2") << false << 2 << 2048 << 0.0 << 500;
}

namespace {

template <typename Scalar> void compareSteps(int n, int blockSize, double weightDecay, int steps)
{
    const lrlab::Adam8bitOptions options{0.9, 0.999, 1e-8, weightDecay, blockSize};
    lrlab::Adam8bit<Scalar> fast(options);
    ReferenceAdam8bit<Scalar> reference(options);
    fast.reset(n);
    reference.reset(n);
    lrlab::Rng rng(31);
    VectorOf<Scalar> xFast(n), g(n);
    for (int i = 0; i < n; ++i)
        xFast(i) = static_cast<Scalar>(rng.normal());
    VectorOf<Scalar> xReference = xFast;
    for (int t = 0; t < steps; ++t) {
        // Gradients with a different scale per block and step, exact zeros, the occasional
        // all-zero step and huge and tiny magnitudes, so the codes visit the whole map.
        const bool allZero = t % 97 == 13;
        for (int i = 0; i < n; ++i) {
            const double scale = std::pow(10.0, ((i / blockSize + t) % 9) - 6.0);
            const double z = rng.normal();
            g(i) = allZero || (i + t) % 11 == 0 ? Scalar(0) : static_cast<Scalar>(scale * z);
        }
        if (t % 50 == 7 && n > 3)
            g(3) = static_cast<Scalar>(1e20);
        const double lr = 0.01 * (1.0 - static_cast<double>(t) / steps);
        fast.step(xFast, g, lr);
        reference.step(xReference, g, lr);
        if (xFast != xReference)
            QFAIL(qPrintable(QStringLiteral("theta differs after step %1").arg(t + 1)));
    }
    QVERIFY(fast.firstMoment() == reference.firstMoment());
    QVERIFY(fast.secondMoment() == reference.secondMoment());
}

} // namespace

void TestAdam8bitFastPath::stepsEqualReference()
{
    QFETCH(bool, isFloat);
    QFETCH(int, n);
    QFETCH(int, blockSize);
    QFETCH(double, weightDecay);
    QFETCH(int, steps);
    if (isFloat)
        compareSteps<float>(n, blockSize, weightDecay, steps);
    else
        compareSteps<double>(n, blockSize, weightDecay, steps);
}

QTEST_GUILESS_MAIN(TestAdam8bitFastPath)
#include "tst_adam8bit_fast_path.moc"
