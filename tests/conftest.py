"""Test set-up: Qt runs offscreen and pyqtgraph uses PySide6.

These variables must be set before anything imports Qt, so they live here at
the top of the root conftest.
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Settings, recent files and the autosave go to a scratch home, never the user's.
_SCRATCH = tempfile.mkdtemp(prefix="neural-playground-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SCRATCH, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_SCRATCH, "data")
os.environ.setdefault("QT_API", "pyside6")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
