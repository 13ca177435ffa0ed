// Numbers in machine-readable text do not follow the C library's locale: under a locale with a
// decimal comma (de_DE.UTF-8, set in-process as QCoreApplication sets it from LC_ALL) the number
// formatters, the CSV dataset reader, the diagnosis evidence, the pre-training cache key and the
// session file give exactly what they give in the C locale.
#include "core/analysis/diagnosis.h"
#include "core/config/session.h"
#include "core/datasets/csv_loader.h"
#include "core/finetune/pretrain_cache.h"
#include "core/util/format.h"
#include "tests/common/comma_locale.h"
#include "tests/common/files.h"
#include "tests/common/run_configs.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>

using lrlab::test::CommaLocale;

namespace {

/// printf of value with `pattern` (one conversion of a double) in the current C locale.
std::string printed(const char* pattern, double value)
{
    char text[400];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

QByteArray bytes(const std::string& text)
{
    return QByteArray::fromStdString(text);
}

} // namespace

class TestLocaleNumbers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void formattersWriteCLocaleText_data();
    void formattersWriteCLocaleText();
    void csvDatasetReadsPointDecimals();
    void diagnosisEvidenceIsTheSame_data();
    void diagnosisEvidenceIsTheSame();
    void pretrainKeyIsTheSame();
    void sessionFileIsTheSame();

private:
    /// f() in the C locale, then under the comma locale (C again afterwards).
    template <typename T> std::pair<T, T> inBothLocales(const std::function<T()>& f);

    QTemporaryDir m_dir;
    CommaLocale m_comma;
};

void TestLocaleNumbers::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_comma = lrlab::test::findCommaLocale(m_dir.filePath("locales"));
    QVERIFY2(m_comma.error.isEmpty(), qPrintable(m_comma.error));
}

void TestLocaleNumbers::cleanup()
{
    std::setlocale(LC_ALL, "C");
}

template <typename T> std::pair<T, T> TestLocaleNumbers::inBothLocales(const std::function<T()>& f)
{
    std::setlocale(LC_ALL, "C");
    T c = f();
    lrlab::test::useCommaLocale(m_comma);
    T comma = f();
    std::setlocale(LC_ALL, "C");
    return {std::move(c), std::move(comma)};
}

void TestLocaleNumbers::formattersWriteCLocaleText_data()
{
    QTest::addColumn<double>("value");
    QTest::newRow("tenth") << 0.1;
    QTest::newRow("negative-half") << -2.5;
    QTest::newRow("third") << 1.0 / 3.0;
    QTest::newRow("integer") << 12.0;
    QTest::newRow("zero") << 0.0;
    QTest::newRow("negative-zero") << -0.0;
    QTest::newRow("tiny") << 1e-300;
    QTest::newRow("subnormal") << 5e-324;
    QTest::newRow("small-fixed-limit") << 1.5e-4;
    QTest::newRow("small-scientific") << 1.5e-5;
    QTest::newRow("large") << 123456789012345678.0;
    QTest::newRow("huge") << 1.7976931348623157e308;
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("inf") << std::numeric_limits<double>::infinity();
    QTest::newRow("minus-inf") << -std::numeric_limits<double>::infinity();
}

void TestLocaleNumbers::formattersWriteCLocaleText()
{
    QFETCH(double, value);
    // What printf writes in the C locale: the bytes the files have always had.
    std::setlocale(LC_ALL, "C");
    const std::string asDouble = printed("%.17g", value);
    const std::string asFloat = printed("%.9g", static_cast<double>(static_cast<float>(value)));
    const std::string significant = printed("%.4g", value);
    const std::string fixed = printed("%.2f", value);

    lrlab::test::useCommaLocale(m_comma);
    QCOMPARE(bytes(lrlab::formatDouble(value)), bytes(asDouble));
    QCOMPARE(bytes(lrlab::formatFloat(static_cast<float>(value))), bytes(asFloat));
    QCOMPARE(bytes(lrlab::formatSignificant(value, 4)), bytes(significant));
    QCOMPARE(bytes(lrlab::formatFixed(value, 2)), bytes(fixed));
    // 17 digits round-trip: the text reads back (in any locale) to the same double.
    if (std::isfinite(value)) {
        const std::string text = lrlab::formatDouble(value);
        double back = 0.0;
        std::from_chars(text.data(), text.data() + text.size(), back);
        QCOMPARE(back, value);
    }
}

void TestLocaleNumbers::csvDatasetReadsPointDecimals()
{
    const QString path = lrlab::test::writeFile(m_dir, "points.csv",
                                                "a,b,label\n"
                                                "0.5,1.25,0\n"
                                                "-0.375,2.5e-3,1\n"
                                                "1e2,0.1,0\n");
    QVERIFY(!path.isEmpty());
    lrlab::test::useCommaLocale(m_comma);
    const lrlab::Dataset d = lrlab::loadCsvDataset(path.toStdString());
    QCOMPARE(d.rows, 3);
    QCOMPARE(d.values, (std::vector<double>{0.5, 1.25, -0.375, 2.5e-3, 100.0, 0.1}));
    QCOMPARE(d.labels, (std::vector<int>{0, 1, 0}));
}

void TestLocaleNumbers::diagnosisEvidenceIsTheSame_data()
{
    QTest::addColumn<std::vector<double>>("loss");
    QTest::addColumn<std::vector<double>>("validation");
    QTest::addColumn<QString>("expectedNumber");
    QTest::newRow("diverged") << std::vector<double>{1.0, 2.5, 40.5} << std::vector<double>{}
                              << "40.5";
    QTest::newRow("converging") << std::vector<double>{1.0, 0.5, 0.3125} << std::vector<double>{}
                                << "68.75";
    QTest::newRow("stagnating") << std::vector<double>{1.0, 0.99, 0.9625} << std::vector<double>{}
                                << "3.75";
    QTest::newRow("overfitting") << std::vector<double>{1.0, 0.5, 0.25, 0.125}
                                 << std::vector<double>{0.75, 0.5, 1.125} << "1.125";
}

void TestLocaleNumbers::diagnosisEvidenceIsTheSame()
{
    QFETCH(std::vector<double>, loss);
    QFETCH(std::vector<double>, validation);
    QFETCH(QString, expectedNumber);
    lrlab::LossHistory history;
    history.loss = loss;
    history.validation = validation;
    const auto [c, comma] =
        inBothLocales<std::string>([&] { return lrlab::diagnose(history).evidence; });
    QVERIFY2(QString::fromStdString(c).contains(expectedNumber), c.c_str());
    QCOMPARE(bytes(comma), bytes(c));
}

void TestLocaleNumbers::pretrainKeyIsTheSame()
{
    const QString path =
        lrlab::test::writeFile(m_dir, "source.csv", "a,b,label\n0.5,1.25,0\n-0.375,2.5e-3,1\n");
    const lrlab::Dataset source = lrlab::loadCsvDataset(path.toStdString());
    lrlab::PretrainRecipe recipe;
    recipe.learningRate = 0.003;
    recipe.valFraction = 0.25;
    const auto [c, comma] =
        inBothLocales<std::uint64_t>([&] { return lrlab::pretrainKey(recipe, source); });
    QCOMPARE(comma, c);
    // The key depends on the rate: equal keys above are not one constant.
    recipe.learningRate = 0.004;
    QVERIFY(lrlab::pretrainKey(recipe, source) != c);
}

void TestLocaleNumbers::sessionFileIsTheSame()
{
    lrlab::Session session;
    session.current = lrlab::test::rosenbrockRun(0.0015, 40, "adam");
    session.pinned.push_back({lrlab::test::digitsMlp(8, 0.125, 30), "mlp, lr 0.125"});
    session.view.insert("speed", 1.5);
    const auto [c, comma] = inBothLocales<QByteArray>(
        [&] { return QJsonDocument(lrlab::sessionToJson(session)).toJson(); });
    QVERIFY2(c.contains("0.0015"), c.constData());
    QCOMPARE(comma, c);
}

QTEST_GUILESS_MAIN(TestLocaleNumbers)
#include "tst_locale_numbers.moc"
