#include "core/problems/toy_surface.h"
#include "tests/common/nearly_equal.h"

#include <QList>
#include <QPointF>
#include <QtTest>

#include <Eigen/Core>

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using lrlab::test::mismatch;
using lrlab::test::nearlyEqual;

using ParameterMap = std::map<std::string, double>;
Q_DECLARE_METATYPE(ParameterMap)
Q_DECLARE_METATYPE(std::string)

namespace {

constexpr double kPi = 3.14159265358979323846;
const double kE = std::exp(1.0);

/// One surface configuration and the points its derivatives are checked at (off-axis points
/// everywhere, so that mixed partials and both coordinates matter).
struct SurfaceCase
{
    const char* tag;
    std::string name;
    ParameterMap parameters;
    std::vector<std::pair<double, double>> points;
};

const std::vector<SurfaceCase>& surfaceCases()
{
    static const std::vector<SurfaceCase> cases = {
        {"quadratic", "quadratic", {}, {{-1.5, 1.2}, {0.7, -0.3}}},
        {"quadratic-rotated",
         "quadratic",
         {{"a", 2.0}, {"b", 7.0}, {"angle_deg", 30.0}},
         {{0.9, -1.3}, {-0.4, 0.25}}},
        {"quadratic-rotated-negative-angle",
         "quadratic",
         {{"a", 0.5}, {"b", 20.0}, {"angle_deg", -115.0}},
         {{1.1, 0.6}}},
        {"rosenbrock", "rosenbrock", {}, {{-1.5, 2.0}, {0.3, -0.7}, {1.2, 1.5}}},
        {"rosenbrock-custom", "rosenbrock", {{"a", -0.5}, {"b", 30.0}}, {{0.8, 0.4}, {-1.1, 1.7}}},
        {"beale", "beale", {}, {{1.0, 1.5}, {-0.7, 0.3}, {2.5, -1.1}, {3.3, 0.8}}},
        {"himmelblau", "himmelblau", {}, {{0.0, 0.0}, {-1.3, 2.2}, {2.7, -3.1}}},
        {"rastrigin", "rastrigin", {}, {{0.45, -0.4}, {1.23, -2.71}, {-0.08, 0.61}}},
        {"ackley", "ackley", {}, {{0.4, -0.35}, {1.3, -0.7}, {-2.9, 2.2}, {0.013, -0.021}}},
        {"saddle", "saddle", {}, {{-1.5, 0.05}, {0.8, -1.3}, {1.1, 0.6}}},
        {"six_hump_camel", "six_hump_camel", {}, {{-0.5, 1.0}, {1.6, -0.4}, {-1.9, 0.9}}},
        {"styblinski_tang", "styblinski_tang", {}, {{0.3, 0.2}, {-2.1, 3.3}, {4.2, -1.4}}},
        {"booth", "booth", {}, {{-2.0, -2.0}, {1.5, 4.5}, {3.3, -0.2}}},
    };
    return cases;
}

double parameter(const ParameterMap& p, const char* key, double fallback)
{
    const auto it = p.find(key);
    return it == p.end() ? fallback : it->second;
}

/// The formulas of docs/semantics.md §2.1 written out literally (cos, not the sin² forms the
/// implementation uses), as an independent reference for values.
double referenceValue(const std::string& name, const ParameterMap& p, double x, double y)
{
    if (name == "quadratic") {
        const double a = parameter(p, "a", 1.0);
        const double b = parameter(p, "b", 10.0);
        const double theta = parameter(p, "angle_deg", 0.0) * kPi / 180.0;
        // pᵀ R diag(a, b) Rᵀ p = a (Rᵀp)₁² + b (Rᵀp)₂².
        const double q1 = std::cos(theta) * x + std::sin(theta) * y;
        const double q2 = -std::sin(theta) * x + std::cos(theta) * y;
        return 0.5 * (a * q1 * q1 + b * q2 * q2);
    }
    if (name == "rosenbrock") {
        const double a = parameter(p, "a", 1.0);
        const double b = parameter(p, "b", 100.0);
        return std::pow(a - x, 2) + b * std::pow(y - x * x, 2);
    }
    if (name == "beale")
        return std::pow(1.5 - x + x * y, 2) + std::pow(2.25 - x + x * y * y, 2) +
               std::pow(2.625 - x + x * y * y * y, 2);
    if (name == "himmelblau")
        return std::pow(x * x + y - 11.0, 2) + std::pow(x + y * y - 7.0, 2);
    if (name == "rastrigin")
        return 20.0 + (x * x - 10.0 * std::cos(2.0 * kPi * x)) +
               (y * y - 10.0 * std::cos(2.0 * kPi * y));
    if (name == "ackley")
        return -20.0 * std::exp(-0.2 * std::sqrt(0.5 * (x * x + y * y))) -
               std::exp(0.5 * (std::cos(2.0 * kPi * x) + std::cos(2.0 * kPi * y))) + kE + 20.0;
    if (name == "saddle")
        return x * x / 2.0 - y * y / 2.0 + std::pow(y, 4) / 4.0;
    if (name == "six_hump_camel")
        return (4.0 - 2.1 * x * x + std::pow(x, 4) / 3.0) * x * x + x * y +
               (-4.0 + 4.0 * y * y) * y * y;
    if (name == "styblinski_tang")
        return 0.5 * ((std::pow(x, 4) - 16.0 * x * x + 5.0 * x) +
                      (std::pow(y, 4) - 16.0 * y * y + 5.0 * y));
    if (name == "booth")
        return std::pow(x + 2.0 * y - 7.0, 2) + std::pow(2.0 * x + y - 5.0, 2);
    return std::numeric_limits<double>::quiet_NaN();
}

Eigen::Vector2d gradientOf(const lrlab::ToySurface& s, double x, double y)
{
    Eigen::VectorXd g(2);
    Eigen::VectorXd p(2);
    p << x, y;
    s.valueAndGradient(p, g);
    return g;
}

/// Adds one row per (configuration, point) with the columns name, parameters, x, y.
void addPointRows()
{
    QTest::addColumn<std::string>("name");
    QTest::addColumn<ParameterMap>("parameters");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    for (const SurfaceCase& c : surfaceCases()) {
        for (std::size_t i = 0; i < c.points.size(); ++i) {
            const QByteArray tag = QByteArray(c.tag) + "-point" + QByteArray::number(int(i));
            QTest::newRow(tag.constData())
                << c.name << c.parameters << c.points[i].first << c.points[i].second;
        }
    }
}

/// Adds one row per surface configuration with the columns name, parameters.
void addConfigRows()
{
    QTest::addColumn<std::string>("name");
    QTest::addColumn<ParameterMap>("parameters");
    for (const SurfaceCase& c : surfaceCases())
        QTest::newRow(c.tag) << c.name << c.parameters;
}

/// The surface of the current row's name and parameters columns.
auto fetchSurface()
{
    QFETCH(std::string, name);
    QFETCH(ParameterMap, parameters);
    return lrlab::makeToySurface(name, parameters);
}

/// Smaller eigenvalue of a symmetric 2 x 2 matrix, in closed form.
double smallestEigenvalue(const Eigen::Matrix2d& m)
{
    const double mean = 0.5 * (m(0, 0) + m(1, 1));
    const double half = 0.5 * (m(0, 0) - m(1, 1));
    return mean - std::hypot(half, m(0, 1));
}

bool insideView(const lrlab::ViewBox& v, double x, double y)
{
    return x >= v.xMin && x <= v.xMax && y >= v.yMin && y <= v.yMax;
}

} // namespace

/// Tests the ten toy surfaces of docs/semantics.md §2.1: values, analytic derivatives, minima and
/// the catalogue/factory contract.
class TestToySurfaces : public QObject
{
    Q_OBJECT

private slots:
    void gradientMatchesFiniteDifferences_data() { addPointRows(); }
    void gradientMatchesFiniteDifferences();
    void hessianMatchesGradientDifferences_data() { addPointRows(); }
    void hessianMatchesGradientDifferences();
    void valueMatchesWrittenFormula_data() { addPointRows(); }
    void valueMatchesWrittenFormula();
    void valueAtHandComputedPoints_data();
    void valueAtHandComputedPoints();
    void listedMinima_data();
    void listedMinima();
    void minimaAreGlobalOverViewBox_data() { addConfigRows(); }
    void minimaAreGlobalOverViewBox();
    void infoIsConsistent_data() { addConfigRows(); }
    void infoIsConsistent();
    void valueAtEqualsValue_data() { addConfigRows(); }
    void valueAtEqualsValue();
    void quadraticHessianHasEigenvaluesAB_data();
    void quadraticHessianHasEigenvaluesAB();
    void ackleyOriginConvention();
    void catalogueListsAllTen();
    void invalidSurfaceOrParameterThrows_data();
    void invalidSurfaceOrParameterThrows();
};

void TestToySurfaces::gradientMatchesFiniteDifferences()
{
    const auto surface = fetchSurface();
    QFETCH(double, x);
    QFETCH(double, y);

    Eigen::VectorXd p(2);
    p << x, y;
    Eigen::VectorXd g(2);
    const double f = surface->valueAndGradient(p, g);
    QVERIFY(nearlyEqual(f, surface->value(p), 1e-15, 0.0));

    // Central differences: truncation ~h²·f''' and rounding ~ε|f|/h are both far below the
    // tolerance at h = 1e-6, while a wrong term shows up at order one.
    const double h = 1e-6;
    const double fdx = (surface->valueAt(x + h, y) - surface->valueAt(x - h, y)) / (2.0 * h);
    const double fdy = (surface->valueAt(x, y + h) - surface->valueAt(x, y - h)) / (2.0 * h);
    const double absTol = 1e-6 * std::max(1.0, std::abs(f));
    QVERIFY2(nearlyEqual(g[0], fdx, 1e-6, absTol), qPrintable(mismatch("d/dx", g[0], fdx)));
    QVERIFY2(nearlyEqual(g[1], fdy, 1e-6, absTol), qPrintable(mismatch("d/dy", g[1], fdy)));
}

void TestToySurfaces::hessianMatchesGradientDifferences()
{
    const auto surface = fetchSurface();
    QFETCH(double, x);
    QFETCH(double, y);

    const Eigen::Matrix2d hess = surface->hessian(Eigen::Vector2d(x, y));
    QVERIFY(hess.allFinite());
    QVERIFY(nearlyEqual(hess(0, 1), hess(1, 0), 1e-14, 1e-14));

    const double h = 1e-6;
    const Eigen::Vector2d colX =
        (gradientOf(*surface, x + h, y) - gradientOf(*surface, x - h, y)) / (2.0 * h);
    const Eigen::Vector2d colY =
        (gradientOf(*surface, x, y + h) - gradientOf(*surface, x, y - h)) / (2.0 * h);
    const double scale = std::max(1.0, hess.cwiseAbs().maxCoeff());
    for (int i = 0; i < 2; ++i) {
        QVERIFY2(nearlyEqual(hess(i, 0), colX[i], 1e-6, 1e-6 * scale),
                 qPrintable(mismatch(QString("H(%1,0)").arg(i), hess(i, 0), colX[i])));
        QVERIFY2(nearlyEqual(hess(i, 1), colY[i], 1e-6, 1e-6 * scale),
                 qPrintable(mismatch(QString("H(%1,1)").arg(i), hess(i, 1), colY[i])));
    }
}

void TestToySurfaces::valueMatchesWrittenFormula()
{
    QFETCH(std::string, name);
    QFETCH(ParameterMap, parameters);
    QFETCH(double, x);
    QFETCH(double, y);
    const auto surface = lrlab::makeToySurface(name, parameters);
    const double expected = referenceValue(name, parameters, x, y);
    // The literal formulas lose absolute accuracy ~ε·(e + 20) or ε·20 from their constants.
    QVERIFY2(nearlyEqual(surface->valueAt(x, y), expected, 1e-12, 1e-13),
             qPrintable(mismatch("value", surface->valueAt(x, y), expected)));
}

void TestToySurfaces::valueAtHandComputedPoints_data()
{
    QTest::addColumn<std::string>("name");
    QTest::addColumn<ParameterMap>("parameters");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("y");
    QTest::addColumn<double>("expected");
    const ParameterMap none;
    // ½(1·1² + 10·1²)
    QTest::newRow("quadratic-1-1") << std::string("quadratic") << none << 1.0 << 1.0 << 5.5;
    // θ = 90° swaps the axes: diag(b, a), so f(1, 0) = ½·10.
    QTest::newRow("quadratic-90deg")
        << std::string("quadratic") << ParameterMap{{"angle_deg", 90.0}} << 1.0 << 0.0 << 5.0;
    // θ = 45°: (1, 1) = √2·(cos θ, sin θ) lies on the a axis, (1, −1) on the b axis.
    const ParameterMap rotated{{"a", 2.0}, {"b", 4.0}, {"angle_deg", 45.0}};
    QTest::newRow("quadratic-45deg-a-axis")
        << std::string("quadratic") << rotated << 1.0 << 1.0 << 2.0;
    QTest::newRow("quadratic-45deg-b-axis")
        << std::string("quadratic") << rotated << 1.0 << -1.0 << 4.0;
    QTest::newRow("rosenbrock-origin") << std::string("rosenbrock") << none << 0.0 << 0.0 << 1.0;
    // (1 − (−1))² + 100·(2 − 1)² = 4 + 100
    QTest::newRow("rosenbrock-minus1-2")
        << std::string("rosenbrock") << none << -1.0 << 2.0 << 104.0;
    // (2 − 0)² + 3·(1 − 0)² = 4 + 3
    QTest::newRow("rosenbrock-custom")
        << std::string("rosenbrock") << ParameterMap{{"a", 2.0}, {"b", 3.0}} << 0.0 << 1.0 << 7.0;
    QTest::newRow("beale-minimum") << std::string("beale") << none << 3.0 << 0.5 << 0.0;
    // 1.5² + 2.25² + 2.625² = 2.25 + 5.0625 + 6.890625
    QTest::newRow("beale-origin") << std::string("beale") << none << 0.0 << 0.0 << 14.203125;
    QTest::newRow("himmelblau-origin") << std::string("himmelblau") << none << 0.0 << 0.0 << 170.0;
    QTest::newRow("himmelblau-3-2") << std::string("himmelblau") << none << 3.0 << 2.0 << 0.0;
    QTest::newRow("rastrigin-origin") << std::string("rastrigin") << none << 0.0 << 0.0 << 0.0;
    // 20 + (1 − 10) + (1 − 10)
    QTest::newRow("rastrigin-1-1") << std::string("rastrigin") << none << 1.0 << 1.0 << 2.0;
    // 20 + (0.25 + 10) + (0 − 10)
    QTest::newRow("rastrigin-half-0") << std::string("rastrigin") << none << 0.5 << 0.0 << 20.25;
    QTest::newRow("ackley-origin") << std::string("ackley") << none << 0.0 << 0.0 << 0.0;
    // cos 2π = 1, so the second exponential is e¹ and cancels the + e.
    QTest::newRow("ackley-1-0") << std::string("ackley") << none << 1.0 << 0.0
                                << 20.0 - 20.0 * std::exp(-0.2 * std::sqrt(0.5));
    // cos π = −1 on both axes: e^{−1}.
    QTest::newRow("ackley-half-half") << std::string("ackley") << none << 0.5 << 0.5
                                      << 20.0 - 20.0 * std::exp(-0.1) - std::exp(-1.0) + kE;
    QTest::newRow("saddle-minimum") << std::string("saddle") << none << 0.0 << 1.0 << -0.25;
    QTest::newRow("saddle-0-2") << std::string("saddle") << none << 0.0 << 2.0 << 2.0;
    QTest::newRow("saddle-2-0") << std::string("saddle") << none << 2.0 << 0.0 << 2.0;
    // (4 − 2.1 + 1/3) + 1 + 0 = 97/30
    QTest::newRow("six_hump_camel-1-1")
        << std::string("six_hump_camel") << none << 1.0 << 1.0 << 97.0 / 30.0;
    // (4 − 8.4 + 16/3)·4 = 56/15, xy = −1, (−4 + 1)·¼ = −3/4
    QTest::newRow("six_hump_camel-2-minushalf")
        << std::string("six_hump_camel") << none << 2.0 << -0.5 << 56.0 / 15.0 - 1.75;
    QTest::newRow("styblinski_tang-origin")
        << std::string("styblinski_tang") << none << 0.0 << 0.0 << 0.0;
    // ½[(1 − 16 + 5)·2]
    QTest::newRow("styblinski_tang-1-1")
        << std::string("styblinski_tang") << none << 1.0 << 1.0 << -10.0;
    // ½[(1 − 16 − 5) + (16 − 64 + 10)]
    QTest::newRow("styblinski_tang-minus1-2")
        << std::string("styblinski_tang") << none << -1.0 << 2.0 << -29.0;
    QTest::newRow("booth-minimum") << std::string("booth") << none << 1.0 << 3.0 << 0.0;
    QTest::newRow("booth-origin") << std::string("booth") << none << 0.0 << 0.0 << 74.0;
}

void TestToySurfaces::valueAtHandComputedPoints()
{
    const auto surface = fetchSurface();
    QFETCH(double, x);
    QFETCH(double, y);
    QFETCH(double, expected);
    QVERIFY2(nearlyEqual(surface->valueAt(x, y), expected, 1e-12, 1e-14),
             qPrintable(mismatch("value", surface->valueAt(x, y), expected)));
}

void TestToySurfaces::listedMinima_data()
{
    QTest::addColumn<std::string>("name");
    QTest::addColumn<ParameterMap>("parameters");
    QTest::addColumn<QList<QPointF>>("expected"); // literature / docs/semantics.md values
    QTest::addColumn<double>("tolerance");        // of those expected coordinates
    QTest::addColumn<double>("expectedValue");
    const ParameterMap none;
    QTest::newRow("quadratic") << std::string("quadratic") << none << QList<QPointF>{{0, 0}} << 0.0
                               << 0.0;
    QTest::newRow("quadratic-rotated")
        << std::string("quadratic") << ParameterMap{{"a", 2.0}, {"b", 7.0}, {"angle_deg", 30.0}}
        << QList<QPointF>{{0, 0}} << 0.0 << 0.0;
    QTest::newRow("rosenbrock") << std::string("rosenbrock") << none << QList<QPointF>{{1, 1}}
                                << 0.0 << 0.0;
    QTest::newRow("rosenbrock-custom")
        << std::string("rosenbrock") << ParameterMap{{"a", -0.5}, {"b", 30.0}}
        << QList<QPointF>{{-0.5, 0.25}} << 0.0 << 0.0;
    QTest::newRow("beale") << std::string("beale") << none << QList<QPointF>{{3, 0.5}} << 0.0
                           << 0.0;
    QTest::newRow("himmelblau") << std::string("himmelblau") << none
                                << QList<QPointF>{{3.0, 2.0},
                                                  {-2.805118, 3.131312},
                                                  {-3.779310, -3.283186},
                                                  {3.584428, -1.848126}}
                                << 1e-6 << 0.0;
    QTest::newRow("rastrigin") << std::string("rastrigin") << none << QList<QPointF>{{0, 0}} << 0.0
                               << 0.0;
    QTest::newRow("ackley") << std::string("ackley") << none << QList<QPointF>{{0, 0}} << 0.0
                            << 0.0;
    QTest::newRow("saddle") << std::string("saddle") << none << QList<QPointF>{{0, 1}, {0, -1}}
                            << 0.0 << -0.25;
    // f at the minima ≈ −1.0316 (literature); the tolerance covers the quoted digits.
    QTest::newRow("six_hump_camel")
        << std::string("six_hump_camel") << none
        << QList<QPointF>{{0.0898, -0.7126}, {-0.0898, 0.7126}} << 1e-4 << -1.0316;
    QTest::newRow("styblinski_tang") << std::string("styblinski_tang") << none
                                     << QList<QPointF>{{-2.903534, -2.903534}} << 1e-6 << -78.33233;
    QTest::newRow("booth") << std::string("booth") << none << QList<QPointF>{{1, 3}} << 0.0 << 0.0;
}

void TestToySurfaces::listedMinima()
{
    QFETCH(std::string, name);
    QFETCH(ParameterMap, parameters);
    QFETCH(QList<QPointF>, expected);
    QFETCH(double, tolerance);
    QFETCH(double, expectedValue);
    const auto surface = lrlab::makeToySurface(name, parameters);
    const lrlab::ProblemInfo info = surface->info();

    QCOMPARE(info.minima.size(), std::size_t(expected.size()));
    QVERIFY(std::abs(info.minimumValue - expectedValue) <= 1e-4 * (1.0 + std::abs(expectedValue)));
    // Every expected minimum is listed (order free).
    for (const QPointF& e : expected) {
        bool found = false;
        for (const Eigen::VectorXd& m : info.minima)
            found = found ||
                    (std::abs(m[0] - e.x()) <= tolerance && std::abs(m[1] - e.y()) <= tolerance);
        QVERIFY2(found, qPrintable(QString("(%1, %2) not listed").arg(e.x()).arg(e.y())));
    }

    for (const Eigen::VectorXd& m : info.minima) {
        QCOMPARE(m.size(), Eigen::Index(2));
        // f there is minimumValue, by the implementation and by the literal formula.
        QVERIFY(nearlyEqual(surface->value(m), info.minimumValue, 1e-14, 1e-14));
        QVERIFY(nearlyEqual(referenceValue(name, parameters, m[0], m[1]), info.minimumValue, 1e-14,
                            1e-13));

        const Eigen::Vector2d g = gradientOf(*surface, m[0], m[1]);
        const Eigen::Matrix2d hess = surface->hessian(m.head<2>());
        const double scale = std::max(1.0, hess.cwiseAbs().maxCoeff());
        QVERIFY2(g.norm() <= 1e-12 * scale,
                 qPrintable(QString("|grad| = %1").arg(g.norm(), 0, 'g', 3)));

        // Positive semi-definite Hessian (these minima are all strict: definite in fact).
        const double lambdaMin = smallestEigenvalue(hess);
        QVERIFY(lambdaMin >= -1e-12 * scale);
        QVERIFY(lambdaMin > 0.0);

        // A Newton step on the analytic derivatives (quadratic convergence) barely moves: the
        // listed coordinates are the minimizer to 1e-12.
        const double det = hess(0, 0) * hess(1, 1) - hess(0, 1) * hess(1, 0);
        const Eigen::Vector2d step((hess(1, 1) * g[0] - hess(0, 1) * g[1]) / det,
                                   (hess(0, 0) * g[1] - hess(1, 0) * g[0]) / det);
        QVERIFY2(step.norm() <= 1e-12 * std::max(1.0, std::hypot(m[0], m[1])),
                 qPrintable(QString("Newton step %1").arg(step.norm(), 0, 'g', 3)));
    }
}

void TestToySurfaces::minimaAreGlobalOverViewBox()
{
    const auto surface = fetchSurface();
    const lrlab::ProblemInfo info = surface->info();
    // No grid point of the view box lies below the stated global minimum value.
    const int n = 401;
    double lowest = std::numeric_limits<double>::infinity();
    for (int i = 0; i < n; ++i) {
        const double x = info.view.xMin + (info.view.xMax - info.view.xMin) * i / (n - 1);
        for (int j = 0; j < n; ++j) {
            const double y = info.view.yMin + (info.view.yMax - info.view.yMin) * j / (n - 1);
            lowest = std::min(lowest, surface->valueAt(x, y));
        }
    }
    QVERIFY2(lowest >= info.minimumValue - 1e-12,
             qPrintable(QString("grid min %1 < %2")
                            .arg(lowest, 0, 'g', 17)
                            .arg(info.minimumValue, 0, 'g', 17)));
    // The grid comes close to it (the value is not merely a lower bound).
    QVERIFY(lowest <= info.minimumValue + 0.05 * (1.0 + std::abs(info.minimumValue)));
}

void TestToySurfaces::infoIsConsistent()
{
    QFETCH(std::string, name);
    QFETCH(ParameterMap, parameters);
    const auto surface = lrlab::makeToySurface(name, parameters);
    const lrlab::ProblemInfo info = surface->info();
    QCOMPARE(info.name, name);
    QCOMPARE(surface->dimension(), 2);
    QVERIFY(!info.formula.empty());
    QCOMPARE(info.start.size(), Eigen::Index(2));
    QVERIFY(info.view.xMin < info.view.xMax);
    QVERIFY(info.view.yMin < info.view.yMax);
    QVERIFY(insideView(info.view, info.start[0], info.start[1]));
    for (const Eigen::VectorXd& m : info.minima)
        QVERIFY(insideView(info.view, m[0], m[1]));
    // A teaching start is never already the answer.
    for (const Eigen::VectorXd& m : info.minima)
        QVERIFY(std::hypot(info.start[0] - m[0], info.start[1] - m[1]) > 0.1);
}

void TestToySurfaces::valueAtEqualsValue()
{
    const auto surface = fetchSurface();
    const lrlab::ViewBox v = surface->info().view;
    Eigen::VectorXd p(2);
    Eigen::VectorXd g(2);
    const int n = 17;
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j) {
            const double x = v.xMin + (v.xMax - v.xMin) * i / (n - 1);
            const double y = v.yMin + (v.yMax - v.yMin) * j / (n - 1);
            p << x, y;
            const double f = surface->value(p);
            QCOMPARE(surface->valueAt(x, y), f);
            QCOMPARE(surface->valueAndGradient(p, g), f);
        }
    }
}

void TestToySurfaces::quadraticHessianHasEigenvaluesAB_data()
{
    QTest::addColumn<double>("a");
    QTest::addColumn<double>("b");
    QTest::addColumn<double>("angle");
    QTest::newRow("defaults") << 1.0 << 10.0 << 0.0;
    QTest::newRow("rotated-30") << 2.0 << 7.0 << 30.0;
    QTest::newRow("rotated-minus-115") << 0.5 << 20.0 << -115.0;
    QTest::newRow("a-larger-rotated-60") << 9.0 << 3.0 << 60.0;
}

void TestToySurfaces::quadraticHessianHasEigenvaluesAB()
{
    QFETCH(double, a);
    QFETCH(double, b);
    QFETCH(double, angle);
    const auto surface =
        lrlab::makeToySurface("quadratic", {{"a", a}, {"b", b}, {"angle_deg", angle}});
    const Eigen::Matrix2d hess = surface->hessian(Eigen::Vector2d(0.3, -0.8));
    // R(θ)·e₁ = (cos θ, sin θ) is the a-eigenvector, R(θ)·e₂ the b-eigenvector; the stability
    // limit of docs/semantics.md §2.1 (lr < 2/max(a, b)) rests on this.
    const double t = angle * kPi / 180.0;
    const Eigen::Vector2d u(std::cos(t), std::sin(t));
    const Eigen::Vector2d w(-std::sin(t), std::cos(t));
    const Eigen::Vector2d hu = hess * u;
    const Eigen::Vector2d hw = hess * w;
    for (int i = 0; i < 2; ++i) {
        QVERIFY(nearlyEqual(hu[i], a * u[i], 1e-12, 1e-13));
        QVERIFY(nearlyEqual(hw[i], b * w[i], 1e-12, 1e-13));
    }
}

void TestToySurfaces::ackleyOriginConvention()
{
    const auto surface = lrlab::makeToySurface("ackley");
    Eigen::VectorXd origin = Eigen::VectorXd::Zero(2);
    Eigen::VectorXd g(2);
    QVERIFY(nearlyEqual(surface->valueAndGradient(origin, g), 0.0));
    QCOMPARE(g[0], 0.0);
    QCOMPARE(g[1], 0.0);

    // Convention: the cone's Hessian at r = 0 is its radial second derivative −0.4·I; the
    // cosine term contributes 2π²e·I (∂²/∂x² of −e^{½(cos 2πx + cos 2πy)} at 0).
    const double diagonal = 2.0 * kPi * kPi * kE - 0.4;
    const Eigen::Matrix2d hess = surface->hessian(Eigen::Vector2d::Zero());
    QVERIFY(nearlyEqual(hess(0, 0), diagonal, 1e-13));
    QVERIFY(nearlyEqual(hess(1, 1), diagonal, 1e-13));
    QCOMPARE(hess(0, 1), 0.0);
    QCOMPARE(hess(1, 0), 0.0);

    // That is the limit of the radial (along-the-ray) curvature: at a tiny offset along x the
    // x-curvature approaches it, while the tangential curvature grows without bound (≈ 2/s).
    const double r = 1e-7;
    const Eigen::Matrix2d near = surface->hessian(Eigen::Vector2d(r, 0.0));
    QVERIFY(nearlyEqual(near(0, 0), diagonal, 1e-5));
    QVERIFY(near(1, 1) > 1e6);

    // Away from the origin the gradient has the cone's constant slope 2√2·e^{−0.2s} radially
    // plus the ripple: at a tiny offset it is the cone's slope alone, 2√2 along u.
    Eigen::VectorXd p(2);
    p << 3e-12, -4e-12;
    surface->valueAndGradient(p, g);
    QVERIFY(nearlyEqual(g[0], 2.0 * std::sqrt(2.0) * 0.6, 1e-9));
    QVERIFY(nearlyEqual(g[1], -2.0 * std::sqrt(2.0) * 0.8, 1e-9));
}

void TestToySurfaces::catalogueListsAllTen()
{
    const std::vector<std::string> expected = {
        "quadratic", "rosenbrock", "beale",          "himmelblau",      "rastrigin",
        "ackley",    "saddle",     "six_hump_camel", "styblinski_tang", "booth"};
    const auto& catalogue = lrlab::toySurfaceCatalogue();
    QCOMPARE(catalogue.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(catalogue[i].name, expected[i]);
        QVERIFY(!catalogue[i].displayName.empty());
        QVERIFY(lrlab::isToySurface(expected[i]));
        const auto surface = lrlab::makeToySurface(expected[i]);
        QCOMPARE(surface->info().name, expected[i]);
    }
    QVERIFY(!lrlab::isToySurface("mlp"));
    QVERIFY(!lrlab::isToySurface(""));

    // Parameters with their defaults, in docs/semantics.md order.
    const auto& quadratic = catalogue[0].parameters;
    QCOMPARE(quadratic.size(), std::size_t(3));
    QCOMPARE(quadratic[0].name, std::string("a"));
    QCOMPARE(quadratic[0].defaultValue, 1.0);
    QCOMPARE(quadratic[1].name, std::string("b"));
    QCOMPARE(quadratic[1].defaultValue, 10.0);
    QCOMPARE(quadratic[2].name, std::string("angle_deg"));
    QCOMPARE(quadratic[2].defaultValue, 0.0);
    const auto& rosenbrock = catalogue[1].parameters;
    QCOMPARE(rosenbrock.size(), std::size_t(2));
    QCOMPARE(rosenbrock[0].name, std::string("a"));
    QCOMPARE(rosenbrock[0].defaultValue, 1.0);
    QCOMPARE(rosenbrock[1].name, std::string("b"));
    QCOMPARE(rosenbrock[1].defaultValue, 100.0);
    for (std::size_t i = 2; i < catalogue.size(); ++i)
        QVERIFY(catalogue[i].parameters.empty());

    // Defaults are what an empty parameter map builds: (1 − 0)² + 100·(1 − 0)² at (0, 1).
    QVERIFY(nearlyEqual(lrlab::makeToySurface("rosenbrock")->valueAt(0.0, 1.0), 1.0 + 100.0));
}

void TestToySurfaces::invalidSurfaceOrParameterThrows_data()
{
    QTest::addColumn<std::string>("name");
    QTest::addColumn<ParameterMap>("parameters");
    QTest::addColumn<QStringList>("mentions");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("unknown-surface")
        << std::string("banana") << ParameterMap{} << QStringList{"'banana'", "problem.type"};
    QTest::newRow("empty-surface")
        << std::string("") << ParameterMap{} << QStringList{"problem.type"};
    QTest::newRow("rosenbrock-c") << std::string("rosenbrock") << ParameterMap{{"c", 1.0}}
                                  << QStringList{"problem.c", "rosenbrock", "'c'", "a, b"};
    QTest::newRow("quadratic-angle") << std::string("quadratic") << ParameterMap{{"angle", 30.0}}
                                     << QStringList{"'angle'", "quadratic", "angle_deg"};
    QTest::newRow("beale-a") << std::string("beale") << ParameterMap{{"a", 1.0}}
                             << QStringList{"problem.a", "beale", "'a'"};
    QTest::newRow("quadratic-nan")
        << std::string("quadratic") << ParameterMap{{"b", nan}} << QStringList{"problem.b"};
    QTest::newRow("quadratic-negative-a")
        << std::string("quadratic") << ParameterMap{{"a", -1.0}} << QStringList{"problem.a"};
    QTest::newRow("rosenbrock-negative-b")
        << std::string("rosenbrock") << ParameterMap{{"b", -2.0}} << QStringList{"problem.b"};
}

void TestToySurfaces::invalidSurfaceOrParameterThrows()
{
    QFETCH(std::string, name);
    QFETCH(ParameterMap, parameters);
    QFETCH(QStringList, mentions);
    QString message;
    try {
        lrlab::makeToySurface(name, parameters);
    } catch (const std::invalid_argument& e) {
        message = QString::fromUtf8(e.what());
    }
    QVERIFY2(!message.isEmpty(), "no std::invalid_argument thrown");
    for (const QString& m : mentions)
        QVERIFY2(message.contains(m), qPrintable(message + " lacks " + m));
}

QTEST_GUILESS_MAIN(TestToySurfaces)
#include "tst_toy_surfaces.moc"
