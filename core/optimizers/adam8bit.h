#pragma once

#include "core/optimizers/optimizer.h"

#include <cstdint>
#include <vector>

namespace lrlab {

/// Hyper-parameters of 8-bit Adam.
struct Adam8bitOptions
{
    double beta1 = 0.9;       ///< first-moment decay β1, default 0.9, range [0, 1)
    double beta2 = 0.999;     ///< second-moment decay β2, default 0.999, range [0, 1)
    double eps = 1e-8;        ///< added to √v̂, default 1e-8, > 0
    double weightDecay = 0.0; ///< coupled as Adam's (g += wd·θ), default 0, >= 0
    int blockSize = 2048;     ///< quantization block length, default 2048, >= 1
};

/// Adam whose moments live in 8 bits: block-wise dynamic quantization as bitsandbytes'
/// Adam8bit (Dettmers et al., 2022, "8-bit Optimizers via Block-wise Quantization").
/// m is stored with the signed and v with the unsigned dynamic map (quantization.h): one uint8
/// code per element and one float absmax per block of blockSize elements.
///
/// One step, block by block: dequantize m and v of the block into scratch (Scalar, allocated in
/// reset()); run exactly Adam's per-element update of adam.cpp on them (coupled weight decay
/// g += wd·θ, bias corrections, eps, ATen rounding), so θ moves with the freshly computed,
/// unquantized moments as in bitsandbytes' kernel; then requantize m and v with the block's
/// new absmax (the maxima are taken during the update, the nearest codes found with the maps'
/// lookup tables, quantization_codebook.h: the codes of quantizeBlock, in a few steps each).
/// Hence the first step equals Adam's bit for bit and the difference starts when
/// the quantized moments are read back.
///
/// Differences from bitsandbytes, on purpose: the state is always 8-bit, whatever the size
/// (bitsandbytes keeps tensors under 4096 elements in 32 bits, min_8bit_size, which would hide
/// the effect on toy surfaces); rounding is deterministic nearest (ties to the lower code),
/// normalizing by x/absmax; weight decay is coupled like torch's Adam (bitsandbytes' kernel
/// decays θ directly). Not thread-safe; one per run.
template <typename Scalar> class Adam8bit final : public Optimizer<Scalar>
{
public:
    using Vector = typename Optimizer<Scalar>::Vector;

    /// Throws std::invalid_argument when options.blockSize < 1.
    explicit Adam8bit(const Adam8bitOptions& options);
    void reset(int dimension) override;
    void step(Eigen::Ref<Vector> x, const Eigen::Ref<const Vector>& grad,
              double learningRate) override;
    /// 2 bytes a parameter (the m and v codes), 2 floats a block (the absmaxes) and the step
    /// counter. The per-block scratch is workspace, not state, and is not counted.
    std::size_t stateBytes() const override;

    /// The dequantized first moment m (allocates: for tests and displays, not per step).
    Vector firstMoment() const;
    /// The dequantized second moment v (allocates: for tests and displays, not per step).
    Vector secondMoment() const;
    /// The block length in use.
    int blockSize() const { return m_options.blockSize; }

private:
    Adam8bitOptions m_options;
    std::vector<std::uint8_t> m_firstCodes;  ///< m, one signed-map code per element
    std::vector<std::uint8_t> m_secondCodes; ///< v, one unsigned-map code per element
    std::vector<float> m_firstAbsmax;        ///< m's scale per block
    std::vector<float> m_secondAbsmax;       ///< v's scale per block
    Vector m_blockFirst;                     ///< scratch: one block of m, dequantized
    Vector m_blockSecond;                    ///< scratch: one block of v, dequantized
    std::int64_t m_step = 0;                 ///< t, counted from 1 at the first step
};

extern template class Adam8bit<double>;
extern template class Adam8bit<float>;

} // namespace lrlab
