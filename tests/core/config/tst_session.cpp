// Session files: a lossless round trip, and every broken, truncated, newer
// or unknown-keyed file refused with a message naming the key path, loading nothing half-way.
#include "core/config/session.h"
#include "tests/common/files.h"
#include "tests/common/nearly_equal.h"
#include "tests/common/throws.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using lrlab::test::nearlyEqual;
using lrlab::test::readFile;
using lrlab::test::thrownMessage;

namespace {

/// A session using most of the format: a toy current run, a model and a toy pin, view state,
/// a non-ASCII label and a language.
lrlab::Session sampleSession()
{
    lrlab::Session s;
    s.current = lrlab::parseRunConfig(R"({
        "problem": {"type": "quadratic", "a": 2, "b": 20, "angle_deg": 30, "noise": 0.1},
        "init": [-1.5, 2.0],
        "optimizer": {"type": "adam", "beta1": 0.8, "beta2": 0.99, "eps": 1e-6},
        "schedule": {"lr": 0.05, "warmup_steps": 10, "warmup_start_factor": 0.1,
                     "decay": "cosine", "min_lr": 0.001},
        "steps": 300, "seed": 42})",
                                      "current")
                    .config;
    lrlab::PinnedConfig model;
    model.config = lrlab::parseRunConfig(R"({
        "problem": {"type": "mlp", "dataset": "digits", "hidden": [16, 8], "activation": "tanh",
                    "batch_size": 64, "val_fraction": 0.25},
        "optimizer": {"type": "sgd", "momentum": 0.9, "nesterov": true},
        "schedule": {"lr": 0.1, "decay": "step", "gamma": 0.5, "step_size": 100},
        "steps": 400, "seed": 7, "eval_every": 20})",
                                         "model")
                       .config;
    model.label = "MLP 学习率 0.1";
    lrlab::PinnedConfig toy;
    toy.config = s.current;
    toy.config.schedule.learningRate = 0.005;
    toy.label = "lr 0.005";
    s.pinned = {model, toy};
    s.view = QJsonObject{{"tab", "landscape"},
                         {"cursor_step", 120},
                         {"speed", 2.5},
                         {"plane", "pca"},
                         {"playing", false},
                         {"step_range", QJsonArray{10, 200}},
                         {"zoom", QJsonObject{{"x", QJsonArray{-2, 2}}}}};
    s.language = "zh_CN";
    lrlab::SessionLogRun logged;
    logged.path = "/logs/lightning_logs/version_0/metrics.csv";
    logged.importRoot = "/logs/lightning_logs";
    logged.tags = {{"loss", "train_loss_step"}, {"lr", ""}};
    logged.shown = false;
    logged.following = true;
    lrlab::SessionLogRun plain;
    plain.path = "/logs/运行/tb";
    s.importedRuns = {logged, plain};
    return s;
}

QByteArray sampleBytes()
{
    return QJsonDocument(lrlab::sessionToJson(sampleSession())).toJson(QJsonDocument::Indented);
}

/// The ConfigError message of parsing json, or "" when it parsed.
QString errorOf(const QByteArray& json)
{
    return thrownMessage<lrlab::ConfigError>([&] { lrlab::parseSession(json, "s.json"); });
}

QByteArray withValue(const char* key, const QJsonValue& value)
{
    QJsonObject o = lrlab::sessionToJson(sampleSession());
    o[QString::fromLatin1(key)] = value;
    return QJsonDocument(o).toJson();
}

} // namespace

class TestSession : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIsLossless();
    void fileRoundTripAndValues();
    void defaultsForOptionalKeys();
    void truncated_data();
    void truncated();
    void flippedBytes_data();
    void flippedBytes();
    void badParts_data();
    void badParts();
    void newerVersionRefused();
    void failedLoadLeavesStateUntouched();
    void saveRefusesTooManyPins();
    void missingFile();
};

void TestSession::roundTripIsLossless()
{
    const QJsonObject first = lrlab::sessionToJson(sampleSession());
    const lrlab::Session parsed = lrlab::sessionFromJson(first, "mem");
    QCOMPARE(lrlab::sessionToJson(parsed), first);
    // The view object is the GUI's and comes back unchanged, unknown keys included.
    QCOMPARE(parsed.view, sampleSession().view);
}

void TestSession::fileRoundTripAndValues()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("s.lrlab.json").toStdString();
    lrlab::saveSession(sampleSession(), path);
    const lrlab::Session s = lrlab::loadSession(path);
    QCOMPARE(lrlab::sessionToJson(s), lrlab::sessionToJson(sampleSession()));
    // The values themselves, not just the JSON: what was set above.
    QCOMPARE(s.version, 1);
    QCOMPARE(s.current.problem.type, std::string("quadratic"));
    QVERIFY(nearlyEqual(s.current.schedule.learningRate, 0.05));
    QCOMPARE(s.current.steps, 300);
    QCOMPARE(s.current.seed, std::uint64_t(42));
    QCOMPARE(s.pinned.size(), std::size_t(2));
    QCOMPARE(s.pinned[0].label, std::string("MLP 学习率 0.1"));
    QCOMPARE(s.pinned[0].config.problem.hidden, (std::vector<int>{16, 8}));
    QCOMPARE(s.pinned[0].config.problem.batchSize, 64);
    QCOMPARE(s.pinned[0].config.evalEvery, 20);
    QVERIFY(s.pinned[0].config.optimizer.nesterov);
    QVERIFY(nearlyEqual(s.pinned[1].config.schedule.learningRate, 0.005));
    QCOMPARE(s.view.value("cursor_step").toInt(), 120);
    QCOMPARE(s.language, std::string("zh_CN"));
    QCOMPARE(s.importedRuns.size(), std::size_t(2));
    QCOMPARE(s.importedRuns[0].importRoot, std::string("/logs/lightning_logs"));
    QCOMPARE(s.importedRuns[0].tags.at("loss"), std::string("train_loss_step"));
    QCOMPARE(s.importedRuns[0].tags.at("lr"), std::string()); // none, not "matched by name"
    QVERIFY(!s.importedRuns[0].shown && s.importedRuns[0].following);
    QCOMPARE(s.importedRuns[1].path, std::string("/logs/运行/tb"));
    QVERIFY(s.importedRuns[1].tags.empty());
    QVERIFY(s.importedRuns[1].shown && !s.importedRuns[1].following);
}

void TestSession::defaultsForOptionalKeys()
{
    const lrlab::Session s = lrlab::parseSession(R"({"version": 1, "current": {}})", "min.json");
    QVERIFY(s.pinned.empty());
    QVERIFY(s.view.isEmpty());
    QVERIFY(s.language.empty());
    QVERIFY(s.importedRuns.empty());
    // A session without imported runs is written as before (no key).
    QVERIFY(!lrlab::sessionToJson(s).contains("imported_runs"));
    QCOMPARE(s.current.problem.type, std::string("rosenbrock")); // docs/semantics.md §2 defaults
    QCOMPARE(s.current.steps, 1000);
}

void TestSession::truncated_data()
{
    QTest::addColumn<double>("fraction");
    QTest::newRow("empty") << 0.0;
    QTest::newRow("first-byte") << 1e-9;
    QTest::newRow("tenth") << 0.1;
    QTest::newRow("third") << 0.33;
    QTest::newRow("half") << 0.5;
    QTest::newRow("nine-tenths") << 0.9;
    QTest::newRow("all-but-closing-brace") << 1.0;
}

void TestSession::truncated()
{
    QFETCH(double, fraction);
    const QByteArray full = sampleBytes();
    const int closing = static_cast<int>(full.lastIndexOf('}'));
    // Cut strictly before the final '}', so the object is never complete.
    const int cut = std::min(closing, static_cast<int>(std::ceil(fraction * closing)));
    const QString message = errorOf(full.left(cut));
    QVERIFY2(!message.isEmpty(), "a truncated session must be refused");
    QVERIFY2(message.startsWith("s.json: "), qPrintable(message));
    if (cut > 0)
        QVERIFY2(message.contains("line ") && message.contains("truncated"), qPrintable(message));
    else
        QVERIFY2(message.contains("empty"), qPrintable(message));
}

void TestSession::flippedBytes_data()
{
    QTest::addColumn<QByteArray>("find"); // first occurrence is changed
    QTest::addColumn<QByteArray>("replace");
    QTest::addColumn<QString>("expected"); // in the message
    QTest::newRow("opening-brace") << QByteArray("{") << QByteArray("[") << "line 2, column";
    QTest::newRow("colon") << QByteArray("\"current\":") << QByteArray("\"current\";") << "line ";
    QTest::newRow("quote-to-invalid-utf8")
        << QByteArray("\"language\"") << QByteArray("\"langu\xff\xfe\"") << "line ";
    QTest::newRow("top-key-letter") << QByteArray("\"language\"") << QByteArray("\"languagf\"")
                                    << "session.languagf: unknown key";
    QTest::newRow("config-key-letter")
        << QByteArray("\"warmup_steps\"") << QByteArray("\"warmup_stepr\"")
        << "session.current.schedule.warmup_stepr: unknown key";
    QTest::newRow("decay-name") << QByteArray("\"cosine\"") << QByteArray("\"cosinf\"")
                                << "session.current.schedule.decay";
    QTest::newRow("pinned-label-key") << QByteArray("\"label\"") << QByteArray("\"lab3l\"")
                                      << "session.pinned[0].lab3l: unknown key";
    QTest::newRow("version-digit")
        << QByteArray("\"version\": 1") << QByteArray("\"version\": 0") << "session.version";
}

void TestSession::flippedBytes()
{
    QFETCH(QByteArray, find);
    QFETCH(QByteArray, replace);
    QFETCH(QString, expected);
    QByteArray bytes = sampleBytes();
    const qsizetype at = bytes.indexOf(find);
    QVERIFY2(at >= 0, find.constData());
    bytes.replace(at, find.size(), replace);
    const QString message = errorOf(bytes);
    QVERIFY2(!message.isEmpty(), "a damaged session must be refused");
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestSession::badParts_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QJsonObject noCurrent = lrlab::sessionToJson(sampleSession());
    noCurrent.remove("current");
    QTest::newRow("missing-current")
        << QJsonDocument(noCurrent).toJson() << "session.current: missing";
    QJsonObject noVersion = lrlab::sessionToJson(sampleSession());
    noVersion.remove("version");
    QTest::newRow("missing-version")
        << QJsonDocument(noVersion).toJson() << "session.version: missing";
    QTest::newRow("unknown-top-key")
        << withValue("traces", QJsonArray{1, 2}) << "session.traces: unknown key";
    QTest::newRow("version-not-integer") << withValue("version", 1.5) << "session.version";
    QTest::newRow("version-string") << withValue("version", "1") << "session.version";
    QTest::newRow("current-not-object") << withValue("current", 3) << "session.current";
    QTest::newRow("bad-lr") << withValue("current",
                                         QJsonObject{{"schedule", QJsonObject{{"lr", -1}}}})
                            << "session.current.schedule.lr";
    QTest::newRow("unknown-optimizer-key")
        << withValue("current",
                     QJsonObject{{"optimizer", QJsonObject{{"type", "sgd"}, {"momentun", 0.9}}}})
        << "session.current.optimizer.momentun";
    QJsonArray nine;
    for (int i = 0; i < 9; ++i)
        nine.append(QJsonObject{{"label", QString::number(i)}, {"config", QJsonObject()}});
    QTest::newRow("nine-pins") << withValue("pinned", nine) << "session.pinned: at most 8";
    QTest::newRow("pin-not-object")
        << withValue("pinned", QJsonArray{QJsonObject(), 4}) << "session.pinned[0].config: missing";
    QTest::newRow("pin-unknown-key")
        << withValue("pinned",
                     QJsonArray{QJsonObject{{"config", QJsonObject()}, {"colour", "red"}}})
        << "session.pinned[0].colour: unknown key";
    QTest::newRow("pin-bad-config")
        << withValue("pinned", QJsonArray{QJsonObject{{"config", QJsonObject()}},
                                          QJsonObject{{"config", QJsonObject{{"steps", 0}}}}})
        << "session.pinned[1].config.steps";
    QTest::newRow("pin-label-number")
        << withValue("pinned", QJsonArray{QJsonObject{{"config", QJsonObject()}, {"label", 3}}})
        << "session.pinned[0].label";
    QTest::newRow("view-not-object") << withValue("view", "landscape") << "session.view";
    QTest::newRow("view-negative-cursor")
        << withValue("view", QJsonObject{{"cursor_step", -1}}) << "session.view.cursor_step";
    QTest::newRow("view-bad-plane")
        << withValue("view", QJsonObject{{"plane", "diagonal"}}) << "session.view.plane";
    QTest::newRow("view-zero-speed")
        << withValue("view", QJsonObject{{"speed", 0}}) << "session.view.speed";
    QTest::newRow("view-backwards-range")
        << withValue("view", QJsonObject{{"step_range", QJsonArray{50, 10}}})
        << "session.view.step_range[1]";
    QTest::newRow("runs-not-array")
        << withValue("imported_runs", QJsonObject()) << "session.imported_runs: expected an array";
    QTest::newRow("run-without-path")
        << withValue("imported_runs", QJsonArray{QJsonObject{{"shown", true}}})
        << "session.imported_runs[0].path: missing";
    QTest::newRow("run-empty-path")
        << withValue("imported_runs", QJsonArray{QJsonObject{{"path", ""}}})
        << "session.imported_runs[0].path: is empty";
    QTest::newRow("run-unknown-role")
        << withValue("imported_runs",
                     QJsonArray{QJsonObject{{"path", "/a"}},
                                QJsonObject{{"path", "/b"}, {"tags", QJsonObject{{"acc", "x"}}}}})
        << "session.imported_runs[1].tags.acc: unknown key";
    QTest::newRow("run-tag-number")
        << withValue("imported_runs",
                     QJsonArray{QJsonObject{{"path", "/a"}, {"tags", QJsonObject{{"lr", 3}}}}})
        << "session.imported_runs[0].tags.lr: expected a string";
    QTest::newRow("run-following-string")
        << withValue("imported_runs", QJsonArray{QJsonObject{{"path", "/a"}, {"following", "yes"}}})
        << "session.imported_runs[0].following: expected a boolean";
    QTest::newRow("bad-language") << withValue("language", "Chinese") << "session.language";
    QTest::newRow("top-level-array") << QByteArray("[1, 2]") << "expected a JSON object";
}

void TestSession::badParts()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const QString message = errorOf(json);
    QVERIFY2(!message.isEmpty(), "must be refused");
    QVERIFY2(message.startsWith("s.json: "), qPrintable(message));
    QVERIFY2(message.contains(expected), qPrintable(message));
}

void TestSession::newerVersionRefused()
{
    // A newer file may carry keys this version does not know: the version is what is reported.
    QJsonObject o = lrlab::sessionToJson(sampleSession());
    o["version"] = 3;
    o["annotations"] = QJsonArray{"from the future"};
    const QString message = errorOf(QJsonDocument(o).toJson());
    QCOMPARE(message, QString("s.json: session.version: file from a newer lrlab (version 3; this "
                              "lrlab reads up to 1)"));
}

void TestSession::failedLoadLeavesStateUntouched()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("broken.json");
    // Valid up to the second pin: a half-way loader would have taken the current run already.
    QJsonObject o = lrlab::sessionToJson(sampleSession());
    QJsonArray pins = o["pinned"].toArray();
    pins.append(QJsonObject{{"config", QJsonObject{{"problem", QJsonObject{{"type", "nope"}}}}}});
    o["pinned"] = pins;
    QJsonObject current = o["current"].toObject();
    current["steps"] = 77;
    o["current"] = current;
    QVERIFY(!lrlab::test::writeFile(dir, "broken.json", QJsonDocument(o).toJson()).isEmpty());

    lrlab::Session state; // the application's current state: defaults
    const QJsonObject before = lrlab::sessionToJson(state);
    const QString message =
        thrownMessage<lrlab::ConfigError>([&] { state = lrlab::loadSession(path.toStdString()); });
    QVERIFY2(message.contains("session.pinned[2].config.problem.type"), qPrintable(message));
    QCOMPARE(lrlab::sessionToJson(state), before);
    QCOMPARE(state.current.steps, 1000);
}

void TestSession::saveRefusesTooManyPins()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("s.json").toStdString();
    lrlab::saveSession(sampleSession(), path);
    const QByteArray good = readFile(QString::fromStdString(path));
    lrlab::Session tooMany = sampleSession();
    tooMany.pinned.resize(9);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lrlab::saveSession(tooMany, path));
    // The old file is untouched.
    QVERIFY(!good.isEmpty());
    QCOMPARE(readFile(QString::fromStdString(path)), good);
}

void TestSession::missingFile()
{
    const QString message =
        thrownMessage<lrlab::ConfigError>([] { lrlab::loadSession("/nonexistent/dir/s.json"); });
    QVERIFY2(message.startsWith("/nonexistent/dir/s.json: cannot read"), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
