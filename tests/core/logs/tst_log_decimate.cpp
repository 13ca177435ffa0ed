// Min/max decimation for plotting: at most two points a pixel column, each column's smallest
// and largest value kept (a spike survives), compared with a brute-force binning.
#include "core/logs/log_decimate.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace lrlab;

class TestLogDecimate : public QObject
{
    Q_OBJECT

private slots:
    void keepsMinAndMaxPerColumn_data()
    {
        QTest::addColumn<int>("points");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::addColumn<int>("columns");
        QTest::newRow("1e5 points, 300 columns") << 100000 << qint64(0) << qint64(99999) << 300;
        QTest::newRow("zoomed in") << 100000 << qint64(4000) << qint64(5123) << 97;
        QTest::newRow("more columns than steps") << 50 << qint64(0) << qint64(49) << 200;
    }

    void keepsMinAndMaxPerColumn()
    {
        QFETCH(int, points);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        QFETCH(int, columns);
        QRandomGenerator random(7);
        ScalarSeries series;
        for (int i = 0; i < points; ++i)
            series.push_back({i, random.generateDouble()});
        const ScalarSeries out = decimateMinMax(series, first, last, columns);
        QVERIFY(out.size() <= 2 * static_cast<std::size_t>(columns));
        // Brute force: each column's min and max over the points in range.
        std::map<qint64, std::pair<double, double>> expected;
        for (const ScalarPoint& p : series) {
            if (p.step < first || p.step > last)
                continue;
            const qint64 column = (p.step - first) * columns / (last - first + 1);
            auto [it, added] = expected.try_emplace(column, p.value, p.value);
            it->second.first = std::min(it->second.first, p.value);
            it->second.second = std::max(it->second.second, p.value);
        }
        std::map<qint64, std::pair<double, double>> got;
        for (const ScalarPoint& p : out) {
            QVERIFY(p.step >= first && p.step <= last);
            const qint64 column = (p.step - first) * columns / (last - first + 1);
            auto [it, added] = got.try_emplace(column, p.value, p.value);
            it->second.first = std::min(it->second.first, p.value);
            it->second.second = std::max(it->second.second, p.value);
        }
        QCOMPARE(got, expected);
        QVERIFY(
            std::is_sorted(out.begin(), out.end(), [](const ScalarPoint& a, const ScalarPoint& b) {
                return a.step < b.step;
            }));
    }

    void spikeSurvives()
    {
        ScalarSeries series;
        for (int i = 0; i < 1000000; ++i)
            series.push_back({i, 1.0});
        series[654321].value = 1e6;
        series[123].value = std::nan("");
        const ScalarSeries out = decimateMinMax(series, 0, 999999, 100);
        QVERIFY(out.size() <= 200);
        QVERIFY(std::any_of(out.begin(), out.end(), [](const ScalarPoint& p) {
            return p.step == 654321 && p.value == 1e6;
        }));
        QVERIFY(std::none_of(out.begin(), out.end(),
                             [](const ScalarPoint& p) { return std::isnan(p.value); }));
    }

    void emptyCases()
    {
        const ScalarSeries series{{0, 1.0}, {1, 2.0}};
        QVERIFY(decimateMinMax(series, 0, 1, 0).empty());
        QVERIFY(decimateMinMax(series, 5, 1, 10).empty());
        QVERIFY(decimateMinMax(series, 10, 20, 10).empty());
        QCOMPARE(decimateMinMax(series, 0, 1, 1).size(), std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(TestLogDecimate)
#include "tst_log_decimate.moc"
