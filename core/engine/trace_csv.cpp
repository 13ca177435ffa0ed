#include "core/engine/trace_csv.h"

#include "core/util/format.h"

namespace lrlab {

void writeToyTraceCsv(std::ostream& out, const ToyTrace& trace)
{
    out << "step,lr,loss,x,y\n";
    for (int k = 0; k < trace.rows(); ++k) {
        const auto i = static_cast<std::size_t>(k);
        out << k << ',' << formatDouble(trace.learningRate[i]) << ',' << formatDouble(trace.loss[i])
            << ',' << formatDouble(trace.x[i]) << ',' << formatDouble(trace.y[i]) << '\n';
    }
}

void writeModelTraceCsv(std::ostream& out, const ModelTrace& trace, bool classification)
{
    out << "step,lr,loss";
    if (trace.twoParameters())
        out << ",x,y";
    out << ",train_loss,val_loss";
    if (classification)
        out << ",val_acc";
    out << '\n';
    std::size_t eval = 0;
    for (int k = 0; k < trace.rows(); ++k) {
        const auto i = static_cast<std::size_t>(k);
        out << k << ',' << formatDouble(trace.learningRate[i]) << ',' << formatFloat(trace.loss[i]);
        if (trace.twoParameters())
            out << ',' << formatFloat(trace.x[i]) << ',' << formatFloat(trace.y[i]);
        if (eval < trace.evalRows.size() && trace.evalRows[eval] == k) {
            out << ',' << formatDouble(trace.trainLoss[eval]) << ','
                << formatDouble(trace.validationLoss[eval]);
            if (classification)
                out << ',' << formatDouble(trace.validationAccuracy[eval]);
            ++eval;
        } else {
            out << ",,";
            if (classification)
                out << ',';
        }
        out << '\n';
    }
}

void writeParameterCsv(std::ostream& out, const std::vector<float>& values)
{
    out << "index,value\n";
    for (std::size_t i = 0; i < values.size(); ++i)
        out << i << ',' << formatFloat(values[i]) << '\n';
}

void writeParameterCsv(std::ostream& out, const std::vector<double>& values)
{
    out << "index,value\n";
    for (std::size_t i = 0; i < values.size(); ++i)
        out << i << ',' << formatDouble(values[i]) << '\n';
}

void writeBatchesCsv(std::ostream& out, const ModelTrace& trace)
{
    out << "step,rows\n";
    for (std::size_t k = 0; k + 1 < trace.batchOffsets.size(); ++k) {
        out << k << ',';
        for (int j = trace.batchOffsets[k]; j < trace.batchOffsets[k + 1]; ++j)
            out << (j > trace.batchOffsets[k] ? " " : "")
                << trace.batchRows[static_cast<std::size_t>(j)];
        out << '\n';
    }
}

void writeSplitCsv(std::ostream& out, int rows, const std::vector<int>& train,
                   const std::vector<int>& validation)
{
    std::vector<const char*> label(static_cast<std::size_t>(rows), "unused");
    for (int r : train)
        label[static_cast<std::size_t>(r)] = "train";
    for (int r : validation)
        label[static_cast<std::size_t>(r)] = "val";
    out << "row,split\n";
    for (int r = 0; r < rows; ++r)
        out << r << ',' << label[static_cast<std::size_t>(r)] << '\n';
}

void writeScheduleCsv(std::ostream& out, const ScheduleSpec& schedule, int steps)
{
    out << "step,lr\n";
    for (int t = 0; t < steps; ++t)
        out << t << ',' << formatDouble(learningRateAt(schedule, t)) << '\n';
}

} // namespace lrlab
