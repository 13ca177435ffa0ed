#pragma once

#include "core/config/run_config.h"
#include "ui/experiment_model.h"

#include <QGroupBox>

class QFormLayout;

namespace lrlab {

/// Base of the control groups (problem, optimizer, schedule): a titled group box over a form
/// whose fields edit the ExperimentModel (not owned; it outlives the group) and show its config.
/// GUI thread only.
class ConfigGroup : public QGroupBox
{
    Q_OBJECT
public:
    ConfigGroup(const QString& title, ExperimentModel* model, QWidget* parent = nullptr);

protected:
    /// Puts config into the fields, without their signals.
    virtual void showConfig(const RunConfig& config) = 0;
    /// Shows the model's config now, again whenever one of shown changes (other edits, e.g. a
    /// slider drag, leave the fields alone), and after a refused edit, which leaves the model as
    /// it was: the field is put back. Called at the end of the derived constructor.
    void followModel(ConfigChanges shown);

    ExperimentModel* m_model;
    QFormLayout* m_form;
};

} // namespace lrlab
