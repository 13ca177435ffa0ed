#pragma once

#include "core/logs/log_run.h"

#include <array>
#include <map>
#include <string>

namespace lrlab {

/// What a series means to lrlab, whatever its tag is called.
enum class LogRole {
    Loss,         ///< training loss
    ValLoss,      ///< validation / evaluation loss
    LearningRate, ///< the learning rate
    ValAccuracy,  ///< validation / evaluation accuracy
};

/// Every role, in the order lrlab prints them.
inline constexpr std::array<LogRole, 4> kLogRoles{LogRole::Loss, LogRole::ValLoss,
                                                  LogRole::LearningRate, LogRole::ValAccuracy};

/// "loss", "val_loss", "lr", "val_acc" (the keys of `lrlab import --json`).
const char* logRoleName(LogRole role);

/// A tag chosen for a role by the user (`lrlab import --loss TAG ...`, the Runs dock's Series
/// editor), replacing the match by name; an empty tag means no tag plays the role.
using LogRoleOverrides = std::map<LogRole, std::string>;

/// The tags that play each role in run, matched by their common names (case-insensitive):
///   loss: loss, train/loss, train_loss, training_loss, train/loss_step, train_loss_step, ...
///   val_loss: eval/loss, eval_loss, val/loss, val_loss, validation_loss, valid/loss, ...
///   lr: learning_rate, train/learning_rate, lr, train/lr, lr-<anything> (Lightning's
///       LearningRateMonitor; the first in tag order)
///   val_acc: val/acc, val_acc, eval/accuracy, eval_accuracy, val/accuracy, val_accuracy, ...
/// The first name of a role's list that run has wins. An override names the tag itself (an
/// empty one leaves the role out); an override tag that run does not have leaves the role out
/// and adds a problem to `problems`.
std::map<LogRole, std::string> matchLogRoles(const LogRun& run,
                                             const LogRoleOverrides& overrides = {},
                                             std::vector<LogProblem>* problems = nullptr);

} // namespace lrlab
