#include "core/analysis/curvature.h"
#include "core/engine/model_problem.h"
#include "core/models/model.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/run_configs.h"

#include <QtTest>

#include <Eigen/Eigenvalues>

#include <cmath>

using namespace lrlab;
using lrlab::test::mismatch;
using lrlab::test::nearlyEqual;

namespace {

/// Eigenvalues (ascending) of the symmetric 2×2 [[a, b], [b, c]].
std::pair<double, double> eigen2(double a, double b, double c)
{
    const double mean = 0.5 * (a + c);
    const double radius = std::sqrt(0.25 * (a - c) * (a - c) + b * b);
    return {mean - radius, mean + radius};
}

/// The problem of config and its estimate at the run's start (modelCurvature's defaults).
struct StartCurvature
{
    std::shared_ptr<const ModelProblem> problem;
    CurvatureEstimate estimate;
};

StartCurvature startCurvature(const RunConfig& config)
{
    const auto problem = ModelProblem::create(config.problem, config.seed);
    return {problem, modelCurvature(*problem, modelStartParameters(config, *problem))};
}

/// Checks both extremes of an estimate to the relative tolerance tol.
void verifyExtremes(const CurvatureEstimate& e, double lowest, double highest, double tol)
{
    QVERIFY2(nearlyEqual(e.lambdaMax, highest, tol),
             qPrintable(mismatch("max", e.lambdaMax, highest)));
    QVERIFY2(nearlyEqual(e.lambdaMin, lowest, tol),
             qPrintable(mismatch("min", e.lambdaMin, lowest)));
}

} // namespace

class TestCurvature : public QObject
{
    Q_OBJECT
private slots:
    void quadraticExtremes_data();
    void quadraticExtremes();
    void linregMatchesClosedForm();
    void logregMatchesClosedForm();
    void tinyMlpMatchesDenseHessian();
    void deterministicAndCancellable();
};

void TestCurvature::quadraticExtremes_data()
{
    QTest::addColumn<int>("dimension");
    QTest::addColumn<double>("lowest");
    QTest::addColumn<double>("highest");
    QTest::newRow("one-dimension") << 1 << 3.0 << 3.0;
    QTest::newRow("two-dimensions") << 2 << 1.0 << 10.0;
    QTest::newRow("indefinite-ten") << 10 << -2.0 << 7.0;
    QTest::newRow("sixty-ill-conditioned") << 60 << 1e-3 << 100.0;
}

void TestCurvature::quadraticExtremes()
{
    QFETCH(int, dimension);
    QFETCH(double, lowest);
    QFETCH(double, highest);
    // f(x) = ½ xᵀ A x with A = Q diag(λ) Qᵀ, λ evenly spaced from lowest to highest and Q a
    // rotation from a QR factorization of a fixed matrix: the extremes are known exactly.
    Eigen::VectorXd lambdas(dimension);
    for (int i = 0; i < dimension; ++i)
        lambdas(i) = dimension == 1 ? highest : lowest + (highest - lowest) * i / (dimension - 1.0);
    Eigen::MatrixXd m(dimension, dimension);
    for (int i = 0; i < dimension; ++i)
        for (int j = 0; j < dimension; ++j)
            m(i, j) = std::sin(1.0 + 3.0 * i + 7.0 * j * j);
    const Eigen::HouseholderQR<Eigen::MatrixXd> qr(m);
    const Eigen::MatrixXd q = qr.householderQ();
    const Eigen::MatrixXd a = q * lambdas.asDiagonal() * q.transpose();
    const GradientFunction gradient = [&](const Eigen::VectorXd& x, Eigen::VectorXd& grad) {
        grad = a * x;
    };
    CurvatureOptions options;
    options.maxIterations = dimension;
    options.tolerance = 1e-10;
    const Eigen::VectorXd at = Eigen::VectorXd::Constant(dimension, 0.5);
    const CurvatureEstimate e = hessianExtremeEigenvalues(gradient, at, options);
    QVERIFY(e.converged);
    verifyExtremes(e, lowest, highest, 1e-7);
}

void TestCurvature::linregMatchesClosedForm()
{
    // MSE loss mean (w x + b − y)² has H = 2·[[mean x², mean x], [mean x, 1]] at any (w, b).
    RunConfig config;
    config.problem.type = "linreg";
    config.problem.dataset = "diabetes";
    config.problem.feature = "bmi";
    const auto [problem, e] = startCurvature(config);
    const lrlab::test::TrainRows data = lrlab::test::trainRows(*problem);
    double sx = 0.0, sxx = 0.0;
    for (int i = 0; i < data.rows; ++i) {
        sx += data.x[i];
        sxx += static_cast<double>(data.x[i]) * data.x[i];
    }
    const double mx = sx / data.rows, mxx = sxx / data.rows;
    const auto [low, high] = eigen2(2.0 * mxx, 2.0 * mx, 2.0);
    QVERIFY(e.converged);
    verifyExtremes(e, low, high, 1e-6);
    // Standardized x: mean 0 and variance 1 over the training rows, so H is about 2·I.
    QVERIFY(nearlyEqual(e.lambdaMax, 2.0, 1e-4));
}

void TestCurvature::logregMatchesClosedForm()
{
    // BCE with logits z = w x + b: H = mean σ(z)(1 − σ(z)) [x 1]ᵀ[x 1].
    RunConfig config;
    config.problem.type = "logreg";
    config.init = {0.7, -0.3};
    const auto [problem, e] = startCurvature(config);
    const lrlab::test::TrainRows data = lrlab::test::trainRows(*problem);
    const double w = static_cast<float>(0.7), b = static_cast<float>(-0.3);
    double h00 = 0.0, h01 = 0.0, h11 = 0.0;
    for (int i = 0; i < data.rows; ++i) {
        const double x = data.x[i];
        const double s = 1.0 / (1.0 + std::exp(-(w * x + b)));
        const double c = s * (1.0 - s);
        h00 += c * x * x;
        h01 += c * x;
        h11 += c;
    }
    const auto [low, high] = eigen2(h00 / data.rows, h01 / data.rows, h11 / data.rows);
    verifyExtremes(e, low, high, 1e-6);
}

void TestCurvature::tinyMlpMatchesDenseHessian()
{
    // A tanh MLP (smooth, so finite differences are clean) with 4-3-3 = 27 parameters: the
    // dense Hessian, column by column from central differences of the analytic gradient, then
    // a dense eigen-solver — a different algorithm from Lanczos on the same gradients.
    RunConfig config;
    config.problem.type = "mlp";
    config.problem.dataset = "iris";
    config.problem.hidden = {3};
    config.problem.activation = "tanh";
    const auto problem = ModelProblem::create(config.problem, config.seed);
    const std::vector<double> start = modelStartParameters(config, *problem);
    const int n = static_cast<int>(start.size());
    QCOMPARE(n, 4 * 3 + 3 + 3 * 3 + 3);

    const lrlab::test::TrainRows data = lrlab::test::trainRows(*problem);
    const std::vector<double> x(data.x.begin(), data.x.end());
    Model<double> model(problem->modelSpec());
    const Eigen::VectorXd theta = Eigen::Map<const Eigen::VectorXd>(start.data(), n);
    Eigen::MatrixXd h(n, n);
    Eigen::VectorXd plus(n), minus(n), gp(n), gm(n);
    const double eps = 1e-5;
    for (int j = 0; j < n; ++j) {
        plus = theta;
        minus = theta;
        plus(j) += eps;
        minus(j) -= eps;
        model.lossAndGradient(plus.data(), x.data(), data.rows, data.labels.data(), nullptr,
                              gp.data());
        model.lossAndGradient(minus.data(), x.data(), data.rows, data.labels.data(), nullptr,
                              gm.data());
        h.col(j) = (gp - gm) / (2 * eps);
    }
    const Eigen::MatrixXd symmetric = 0.5 * (h + h.transpose());
    const Eigen::VectorXd values =
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(symmetric).eigenvalues();

    CurvatureOptions options;
    options.maxIterations = n;
    const CurvatureEstimate e = modelCurvature(*problem, start, options);
    const double scale = values.cwiseAbs().maxCoeff();
    QVERIFY2(std::abs(e.lambdaMax - values(n - 1)) <= 1e-5 * scale,
             qPrintable(mismatch("max", e.lambdaMax, values(n - 1))));
    QVERIFY2(std::abs(e.lambdaMin - values(0)) <= 1e-5 * scale,
             qPrintable(mismatch("min", e.lambdaMin, values(0))));
}

void TestCurvature::deterministicAndCancellable()
{
    RunConfig config;
    config.problem.type = "mlp";
    config.problem.dataset = "digits";
    const auto problem = ModelProblem::create(config.problem, config.seed);
    const std::vector<double> start = modelStartParameters(config, *problem);
    CurvatureOptions options;
    options.maxIterations = 20;
    const CurvatureEstimate a = modelCurvature(*problem, start, options);
    const CurvatureEstimate b = modelCurvature(*problem, start, options);
    QCOMPARE(a.lambdaMax, b.lambdaMax);
    QCOMPARE(a.lambdaMin, b.lambdaMin);
    QVERIFY(a.lambdaMax > 0.0);
    QVERIFY(a.lambdaMin <= a.lambdaMax);

    CancelFlag cancel{true};
    options.cancel = &cancel;
    const CurvatureEstimate c = modelCurvature(*problem, start, options);
    QVERIFY(c.cancelled);
    QCOMPARE(c.iterations, 0);
}

QTEST_GUILESS_MAIN(TestCurvature)
#include "tst_curvature.moc"
