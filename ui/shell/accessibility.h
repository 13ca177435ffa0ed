#pragma once

#include <QCoreApplication>

class QWidget;

namespace lrlab {

/// The access pass over a built window: every control teaches by its tooltip, every
/// plot has an accessible name, and the keyboard reaches what it should. Run it once the window
/// and its docks are built. GUI thread only.
class Accessibility
{
    Q_DECLARE_TR_FUNCTIONS(Accessibility)
public:
    /// All three passes below.
    static void apply(QWidget* window);
    /// Tooltips for the controls built without one, by object name ("finderCancel").
    static void addMissingTooltips(QWidget* window);
    /// Accessible names of the plots: the explorer's (object names "landscapePlot",
    /// "lossPlot", "accuracyPlot", "schedulePlot") by what they show, any other plot by its
    /// title ("Plot" without one); a plot's tooltip becomes its accessible description.
    static void nameAccessibly(QWidget* window);
    /// A scroll area's frame is no stop of its own (tabbing into its children scrolls them into
    /// view), and a raised dock hands the focus to its content.
    static void setFocusPolicies(QWidget* window);
};

} // namespace lrlab
