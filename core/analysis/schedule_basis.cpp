#include "core/analysis/schedule_basis.h"

#include <Eigen/Dense>

#include <algorithm>

namespace lrlab::schedule_fit_detail {

namespace {

constexpr double kPi = 3.14159265358979323846;

/// SGDR's position in its cycle, as schedule.cpp's cosineRestarts: h in [0, 1].
double restartsFactor(int tau, int t0In, int tMultIn)
{
    const long long t0 = std::max(1, t0In);
    const long long tMult = std::max(1, tMultIn);
    double tCur = tau;
    double tI = static_cast<double>(t0);
    if (tau >= t0) {
        if (tMult == 1) {
            tCur = static_cast<double>(tau % t0);
        } else {
            const double x = static_cast<double>(tau) / static_cast<double>(t0) *
                                 static_cast<double>(tMult - 1) +
                             1.0;
            const long long n =
                static_cast<long long>(std::log(x) / std::log(static_cast<double>(tMult)));
            long long power = 1;
            for (long long i = 0; i < n && power < (1LL << 40); ++i)
                power *= tMult;
            tCur = tau - static_cast<double>(t0 * (power - 1)) / static_cast<double>(tMult - 1);
            tI = static_cast<double>(t0 * power);
        }
    }
    return (1.0 + std::cos(kPi * tCur / tI)) / 2.0;
}

} // namespace

long long wsdDecaySteps(const Shape& s)
{
    const int totalAfter = std::max(1, s.total - s.warmup);
    return std::min<long long>(
        totalAfter, std::max(1LL, std::llround(s.decayFraction * static_cast<double>(totalAfter))));
}

Row basisRow(Decay decay, const Shape& s, int t)
{
    const int w = s.warmup;
    if (t < w) {
        const double r = static_cast<double>(t) / w;
        return {r, 1.0 - r, 0.0};
    }
    const int totalAfter = std::max(1, s.total - w);
    const int tau = t - w;
    const double tauC = std::min(tau, totalAfter);
    const double T = totalAfter;
    const auto toMin = [](double h) { return Row{h, 0.0, 1.0 - h}; };
    switch (decay) {
    case Decay::Constant:
        return {1.0, 0.0, 0.0};
    case Decay::Cosine:
        return toMin(0.5 * (1.0 + std::cos(kPi * tauC / T)));
    case Decay::Linear:
        return toMin(1.0 - tauC / T);
    case Decay::Polynomial:
        return toMin(std::pow(1.0 - tauC / T, s.power));
    case Decay::Exponential:
        return {std::pow(s.gamma, static_cast<int>(tauC) / std::max(1, s.stepsPerEpoch)), 0.0, 0.0};
    case Decay::Step:
        return {std::pow(s.gamma, static_cast<int>(tauC) / std::max(1, s.stepSize)), 0.0, 0.0};
    case Decay::CosineRestarts:
        return toMin(restartsFactor(tau, s.t0, s.tMult));
    case Decay::InverseSqrt:
        return {1.0 / std::sqrt(1.0 + tauC / s.timescale), 0.0, 0.0};
    case Decay::OneCycle: {
        const double end1 = s.pctStart * T - 1.0;
        if (tauC <= end1) {
            const double pct = end1 != 0.0 ? tauC / end1 : 1.0;
            const double half = (std::cos(kPi * pct) + 1.0) / 2.0;
            return {1.0 - half, half, 0.0};
        }
        const double span = (T - 1.0) - end1;
        const double pct = span != 0.0 ? (tauC - end1) / span : 1.0;
        return toMin((std::cos(kPi * pct) + 1.0) / 2.0);
    }
    case Decay::Wsd: {
        const long long decaySteps = wsdDecaySteps(s);
        const long long stableEnd = totalAfter - decaySteps;
        if (tauC < static_cast<double>(stableEnd))
            return {1.0, 0.0, 0.0};
        const double p = (tauC - static_cast<double>(stableEnd)) / static_cast<double>(decaySteps);
        if (s.shape == static_cast<int>(WsdShape::Cosine))
            return toMin(0.5 * (1.0 + std::cos(kPi * p)));
        if (s.shape == static_cast<int>(WsdShape::Sqrt))
            return toMin(1.0 - std::sqrt(p));
        return toMin(1.0 - p);
    }
    }
    return {1.0, 0.0, 0.0};
}

void completeShape(Decay decay, Shape& shape, const std::vector<Point>& points)
{
    if (decay != Decay::Exponential && decay != Decay::Step)
        return;
    const int per = std::max(1, decay == Decay::Step ? shape.stepSize : shape.stepsPerEpoch);
    const int totalAfter = std::max(1, shape.total - shape.warmup);
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const Point& p : points) {
        if (p.t < shape.warmup || !(p.value > 0.0))
            continue;
        const double x = std::min(p.t - shape.warmup, totalAfter) / per;
        const double y = std::log(p.value);
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double denominator = n * sxx - sx * sx;
    shape.gamma = denominator > 0.0 ? std::exp((n * sxy - sx * sy) / denominator) : 1.0;
}

Solved solve(Decay decay, const Shape& shape, const std::vector<Point>& points, bool exact)
{
    const Eigen::Index n = static_cast<Eigen::Index>(points.size());
    Eigen::MatrixXd a(n, 3);
    Eigen::VectorXd b(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        const Point& p = points[static_cast<std::size_t>(i)];
        const Row row = basisRow(decay, shape, p.t);
        for (int k = 0; k < 3; ++k)
            a(i, k) = row[static_cast<std::size_t>(k)] * p.weight;
        b(i) = p.value * p.weight;
    }
    std::array<bool, 3> use{};
    for (Eigen::Index k = 0; k < 3; ++k)
        use[static_cast<std::size_t>(k)] = a.col(k).squaredNorm() > 0.0;
    Solved out;
    for (int attempt = 0; attempt < 3; ++attempt) {
        std::vector<Eigen::Index> used;
        for (Eigen::Index k = 0; k < 3; ++k)
            if (use[static_cast<std::size_t>(k)])
                used.push_back(k);
        if (used.empty())
            return out;
        const auto m = static_cast<Eigen::Index>(used.size());
        Eigen::MatrixXd reduced(n, m);
        for (Eigen::Index k = 0; k < m; ++k)
            reduced.col(k) = a.col(used[static_cast<std::size_t>(k)]);
        const Eigen::VectorXd x =
            exact ? Eigen::VectorXd(reduced.colPivHouseholderQr().solve(b))
                  : Eigen::VectorXd(
                        (reduced.transpose() * reduced).ldlt().solve(reduced.transpose() * b));
        out.coefficients = {0.0, 0.0, 0.0};
        for (Eigen::Index k = 0; k < m; ++k)
            out.coefficients[static_cast<std::size_t>(used[static_cast<std::size_t>(k)])] = x(k);
        const double residual = (reduced * x - b).norm();
        out.rms = std::isfinite(residual) ? residual / std::sqrt(static_cast<double>(n)) : INFINITY;
        // Onecycle's second coefficient is its initial rate, not a warmup start: left free.
        const bool negativeStart = decay != Decay::OneCycle && use[1] && out.coefficients[1] < 0.0;
        const bool negativeFloor = use[2] && out.coefficients[2] < 0.0;
        if (!negativeStart && !negativeFloor)
            break;
        use[1] = use[1] && !negativeStart;
        use[2] = use[2] && !negativeFloor;
    }
    if (out.coefficients[0] > 0.0)
        out.rms += 1e-10 * std::abs(out.coefficients[2]) / out.coefficients[0];
    return out;
}

} // namespace lrlab::schedule_fit_detail
