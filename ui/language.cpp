#include "ui/language.h"

#include "ui/main_window.h"
#include "ui/shell/app_settings.h"
#include "ui/shell/help_menu.h"
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

namespace lrlab {

namespace {

QString g_language = QStringLiteral("en");
std::unique_ptr<QTranslator> g_lrlabTranslator;
std::unique_ptr<QTranslator> g_qtTranslator;

void removeTranslators()
{
    for (std::unique_ptr<QTranslator>* translator : {&g_lrlabTranslator, &g_qtTranslator}) {
        if (*translator) {
            QCoreApplication::removeTranslator(translator->get());
            translator->reset();
        }
    }
}

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
    removeTranslators();
    g_language = QStringLiteral("en");
    if (code == QLatin1String("en"))
        return true;
    auto lrlab = std::make_unique<QTranslator>();
    if (!lrlab->load(QStringLiteral(":/lrlab/i18n/lrlab_%1.qm").arg(code)))
        return false;
    QCoreApplication::installTranslator(lrlab.get());
    g_lrlabTranslator = std::move(lrlab);
    // Qt's own strings (the buttons of standard dialogs); optional.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_%1").arg(code),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        g_qtTranslator = std::move(qt);
    }
    g_language = code;
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
    if (m_window == nullptr)
        return;
    MainWindow* old = m_window;
    const MainWindow::ShellState state = old->shellState();
    old->removeEventFilter(this);
    old->hide();
    old->deleteLater();
    MainWindow* window = createWindow();
    window->restoreShellState(state);
    if (state.visible)
        window->show();
    emit windowReplaced(window);
}

MainWindow* LanguageController::createWindow()
{
    auto* window = new MainWindow;
    m_window = window;
    window->installEventFilter(this);
    // Queued: the request comes from a menu of the window the switch deletes.
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
