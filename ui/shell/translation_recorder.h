#pragma once

#include <QHash>
#include <QList>
#include <QMutex>
#include <QRegularExpression>
#include <QString>
#include <QTranslator>

#include <memory>
#include <optional>
#include <vector>

class QObject;

namespace lrlab {

/// What a tr() call asked for: the context (class name), the source text, the disambiguation
/// and whether it was a plural form (tr(source, disambiguation, n)).
struct TranslationKey
{
    QString context;
    QString source;
    QString disambiguation;
    bool plural = false;

    /// QCoreApplication::translate of the key in the installed language (count for plurals).
    QString translate(int count = -1) const;
    bool operator==(const TranslationKey& other) const;
};

/// The one translator lrlab installs: it asks the translators of the current language (lrlab's
/// catalogue, Qt's qtbase catalogue) in order and remembers, for every text it hands out (or
/// leaves in the source language), the key it came from. That turns a text a widget shows back
/// into its key — whole, or with its %1-style arguments and %n count filled in — so it can be
/// translated into another language in place (retranslateTexts). Thread-safe (tr() may run on
/// any thread).
class TranslationRecorder : public QTranslator
{
    Q_OBJECT
public:
    explicit TranslationRecorder(QObject* parent = nullptr);
    ~TranslationRecorder() override;

    /// Replaces the translators asked (first match wins); empty for the source language.
    void setTranslators(std::vector<std::unique_ptr<QTranslator>> translators);

    QString translate(const char* context, const char* sourceText,
                      const char* disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }

    /// The keys whose text (in a language seen so far) is text, first recorded first.
    QList<TranslationKey> keysOf(const QString& text) const;

    /// A text with arguments filled in, matched against a recorded text with %1-style
    /// placeholders (and %n): the key, the arguments by placeholder number (index 0: %n).
    struct Filled
    {
        TranslationKey key;
        QHash<int, QString> arguments;
    };
    /// The recorded text with placeholders that text fills in, the most specific (most literal
    /// characters) first; nullopt when none does.
    std::optional<Filled> match(const QString& text) const;

private:
    struct Pattern
    {
        TranslationKey key;
        QString anchor;          ///< its longest literal part: a quick test before the regex
        int literals = 0;        ///< how many literal characters it has
        QList<int> placeholders; ///< the placeholder of each capture group (0: %n)
        QRegularExpression regex;
    };
    void recordPattern(const QString& text, const TranslationKey& key) const;

    mutable QMutex m_mutex;
    std::vector<std::unique_ptr<QTranslator>> m_translators;
    mutable QHash<QString, QList<TranslationKey>> m_keys;
    mutable QList<Pattern> m_patterns;
    mutable QHash<QString, int> m_patternIndex; ///< recorded text -> its entry in m_patterns
};

/// The recorder installed in the application (created and installed on first use).
TranslationRecorder* translationRecorder();

/// The key text came from whole (a tr() result in any language seen so far), preferring one whose
/// context is the class of owner or of one of its parents; nullopt when there is none.
std::optional<TranslationKey> translationKeyOf(const QString& text, const QObject* owner);

/// text in the installed language when it came from tr() — whole, or with arguments (which are
/// translated too when they came whole from tr()) — preferring keys whose context is the class of
/// owner or of one of its parents; nullopt when text is not a known translation.
std::optional<QString> translatedAgain(const QString& text, const QObject* owner);

} // namespace lrlab
