"""The 2D lab's 3D landscape: in words where OpenGL is missing, drawn where it is."""

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[3]


def _open_3d(qtbot, window):
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(window.tabs.indexOf(window.descent)).center())
    lab = window.descent.surface
    inner = window.descent.tabs.tabBar()
    qtbot.mouseClick(inner, Qt.MouseButton.LeftButton,
                     pos=inner.tabRect(window.descent.tabs.indexOf(lab)).center())
    qtbot.mouseClick(lab.view_3d_check, Qt.MouseButton.LeftButton,
                     pos=lab.view_3d_check.rect().center())
    qtbot.waitUntil(lambda: lab.view_3d is not None and lab.view_3d.isVisible())
    return lab


def test_without_an_opengl_context_the_view_says_so(qtbot, window):
    lab = _open_3d(qtbot, window)  # Qt's offscreen platform makes no OpenGL context
    view = lab.view_3d
    if view.usable:
        pytest.skip("this display has OpenGL: the Xvfb test below covers drawing")
    assert view.currentWidget() is view.message and "OpenGL" in view.message.text()
    assert lab.map.isVisible()  # the 2D map stays
    qtbot.mouseClick(lab.view_3d_check, Qt.MouseButton.LeftButton,
                     pos=lab.view_3d_check.rect().center())
    assert lab.side.currentWidget() is lab.loss_plot


SCRIPT = textwrap.dedent("""
    import json, sys
    import numpy as np
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    def main():
        app = QApplication(sys.argv)
        from core.labs.descent import SURFACES
        from core.labs.landscape import landscape
        from gui.main_window import MainWindow
        window = MainWindow()
        window.resize(1400, 900)
        window.show()
        window.tabs.setCurrentWidget(window.descent)
        lab = window.descent.surface
        window.descent.tabs.setCurrentWidget(lab)
        QTest.mouseClick(lab.view_3d_check, Qt.MouseButton.LeftButton)
        QTest.qWait(300)
        QTest.mouseClick(lab.play, Qt.MouseButton.LeftButton)
        QTest.qWait(2500)
        view = lab.view_3d
        image = view.view.grabFramebuffer() if view.usable else None
        pixels = []
        if image is not None:
            for y in range(0, image.height(), 4):
                for x in range(0, image.width(), 4):
                    pixels.append(image.pixelColor(x, y).name())
        z = view.surface_item._z
        expected = landscape(SURFACES["bowl"]).heights
        line, _ = view.lines["adam"]
        print(json.dumps({"usable": view.usable, "colours": len(set(pixels)),
                          "not_white": sum(p != "#ffffff" for p in pixels),
                          "heights_match": bool(np.allclose(z, expected)),
                          "adam_points": int(len(line.pos))}))
        window.close()

    if __name__ == "__main__":
        main()
""")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (apt xvfb)")
def test_under_xvfb_the_landscape_and_the_paths_are_drawn(tmp_path):
    script = tmp_path / "draw_3d.py"
    script.write_text(SCRIPT)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(ROOT),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "QT_QPA_PLATFORM": "xcb", "PYQTGRAPH_QT_LIB": "PySide6"}
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable,
                             str(script)], capture_output=True, text=True, timeout=120,
                            env=env, cwd=tmp_path)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert lines, result.stderr[-2000:]
    report = json.loads(lines[-1])
    assert report["usable"], "Mesa's software OpenGL should give Xvfb a context"
    assert report["heights_match"]
    assert report["colours"] > 20 and report["not_white"] > 1000   # a surface was drawn
    assert report["adam_points"] > 10                                # and a walk on it
