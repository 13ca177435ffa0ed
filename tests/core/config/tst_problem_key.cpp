// problemKey: equal for problems with the same loss, different when a setting that changes the
// loss differs, and the same text whatever the process's locale.
#include "core/config/problem_key.h"

#include <QtTest>

#include <functional>
#include <locale>

using lrlab::ProblemSpec;
using ProblemChange = std::function<void(ProblemSpec&)>;
Q_DECLARE_METATYPE(ProblemChange)

namespace {

/// A numpunct with a decimal comma and thousands grouping, as many locales have.
class CommaNumpunct : public std::numpunct<char>
{
protected:
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
};

} // namespace

class TestProblemKey : public QObject
{
    Q_OBJECT

private slots:
    void settingChangesKey_data();
    void settingChangesKey();
    void ignoresTrainingOnlySettings();
    void toyKeyIgnoresSeed();
    void independentOfGlobalLocale();
};

void TestProblemKey::settingChangesKey_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<ProblemChange>("change");
    const auto row = [](const char* name, const char* type, ProblemChange change) {
        QTest::newRow(name) << QString(type) << std::move(change);
    };
    row("toy-type", "rosenbrock", [](ProblemSpec& p) { p.type = "beale"; });
    row("toy-parameter", "rosenbrock", [](ProblemSpec& p) { p.parameters["b"] = 100.5; });
    row("toy-parameter-last-digit", "quadratic",
        [](ProblemSpec& p) { p.parameters["a"] = 1.0000000000000002; });
    row("model-dataset", "mlp", [](ProblemSpec& p) { p.dataset = "iris"; });
    row("model-feature", "linreg", [](ProblemSpec& p) { p.feature = "age"; });
    row("model-hidden", "mlp", [](ProblemSpec& p) { p.hidden = {32, 16}; });
    row("model-activation", "mlp", [](ProblemSpec& p) { p.activation = "tanh"; });
    row("model-val-fraction", "softmax", [](ProblemSpec& p) { p.valFraction = 0.25; });
}

void TestProblemKey::settingChangesKey()
{
    QFETCH(QString, type);
    QFETCH(ProblemChange, change);
    const ProblemSpec base = lrlab::defaultProblemSpec(type.toStdString());
    ProblemSpec changed = base;
    change(changed);
    QCOMPARE(lrlab::problemKey(base, 1), lrlab::problemKey(base, 1));
    QVERIFY(lrlab::problemKey(changed, 1) != lrlab::problemKey(base, 1));
}

void TestProblemKey::ignoresTrainingOnlySettings()
{
    // The batch size changes the run, not the loss function the landscape shows.
    ProblemSpec a = lrlab::defaultProblemSpec("mlp");
    ProblemSpec b = a;
    b.batchSize = 8;
    QCOMPARE(lrlab::problemKey(a, 3), lrlab::problemKey(b, 3));
    // The seed fixes the split, so it is part of a model's key.
    QVERIFY(lrlab::problemKey(a, 3) != lrlab::problemKey(a, 4));
}

void TestProblemKey::toyKeyIgnoresSeed()
{
    const ProblemSpec toy = lrlab::defaultProblemSpec("rosenbrock");
    QCOMPARE(lrlab::problemKey(toy, 1), lrlab::problemKey(toy, 2));
}

void TestProblemKey::independentOfGlobalLocale()
{
    ProblemSpec p = lrlab::defaultProblemSpec("quadratic");
    p.parameters["a"] = 12345.5;
    ProblemSpec m = lrlab::defaultProblemSpec("mlp");
    m.hidden = {1024};
    const std::string toyKey = lrlab::problemKey(p, 1);
    const std::string modelKey = lrlab::problemKey(m, 123456);
    QCOMPARE(toyKey, std::string("quadratic;a=12345.5"));
    QVERIFY(modelKey.find("hidden=1024,") != std::string::npos);
    QVERIFY(modelKey.find("val=0.20000000000000001") != std::string::npos);

    const std::locale previous =
        std::locale::global(std::locale(std::locale::classic(), new CommaNumpunct));
    const std::string toyKeyComma = lrlab::problemKey(p, 1);
    const std::string modelKeyComma = lrlab::problemKey(m, 123456);
    std::locale::global(previous);
    QCOMPARE(toyKeyComma, toyKey);
    QCOMPARE(modelKeyComma, modelKey);
}

QTEST_GUILESS_MAIN(TestProblemKey)
#include "tst_problem_key.moc"
