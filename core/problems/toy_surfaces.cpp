#include "core/problems/toy_surface.h"

#include "core/util/format.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

// The ten analytic surfaces of docs/semantics.md §2.1. Each surface is a small value type with
// three inline kernels (value; value and gradient; Hessian) and its teaching metadata; one template
// adapter turns it into a ToySurface. The kernels work on two scalars, so grid evaluation via
// valueAt and optimizer steps via valueAndGradient never allocate.
//
// Known minima that have no closed form (himmelblau, six-hump camel, styblinski-tang) are hard
// coded to 17 significant digits; they were found by Newton's method in 50-digit decimal
// arithmetic on the analytic gradient, and tests/core/tst_toy_surfaces.cpp checks that the
// gradient vanishes there and that a Newton step from them moves less than 1e-12.

namespace lrlab {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kE = 2.71828182845904523536;
constexpr double kSqrt2 = 1.41421356237309504880;

Eigen::Matrix2d symmetric(double xx, double xy, double yy)
{
    Eigen::Matrix2d h;
    h << xx, xy, xy, yy;
    return h;
}

Eigen::VectorXd point(double x, double y)
{
    Eigen::VectorXd p(2);
    p << x, y;
    return p;
}

/// Shortest decimal text that reads naturally in a formula ("100", "0.5", "1e-06").
std::string formatNumber(double v)
{
    return formatSignificant(v, 6);
}

/// Adapts a surface kernel type S (f, fg, h, info) to the ToySurface interface.
template <typename S> class AnalyticSurface final : public ToySurface
{
public:
    explicit AnalyticSurface(S surface) : m_surface(std::move(surface)) {}

    double value(const Eigen::Ref<const Eigen::VectorXd>& x) const override
    {
        eigen_assert(x.size() == 2);
        return m_surface.f(x[0], x[1]);
    }

    double valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                            Eigen::Ref<Eigen::VectorXd> grad) const override
    {
        eigen_assert(x.size() == 2 && grad.size() == 2);
        double gx = 0.0;
        double gy = 0.0;
        const double f = m_surface.fg(x[0], x[1], gx, gy);
        grad[0] = gx;
        grad[1] = gy;
        return f;
    }

    Eigen::Matrix2d hessian(const Eigen::Vector2d& x) const override
    {
        return m_surface.h(x.x(), x.y());
    }

    double valueAt(double x, double y) const override { return m_surface.f(x, y); }

    ProblemInfo info() const override { return m_surface.info(); }

private:
    S m_surface;
};

// ---------------------------------------------------------------------------------------------
// quadratic: ½ pᵀ A p with A = R(θ) diag(a, b) R(θ)ᵀ, precomputed once.
class Quadratic
{
public:
    Quadratic(double a, double b, double angleDeg) : m_a(a), m_b(b), m_angleDeg(angleDeg)
    {
        const double theta = angleDeg * kPi / 180.0;
        m_cos = std::cos(theta);
        m_sin = std::sin(theta);
        m_xx = a * m_cos * m_cos + b * m_sin * m_sin;
        m_xy = (a - b) * m_cos * m_sin;
        m_yy = a * m_sin * m_sin + b * m_cos * m_cos;
    }
    double f(double x, double y) const
    {
        return 0.5 * (m_xx * x * x + 2.0 * m_xy * x * y + m_yy * y * y);
    }
    double fg(double x, double y, double& gx, double& gy) const
    {
        gx = m_xx * x + m_xy * y;
        gy = m_xy * x + m_yy * y;
        return 0.5 * (gx * x + gy * y);
    }
    Eigen::Matrix2d h(double, double) const { return symmetric(m_xx, m_xy, m_yy); }
    ProblemInfo info() const
    {
        ProblemInfo i;
        i.name = "quadratic";
        i.formula = "½·pᵀ R(θ) diag(a, b) R(θ)ᵀ p, p = (x, y); a = " + formatNumber(m_a) +
                    ", b = " + formatNumber(m_b) + ", θ = " + formatNumber(m_angleDeg) + "°";
        // (−1.5, 1.2) in the eigenbasis, rotated with the surface, so every angle shows the same
        // ravine lesson: GD zig-zags across the stiff b direction while creeping along a.
        i.start = point(m_cos * -1.5 - m_sin * 1.2, m_sin * -1.5 + m_cos * 1.2);
        i.minima = {point(0.0, 0.0)};
        i.minimumValue = 0.0;
        i.view = ViewBox{-2.0, 2.0, -2.0, 2.0};
        return i;
    }

private:
    double m_a, m_b, m_angleDeg;
    double m_cos = 1.0, m_sin = 0.0;
    double m_xx = 0.0, m_xy = 0.0, m_yy = 0.0;
};

// ---------------------------------------------------------------------------------------------
class Rosenbrock
{
public:
    Rosenbrock(double a, double b) : m_a(a), m_b(b) {}
    double f(double x, double y) const
    {
        const double u = m_a - x;
        const double v = y - x * x;
        return u * u + m_b * v * v;
    }
    double fg(double x, double y, double& gx, double& gy) const
    {
        const double u = m_a - x;
        const double v = y - x * x;
        gx = -2.0 * u - 4.0 * m_b * x * v;
        gy = 2.0 * m_b * v;
        return u * u + m_b * v * v;
    }
    Eigen::Matrix2d h(double x, double y) const
    {
        return symmetric(2.0 - 4.0 * m_b * (y - x * x) + 8.0 * m_b * x * x, -4.0 * m_b * x,
                         2.0 * m_b);
    }
    ProblemInfo info() const
    {
        ProblemInfo i;
        i.name = "rosenbrock";
        i.formula = "(" + formatNumber(m_a) + " − x)² + " + formatNumber(m_b) + "·(y − x²)²";
        i.start = point(-1.5, 2.0);
        i.minima = {point(m_a, m_a * m_a)};
        i.minimumValue = 0.0;
        // The banana valley y = x² from the start to (a, a²); widened when a moves the minimum.
        i.view = ViewBox{std::min(-2.0, m_a - 1.0), std::max(2.0, m_a + 1.0), -1.0,
                         std::max(3.0, m_a * m_a + 1.0)};
        return i;
    }

private:
    double m_a, m_b;
};

// ---------------------------------------------------------------------------------------------
class Beale
{
public:
    double f(double x, double y) const
    {
        const double y2 = y * y;
        const double t1 = 1.5 - x + x * y;
        const double t2 = 2.25 - x + x * y2;
        const double t3 = 2.625 - x + x * y2 * y;
        return t1 * t1 + t2 * t2 + t3 * t3;
    }
    double fg(double x, double y, double& gx, double& gy) const
    {
        const double y2 = y * y;
        const double y3 = y2 * y;
        const double t1 = 1.5 - x + x * y;
        const double t2 = 2.25 - x + x * y2;
        const double t3 = 2.625 - x + x * y3;
        gx = 2.0 * (t1 * (y - 1.0) + t2 * (y2 - 1.0) + t3 * (y3 - 1.0));
        gy = 2.0 * x * (t1 + 2.0 * y * t2 + 3.0 * y2 * t3);
        return t1 * t1 + t2 * t2 + t3 * t3;
    }
    Eigen::Matrix2d h(double x, double y) const
    {
        // f = Σ tᵢ², so H = 2 Σ (∇tᵢ ∇tᵢᵀ + tᵢ ∇²tᵢ).
        const double y2 = y * y;
        const double y3 = y2 * y;
        const double t1 = 1.5 - x + x * y;
        const double t2 = 2.25 - x + x * y2;
        const double t3 = 2.625 - x + x * y3;
        const double a1 = y - 1.0, b1 = x; // ∇t1
        const double a2 = y2 - 1.0, b2 = 2.0 * x * y;
        const double a3 = y3 - 1.0, b3 = 3.0 * x * y2;
        const double hxx = 2.0 * (a1 * a1 + a2 * a2 + a3 * a3);
        const double hxy = 2.0 * (a1 * b1 + a2 * b2 + a3 * b3 + t1 + 2.0 * y * t2 + 3.0 * y2 * t3);
        const double hyy = 2.0 * (b1 * b1 + b2 * b2 + b3 * b3 + 2.0 * x * t2 + 6.0 * x * y * t3);
        return symmetric(hxx, hxy, hyy);
    }
    ProblemInfo info() const
    {
        ProblemInfo i;
        i.name = "beale";
        i.formula = "(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²";
        i.start = point(1.0, 1.5);
        i.minima = {point(3.0, 0.5)};
        i.minimumValue = 0.0;
        // The curved valley into (3, 0.5) and the saddle at (0, 1); farther out the surface
        // only grows steeply (x·y³ terms) and would swamp the colour scale.
        i.view = ViewBox{-1.5, 4.5, -2.0, 2.5};
        return i;
    }
};

// ---------------------------------------------------------------------------------------------
class Himmelblau
{
public:
    double f(double x, double y) const
    {
        const double u = x * x + y - 11.0;
        const double v = x + y * y - 7.0;
        return u * u + v * v;
    }
    double fg(double x, double y, double& gx, double& gy) const
    {
        const double u = x * x + y - 11.0;
        const double v = x + y * y - 7.0;
        gx = 4.0 * x * u + 2.0 * v;
        gy = 2.0 * u + 4.0 * y * v;
        return u * u + v * v;
    }
    Eigen::Matrix2d h(double x, double y) const
    {
        return symmetric(12.0 * x * x + 4.0 * y - 42.0, 4.0 * (x + y),
                         4.0 * x + 12.0 * y * y - 26.0);
    }
    ProblemInfo info() const
    {
        ProblemInfo i;
        i.name = "himmelblau";
        i.formula = "(x² + y − 11)² + (x + y² − 7)²";
        i.start = point(0.0, 0.0);
        i.minima = {point(3.0, 2.0), point(-2.8051180869527449, 3.1313125182505730),
                    point(-3.7793102533777469, -3.2831859912861694),
                    point(3.5844283403304917, -1.8481265269644036)};
        i.minimumValue = 0.0;
        i.view = ViewBox{-5.0, 5.0, -5.0, 5.0};
        return i;
    }
};

// ---------------------------------------------------------------------------------------------
// rastrigin: 20 + Σ (xᵢ² − 10 cos 2πxᵢ), evaluated as Σ (xᵢ² + 20 sin² πxᵢ) (the same function,
// since 1 − cos 2t = 2 sin² t), which is exactly 0 at the origin and accurate near the minima.
class Rastrigin
{
public:
    static double term(double x)
    {
        const double s = std::sin(kPi * x);
        return x * x + 20.0 * s * s;
    }
    static double termGrad(double x, double& g)
    {
        const double s = std::sin(kPi * x);
        const double c = std::cos(kPi * x);
        g = 2.0 * x + 40.0 * kPi * s * c; // 2x + 20π sin 2πx
        return x * x + 20.0 * s * s;
    }
    double f(double x, double y) const { return term(x) + term(y); }
    double fg(double x, double y, double& gx, double& gy) const
    {
        return termGrad(x, gx) + termGrad(y, gy);
    }
    Eigen::Matrix2d h(double x, double y) const
    {
        return symmetric(2.0 + 40.0 * kPi * kPi * std::cos(2.0 * kPi * x), 0.0,
                         2.0 + 40.0 * kPi * kPi * std::cos(2.0 * kPi * y));
    }
    ProblemInfo info() const
    {
        ProblemInfo i;
        i.name = "rastrigin";
        i.formula = "20 + Σ (xᵢ² − 10·cos 2πxᵢ)";
        // Inside the global basin (|xᵢ| < 0.4975) but near its ridges: a small LR converges,
        // while a rate beyond the curvature limit 2/(2 + 40π²) ≈ 0.005 throws the run into the
        // neighbouring local minima the view shows.
        i.start = point(0.45, -0.4);
        i.minima = {point(0.0, 0.0)};
        i.minimumValue = 0.0;
        i.view = ViewBox{-3.0, 3.0, -3.0, 3.0};
        return i;
    }
};

// ---------------------------------------------------------------------------------------------
// ackley: −20 e^{−0.2 s} − e^{½(cos 2πx + cos 2πy)} + e + 20 with s = √(½(x² + y²)).
//
// Evaluated as 20·(1 − e^{−0.2 s}) + e·(1 − e^{−q}), q = sin² πx + sin² πy (the same function,
// via expm1), which is exactly 0 at the origin instead of a rounding residue of e + 20.
//
// The first term is a cone: for r = |p| > 0 its gradient is 2√2 e^{−0.2 s}·u (u = p/r) and its
// Hessian is k_t (I − uuᵀ) + k_r uuᵀ with radial curvature k_r = −0.4 e^{−0.2 s} and tangential
// curvature k_t = 2 e^{−0.2 s}/s, which is unbounded as r → 0. Convention at the origin (and for
// r < 1e-300, where k_t would overflow): the cone's gradient is 0 (its minimal subgradient, as
// docs/semantics.md §2.1 asks) and its Hessian is −0.4·I, the second derivative along every ray
// from the origin (the radial limit), with the unbounded tangential part left out. The smooth
// cosine term adds 2π²e·I there, so hessian(0, 0) = (2π²e − 0.4)·I ≈ 53.26·I: a finite curvature
// that makes the stability marks of §2.6 meaningful at the minimum.
class Ackley
{
public:
    static constexpr double kOriginRadius = 1e-300;

    double f(double x, double y) const
    {
        const double s = std::sqrt(0.5 * (x * x + y * y));
        const double sx = std::sin(kPi * x);
        const double sy = std::sin(kPi * y);
        return -20.0 * std::expm1(-0.2 * s) - kE * std::expm1(-(sx * sx + sy * sy));
    }
    double fg(double x, double y, double& gx, double& gy) const
    {
        const double r = std::hypot(x, y);
        const double s = r / kSqrt2;
        const double sx = std::sin(kPi * x), cx = std::cos(kPi * x);
        const double sy = std::sin(kPi * y), cy = std::cos(kPi * y);
        const double q = sx * sx + sy * sy;
        const double cosTerm = kE * std::exp(-q); // e^{½(cos 2πx + cos 2πy)}
        // ∂/∂x of −e^{½(cos 2πx + cos 2πy)} = π·E·sin 2πx, with sin 2πx = 2 sin πx cos πx.
        gx = 2.0 * kPi * cosTerm * sx * cx;
        gy = 2.0 * kPi * cosTerm * sy * cy;
        if (r > 0.0) {
            const double radial = 2.0 * kSqrt2 * std::exp(-0.2 * s) / r;
            gx += radial * x;
            gy += radial * y;
        }
        return -20.0 * std::expm1(-0.2 * s) - kE * std::expm1(-q);
    }
    Eigen::Matrix2d h(double x, double y) const
    {
        const double s2x = std::sin(2.0 * kPi * x), c2x = std::cos(2.0 * kPi * x);
        const double s2y = std::sin(2.0 * kPi * y), c2y = std::cos(2.0 * kPi * y);
        const double cosTerm = std::exp(0.5 * (c2x + c2y));
        const double pi2 = kPi * kPi;
        double hxx = pi2 * cosTerm * (2.0 * c2x - s2x * s2x);
        double hyy = pi2 * cosTerm * (2.0 * c2y - s2y * s2y);
        double hxy = -pi2 * cosTerm * s2x * s2y;

        const double r = std::hypot(x, y);
        if (r < kOriginRadius) {
            hxx += -0.4;
            hyy += -0.4;
        } else {
            const double s = r / kSqrt2;
            const double decay = std::exp(-0.2 * s);
            const double kt = 2.0 * decay / s;
            const double kr = -0.4 * decay;
            const double ux = x / r;
            const double uy = y / r;
            hxx += kt * uy * uy + kr * ux * ux; // (I − uuᵀ)ₓₓ = u_y²
            hyy += kt * ux * ux + kr * uy * uy;
            hxy += (kr - kt) * ux * uy;
        }
        return symmetric(hxx, hxy, hyy);
    }
    ProblemInfo info() const
    {
        ProblemInfo i;
        i.name = "ackley";
        i.formula = "−20·e^(−0.2·√(½(x² + y²))) − e^(½(cos 2πx + cos 2πy)) + e + 20";
        // In the global basin: the cone's kink at the origin makes plain GD hover around the
        // minimum at a distance set by the LR, the lesson for a decaying schedule.
        i.start = point(0.4, -0.35);
        i.minima = {point(0.0, 0.0)};
        i.minimumValue = 0.0;
        i.view = ViewBox{-4.0, 4.0, -4.0, 4.0};
        return i;
    }
};

// ---------------------------------------------------------------------------------------------
class Saddle
{
public:
    double f(double x, double y) const
    {
        const double y2 = y * y;
        return 0.5 * x * x - 0.5 * y2 + 0.25 * y2 * y2;
    }
    double fg(double x, double y, double& gx, double& gy) const
    {
        const double y2 = y * y;
        gx = x;
        gy = -y + y2 * y;
        return 0.5 * x * x - 0.5 * y2 + 0.25 * y2 * y2;
    }
    Eigen::Matrix2d h(double, double y) const { return symmetric(1.0, 0.0, -1.0 + 3.0 * y * y); }
    ProblemInfo info() const
    {
        ProblemInfo i;
        i.name = "saddle";
        i.formula = "x²/2 − y²/2 + y⁴/4";
        // Almost on the saddle's stable manifold y = 0: the run slides towards (0, 0), stalls
        // there, and only the small y offset (or gradient noise) lets it escape to (0, 1).
        i.start = point(-1.5, 0.05);
        i.minima = {point(0.0, 1.0), point(0.0, -1.0)};
        i.minimumValue = -0.25;
        i.view = ViewBox{-2.0, 2.0, -2.0, 2.0};
        return i;
    }
};

// ---------------------------------------------------------------------------------------------
class SixHumpCamel
{
public:
    double f(double x, double y) const
    {
        const double x2 = x * x;
        const double y2 = y * y;
        return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2;
    }
    double fg(double x, double y, double& gx, double& gy) const
    {
        const double x2 = x * x;
        const double y2 = y * y;
        gx = 8.0 * x - 8.4 * x2 * x + 2.0 * x2 * x2 * x + y;
        gy = x - 8.0 * y + 16.0 * y2 * y;
        return (4.0 - 2.1 * x2 + x2 * x2 / 3.0) * x2 + x * y + (-4.0 + 4.0 * y2) * y2;
    }
    Eigen::Matrix2d h(double x, double y) const
    {
        const double x2 = x * x;
        return symmetric(8.0 - 25.2 * x2 + 10.0 * x2 * x2, 1.0, -8.0 + 48.0 * y * y);
    }
    ProblemInfo info() const
    {
        ProblemInfo i;
        i.name = "six_hump_camel";
        i.formula = "(4 − 2.1x² + x⁴/3)·x² + xy + (−4 + 4y²)·y²";
        i.start = point(-0.5, 1.0);
        i.minima = {point(0.089842013100318062, -0.71265640302073963),
                    point(-0.089842013100318062, 0.71265640302073963)};
        i.minimumValue = -1.0316284534898774;
        // All six humps: the two global minima and the four local ones near (±1.7, ∓0.8) and
        // (±1.6, ±0.57).
        i.view = ViewBox{-2.0, 2.0, -1.2, 1.2};
        return i;
    }
};

// ---------------------------------------------------------------------------------------------
class StyblinskiTang
{
public:
    static double term(double x)
    {
        const double x2 = x * x;
        return x2 * x2 - 16.0 * x2 + 5.0 * x;
    }
    double f(double x, double y) const { return 0.5 * (term(x) + term(y)); }
    double fg(double x, double y, double& gx, double& gy) const
    {
        gx = 2.0 * x * x * x - 16.0 * x + 2.5;
        gy = 2.0 * y * y * y - 16.0 * y + 2.5;
        return 0.5 * (term(x) + term(y));
    }
    Eigen::Matrix2d h(double x, double y) const
    {
        return symmetric(6.0 * x * x - 16.0, 0.0, 6.0 * y * y - 16.0);
    }
    ProblemInfo info() const
    {
        ProblemInfo i;
        i.name = "styblinski_tang";
        i.formula = "½·Σ (xᵢ⁴ − 16xᵢ² + 5xᵢ)";
        // On the slope between the four basins, inside the global one (each coordinate below
        // the 1-D ridge at 0.157): descent reaches (−2.90, −2.90) rather than a local minimum.
        i.start = point(0.0, 0.0);
        constexpr double kRoot = -2.9035340277711771; // root of 4x³ − 32x + 5
        i.minima = {point(kRoot, kRoot)};
        i.minimumValue = -78.332331407542831;
        i.view = ViewBox{-5.0, 5.0, -5.0, 5.0};
        return i;
    }
};

// ---------------------------------------------------------------------------------------------
class Booth
{
public:
    double f(double x, double y) const
    {
        const double u = x + 2.0 * y - 7.0;
        const double v = 2.0 * x + y - 5.0;
        return u * u + v * v;
    }
    double fg(double x, double y, double& gx, double& gy) const
    {
        const double u = x + 2.0 * y - 7.0;
        const double v = 2.0 * x + y - 5.0;
        gx = 2.0 * u + 4.0 * v;
        gy = 4.0 * u + 2.0 * v;
        return u * u + v * v;
    }
    Eigen::Matrix2d h(double, double) const { return symmetric(10.0, 8.0, 10.0); }
    ProblemInfo info() const
    {
        ProblemInfo i;
        i.name = "booth";
        i.formula = "(x + 2y − 7)² + (2x + y − 5)²";
        i.start = point(-2.0, -2.0);
        i.minima = {point(1.0, 3.0)};
        i.minimumValue = 0.0;
        i.view = ViewBox{-4.0, 6.0, -3.0, 7.0};
        return i;
    }
};

// ---------------------------------------------------------------------------------------------

std::string parameterList(const ToySurfaceDescriptor& descriptor)
{
    if (descriptor.parameters.empty())
        return "none";
    std::string list;
    for (const SurfaceParameter& p : descriptor.parameters) {
        if (!list.empty())
            list += ", ";
        list += p.name;
    }
    return list;
}

std::string surfaceList()
{
    std::string list;
    for (const ToySurfaceDescriptor& d : toySurfaceCatalogue()) {
        if (!list.empty())
            list += ", ";
        list += d.name;
    }
    return list;
}

void requireNonNegative(const std::string& surface, const char* key, double v)
{
    if (!(v >= 0.0))
        throw std::invalid_argument(std::string("problem.") + key + ": " + surface + " needs " +
                                    key + " >= 0 (got " + formatNumber(v) + ")");
}

} // namespace

const std::vector<ToySurfaceDescriptor>& toySurfaceCatalogue()
{
    static const std::vector<ToySurfaceDescriptor> catalogue = {
        {"quadratic", "Quadratic", {{"a", 1.0}, {"b", 10.0}, {"angle_deg", 0.0}}},
        {"rosenbrock", "Rosenbrock", {{"a", 1.0}, {"b", 100.0}}},
        {"beale", "Beale", {}},
        {"himmelblau", "Himmelblau", {}},
        {"rastrigin", "Rastrigin", {}},
        {"ackley", "Ackley", {}},
        {"saddle", "Saddle", {}},
        {"six_hump_camel", "Six-hump camel", {}},
        {"styblinski_tang", "Styblinski-Tang", {}},
        {"booth", "Booth", {}},
    };
    return catalogue;
}

bool isToySurface(const std::string& name)
{
    const auto& catalogue = toySurfaceCatalogue();
    return std::any_of(catalogue.begin(), catalogue.end(),
                       [&](const ToySurfaceDescriptor& d) { return d.name == name; });
}

std::unique_ptr<ToySurface> makeToySurface(const std::string& name,
                                           const std::map<std::string, double>& parameters)
{
    const auto& catalogue = toySurfaceCatalogue();
    const auto found = std::find_if(catalogue.begin(), catalogue.end(),
                                    [&](const ToySurfaceDescriptor& d) { return d.name == name; });
    if (found == catalogue.end())
        throw std::invalid_argument("problem.type: unknown toy surface '" + name + "' (one of " +
                                    surfaceList() + ")");

    // Defaults first, then the given values; every given key must be one the surface takes.
    std::map<std::string, double> values;
    for (const SurfaceParameter& p : found->parameters)
        values[p.name] = p.defaultValue;
    for (const auto& [key, v] : parameters) {
        if (values.find(key) == values.end())
            throw std::invalid_argument("problem." + key + ": " + name + " has no parameter '" +
                                        key + "' (it takes " + parameterList(*found) + ")");
        if (!std::isfinite(v))
            throw std::invalid_argument("problem." + key + ": must be a finite number");
        values[key] = v;
    }

    if (name == "quadratic") {
        // A zero eigenvalue (a flat direction) is allowed; a negative one has no minimum.
        requireNonNegative(name, "a", values["a"]);
        requireNonNegative(name, "b", values["b"]);
        return std::make_unique<AnalyticSurface<Quadratic>>(
            Quadratic(values["a"], values["b"], values["angle_deg"]));
    }
    if (name == "rosenbrock") {
        requireNonNegative(name, "b", values["b"]);
        return std::make_unique<AnalyticSurface<Rosenbrock>>(Rosenbrock(values["a"], values["b"]));
    }
    if (name == "beale")
        return std::make_unique<AnalyticSurface<Beale>>(Beale());
    if (name == "himmelblau")
        return std::make_unique<AnalyticSurface<Himmelblau>>(Himmelblau());
    if (name == "rastrigin")
        return std::make_unique<AnalyticSurface<Rastrigin>>(Rastrigin());
    if (name == "ackley")
        return std::make_unique<AnalyticSurface<Ackley>>(Ackley());
    if (name == "saddle")
        return std::make_unique<AnalyticSurface<Saddle>>(Saddle());
    if (name == "six_hump_camel")
        return std::make_unique<AnalyticSurface<SixHumpCamel>>(SixHumpCamel());
    if (name == "styblinski_tang")
        return std::make_unique<AnalyticSurface<StyblinskiTang>>(StyblinskiTang());
    return std::make_unique<AnalyticSurface<Booth>>(Booth());
}

} // namespace lrlab
