// The generated Python as text: for every optimizer × decay × warmup × target, the right classes
// and every hyper-parameter value written so that it reads back exactly; the same text in every
// locale. (check_code_pytorch.py runs the PyTorch code in torch.)
#include "core/codegen/code_target.h"
#include "core/codegen/hf_code.h"
#include "core/codegen/python_literal.h"
#include "tests/common/comma_locale.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <clocale>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using lrlab::CodeTarget;
using lrlab::Decay;
using lrlab::pythonFloat;
using lrlab::RunConfig;

Q_DECLARE_METATYPE(lrlab::ScheduleSpec)

namespace {

constexpr int kSteps = 200;

/// An optimizer with every hyper-parameter off its default.
lrlab::OptimizerSpec optimizerOf(const std::string& type)
{
    lrlab::OptimizerSpec o;
    o.type = type;
    o.momentum = type == "sgd" || type == "rmsprop" ? 0.37 : 0.0;
    o.nesterov = type == "sgd";
    o.alpha = 0.93;
    o.eps = 3e-7;
    o.beta1 = 0.81;
    o.beta2 = 0.997;
    o.weightDecay = 0.0023;
    o.blockSize = 256;
    return o;
}

/// A run of kSteps steps with decay's parameters off their defaults and warmup W.
RunConfig configOf(const std::string& optimizer, Decay decay, int warmup)
{
    RunConfig c;
    c.problem.type = "rosenbrock";
    c.optimizer = optimizerOf(optimizer);
    c.steps = c.schedule.totalSteps = kSteps;
    lrlab::ScheduleSpec& s = c.schedule;
    s.learningRate = 0.0042;
    s.warmupSteps = warmup;
    s.warmupStartFactor = warmup > 0 ? 0.15 : 0.0;
    s.decay = decay;
    s.minLr = 1.5e-5;
    s.gamma = 0.93;
    s.stepsPerEpoch = 3;
    s.stepSize = 11;
    s.t0 = 13;
    s.tMult = 2;
    s.power = 1.7;
    s.timescale = 77.5;
    s.pctStart = 0.35;
    s.divFactor = 20.5;
    s.finalDivFactor = 3000.5;
    s.decayFraction = 0.3;
    s.shape = lrlab::WsdShape::Sqrt;
    return c;
}

/// The Python constructor of optimizer `type` and its hyper-parameters as "name=value" texts
/// (values read back exactly: pythonFloat).
std::pair<QString, QStringList> expectedOptimizer(const lrlab::OptimizerSpec& o)
{
    const auto kw = [](const char* name, double v) {
        return QString::fromLatin1(name) + "=" + QString::fromStdString(pythonFloat(v));
    };
    const QString betas = "betas=(" + QString::fromStdString(pythonFloat(o.beta1)) + ", " +
                          QString::fromStdString(pythonFloat(o.beta2)) + ")";
    if (o.type == "sgd")
        return {"torch.optim.SGD(",
                {kw("momentum", o.momentum), kw("weight_decay", o.weightDecay), "nesterov=True",
                 "dampening=0.0"}};
    if (o.type == "rmsprop")
        return {"torch.optim.RMSprop(",
                {kw("alpha", o.alpha), kw("eps", o.eps), kw("momentum", o.momentum),
                 kw("weight_decay", o.weightDecay)}};
    if (o.type == "adagrad")
        return {"torch.optim.Adagrad(", {kw("eps", o.eps), kw("weight_decay", o.weightDecay)}};
    if (o.type == "lion")
        return {"Lion(", {betas, kw("weight_decay", o.weightDecay), "from lion_pytorch import"}};
    if (o.type == "adam8bit")
        return {"bnb.optim.Adam8bit(",
                {betas, kw("eps", o.eps), kw("weight_decay", o.weightDecay),
                 "import bitsandbytes as bnb"}};
    return {o.type == "adam" ? "torch.optim.Adam(" : "torch.optim.AdamW(",
            {betas, kw("eps", o.eps), kw("weight_decay", o.weightDecay)}};
}

/// Texts that carry the decay's parameters (resolved as learningRateAt resolves them).
QStringList expectedDecayValues(const lrlab::ScheduleSpec& s)
{
    const auto f = [](double v) { return QString::fromStdString(pythonFloat(v)); };
    const int total = s.totalSteps - s.warmupSteps;
    switch (s.decay) {
    case Decay::Constant:
        return {};
    case Decay::Cosine:
    case Decay::Linear:
        return {f(s.minLr)};
    case Decay::Polynomial:
        return {f(s.minLr), f(s.power)};
    case Decay::Exponential:
        return {f(*s.gamma), QString::number(s.stepsPerEpoch)};
    case Decay::Step:
        return {f(*s.gamma), QString::number(*s.stepSize)};
    case Decay::CosineRestarts:
        return {f(s.minLr), QString::number(*s.t0), QString::number(s.tMult)};
    case Decay::InverseSqrt:
        return {f(*s.timescale)};
    case Decay::OneCycle:
        return {f(s.divFactor), f(s.finalDivFactor)}; // pct_start: see optimizerAndSchedule
    case Decay::Wsd:
        return {f(s.minLr), QString::number(std::llround(s.decayFraction * total)), "math.sqrt(p)"};
    }
    return {};
}

/// text holds `token` not as part of a longer number or name.
bool containsToken(const QString& text, const QString& token)
{
    const QString pattern = "(?<![\\w.])" + QRegularExpression::escape(token) + "(?![\\w.(])";
    const bool wordish = token.front().isLetterOrNumber() && token.back().isLetterOrNumber();
    return wordish ? text.contains(QRegularExpression(pattern)) : text.contains(token);
}

} // namespace

class TestCodeTarget : public QObject
{
    Q_OBJECT

private slots:
    void optimizerAndSchedule_data();
    void optimizerAndSchedule();
    void schedulerChoice_data();
    void schedulerChoice();
    void huggingFaceFactor_data();
    void huggingFaceFactor();
    void pythonFloatRoundTrips_data();
    void pythonFloatRoundTrips();
    void sameTextInEveryLocale();
    void targetNames();
};

void TestCodeTarget::optimizerAndSchedule_data()
{
    QTest::addColumn<QString>("optimizer");
    QTest::addColumn<int>("decay");
    QTest::addColumn<int>("warmup");
    QTest::addColumn<int>("target");
    for (const std::string& optimizer : lrlab::optimizerNames())
        for (std::size_t d = 0; d < lrlab::decayNames().size(); ++d)
            for (int warmup : {0, 17}) {
                if (static_cast<Decay>(d) == Decay::OneCycle && warmup > 0)
                    continue; // onecycle has no warmup
                for (std::size_t t = 0; t < lrlab::codeTargetNames().size(); ++t)
                    QTest::addRow("%s/%s/W%d/%s", optimizer.c_str(), lrlab::decayNames()[d].c_str(),
                                  warmup, lrlab::codeTargetNames()[t].c_str())
                        << QString::fromStdString(optimizer) << int(d) << warmup << int(t);
            }
}

void TestCodeTarget::optimizerAndSchedule()
{
    QFETCH(QString, optimizer);
    QFETCH(int, decay);
    QFETCH(int, warmup);
    QFETCH(int, target);
    const RunConfig config = configOf(optimizer.toStdString(), static_cast<Decay>(decay), warmup);
    const CodeTarget codeTarget = static_cast<CodeTarget>(target);
    const QString code = QString::fromStdString(lrlab::generateCode(config, codeTarget));
    const auto [constructor, hyper] = expectedOptimizer(config.optimizer.resolved());
    const QString lr = QString::fromStdString(pythonFloat(config.schedule.learningRate));

    // HF's own arguments replace the optimizer and schedule only for AdamW with an HF schedule.
    const bool hfArguments = codeTarget == CodeTarget::HuggingFace && optimizer == "adamw" &&
                             lrlab::huggingFaceSchedule(config).has_value();
    if (hfArguments) {
        const lrlab::OptimizerSpec o = config.optimizer.resolved();
        for (const QString& kw :
             QStringList{"learning_rate=" + lr, "optim=\"adamw_torch\"",
                         "adam_beta1=" + QString::fromStdString(pythonFloat(o.beta1)),
                         "adam_beta2=" + QString::fromStdString(pythonFloat(o.beta2)),
                         "adam_epsilon=" + QString::fromStdString(pythonFloat(o.eps)),
                         "weight_decay=" + QString::fromStdString(pythonFloat(o.weightDecay)),
                         "warmup_steps=" + QString::number(warmup),
                         QString("max_steps=%1").arg(kSteps), QString("max_grad_norm=0.0")})
            QVERIFY2(code.contains(kw), qPrintable(kw + " missing in\n" + code));
        return;
    }
    QVERIFY2(code.contains("def make_optimizer(params):"), qPrintable(code));
    QVERIFY2(code.contains("BASE_LR = " + lr + "\n"), qPrintable(code));
    QVERIFY2(code.contains("optimizer = " + constructor + "params, lr=BASE_LR"), qPrintable(code));
    for (const QString& kw : hyper)
        QVERIFY2(code.contains(kw), qPrintable(kw + " missing in\n" + code));
    // Warmup is always LambdaLR over lr_at, which names W and the start factor.
    if (warmup > 0) {
        QVERIFY2(code.contains("LambdaLR(optimizer, lambda step: lr_at(step) / BASE_LR)"),
                 qPrintable(code));
        QVERIFY(code.contains(QString("if step < %1:").arg(warmup)));
        QVERIFY(
            code.contains(QString::fromStdString(pythonFloat(config.schedule.warmupStartFactor))));
    }
    for (const QString& value : expectedDecayValues(config.schedule))
        QVERIFY2(containsToken(code, value), qPrintable(value + " missing in\n" + code));
    if (config.schedule.decay == Decay::OneCycle) { // OneCycleLR's argument or lr_at's phase end
        const int total = config.schedule.totalSteps;
        QVERIFY(containsToken(code, "pct_start=" + QString::fromStdString(
                                                       pythonFloat(config.schedule.pctStart))) ||
                containsToken(
                    code, QString::fromStdString(pythonFloat(config.schedule.pctStart * total))));
    }
    if (codeTarget == CodeTarget::Lightning) {
        QVERIFY(code.contains("def configure_optimizers(self):"));
        QVERIFY(code.contains("\"interval\": \"step\""));
    }
    if (codeTarget == CodeTarget::HuggingFace)
        QVERIFY(code.contains("optimizers=make_optimizer(model.parameters())"));
}

void TestCodeTarget::schedulerChoice_data()
{
    QTest::addColumn<lrlab::ScheduleSpec>("schedule");
    QTest::addColumn<QString>("torchClass");
    QTest::addColumn<QString>("hfType"); // "" = no HF scheduler equals it

    // A kSteps-step schedule of decay from 0.01 to min_lr 0 after W steps from 0, changed by edit.
    const auto row = [](const char* name, Decay decay, int warmup, const char* torchClass,
                        const char* hfType,
                        const std::function<void(lrlab::ScheduleSpec&)>& edit = {}) {
        lrlab::ScheduleSpec s;
        s.decay = decay;
        s.warmupSteps = warmup;
        s.totalSteps = kSteps;
        if (edit)
            edit(s);
        QTest::newRow(name) << s << QString(torchClass) << QString(hfType);
    };
    const auto minLr = [](lrlab::ScheduleSpec& s) { s.minLr = 1e-4; };
    row("constant", Decay::Constant, 0, "ConstantLR", "constant");
    row("constant-warmup", Decay::Constant, 10, "LambdaLR", "constant_with_warmup");
    row("constant-warmup-from-0.1", Decay::Constant, 10, "LambdaLR", "",
        [](lrlab::ScheduleSpec& s) { s.warmupStartFactor = 0.1; });
    row("cosine", Decay::Cosine, 0, "CosineAnnealingLR", "cosine");
    row("cosine-min-lr", Decay::Cosine, 0, "CosineAnnealingLR", "cosine_with_min_lr", minLr);
    row("cosine-warmup", Decay::Cosine, 20, "LambdaLR", "cosine");
    row("cosine-ends-before-run", Decay::Cosine, 0, "LambdaLR", "",
        [](lrlab::ScheduleSpec& s) { s.totalSteps = kSteps - 50; });
    row("cosine-ends-after-run", Decay::Cosine, 0, "CosineAnnealingLR", "",
        [](lrlab::ScheduleSpec& s) { s.totalSteps = kSteps + 50; });
    row("linear", Decay::Linear, 0, "LinearLR", "linear");
    row("linear-min-lr", Decay::Linear, 0, "LambdaLR", "polynomial", minLr);
    row("polynomial", Decay::Polynomial, 0, "PolynomialLR", "polynomial");
    row("polynomial-min-lr-warmup", Decay::Polynomial, 10, "LambdaLR", "polynomial", minLr);
    row("exponential", Decay::Exponential, 0, "ExponentialLR", "");
    row("exponential-epochs", Decay::Exponential, 0, "StepLR", "",
        [](lrlab::ScheduleSpec& s) { s.stepsPerEpoch = 4; });
    row("step", Decay::Step, 0, "StepLR", "");
    row("cosine-restarts", Decay::CosineRestarts, 0, "CosineAnnealingWarmRestarts",
        "cosine_with_restarts");
    row("cosine-restarts-min-lr", Decay::CosineRestarts, 0, "CosineAnnealingWarmRestarts", "",
        minLr);
    row("cosine-restarts-uneven", Decay::CosineRestarts, 0, "CosineAnnealingWarmRestarts", "",
        [](lrlab::ScheduleSpec& s) { s.t0 = 30; });
    row("cosine-restarts-mult", Decay::CosineRestarts, 0, "LambdaLR", "",
        [](lrlab::ScheduleSpec& s) { s.tMult = 2; });
    row("inverse-sqrt", Decay::InverseSqrt, 0, "LambdaLR", "inverse_sqrt");
    row("inverse-sqrt-timescale", Decay::InverseSqrt, 0, "LambdaLR", "",
        [](lrlab::ScheduleSpec& s) { s.timescale = 50.0; });
    row("onecycle", Decay::OneCycle, 0, "OneCycleLR", "");
    row("onecycle-empty-rise", Decay::OneCycle, 0, "LambdaLR", "",
        [](lrlab::ScheduleSpec& s) { s.pctStart = 1.0 / kSteps; });
    row("wsd-cosine", Decay::Wsd, 10, "LambdaLR", "warmup_stable_decay",
        [](lrlab::ScheduleSpec& s) { s.shape = lrlab::WsdShape::Cosine; });
    row("wsd-linear", Decay::Wsd, 0, "LambdaLR", "");
}

void TestCodeTarget::schedulerChoice()
{
    QFETCH(lrlab::ScheduleSpec, schedule);
    QFETCH(QString, torchClass);
    QFETCH(QString, hfType);
    RunConfig config;
    config.optimizer.type = "adamw";
    config.steps = kSteps;
    config.schedule = schedule;
    const QString torch = QString::fromStdString(lrlab::generateCode(config, CodeTarget::PyTorch));
    QVERIFY2(torch.contains("scheduler = torch.optim.lr_scheduler." + torchClass + "(optimizer"),
             qPrintable(torch));
    QCOMPARE(torch.contains("def lr_at(step):"), torchClass == "LambdaLR");

    const std::optional<lrlab::HfSchedule> hf = lrlab::huggingFaceSchedule(config);
    QCOMPARE(hf ? QString::fromStdString(hf->type) : QString(), hfType);
    const QString hfCode =
        QString::fromStdString(lrlab::generateCode(config, CodeTarget::HuggingFace));
    if (hfType.isEmpty()) {
        QVERIFY(!hfCode.contains("lr_scheduler_type"));
        QVERIFY2(hfCode.contains("LambdaLR(optimizer, lambda step: lr_at(step) / BASE_LR)"),
                 qPrintable(hfCode));
        return;
    }
    QVERIFY2(hfCode.contains("lr_scheduler_type=\"" + hfType + "\""), qPrintable(hfCode));
    // HF's lambda gives lrlab's rate at every step (what huggingFaceSchedule promises).
    for (int step = 0; step < kSteps; ++step) {
        const double ours = lrlab::learningRateAt(schedule, step);
        const double theirs =
            schedule.learningRate * lrlab::huggingFaceFactor(*hf, schedule.warmupSteps, kSteps,
                                                             schedule.learningRate, step);
        QVERIFY2(std::fabs(ours - theirs) <= 1e-12 * std::fabs(ours),
                 qPrintable(QString("step %1: %2 vs %3").arg(step).arg(ours).arg(theirs)));
    }
    for (const auto& [name, value] : hf->kwargs)
        QVERIFY2(hfCode.contains("\"" + QString::fromStdString(name) + "\": "), qPrintable(hfCode));
}

void TestCodeTarget::huggingFaceFactor_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("step");
    QTest::addColumn<double>("factor");
    // transformers' own values: W = 10, 110 training steps (progress = (step − 10) / 100).
    QTest::newRow("warmup-half") << "linear" << 5 << 0.5;
    QTest::newRow("linear-quarter") << "linear" << 35 << 0.75;
    QTest::newRow("linear-past-end") << "linear" << 120 << 0.0;
    QTest::newRow("cosine-half") << "cosine" << 60 << 0.5;
    QTest::newRow("cosine-past-end-rises") << "cosine" << 160 << 0.5;
    QTest::newRow("constant-with-warmup") << "constant_with_warmup" << 3 << 0.3;
    QTest::newRow("inverse-sqrt-4w") << "inverse_sqrt" << 40 << 0.5;
}

void TestCodeTarget::huggingFaceFactor()
{
    QFETCH(QString, type);
    QFETCH(int, step);
    QFETCH(double, factor);
    const lrlab::HfSchedule schedule{type.toStdString(), {}};
    QVERIFY(std::fabs(lrlab::huggingFaceFactor(schedule, 10, 110, 0.1, step) - factor) < 1e-15);
}

void TestCodeTarget::pythonFloatRoundTrips_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("shortest"); // "" = only check the round trip
    QTest::newRow("0.003") << 0.003 << "0.003";
    QTest::newRow("whole") << 2.0 << "2.0";
    QTest::newRow("tiny") << 1e-8 << "1e-08";
    QTest::newRow("third") << 1.0 / 3.0 << "0.3333333333333333";
    QTest::newRow("0.1+0.2") << 0.1 + 0.2 << "0.30000000000000004";
    QTest::newRow("denormal") << std::numeric_limits<double>::denorm_min() << "";
    QTest::newRow("max") << std::numeric_limits<double>::max() << "";
    QTest::newRow("negative") << -0.0023 << "-0.0023";
    QTest::newRow("large") << 1e22 << "1e+22";
    // Python's repr: positional for decimal exponents -4..15.
    QTest::newRow("1e-4") << 0.0003 << "0.0003";
    QTest::newRow("1e-5") << 3e-5 << "3e-05";
    QTest::newRow("1e15") << 1e15 << "1000000000000000.0";
    QTest::newRow("1e16") << 1e16 << "1e+16";
}

void TestCodeTarget::pythonFloatRoundTrips()
{
    QFETCH(double, value);
    QFETCH(QString, shortest);
    const std::string text = pythonFloat(value);
    QCOMPARE(std::strtod(text.c_str(), nullptr), value);
    QVERIFY(text.find_first_of(".e") != std::string::npos); // a float to Python
    if (!shortest.isEmpty())
        QCOMPARE(QString::fromStdString(text), shortest);
}

void TestCodeTarget::sameTextInEveryLocale()
{
    QTemporaryDir dir;
    const lrlab::test::CommaLocale comma = lrlab::test::findCommaLocale(dir.filePath("locales"));
    std::vector<std::string> before;
    for (int t = 0; t < 3; ++t)
        before.push_back(
            lrlab::generateCode(configOf("adam", Decay::Cosine, 17), static_cast<CodeTarget>(t)));
    lrlab::test::useCommaLocale(comma);
    for (int t = 0; t < 3; ++t)
        QCOMPARE(
            lrlab::generateCode(configOf("adam", Decay::Cosine, 17), static_cast<CodeTarget>(t)),
            before[t]);
    std::setlocale(LC_ALL, "C");
    QVERIFY(before[0].find("0.0042") != std::string::npos);
}

void TestCodeTarget::targetNames()
{
    for (const std::string& name : lrlab::codeTargetNames())
        QCOMPARE(lrlab::codeTargetName(lrlab::codeTargetFromName(name)), name);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::codeTargetFromName("keras"));
}

QTEST_GUILESS_MAIN(TestCodeTarget)
#include "tst_code_target.moc"
