#pragma once

#include <QObject>

class QMenu;

namespace lrlab {

/// View ▸ Larger / Smaller / Normal text: the application's and the plots' fonts ×1.15 per step
/// (setFontScale of ui/theme.h), e.g. for a projector; the factor is stored (appSettings() key
/// "fontScale"; LanguageController applies it at start). GUI thread only.
class TextSizeActions : public QObject
{
    Q_OBJECT
public:
    /// The factor of one step.
    static constexpr double kStep = 1.15;

    explicit TextSizeActions(QObject* parent = nullptr);

    /// Adds "Larger text" (Ctrl++ and Ctrl+=), "Smaller text" (Ctrl+−) and "Normal text size"
    /// (Ctrl+0) to menu (object names "largerText", "smallerText", "normalText").
    void addTo(QMenu* menu);

public slots:
    void largerText();
    void smallerText();
    void normalText();

private:
    void setScale(double scale);
};

} // namespace lrlab
