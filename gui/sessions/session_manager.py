"""Sessions in the window: save, open, recent files, autosave, window geometry.

A session is written from the pages' latest snapshots (copies the GUI
already holds), so saving never waits for a worker.  The autosave file is
written atomically every minute and when the window closes, and opened at
the next start; a broken autosave is set aside under a numbered name, never
deleted or overwritten, and whatever the data folder holds, the app starts.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from core.sessions.archive import SUFFIX, SessionFileError
from core.sessions.session import open_session, save_session
from core.util.fileio import remove_stale_temps
from gui.pages import PageSet

AUTOSAVE_MS = 60_000
MAX_RECENT = 8
RECENT_KEY = "session/recent"
GEOMETRY_KEY = "window/geometry"


def _free_broken_name(path: Path) -> Path:
    """``path.broken``, else ``path.broken.2``, … : the first name nothing has taken."""
    number = 1
    while True:
        suffix = ".broken" if number == 1 else f".broken.{number}"
        candidate = path.with_name(path.name + suffix)
        if not os.path.lexists(candidate):
            return candidate
        number += 1


def autosave_path() -> Path:
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation))
    return folder / f"autosave{SUFFIX}"


class SessionManager(QObject):
    """Owns the session file of one main window.

    It sees the window only as a widget (dialogs' parent, whose geometry is kept),
    its pages through the page interface, and the shown mode through two functions.
    """

    status = Signal(str)
    path_changed = Signal(str)
    restored = Signal()  # the autosave came back: the window offers "Start fresh"

    def __init__(self, window: QWidget, pages: PageSet, mode: Callable[[], str],
                 show_mode: Callable[[str], None]) -> None:
        super().__init__(window)
        self.window = window
        self.pages = pages
        self.mode = mode  # the shown page's mode name (core.sessions.session.MODES)
        self.show_mode = show_mode
        self.path: Path | None = None
        self.autosave_blocked = False
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    # -- saving ------------------------------------------------------------------------
    def save(self) -> bool:
        return self.save_as() if self.path is None else self._save_to(self.path)

    def save_as(self) -> bool:
        start = str(self.path or Path.home() / f"session{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Save session"), start,
            self.tr("Neural Playground sessions (*{0})").format(SUFFIX))
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            self.write(path)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self.window, self.tr("Cannot save the session"),
                                self.tr("{0} was not saved: {1}").format(path, exc))
            return False
        self._set_path(path)
        self.status.emit(self.tr("Session saved to {0}").format(path))
        return True

    def write(self, path: Path) -> None:
        """Write the current session to ``path`` (atomically); pages never made are at
        their defaults, which the file leaves out."""
        states = {page.name: page.session_state() for page in self.pages.made()}
        digits = states.get("digits")
        own = digits.own_digits if digits is not None else None  # kept untrained too
        if digits is not None and not digits.trained:
            digits = None  # a fresh random network: the canvas keeps its shipped model
        path.parent.mkdir(parents=True, exist_ok=True)
        save_session(path, self.mode(), states.get("playground"), digits, own)

    def autosave(self) -> None:
        """Quietly keep the session; a failure is reported in the status bar only."""
        if self.autosave_blocked:
            return  # a broken autosave that could not be set aside is not overwritten
        try:
            self.write(autosave_path())
        except (OSError, ValueError) as exc:
            self.status.emit(self.tr("Autosave failed: {0}").format(exc))

    # -- opening -----------------------------------------------------------------------
    def open(self, path: str | Path | None = None) -> bool:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open session"), str(self.path or Path.home()),
                self.tr("Neural Playground sessions (*{0});;All files (*)").format(SUFFIX))
            if not path:
                return False
        path = Path(path)
        try:
            self.load(path)
        except SessionFileError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot open the session"),
                                self.tr("{0} cannot be opened: {1}").format(path, exc))
            return False
        self._set_path(path)
        self.status.emit(self.tr("Session opened from {0}").format(path))
        return True

    def load(self, path: Path) -> None:
        """Read ``path`` and hand each page its part; ``SessionFileError`` if it is bad."""
        session = open_session(path)
        parts = (("playground", session.playground), ("digits", session.digits),
                 ("digits", session.own_digits))
        for name, state in parts:
            if state is not None:
                self.pages[name].restore(state)
        self.show_mode(session.mode)

    def restore_last(self) -> None:
        """Open the autosave from the last run, if there is one; a bad one never stops the app.

        Temporary files left by saves that were killed are removed first.  A
        broken autosave is set aside under the first free numbered name
        (``.broken``, ``.broken.2``, …), never over an older one; if it cannot
        be moved (a read-only folder), it stays and autosaving is off for this
        run so it is not overwritten either.
        """
        path = autosave_path()
        remove_stale_temps(path)
        if not os.path.lexists(path):
            return
        try:
            self.load(path)
            self.status.emit(self.tr("Your last session is back: settings, points and weights."))
            self.restored.emit()
        except Exception as exc:  # whatever the file holds, the app must start
            self._set_aside(path, exc)

    def _set_aside(self, path: Path, reason: Exception) -> None:
        try:
            kept = _free_broken_name(path)
            os.rename(path, kept)
        except OSError as exc:
            self.autosave_blocked = True
            self.status.emit(self.tr("The last session could not be restored ({0}) nor set "
                                     "aside ({1}); it stays at {2} and autosave is off "
                                     "until the next start").format(reason, exc.strerror or exc,
                                                                    path))
            return
        self.status.emit(self.tr("The last session could not be restored ({0}); "
                                 "it was kept as {1}").format(reason, kept))

    # -- recent files and geometry ------------------------------------------------------
    def recent(self) -> list[str]:
        value = QSettings().value(RECENT_KEY, [])
        paths = [value] if isinstance(value, str) else list(value or [])
        return [p for p in paths if Path(p).exists()]

    def _set_path(self, path: Path) -> None:
        self.path = path
        paths = [str(path)] + [p for p in self.recent() if p != str(path)]
        QSettings().setValue(RECENT_KEY, paths[:MAX_RECENT])
        self.path_changed.emit(str(path))

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        paths = self.recent()
        for path in paths:
            menu.addAction(Path(path).name, lambda p=path: self.open(p)).setToolTip(path)
        if not paths:
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def restore_geometry(self) -> bool:
        """True when a saved geometry was restored."""
        geometry = QSettings().value(GEOMETRY_KEY)
        return geometry is not None and self.window.restoreGeometry(geometry)

    def save_geometry(self) -> None:
        QSettings().setValue(GEOMETRY_KEY, self.window.saveGeometry())
