#pragma once

#include "core/datasets/dataset.h"

#include <string>
#include <vector>

namespace lrlab {

/// The distribution shift that turns the source task (the digits images) into the fine-tuning
/// lab's target task. Images are square, features = side² pixels in row-major order
/// (feature r·side + c is row r, column c), on the raw intensity scale (digits: 0..16).
enum class Shift {
    None,     ///< the images unchanged
    Mirror,   ///< left-right flip: pixel (r, c) takes the value of (r, side−1−c)
    Rotate90, ///< rotated 90° counter-clockwise: pixel (r, c) takes the value of (c, side−1−r)
    Invert    ///< intensities inverted on the raw scale: x → maxIntensity − x
};

/// Config names of the shifts: "none", "mirror", "rotate90", "invert", in enum order.
const std::vector<std::string>& shiftNames();
/// The name of a shift.
std::string shiftName(Shift shift);
/// The shift of a name; throws std::invalid_argument for an unknown name.
Shift parseShift(const std::string& name);

/// A copy of dataset with every image shifted. Applied to the raw values, before any
/// standardization (so "invert" is 16 − x on the digits' 0..16 scale, as the issue states).
/// Labels, targets, name and split settings are copied unchanged; the name gets a "+<shift>"
/// suffix. Works on either feature storage (byte images stay bytes; inverting bytes needs
/// maxIntensity in 0..255). Throws std::invalid_argument when the feature count is not a square
/// (for Mirror and Rotate90) or maxIntensity does not fit the byte storage.
Dataset shiftDataset(const Dataset& dataset, Shift shift, double maxIntensity = 16.0);

/// The side of the square images of dataset (8 for digits); throws std::invalid_argument when
/// the feature count is not a perfect square.
int imageSide(const Dataset& dataset);

} // namespace lrlab
