// retranslateTexts and the TranslationRecorder behind it: a text shown by a widget is turned back
// into its tr() key — whole, with %1-style arguments, or with a %n count — and translated in place
// into the installed language and back, keeping what is not a translation (a line edit's text,
// a combo box's selection, numbers in arguments).
#include "ui/language.h"
#include "ui/shell/retranslation.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <QWidget>
#include <QtTest>

namespace {

QString translate(const char* context, const char* source, int n = -1)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

} // namespace

class TestRetranslation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(lrlab::installLanguage(QStringLiteral("en"))); }
    void cleanup() { lrlab::installLanguage(QStringLiteral("en")); }
    void labelFollowsTheLanguage_data();
    void labelFollowsTheLanguage();
    void sharedTranslationKeepsItsSource();
    void comboKeepsItsSelection();
    void userTextStays();
};

void TestRetranslation::labelFollowsTheLanguage_data()
{
    QTest::addColumn<QString>("english");
    QTest::addColumn<QString>("chinese");
    // Whole, with arguments (numbers kept, in the translation's order), with a count.
    QTest::newRow("whole") << translate("lrlab::MainWindow", "&View") << QStringLiteral("视图(&V)");
    QTest::newRow("argument") << translate("lrlab::MainWindow", "Not applied: %1")
                                     .arg(QStringLiteral("lr must be positive"))
                              << QStringLiteral("未应用：lr must be positive");
    QTest::newRow("arguments") << translate("lrlab::PlaybackBar", "step %1 / %2").arg(12).arg(400)
                               << QStringLiteral("第 12 / 400 步");
    QTest::newRow("count") << translate("lrlab::SessionController", "%n run(s) pinned.", 3)
                           << QStringLiteral("已固定 3 个运行。");
}

void TestRetranslation::labelFollowsTheLanguage()
{
    QFETCH(QString, english);
    QFETCH(QString, chinese);
    QWidget window;
    auto* label = new QLabel(english, &window);
    label->setToolTip(english);
    QVERIFY(lrlab::installLanguage(QStringLiteral("zh_CN"))); // retranslates open windows
    QCOMPARE(label->text(), chinese);
    QCOMPARE(label->toolTip(), chinese);
    QVERIFY(lrlab::installLanguage(QStringLiteral("en")));
    QCOMPARE(label->text(), english);
    QCOMPARE(label->toolTip(), english);
}

void TestRetranslation::sharedTranslationKeepsItsSource()
{
    // "lr" and "Learning rate" are both 学习率: back in English each label has its own source.
    QWidget window;
    auto* shortLabel = new QLabel(translate("lrlab::DifferenceLabel", "lr"), &window);
    auto* longLabel = new QLabel(translate("lrlab::ExperimentPanel", "Learning rate"), &window);
    QVERIFY(lrlab::installLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(shortLabel->text(), QStringLiteral("学习率"));
    QCOMPARE(longLabel->text(), QStringLiteral("学习率"));
    QVERIFY(lrlab::installLanguage(QStringLiteral("en")));
    QCOMPARE(shortLabel->text(), QStringLiteral("lr"));
    QCOMPARE(longLabel->text(), QStringLiteral("Learning rate"));
}

void TestRetranslation::comboKeepsItsSelection()
{
    QWidget window;
    auto* combo = new QComboBox(&window);
    combo->addItem(translate("lrlab::SweepView", "none"), QStringLiteral(""));
    combo->addItem(translate("lrlab::SweepView", "momentum"), QStringLiteral("momentum"));
    combo->addItem(translate("lrlab::SweepView", "weight decay"), QStringLiteral("weight_decay"));
    combo->setCurrentIndex(2);
    QSignalSpy changed(combo, &QComboBox::currentIndexChanged);
    QVERIFY(lrlab::installLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(combo->currentIndex(), 2);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("weight_decay"));
    QCOMPARE(combo->currentText(), QStringLiteral("权重衰减"));
    QCOMPARE(combo->itemText(1), QStringLiteral("动量"));
    QCOMPARE(changed.count(), 0);
}

void TestRetranslation::userTextStays()
{
    QWidget window;
    auto* layout = new QVBoxLayout(&window);
    auto* edit = new QLineEdit(&window);
    layout->addWidget(edit);
    // What the user typed stays, even when it is a catalogue text; a placeholder follows.
    const QString view = translate("lrlab::MainWindow", "&View");
    edit->setText(view);
    edit->setPlaceholderText(view);
    auto* number = new QLabel(QStringLiteral("0.001"), &window);
    QVERIFY(lrlab::installLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(edit->text(), view);
    QCOMPARE(edit->placeholderText(), QStringLiteral("视图(&V)"));
    QCOMPARE(number->text(), QStringLiteral("0.001"));
}

QTEST_MAIN(TestRetranslation)
#include "tst_retranslation.moc"
