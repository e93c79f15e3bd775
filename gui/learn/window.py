"""The Learn panel's place in the main window: its dock and its menu entries.

Kept apart from ``gui/main_window.py`` so the window only calls :func:`install`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from gui.i18n import chosen_language
from gui.learn.panel import LearnPanel
from gui.learn.progress import Progress
from gui.learn.teacher import step_toml
from gui.page import Page
from gui.pages import PageSet

if TYPE_CHECKING:  # core.lessons loads its course reader: imported when first wanted
    from core.lessons.model import Lesson


class Learn(QObject):
    """Owns the Learn dock and the teacher's file actions of one window."""

    def __init__(self, window: QMainWindow, pages: PageSet) -> None:
        super().__init__(window)
        self.window = window
        self.pages = pages  # a lesson's page is made when the lesson needs it
        self.progress = Progress()
        self.panel = LearnPanel(self.pages, self._show_page, chosen_language(),
                                self.progress, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        self.panel.hide()
        self.problems: tuple = ()
        self._loaded = False

    def _load_course(self) -> None:
        """Read the course when the panel is first wanted, not at every start (~70 ms,
        and ~40 ms more to import the lesson reader)."""
        if not self._loaded:
            from core.lessons.course import load_course

            self._loaded = True
            course = load_course()
            self.panel.set_lessons([*course.lessons, *self.panel.lessons])
            self.problems = course.problems
            if course.problems:  # the rest of the course still loads
                files = len({p.file for p in course.problems})
                self.window.statusBar().showMessage(
                    self.tr("{0} lesson files were refused, e.g. {1}").format(
                        files, course.problems[0]), 20_000)

    def _show_page(self, page: Page) -> None:
        self.window.tabs.setCurrentWidget(page.widget)

    def current_page(self) -> Page | None:
        return self.pages.at(self.window.tabs.currentIndex())

    def add_actions(self, file_menu: QMenu, before: QAction, help_menu: QMenu) -> None:
        """The teacher's file entries go above ``before``; Help → Lessons opens the panel."""
        for text, slot in ((self.tr("Open &lesson…"), self.open_lesson),
                           (self.tr("Save this setup as a lesson step…"), self.save_setup),
                           (self.tr("Export lesson answers (CSV)…"), self.export_answers)):
            action = QAction(text, self.window)
            action.triggered.connect(lambda _=False, slot=slot: slot())
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(before)
        lessons = QAction(self.tr("&Lessons"), self.window)
        lessons.setShortcut(QKeySequence("Ctrl+L"))
        lessons.triggered.connect(self.open_panel)
        self.window.addAction(lessons)
        help_menu.insertAction(help_menu.actions()[0] if help_menu.actions() else None, lessons)

    def open_panel(self) -> None:
        self._load_course()
        if not self.panel.isVisible():
            self._float_if_too_wide()
        self.panel.show()
        self.panel.raise_()
        if self.panel.lesson is None:
            self.panel.resume()

    def _float_if_too_wide(self) -> None:
        """On a screen too narrow for the page and the dock side by side, float the panel
        at the screen's right edge (the learner can dock it again) instead of pushing the
        window off the screen."""
        screen = self.window.screen()
        if self.panel.isFloating() or screen is None:
            return
        room = screen.availableGeometry()
        width = self.panel.minimumSizeHint().width() + 20
        if self.window.minimumSizeHint().width() + width <= room.width():
            return
        self.panel.setFloating(True)
        self.panel.setGeometry(room.right() - width, room.top() + 40, width,
                               room.height() - 80)

    def open_on_first_start(self) -> None:
        """On a first start the panel opens beside the page: shown now, so the first
        frame has its room, and its course read and first lesson set up on the event
        loop's next turn, after that frame (~0.1 s)."""
        if not self.progress.seen():
            self._float_if_too_wide()
            self.panel.show()
            QTimer.singleShot(0, self._open_if_shown)

    def _open_if_shown(self) -> None:
        if self.panel.isVisible():  # not closed meanwhile
            self.open_panel()

    # -- teachers --------------------------------------------------------------------
    def open_lesson(self, path: str = "") -> Lesson | None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Open lesson"), "", self.tr("Lessons (*.toml)"))
        if not path:
            return None
        self._load_course()
        from core.lessons.parse import LessonError, read_lesson

        try:
            lesson = read_lesson(path)
        except LessonError as exc:  # one "file:line: reason" per line
            QMessageBox.warning(self.window, self.tr("Cannot open the lesson"), str(exc))
            return None
        self.panel.show()
        self.panel.add_lesson(lesson)
        return lesson

    def save_setup(self, path: str = "") -> str | None:
        page = self.current_page()
        if page is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Save this setup as a lesson step"),
                f"{page.name}-step.toml", self.tr("Lessons (*.toml)"))
        if not path:
            return None
        try:
            Path(path).write_text(step_toml(page.name, page.settings(), page.points()),
                                  encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot save"), str(exc))
            return None
        self.window.statusBar().showMessage(
            self.tr("Saved {0}: add the step's text, then put it in a lesson.").format(path),
            8000)
        return path

    def export_answers(self, path: str = "") -> str | None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export lesson answers"), "lesson-answers.csv",
                self.tr("CSV files (*.csv)"))
        if not path:
            return None
        try:
            rows = self.progress.export_csv(path)
        except OSError as exc:
            QMessageBox.warning(self.window, self.tr("Cannot export"), str(exc))
            return None
        self.window.statusBar().showMessage(
            self.tr("Saved {0} answers to {1}").format(rows, path), 8000)
        return path

    def shutdown(self) -> None:
        self.panel.leave()
