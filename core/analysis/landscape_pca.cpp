// GCC 12 reports -Wmaybe-uninitialized inside its own AVX-512 intrinsics headers when Eigen's
// reductions are inlined with -march=native (GCC PR 105593, fixed in GCC 13; see model.cpp).
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "core/analysis/landscape_pca.h"

#include <Eigen/Eigenvalues>

#include <stdexcept>

namespace lrlab {

namespace {

/// Flips v so that its entry of largest magnitude is positive: a deterministic sign for an
/// eigenvector, whose sign the solver leaves arbitrary.
void fixSign(Eigen::VectorXd& v)
{
    Eigen::Index largest = 0;
    v.cwiseAbs().maxCoeff(&largest);
    if (v(largest) < 0.0)
        v = -v;
}

} // namespace

PrincipalPlane principalPlane(const Eigen::MatrixXd& offsets)
{
    const Eigen::Index m = offsets.rows();
    const Eigen::Index p = offsets.cols();
    if (m < 2 || p < 2)
        throw std::invalid_argument("plane pca: needs at least two trajectory points besides the "
                                    "final one and at least two parameters");
    PrincipalPlane plane;
    Eigen::VectorXd v1;
    Eigen::VectorXd v2;
    Eigen::VectorXd values; // ascending eigenvalues
    if (m <= p) {
        // Few snapshots, many parameters: the Gram matrix G = D·Dᵀ = U·Λ·Uᵀ shares its nonzero
        // eigenvalues with DᵀD, and the principal directions are Dᵀu / √λ.
        Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(m, m);
        gram.selfadjointView<Eigen::Lower>().rankUpdate(offsets);
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(gram);
        if (solver.info() != Eigen::Success)
            throw std::invalid_argument("plane pca: the eigen-decomposition did not converge");
        values = solver.eigenvalues();
        v1 = offsets.transpose() * solver.eigenvectors().col(m - 1);
        v2 = offsets.transpose() * solver.eigenvectors().col(m - 2);
    } else {
        Eigen::MatrixXd cov = Eigen::MatrixXd::Zero(p, p);
        cov.selfadjointView<Eigen::Lower>().rankUpdate(offsets.transpose());
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(cov);
        if (solver.info() != Eigen::Success)
            throw std::invalid_argument("plane pca: the eigen-decomposition did not converge");
        values = solver.eigenvalues();
        v1 = solver.eigenvectors().col(p - 1);
        v2 = solver.eigenvectors().col(p - 2);
    }
    const Eigen::Index k = values.size();
    // The total is Σ‖row‖² (the trace), exact whatever the rounding of the small eigenvalues.
    const double total = offsets.squaredNorm();
    const double l1 = values(k - 1);
    const double l2 = values(k - 2);
    if (!(total > 0.0) || !(l2 > 1e-12 * l1))
        throw std::invalid_argument("plane pca: the trajectory spans fewer than two directions");
    // Normalizing Dᵀu again (rather than dividing by √λ) keeps the length 1 to rounding.
    v1.normalize();
    v2.normalize();
    fixSign(v1);
    fixSign(v2);
    plane.direction1 = std::move(v1);
    plane.direction2 = std::move(v2);
    plane.explained1 = l1 / total;
    plane.explained2 = l2 / total;
    return plane;
}

} // namespace lrlab
