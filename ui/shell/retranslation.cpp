#include "ui/shell/retranslation.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMetaProperty>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTreeWidget>

#include <qcustomplot.h>

#include <functional>

namespace lrlab {

namespace {

/// text of owner's field in the installed language, or nullopt when it is already or is not a
/// tr() text. The key found is stored on owner with the text set, so a later switch finds the
/// same key even when two sources share a translation.
std::optional<QString> retranslated(QObject* owner, const QString& field, const QString& text)
{
    if (text.isEmpty())
        return std::nullopt;
    const QByteArray property = "lrlabTranslation_" + field.toLatin1();
    const QStringList stored = owner->property(property.constData()).toStringList();
    std::optional<TranslationKey> key;
    if (stored.size() == 4 && stored[3] == text)
        key = TranslationKey{stored[0], stored[1], stored[2], false};
    else
        key = translationKeyOf(text, owner);
    std::optional<QString> out;
    if (key) {
        out = key->translate();
        owner->setProperty(property.constData(),
                           QStringList{key->context, key->source, key->disambiguation, *out});
    } else {
        out = translatedAgain(text, owner); // with arguments
    }
    if (!out || *out == text)
        return std::nullopt;
    return out;
}

/// Calls set with the retranslated text when there is one; true when it did.
bool apply(QObject* owner, const QString& field, const QString& text,
           const std::function<void(const QString&)>& set)
{
    const std::optional<QString> out = retranslated(owner, field, text);
    if (out)
        set(*out);
    return out.has_value();
}

/// Replots a hidden plot when it is shown next (a replot draws even what nobody sees).
class ReplotWhenShown : public QObject
{
public:
    /// Once per plot: does nothing when plot has one already.
    static void install(QCustomPlot* plot)
    {
        if (!plot->property(kPending).toBool())
            new ReplotWhenShown(plot);
    }

private:
    static constexpr const char* kPending = "lrlabReplotWhenShown";
    explicit ReplotWhenShown(QCustomPlot* plot) : QObject(plot)
    {
        plot->setProperty(kPending, true);
        plot->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Show) {
            watched->setProperty(kPending, false);
            static_cast<QCustomPlot*>(watched)->replot(QCustomPlot::rpQueuedReplot);
            deleteLater();
        }
        return QObject::eventFilter(watched, event);
    }
};

/// The string properties of widgets and actions that show a text the program chose (a line
/// edit's "text" is the user's and stays).
constexpr const char* kTextProperties[] = {"windowTitle",
                                           "toolTip",
                                           "statusTip",
                                           "whatsThis",
                                           "accessibleName",
                                           "accessibleDescription",
                                           "text",
                                           "title",
                                           "placeholderText",
                                           "specialValueText",
                                           "prefix",
                                           "suffix"};

void retranslateProperties(QObject* object)
{
    const QMetaObject* meta = object->metaObject();
    const bool userText = qobject_cast<QLineEdit*>(object) != nullptr;
    for (const char* name : kTextProperties) {
        const int index = meta->indexOfProperty(name);
        if (index < 0 || (userText && qstrcmp(name, "text") == 0))
            continue;
        const QMetaProperty property = meta->property(index);
        if (property.metaType().id() != QMetaType::QString || !property.isWritable())
            continue;
        apply(object, QString::fromLatin1(name), property.read(object).toString(),
              [object, &property](const QString& t) { property.write(object, t); });
    }
}

void retranslateWidget(QWidget* widget)
{
    if (auto* bar = qobject_cast<QTabBar*>(widget)) {
        for (int i = 0; i < bar->count(); ++i) {
            apply(bar, QStringLiteral("tab%1").arg(i), bar->tabText(i),
                  [bar, i](const QString& t) { bar->setTabText(i, t); });
            apply(bar, QStringLiteral("tabTip%1").arg(i), bar->tabToolTip(i),
                  [bar, i](const QString& t) { bar->setTabToolTip(i, t); });
        }
    }
    if (auto* combo = qobject_cast<QComboBox*>(widget)) {
        // setItemText keeps the current index (and emits no index change).
        for (int i = 0; i < combo->count(); ++i) {
            apply(combo, QStringLiteral("item%1").arg(i), combo->itemText(i),
                  [combo, i](const QString& t) { combo->setItemText(i, t); });
            apply(combo, QStringLiteral("itemTip%1").arg(i),
                  combo->itemData(i, Qt::ToolTipRole).toString(),
                  [combo, i](const QString& t) { combo->setItemData(i, t, Qt::ToolTipRole); });
        }
    }
    if (auto* tree = qobject_cast<QTreeWidget*>(widget)) {
        QTreeWidgetItem* header = tree->headerItem();
        for (int c = 0; header && c < header->columnCount(); ++c)
            apply(tree, QStringLiteral("header%1").arg(c), header->text(c),
                  [header, c](const QString& t) { header->setText(c, t); });
    }
}

void retranslateHeaders(QStandardItemModel* model)
{
    for (Qt::Orientation orientation : {Qt::Horizontal, Qt::Vertical}) {
        const int count = orientation == Qt::Horizontal ? model->columnCount() : model->rowCount();
        for (int i = 0; i < count; ++i) {
            QStandardItem* item = orientation == Qt::Horizontal ? model->horizontalHeaderItem(i)
                                                                : model->verticalHeaderItem(i);
            if (item == nullptr)
                continue;
            apply(model, QStringLiteral("header%1_%2").arg(int(orientation)).arg(i), item->text(),
                  [item](const QString& t) { item->setText(t); });
        }
    }
}

void retranslatePlot(QCustomPlot* plot)
{
    bool changed = false;
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            changed |= apply(axis, QStringLiteral("label"), axis->label(),
                             [axis](const QString& t) { axis->setLabel(t); });
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* plottable = plot->plottable(i);
        changed |= apply(plottable, QStringLiteral("name"), plottable->name(),
                         [plottable](const QString& t) { plottable->setName(t); });
    }
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)))
            changed |= apply(text, QStringLiteral("text"), text->text(),
                             [text](const QString& t) { text->setText(t); });
    for (QCPTextElement* title : plot->findChildren<QCPTextElement*>())
        changed |= apply(title, QStringLiteral("text"), title->text(),
                         [title](const QString& t) { title->setText(t); });
    if (!changed)
        return;
    if (plot->isVisible())
        plot->replot(QCustomPlot::rpQueuedReplot);
    else
        ReplotWhenShown::install(plot);
}

void retranslateObject(QObject* object)
{
    if (qobject_cast<QWidget*>(object) != nullptr || qobject_cast<QAction*>(object) != nullptr)
        retranslateProperties(object);
    if (auto* widget = qobject_cast<QWidget*>(object))
        retranslateWidget(widget);
    if (auto* model = qobject_cast<QStandardItemModel*>(object))
        retranslateHeaders(model);
    if (auto* plot = qobject_cast<QCustomPlot*>(object))
        retranslatePlot(plot);
}

} // namespace

void retranslateTexts(QObject* root)
{
    if (root == nullptr)
        return;
    retranslateObject(root);
    for (QObject* child : root->findChildren<QObject*>())
        retranslateObject(child);
}

} // namespace lrlab
