// The Diagnosis panel in Chinese: the evidence sentence is written by the panel from the core's
// numbers (core/analysis/diagnosis.h DiagnosisEvidence), so with the zh_CN catalogue installed it
// is Chinese, carries none of the English rule sentence's words, and shows the same numbers as
// the core's English sentence (the CLI's).
#include "core/analysis/diagnosis.h"
#include "tests/common/loss_curves.h"
#include "ui/explorer/diagnosis_panel.h"
#include "ui/language.h"
#include "ui/theme.h"

#include <QImage>
#include <QLabel>
#include <QRegularExpression>
#include <QtTest>

#include <cmath>
#include <functional>
#include <limits>

Q_DECLARE_METATYPE(lrlab::LossHistory)
Q_DECLARE_METATYPE(lrlab::EvidenceKind)

namespace {

using lrlab::test::lossCurve;

lrlab::LossHistory historyOf(std::vector<double> loss)
{
    lrlab::LossHistory h;
    h.loss = std::move(loss);
    return h;
}

bool containsHan(const QString& text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF)
            return true;
    return false;
}

/// The numbers written in text, in order (as strings, so that rounding is compared too).
QStringList numbersIn(const QString& text)
{
    static const QRegularExpression number(QStringLiteral("-?[0-9]+(\\.[0-9]+)?(e[-+][0-9]+)?"));
    QStringList out;
    for (auto it = number.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    return out;
}

/// The English words (two letters or more) of text.
QStringList wordsIn(const QString& text)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{2,}"));
    QStringList out;
    for (auto it = word.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    return out;
}

/// Every number the evidence of kind carries.
std::vector<double> factValues(const lrlab::DiagnosisEvidence& e)
{
    return {static_cast<double>(e.step),
            e.growth,
            e.validationMin,
            e.validationLast,
            e.reversalPercent,
            e.travelRatio,
            e.progressPercent,
            e.remainingFraction,
            static_cast<double>(e.window),
            e.neededSteps,
            e.targetPercent,
            static_cast<double>(e.runSteps)};
}

} // namespace

class TestDiagnosisPanel : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { lrlab::installLanguage(QStringLiteral("en")); }
    void chineseEvidence_data();
    void chineseEvidence();
    void englishEvidenceIsTheCoreSentence();
    void accuracyEvidenceInChinese();
    void evidenceIsReadableInEveryTheme_data();
    void evidenceIsReadableInEveryTheme();
};

void TestDiagnosisPanel::chineseEvidence_data()
{
    QTest::addColumn<lrlab::LossHistory>("history");
    QTest::addColumn<lrlab::EvidenceKind>("kind");
    using K = lrlab::EvidenceKind;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("diverged-non-finite")
        << historyOf(lossCurve(50, [nan](int i) { return i < 49 ? 1.0 + i : nan; }))
        << K::NonFinite;
    QTest::newRow("diverged-grew")
        << historyOf(lossCurve(100, [](int i) { return std::exp(0.03 * i); })) << K::GrewAboveStart;
    QTest::newRow("oscillating") << historyOf(lossCurve(200, [](int i) {
        return 1.0 + 0.5 * (i % 2) + 1e-3 * i;
    })) << K::Reversals;
    QTest::newRow("stagnating-flat")
        << historyOf(lossCurve(200, [](int i) { return 1.0 - 1e-4 * i / 200.0; }))
        << K::FellTooLittle;
    QTest::newRow("stagnating-too-slow")
        << historyOf(lossCurve(200, [](int i) { return 0.5 + 0.5 * std::exp(-0.05 * i); }))
        << K::TooSlow;
    QTest::newRow("stagnating-stopped")
        << historyOf(lossCurve(200, [](int i) { return 0.5 + 0.5 * std::exp(-0.5 * i); }))
        << K::StoppedFalling;
    QTest::newRow("converging-reached-floor")
        << historyOf(lossCurve(200, [](int i) { return std::exp(-0.05 * i); })) << K::ReachedFloor;
    QTest::newRow("converging-fast-enough")
        << historyOf(lossCurve(200, [](int i) { return std::exp(-0.02 * i); })) << K::FastEnough;
    lrlab::LossHistory unknownFloor =
        historyOf(lossCurve(200, [](int i) { return std::exp(-0.02 * i); }));
    unknownFloor.floorKnown = false;
    QTest::newRow("converging-floor-unknown") << unknownFloor << K::FloorUnknown;
    lrlab::LossHistory overfit =
        historyOf(lossCurve(500, [](int i) { return std::exp(-0.01 * i); }));
    overfit.noisy = true;
    overfit.validation = {1.0, 0.6, 0.45, 0.40, 0.45, 0.52, 0.60};
    overfit.validationTrain = {1.0, 0.5, 0.3, 0.2, 0.1, 0.05, 0.02};
    QTest::newRow("overfitting") << overfit << K::ValidationRose;
}

void TestDiagnosisPanel::chineseEvidence()
{
    QFETCH(lrlab::LossHistory, history);
    QFETCH(lrlab::EvidenceKind, kind);
    const lrlab::Diagnosis core = lrlab::diagnose(history);
    QVERIFY2(core.facts.kind == kind, core.evidence.c_str());

    QVERIFY(lrlab::installLanguage(QStringLiteral("zh_CN")));
    lrlab::DiagnosisPanel panel;
    panel.showHistory(history);
    const auto* label = panel.findChild<QLabel*>(QStringLiteral("diagnosisEvidence"));
    QVERIFY(label != nullptr);
    const QString chinese = label->text();
    QVERIFY2(containsHan(chinese), qPrintable(chinese));
    for (const QString& word : wordsIn(QString::fromStdString(core.evidence)))
        QVERIFY2(!chinese.contains(word, Qt::CaseInsensitive),
                 qPrintable(word + QStringLiteral(" in ") + chinese));

    // The same numbers as the core's English sentence, each one of the core's values rounded.
    QStringList english = numbersIn(QString::fromStdString(core.evidence));
    QStringList shown = numbersIn(chinese);
    QVERIFY2(!shown.isEmpty() || english.isEmpty(), qPrintable(chinese));
    english.sort();
    shown.sort();
    QCOMPARE(shown, english);
    const std::vector<double> values = factValues(core.facts);
    for (const QString& number : numbersIn(chinese)) {
        const double x = number.toDouble();
        const bool matches = std::any_of(values.begin(), values.end(), [x](double v) {
            return std::abs(x - v) <= std::max(0.051 * std::abs(v), 0.5e-2) ||
                   (std::abs(x - v) <= 0.5 && std::abs(v) >= 1.0);
        });
        QVERIFY2(matches, qPrintable(number + QStringLiteral(" in ") + chinese));
    }
}

void TestDiagnosisPanel::englishEvidenceIsTheCoreSentence()
{
    // Without a translator the panel writes exactly the core's (and the CLI's) sentence.
    const lrlab::LossHistory h =
        historyOf(lossCurve(200, [](int i) { return std::exp(-0.02 * i); }));
    lrlab::DiagnosisPanel panel;
    panel.showHistory(h);
    const auto* label = panel.findChild<QLabel*>(QStringLiteral("diagnosisEvidence"));
    QVERIFY(label != nullptr);
    QCOMPARE(label->text(), QString::fromStdString(lrlab::diagnose(h).evidence));
}

namespace {

/// WCAG relative luminance of c.
double luminance(const QColor& c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

void TestDiagnosisPanel::evidenceIsReadableInEveryTheme_data()
{
    QTest::addColumn<QString>("theme");
    QTest::newRow("light") << "light";
    QTest::newRow("dark") << "dark";
}

// The evidence line is drawn in a colour of the theme's palette with a contrast of at least
// 4.5 : 1 against the panel (WCAG AA for body text).
void TestDiagnosisPanel::evidenceIsReadableInEveryTheme()
{
    QFETCH(QString, theme);
    lrlab::DiagnosisPanel panel;
    panel.setPalette(lrlab::themePalette(lrlab::themeFromName(theme)));
    panel.showHistory(historyOf(lossCurve(200, [](int i) { return std::exp(-0.02 * i); })));
    auto* label = panel.findChild<QLabel*>(QStringLiteral("diagnosisEvidence"));
    QVERIFY(label != nullptr);
    // As drawn: the background is the image's corner; the text its pixel farthest from it.
    panel.resize(600, 200);
    panel.setAutoFillBackground(true); // as the dock it sits in: the theme's window colour
    const QImage image = panel.grab(label->geometry()).toImage();
    const QColor back = image.pixelColor(0, 0);
    QColor text = back;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(luminance(c) - luminance(back)) >
                std::abs(luminance(text) - luminance(back)))
                text = c;
        }
    QVERIFY(text != back);
    const double lighter = std::max(luminance(text), luminance(back));
    const double darker = std::min(luminance(text), luminance(back));
    const double contrast = (lighter + 0.05) / (darker + 0.05);
    QVERIFY2(
        contrast >= 4.5,
        qPrintable(QStringLiteral("%1 on %2: %3").arg(text.name(), back.name()).arg(contrast)));
}

void TestDiagnosisPanel::accuracyEvidenceInChinese()
{
    // Logged runs judged on validation accuracy (core/analysis/logged_run_diagnosis.h).
    lrlab::DiagnosisEvidence e;
    e.kind = lrlab::EvidenceKind::ValidationErrorRose;
    e.validationMin = 0.2;
    e.validationLast = 0.34;
    QVERIFY(lrlab::installLanguage(QStringLiteral("zh_CN")));
    const QString chinese = lrlab::DiagnosisPanel::evidence(e);
    QVERIFY2(containsHan(chinese), qPrintable(chinese));
    QVERIFY2(wordsIn(chinese).isEmpty(), qPrintable(chinese));
    QCOMPARE(numbersIn(chinese), numbersIn(QString::fromStdString(lrlab::evidenceText(e))));
}

QTEST_MAIN(TestDiagnosisPanel)
#include "tst_diagnosis_panel.moc"
