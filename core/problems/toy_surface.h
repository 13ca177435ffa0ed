#pragma once

#include "core/problems/problem.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lrlab {

/// A two-parameter analytic test surface of docs/semantics.md §2.1 with exact gradient and Hessian.
/// Immutable and thread-safe after construction.
class ToySurface : public Problem
{
public:
    int dimension() const override { return 2; }
    /// The analytic Hessian at x (2 x 2, symmetric).
    virtual Eigen::Matrix2d hessian(const Eigen::Vector2d& x) const = 0;
    /// Convenience: f at (x, y) without building vectors (used by grid evaluation).
    virtual double valueAt(double x, double y) const = 0;
};

/// One surface parameter (e.g. rosenbrock's "b") with its default.
struct SurfaceParameter
{
    std::string name;
    double defaultValue = 0.0;
};

/// A row of the surface catalogue: config name, display name and accepted parameters.
struct ToySurfaceDescriptor
{
    std::string name;        ///< config type name, e.g. "six_hump_camel"
    std::string displayName; ///< e.g. "Six-hump camel"
    std::vector<SurfaceParameter> parameters;
};

/// All ten toy surfaces, in the order of docs/semantics.md §2.1.
const std::vector<ToySurfaceDescriptor>& toySurfaceCatalogue();

/// True if name is one of the toy surfaces.
bool isToySurface(const std::string& name);

/// Builds the surface `name` with the given parameters (missing ones take their defaults).
/// Throws std::invalid_argument for an unknown name or parameter.
std::unique_ptr<ToySurface> makeToySurface(const std::string& name,
                                           const std::map<std::string, double>& parameters = {});

} // namespace lrlab
