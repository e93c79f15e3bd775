"""The application window: one tab per mode, a menu bar and keyboard shortcuts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from core.session import MODES
from gui.digits.digits_page import DigitsPage
from gui.export import ask_and_export_view, export_history, export_network, visible_plots
from gui.help import HelpDialog
from gui.i18n import LANGUAGES, save_language
from gui.labs.backprop_page import BackpropPage
from gui.labs.curve_fit_page import CurveFitPage
from gui.labs.descent_page import DescentPage
from gui.playground.playground_page import PlaygroundPage
from gui.session_manager import SessionManager
from gui.theme import save_theme
from gui.widgets import PageTabs


class MainWindow(QMainWindow):
    """Hosts the modes; stops every worker thread when it closes.

    Each page sits in a scroll area, so the window fits any screen: a page
    that needs more room than a small screen at a large text size scrolls.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Neural Playground"))
        self.tabs = PageTabs()
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
        self.sessions = SessionManager(self)
        self.sessions.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.sessions.path_changed.connect(self._on_session_path_changed)
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
        file_menu.addAction(self._action(self.tr("&Open session…"), QKeySequence.StandardKey.Open,
                                         lambda: self.sessions.open()))
        file_menu.addAction(self._action(self.tr("&Save session"), QKeySequence.StandardKey.Save,
                                         self.sessions.save))
        file_menu.addAction(self._action(self.tr("Save session &as…"), "Ctrl+Shift+S",
                                         self.sessions.save_as))
        recent = file_menu.addMenu(self.tr("&Recent sessions"))
        recent.aboutToShow.connect(lambda: self.sessions.fill_recent_menu(recent))
        file_menu.addSeparator()
        playground_actions = [
            self._action(self.tr("&Import points (CSV)…"), "Ctrl+I", page.import_csv),
            self._action(self.tr("&Export points (CSV)…"), "Ctrl+E", page.export_csv),
            self._action(self.tr("Export training &history (CSV)…"), None,
                         lambda: self._export(export_history)),
            self._action(self.tr("Export the &network (.npz)…"), None,
                         lambda: self._export(export_network)),
        ]
        file_menu.addActions(playground_actions)
        plots = file_menu.addMenu(self.tr("Export a &plot (PNG/SVG)"))
        plots.aboutToShow.connect(lambda: self._fill_plot_menu(plots))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                                         self.close))
        train_menu = self.menuBar().addMenu(self.tr("&Training"))
        playground_actions += [
            self._action(self.tr("Play / pause"), "Space", page.toggle_play),
            self._action(self.tr("Step"), "Right", page.step),
            self._action(self.tr("Reset"), "R", page.reset),
        ]
        train_menu.addActions(playground_actions[4:])
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
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        for code, name in (("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            theme_menu.addAction(self._action(name, None,
                                              lambda _=False, c=code: self._choose_theme(c)))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Help for this mode"),
                                         QKeySequence.StandardKey.HelpContents, self.show_help))
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

    # -- exports and help --------------------------------------------------------------
    def _export(self, export) -> None:
        snap = self.playground.snapshot
        if snap is not None and (path := export(self, snap)):
            self.statusBar().showMessage(self.tr("Saved {0}").format(path), 6000)

    def _fill_plot_menu(self, menu: QMenu) -> None:
        menu.clear()
        for title, view in visible_plots(self.tabs.currentWidget()):
            menu.addAction(title, lambda t=title, v=view: self._export_plot(t, v))

    def _export_plot(self, title: str, view) -> None:
        if path := ask_and_export_view(self, title, view):
            self.statusBar().showMessage(self.tr("Saved {0}").format(path), 6000)

    def show_help(self) -> HelpDialog:
        dialog = HelpDialog(MODES[self.tabs.currentIndex()], self)
        dialog.show()
        return dialog

    def _on_session_path_changed(self, path: str) -> None:
        self.setWindowTitle(self.tr("{0} — Neural Playground").format(Path(path).name))

    def _choose_language(self, language: str) -> None:
        """Saved now, applied at the next start: rebuilding the window would stop training."""
        save_language(language)
        QMessageBox.information(
            self, self.tr("Language"),
            self.tr("The language changes when you start Neural Playground again."))

    def _choose_theme(self, theme: str) -> None:
        """Saved now, applied at the next start: every plot takes its colours when made."""
        save_theme(theme)
        QMessageBox.information(
            self, self.tr("Theme"),
            self.tr("The theme changes when you start Neural Playground again."))

    def _show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About Neural Playground"),
            self.tr("Neural Playground: watch a neural network learn.\n\n"
                    "A multi-layer network and a linear classifier train side by side "
                    "on the same data, so you can see what hidden layers buy."),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        # Work first: a sweep thread running numpy holds the GIL, and each file
        # call of the autosave then waited for it (0.6 s of the close).
        self.sessions.autosave_timer.stop()
        self.playground.shutdown()
        self.digits.shutdown()
        self.curve_fit.shutdown()
        self.sessions.autosave()  # from the snapshots the window holds: no worker needed
        self.sessions.save_geometry()
        super().closeEvent(event)
