"""Application start-up: environment, interpreter settings, the window."""

from __future__ import annotations

import gc
import os
import sys

from core.worker.allocator import keep_freed_memory


def configure_environment() -> None:
    """Settings that must be in place before numpy and Qt load.

    BLAS runs single-threaded: for this app's small matrices two threads are
    slower and would fight the GUI thread for the second core.  A short GIL
    switch interval keeps the window responsive while the worker trains.
    Freed arrays stay in the heap (:mod:`core.worker.allocator`).
    """
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
    sys.setswitchinterval(0.001)
    keep_freed_memory()


def configure_pyqtgraph() -> None:
    """pyqtgraph's global drawing options, shared by the app and its benchmark.

    No global antialiasing: it made every frame of the playground 40 % dearer
    to paint (the links, frames and images gain little from it); the curves of
    the loss and accuracy plots turn it on for themselves.
    """
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=False)


def freeze_startup_objects() -> None:
    """Keep the window's many long-lived objects out of the garbage collector's scans.

    A full collection walked every Qt wrapper and pyqtgraph item made at start
    (tens of milliseconds on the GUI thread); frozen, it walks only new ones.
    """
    gc.collect()
    gc.freeze()


def collect_garbage_on_gui_thread():
    """Run Python's cycle collector only on the GUI thread, from a timer.

    Left automatic, a collection runs in whichever thread allocates when the
    count is reached: a snapshot relay or a download thread.  Collecting a
    closed dialog or menu there destroyed Qt widgets off the GUI thread —
    a test run once segfaulted, and once deadlocked between a relay thread
    in ``~QMenu`` and the GUI thread in shiboken's deferred deletion.  Keep
    the returned object alive (its timer does the collecting).
    """
    from pyqtgraph.util.garbage_collector import GarbageCollector

    return GarbageCollector(interval=0.1)


def run_app(argv: list[str] | None = None) -> int:
    configure_environment()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from gui import text_size
    from gui.i18n import chosen_language, install_translators
    from gui.main_window import MainWindow, app_icon
    from gui.theme import apply_theme, chosen_theme

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Neural Playground")
    app.setOrganizationName("Neural Playground")
    app.translators = install_translators(app, chosen_language())  # keep them alive
    configure_pyqtgraph()
    app.garbage_collector = collect_garbage_on_gui_thread()
    from gui.window_geometry import fit_to_screen

    apply_theme(app, chosen_theme())
    app.setWindowIcon(app_icon())
    text_size.install(app)
    window = MainWindow()
    text_size.restyle_new()
    window.restyle_made_pages = True  # the pages made later, when first shown
    fit_to_screen(window, restored=window.sessions.restore_geometry())
    window.show()
    # After the first frame, in this order: the first lesson's set-up, then the last
    # session over it, then the collector's freeze (a full collection, tens of ms).
    window.learn.open_on_first_start()
    QTimer.singleShot(0, window.sessions.restore_last)
    QTimer.singleShot(0, freeze_startup_objects)
    return app.exec()
