#include "ui/controls/config_group.h"

#include <QFormLayout>

namespace lrlab {

ConfigGroup::ConfigGroup(const QString& title, ExperimentModel* model, QWidget* parent)
    : QGroupBox(title, parent), m_model(model), m_form(new QFormLayout(this))
{
}

void ConfigGroup::followModel(ConfigChanges shown)
{
    connect(m_model, &ExperimentModel::configChanged, this,
            [this, shown](const RunConfig& config, ConfigChanges what) {
                if (what & shown)
                    showConfig(config);
            });
    connect(m_model, &ExperimentModel::refused, this, [this] { showConfig(m_model->config()); });
    showConfig(m_model->config());
}

} // namespace lrlab
