#include "core/analysis/curvature.h"

#include "core/engine/model_run.h"
#include "core/models/model.h"
#include "core/util/rng.h"
#include "core/util/rng_streams.h"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lrlab {

namespace {

} // namespace

CurvatureEstimate hessianExtremeEigenvalues(const GradientFunction& gradient,
                                            const Eigen::VectorXd& x,
                                            const CurvatureOptions& options)
{
    const int n = static_cast<int>(x.size());
    if (n < 1)
        throw std::invalid_argument("curvature: empty parameter vector");
    const int maxSteps = std::max(1, std::min(options.maxIterations, n));
    const double epsilon = options.relativeStep * std::max(1.0, x.norm());

    // Krylov basis (columns), allocated once.
    Eigen::MatrixXd basis(n, maxSteps);
    Eigen::VectorXd alpha(maxSteps), beta(maxSteps);
    Eigen::VectorXd probe(n), gPlus(n), gMinus(n), w(n);

    Rng rng(options.seed, kStreamCurvature);
    Eigen::VectorXd q(n);
    for (int i = 0; i < n; ++i)
        q(i) = rng.normal();
    q /= q.norm();

    CurvatureEstimate estimate;
    int m = 0;
    for (int j = 0; j < maxSteps; ++j) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed)) {
            estimate.cancelled = true;
            break;
        }
        basis.col(j) = q;
        // w = H q by central differences of the gradient.
        probe = x + epsilon * q;
        gradient(probe, gPlus);
        probe = x - epsilon * q;
        gradient(probe, gMinus);
        w = (gPlus - gMinus) / (2.0 * epsilon);
        alpha(j) = q.dot(w);
        // Full re-orthogonalization (twice is enough, Kahan-Parlett): keeps the Ritz values
        // free of the ghost copies plain Lanczos produces in floating point.
        for (int pass = 0; pass < 2; ++pass) {
            const Eigen::VectorXd coefficients = basis.leftCols(j + 1).transpose() * w;
            w.noalias() -= basis.leftCols(j + 1) * coefficients;
        }
        m = j + 1;
        beta(j) = w.norm();

        // Ritz values of the tridiagonal T_m and their residuals β_m·|last eigenvector entry|.
        Eigen::MatrixXd t = Eigen::MatrixXd::Zero(m, m);
        for (int i = 0; i < m; ++i) {
            t(i, i) = alpha(i);
            if (i + 1 < m)
                t(i, i + 1) = t(i + 1, i) = beta(i);
        }
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(t);
        const Eigen::VectorXd& values = solver.eigenvalues(); // ascending
        estimate.lambdaMin = values(0);
        estimate.lambdaMax = values(m - 1);
        estimate.iterations = m;
        const double scale = std::max({std::abs(values(0)), std::abs(values(m - 1)), 1e-300});
        const double residualMax = beta(j) * std::abs(solver.eigenvectors()(m - 1, m - 1));
        const double residualMin = beta(j) * std::abs(solver.eigenvectors()(m - 1, 0));
        const bool exhausted = beta(j) <= 1e-12 * scale || m == n;
        if (exhausted || (m >= 2 && residualMax <= options.tolerance * scale &&
                          residualMin <= options.tolerance * scale)) {
            estimate.converged = true;
            break;
        }
        q = w / beta(j);
    }
    return estimate;
}

std::vector<double> modelStartParameters(const RunConfig& config, const ModelProblem& problem)
{
    // Rounded to float as the run does, so the Hessian is taken exactly at θ₀.
    const Eigen::VectorXf start = initialModelParameters(config, Model<float>(problem.modelSpec()));
    return std::vector<double>(start.data(), start.data() + start.size());
}

CurvatureEstimate modelCurvature(const ModelProblem& problem, const std::vector<double>& params,
                                 const CurvatureOptions& options)
{
    Model<double> model(problem.modelSpec());
    if (static_cast<int>(params.size()) != model.parameterCount())
        throw std::invalid_argument("curvature: the model has " +
                                    std::to_string(model.parameterCount()) + " parameters");
    const std::vector<int>& train = problem.split().train;
    int rows = static_cast<int>(train.size());
    if (options.maxRows > 0)
        rows = std::min(rows, options.maxRows);
    if (rows < 1)
        throw std::invalid_argument("curvature: the training split is empty");

    const int features = problem.features();
    std::vector<float> xFloat(static_cast<std::size_t>(rows) * features);
    std::vector<int> labels(static_cast<std::size_t>(rows));
    std::vector<float> targetsFloat(static_cast<std::size_t>(rows));
    const bool classification = problem.modelSpec().isClassification();
    problem.gather(train.data(), rows, xFloat.data(), classification ? labels.data() : nullptr,
                   classification ? nullptr : targetsFloat.data());
    const std::vector<double> xs(xFloat.begin(), xFloat.end());
    const std::vector<double> targets(targetsFloat.begin(), targetsFloat.end());
    model.reserve(std::min(rows, 1024));

    const GradientFunction gradient = [&](const Eigen::VectorXd& theta, Eigen::VectorXd& grad) {
        model.lossAndGradient(theta.data(), xs.data(), rows,
                              classification ? labels.data() : nullptr,
                              classification ? nullptr : targets.data(), grad.data());
    };
    const Eigen::VectorXd x =
        Eigen::Map<const Eigen::VectorXd>(params.data(), static_cast<Eigen::Index>(params.size()));
    return hessianExtremeEigenvalues(gradient, x, options);
}

} // namespace lrlab
