#include "ui/export/export_run.h"

#include "core/config/session.h"
#include "core/engine/run_experiment.h"

#include <QCoreApplication>

namespace lrlab {

int ExportRun::rows() const
{
    if (toy)
        return toy->rows();
    return model ? model->rows() : 0;
}

double ExportRun::learningRateAt(int row) const
{
    const auto i = static_cast<std::size_t>(row);
    return toy ? toy->learningRate[i] : model->learningRate[i];
}

double ExportRun::lossAt(int row) const
{
    const auto i = static_cast<std::size_t>(row);
    return toy ? toy->loss[i] : static_cast<double>(model->loss[i]);
}

ExportRun computeExportRun(const RunConfig& config, const QString& label, const CancelFlag* cancel)
{
    ExportRun run;
    run.label = label;
    run.config = config;
    ExperimentResult result = runExperiment(config, cancel);
    run.surface = result.surface;
    run.problem = result.problem;
    if (result.isToy()) {
        run.minimumValue = result.minimumValue;
        run.toy = std::make_shared<const ToyTrace>(std::move(result.toy));
    } else {
        run.classification = result.problem->modelSpec().isClassification();
        run.model = std::make_shared<const ModelTrace>(std::move(result.model));
    }
    return run;
}

std::vector<ExportRun> computeSessionRuns(const Session& session, const CancelFlag* cancel)
{
    std::vector<ExportRun> runs;
    for (std::size_t i = 0; i < session.pinned.size(); ++i) {
        QString label = QString::fromStdString(session.pinned[i].label);
        if (label.isEmpty())
            label = QCoreApplication::translate("lrlab::ExportRun", "run %1").arg(i + 1);
        runs.push_back(computeExportRun(session.pinned[i].config, label, cancel));
    }
    runs.push_back(computeExportRun(
        session.current, QCoreApplication::translate("lrlab::ExportRun", "current"), cancel));
    runs.back().current = true;
    return runs;
}

} // namespace lrlab
