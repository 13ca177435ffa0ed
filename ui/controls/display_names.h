#pragma once

#include "core/problems/toy_surface.h"

#include <QString>

#include <string>

namespace lrlab {

// Names of the core's problems, datasets, optimizers and decays as the window shows them, in
// the user's language (the core's catalogue is English). Not cached: each call asks the
// translator, so a language switch is followed.

QString surfaceDisplayName(const ToySurfaceDescriptor& surface);
/// A toy surface or model type by its config name.
QString problemDisplayName(const std::string& type);
QString modelDisplayName(const std::string& type);
QString datasetDisplayName(const std::string& name);
QString optimizerDisplayName(const std::string& type);
QString decayDisplayName(const std::string& decay);

} // namespace lrlab
