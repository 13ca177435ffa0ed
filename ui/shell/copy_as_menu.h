#pragma once

#include "core/codegen/code_target.h"

#include <QObject>
#include <QString>

class QMenu;

namespace lrlab {

class ExperimentModel;

/// Edit ▸ Copy as ▸ PyTorch / Hugging Face / Lightning: puts the explorer's current experiment
/// (its optimizer and schedule, generateCode) on the clipboard as code for that framework and
/// says so through copied(). GUI thread only; the model must outlive this object.
class CopyAsMenu : public QObject
{
    Q_OBJECT
public:
    explicit CopyAsMenu(const ExperimentModel* model, QObject* parent = nullptr);

    /// Adds the "Copy &as" submenu (object name "copyAsMenu"; entries "copyAsPytorch",
    /// "copyAsHf", "copyAsLightning") to menu and returns it.
    QMenu* addTo(QMenu* menu);

    /// The framework's name as the menu shows it ("PyTorch", "Hugging Face", "Lightning").
    static QString targetTitle(CodeTarget target);

public slots:
    /// Copies the current config's code for target to the clipboard and emits copied().
    void copy(lrlab::CodeTarget target);

signals:
    /// After a copy: a one-line message for the status bar naming the framework.
    void copied(const QString& message);

private:
    const ExperimentModel* m_model;
};

} // namespace lrlab
