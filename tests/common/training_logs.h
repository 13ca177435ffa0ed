#pragma once

// Readers of the real training logs under tests/data/logs/ (see
// /work/shared/fixtures/logs/README.md for the runs), written simply for the tests: a Hugging Face
// Trainer's trainer_state.json and a Lightning CSVLogger's sparse metrics.csv.

#include "core/analysis/logged_series.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace lrlab::test {

/// The path of a file under tests/data/logs/.
inline QString logFixture(const QString& relative)
{
    return QStringLiteral(LRLAB_SOURCE_DIR "/tests/data/logs/") + relative;
}

/// key's values of a trainer_state.json's log_history, with their "step" (entries without the
/// key are skipped).
inline LoggedSeries trainerStateSeries(const QString& path, const QString& key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray history = QJsonDocument::fromJson(file.readAll())
                                   .object()
                                   .value(QStringLiteral("log_history"))
                                   .toArray();
    LoggedSeries out;
    for (const QJsonValue& entry : history) {
        const QJsonObject object = entry.toObject();
        if (object.contains(key))
            out.push_back(
                {object.value(QStringLiteral("step")).toInteger(), object.value(key).toDouble()});
    }
    return out;
}

/// Every column of a Lightning metrics.csv as a series: the rows where the column has a value,
/// with the row's "step".
inline QMap<QString, LoggedSeries> lightningMetrics(const QString& path)
{
    QFile file(path);
    QMap<QString, LoggedSeries> out;
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    const QStringList header = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
    const auto stepColumn = header.indexOf(QStringLiteral("step"));
    while (!file.atEnd()) {
        const QStringList cells =
            QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
        if (cells.size() != header.size())
            continue;
        const long long step = cells[stepColumn].toLongLong();
        for (qsizetype c = 0; c < header.size(); ++c)
            if (c != stepColumn && !cells[c].isEmpty())
                out[header[c]].push_back({step, cells[c].toDouble()});
    }
    return out;
}

} // namespace lrlab::test
