#include "core/config/problem_key.h"

#include <locale>
#include <sstream>

namespace lrlab {

std::string problemKey(const ProblemSpec& problem, std::uint64_t seed)
{
    std::ostringstream key;
    key.imbue(std::locale::classic()); // no decimal comma or digit grouping from the locale
    key.precision(17);
    key << problem.type;
    for (const auto& [name, value] : problem.parameters)
        key << ';' << name << '=' << value;
    if (isModelType(problem.type)) {
        // The full-training-split loss depends on the data, the model and the split (seed).
        key << ";dataset=" << problem.dataset << ";feature=" << problem.feature << ";hidden=";
        for (const int h : problem.hidden)
            key << h << ',';
        key << ";activation=" << problem.activation << ";val=" << problem.valFraction
            << ";seed=" << seed;
    }
    return key.str();
}

} // namespace lrlab
