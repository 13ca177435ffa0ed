#include "core/optimizers/adam8bit.h"

#include "core/optimizers/adam_update.h"
#include "core/optimizers/quantization.h"
#include "core/optimizers/quantization_codebook.h"
#include "core/util/target_clones.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace lrlab {

namespace {

/// One block of a moment as stored: its codes, its absmax and the map the codes index.
struct StoredBlock
{
    const std::uint8_t* codes;
    float absmax;
    const float* map;
};

/// Adam's element update over one block (adam_update.h): reads m and v from their codes as
/// dequantizeBlock does (map[code]·absmax in float), writes the updated moments to the scratch m
/// and v, and keeps the largest |m| and |v| as it goes: the absmaxes the block is requantized
/// with, the same maxima as quantizeBlock's separate pass.
template <typename Scalar>
inline void updateBlock(Scalar* theta, const Scalar* gradient, StoredBlock first,
                        StoredBlock second, Scalar* m, Scalar* v, int n,
                        const detail::AdamCoefficients<Scalar>& c, detail::AdamDecay decay,
                        Scalar& mLargest, Scalar& vLargest)
{
    Scalar mMax = Scalar(0);
    Scalar vMax = Scalar(0);
    for (int i = 0; i < n; ++i) {
        Scalar mi = static_cast<Scalar>(first.map[first.codes[i]] * first.absmax);
        Scalar vi = static_cast<Scalar>(second.map[second.codes[i]] * second.absmax);
        detail::adamUpdate(theta[i], gradient[i], mi, vi, c, decay);
        m[i] = mi;
        v[i] = vi;
        mMax = std::max(mMax, std::abs(mi));
        vMax = std::max(vMax, std::abs(vi));
    }
    mLargest = mMax;
    vLargest = vMax;
}

LRLAB_TARGET_CLONES void updateBlockOf(float* theta, const float* gradient, StoredBlock first,
                                       StoredBlock second, float* m, float* v, int n,
                                       const detail::AdamCoefficients<float>& c,
                                       detail::AdamDecay decay, float& mLargest, float& vLargest)
{
    updateBlock(theta, gradient, first, second, m, v, n, c, decay, mLargest, vLargest);
}

LRLAB_TARGET_CLONES void updateBlockOf(double* theta, const double* gradient, StoredBlock first,
                                       StoredBlock second, double* m, double* v, int n,
                                       const detail::AdamCoefficients<double>& c,
                                       detail::AdamDecay decay, double& mLargest, double& vLargest)
{
    updateBlock(theta, gradient, first, second, m, v, n, c, decay, mLargest, vLargest);
}

} // namespace

template <typename Scalar>
Adam8bit<Scalar>::Adam8bit(const Adam8bitOptions& options) : m_options(options)
{
    if (m_options.blockSize < 1)
        throw std::invalid_argument("optimizer.block_size: must be >= 1, got " +
                                    std::to_string(m_options.blockSize));
    // Build both maps now, so the first step() does not pay for (or allocate in) it.
    signedDynamicCodebook();
    unsignedDynamicCodebook();
}

template <typename Scalar> void Adam8bit<Scalar>::reset(int dimension)
{
    const auto n = static_cast<std::size_t>(dimension);
    const auto blocks = static_cast<std::size_t>(blockCount(dimension, m_options.blockSize));
    // m = v = 0: the code of 0 in each map with absmax 0 dequantizes to exactly 0.
    m_firstCodes.assign(n, quantizeValue(signedDynamicMap(), 0.0f));
    m_secondCodes.assign(n, quantizeValue(unsignedDynamicMap(), 0.0f));
    m_firstAbsmax.assign(blocks, 0.0f);
    m_secondAbsmax.assign(blocks, 0.0f);
    const int scratch = std::min(dimension, m_options.blockSize);
    m_blockFirst.setZero(scratch);
    m_blockSecond.setZero(scratch);
    m_step = 0;
}

template <typename Scalar>
void Adam8bit<Scalar>::step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
                            double learningRate)
{
    ++m_step;
    // The constants and the element update of Adam (adam_update.h), coupled decay only.
    const detail::AdamCoefficients<Scalar> c(m_options.beta1, m_options.beta2, m_options.eps,
                                             m_options.weightDecay, m_step, learningRate);
    const detail::AdamDecay decay =
        m_options.weightDecay != 0.0 ? detail::AdamDecay::Coupled : detail::AdamDecay::None;

    const QuantizationCodebook& firstBook = signedDynamicCodebook();
    const QuantizationCodebook& secondBook = unsignedDynamicCodebook();
    Scalar* theta = x.data();
    const Scalar* gradient = grad.data();
    Scalar* m = m_blockFirst.data();
    Scalar* v = m_blockSecond.data();
    const std::int64_t n = x.size();
    const int blockSize = m_options.blockSize;
    const std::int64_t blocks = blockCount(n, blockSize);
    for (std::int64_t b = 0; b < blocks; ++b) {
        const std::int64_t begin = b * blockSize;
        const int length = static_cast<int>(std::min<std::int64_t>(blockSize, n - begin));
        std::uint8_t* firstCodes = m_firstCodes.data() + begin;
        std::uint8_t* secondCodes = m_secondCodes.data() + begin;
        const auto block = static_cast<std::size_t>(b);
        Scalar mLargest = Scalar(0);
        Scalar vLargest = Scalar(0);
        updateBlockOf(theta + begin, gradient + begin,
                      {firstCodes, m_firstAbsmax[block], firstBook.map().data()},
                      {secondCodes, m_secondAbsmax[block], secondBook.map().data()}, m, v, length,
                      c, decay, mLargest, vLargest);
        // absmax = float(max |x|) and the codes of quantizeBlock, bit for bit.
        m_firstAbsmax[block] = static_cast<float>(mLargest);
        m_secondAbsmax[block] = static_cast<float>(vLargest);
        quantizeBlockScaled(m, length, m_firstAbsmax[block], firstBook, firstCodes);
        quantizeBlockScaled(v, length, m_secondAbsmax[block], secondBook, secondCodes);
    }
}

template <typename Scalar> std::size_t Adam8bit<Scalar>::stateBytes() const
{
    return (m_firstCodes.size() + m_secondCodes.size()) * sizeof(std::uint8_t) +
           (m_firstAbsmax.size() + m_secondAbsmax.size()) * sizeof(float) + sizeof(m_step);
}

template <typename Scalar> typename Adam8bit<Scalar>::Vector Adam8bit<Scalar>::firstMoment() const
{
    Vector result(static_cast<Eigen::Index>(m_firstCodes.size()));
    dequantizeBlockwise(m_firstCodes.data(), m_firstAbsmax.data(), result.size(),
                        m_options.blockSize, signedDynamicMap(), result.data());
    return result;
}

template <typename Scalar> typename Adam8bit<Scalar>::Vector Adam8bit<Scalar>::secondMoment() const
{
    Vector result(static_cast<Eigen::Index>(m_secondCodes.size()));
    dequantizeBlockwise(m_secondCodes.data(), m_secondAbsmax.data(), result.size(),
                        m_options.blockSize, unsignedDynamicMap(), result.data());
    return result;
}

template class Adam8bit<double>;
template class Adam8bit<float>;

} // namespace lrlab
