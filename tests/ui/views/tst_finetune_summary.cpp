// Tests of the fine-tuning summary text on constructed results: the closing sentence names as
// "what to compare" only the quoted claims the results show, and says which ones they do not.
#include "ui/views/finetune_summary.h"

#include <QTest>

namespace {

using lrlab::FineTuneMethod;

/// One finished run with the accuracies that decide the best rate and the forgetting.
lrlab::FineTuneResult run(FineTuneMethod method, double lr, double targetAccuracy,
                          double sourceAccuracy)
{
    lrlab::FineTuneResult r;
    r.method = method;
    r.trainSize = 100;
    r.learningRate = lr;
    r.targetValidationAccuracy = targetAccuracy;
    r.sourceValidationAccuracy = sourceAccuracy;
    r.steps = 200;
    return r;
}

/// The last paragraph of the summary: the closing sentence.
QString closingParagraph(const QString& html)
{
    const auto start = html.lastIndexOf(QStringLiteral("<p>"));
    return html.mid(start);
}

} // namespace

class TestFineTuneSummary : public QObject
{
    Q_OBJECT

private slots:
    void closingFollowsMeasurement_data();
    void closingFollowsMeasurement();
};

void TestFineTuneSummary::closingFollowsMeasurement_data()
{
    QTest::addColumn<double>("fullBestLr");
    QTest::addColumn<double>("loraBestLr");
    QTest::addColumn<double>("sourceAtLargeLr"); ///< full fine-tuning's source accuracy at 1e-2
    QTest::addColumn<bool>("shown");
    // LoRA's best 1e-2 above full's 1e-3, and the source task drops from 90 % to 40 %.
    QTest::newRow("claims shown") << 1e-3 << 1e-2 << 0.4 << true;
    // LoRA's best 1e-3 below full's 1e-2, and the source task keeps 88 %.
    QTest::newRow("claims not shown") << 1e-2 << 1e-3 << 0.88 << false;
}

void TestFineTuneSummary::closingFollowsMeasurement()
{
    QFETCH(double, fullBestLr);
    QFETCH(double, loraBestLr);
    QFETCH(double, sourceAtLargeLr);
    QFETCH(bool, shown);
    // Target accuracy 0.9 at the best rate, 0.5 at the other one.
    const std::vector<lrlab::FineTuneResult> results{
        run(FineTuneMethod::Full, 1e-3, fullBestLr == 1e-3 ? 0.9 : 0.5, 0.9),
        run(FineTuneMethod::Full, 1e-2, fullBestLr == 1e-2 ? 0.9 : 0.5, sourceAtLargeLr),
        run(FineTuneMethod::Lora, 1e-3, loraBestLr == 1e-3 ? 0.9 : 0.5, 0.9),
        run(FineTuneMethod::Lora, 1e-2, loraBestLr == 1e-2 ? 0.9 : 0.5, 0.9),
    };
    lrlab::FineTuneSummaryInput input;
    input.results = &results;
    input.best = lrlab::bestRates(results);
    input.shownSize = 100;
    input.sizes = {100};
    input.pretrainedSourceAccuracy = 0.9;
    input.pretrainedTargetAccuracy = 0.2;
    input.shift = QStringLiteral("mirror");
    input.optimizer = QStringLiteral("adamw");
    input.steps = 200;
    const QString html = lrlab::fineTuneSummaryHtml(input);
    QCOMPARE(html.contains(QStringLiteral("<b>not reproduced</b>")), !shown);
    const QString closing = closingParagraph(html);
    const QString lora = QStringLiteral("LoRA above full fine-tuning");
    const QString forgetting = QStringLiteral("source accuracy lost at large LRs");
    QVERIFY2(closing.contains(lora) && closing.contains(forgetting), qPrintable(closing));
    // Shown claims follow "what to compare"; claims not shown follow "does not show".
    const auto compareAt = closing.indexOf(QStringLiteral("What to compare"));
    const auto notShownAt = closing.indexOf(QStringLiteral("does not show"));
    QCOMPARE(compareAt >= 0, shown);
    QCOMPARE(notShownAt >= 0, !shown);
    const auto claimsAt = shown ? compareAt : notShownAt;
    QVERIFY(closing.indexOf(lora) > claimsAt && closing.indexOf(forgetting) > claimsAt);
    // One training size: the dataset-size claim was not measured, so it is not named at all.
    QVERIFY(!closing.contains(QStringLiteral("smaller data")));
}

QTEST_GUILESS_MAIN(TestFineTuneSummary)
#include "tst_finetune_summary.moc"
