// Edit ▸ Copy as: each entry puts the explorer's current config as that framework's code on the
// clipboard and reports it for the status bar; the code follows the model's later edits.
#include "core/codegen/code_target.h"
#include "ui/experiment_model.h"
#include "ui/shell/copy_as_menu.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QSignalSpy>
#include <QtTest>

using lrlab::CodeTarget;
using lrlab::CopyAsMenu;
using lrlab::ExperimentModel;

Q_DECLARE_METATYPE(lrlab::CodeTarget)

class TestCopyAsMenu : public QObject
{
    Q_OBJECT

private slots:
    void copiesTheModelsConfig_data();
    void copiesTheModelsConfig();
};

void TestCopyAsMenu::copiesTheModelsConfig_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<CodeTarget>("target");
    QTest::addColumn<QString>("title");
    QTest::newRow("pytorch") << "copyAsPytorch" << CodeTarget::PyTorch << "PyTorch";
    QTest::newRow("hf") << "copyAsHf" << CodeTarget::HuggingFace << "Hugging Face";
    QTest::newRow("lightning") << "copyAsLightning" << CodeTarget::Lightning << "Lightning";
}

void TestCopyAsMenu::copiesTheModelsConfig()
{
    QFETCH(QString, action);
    QFETCH(CodeTarget, target);
    QFETCH(QString, title);
    ExperimentModel model;
    QMenu edit;
    CopyAsMenu copyAs(&model);
    QMenu* submenu = copyAs.addTo(&edit);
    QCOMPARE(submenu->objectName(), QStringLiteral("copyAsMenu"));
    auto* entry = submenu->findChild<QAction*>(action);
    QVERIFY(entry);
    QSignalSpy copied(&copyAs, &CopyAsMenu::copied);

    QVERIFY(!model.setOptimizerType("adamw").refused());
    QVERIFY(!model.setLearningRate(0.0037).refused());
    entry->trigger();
    const QString code = QGuiApplication::clipboard()->text();
    QCOMPARE(code.toStdString(), lrlab::generateCode(model.config(), target));
    QVERIFY(code.contains("0.0037"));
    QCOMPARE(copied.count(), 1);
    QVERIFY(copied.at(0).at(0).toString().contains(title));

    // A later edit shows in the next copy.
    QVERIFY(!model.setLearningRate(0.0051).refused());
    entry->trigger();
    QVERIFY(QGuiApplication::clipboard()->text().contains("0.0051"));
    QVERIFY(!QGuiApplication::clipboard()->text().contains("0.0037"));
}

QTEST_MAIN(TestCopyAsMenu)
#include "tst_copy_as_menu.moc"
