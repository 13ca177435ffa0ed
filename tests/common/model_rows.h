#pragma once

#include "core/models/model_spec.h"

#include <QList>
#include <QString>
#include <QtTest>

#include <vector>

namespace lrlab::test {

/// Adds the five columns that describe a model's shape to the current _data() function: type
/// (QString), inputs (int), classes (int, 0 for regression), hidden (QList<int>) and activation
/// (QString), in this order.
inline void addModelShapeColumns()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<int>("inputs");
    QTest::addColumn<int>("classes");
    QTest::addColumn<QList<int>>("hidden");
    QTest::addColumn<QString>("activation");
}

/// makeModelSpec() of the current row's shape columns (see addModelShapeColumns()); throws as
/// makeModelSpec() does.
inline ModelSpec fetchModelSpec()
{
    QFETCH(QString, type);
    QFETCH(int, inputs);
    QFETCH(int, classes);
    QFETCH(QList<int>, hidden);
    QFETCH(QString, activation);
    return makeModelSpec(type.toStdString(), inputs, classes,
                         std::vector<int>(hidden.begin(), hidden.end()), activation.toStdString());
}

} // namespace lrlab::test
