"""A start makes only the first tab's page; another is made when it is first wanted
(issue 20): its tab clicked, a lesson or a session asking for it."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gui.digits.digits_page import DigitsPage
from gui.labs.curve_fit_page import CurveFitPage
from gui.playground.playground_page import PlaygroundPage
from tests.conftest import ROOT


def _made(window) -> list[str]:
    return [page.name for page in window.pages.made()]


def _placeholders(window) -> list[int]:
    """Tabs that still hold no page (a bare widget)."""
    return [i for i in range(window.tabs.count()) if type(window.tabs.widget(i)) is QWidget]


def _click_tab(qtbot, window, index: int) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index


def test_a_start_makes_the_first_page_and_a_tab_click_the_next(window, qtbot):
    assert _made(window) == ["playground"]
    assert isinstance(window.tabs.widget(0), PlaygroundPage)
    assert _placeholders(window) == [1, 2, 3, 4]
    _click_tab(qtbot, window, 1)
    assert _made(window) == ["playground", "digits"]
    digits = window.tabs.widget(1)
    assert isinstance(digits, DigitsPage) and digits.isVisible()
    assert _placeholders(window) == [2, 3, 4]
    _click_tab(qtbot, window, 0)
    _click_tab(qtbot, window, 1)
    assert window.tabs.widget(1) is digits is window.digits  # made once
    # The status bar has the shown page's hint, as before pages were made lazily.
    assert window.statusBar().currentMessage() == window.pages["digits"].status_message()


def test_a_page_a_lesson_asks_for_is_made_in_its_tab_without_showing_it(window, qtbot):
    page = window.learn.pages["curve_fit"]
    assert _made(window) == ["playground", "curve_fit"]
    assert isinstance(page.widget, CurveFitPage)
    assert window.tabs.indexOf(page.widget) == 3 and window.tabs.currentIndex() == 0
    assert not page.widget.controller.is_running()  # its worker waits for the tab
    page.apply_settings({"hidden": 5})
    assert page.widget.hidden.value() == 5
    _click_tab(qtbot, window, 3)
    assert window.learn.current_page() is page


def test_file_new_leaves_only_the_shown_first_page_made(window, qtbot):
    _click_tab(qtbot, window, 2)
    assert _made(window) == ["playground", "descent"]
    old = window.playground
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert _made(window) == ["playground"] and window.tabs.currentIndex() == 0
    assert window.playground is not old and _placeholders(window) == [1, 2, 3, 4]


def test_a_real_start_imports_no_other_page_nor_opengl_torch_or_the_exports(tmp_path):
    """The app as main.py starts it, a first start: the Learn panel is open in the first
    frame, and its first lesson (on the playground) is set up after that frame."""
    script = (
        "import json, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv)\n"
        "seen = []\n"
        "def state():\n"
        "    window = next(w for w in app.topLevelWidgets() if hasattr(w, 'pages'))\n"
        "    return {'made': [p.name for p in window.pages.made()],\n"
        "            'learn': window.learn.panel.isVisible(),\n"
        "            'lesson': window.learn.panel.lesson is not None,\n"
        "            'modules': sorted(m for m in sys.modules if m in (\n"
        "                'torch', 'OpenGL', 'pyqtgraph.opengl', 'gui.export',\n"
        "                'gui.digits.digits_page', 'gui.labs.descent_page',\n"
        "                'gui.labs.curve_fit_page'))}\n"
        "def report():\n"
        "    seen.append(state())\n"
        "    if seen[-1]['lesson'] or len(seen) > 200:\n"
        "        print(json.dumps([seen[0], seen[-1]]), flush=True)\n"
        "        app.quit()\n"
        "    else:\n"
        "        QTimer.singleShot(50, report)\n"
        "QTimer.singleShot(0, report)\n"
        "from gui.app import run_app\n"
        "sys.exit(run_app())\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),  # a first start
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    first, later = json.loads(result.stdout.strip().splitlines()[-1])
    assert first == {"made": ["playground"], "learn": True, "lesson": False, "modules": []}
    assert later == {"made": ["playground"], "learn": True, "lesson": True, "modules": []}
