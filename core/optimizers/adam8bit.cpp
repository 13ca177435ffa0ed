#include "core/optimizers/adam8bit.h"

#include "core/optimizers/adam_update.h"
#include "core/optimizers/quantization.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace lrlab {

template <typename Scalar>
Adam8bit<Scalar>::Adam8bit(const Adam8bitOptions& options) : m_options(options)
{
    if (m_options.blockSize < 1)
        throw std::invalid_argument("optimizer.block_size: must be >= 1, got " +
                                    std::to_string(m_options.blockSize));
    // Build both maps now, so the first step() does not pay for (or allocate in) it.
    signedDynamicMap();
    unsignedDynamicMap();
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

    const QuantizationMap& firstMap = signedDynamicMap();
    const QuantizationMap& secondMap = unsignedDynamicMap();
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
        dequantizeBlock(firstCodes, length, m_firstAbsmax[block], firstMap, m);
        dequantizeBlock(secondCodes, length, m_secondAbsmax[block], secondMap, v);
        Scalar* blockTheta = theta + begin;
        const Scalar* blockGradient = gradient + begin;
        for (int i = 0; i < length; ++i)
            detail::adamUpdate(blockTheta[i], blockGradient[i], m[i], v[i], c, decay);
        m_firstAbsmax[block] = quantizeBlock(m, length, firstMap, firstCodes);
        m_secondAbsmax[block] = quantizeBlock(v, length, secondMap, secondCodes);
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
