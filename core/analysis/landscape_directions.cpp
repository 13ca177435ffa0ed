// GCC 12 reports -Wmaybe-uninitialized inside its own AVX-512 intrinsics headers when Eigen's
// reductions are inlined with -march=native (GCC PR 105593, fixed in GCC 13; see model.cpp).
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "core/analysis/landscape_directions.h"

#include "core/models/model.h"
#include "core/util/rng.h"
#include "core/util/rng_streams.h"

#include <cmath>

namespace lrlab {

namespace {

void drawDirection(const Model<float>& layout, const float* centre, Rng& rng,
                   Eigen::VectorXd& direction)
{
    const int p = layout.parameterCount();
    direction.resize(p);
    // Every entry is drawn (biases too) so direction 2's draws start at a fixed place in the
    // stream whatever the layout.
    for (int i = 0; i < p; ++i)
        direction(i) = rng.normal();
    for (int l = 0; l < layout.layerCount(); ++l) {
        const LayerShape& s = layout.layer(l);
        for (int row = 0; row < s.outputs; ++row) {
            const int start = s.weightOffset + row * s.inputs;
            double centreNorm = 0.0;
            for (int c = 0; c < s.inputs; ++c) {
                const double w = static_cast<double>(centre[start + c]);
                centreNorm += w * w;
            }
            centreNorm = std::sqrt(centreNorm);
            Eigen::Ref<Eigen::VectorXd> segment = direction.segment(start, s.inputs);
            const double drawnNorm = segment.norm();
            if (drawnNorm > 0.0)
                segment *= centreNorm / drawnNorm;
        }
        direction.segment(s.biasOffset, s.outputs).setZero();
    }
}

} // namespace

void filterNormalizedDirections(const ModelSpec& spec, const float* centre, std::uint64_t seed,
                                Eigen::VectorXd& direction1, Eigen::VectorXd& direction2)
{
    const Model<float> layout(spec);
    Rng rng(seed, kStreamDirections);
    drawDirection(layout, centre, rng, direction1);
    drawDirection(layout, centre, rng, direction2);
}

} // namespace lrlab
