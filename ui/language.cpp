#include "ui/language.h"

#include "ui/main_window.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/help_menu.h"
#include "ui/shell/retranslation.h"
#include "ui/shell/window_settings.h"
#include "ui/theme.h"

#include <QApplication>
#include <QEvent>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QTranslator>

#include <memory>
#include <vector>

namespace lrlab {

namespace {

QString g_language = QStringLiteral("en");

} // namespace

QString normalizedLanguage(const QString& code)
{
    return code.startsWith(QLatin1String("zh"), Qt::CaseInsensitive) ? QStringLiteral("zh_CN")
                                                                     : QStringLiteral("en");
}

QString systemLanguage()
{
    return normalizedLanguage(QLocale::system().name());
}

QString storedLanguage()
{
    return appSettings().value(QStringLiteral("language")).toString();
}

QString preferredLanguage()
{
    const QString stored = storedLanguage();
    return stored.isEmpty() ? systemLanguage() : normalizedLanguage(stored);
}

QString currentLanguage()
{
    return g_language;
}

bool installLanguage(const QString& language)
{
    const QString code = normalizedLanguage(language);
    std::vector<std::unique_ptr<QTranslator>> translators;
    if (code != QLatin1String("en")) {
        auto lrlab = std::make_unique<QTranslator>();
        if (!lrlab->load(QStringLiteral(":/lrlab/i18n/lrlab_%1.qm").arg(code))) {
            installLanguage(QStringLiteral("en"));
            return false;
        }
        translators.push_back(std::move(lrlab));
        // Qt's own strings (the buttons of standard dialogs); optional.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(QStringLiteral("qtbase_%1").arg(code),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            translators.push_back(std::move(qt));
    }
    TranslationRecorder* recorder = translationRecorder();
    recorder->setTranslators(std::move(translators));
    g_language = code;
    // Every text that came whole from tr() changes in place; widgets that compose texts hear
    // of it (QEvent::LanguageChange, posted to every window).
    if (qobject_cast<QApplication*>(QCoreApplication::instance()) != nullptr)
        for (QWidget* window : QApplication::topLevelWidgets())
            retranslateTexts(window);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(QCoreApplication::instance(), &change);
    return true;
}

LanguageController::LanguageController(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<MainWindow*>();
}

LanguageController::~LanguageController()
{
    delete m_window.data();
}

MainWindow* LanguageController::window() const
{
    return m_window;
}

MainWindow* LanguageController::start(bool showStartPageOnFirstStart)
{
    QSettings settings = appSettings();
    installLanguage(preferredLanguage());
    const Theme theme = themeFromName(settings.value(QStringLiteral("theme")).toString());
    if (theme != applicationTheme())
        setApplicationTheme(theme);
    bool ok = false;
    const double scale = settings.value(QStringLiteral("fontScale")).toDouble(&ok);
    if (ok && scale > 0 && scale != fontScale())
        setFontScale(scale);

    MainWindow* window = createWindow();
    window->windowSettings()->restore();
    if (showStartPageOnFirstStart &&
        !settings.value(QStringLiteral("startPageShown"), false).toBool()) {
        // After the window is on screen, so the page opens above it.
        QTimer::singleShot(0, window, [window] {
            if (window->isVisible())
                window->helpMenu()->showStartPage();
        });
    }
    return window;
}

void LanguageController::setLanguage(const QString& language)
{
    const QString code = normalizedLanguage(language);
    appSettings().setValue(QStringLiteral("language"), code);
    if (code == currentLanguage())
        return;
    installLanguage(code);
    // The windows' own retranslations now, not at the next turn of the event loop.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    emit languageChanged(code);
}

MainWindow* LanguageController::createWindow()
{
    auto* window = new MainWindow;
    m_window = window;
    window->installEventFilter(this);
    // Queued: the request comes from a menu, which closes first.
    connect(window, &MainWindow::languageRequested, this, &LanguageController::setLanguage,
            Qt::QueuedConnection);
    return window;
}

bool LanguageController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::Close)
        m_window->windowSettings()->save();
    return QObject::eventFilter(watched, event);
}

} // namespace lrlab
