"""The application window: one tab per mode, a menu bar and keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget

from gui.digits.digits_page import DigitsPage
from gui.i18n import LANGUAGES, save_language
from gui.labs.backprop_page import BackpropPage
from gui.labs.curve_fit_page import CurveFitPage
from gui.labs.descent_page import DescentPage
from gui.playground.playground_page import PlaygroundPage


class MainWindow(QMainWindow):
    """Hosts the modes; stops every worker thread when it closes."""

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Neural Playground"))
        self.tabs = QTabWidget()
        self.playground = PlaygroundPage()
        self.tabs.addTab(self.playground, self.tr("Playground"))
        self.digits = DigitsPage()
        self.tabs.addTab(self.digits, self.tr("Digits"))
        self.digits.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.descent = DescentPage()
        self.tabs.addTab(self.descent, self.tr("Gradient descent"))
        self.curve_fit = CurveFitPage()
        self.tabs.addTab(self.curve_fit, self.tr("Curve fitting"))
        self.curve_fit.status_message.connect(
            lambda text: self.statusBar().showMessage(text, 6000))
        self.backprop = BackpropPage()
        self.tabs.addTab(self.backprop, self.tr("Inside the network"))
        self.setCentralWidget(self.tabs)
        self.playground.status_message.connect(lambda text: self.statusBar().showMessage(text,
                                                                                          6000))
        self._build_menus()
        self._on_tabs_current_changed(self.tabs.currentIndex())

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
        playground_actions = [
            self._action(self.tr("&Import points (CSV)…"), "Ctrl+I", page.import_csv),
            self._action(self.tr("&Export points (CSV)…"), "Ctrl+E", page.export_csv),
        ]
        file_menu.addActions(playground_actions)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                                         self.close))
        train_menu = self.menuBar().addMenu(self.tr("&Training"))
        playground_actions += [
            self._action(self.tr("Play / pause"), "Space", page.toggle_play),
            self._action(self.tr("Step"), "Right", page.step),
            self._action(self.tr("Reset"), "R", page.reset),
        ]
        train_menu.addActions(playground_actions[2:])
        self._playground_actions = playground_actions
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index in range(self.tabs.count()):
            name = self.tabs.tabText(index)
            view_menu.addAction(self._action(name, f"Ctrl+{index + 1}",
                                             lambda _=False, i=index: self.tabs.setCurrentIndex(i)))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        for code, name in LANGUAGES.items():
            language_menu.addAction(self._action(name, None,
                                                 lambda _=False, c=code: self._choose_language(c)))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About"), None, self._show_about))

    def _on_tabs_current_changed(self, index: int) -> None:
        """Space, → and R belong to the playground; elsewhere they must not train it."""
        page = self.tabs.widget(index)
        for action in self._playground_actions:
            action.setEnabled(page is self.playground)
        hints = {
            self.playground: self.tr("Press Space to train or pause."),
            self.digits: self.tr("Draw a digit on the canvas; right-click or Esc clears it."),
            self.descent: self.tr("Pick a curve, click where to start, then press Play."),
            self.curve_fit: self.tr("Press Fit; click to add points, drag to move them."),
            self.backprop: self.tr("Press Next step to follow one sample forward and back."),
        }
        self.statusBar().showMessage(hints.get(page, ""))

    def _choose_language(self, language: str) -> None:
        """Saved now, applied at the next start: rebuilding the window would stop training."""
        save_language(language)
        QMessageBox.information(
            self, self.tr("Language"),
            self.tr("The language changes when you start Neural Playground again."))

    def _show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Neural Playground"),
            self.tr("Neural Playground: watch a neural network learn.\n\n"
                    "A multi-layer network and a linear classifier train side by side "
                    "on the same data, so you can see what hidden layers buy."),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.playground.shutdown()
        self.digits.shutdown()
        self.curve_fit.shutdown()
        super().closeEvent(event)
