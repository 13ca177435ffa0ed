#pragma once

// The texts a window shows (widgets, actions, menus, plots) and the strings of lrlab's Chinese
// catalogue, for the language-switch tests: a text still in the language switched away from is
// one the catalogue has in that language.

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHash>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSet>
#include <QTabBar>
#include <QXmlStreamReader>

#include <qcustomplot.h>

namespace lrlab::test {

/// One text a window shows and where (object name or class, and which text).
struct ShownText
{
    QString where;
    QString text;
};

namespace detail {

inline QString nameOf(const QObject* object)
{
    const QString name = object->objectName();
    return QString::fromLatin1(object->metaObject()->className()) +
           (name.isEmpty() ? QString() : QStringLiteral(" ") + name);
}

inline void addText(QList<ShownText>& out, const QObject* object, const char* what,
                    const QString& text)
{
    if (!text.trimmed().isEmpty())
        out.append({nameOf(object) + QStringLiteral(" ") + QLatin1String(what), text});
}

} // namespace detail

/// Every text under root: window titles, tooltips and status tips of the widgets, the texts of
/// labels, buttons, group boxes, tabs, combo boxes and menus, the actions' texts and tips, and the
/// axis labels, plottable (legend) names and text elements of the plots.
inline QList<ShownText> windowTexts(QWidget* root)
{
    using detail::addText;
    QList<ShownText> out;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : widgets) {
        addText(out, widget, "windowTitle", widget->windowTitle());
        addText(out, widget, "toolTip", widget->toolTip());
        addText(out, widget, "statusTip", widget->statusTip());
        if (auto* label = qobject_cast<QLabel*>(widget))
            addText(out, label, "text", label->text());
        if (auto* button = qobject_cast<QAbstractButton*>(widget))
            addText(out, button, "text", button->text());
        if (auto* box = qobject_cast<QGroupBox*>(widget))
            addText(out, box, "title", box->title());
        if (auto* menu = qobject_cast<QMenu*>(widget))
            addText(out, menu, "title", menu->title());
        if (auto* bar = qobject_cast<QTabBar*>(widget))
            for (int i = 0; i < bar->count(); ++i)
                addText(out, bar, "tab", bar->tabText(i));
        if (auto* combo = qobject_cast<QComboBox*>(widget))
            for (int i = 0; i < combo->count(); ++i)
                addText(out, combo, "item", combo->itemText(i));
        if (auto* plot = qobject_cast<QCustomPlot*>(widget)) {
            for (QCPAxisRect* rect : plot->axisRects())
                for (QCPAxis* axis : rect->axes())
                    addText(out, plot, "axis", axis->label());
            for (int i = 0; i < plot->plottableCount(); ++i)
                addText(out, plot, "legend name", plot->plottable(i)->name());
            for (QCPTextElement* title : plot->findChildren<QCPTextElement*>())
                addText(out, plot, "title", title->text());
        }
    }
    for (QAction* action : root->findChildren<QAction*>()) {
        addText(out, action, "text", action->text());
        addText(out, action, "toolTip", action->toolTip());
        addText(out, action, "statusTip", action->statusTip());
    }
    return out;
}

/// lrlab's catalogue (resources/translations/lrlab_zh_CN.ts) as texts in one language that the
/// other language has differently: exact strings and, for strings with %1-style arguments,
/// patterns. Built for "en" (the sources) or "zh_CN" (the translations).
class CatalogueTexts
{
public:
    CatalogueTexts(const QString& tsPath, const QString& language)
    {
        QFile file(tsPath);
        if (!file.open(QIODevice::ReadOnly))
            return;
        QHash<QString, QSet<QString>> translationsOf; // source -> its translations
        QXmlStreamReader xml(&file);
        QString source;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("source"))
                source = xml.readElementText();
            else if (xml.name() == QLatin1String("translation") &&
                     !xml.attributes().hasAttribute(QLatin1String("type")))
                translationsOf[withoutMnemonics(source)].insert(
                    withoutMnemonics(xml.readElementText()));
        }
        m_loaded = !translationsOf.isEmpty();
        // A text is stale when no context translates it into itself; a Chinese one has Chinese
        // characters ("Nesterov" is both).
        static const QRegularExpression han(QStringLiteral("[\\x{4E00}-\\x{9FFF}]"));
        for (auto it = translationsOf.cbegin(); it != translationsOf.cend(); ++it) {
            if (language == QLatin1String("en")) {
                if (!it.value().contains(it.key()))
                    add(it.key());
            } else {
                for (const QString& translation : it.value())
                    if (translation.contains(han) && !translationsOf.contains(translation))
                        add(translation);
            }
        }
    }

    bool isLoaded() const { return m_loaded; }

    /// True when text is one of the catalogue's texts (or fills in one of its patterns).
    bool contains(QString text) const
    {
        text = withoutMnemonics(text);
        if (m_exact.contains(text))
            return true;
        for (const QRegularExpression& pattern : m_patterns)
            if (pattern.match(text).hasMatch())
                return true;
        return false;
    }

private:
    /// "文件(&F)" -> "文件", "&File" -> "File".
    static QString withoutMnemonics(QString text)
    {
        static const QRegularExpression chinese(QStringLiteral("\\(&[A-Za-z0-9]\\)"));
        return text.remove(chinese).remove(QLatin1Char('&'));
    }

    void add(QString text)
    {
        text = withoutMnemonics(text);
        static const QRegularExpression argument(QStringLiteral("%L?\\d"));
        if (!text.contains(argument)) {
            m_exact.insert(text);
            return;
        }
        // Only patterns with words of their own, or "%1 %2" would match anything.
        QString words = text;
        words.remove(argument);
        if (!words.contains(
                QRegularExpression(QStringLiteral("[A-Za-z]{3,}|[\\x{4E00}-\\x{9FFF}]"))))
            return;
        QStringList parts;
        for (const QString& part : text.split(argument))
            parts << QRegularExpression::escape(part);
        const QString pattern = parts.join(QStringLiteral(".*"));
        m_patterns.append(QRegularExpression(QStringLiteral("^") + pattern + QStringLiteral("$"),
                                             QRegularExpression::DotMatchesEverythingOption));
    }

    bool m_loaded = false;
    QSet<QString> m_exact;
    QList<QRegularExpression> m_patterns;
};

} // namespace lrlab::test
