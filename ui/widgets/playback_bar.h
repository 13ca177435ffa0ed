#pragma once

#include <QElapsedTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QShortcut;
class QSlider;
class QTimer;
class QToolButton;

namespace lrlab {

/// Playback of the shown runs: play/pause, single steps, speed and a scrub slider over steps
/// 0..maximumStep, with a "step k / n" label. A QTimer on the GUI thread ticks at about 60 Hz;
/// each tick advances by the steps that the elapsed time earns at speed × kBaseStepsPerSecond
/// (fractions carry over), so the pace is right at any speed and under timer jitter. Playing
/// stops at the last step; pressing play there starts again from 0. Every change of the step,
/// by playback, a single step, the slider or setStep(), emits stepChanged once. Shortcuts (while
/// the focus is inside the bar, or in its whole window after setShortcutsWindowWide(true)):
/// Space play/pause, Right / Left one step, Home / End first / last step. GUI thread only.
class PlaybackBar : public QWidget
{
    Q_OBJECT
public:
    static constexpr double kBaseStepsPerSecond = 60.0; ///< steps a second at speed 1×

    explicit PlaybackBar(QWidget* parent = nullptr);

    int step() const { return m_step; }
    int maximumStep() const { return m_maximumStep; }
    bool isPlaying() const;
    /// Playback speed factor (0.25 … 8).
    double speed() const;
    /// The offered speed factors, slowest first.
    static const QList<double>& speeds();

    QToolButton* playButton() const { return m_play; }
    QToolButton* stepForwardButton() const { return m_forward; }
    QToolButton* stepBackButton() const { return m_back; }
    QComboBox* speedCombo() const { return m_speed; }
    QSlider* slider() const { return m_slider; }
    QLabel* stepLabel() const { return m_label; }

    /// Window-wide shortcuts for a main window that has no text field wanting Space or arrows
    /// when the bar lacks focus; default off (focus inside the bar).
    void setShortcutsWindowWide(bool windowWide);

public slots:
    /// Sets the last step (the longest run's last row); the current step is clamped to it.
    void setMaximumStep(int maximumStep);
    /// Moves to step (clamped to 0..maximumStep); emits stepChanged when it changes.
    void setStep(int step);
    void play();
    void pause();
    void togglePlay();
    void stepForward();
    void stepBack();
    /// Picks the offered speed nearest to factor.
    void setSpeed(double factor);

signals:
    void stepChanged(int step);
    /// Playback started (true) or stopped (false), by the user, by pause() or at the end.
    void playingChanged(bool playing);

protected:
    void changeEvent(QEvent* event) override;

private:
    void tick();
    /// The colour of the button glyphs: the palette's button text.
    QColor glyphColour() const;
    /// Draws the buttons' glyphs in glyphColour().
    void updateIcons();
    void updateLabel();
    void updatePlayButton();

    QToolButton* m_back = nullptr;
    QToolButton* m_play = nullptr;
    QToolButton* m_forward = nullptr;
    QComboBox* m_speed = nullptr;
    QSlider* m_slider = nullptr;
    QLabel* m_label = nullptr;
    QTimer* m_timer = nullptr;
    QList<QShortcut*> m_shortcuts;
    QElapsedTimer m_clock;
    double m_carry = 0.0; ///< fraction of a step earned but not yet taken
    int m_step = 0;
    int m_maximumStep = 0;
};

} // namespace lrlab
