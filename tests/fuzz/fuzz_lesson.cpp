// libFuzzer harness: a lesson file's bytes through parseLesson, then the accessors the GUI
// calls on a loaded lesson. A ConfigError is the expected answer to a bad file; anything else
// is a finding.
#include "core/config/lesson.h"

#include <QByteArray>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    lrlab::Lesson lesson;
    try {
        lesson = lrlab::parseLesson(bytes, "fuzz.json");
    } catch (const lrlab::ConfigError&) {
        return 0;
    }
    // lesson.h: "en" is always present; runs() gives one run per compare entry, or the config
    // alone when there are none.
    if (!lesson.title.contains("en") || !lesson.text.contains("en")) {
        std::fprintf(stderr, "a loaded lesson lacks its English title or text\n");
        std::abort();
    }
    const std::size_t runCount = std::max<std::size_t>(1, lesson.compare.size());
    for (const QString& language : lesson.languages())
        if (lesson.runs(language).size() != runCount) {
            std::fprintf(stderr, "Lesson::runs does not give one run per compare entry\n");
            std::abort();
        }
    return 0;
}
