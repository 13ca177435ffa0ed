#pragma once

#include <cmath>

namespace lrlab::detail {

// How the optimizers reproduce ATen's CPU rounding (torch 1.13, x86-64 AVX2/AVX-512 kernels as
// shipped, checked bit for bit against torch by tests/bench/torch_check_optimizers.py):
//   t.mul_(c), t.sqrt(), t / u, t.add_(u) (alpha 1)   one rounding each, as written;
//   t.add_(u, alpha=c) = self + alpha·other           fma(u, c, t): ATen's vectorized add is
//                                                     vec::fmadd and GCC contracts its tail too;
//   t.addcmul_(u, w, value=c) = self + c·u·w          fma(c·u, w, t): GCC's default
//                                                     -ffp-contract=fast fuses the last product;
//   t.addcdiv_(u, w, value=c) = self + c·u/w          t + (c·u)/w: a quotient cannot be fused.
// The project compiles with -ffp-contract=off, so every fusion here is an explicit std::fma,
// which is correctly rounded and gives the same result on every platform.

/// ATen's add with alpha: self + alpha·other with a single rounding.
template <typename Scalar> inline Scalar torchAdd(Scalar self, Scalar other, Scalar alpha)
{
    return std::fma(other, alpha, self);
}

/// ATen's addcmul: self + value·t1·t2, the last product fused with the sum.
template <typename Scalar>
inline Scalar torchAddcmul(Scalar self, Scalar t1, Scalar t2, Scalar value)
{
    return std::fma(value * t1, t2, self);
}

/// ATen's addcdiv: self + (value·t1)/t2.
template <typename Scalar>
inline Scalar torchAddcdiv(Scalar self, Scalar t1, Scalar t2, Scalar value)
{
    return self + value * t1 / t2;
}

/// torch.sign on CPU: (0 < a) - (a < 0), so sign(0) = 0 and sign(NaN) = 0.
template <typename Scalar> inline Scalar torchSign(Scalar value)
{
    return static_cast<Scalar>(static_cast<int>(Scalar(0) < value) -
                               static_cast<int>(value < Scalar(0)));
}

} // namespace lrlab::detail
