"""The application window: one tab per mode, a menu bar and keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget

from gui.playground.playground_page import PlaygroundPage


class MainWindow(QMainWindow):
    """Hosts the modes; stops every worker thread when it closes."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Neural Playground"))
        self.tabs = QTabWidget()
        self.playground = PlaygroundPage()
        self.tabs.addTab(self.playground, self.tr("Playground"))
        self.setCentralWidget(self.tabs)
        self.playground.status_message.connect(lambda text: self.statusBar().showMessage(text,
                                                                                          6000))
        self._build_menus()
        self.statusBar().showMessage(self.tr("Press Space to start training."))

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None,
                slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu closed
        return action

    def _build_menus(self) -> None:
        page = self.playground
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&Import points (CSV)…"), "Ctrl+I",
                                         page.import_csv))
        file_menu.addAction(self._action(self.tr("&Export points (CSV)…"), "Ctrl+E",
                                         page.export_csv))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                                         self.close))
        train_menu = self.menuBar().addMenu(self.tr("&Training"))
        train_menu.addAction(self._action(self.tr("Play / pause"), "Space", page.toggle_play))
        train_menu.addAction(self._action(self.tr("Step"), "Right", page.step))
        train_menu.addAction(self._action(self.tr("Reset"), "R", page.reset))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About"), None, self._show_about))

    def _show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Neural Playground"),
            self.tr("Neural Playground: watch a neural network learn.\n\n"
                    "A multi-layer network and a linear classifier train side by side "
                    "on the same data, so you can see what hidden layers buy."),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.playground.shutdown()
        super().closeEvent(event)
