// The Simplified Chinese translation: the committed catalogue covers every user-visible string
// of the current sources (lupdate run afresh into a temporary file), every entry is finished and
// non-empty, and the compiled catalogue embedded in the program translates at run time.
#include <QApplication>
#include <QDomDocument>
#include <QFile>
#include <QLibraryInfo>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

namespace {

struct Entry
{
    QString context;
    QString source;
    QString translation;
    bool finished = false;
};

QList<Entry> readTs(const QString& path, QString* error)
{
    QList<Entry> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + ": cannot read";
        return out;
    }
    QDomDocument doc;
    if (!doc.setContent(&f)) {
        *error = path + ": not valid XML";
        return out;
    }
    const QDomNodeList contexts = doc.elementsByTagName("context");
    for (int c = 0; c < contexts.size(); ++c) {
        const QDomElement ctx = contexts.at(c).toElement();
        const QString name = ctx.firstChildElement("name").text();
        for (QDomElement m = ctx.firstChildElement("message"); !m.isNull();
             m = m.nextSiblingElement("message")) {
            const QDomElement t = m.firstChildElement("translation");
            Entry e;
            e.context = name;
            e.source = m.firstChildElement("source").text();
            const QString type = t.attribute("type");
            if (t.firstChildElement("numerusform").isNull()) {
                e.translation = t.text();
            } else {
                for (QDomElement n = t.firstChildElement("numerusform"); !n.isNull();
                     n = n.nextSiblingElement("numerusform"))
                    e.translation += n.text();
            }
            e.finished = type.isEmpty() && !e.translation.trimmed().isEmpty();
            if (type == "vanished" || type == "obsolete")
                continue;
            out << e;
        }
    }
    return out;
}

QString sourceDir()
{
    return qEnvironmentVariable("LRLAB_SOURCE_DIR", QStringLiteral(LRLAB_SOURCE_DIR));
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT

private slots:
    void catalogueIsComplete();
    void catalogueCoversCurrentSources();
    void compiledCatalogueTranslates();
};

void TestTranslation::catalogueIsComplete()
{
    QString error;
    const QList<Entry> entries =
        readTs(sourceDir() + "/resources/translations/lrlab_zh_CN.ts", &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(entries.size() > 50);
    QStringList missing;
    for (const Entry& e : entries)
        if (!e.finished)
            missing << e.context + ": " + e.source;
    QVERIFY2(missing.isEmpty(), qPrintable(QString::number(missing.size()) +
                                           " untranslated, e.g. " + missing.mid(0, 5).join(" | ")));
}

void TestTranslation::catalogueCoversCurrentSources()
{
    const QString lupdate = QLibraryInfo::path(QLibraryInfo::BinariesPath) + "/lupdate";
    const QString alt = QLibraryInfo::path(QLibraryInfo::LibraryExecutablesPath) + "/lupdate";
    const QString tool = QFile::exists(lupdate) ? lupdate : alt;
    if (!QFile::exists(tool))
        QSKIP("lupdate is not installed (qt6-l10n-tools)");
    QTemporaryDir dir;
    const QString fresh = dir.filePath("fresh.ts");
    QProcess p;
    p.setWorkingDirectory(sourceDir());
    // -I . lets lupdate resolve "ui/..." includes, so classes get their run-time contexts
    // (lrlab::MainWindow), the names tr() looks up.
    p.start(tool, {"-silent", "-I", ".", "ui", "app", "-ts", fresh});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    QString error;
    const QList<Entry> now = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<Entry> committed =
        readTs(sourceDir() + "/resources/translations/lrlab_zh_CN.ts", &error);
    QSet<QString> translated;
    for (const Entry& e : committed)
        if (e.finished)
            translated.insert(e.context + '\x1f' + e.source);
    QStringList missing;
    for (const Entry& e : now)
        if (!translated.contains(e.context + '\x1f' + e.source))
            missing << e.context + ": " + e.source;
    QVERIFY2(missing.isEmpty(),
             qPrintable(QString::number(missing.size()) +
                        " strings of the sources have no translation (run the target "
                        "update_translations and translate them), e.g. " +
                        missing.mid(0, 5).join(" | ")));
}

void TestTranslation::compiledCatalogueTranslates()
{
    QTranslator translator;
    QVERIFY(translator.load(":/lrlab/i18n/lrlab_zh_CN.qm"));
    QVERIFY(!translator.isEmpty());
    QString error;
    const QList<Entry> committed =
        readTs(sourceDir() + "/resources/translations/lrlab_zh_CN.ts", &error);
    int checked = 0;
    for (const Entry& e : committed) {
        if (!e.finished || e.source.contains("%n"))
            continue;
        QCOMPARE(
            translator.translate(e.context.toUtf8().constData(), e.source.toUtf8().constData()),
            e.translation);
        if (++checked == 20)
            break;
    }
    QVERIFY(checked > 0);
    // The window's strings live under the namespaced contexts tr() uses at run time.
    int namespaced = 0;
    for (const Entry& e : committed) {
        if (!e.finished || !e.context.startsWith("lrlab::") || e.source.contains("%n"))
            continue;
        QCOMPARE(
            translator.translate(e.context.toUtf8().constData(), e.source.toUtf8().constData()),
            e.translation);
        ++namespaced;
    }
    QVERIFY(namespaced > 100);
}

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
