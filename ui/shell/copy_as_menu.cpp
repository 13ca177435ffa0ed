#include "ui/shell/copy_as_menu.h"

#include "ui/experiment_model.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>

namespace lrlab {

CopyAsMenu::CopyAsMenu(const ExperimentModel* model, QObject* parent)
    : QObject(parent), m_model(model)
{
}

QString CopyAsMenu::targetTitle(CodeTarget target)
{
    switch (target) {
    case CodeTarget::PyTorch:
        return tr("PyTorch");
    case CodeTarget::HuggingFace:
        return tr("Hugging Face");
    case CodeTarget::Lightning:
        return tr("Lightning");
    }
    return QString();
}

QMenu* CopyAsMenu::addTo(QMenu* menu)
{
    QMenu* copyAs = menu->addMenu(tr("Copy &as"));
    copyAs->setObjectName(QStringLiteral("copyAsMenu"));
    for (const CodeTarget target :
         {CodeTarget::PyTorch, CodeTarget::HuggingFace, CodeTarget::Lightning}) {
        QString name = QString::fromStdString(codeTargetName(target));
        name[0] = name[0].toUpper();
        QAction* action =
            copyAs->addAction(targetTitle(target), this, [this, target] { copy(target); });
        action->setObjectName(QStringLiteral("copyAs") + name);
        action->setStatusTip(tr("Copy the optimizer and learning-rate schedule as %1 code")
                                 .arg(targetTitle(target)));
    }
    return copyAs;
}

void CopyAsMenu::copy(CodeTarget target)
{
    const std::string code = generateCode(m_model->config(), target);
    QGuiApplication::clipboard()->setText(QString::fromStdString(code));
    emit copied(tr("Copied the optimizer and schedule as %1 code to the clipboard")
                    .arg(targetTitle(target)));
}

} // namespace lrlab
