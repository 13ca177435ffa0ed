#include "core/logs/trainer_state_reader.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace lrlab {

namespace {

/// Python's json module writes NaN, Infinity and -Infinity, which JSON lacks (a diverged run
/// logs "loss": NaN): outside strings they become the strings "NaN", "Infinity", "-Infinity".
std::string quotePythonNonFinite(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + 64);
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            out += c;
            if (c == '\\' && i + 1 < text.size())
                out += text[++i];
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"')
            inString = true;
        for (const char* token : {"NaN", "Infinity", "-Infinity"}) {
            const std::size_t n = std::char_traits<char>::length(token);
            if (text.compare(i, n, token) == 0) {
                out += '"';
                out += token;
                out += '"';
                i += n;
                break;
            }
        }
        if (i < text.size())
            out += text[i];
    }
    return out;
}

/// A number, or one of the strings quotePythonNonFinite() made.
bool jsonNumber(const QJsonValue& value, double& number)
{
    if (value.isDouble()) {
        number = value.toDouble();
        return true;
    }
    const QString text = value.toString();
    if (text == QLatin1String("NaN"))
        number = std::nan("");
    else if (text == QLatin1String("Infinity"))
        number = HUGE_VAL;
    else if (text == QLatin1String("-Infinity"))
        number = -HUGE_VAL;
    else
        return false;
    return true;
}

} // namespace

void TrainerStateReader::restart()
{
    LogFileReader::restart();
    m_readSize = 0;
    m_readModifiedNs = -1;
}

void TrainerStateReader::readFrom(const OpenLogFile& file, LogRun& run, bool complete)
{
    if (file.size() == m_readSize && file.modifiedNs() == m_readModifiedNs)
        return;
    const std::string text =
        quotePythonNonFinite(file.read(0, static_cast<std::size_t>(file.size())));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromRawData(text.data(), qsizetype(text.size())), &error);
    if (error.error != QJsonParseError::NoError) {
        // A writer may be half-way through the file: while following, try again later.
        if (complete)
            addProblem(run, "near byte " + std::to_string(error.offset),
                       "not valid JSON (" + error.errorString().toStdString() + ")");
        return;
    }
    m_readSize = file.size();
    m_readModifiedNs = file.modifiedNs();
    setOffset(file.size());
    const QJsonValue history = document.object().value("log_history");
    if (!history.isArray()) {
        addProblem(run, "", "no log_history array: not a Hugging Face trainer_state.json");
        return;
    }
    run.series.clear();
    const QJsonArray entries = history.toArray();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject entry = entries[i].toObject();
        const QJsonValue step = entry.value("step");
        const double stepValue = step.toDouble(std::nan(""));
        if (!step.isDouble() || stepValue != std::floor(stepValue)) {
            addProblem(run, "log_history[" + std::to_string(i) + "]",
                       "no integer \"step\": entry left out");
            continue;
        }
        for (auto it = entry.begin(); it != entry.end(); ++it) {
            double value = 0.0;
            if (it.key() == QLatin1String("step") || !jsonNumber(it.value(), value))
                continue;
            run.series[it.key().toStdString()].push_back(
                {static_cast<std::int64_t>(stepValue), value});
        }
    }
}

} // namespace lrlab
