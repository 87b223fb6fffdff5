#include "MainWindow.h"

#include <QLabel>

namespace gtm {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(QStringLiteral("GTM Research"));
    setCentralWidget(new QLabel(QStringLiteral("GTM Research"), this));
    resize(1200, 800);
}

} // namespace gtm
