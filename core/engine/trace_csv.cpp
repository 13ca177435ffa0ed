#include "core/engine/trace_csv.h"

#include "core/util/format.h"

namespace lrlab {

void writeToyTraceCsv(std::ostream& out, const ToyTrace& trace)
{
    out << "step,lr,loss,x,y\n";
    for (int k = 0; k < trace.rows(); ++k) {
        const auto i = static_cast<std::size_t>(k);
        out << k << ',' << formatDouble(trace.learningRate[i]) << ','
            << formatDouble(trace.loss[i]) << ',' << formatDouble(trace.x[i]) << ','
            << formatDouble(trace.y[i]) << '\n';
    }
}

void writeScheduleCsv(std::ostream& out, const ScheduleSpec& schedule, int steps)
{
    out << "step,lr\n";
    for (int t = 0; t < steps; ++t)
        out << t << ',' << formatDouble(learningRateAt(schedule, t)) << '\n';
}

}  // namespace lrlab
