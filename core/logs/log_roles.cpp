#include "core/logs/log_roles.h"

#include <QString>

#include <vector>

namespace lrlab {

namespace {

/// The common names of each role's tag, most specific first.
const std::vector<QString>& roleNames(LogRole role)
{
    static const std::vector<QString> loss{"loss",          "train/loss",       "train_loss",
                                           "training_loss", "train/loss_step",  "train_loss_step",
                                           "loss/train",    "train/loss_epoch", "train_loss_epoch"};
    static const std::vector<QString> valLoss{
        "eval/loss",  "eval_loss",  "val/loss",        "val_loss", "validation_loss",
        "valid/loss", "valid_loss", "validation/loss", "loss/val", "val_loss_epoch"};
    static const std::vector<QString> lr{"learning_rate", "train/learning_rate", "lr", "train/lr",
                                         "lr/group0"};
    static const std::vector<QString> valAcc{
        "val/acc",      "val_acc",      "eval/accuracy",       "eval_accuracy",
        "val/accuracy", "val_accuracy", "validation_accuracy", "eval/acc",
        "eval_acc",     "valid/acc",    "val_acc_epoch"};
    switch (role) {
    case LogRole::Loss:
        return loss;
    case LogRole::ValLoss:
        return valLoss;
    case LogRole::LearningRate:
        return lr;
    case LogRole::ValAccuracy:
        return valAcc;
    }
    return loss;
}

} // namespace

const char* logRoleName(LogRole role)
{
    switch (role) {
    case LogRole::Loss:
        return "loss";
    case LogRole::ValLoss:
        return "val_loss";
    case LogRole::LearningRate:
        return "lr";
    case LogRole::ValAccuracy:
        return "val_acc";
    }
    return "loss";
}

std::map<LogRole, std::string> matchLogRoles(const LogRun& run, const LogRoleOverrides& overrides,
                                             std::vector<LogProblem>* problems)
{
    std::map<LogRole, std::string> roles;
    for (LogRole role : kLogRoles) {
        const auto chosen = overrides.find(role);
        if (chosen != overrides.end()) {
            if (chosen->second.empty())
                continue; // the user said: no tag plays this role
            if (run.series.count(chosen->second) > 0) {
                roles[role] = chosen->second;
            } else if (problems) {
                std::string tags;
                for (const auto& [tag, points] : run.series)
                    tags += (tags.empty() ? "" : ", ") + tag;
                problems->push_back({run.source.path, "",
                                     std::string("no tag '") + chosen->second + "' for " +
                                         logRoleName(role) +
                                         " (its tags: " + (tags.empty() ? "none" : tags) + ")"});
            }
            continue;
        }
        const std::vector<QString>& names = roleNames(role);
        std::size_t best = names.size();
        for (const auto& [tag, points] : run.series) {
            const QString name = QString::fromStdString(tag);
            for (std::size_t i = 0; i < best; ++i) {
                if (name.compare(names[i], Qt::CaseInsensitive) == 0) {
                    best = i;
                    roles[role] = tag;
                    break;
                }
            }
        }
        // Lightning's LearningRateMonitor: lr-<Optimizer>[-<group>], the first in tag order.
        if (role == LogRole::LearningRate && roles.count(role) == 0) {
            for (const auto& [tag, points] : run.series) {
                if (QString::fromStdString(tag).startsWith("lr-", Qt::CaseInsensitive)) {
                    roles[role] = tag;
                    break;
                }
            }
        }
    }
    return roles;
}

} // namespace lrlab
