#pragma once

// The explorer's parts built around a plain QMainWindow, for tests of its controllers without
// the explorer window (and those controllers wired together, ControllersFixture): the model, pinned
// runs, playback bar, analysis docks, status line and message bar, wired as an ExplorerParts; the
// figures are three small plots with axis labels
// ("landscape": x, "loss": step, "lr": learning rate) and the widget holding them ("dashboard").

#include "ui/compare/pin_loader.h"
#include "ui/compare/pinned_runs.h"
#include "ui/experiment_model.h"
#include "ui/explorer/analysis_docks.h"
#include "ui/explorer/explorer_parts.h"
#include "ui/lessons/lesson_controller.h"
#include "ui/session/session_controller.h"
#include "ui/shell/user_dialogs.h"
#include "ui/widgets/message_bar.h"
#include "ui/widgets/playback_bar.h"
#include "ui/widgets/run_status_bar.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <qcustomplot.h>

#include <map>
#include <utility>

namespace lrlab::test {

/// Test mode with QSettings and AppDataLocation under home (set as HOME), the application
/// named application (its own settings), and no recovery question.
inline void useTemporaryHome(const QTemporaryDir& home, const QString& application)
{
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("LRLAB_NO_RECOVERY_PROMPT", "1");
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("lrlab-test"));
    QCoreApplication::setApplicationName(application);
}

struct ExplorerFixture
{
    ExplorerFixture()
    {
        auto* central = new QWidget(&window);
        auto* layout = new QVBoxLayout(central);
        messages = new MessageBar(central);
        playback = new PlaybackBar(central);
        auto* dashboard = new QWidget(central);
        auto* plots = new QVBoxLayout(dashboard);
        const std::pair<const char*, const char*> named[] = {
            {"landscape", "x"}, {"loss", "step"}, {"lr", "learning rate"}};
        for (const auto& [name, label] : named) {
            auto* plot = new QCustomPlot(dashboard);
            plot->setMinimumSize(120, 80);
            plot->xAxis->setLabel(QString::fromLatin1(label));
            plot->addGraph()->setData({0.0, 1.0, 2.0}, {1.0, 0.5, 0.2});
            plots->addWidget(plot);
            figures[QString::fromLatin1(name)] = plot;
        }
        figures[QStringLiteral("dashboard")] = dashboard;
        layout->addWidget(messages);
        layout->addWidget(dashboard, 1);
        layout->addWidget(playback);
        window.setCentralWidget(central);
        docks = new AnalysisDocks(&window);
        status = new RunStatusBar(window.statusBar());

        parts.window = &window;
        parts.model = &model;
        parts.pins = &pins;
        parts.playback = playback;
        parts.docks = docks;
        parts.status = status;
        parts.messages = messages;
        parts.figure = [this](const QString& name) -> QWidget* {
            const auto it = figures.find(name);
            return it == figures.end() ? nullptr : it->second;
        };
    }

    QMainWindow window;
    ExperimentModel model;
    PinnedRuns pins;
    MessageBar* messages = nullptr;
    PlaybackBar* playback = nullptr;
    AnalysisDocks* docks = nullptr;
    RunStatusBar* status = nullptr;
    std::map<QString, QWidget*> figures;
    ExplorerParts parts;
};

/// The explorer's parts with the window's shared dialogs, pin loader, session and lesson
/// controllers wired as the window wires them.
struct ControllersFixture
{
    ControllersFixture()
        : dialogs(&explorer.window), loader(&explorer.pins),
          sessions(explorer.parts, &loader, &dialogs), lessons(explorer.parts, &loader, &sessions)
    {
    }

    ExplorerFixture explorer;
    UserDialogs dialogs;
    PinLoader loader;
    SessionController sessions;
    LessonController lessons;
};

} // namespace lrlab::test
