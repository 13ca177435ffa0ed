// Tests of the playback bar: play advances, pause stops, single steps, scrubbing, the end,
// speed choice and pace, shortcuts and tooltips.
#include "ui/widgets/playback_bar.h"

#include "ui/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QStyleFactory>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <functional>

namespace {

/// The steps a spy saw, in order.
QList<int> emitted(const QSignalSpy& spy)
{
    QList<int> steps;
    for (const QList<QVariant>& args : spy)
        steps << args.at(0).toInt();
    return steps;
}

/// Relative luminance (0…1) of a colour, by ITU-R BT.709.
double luminance(QColor colour)
{
    return 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF();
}

/// How far the glyph of a button stands out from the button: the mean luminance difference
/// between the button's background (its corner pixel) and the glyph pixels, the tenth of the
/// icon area that differs most from the background (a glyph covers more than that).
double glyphContrast(QToolButton* button)
{
    const QImage image = button->grab().toImage();
    const double ratio = image.devicePixelRatio();
    const QColor background = image.pixelColor(int(4 * ratio), image.height() / 2);
    const QSize icon = button->iconSize() * ratio;
    const QRect area(
        QPoint((image.width() - icon.width()) / 2, (image.height() - icon.height()) / 2), icon);
    QList<double> differences;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            differences << std::abs(luminance(image.pixelColor(x, y)) - luminance(background));
    std::sort(differences.begin(), differences.end(), std::greater<>());
    const qsizetype glyph = std::max<qsizetype>(1, differences.size() / 10);
    double sum = 0.0;
    for (qsizetype i = 0; i < glyph; ++i)
        sum += differences[i];
    return sum / double(glyph);
}

} // namespace

class TestPlaybackBar : public QObject
{
    Q_OBJECT
private slots:
    void initialState();
    void playAdvances();
    void pauseStops();
    void singleStep_data();
    void singleStep();
    void stepsStayInRange();
    void steppingPauses();
    void scrubEmits();
    void endStopsAndReplays();
    void maximumClampsStep();
    void speedChoice_data();
    void speedChoice();
    void paceNeverExceedsSpeed();
    void spaceToggles();
    void everyControlHasATooltip();
    void glyphsStandOutInEveryTheme_data();
    void glyphsStandOutInEveryTheme();
};

void TestPlaybackBar::initialState()
{
    lrlab::PlaybackBar bar;
    QCOMPARE(bar.step(), 0);
    QCOMPARE(bar.maximumStep(), 0);
    QVERIFY(!bar.isPlaying());
    QCOMPARE(bar.stepLabel()->text(), QStringLiteral("step 0 / 0"));
    QCOMPARE(bar.speed(), 1.0);
    bar.setMaximumStep(100);
    QCOMPARE(bar.slider()->maximum(), 100);
    QCOMPARE(bar.stepLabel()->text(), QStringLiteral("step 0 / 100"));
    bar.play(); // nothing to play is not an error
    bar.setMaximumStep(0);
    bar.play();
    QVERIFY(!bar.isPlaying());
}

void TestPlaybackBar::playAdvances()
{
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(100000);
    QSignalSpy steps(&bar, &lrlab::PlaybackBar::stepChanged);
    QSignalSpy playing(&bar, &lrlab::PlaybackBar::playingChanged);
    bar.play();
    QVERIFY(bar.isPlaying());
    QVERIFY(bar.playButton()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 3, 5000);
    const QList<int> seen = emitted(steps);
    for (int i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i] > seen[i - 1]);
    QCOMPARE(bar.step(), seen.last());
    QCOMPARE(bar.slider()->value(), bar.step());
    QCOMPARE(bar.stepLabel()->text(), QStringLiteral("step %1 / 100000").arg(bar.step()));
    QCOMPARE(playing.count(), 1);
    QCOMPARE(playing.at(0).at(0).toBool(), true);
}

void TestPlaybackBar::pauseStops()
{
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(100000);
    QSignalSpy steps(&bar, &lrlab::PlaybackBar::stepChanged);
    bar.play();
    QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 1, 5000);
    bar.pause();
    QVERIFY(!bar.isPlaying());
    QVERIFY(!bar.playButton()->isChecked());
    const int count = steps.count();
    const int at = bar.step();
    // A negative check needs time to pass: several ticks' worth, nothing may arrive.
    QTest::qWait(150);
    QCOMPARE(steps.count(), count);
    QCOMPARE(bar.step(), at);
}

void TestPlaybackBar::singleStep_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("expected");
    QTest::newRow("forward-slot") << "forward-slot" << 6;
    QTest::newRow("back-slot") << "back-slot" << 4;
    QTest::newRow("forward-button") << "forward-button" << 6;
    QTest::newRow("back-button") << "back-button" << 4;
    QTest::newRow("right-key") << "right-key" << 6;
    QTest::newRow("left-key") << "left-key" << 4;
    QTest::newRow("end-key") << "end-key" << 20;
    QTest::newRow("home-key") << "home-key" << 0;
}

void TestPlaybackBar::singleStep()
{
    QFETCH(QString, how);
    QFETCH(int, expected);
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(20);
    bar.setStep(5);
    bar.show();
    bar.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&bar));
    bar.playButton()->setFocus();
    QSignalSpy steps(&bar, &lrlab::PlaybackBar::stepChanged);
    if (how == QLatin1String("forward-slot"))
        bar.stepForward();
    else if (how == QLatin1String("back-slot"))
        bar.stepBack();
    else if (how == QLatin1String("forward-button"))
        QTest::mouseClick(bar.stepForwardButton(), Qt::LeftButton);
    else if (how == QLatin1String("back-button"))
        QTest::mouseClick(bar.stepBackButton(), Qt::LeftButton);
    else if (how == QLatin1String("right-key"))
        QTest::keyClick(bar.playButton(), Qt::Key_Right);
    else if (how == QLatin1String("left-key"))
        QTest::keyClick(bar.playButton(), Qt::Key_Left);
    else if (how == QLatin1String("end-key"))
        QTest::keyClick(bar.playButton(), Qt::Key_End);
    else if (how == QLatin1String("home-key"))
        QTest::keyClick(bar.playButton(), Qt::Key_Home);
    QCOMPARE(bar.step(), expected);
    QCOMPARE(emitted(steps), QList<int>{expected});
    QCOMPARE(bar.slider()->value(), expected);
}

void TestPlaybackBar::stepsStayInRange()
{
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(3);
    QSignalSpy steps(&bar, &lrlab::PlaybackBar::stepChanged);
    bar.stepBack(); // already at 0
    QCOMPARE(bar.step(), 0);
    for (int i = 0; i < 5; ++i)
        bar.stepForward();
    QCOMPARE(bar.step(), 3);
    QCOMPARE(emitted(steps), (QList<int>{1, 2, 3})); // no signal when nothing moved
    bar.setStep(-4);
    QCOMPARE(bar.step(), 0);
}

void TestPlaybackBar::steppingPauses()
{
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(100000);
    bar.play();
    QVERIFY(bar.isPlaying());
    const int before = bar.step();
    bar.stepForward();
    QVERIFY(!bar.isPlaying());
    QCOMPARE(bar.step(), before + 1);
}

void TestPlaybackBar::scrubEmits()
{
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(100);
    QSignalSpy steps(&bar, &lrlab::PlaybackBar::stepChanged);
    bar.slider()->setValue(42);
    QCOMPARE(emitted(steps), QList<int>{42});
    QCOMPARE(bar.step(), 42);
    QCOMPARE(bar.stepLabel()->text(), QStringLiteral("step 42 / 100"));
    // Keyboard paging on the slider itself scrubs too.
    bar.slider()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
    QCOMPARE(bar.step(), 43);
    QCOMPARE(steps.count(), 2);
}

void TestPlaybackBar::endStopsAndReplays()
{
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(30);
    bar.setSpeed(8.0);
    QSignalSpy steps(&bar, &lrlab::PlaybackBar::stepChanged);
    QSignalSpy playing(&bar, &lrlab::PlaybackBar::playingChanged);
    bar.play();
    QTRY_VERIFY_WITH_TIMEOUT(!bar.isPlaying(), 10000);
    QCOMPARE(bar.step(), 30);
    QCOMPARE(emitted(steps).last(), 30);
    QCOMPARE(playing.count(), 2);
    QCOMPARE(playing.at(1).at(0).toBool(), false);
    QVERIFY(!bar.playButton()->isChecked());

    // Play at the end starts again from the first step.
    steps.clear();
    bar.play();
    QVERIFY(bar.isPlaying());
    QCOMPARE(emitted(steps).first(), 0);
    bar.pause();
}

void TestPlaybackBar::maximumClampsStep()
{
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(50);
    bar.setStep(40);
    QSignalSpy steps(&bar, &lrlab::PlaybackBar::stepChanged);
    bar.setMaximumStep(10);
    QCOMPARE(bar.step(), 10);
    QCOMPARE(emitted(steps), QList<int>{10});
    QCOMPARE(bar.slider()->maximum(), 10);
    QCOMPARE(bar.stepLabel()->text(), QStringLiteral("step 10 / 10"));
    bar.setMaximumStep(200); // growing never moves the step
    QCOMPARE(bar.step(), 10);
    QCOMPARE(steps.count(), 1);
}

void TestPlaybackBar::speedChoice_data()
{
    QTest::addColumn<double>("asked");
    QTest::addColumn<double>("chosen");
    QTest::newRow("exact-quarter") << 0.25 << 0.25;
    QTest::newRow("exact-eight") << 8.0 << 8.0;
    QTest::newRow("three-to-four") << 3.0 << 4.0; // |log 4/3| < |log 3/2|
    QTest::newRow("below-range") << 0.01 << 0.25;
    QTest::newRow("above-range") << 100.0 << 8.0;
    QTest::newRow("one-point-two") << 1.2 << 1.0;
}

void TestPlaybackBar::speedChoice()
{
    QFETCH(double, asked);
    QFETCH(double, chosen);
    lrlab::PlaybackBar bar;
    bar.setSpeed(asked);
    QCOMPARE(bar.speed(), chosen);
    QCOMPARE(bar.speedCombo()->currentData().toDouble(), chosen);
}

void TestPlaybackBar::paceNeverExceedsSpeed()
{
    // Steps are earned by elapsed time: after t seconds at speed s, at most s·60·t steps.
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(1000000);
    bar.setSpeed(2.0);
    QSignalSpy steps(&bar, &lrlab::PlaybackBar::stepChanged);
    QElapsedTimer clock;
    clock.start();
    bar.play();
    QTRY_VERIFY_WITH_TIMEOUT(steps.count() >= 5, 5000);
    const double seconds = clock.nsecsElapsed() * 1e-9;
    bar.pause();
    QVERIFY(bar.step() > 0);
    QVERIFY2(bar.step() <= std::ceil(2.0 * lrlab::PlaybackBar::kBaseStepsPerSecond * seconds),
             qPrintable(QStringLiteral("%1 steps in %2 s").arg(bar.step()).arg(seconds)));
}

void TestPlaybackBar::spaceToggles()
{
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(100000);
    bar.show();
    bar.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&bar));
    bar.slider()->setFocus();
    QTest::keyClick(bar.slider(), Qt::Key_Space);
    QVERIFY(bar.isPlaying());
    QTest::keyClick(bar.slider(), Qt::Key_Space);
    QVERIFY(!bar.isPlaying());
}

void TestPlaybackBar::everyControlHasATooltip()
{
    lrlab::PlaybackBar bar;
    for (QWidget* w : std::initializer_list<QWidget*>{bar.playButton(), bar.stepForwardButton(),
                                                      bar.stepBackButton(), bar.speedCombo(),
                                                      bar.slider(), bar.stepLabel()})
        QVERIFY2(!w->toolTip().isEmpty(), qPrintable(w->objectName()));
    QVERIFY(bar.playButton()->toolTip().contains(QStringLiteral("Space")));
    bar.setMaximumStep(10);
    bar.play();
    QVERIFY(bar.playButton()->toolTip().startsWith(QStringLiteral("Pause")));
    bar.pause();
}

void TestPlaybackBar::glyphsStandOutInEveryTheme_data()
{
    QTest::addColumn<lrlab::Theme>("theme");
    QTest::newRow("light") << lrlab::Theme::Light;
    QTest::newRow("dark") << lrlab::Theme::Dark;
}

void TestPlaybackBar::glyphsStandOutInEveryTheme()
{
    QFETCH(lrlab::Theme, theme);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion"))); // as the program
    lrlab::PlaybackBar bar;
    bar.setMaximumStep(10);
    bar.show(); // themed after showing: the glyphs must follow a switch of the theme
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    lrlab::setApplicationTheme(theme);
    QCoreApplication::processEvents();
    for (QToolButton* button : {bar.stepBackButton(), bar.playButton(), bar.stepForwardButton()})
        QVERIFY2(glyphContrast(button) > 0.4, qPrintable(QStringLiteral("%1: contrast %2")
                                                             .arg(button->objectName())
                                                             .arg(glyphContrast(button))));
    bar.play();
    QVERIFY2(glyphContrast(bar.playButton()) > 0.4, "the pause glyph");
    bar.pause();
    lrlab::setApplicationTheme(lrlab::Theme::Light);
}

QTEST_MAIN(TestPlaybackBar)
#include "tst_playback_bar.moc"
