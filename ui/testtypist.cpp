#include "testtypist.h"

#include "bodyeditor.h"
#include "mainwindow.h"
#include "storyeditor.h"

#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QKeyEvent>
#include <QTimer>

namespace galley {

namespace {

// The key a keyboard reports for @p c: Qt's key codes for printable ASCII are its upper case.
int keyFor(QChar c) {
    if (c == u'\n')
        return Qt::Key_Return;
    if (c == u' ')
        return Qt::Key_Space;
    return c.unicode() < 0x80 ? int(c.toUpper().unicode()) : int(Qt::Key_unknown);
}

} // namespace

void startTestTypistFromEnvironment(MainWindow &window) {
    const QString textPath = qEnvironmentVariable("GALLEY_TEST_TYPE_TEXT");
    if (textPath.isEmpty())
        return;
    QFile textFile(textPath);
    if (!textFile.open(QIODevice::ReadOnly)) {
        qWarning("GALLEY_TEST_TYPE_TEXT: cannot read %s", qPrintable(textPath));
        return;
    }
    const QString text = QString::fromUtf8(textFile.readAll());
    auto *log = new QFile(qEnvironmentVariable("GALLEY_TEST_TYPE_LOG"), &window);
    if (!log->fileName().isEmpty() &&
        !log->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        qWarning("GALLEY_TEST_TYPE_LOG: cannot write %s", qPrintable(log->fileName()));
    bool ok = false;
    const int interval = qEnvironmentVariableIntValue("GALLEY_TEST_TYPE_INTERVAL_MS", &ok);

    BodyEditor *body = window.storyEditor()->bodyEditor();
    auto *timer = new QTimer(&window);
    timer->setInterval(ok && interval > 0 ? interval : 60);
    auto typed = std::make_shared<qsizetype>(0);
    QObject::connect(timer, &QTimer::timeout, &window, [=] {
        if (*typed >= text.size()) {
            timer->stop();
            return;
        }
        if (*typed == 0) {
            body->setFocus(Qt::OtherFocusReason);
            body->moveCursor(QTextCursor::End);
        }
        const QChar c = text.at(*typed);
        const QString keyText = c == u'\n' ? u"\r"_qs : QString(c);
        QKeyEvent press(QEvent::KeyPress, keyFor(c), Qt::NoModifier, keyText);
        QKeyEvent release(QEvent::KeyRelease, keyFor(c), Qt::NoModifier, keyText);
        QCoreApplication::sendEvent(body, &press);
        QCoreApplication::sendEvent(body, &release);
        ++*typed;
        if (log->isOpen())
            log->write(QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + ' ' +
                       QByteArray::number(*typed) + '\n');
    });
    timer->start();
}

} // namespace galley
