#include "ui/widgets/playback_bar.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QShortcut>
#include <QSlider>
#include <QTimer>
#include <QToolButton>

#include <algorithm>
#include <cmath>

namespace lrlab {

namespace {

/// About one frame at 60 Hz: the cursor moves as smoothly as the screen can show.
constexpr int kTickMilliseconds = 16;

/// The glyphs of the playback buttons.
enum class MediaGlyph { Play, Pause, SeekForward, SeekBackward };

/// A glyph drawn in colour (the palette's button text), so it stands out from the button in
/// every theme; the style's media icons are dark pixmaps that vanish on a dark button.
QIcon mediaIcon(MediaGlyph glyph, const QColor& colour)
{
    constexpr int kSize = 32; // drawn large; QIcon scales it to the button
    QPixmap pixmap(kSize, kSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    const auto triangle = [](double left, double right, bool pointsRight) {
        QPainterPath path;
        const double tip = pointsRight ? right : left;
        const double base = pointsRight ? left : right;
        path.moveTo(base, 6);
        path.lineTo(tip, 16);
        path.lineTo(base, 26);
        path.closeSubpath();
        return path;
    };
    switch (glyph) {
    case MediaGlyph::Play:
        painter.drawPath(triangle(8, 26, true));
        break;
    case MediaGlyph::Pause:
        painter.drawRect(QRectF(8, 6, 6, 20));
        painter.drawRect(QRectF(18, 6, 6, 20));
        break;
    case MediaGlyph::SeekForward:
        painter.drawPath(triangle(3, 16, true));
        painter.drawPath(triangle(16, 29, true));
        break;
    case MediaGlyph::SeekBackward:
        painter.drawPath(triangle(3, 16, false));
        painter.drawPath(triangle(16, 29, false));
        break;
    }
    return QIcon(pixmap);
}

} // namespace

const QList<double>& PlaybackBar::speeds()
{
    static const QList<double> factors{0.25, 0.5, 1.0, 2.0, 4.0, 8.0};
    return factors;
}

PlaybackBar::PlaybackBar(QWidget* parent) : QWidget(parent)
{
    m_back = new QToolButton(this);
    m_back->setObjectName(QStringLiteral("stepBack"));
    m_back->setToolTip(tr("One step back (Left)"));
    m_play = new QToolButton(this);
    m_play->setObjectName(QStringLiteral("playPause"));
    m_play->setCheckable(true);
    m_forward = new QToolButton(this);
    m_forward->setObjectName(QStringLiteral("stepForward"));
    m_forward->setToolTip(tr("One step forward (Right)"));

    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speed"));
    for (double factor : speeds())
        m_speed->addItem(QString::number(factor) + QChar(0x00D7), factor);
    m_speed->setCurrentIndex(static_cast<int>(speeds().indexOf(1.0)));
    m_speed->setToolTip(tr("Playback speed: 1× is %1 steps a second").arg(kBaseStepsPerSecond));

    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setObjectName(QStringLiteral("scrub"));
    m_slider->setRange(0, 0);
    m_slider->setToolTip(tr("Drag to move every shown run to a step"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("stepLabel"));
    m_label->setToolTip(tr("The step shown on every plot / the last step"));
    // Wide enough for "step 99999 / 99999": the layout does not jump while playing.
    m_label->setMinimumWidth(
        m_label->fontMetrics().horizontalAdvance(tr("step %1 / %2").arg(99999).arg(99999)));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_back);
    layout->addWidget(m_play);
    layout->addWidget(m_forward);
    layout->addWidget(m_speed);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);

    m_timer = new QTimer(this);
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(kTickMilliseconds);
    connect(m_timer, &QTimer::timeout, this, &PlaybackBar::tick);

    connect(m_play, &QToolButton::clicked, this, [this](bool checked) {
        if (checked)
            play();
        else
            pause();
    });
    connect(m_back, &QToolButton::clicked, this, &PlaybackBar::stepBack);
    connect(m_forward, &QToolButton::clicked, this, &PlaybackBar::stepForward);
    connect(m_slider, &QSlider::valueChanged, this, &PlaybackBar::setStep);
    connect(m_speed, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_carry = 0.0; // the new pace starts now
        m_clock.restart();
    });

    const std::pair<QKeySequence, void (PlaybackBar::*)()> keys[] = {
        {QKeySequence(Qt::Key_Space), &PlaybackBar::togglePlay},
        {QKeySequence(Qt::Key_Right), &PlaybackBar::stepForward},
        {QKeySequence(Qt::Key_Left), &PlaybackBar::stepBack},
        {QKeySequence(Qt::Key_Home), nullptr},
        {QKeySequence(Qt::Key_End), nullptr}};
    for (const auto& [key, slot] : keys) {
        auto* shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        if (slot)
            connect(shortcut, &QShortcut::activated, this, slot);
        else if (key == QKeySequence(Qt::Key_Home))
            connect(shortcut, &QShortcut::activated, this, [this] { setStep(0); });
        else
            connect(shortcut, &QShortcut::activated, this, [this] { setStep(m_maximumStep); });
        m_shortcuts << shortcut;
    }

    updateIcons();
    updateLabel();
}

bool PlaybackBar::isPlaying() const
{
    return m_timer->isActive();
}

double PlaybackBar::speed() const
{
    return m_speed->currentData().toDouble();
}

void PlaybackBar::setShortcutsWindowWide(bool windowWide)
{
    for (QShortcut* shortcut : m_shortcuts)
        shortcut->setContext(windowWide ? Qt::WindowShortcut : Qt::WidgetWithChildrenShortcut);
}

void PlaybackBar::setMaximumStep(int maximumStep)
{
    m_maximumStep = std::max(maximumStep, 0);
    {
        const QSignalBlocker block(m_slider); // setStep below emits, not the slider
        m_slider->setRange(0, m_maximumStep);
    }
    if (m_step > m_maximumStep)
        setStep(m_maximumStep);
    if (m_step >= m_maximumStep && isPlaying())
        pause();
    updateLabel();
}

void PlaybackBar::setStep(int step)
{
    step = std::clamp(step, 0, m_maximumStep);
    if (m_slider->value() != step) {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(step);
    }
    if (step == m_step)
        return;
    m_step = step;
    updateLabel();
    emit stepChanged(m_step);
}

void PlaybackBar::play()
{
    if (isPlaying())
        return;
    if (m_maximumStep <= 0) {
        updatePlayButton();
        return; // nothing to play
    }
    if (m_step >= m_maximumStep)
        setStep(0); // at the end, play means "again"
    m_carry = 0.0;
    m_clock.start();
    m_timer->start();
    updatePlayButton();
    emit playingChanged(true);
}

void PlaybackBar::pause()
{
    if (!isPlaying()) {
        updatePlayButton();
        return;
    }
    m_timer->stop();
    updatePlayButton();
    emit playingChanged(false);
}

void PlaybackBar::togglePlay()
{
    if (isPlaying())
        pause();
    else
        play();
}

void PlaybackBar::stepForward()
{
    pause();
    setStep(m_step + 1);
}

void PlaybackBar::stepBack()
{
    pause();
    setStep(m_step - 1);
}

void PlaybackBar::setSpeed(double factor)
{
    int best = 0;
    for (int i = 1; i < speeds().size(); ++i)
        if (std::abs(std::log(speeds()[i] / factor)) < std::abs(std::log(speeds()[best] / factor)))
            best = i;
    m_speed->setCurrentIndex(best);
}

void PlaybackBar::tick()
{
    const double seconds = m_clock.nsecsElapsed() * 1e-9;
    m_clock.restart();
    m_carry += seconds * speed() * kBaseStepsPerSecond;
    const double whole = std::floor(m_carry);
    if (whole < 1.0)
        return;
    m_carry -= whole;
    const double target = std::min<double>(m_step + whole, m_maximumStep);
    setStep(static_cast<int>(target));
    if (m_step >= m_maximumStep)
        pause();
}

QColor PlaybackBar::glyphColour() const
{
    return palette().color(QPalette::ButtonText);
}

void PlaybackBar::updateIcons()
{
    m_back->setIcon(mediaIcon(MediaGlyph::SeekBackward, glyphColour()));
    m_forward->setIcon(mediaIcon(MediaGlyph::SeekForward, glyphColour()));
    updatePlayButton();
}

void PlaybackBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange ||
        event->type() == QEvent::ApplicationPaletteChange)
        updateIcons(); // the glyphs follow the theme
}

void PlaybackBar::updateLabel()
{
    m_label->setText(tr("step %1 / %2").arg(m_step).arg(m_maximumStep));
}

void PlaybackBar::updatePlayButton()
{
    const bool playing = isPlaying();
    const QSignalBlocker block(m_play);
    m_play->setChecked(playing);
    m_play->setIcon(mediaIcon(playing ? MediaGlyph::Pause : MediaGlyph::Play, glyphColour()));
    m_play->setToolTip(playing ? tr("Pause (Space)") : tr("Play every shown run in step (Space)"));
}

} // namespace lrlab
