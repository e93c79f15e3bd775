"""Open the installed app's window offscreen for 3 s; exit 1 if it is not the installed
copy, has no icon or lacks its bundled files (run by check-installed.sh)."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import main
from core.util.resources import resource_path

app = QApplication(sys.argv)


def check_and_close() -> None:
    windows = [w for w in app.topLevelWidgets() if w.isVisible() and w.inherits("QMainWindow")]
    problems = [
        text for text, bad in (
            ("not the installed copy", "site-packages" not in str(resource_path())),
            ("no window", not windows),
            ("no window icon", app.windowIcon().isNull()),
            ("no translations", not resource_path("translations",
                                                  "neural_playground_zh_CN.qm").is_file()),
            ("no shipped digits model", not resource_path("models", "digits.npz").is_file()),
        ) if bad
    ]
    print("window:", "; ".join(problems) or "opened with its icon and bundled files")
    for window in windows:
        window.close()
    app.exit(1 if problems else 0)


QTimer.singleShot(3000, check_and_close)
sys.exit(main.main([]))
