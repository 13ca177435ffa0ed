#pragma once

#include "ui/shell/translation_recorder.h"

class QObject;

namespace lrlab {

/// Re-translates in place, into the installed language, every text under root (root included)
/// that came from tr() (whole or with arguments, TranslationRecorder): window titles, tooltips,
/// status tips, labels, buttons, group boxes, tabs, combo-box items (the selection is kept),
/// placeholders, spin-box prefixes and suffixes, menus and actions, header items, and the axis
/// labels, plottable (legend) names, titles and text items of QCustomPlots (replotted). Texts not
/// from tr() (lesson files, pin labels joined from parts) are left to their owners'
/// changeEvent(QEvent::LanguageChange).
void retranslateTexts(QObject* root);

} // namespace lrlab
