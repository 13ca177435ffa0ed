// Model traces stay bit-identical when the code that computes them is made faster: each case's
// trace (every row's LR and loss, the evaluations, the snapshots, the final parameters and the
// status) is hashed with SHA-256 and compared with the digest stored in
// tests/data/traces/digests.json, written by the code before a change. Every case runs on every
// kernel target the CPU supports, which must all give the stored digest, the best one with the
// evaluations on their own thread (ModelRunOptions::parallelEvaluations, as the explorer runs).
//
// To store new digests (only when a change of results is intended and documented):
//   LRLAB_WRITE_TRACE_DIGESTS=tests/data/traces/digests.json build/tests/tst_trace_digests
#include "core/engine/model_run.h"
#include "core/models/kernels.h"
#include "tests/common/run_configs.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <vector>

Q_DECLARE_METATYPE(lrlab::RunConfig)

namespace {

QString digestsPath()
{
    return QStringLiteral(LRLAB_SOURCE_DIR "/tests/data/traces/digests.json");
}

template <typename T> void addValues(QCryptographicHash& hash, const std::vector<T>& values)
{
    const qint64 count = static_cast<qint64>(values.size());
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(&count), sizeof count));
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(values.data()),
                                static_cast<qsizetype>(values.size() * sizeof(T))));
}

/// SHA-256 of everything a model run records, in a fixed order.
QString traceDigest(const lrlab::ModelTrace& t)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addValues(hash, t.learningRate);
    addValues(hash, t.loss);
    addValues(hash, t.evalRows);
    addValues(hash, t.trainLoss);
    addValues(hash, t.validationLoss);
    addValues(hash, t.validationAccuracy);
    addValues(hash, t.snapshotRows);
    addValues(hash, t.snapshots);
    addValues(hash, t.final);
    const std::vector<int> status = {static_cast<int>(t.status), t.divergedAt, t.rows()};
    addValues(hash, status);
    return QString::fromLatin1(hash.result().toHex());
}

lrlab::RunConfig digits(const std::vector<int>& hidden, const char* activation,
                        const char* optimizer, double lr)
{
    lrlab::RunConfig c = lrlab::test::runConfig("mlp", lr, 300, optimizer);
    c.problem.dataset = "digits";
    c.problem.hidden = hidden;
    c.problem.activation = activation;
    c.evalEvery = 25;
    return c;
}

} // namespace

class TestTraceDigests : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameTraceAsBefore_data();
    void sameTraceAsBefore();
    void cleanupTestCase();

private:
    QJsonObject expected_;
    QJsonObject written_;
};

void TestTraceDigests::initTestCase()
{
    if (qEnvironmentVariableIsSet("LRLAB_WRITE_TRACE_DIGESTS"))
        return;
    QFile file(digestsPath());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(digestsPath()));
    expected_ = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!expected_.isEmpty());
}

void TestTraceDigests::sameTraceAsBefore_data()
{
    QTest::addColumn<lrlab::RunConfig>("config");
    // The explorer's digits MLP (64-32 relu) under every optimizer.
    for (const char* optimizer :
         {"sgd", "rmsprop", "adagrad", "adam", "adamw", "lion", "adam8bit"}) {
        const double lr = optimizer == std::string("sgd") ? 0.02 : 1e-3;
        QTest::addRow("digits-64-32-relu/%s", optimizer) << digits({64, 32}, "relu", optimizer, lr);
    }
    // Every SGD variant: each is its own element loop.
    lrlab::RunConfig c = digits({32}, "tanh", "sgd", 0.05);
    c.optimizer.momentum = 0.9;
    QTest::newRow("digits-32-tanh/sgd-momentum") << c;
    c.optimizer.nesterov = true;
    QTest::newRow("digits-32-tanh/sgd-nesterov") << c;
    c.optimizer.weightDecay = 1e-3;
    QTest::newRow("digits-32-tanh/sgd-nesterov-decay") << c;
    c.optimizer.nesterov = false;
    QTest::newRow("digits-32-tanh/sgd-momentum-decay") << c;
    c.optimizer.momentum = 0.0;
    QTest::newRow("digits-32-tanh/sgd-decay") << c;
    // Odd shapes: a batch and layers that leave edge tiles in every GEMM.
    c = digits({13, 7}, "tanh", "adam", 3e-3);
    c.problem.batchSize = 19;
    QTest::newRow("digits-13-7-tanh-batch19/adam") << c;
    // A run that diverges: the finite check stops it.
    c = digits({32}, "relu", "sgd", 40.0);
    c.optimizer.momentum = 0.9;
    QTest::newRow("digits-32-relu/sgd-diverges") << c;
    // The other model families and their datasets.
    c = lrlab::test::runConfig("softmax", 0.1, 300, "sgd");
    c.problem.dataset = "wine";
    c.evalEvery = 10;
    QTest::newRow("softmax-wine/sgd") << c;
    c = lrlab::test::runConfig("logreg", 0.05, 300, "adam");
    c.evalEvery = 10;
    QTest::newRow("logreg-default/adam") << c;
    c = lrlab::test::runConfig("linreg", 0.1, 300, "sgd");
    c.optimizer.momentum = 0.5;
    c.evalEvery = 10;
    QTest::newRow("linreg-default/sgd-momentum") << c;
    c = lrlab::test::runConfig("mlp", 0.01, 300, "adamw");
    c.problem.dataset = "iris";
    c.problem.hidden = {16};
    c.problem.activation = "tanh";
    c.problem.batchSize = 8;
    c.evalEvery = 10;
    QTest::newRow("mlp-iris-16-tanh/adamw") << c;
}

void TestTraceDigests::sameTraceAsBefore()
{
    QFETCH(lrlab::RunConfig, config);
    lrlab::ModelRunOptions options;
    options.maxSnapshots = 64;
    const QString name = QString::fromUtf8(QTest::currentDataTag());
    const lrlab::kernels::Target active = lrlab::kernels::activeKernels().target;
    QString first;
    for (const lrlab::kernels::Target target :
         {lrlab::kernels::Target::Baseline, lrlab::kernels::Target::X86_64_V3,
          lrlab::kernels::Target::X86_64_V4}) {
        if (!lrlab::kernels::cpuSupports(target))
            continue;
        lrlab::kernels::setActiveTarget(target);
        // The explorer's way (evaluations on their own thread) on the best target.
        options.parallelEvaluations =
            target == lrlab::kernels::Target::X86_64_V4 ||
            (target == lrlab::kernels::Target::X86_64_V3 &&
             !lrlab::kernels::cpuSupports(lrlab::kernels::Target::X86_64_V4));
        const lrlab::ModelTrace trace = lrlab::test::trainModel(config, options).trace;
        if (name.endsWith(QStringLiteral("diverges")))
            QVERIFY2(trace.status == lrlab::RunStatus::Diverged && trace.divergedAt > 0,
                     "the case meant to diverge does not");
        const QString digest = traceDigest(trace);
        if (first.isEmpty())
            first = digest;
        QVERIFY2(digest == first,
                 qPrintable(name + QStringLiteral(": the ") +
                            QString::fromLatin1(lrlab::kernels::targetName(target)) +
                            QStringLiteral(" kernels give another trace")));
    }
    lrlab::kernels::setActiveTarget(active);
    written_.insert(name, first);
    if (qEnvironmentVariableIsSet("LRLAB_WRITE_TRACE_DIGESTS"))
        QSKIP("writing the digests");
    QVERIFY2(expected_.contains(name), qPrintable(name + QStringLiteral(": no stored digest")));
    QCOMPARE(first, expected_.value(name).toString());
}

void TestTraceDigests::cleanupTestCase()
{
    const QString path = qEnvironmentVariable("LRLAB_WRITE_TRACE_DIGESTS");
    if (path.isEmpty())
        return;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(written_).toJson(QJsonDocument::Indented));
}

QTEST_GUILESS_MAIN(TestTraceDigests)
#include "tst_trace_digests.moc"
