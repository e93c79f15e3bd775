"""Closing the window mid-work: training, a download, a sweep — gone within a second."""

from __future__ import annotations

import hashlib
import time

from PySide6.QtCore import Qt, QtMsgType

import gui.digits.data_source as data_source
from core.digits.downloads import RemoteFile
from gui.sessions.session_manager import autosave_path
from tests.core.digits.test_digits_data import _StallingServer
from tests.gui.playground.test_playground_window import wait_for


def _close_timed(window) -> float:
    started = time.monotonic()
    window.close()
    return time.monotonic() - started


def _no_thread_warnings(qtlog) -> None:
    messages = [r.message for r in qtlog.records if r.type != QtMsgType.QtDebugMsg]
    assert not [m for m in messages if "QThread" in m or "Destroyed" in m], messages


def test_closing_while_training_is_quick_and_saves_the_session(qtbot, window, qtlog):
    page = window.playground
    page.toggle_play()
    wait_for(qtbot, page, lambda s: s.running and s.step > 200)
    if autosave_path().exists():
        autosave_path().unlink()
    assert _close_timed(window) < 1.0
    assert not page.controller.is_running()
    assert autosave_path().exists()
    _no_thread_warnings(qtlog)


def test_closing_during_a_stalled_download_is_quick(qtbot, window, qtlog, monkeypatch,
                                                    tmp_path):
    server = _StallingServer()
    files = (RemoteFile("big.gz", hashlib.sha256(b"never").hexdigest()),)
    monkeypatch.setitem(data_source.REMOTE_DATASETS, "mnist", (server.url[:-6], files))
    monkeypatch.setattr(data_source, "data_folder", lambda name: str(tmp_path / name))
    panel = window.digits.training
    try:
        index = panel.data_source.findData("mnist")
        panel.data_source.setCurrentIndex(index)
        panel.data_source.activated.emit(index)
        qtbot.waitUntil(lambda: panel.data_chooser._task is not None and panel.data_chooser._task.is_running())
        qtbot.wait(300)  # the first piece has arrived, then the server went silent
        assert _close_timed(window) < 1.0
        assert not panel.data_chooser._task.is_running()
    finally:
        server.close()
    assert not list((tmp_path / "mnist").glob("*.part"))
    _no_thread_warnings(qtlog)


def test_closing_during_a_sweep_is_quick(qtbot, window, qtlog):
    dialog = window.playground.open_sweep()
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.task is not None and dialog.task.is_running())
    assert _close_timed(window) < 1.0
    assert not dialog.task.is_running()
    _no_thread_warnings(qtlog)
