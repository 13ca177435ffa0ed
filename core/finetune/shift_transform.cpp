#include "core/finetune/shift_transform.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lrlab {

const std::vector<std::string>& shiftNames()
{
    static const std::vector<std::string> names{"none", "mirror", "rotate90", "invert"};
    return names;
}

std::string shiftName(Shift shift)
{
    return shiftNames()[static_cast<std::size_t>(shift)];
}

Shift parseShift(const std::string& name)
{
    const auto& names = shiftNames();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return static_cast<Shift>(i);
    throw std::invalid_argument("unknown shift \"" + name +
                                "\" (expected none, mirror, rotate90 or invert)");
}

int imageSide(const Dataset& dataset)
{
    const int side =
        static_cast<int>(std::lround(std::sqrt(static_cast<double>(dataset.features))));
    if (side < 1 || side * side != dataset.features)
        throw std::invalid_argument("dataset " + dataset.name + " has " +
                                    std::to_string(dataset.features) +
                                    " features, not a square image");
    return side;
}

namespace {

/// Moves the pixels of every row of a row-major rows×side² buffer: out(r, c) = in(source(r, c)).
template <typename T, typename SourceIndex>
void permutePixels(std::vector<T>& values, int rows, int side, SourceIndex sourceIndex)
{
    const auto f = static_cast<std::size_t>(side) * static_cast<std::size_t>(side);
    std::vector<T> image(f);
    for (int row = 0; row < rows; ++row) {
        T* p = values.data() + static_cast<std::size_t>(row) * f;
        for (int r = 0; r < side; ++r)
            for (int c = 0; c < side; ++c)
                image[static_cast<std::size_t>(r * side + c)] =
                    p[static_cast<std::size_t>(sourceIndex(r, c))];
        std::copy(image.begin(), image.end(), p);
    }
}

} // namespace

Dataset shiftDataset(const Dataset& dataset, Shift shift, double maxIntensity)
{
    Dataset out = dataset;
    if (shift == Shift::None)
        return out;
    out.name = dataset.name + "+" + shiftName(shift);
    if (shift == Shift::Invert) {
        if (out.storesBytes()) {
            if (!(maxIntensity >= 0.0 && maxIntensity <= 255.0) ||
                maxIntensity != std::floor(maxIntensity))
                throw std::invalid_argument("invert: maxIntensity must be an integer in 0..255 "
                                            "for byte images");
            const int m = static_cast<int>(maxIntensity);
            for (std::uint8_t& b : out.bytes)
                b = static_cast<std::uint8_t>(std::max(0, m - static_cast<int>(b)));
        } else {
            for (double& v : out.values)
                v = maxIntensity - v;
        }
        return out;
    }
    const int side = imageSide(dataset);
    const auto mirror = [side](int r, int c) { return r * side + (side - 1 - c); };
    // Counter-clockwise: the new row r is the old column side−1−r read top to bottom, so new
    // (r, c) = old (c, side−1−r).
    const auto rotate = [side](int r, int c) { return c * side + (side - 1 - r); };
    if (out.storesBytes()) {
        if (shift == Shift::Mirror)
            permutePixels(out.bytes, out.rows, side, mirror);
        else
            permutePixels(out.bytes, out.rows, side, rotate);
    } else {
        if (shift == Shift::Mirror)
            permutePixels(out.values, out.rows, side, mirror);
        else
            permutePixels(out.values, out.rows, side, rotate);
    }
    return out;
}

} // namespace lrlab
