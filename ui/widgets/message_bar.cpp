#include "ui/widgets/message_bar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace lrlab {

MessageBar::MessageBar(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("messageBar"));
    setAutoFillBackground(true);
    QPalette messagePalette = palette();
    messagePalette.setColor(QPalette::Window, QColor(253, 226, 226));
    setPalette(messagePalette);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("messageLabel"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setStyleSheet(QStringLiteral("color: rgb(150,20,20);"));
    auto* close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setAutoRaise(true);
    close->setToolTip(tr("Hide this message."));
    close->setAccessibleName(tr("Hide this message."));
    connect(close, &QToolButton::clicked, this, &MessageBar::clearMessage);
    layout->addWidget(m_label, 1);
    layout->addWidget(close);
    setVisible(false);
}

void MessageBar::showMessage(const QString& text)
{
    m_label->setText(text);
    setVisible(true);
    emit messageShown(text);
}

void MessageBar::clearMessage()
{
    m_label->clear();
    setVisible(false);
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_label->text();
}

} // namespace lrlab
