#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

namespace lrlab {

class MainWindow;

/// Language codes lrlab knows: "en" (the source language) and "zh_CN" (Simplified Chinese).
/// Any Chinese code ("zh", "zh-CN", "zh_SG", …) maps to "zh_CN"; anything else to "en".
QString normalizedLanguage(const QString& code);

/// The language of the system locale (QLocale::system()): "zh_CN" for Chinese, else "en".
QString systemLanguage();

/// The language the language switch stored (appSettings() key "language"; View ▸ Language and
/// LanguageController::setLanguage write it); empty when none is stored (follow the system).
QString storedLanguage();

/// The language the user chose: storedLanguage() normalized, else systemLanguage(). What the
/// window is built in at start, and what lesson texts are shown in.
QString preferredLanguage();

/// The language whose translators are installed now ("en" until installLanguage is called).
QString currentLanguage();

/// Replaces the application's translators by those of language: lrlab's catalogue (compiled
/// into the program as :/lrlab/i18n/lrlab_<code>.qm) and Qt's own qtbase_<code>.qm from
/// QLibraryInfo's translations path when it is there (standard dialog buttons). "en" removes
/// them. Returns false when lrlab's catalogue for a non-English language is missing (the
/// language is then English). Widgets built afterwards are in the new language; the texts of
/// the open windows are translated in place (retranslateTexts) and the windows get
/// QEvent::LanguageChange (posted) for the texts they compose. GUI thread.
bool installLanguage(const QString& language);

/// Owns the main window and switches the language at run time in place: installLanguage
/// translates every text that came whole from tr(), and the widgets that compose texts (pin
/// labels, lesson texts, axis titles with numbers) redo them on QEvent::LanguageChange. The
/// window, the experiment, the run, the pins, the zoom and the docks stay as they are.
///
/// The language, the theme and the text size come from appSettings() (keys "language", "theme",
/// "fontScale"); a missing language follows the system locale. GUI thread only.
class LanguageController : public QObject
{
    Q_OBJECT
public:
    explicit LanguageController(QObject* parent = nullptr);
    /// Deletes the window.
    ~LanguageController() override;

    /// Installs the stored (or system) language, theme and text size and builds the window with
    /// the stored geometry; shows the start page on the first start when showStartPage is true.
    /// Does not show the window. Returns it (owned by the controller).
    MainWindow* start(bool showStartPageOnFirstStart = true);

    /// The current window (null before start()).
    MainWindow* window() const;

    /// Switches to language (normalized) and stores it; when the language changes, the texts of
    /// the window are in it when this returns (languageChanged).
    void setLanguage(const QString& language);

signals:
    /// The texts of the window are now in language (after a language switch).
    void languageChanged(const QString& language);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    MainWindow* createWindow();

    QPointer<MainWindow> m_window;
};

} // namespace lrlab
