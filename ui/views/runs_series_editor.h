#pragma once

#include "core/logs/log_roles.h"

#include <QGroupBox>

#include <map>
#include <optional>
#include <string>

class QComboBox;

namespace lrlab {

struct ImportedRun;

/// The Runs dock's Series editor: for the selected run, a combo box per role (training loss,
/// validation loss, learning rate, validation accuracy) offering "Automatic" (the tag matched
/// by name, shown in brackets), "None" and every tag the run has. Choosing one emits
/// overridesChosen() with the run's new overrides; the view has the run analysed again.
/// Each combo has a labelled mnemonic and a tooltip saying what lrlab does with the role.
/// GUI thread only.
class RunSeriesEditor : public QGroupBox
{
    Q_OBJECT
public:
    explicit RunSeriesEditor(QWidget* parent = nullptr);

    /// Shows run's tags and roles (nullptr: no run selected, the combos disabled). overrides
    /// are the tags chosen for the run so far.
    void setRun(const ImportedRun* run, const LogRoleOverrides& overrides);
    /// The combo box of role.
    QComboBox* combo(LogRole role) const { return m_combos.at(role); }
    /// The tag chosen in role's combo: nullopt for Automatic, "" for None.
    std::optional<std::string> choice(LogRole role) const;

signals:
    /// The user chose a tag (or Automatic or None) for a role of the shown run.
    void overridesChosen(const LogRoleOverrides& overrides);

private:
    void chosen(LogRole role);

    std::map<LogRole, QComboBox*> m_combos;
    LogRoleOverrides m_overrides;
};

} // namespace lrlab
