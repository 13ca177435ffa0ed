// Tests of the window's playback keys: Space plays / pauses and the arrows step the cursor with
// the focus anywhere in the window (a focused button is not pressed), and a focused text field
// keeps them.
#include "ui/controls/experiment_panel.h"
#include "ui/main_window.h"
#include "ui/shell/playback_keys.h"
#include "ui/widgets/playback_bar.h"

#include "tests/common/explorer_fixture.h"
#include "tests/common/main_window_waits.h"

#include <QAbstractSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace lrlab;

class TestPlaybackKeys : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void spaceOnFocusedButtonTogglesPlayback();
    void arrowsStepTheCursor();
    void textFieldKeepsTheKeys_data();
    void textFieldKeepsTheKeys();

private:
    /// Focuses widget in the shown window and waits until it has the focus.
    bool focus(QWidget* widget);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<MainWindow> m_window;
};

void TestPlaybackKeys::initTestCase()
{
    m_home = std::make_unique<QTemporaryDir>();
    test::useTemporaryHome(*m_home, QStringLiteral("tst_playback_keys"));
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(test::waitForLatest(*m_window));
    QVERIFY(m_window->playbackBar()->maximumStep() > 2);
}

void TestPlaybackKeys::cleanupTestCase()
{
    m_window.reset();
}

bool TestPlaybackKeys::focus(QWidget* widget)
{
    widget->setFocus(Qt::OtherFocusReason);
    return QTest::qWaitFor([widget] { return widget->hasFocus(); }, 2000);
}

void TestPlaybackKeys::spaceOnFocusedButtonTogglesPlayback()
{
    PlaybackBar* playback = m_window->playbackBar();
    playback->pause();
    playback->setStep(0);
    auto* pin = m_window->findChild<QPushButton*>(QStringLiteral("pinButton"));
    QVERIFY(pin);
    QVERIFY(focus(pin));
    QSignalSpy clicked(pin, &QPushButton::clicked);

    QTest::keyClick(pin, Qt::Key_Space);
    QVERIFY(playback->isPlaying());
    QVERIFY(playback->playButton()->isChecked()); // the bar shows "playing"
    QVERIFY(QTest::qWaitFor([&] { return playback->step() > 0; }, 5000));
    QTest::keyClick(pin, Qt::Key_Space);
    QVERIFY(!playback->isPlaying());
    QVERIFY(!playback->playButton()->isChecked());
    QCOMPARE(clicked.count(), 0);
    QVERIFY(pin->hasFocus());
}

void TestPlaybackKeys::arrowsStepTheCursor()
{
    PlaybackBar* playback = m_window->playbackBar();
    playback->pause();
    playback->setStep(1);
    auto* trio = m_window->findChild<QPushButton*>(QStringLiteral("trioButton"));
    QVERIFY(trio);
    QVERIFY(focus(trio));
    const QString last = QString::number(playback->maximumStep());

    QTest::keyClick(trio, Qt::Key_Right);
    QTest::keyClick(trio, Qt::Key_Right);
    QCOMPARE(playback->step(), 3);
    QCOMPARE(playback->stepLabel()->text(), QStringLiteral("step 3 / %1").arg(last));
    QTest::keyClick(trio, Qt::Key_Left);
    QCOMPARE(playback->step(), 2);
    QCOMPARE(playback->stepLabel()->text(), QStringLiteral("step 2 / %1").arg(last));
    QCOMPARE(playback->slider()->value(), 2);
}

void TestPlaybackKeys::textFieldKeepsTheKeys_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("key");
    QTest::newRow("seed, Space") << QStringLiteral("seed") << int(Qt::Key_Space);
    QTest::newRow("seed, Right") << QStringLiteral("seed") << int(Qt::Key_Right);
    QTest::newRow("typed field, Space") << QStringLiteral("typed") << int(Qt::Key_Space);
    QTest::newRow("typed field, Right") << QStringLiteral("typed") << int(Qt::Key_Right);
    QTest::newRow("typed field, Left") << QStringLiteral("typed") << int(Qt::Key_Left);
}

void TestPlaybackKeys::textFieldKeepsTheKeys()
{
    QFETCH(QString, field);
    QFETCH(int, key);
    PlaybackBar* playback = m_window->playbackBar();
    playback->pause();
    playback->setStep(1);

    // A free text field in the controls: Space must arrive as a typed space.
    std::unique_ptr<QLineEdit> typed;
    QLineEdit* edit = nullptr;
    if (field == QLatin1String("typed")) {
        typed = std::make_unique<QLineEdit>(m_window->controls());
        typed->setText(QStringLiteral("ab"));
        typed->show();
        edit = typed.get();
    } else {
        edit = m_window->findChild<QLineEdit*>(field);
    }
    QVERIFY(edit);
    QVERIFY(focus(edit));
    edit->setCursorPosition(1);

    QTest::keyClick(edit, static_cast<Qt::Key>(key));
    QVERIFY(!playback->isPlaying());
    QCOMPARE(playback->step(), 1);
    if (!typed)
        return;
    // The key did what it does in a text field.
    const int cursor = key == Qt::Key_Left ? 0 : 2;
    QCOMPARE(edit->text(), key == Qt::Key_Space ? QStringLiteral("a b") : QStringLiteral("ab"));
    QCOMPARE(edit->cursorPosition(), cursor);
}

QTEST_MAIN(TestPlaybackKeys)
#include "tst_playback_keys.moc"
