#pragma once

#include <Eigen/Core>

#include <string>
#include <vector>

namespace lrlab {

/// The default view of a two-parameter surface: the box the landscape shows.
struct ViewBox
{
    double xMin = -2.0;
    double xMax = 2.0;
    double yMin = -2.0;
    double yMax = 2.0;
};

/// What tests and the UI need to know about a problem besides its values.
struct ProblemInfo
{
    std::string name;                    ///< the config type name, e.g. "rosenbrock"
    std::string formula;                 ///< human-readable f(x, y)
    Eigen::VectorXd start;               ///< default start point
    std::vector<Eigen::VectorXd> minima; ///< known global minima (may be empty for models)
    double minimumValue = 0.0;           ///< f at the global minima
    ViewBox view;                        ///< default view box (two-parameter problems)
};

/// A differentiable objective f: R^n -> R in double precision. Implementations are immutable
/// after construction, so one instance may be evaluated from several threads at once.
class Problem
{
public:
    virtual ~Problem() = default;
    virtual int dimension() const = 0;
    /// Returns f(x).
    virtual double value(const Eigen::Ref<const Eigen::VectorXd>& x) const = 0;
    /// Returns f(x); writes grad f(x) into grad, already sized by the caller.
    virtual double valueAndGradient(const Eigen::Ref<const Eigen::VectorXd>& x,
                                    Eigen::Ref<Eigen::VectorXd> grad) const = 0;
    virtual ProblemInfo info() const = 0;
};

} // namespace lrlab
