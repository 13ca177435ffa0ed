#pragma once

#include <Eigen/Core>

namespace lrlab {

/// The two leading principal directions of a set of parameter-space offsets, as the PCA plane
/// of a loss landscape uses them (Li et al., 2018, §6): the offsets are θ_k − θ_final, not
/// centred on their mean, so the plane passes through the final parameters.
struct PrincipalPlane
{
    Eigen::VectorXd direction1; ///< unit length; sign fixed so its largest |entry| is positive
    Eigen::VectorXd direction2; ///< unit length, orthogonal to direction1, same sign rule
    /// Fractions of Σ_k ‖θ_k − θ_final‖² along each direction (the "explained variance ratio").
    double explained1 = 0.0;
    double explained2 = 0.0;
};

/// The principal plane of the rows of offsets (m × p, one offset θ_k − θ_c a row), from the
/// eigen-decomposition of the smaller of the Gram matrix D·Dᵀ (m × m) and D ᵀ·D (p × p), in
/// double. Throws std::invalid_argument when the rows span fewer than two directions (e.g. a
/// trajectory of fewer than two distinct non-final points). Pure function, thread-safe.
PrincipalPlane principalPlane(const Eigen::MatrixXd& offsets);

} // namespace lrlab
