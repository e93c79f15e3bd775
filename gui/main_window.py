"""The application window: one tab per mode, a menu bar and keyboard shortcuts."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QProcess, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
)

from core.sessions.session import MODES
from core.util.resources import resource_path
from gui import text_size
from gui.help import HelpDialog
from gui.i18n import LANGUAGES, chosen_language, save_language
from gui.learn.window import Learn
from gui.page import Page
from gui.pages import PageSet
from gui.sessions.session_manager import SessionManager
from gui.theme import chosen_theme, save_theme
from gui.widgets import PageTabs


def app_icon() -> QIcon:
    """Three connected neurons (resources/icons)."""
    return QIcon(str(resource_path("icons", "neural-playground.png")))


START_FRESH_MS = 60_000  # how long "Start fresh" stays offered after a restore


def _exports():
    """gui.export, imported when first used: a start needs none of it."""
    from gui import export

    return export


class _PageWidget:
    """``window.playground`` and the like: that page, made now if it was not yet."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: MainWindow | None, owner: type | None = None):
        return self if window is None else window.pages[self.name].widget


class MainWindow(QMainWindow):
    """Hosts the modes; stops every worker (child process or thread) when it closes.

    Each page sits in a scroll area, so the window fits any screen: a page
    that needs more room than a small screen at a large text size scrolls.
    A page is made when its tab is first shown (see :mod:`gui.pages`).
    """

    playground = _PageWidget()
    digits = _PageWidget()
    descent = _PageWidget()
    curve_fit = _PageWidget()
    backprop = _PageWidget()

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("Neural Playground"))
        self.setWindowIcon(app_icon())
        self.tabs = PageTabs()
        self.restyle_made_pages = False  # run_app turns it on with its start-up restyle
        titles = (self.tr("Playground"), self.tr("Digits"), self.tr("Gradient descent"),
                  self.tr("Curve fitting"), self.tr("Inside the network"))
        self.pages = PageSet(self.tabs, titles, self._on_page_made)
        self.setCentralWidget(self.tabs)
        self.sessions = SessionManager(
            self, self.pages, lambda: MODES[self.tabs.currentIndex()],
            lambda mode: self.tabs.setCurrentIndex(MODES.index(mode)))
        self.sessions.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.sessions.path_changed.connect(self._on_session_path_changed)
        self.learn = Learn(self, self.pages)  # the Learn dock and its menu entries
        self.start_fresh = QPushButton(self.tr("Start fresh"))
        self.start_fresh.setToolTip(self.tr(
            "Put every page back to its first-start settings (File → New), e.g. on a "
            "shared classroom computer."))
        self.start_fresh.setFlat(True)
        self.start_fresh.setStyleSheet("color: #0877bd; text-decoration: underline;")
        self.start_fresh.setCursor(Qt.CursorShape.PointingHandCursor)
        self.start_fresh.hide()
        self.statusBar().addPermanentWidget(self.start_fresh)
        self.start_fresh.clicked.connect(self.new_session)
        self.sessions.restored.connect(self._offer_start_fresh)
        self._build_menus()
        self._on_tabs_current_changed(self.tabs.currentIndex())

    def _on_page_made(self, page: Page) -> None:
        """A page was just made: its messages go to the status bar; in the app, its own
        fonts and plots get the text-size restyle the window got at start."""
        if hasattr(page.widget, "status_message"):
            page.widget.status_message.connect(self._show_status)
        if self.restyle_made_pages:
            text_size.restyle_new()

    def _show_status(self, text: str) -> None:
        """A page's message, left up long enough to read (long ones list changes)."""
        self.statusBar().showMessage(text, max(6000, 70 * len(text)))

    def _shutdown_pages(self) -> None:
        for page in self.pages.made():
            page.shutdown()

    def new_session(self) -> None:
        """File → New: every page's settings, data and models as at a first start."""
        self.start_fresh.hide()
        self.learn.shutdown()
        self._shutdown_pages()
        self.pages.reset()
        self._on_tabs_current_changed(self.tabs.currentIndex())
        self.sessions.path = None
        self.setWindowTitle(self.tr("Neural Playground"))
        self.statusBar().showMessage(self.tr("Every setting is back to its default."), 8000)

    def _offer_start_fresh(self) -> None:
        """The autosave was restored: right for one person's machine, not for a
        shared one, so offer the way back to defaults for a while."""
        self.start_fresh.show()
        QTimer.singleShot(START_FRESH_MS, self.start_fresh, self.start_fresh.hide)

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None,
                slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu closed
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&New"), QKeySequence.StandardKey.New,
                                         self.new_session))
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
            self._action(self.tr("&Import points (CSV)…"), "Ctrl+I",
                         lambda: self.playground.import_csv()),
            self._action(self.tr("&Export points (CSV)…"), "Ctrl+E",
                         lambda: self.playground.export_csv()),
            self._action(self.tr("Export training &history (CSV)…"), None,
                         lambda: self._export(_exports().export_history)),
            self._action(self.tr("Export the &network (.npz)…"), None,
                         lambda: self._export(_exports().export_network)),
            self._action(self.tr("Export as PyTorch &code…"), None,
                         lambda: self._export(_exports().export_pytorch)),
        ]
        file_menu.addActions(playground_actions)
        plots = file_menu.addMenu(self.tr("Export a &plot (PNG/SVG)"))
        plots.aboutToShow.connect(lambda: self._fill_plot_menu(plots))
        learn_menu_anchor = file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit,
                                         self.close))
        train_menu = self.menuBar().addMenu(self.tr("&Training"))
        training_actions = [
            self._action(self.tr("Play / pause"), "Space", lambda: self.playground.toggle_play()),
            self._action(self.tr("Step"), "Right", lambda: self.playground.step()),
            self._action(self.tr("Reset"), "R", lambda: self.playground.reset()),
        ]
        train_menu.addActions(training_actions)
        self._playground_actions = playground_actions + training_actions
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index in range(self.tabs.count()):
            name = self.tabs.tabText(index)
            view_menu.addAction(self._action(name, f"Ctrl+{index + 1}",
                                             lambda _=False, i=index: self.tabs.setCurrentIndex(i)))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        view_menu.addSeparator()
        self._build_text_size_menu(view_menu.addMenu(self.tr("Text &size")))
        self.full_screen_action = self._action(self.tr("&Full screen"), "F11",
                                               self._toggle_full_screen)
        self.full_screen_action.setCheckable(True)
        view_menu.addAction(self.full_screen_action)
        view_menu.addSeparator()
        self._choice_menu(view_menu.addMenu(self.tr("&Language")), LANGUAGES.items(),
                          chosen_language(), self._choose_language)
        self._choice_menu(view_menu.addMenu(self.tr("&Theme")),
                          (("light", self.tr("Light")), ("dark", self.tr("Dark"))),
                          chosen_theme(), self._choose_theme)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&Help for this mode"),
                                         QKeySequence.StandardKey.HelpContents, self.show_help))
        help_menu.addAction(self._action(self.tr("&About"), None, self._show_about))
        self.learn.add_actions(file_menu, learn_menu_anchor, help_menu)

    def _build_text_size_menu(self, menu: QMenu) -> None:
        """Larger / Smaller / Reset: the application font, which plots follow."""
        app = QApplication.instance()
        larger = self._action(self.tr("&Larger"), "Ctrl+=", lambda: text_size.step(app, +1))
        larger.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        menu.addAction(larger)
        menu.addAction(self._action(self.tr("&Smaller"), "Ctrl+-",
                                    lambda: text_size.step(app, -1)))
        menu.addAction(self._action(self.tr("&Reset"), "Ctrl+0",
                                    lambda: text_size.set_scale(app, 1.0)))

    def _choice_menu(self, menu: QMenu, choices, current: str, choose) -> None:
        """Exclusive, checkable entries with the saved choice ticked."""
        group = QActionGroup(menu)
        for code, name in choices:
            action = self._action(name, None, lambda _=False, c=code: choose(c))
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)
            menu.addAction(action)

    def _toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def changeEvent(self, event: QEvent) -> None:
        """The tick follows full screen however it changed (F11, the window manager, a
        restored geometry)."""
        if event.type() == QEvent.Type.WindowStateChange:
            self.full_screen_action.setChecked(self.isFullScreen())
        super().changeEvent(event)

    def _on_tabs_current_changed(self, index: int) -> None:
        """The shown page is made if it was not yet.  Space, → and R belong to the
        playground; elsewhere they must not train it."""
        shown = self.pages.at(index)
        for action in self._playground_actions:
            action.setEnabled(shown is not None and shown.name == "playground")
        self.statusBar().showMessage(shown.status_message() if shown is not None else "")

    # -- exports and help --------------------------------------------------------------
    def _export(self, export) -> None:
        snap = self.playground.snapshot
        if snap is not None and (path := export(self, snap)):
            self.statusBar().showMessage(self.tr("Saved {0}").format(path), 6000)

    def _fill_plot_menu(self, menu: QMenu) -> None:
        menu.clear()
        for title, view in _exports().visible_plots(self.tabs.currentWidget()):
            menu.addAction(title, lambda t=title, v=view: self._export_plot(t, v))

    def _export_plot(self, title: str, view) -> None:
        if path := _exports().ask_and_export_view(self, title, view):
            self.statusBar().showMessage(self.tr("Saved {0}").format(path), 6000)

    def show_help(self) -> HelpDialog:
        dialog = HelpDialog(MODES[self.tabs.currentIndex()], self)
        dialog.show()
        return dialog

    def _on_session_path_changed(self, path: str) -> None:
        self.setWindowTitle(self.tr("{0} — Neural Playground").format(Path(path).name))

    def _choose_language(self, language: str) -> QMessageBox:
        """Saved now, applied at the next start: rebuilding the window would stop training."""
        save_language(language)
        return self._offer_restart(self.tr("Language"), self.tr(
            "The language changes when you start Neural Playground again."))

    def _offer_restart(self, title: str, text: str) -> QMessageBox:
        """A message that the change waits for the next start, with "Restart now"."""
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.NoButton, self)
        restart = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        restart.clicked.connect(self.restart)
        box.open()
        return box

    def restart(self) -> None:
        """Close (which autosaves) and start the same command again."""
        if self.close():
            # sys.argv[0] is main.py or the installed neural-playground script.
            QProcess.startDetached(sys.executable, sys.argv)

    def _choose_theme(self, theme: str) -> QMessageBox:
        """Saved now, applied at the next start: every plot takes its colours when made."""
        save_theme(theme)
        return self._offer_restart(self.tr("Theme"), self.tr(
            "The theme changes when you start Neural Playground again."))

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
        self.learn.shutdown()
        self._shutdown_pages()
        self.sessions.autosave()  # from the snapshots the window holds: no worker needed
        self.sessions.save_geometry()
        super().closeEvent(event)
