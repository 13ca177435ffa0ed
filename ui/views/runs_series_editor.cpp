#include "ui/views/runs_series_editor.h"

#include "ui/views/imported_runs.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace lrlab {

namespace {

/// Item data: the tag (UserRole) and whether the item is "Automatic" (kAutomaticRole).
constexpr int kAutomaticRole = Qt::UserRole + 1;

} // namespace

RunSeriesEditor::RunSeriesEditor(QWidget* parent)
    : QGroupBox(tr("Series of the selected run"), parent)
{
    setObjectName(QStringLiteral("runsSeriesEditor"));
    setToolTip(tr("Which logged tag plays each part in lrlab's analysis. Automatic takes the "
                  "tag with a common name (loss, eval/loss, learning_rate, val_acc, …); choose "
                  "another when your log names them differently."));
    auto* form = new QFormLayout(this);
    struct Row
    {
        LogRole role;
        QString label;
        QString tip;
    };
    const Row rows[] = {
        {LogRole::Loss, tr("Tra&ining loss:"),
         tr("The training loss: drawn on the Loss plot, and read by the diagnosis (diverging, "
            "too slow, noisy, plateau, …).")},
        {LogRole::ValLoss, tr("&Validation loss:"),
         tr("The validation loss: drawn on its own plot; the diagnosis compares it with the "
            "training loss to tell overfitting.")},
        {LogRole::LearningRate, tr("Learning &rate:"),
         tr("The learning rate: drawn on the LR plot; lrlab recognises its schedule (warmup, "
            "decay, peak), which \"Open in the lab\" replays.")},
        {LogRole::ValAccuracy, tr("Validation &accuracy:"),
         tr("The validation accuracy: not drawn; the diagnosis reads it with the validation "
            "loss.")},
    };
    for (const Row& row : rows) {
        auto* combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("runsSeries_") + QLatin1String(logRoleName(row.role)));
        combo->setToolTip(row.tip);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        auto* label = new QLabel(row.label, this);
        label->setToolTip(row.tip);
        label->setBuddy(combo);
        form->addRow(label, combo);
        m_combos[row.role] = combo;
        const LogRole role = row.role;
        connect(combo, &QComboBox::activated, this, [this, role] { chosen(role); });
    }
    setRun(nullptr, {});
}

void RunSeriesEditor::setRun(const ImportedRun* run, const LogRoleOverrides& overrides)
{
    m_overrides = overrides;
    for (const auto& [role, combo] : m_combos) {
        const QSignalBlocker blocker(combo);
        combo->setEnabled(run != nullptr);
        if (!run) {
            combo->clear();
            continue;
        }
        // Automatic names the tag matched by name (the analysis's, when no override is set).
        const std::map<LogRole, std::string> matched = matchLogRoles(run->log());
        const auto automatic = matched.find(role);
        QStringList texts{automatic == matched.end()
                              ? tr("Automatic (none found)")
                              : tr("Automatic (%1)").arg(QString::fromStdString(automatic->second)),
                          tr("None")};
        for (const auto& [tag, points] : run->log().series)
            texts << QString::fromStdString(tag);
        QStringList shown;
        for (int i = 0; i < combo->count(); ++i)
            shown << combo->itemText(i);
        if (shown != texts) { // rebuilt only when the tags changed (a followed run reads often)
            combo->clear();
            combo->addItem(texts[0]);
            combo->setItemData(0, true, kAutomaticRole);
            combo->addItem(texts[1], QString());
            for (const auto& [tag, points] : run->log().series)
                combo->addItem(QString::fromStdString(tag), QString::fromStdString(tag));
        }
        const auto chosenTag = overrides.find(role);
        int index = 0;
        if (chosenTag != overrides.end())
            index = chosenTag->second.empty()
                        ? 1
                        : std::max(0, combo->findData(QString::fromStdString(chosenTag->second)));
        combo->setCurrentIndex(index);
    }
}

std::optional<std::string> RunSeriesEditor::choice(LogRole role) const
{
    const QComboBox* combo = m_combos.at(role);
    if (combo->currentIndex() < 0 || combo->currentData(kAutomaticRole).toBool())
        return std::nullopt;
    return combo->currentData().toString().toStdString();
}

void RunSeriesEditor::chosen(LogRole role)
{
    LogRoleOverrides overrides = m_overrides;
    if (const std::optional<std::string> tag = choice(role))
        overrides[role] = *tag;
    else
        overrides.erase(role);
    if (overrides == m_overrides)
        return;
    m_overrides = overrides;
    emit overridesChosen(overrides);
}

} // namespace lrlab
