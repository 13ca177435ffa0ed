#pragma once

#include <QWidget>

class QLabel;

namespace lrlab {

/// The message area above the plots: errors of runs and settings (a refused entry names its
/// field), visible in the window, never a dialog; dismissed with its ✕ button or replaced by
/// the next message. GUI thread only.
class MessageBar : public QWidget
{
    Q_OBJECT
public:
    explicit MessageBar(QWidget* parent = nullptr);

    /// Shows text (plain text, selectable) and emits messageShown.
    void showMessage(const QString& text);
    /// Hides the bar and forgets the text.
    void clearMessage();
    /// The text shown, empty while hidden.
    QString text() const;

signals:
    void messageShown(const QString& text);

private:
    QLabel* m_label = nullptr;
};

} // namespace lrlab
