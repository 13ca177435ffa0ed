#include "core/optimizers/optimizer.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/optimizer_runs.h"

#include <QtTest>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

using lrlab::OptimizerSpec;
using lrlab::test::mismatch;
using lrlab::test::nearlyEqual;

Q_DECLARE_METATYPE(lrlab::OptimizerSpec)

namespace {

using Coordinates = std::vector<double>;

/// The fixed gradient sequence the trajectory tests feed in (independent of x, so each step's
/// arithmetic can be followed by hand). Coordinate 2 has a zero first gradient to hit sign(0).
const std::vector<Coordinates>& gradientSequence()
{
    static const std::vector<Coordinates> grads = {
        {1.0, -2.0, 0.0}, {0.5, 1.0, -0.25}, {-1.5, 0.75, 2.0}};
    return grads;
}

OptimizerSpec makeSpec(const std::string& type)
{
    OptimizerSpec spec;
    spec.type = type;
    return spec;
}

/// An independent per-coordinate transcription of docs/semantics.md §2.3 (torch 1.13 semantics), in
/// plain doubles, used as the expected value of the optimizer trajectories. It keeps torch's
/// grouping ((value·t1)·t2, (value·t1)/t2) so results match to a few ulps.
class ReferenceOptimizer
{
public:
    ReferenceOptimizer(const OptimizerSpec& spec, std::size_t n)
        : m_spec(spec.resolved()), m_a(n, 0.0), m_b(n, 0.0)
    {
    }

    void step(Coordinates& x, const Coordinates& grad, double lr)
    {
        ++m_t;
        const std::string& type = m_spec.type;
        const double wd = m_spec.weightDecay;
        const double t = static_cast<double>(m_t);
        for (std::size_t i = 0; i < x.size(); ++i) {
            double g = grad[i];
            if (type == "sgd") {
                g = g + wd * x[i];
                double d = g;
                if (m_spec.momentum != 0.0) {
                    m_a[i] = m_t == 1 ? g : m_a[i] * m_spec.momentum + g;
                    d = m_spec.nesterov ? g + m_spec.momentum * m_a[i] : m_a[i];
                }
                x[i] = x[i] - lr * d;
            } else if (type == "rmsprop") {
                g = g + wd * x[i];
                m_a[i] = m_spec.alpha * m_a[i] + ((1.0 - m_spec.alpha) * g) * g;
                const double avg = std::sqrt(m_a[i]) + m_spec.eps;
                if (m_spec.momentum > 0.0) {
                    m_b[i] = m_spec.momentum * m_b[i] + g / avg;
                    x[i] = x[i] - lr * m_b[i];
                } else {
                    x[i] = x[i] + (-lr * g) / avg;
                }
            } else if (type == "adagrad") {
                g = g + wd * x[i];
                m_a[i] = m_a[i] + g * g;
                x[i] = x[i] + (-lr * g) / (std::sqrt(m_a[i]) + m_spec.eps);
            } else if (type == "adam" || type == "adamw") {
                if (type == "adamw")
                    x[i] = x[i] * (1.0 - lr * wd);
                else
                    g = g + wd * x[i];
                m_a[i] = m_spec.beta1 * m_a[i] + (1.0 - m_spec.beta1) * g;
                m_b[i] = m_spec.beta2 * m_b[i] + ((1.0 - m_spec.beta2) * g) * g;
                const double bc1 = 1.0 - std::pow(m_spec.beta1, t);
                const double bc2 = 1.0 - std::pow(m_spec.beta2, t);
                const double denom = std::sqrt(m_b[i]) / std::sqrt(bc2) + m_spec.eps;
                x[i] = x[i] + (-(lr / bc1) * m_a[i]) / denom;
            } else if (type == "lion") {
                x[i] = x[i] * (1.0 - lr * wd);
                const double c = m_spec.beta1 * m_a[i] + (1.0 - m_spec.beta1) * g;
                const double u = c > 0.0 ? 1.0 : (c < 0.0 ? -1.0 : 0.0);
                x[i] = x[i] - lr * u;
                m_a[i] = m_spec.beta2 * m_a[i] + (1.0 - m_spec.beta2) * g;
            }
        }
    }

private:
    OptimizerSpec m_spec;
    Coordinates m_a; // first state vector (buffer, v, s, m)
    Coordinates m_b; // second state vector (rmsprop buffer, adam v)
    int m_t = 0;
};

template <typename Scalar> Eigen::Matrix<Scalar, Eigen::Dynamic, 1> toEigen(const Coordinates& v)
{
    Eigen::Matrix<Scalar, Eigen::Dynamic, 1> out(static_cast<Eigen::Index>(v.size()));
    for (std::size_t i = 0; i < v.size(); ++i)
        out(static_cast<Eigen::Index>(i)) = static_cast<Scalar>(v[i]);
    return out;
}

/// Runs `steps` updates of the fixed gradient sequence through the optimizer under test.
template <typename Scalar>
Eigen::Matrix<Scalar, Eigen::Dynamic, 1> runSequence(lrlab::Optimizer<Scalar>& optimizer,
                                                     const Coordinates& x0, double lr, int steps)
{
    Eigen::Matrix<Scalar, Eigen::Dynamic, 1> x = toEigen<Scalar>(x0);
    for (int k = 0; k < steps; ++k)
        optimizer.step(x, toEigen<Scalar>(gradientSequence()[k]), lr);
    return x;
}

/// Gradient of the test quadratic f = ½(x² + 10y²), written out here.
template <typename Scalar>
void quadraticGradient(const Eigen::Matrix<Scalar, Eigen::Dynamic, 1>& x,
                       Eigen::Matrix<Scalar, Eigen::Dynamic, 1>& grad)
{
    grad(0) = x(0);
    grad(1) = Scalar(10) * x(1);
}

} // namespace

class TestOptimizers : public QObject
{
    Q_OBJECT

private slots:
    void namesAndKeys();
    void resolvedDefaults_data();
    void resolvedDefaults();
    void factoryErrors();
    void handComputed_data();
    void handComputed();
    void trajectory_data();
    void trajectory();
    void floatAgreesWithDouble_data();
    void floatAgreesWithDouble();
    void resetClearsState_data();
    void resetClearsState();
    void stateBytes_data();
    void stateBytes();
    void quadraticConverges_data();
    void quadraticConverges();
};

void TestOptimizers::namesAndKeys()
{
    const std::vector<std::string> expected = {"sgd",   "rmsprop", "adagrad", "adam",
                                               "adamw", "lion",    "adam8bit"};
    QVERIFY(lrlab::optimizerNames() == expected);
    using Keys = std::vector<std::string>;
    QVERIFY(lrlab::optimizerKeys("sgd") == (Keys{"momentum", "nesterov", "weight_decay"}));
    QVERIFY(lrlab::optimizerKeys("rmsprop") == (Keys{"alpha", "eps", "momentum", "weight_decay"}));
    QVERIFY(lrlab::optimizerKeys("adagrad") == (Keys{"eps", "weight_decay"}));
    QVERIFY(lrlab::optimizerKeys("adam") == (Keys{"beta1", "beta2", "eps", "weight_decay"}));
    QVERIFY(lrlab::optimizerKeys("adamw") == (Keys{"beta1", "beta2", "eps", "weight_decay"}));
    QVERIFY(lrlab::optimizerKeys("lion") == (Keys{"beta1", "beta2", "weight_decay"}));
    QVERIFY(lrlab::optimizerKeys("adam8bit") ==
            (Keys{"beta1", "beta2", "eps", "weight_decay", "block_size"}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::optimizerKeys("adagrad2"));
}

void TestOptimizers::resolvedDefaults_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<double>("eps");
    QTest::addColumn<double>("beta1");
    QTest::addColumn<double>("beta2");
    QTest::addColumn<double>("weightDecay");
    // docs/semantics.md §2.3 defaults.
    QTest::newRow("sgd") << "sgd" << 1e-8 << 0.9 << 0.999 << 0.0;
    QTest::newRow("rmsprop") << "rmsprop" << 1e-8 << 0.9 << 0.999 << 0.0;
    QTest::newRow("adagrad") << "adagrad" << 1e-10 << 0.9 << 0.999 << 0.0;
    QTest::newRow("adam") << "adam" << 1e-8 << 0.9 << 0.999 << 0.0;
    QTest::newRow("adamw") << "adamw" << 1e-8 << 0.9 << 0.999 << 0.01;
    QTest::newRow("lion") << "lion" << 1e-8 << 0.9 << 0.99 << 0.0;
}

void TestOptimizers::resolvedDefaults()
{
    QFETCH(QString, type);
    QFETCH(double, eps);
    QFETCH(double, beta1);
    QFETCH(double, beta2);
    QFETCH(double, weightDecay);
    const OptimizerSpec r = makeSpec(type.toStdString()).resolved();
    QCOMPARE(r.eps, eps);
    QCOMPARE(r.beta1, beta1);
    QCOMPARE(r.beta2, beta2);
    QCOMPARE(r.weightDecay, weightDecay);
    QCOMPARE(r.alpha, 0.99);
    QCOMPARE(r.momentum, 0.0);

    // Explicit values survive, including an explicit zero; NaN is a sentinel too.
    OptimizerSpec explicitSpec = makeSpec(type.toStdString());
    explicitSpec.eps = 1e-6;
    explicitSpec.beta1 = 0.5;
    explicitSpec.beta2 = std::nan("");
    explicitSpec.weightDecay = 0.0;
    const OptimizerSpec e = explicitSpec.resolved();
    QCOMPARE(e.eps, 1e-6);
    QCOMPARE(e.beta1, 0.5);
    QCOMPARE(e.beta2, beta2);
    QCOMPARE(e.weightDecay, 0.0);
}

void TestOptimizers::factoryErrors()
{
    try {
        lrlab::makeOptimizer<double>(makeSpec("adam9"));
        QFAIL("an unknown optimizer was constructed");
    } catch (const std::invalid_argument& error) {
        QVERIFY(QString::fromUtf8(error.what()).startsWith("optimizer.type"));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::makeOptimizer<float>(makeSpec("adam9")));
    for (const std::string& name : lrlab::optimizerNames()) {
        QVERIFY(lrlab::makeOptimizer<double>(makeSpec(name)) != nullptr);
        QVERIFY(lrlab::makeOptimizer<float>(makeSpec(name)) != nullptr);
    }
}

void TestOptimizers::handComputed_data()
{
    QTest::addColumn<OptimizerSpec>("spec");
    QTest::addColumn<double>("lr");
    QTest::addColumn<QList<double>>("x0");
    QTest::addColumn<QList<QList<double>>>("grads");
    QTest::addColumn<QList<double>>("expected");
    QTest::addColumn<double>("relTol");

    OptimizerSpec sgd = makeSpec("sgd");
    // x1 = x0 − 0.1·g = (1 − 0.05, −2 + 0.1)
    QTest::newRow("sgd-plain") << sgd << 0.1 << QList<double>{1.0, -2.0}
                               << QList<QList<double>>{{0.5, -1.0}} << QList<double>{0.95, -1.9}
                               << 1e-15;
    OptimizerSpec sgdWd = sgd;
    sgdWd.weightDecay = 0.1;
    // d = 0 + 0.1·(1, −2) = (0.1, −0.2); x1 = x0 − 0.1·d = (0.99, −1.98)
    QTest::newRow("sgd-weight-decay")
        << sgdWd << 0.1 << QList<double>{1.0, -2.0} << QList<QList<double>>{{0.0, 0.0}}
        << QList<double>{0.99, -1.98} << 1e-15;
    OptimizerSpec sgdMomentum = sgd;
    sgdMomentum.momentum = 0.9;
    // b1 = g1 = (1, −2): x1 = (−0.1, 0.2); b2 = 0.9·b1 + g2 = (1.4, −0.8): x2 = (−0.24, 0.28)
    QTest::newRow("sgd-momentum-second-step")
        << sgdMomentum << 0.1 << QList<double>{0.0, 0.0}
        << QList<QList<double>>{{1.0, -2.0}, {0.5, 1.0}} << QList<double>{-0.24, 0.28} << 1e-14;
    OptimizerSpec sgdNesterov = sgdMomentum;
    sgdNesterov.nesterov = true;
    // d1 = g1 + 0.9·b1 = (1.9, −3.8): x1 = (−0.19, 0.38);
    // d2 = g2 + 0.9·(1.4, −0.8) = (1.76, 0.28): x2 = (−0.366, 0.352)
    QTest::newRow("sgd-nesterov-second-step")
        << sgdNesterov << 0.1 << QList<double>{0.0, 0.0}
        << QList<QList<double>>{{1.0, -2.0}, {0.5, 1.0}} << QList<double>{-0.366, 0.352} << 1e-14;

    OptimizerSpec adagrad = makeSpec("adagrad");
    const double ae = 1e-10;
    // s1 = (1, 4): x1 = −0.1·(1/(1+e), −2/(2+e)); s2 = (2, 8): x2 = x1 − 0.1·(1/(√2+e), 2/(√8+e))
    QTest::newRow("adagrad-two-steps")
        << adagrad << 0.1 << QList<double>{0.0, 0.0}
        << QList<QList<double>>{{1.0, -2.0}, {1.0, 2.0}}
        << QList<double>{-0.1 / (1.0 + ae) - 0.1 / (std::sqrt(2.0) + ae),
                         0.2 / (2.0 + ae) - 0.2 / (std::sqrt(8.0) + ae)}
        << 1e-14;

    OptimizerSpec rmsprop = makeSpec("rmsprop");
    const double re = 1e-8;
    // v1 = 0.01·g² = (0.01, 0.04), √v1 = (0.1, 0.2); v2 = 0.99·v1 + 0.01·g2² = (0.0199, 0.0796)
    QTest::newRow("rmsprop-two-steps")
        << rmsprop << 0.01 << QList<double>{0.0, 0.0}
        << QList<QList<double>>{{1.0, -2.0}, {1.0, -2.0}}
        << QList<double>{-0.01 / (0.1 + re) - 0.01 / (std::sqrt(0.0199) + re),
                         0.02 / (0.2 + re) + 0.02 / (std::sqrt(0.0796) + re)}
        << 1e-13;
    OptimizerSpec rmspropMomentum = rmsprop;
    rmspropMomentum.momentum = 0.5;
    // b1 = g/(√v1+e); b2 = 0.5·b1 + g/(√v2+e); x2 = −0.01·(b1 + b2)
    const double b1 = 1.0 / (0.1 + re);
    const double b2 = 0.5 * b1 + 1.0 / (std::sqrt(0.0199) + re);
    QTest::newRow("rmsprop-momentum-two-steps")
        << rmspropMomentum << 0.01 << QList<double>{0.0} << QList<QList<double>>{{1.0}, {1.0}}
        << QList<double>{-0.01 * (b1 + b2)} << 1e-13;

    OptimizerSpec adam = makeSpec("adam");
    // First step: m̂ = g, v̂ = g², so θ1 = θ0 − lr·g/(|g| + eps) ≈ θ0 − lr·sign(g).
    QTest::newRow("adam-first-step-is-sign")
        << adam << 0.01 << QList<double>{1.0, -2.0, 0.5}
        << QList<QList<double>>{{3.0, -1e-3, 200.0}}
        << QList<double>{1.0 - 0.01 * 3.0 / (3.0 + 1e-8), -2.0 + 0.01 * 1e-3 / (1e-3 + 1e-8),
                         0.5 - 0.01 * 200.0 / (200.0 + 1e-8)}
        << 1e-14;
    // Constant gradient: m̂ = g and v̂ = g² at every step, so each step moves lr·g/(|g|+eps).
    QTest::newRow("adam-constant-gradient-three-steps")
        << adam << 0.01 << QList<double>{0.0} << QList<QList<double>>{{2.0}, {2.0}, {2.0}}
        << QList<double>{-3.0 * 0.01 * 2.0 / (2.0 + 1e-8)} << 1e-12;
    OptimizerSpec adamWd = adam;
    adamWd.weightDecay = 0.5;
    // Coupled decay: g' = g + 0.5·θ0 = 1 + 0.5·2 = 2, then the sign-like first step.
    QTest::newRow("adam-coupled-weight-decay")
        << adamWd << 0.1 << QList<double>{2.0} << QList<QList<double>>{{1.0}}
        << QList<double>{2.0 - 0.1 * 2.0 / (2.0 + 1e-8)} << 1e-14;
    // Coupled decay that cancels the gradient: g' = −1 + 0.5·2 = 0, so θ stays.
    QTest::newRow("adam-coupled-weight-decay-cancels")
        << adamWd << 0.1 << QList<double>{2.0} << QList<QList<double>>{{-1.0}} << QList<double>{2.0}
        << 1e-15;
    OptimizerSpec adamw = makeSpec("adamw");
    adamw.weightDecay = 0.5;
    // Decoupled: θ0·(1 − 0.1·0.5) = 1.9, then the Adam step on the raw g = −1 (moves +0.1).
    QTest::newRow("adamw-decoupled-decay")
        << adamw << 0.1 << QList<double>{2.0} << QList<QList<double>>{{-1.0}}
        << QList<double>{1.9 + 0.1 * 1.0 / (1.0 + 1e-8)} << 1e-14;
    // Default weight decay 0.01: θ0·(1 − 0.01·0.01) − 0.01·g/(|g| + eps)
    QTest::newRow("adamw-default-decay")
        << makeSpec("adamw") << 0.01 << QList<double>{3.0} << QList<QList<double>>{{4.0}}
        << QList<double>{3.0 * 0.9999 - 0.01 * 4.0 / (4.0 + 1e-8)} << 1e-14;

    OptimizerSpec lion = makeSpec("lion");
    lion.weightDecay = 0.1;
    // Step 1 (m = 0): u = sign(0.1·g1) = (1, −1, 0);
    // θ1 = θ0·0.999 − 0.01·u = (0.989, −1.988, 0.4995);
    // m1 = 0.01·g1 = (0.003, −0.001, 0). Step 2: 0.9·m1 + 0.1·g2 = (−0.0023, 0.0191, 0.1), so
    // u = (−1, 1, 1) (the first sign flips only through the interpolation);
    // θ2 = θ1·0.999 − 0.01·u.
    QTest::newRow("lion-sign-and-weight-decay")
        << lion << 0.01 << QList<double>{1.0, -2.0, 0.5}
        << QList<QList<double>>{{0.3, -0.1, 0.0}, {-0.05, 0.2, 1.0}}
        << QList<double>{0.989 * 0.999 + 0.01, -1.988 * 0.999 - 0.01, 0.4995 * 0.999 - 0.01}
        << 1e-14;
}

void TestOptimizers::handComputed()
{
    QFETCH(OptimizerSpec, spec);
    QFETCH(double, lr);
    QFETCH(QList<double>, x0);
    QFETCH(QList<QList<double>>, grads);
    QFETCH(QList<double>, expected);
    QFETCH(double, relTol);

    auto optimizer = lrlab::makeOptimizer<double>(spec);
    optimizer->reset(static_cast<int>(x0.size()));
    Eigen::VectorXd x = toEigen<double>(Coordinates(x0.begin(), x0.end()));
    for (const QList<double>& g : grads)
        optimizer->step(x, toEigen<double>(Coordinates(g.begin(), g.end())), lr);
    for (int i = 0; i < expected.size(); ++i) {
        QVERIFY2(nearlyEqual(x(i), expected[i], relTol, 1e-15),
                 qPrintable(mismatch(QString("coordinate %1").arg(i), x(i), expected[i])));
    }
}

void TestOptimizers::trajectory_data()
{
    QTest::addColumn<OptimizerSpec>("spec");
    QTest::addColumn<double>("lr");

    auto add = [](const char* tag, const OptimizerSpec& spec, double lr) {
        QTest::newRow(tag) << spec << lr;
    };
    OptimizerSpec s = makeSpec("sgd");
    add("sgd", s, 0.1);
    s.weightDecay = 0.05;
    add("sgd-weight-decay", s, 0.1);
    s.momentum = 0.9;
    add("sgd-momentum-weight-decay", s, 0.1);
    s.nesterov = true;
    add("sgd-nesterov-weight-decay", s, 0.1);

    OptimizerSpec r = makeSpec("rmsprop");
    add("rmsprop", r, 0.01);
    r.alpha = 0.9;
    r.weightDecay = 0.1;
    add("rmsprop-alpha-weight-decay", r, 0.01);
    r.momentum = 0.8;
    add("rmsprop-momentum-weight-decay", r, 0.01);

    OptimizerSpec a = makeSpec("adagrad");
    add("adagrad", a, 0.5);
    a.weightDecay = 0.2;
    a.eps = 1e-3;
    add("adagrad-weight-decay-eps", a, 0.5);

    OptimizerSpec adam = makeSpec("adam");
    add("adam", adam, 0.01);
    adam.weightDecay = 0.1;
    adam.beta1 = 0.8;
    adam.beta2 = 0.95;
    add("adam-betas-weight-decay", adam, 0.01);
    OptimizerSpec adamw = makeSpec("adamw");
    add("adamw-default-decay", adamw, 0.01);
    adamw.weightDecay = 0.3;
    add("adamw-weight-decay", adamw, 0.05);

    OptimizerSpec lion = makeSpec("lion");
    add("lion", lion, 0.001);
    lion.weightDecay = 1.0;
    lion.beta1 = 0.5;
    add("lion-weight-decay-beta1", lion, 0.01);
}

void TestOptimizers::trajectory()
{
    QFETCH(OptimizerSpec, spec);
    QFETCH(double, lr);
    const Coordinates x0 = {0.7, -1.3, 2.0};
    auto optimizer = lrlab::makeOptimizer<double>(spec);
    optimizer->reset(3);
    ReferenceOptimizer reference(spec, 3);
    Eigen::VectorXd x = toEigen<double>(x0);
    Coordinates expected = x0;
    for (int k = 0; k < 3; ++k) {
        optimizer->step(x, toEigen<double>(gradientSequence()[k]), lr);
        reference.step(expected, gradientSequence()[k], lr);
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(nearlyEqual(x(i), expected[i], 1e-13, 1e-15),
                     qPrintable(mismatch(QString("step %1 coordinate %2").arg(k + 1).arg(i), x(i),
                                         expected[i])));
        }
    }
}

void TestOptimizers::floatAgreesWithDouble_data()
{
    QTest::addColumn<OptimizerSpec>("spec");
    QTest::addColumn<double>("lr");
    OptimizerSpec sgd = makeSpec("sgd");
    sgd.momentum = 0.9;
    sgd.nesterov = true;
    sgd.weightDecay = 0.01;
    QTest::newRow("sgd-nesterov") << sgd << 0.02;
    OptimizerSpec rmsprop = makeSpec("rmsprop");
    rmsprop.momentum = 0.5;
    QTest::newRow("rmsprop-momentum") << rmsprop << 0.01;
    QTest::newRow("adagrad") << makeSpec("adagrad") << 0.3;
    QTest::newRow("adam") << makeSpec("adam") << 0.01;
    QTest::newRow("adamw") << makeSpec("adamw") << 0.01;
    QTest::newRow("lion") << makeSpec("lion") << 0.003;
}

void TestOptimizers::floatAgreesWithDouble()
{
    QFETCH(OptimizerSpec, spec);
    QFETCH(double, lr);
    // 20 steps on the quadratic from (1, 1): float and double trajectories stay within float
    // rounding of each other (lion moves by exactly ±lr, so its signs must agree too).
    auto optD = lrlab::makeOptimizer<double>(spec);
    auto optF = lrlab::makeOptimizer<float>(spec);
    optD->reset(2);
    optF->reset(2);
    Eigen::VectorXd xd(2), gd(2);
    Eigen::VectorXf xf(2), gf(2);
    xd << 1.0, 1.0;
    xf << 1.0f, 1.0f;
    for (int k = 0; k < 20; ++k) {
        quadraticGradient<double>(xd, gd);
        quadraticGradient<float>(xf, gf);
        optD->step(xd, gd, lr);
        optF->step(xf, gf, lr);
        for (int i = 0; i < 2; ++i)
            QVERIFY2(nearlyEqual(xf(i), xd(i), 1e-5, 1e-6),
                     qPrintable(QStringLiteral("step %1 coordinate %2: float %3, double %4")
                                    .arg(k + 1)
                                    .arg(i)
                                    .arg(double(xf(i)), 0, 'g', 9)
                                    .arg(xd(i), 0, 'g', 17)));
    }
}

void TestOptimizers::resetClearsState_data()
{
    QTest::addColumn<OptimizerSpec>("spec");
    OptimizerSpec sgd = makeSpec("sgd");
    sgd.momentum = 0.9;
    QTest::newRow("sgd-momentum") << sgd;
    OptimizerSpec rmsprop = makeSpec("rmsprop");
    rmsprop.momentum = 0.9;
    QTest::newRow("rmsprop-momentum") << rmsprop;
    QTest::newRow("adagrad") << makeSpec("adagrad");
    QTest::newRow("adam") << makeSpec("adam");
    QTest::newRow("adamw") << makeSpec("adamw");
    QTest::newRow("lion") << makeSpec("lion");
}

void TestOptimizers::resetClearsState()
{
    QFETCH(OptimizerSpec, spec);
    const Coordinates x0 = {0.7, -1.3, 2.0};
    auto fresh = lrlab::makeOptimizer<double>(spec);
    fresh->reset(3);
    const Eigen::VectorXd expected = runSequence<double>(*fresh, x0, 0.05, 3);

    auto reused = lrlab::makeOptimizer<double>(spec);
    reused->reset(3);
    runSequence<double>(*reused, x0, 0.05, 3);
    reused->reset(3);
    const Eigen::VectorXd again = runSequence<double>(*reused, x0, 0.05, 3);
    // Bit-identical: any moment, buffer or step count surviving reset() changes the numbers.
    QVERIFY(again == expected);
    // And the state did matter: continuing without a reset gives something else.
    const Eigen::VectorXd continued = runSequence<double>(*reused, x0, 0.05, 3);
    QVERIFY(continued != expected);
}

void TestOptimizers::stateBytes_data()
{
    QTest::addColumn<OptimizerSpec>("spec");
    QTest::addColumn<bool>("isFloat");
    QTest::addColumn<int>("expected");
    const int n = 10;
    OptimizerSpec sgdMomentum = makeSpec("sgd");
    sgdMomentum.momentum = 0.9;
    OptimizerSpec rmspropMomentum = makeSpec("rmsprop");
    rmspropMomentum.momentum = 0.9;
    QTest::newRow("sgd-no-buffer") << makeSpec("sgd") << false << 0;
    QTest::newRow("sgd-momentum") << sgdMomentum << false << n * 8;
    QTest::newRow("sgd-momentum-float") << sgdMomentum << true << n * 4;
    QTest::newRow("rmsprop") << makeSpec("rmsprop") << false << n * 8;
    QTest::newRow("rmsprop-momentum") << rmspropMomentum << false << 2 * n * 8;
    QTest::newRow("adagrad") << makeSpec("adagrad") << false << n * 8 + 8;
    QTest::newRow("adam") << makeSpec("adam") << false << 2 * n * 8 + 8;
    QTest::newRow("adam-float") << makeSpec("adam") << true << 2 * n * 4 + 8;
    QTest::newRow("adamw-float") << makeSpec("adamw") << true << 2 * n * 4 + 8;
    QTest::newRow("lion") << makeSpec("lion") << false << n * 8;
}

void TestOptimizers::stateBytes()
{
    QFETCH(OptimizerSpec, spec);
    QFETCH(bool, isFloat);
    QFETCH(int, expected);
    QCOMPARE(lrlab::test::stateBytesAfterReset(spec, 10, isFloat),
             static_cast<std::size_t>(expected));
}

void TestOptimizers::quadraticConverges_data()
{
    QTest::addColumn<OptimizerSpec>("spec");
    QTest::addColumn<double>("lr");
    QTest::addColumn<double>("tolerance");
    // GD on f = ½(x² + 10y²) is stable for lr < 2/10. The sign-like methods (adam, lion,
    // rmsprop) move by about lr per step, so the run uses a linear decay to zero and they end
    // within a small multiple of their last steps; sgd-type methods converge geometrically.
    OptimizerSpec sgd = makeSpec("sgd");
    QTest::newRow("sgd") << sgd << 0.1 << 1e-8;
    OptimizerSpec momentum = sgd;
    momentum.momentum = 0.9;
    QTest::newRow("sgd-momentum") << momentum << 0.02 << 1e-6;
    OptimizerSpec nesterov = momentum;
    nesterov.nesterov = true;
    QTest::newRow("sgd-nesterov") << nesterov << 0.02 << 1e-6;
    QTest::newRow("rmsprop") << makeSpec("rmsprop") << 0.01 << 1e-3;
    QTest::newRow("adagrad") << makeSpec("adagrad") << 0.5 << 1e-3;
    QTest::newRow("adam") << makeSpec("adam") << 0.05 << 1e-3;
    QTest::newRow("adamw") << makeSpec("adamw") << 0.05 << 1e-3;
    QTest::newRow("lion") << makeSpec("lion") << 0.01 << 1e-3;
}

void TestOptimizers::quadraticConverges()
{
    QFETCH(OptimizerSpec, spec);
    QFETCH(double, lr);
    QFETCH(double, tolerance);
    auto optimizer = lrlab::makeOptimizer<double>(spec);
    optimizer->reset(2);
    const Eigen::VectorXd x = lrlab::test::descendWithLinearDecay(
        *optimizer, Eigen::Vector2d(1.0, 1.0), lr, 2000, quadraticGradient<double>);
    QVERIFY2(std::abs(x(0)) < tolerance && std::abs(x(1)) < tolerance,
             qPrintable(QStringLiteral("ended at (%1, %2)").arg(x(0)).arg(x(1))));
}

QTEST_GUILESS_MAIN(TestOptimizers)
#include "tst_optimizers.moc"
