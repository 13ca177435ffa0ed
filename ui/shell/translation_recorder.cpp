#include "ui/shell/translation_recorder.h"

#include <QCoreApplication>
#include <QMutexLocker>
#include <QObject>

namespace lrlab {

namespace {

/// %1 … %99, %L1 …, and %n / %Ln (QString::arg, tr with a count).
const QRegularExpression& placeholderPattern()
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d{1,2}|n)"));
    return pattern;
}

int placeholderNumber(const QRegularExpressionMatch& match)
{
    const QString number = match.captured(1);
    return number == QLatin1String("n") ? 0 : number.toInt();
}

} // namespace

QString TranslationKey::translate(int count) const
{
    const QByteArray disambiguationBytes = disambiguation.toUtf8();
    return QCoreApplication::translate(
        context.toUtf8().constData(), source.toUtf8().constData(),
        disambiguation.isEmpty() ? nullptr : disambiguationBytes.constData(), plural ? count : -1);
}

bool TranslationKey::operator==(const TranslationKey& other) const
{
    return context == other.context && source == other.source &&
           disambiguation == other.disambiguation && plural == other.plural;
}

TranslationRecorder::TranslationRecorder(QObject* parent) : QTranslator(parent) {}

TranslationRecorder::~TranslationRecorder() = default;

void TranslationRecorder::setTranslators(std::vector<std::unique_ptr<QTranslator>> translators)
{
    QMutexLocker lock(&m_mutex);
    m_translators = std::move(translators);
}

QString TranslationRecorder::translate(const char* context, const char* sourceText,
                                       const char* disambiguation, int n) const
{
    QMutexLocker lock(&m_mutex);
    QString text;
    for (const auto& translator : m_translators) {
        text = translator->translate(context, sourceText, disambiguation, n);
        if (!text.isNull())
            break;
    }
    if (sourceText == nullptr || *sourceText == '\0')
        return text;
    const TranslationKey key{QString::fromUtf8(context), QString::fromUtf8(sourceText),
                             QString::fromUtf8(disambiguation), n >= 0};
    const QString shown = text.isNull() ? key.source : text; // untranslated: the source is shown
    if (shown.contains(placeholderPattern())) {
        recordPattern(shown, key);
    } else if (!key.plural) {
        QList<TranslationKey>& keys = m_keys[shown];
        if (!keys.contains(key))
            keys.append(key);
    }
    return text;
}

void TranslationRecorder::recordPattern(const QString& text, const TranslationKey& key) const
{
    if (m_patternIndex.contains(text))
        return;
    m_patternIndex.insert(text, -1);
    Pattern pattern;
    pattern.key = key;
    QString regex = QStringLiteral("^");
    int letters = 0;
    qsizetype from = 0;
    const auto appendLiteral = [&](const QString& literal) {
        regex += QRegularExpression::escape(literal);
        pattern.literals += static_cast<int>(literal.size());
        for (const QChar c : literal)
            letters += c.isLetter() ? 1 : 0;
        if (literal.size() > pattern.anchor.size())
            pattern.anchor = literal;
    };
    for (QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(text);
         it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        appendLiteral(text.mid(from, match.capturedStart() - from));
        regex += QStringLiteral("(.*?)");
        pattern.placeholders.append(placeholderNumber(match));
        from = match.capturedEnd();
    }
    appendLiteral(text.mid(from));
    // "%1 %2" or "%1 (%2)" would match anything.
    if (letters < 2)
        return;
    pattern.regex = QRegularExpression(regex + QStringLiteral("$"),
                                       QRegularExpression::DotMatchesEverythingOption);
    m_patternIndex[text] = static_cast<int>(m_patterns.size());
    m_patterns.append(std::move(pattern));
}

QList<TranslationKey> TranslationRecorder::keysOf(const QString& text) const
{
    QMutexLocker lock(&m_mutex);
    return m_keys.value(text);
}

std::optional<TranslationRecorder::Filled> TranslationRecorder::match(const QString& text) const
{
    QMutexLocker lock(&m_mutex);
    const Pattern* best = nullptr;
    QRegularExpressionMatch bestMatch;
    for (const Pattern& pattern : m_patterns) {
        if ((best != nullptr && pattern.literals <= best->literals) ||
            !text.contains(pattern.anchor))
            continue;
        QRegularExpressionMatch found = pattern.regex.match(text);
        if (found.hasMatch()) {
            best = &pattern;
            bestMatch = found;
        }
    }
    if (best == nullptr)
        return std::nullopt;
    Filled filled{best->key, {}};
    for (int group = 0; group < best->placeholders.size(); ++group)
        if (!filled.arguments.contains(best->placeholders[group]))
            filled.arguments.insert(best->placeholders[group], bestMatch.captured(group + 1));
    return filled;
}

TranslationRecorder* translationRecorder()
{
    static TranslationRecorder* recorder = [] {
        auto* created = new TranslationRecorder(QCoreApplication::instance());
        QCoreApplication::installTranslator(created);
        return created;
    }();
    return recorder;
}

std::optional<TranslationKey> translationKeyOf(const QString& text, const QObject* owner)
{
    const QList<TranslationKey> keys = translationRecorder()->keysOf(text);
    if (keys.isEmpty())
        return std::nullopt;
    // The same text from several classes may translate differently: the owner's class, or the
    // nearest parent's that asked for it, decides.
    for (const QObject* object = owner; object != nullptr; object = object->parent())
        for (const QMetaObject* meta = object->metaObject(); meta; meta = meta->superClass())
            for (const TranslationKey& key : keys)
                if (key.context == QLatin1String(meta->className()))
                    return key;
    return keys.front();
}

std::optional<QString> translatedAgain(const QString& text, const QObject* owner)
{
    if (const std::optional<TranslationKey> key = translationKeyOf(text, owner))
        return key->translate();
    const std::optional<TranslationRecorder::Filled> filled = translationRecorder()->match(text);
    if (!filled)
        return std::nullopt;
    int count = -1;
    if (filled->key.plural) {
        bool ok = false;
        count = filled->arguments.value(0).toInt(&ok);
        if (!ok)
            return std::nullopt;
    }
    const QString translation = filled->key.translate(count);
    // One pass, so an argument's own % signs stay as they are.
    QString out;
    qsizetype from = 0;
    for (QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(translation);
         it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += translation.mid(from, match.capturedStart() - from);
        const int number = placeholderNumber(match);
        if (number > 0 && filled->arguments.contains(number)) {
            const QString argument = filled->arguments.value(number);
            const std::optional<TranslationKey> key = translationKeyOf(argument, owner);
            out += key ? key->translate() : argument;
        } else {
            out += match.captured(0);
        }
        from = match.capturedEnd();
    }
    out += translation.mid(from);
    return out;
}

} // namespace lrlab
