"""Start-up never fails because of a file, and never loses one (issue 19, classes 1, 5, 10).

Each test puts something hostile where the autosave lives, starts a real
window as the app does (``restore_last``) and checks: the window works, the
status bar says what was set aside, and every broken file is kept, byte for
byte, under a numbered name that never overwrites an older one.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

import gui.sessions.session_manager as session_manager
from gui.main_window import MainWindow
from gui.sessions.session_manager import autosave_path
from tests.hostile_corpus import NAN_L2, npy_header_only, session_file

ROOT = Path(__file__).resolve().parents[3]
NESTED = '{"format": "neural-playground-session", "version": 1, "x": ' + "[" * 100_000 + \
    "]" * 100_000 + "}"


@pytest.fixture
def data_folder(qapp):
    """The autosave's folder, emptied of autosaves and broken files before and after."""
    folder = autosave_path().parent
    folder.mkdir(parents=True, exist_ok=True)

    def clean():
        for path in folder.glob(f"*{autosave_path().name}*"):
            if path.is_dir():
                path.rmdir()
            else:
                path.unlink()

    clean()
    yield folder
    clean()


def _start(qtbot) -> MainWindow:
    """A window started as the app starts one: shown, then the last session restored."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.playground.snapshot is not None, timeout=10_000)
    window.sessions.restore_last()
    return window


def _hostile_autosave(kind: str) -> bytes:
    path = autosave_path()
    if kind == "garbage":
        path.write_bytes(b"garbage")
    elif kind == "nested-json":
        session_file(path, raw_document=NESTED)
    elif kind == "npy-8TB":
        session_file(path, lambda d, a: a.__setitem__("train_X",
                                                      npy_header_only((2**20, 2**21))))
    elif kind == "nan-l2":
        session_file(path, raw_document=NAN_L2)
    elif kind == "weights-do-not-fit":
        session_file(path, lambda d, a: d["playground"]["config"].__setitem__("hidden", [5]))
    return path.read_bytes()


@pytest.mark.parametrize("kind", ["garbage", "nested-json", "npy-8TB", "nan-l2",
                                  "weights-do-not-fit"])
def test_a_broken_autosave_is_kept_and_the_app_works(qtbot, data_folder, kind):
    content = _hostile_autosave(kind)
    window = _start(qtbot)
    before = window.playground.snapshot.config
    kept = data_folder / f"{autosave_path().name}.broken"
    assert kept.read_bytes() == content and not autosave_path().exists()
    assert "could not be restored" in window.statusBar().currentMessage()
    # Nothing of the broken session was applied, and the playground still trains.
    qtbot.keyClick(window.playground, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.playground.snapshot.step > 20, timeout=10_000)
    assert window.playground.snapshot.config == before
    window.close()


def test_a_second_broken_autosave_never_overwrites_the_first(qtbot, data_folder):
    first = data_folder / f"{autosave_path().name}.broken"
    first.write_bytes(b"the first broken autosave")
    (data_folder / f"{autosave_path().name}.broken.2").mkdir()  # a folder takes a name too
    autosave_path().write_bytes(b"the second one")
    window = _start(qtbot)
    assert first.read_bytes() == b"the first broken autosave"
    third = data_folder / f"{autosave_path().name}.broken.3"
    assert third.read_bytes() == b"the second one"
    assert str(third) in window.statusBar().currentMessage()
    window.close()


def test_an_autosave_that_is_a_folder_is_set_aside(qtbot, data_folder):
    autosave_path().mkdir()
    window = _start(qtbot)
    assert (data_folder / f"{autosave_path().name}.broken").is_dir()
    assert "is a folder" in window.statusBar().currentMessage()
    window.close()


def test_a_read_only_data_folder_keeps_the_broken_autosave_in_place(qtbot, data_folder,
                                                                    monkeypatch):
    # Tests may run as root, whom chmod does not stop: the rename fails as it would.
    def refuse(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(session_manager.os, "rename", refuse)
    autosave_path().write_bytes(b"garbage")
    window = _start(qtbot)
    message = window.statusBar().currentMessage()
    assert "nor set aside (Permission denied)" in message and "autosave is off" in message
    window.close()  # closing autosaves — but not over the file it could not set aside
    assert autosave_path().read_bytes() == b"garbage"


def test_temporary_files_of_killed_saves_are_removed_at_start(qtbot, data_folder):
    stale = data_folder / f".{autosave_path().name}.k1ll3d.tmp"
    fresh = data_folder / f".{autosave_path().name}.s4v1ng.tmp"
    for path in (stale, fresh):
        path.write_bytes(bytes(1000))
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    window = _start(qtbot)
    assert not stale.exists() and fresh.exists()  # a save in progress is left alone
    window.close()
    fresh.unlink()


def test_file_open_of_a_hostile_session_says_why_and_changes_nothing(qtbot, window,
                                                                    tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append(text))
    path = tmp_path / "nested.npsession"
    session_file(path, raw_document=NESTED)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    before = window.playground.snapshot.config
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert len(shown) == 1 and "nested more than 16 levels" in shown[0]
    assert window.playground.snapshot.config == before and window.sessions.path is None


def test_the_real_start_up_survives_an_autosave_declaring_8_TB(tmp_path):
    """The app as started from main.py: before the fix this aborted with exit 134."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    script = (
        "import sys\n"
        "from PySide6.QtCore import QStandardPaths, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv)\n"
        "app.setApplicationName('Neural Playground')\n"
        "app.setOrganizationName('Neural Playground')\n"
        "from tests.hostile_corpus import npy_header_only, session_file\n"
        "from gui.sessions.session_manager import autosave_path\n"
        "autosave_path().parent.mkdir(parents=True)\n"
        "session_file(autosave_path(), lambda d, a: a.__setitem__("
        "'train_X', npy_header_only((2**20, 2**21))))\n"
        "QTimer.singleShot(1500, app.quit)\n"
        "from gui.app import run_app\n"
        "sys.exit(run_app())\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    kept = list((tmp_path / "data").rglob("autosave.npsession.broken"))
    assert len(kept) == 1 and kept[0].stat().st_size > 0
