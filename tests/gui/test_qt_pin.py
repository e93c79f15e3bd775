"""Re-checks the PySide6 pin: 6.12.0 aborted CPython 3.11 after signal emits."""

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import os
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import QObject, QThread, Signal, Slot, QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QApplication([])

    class Emitter(QObject):
        value = Signal(object)
        done = Signal()

        @Slot()
        def run(self):
            for i in range(10_000):
                self.value.emit(i % 2 == 0)
            self.done.emit()

    received = []
    thread = QThread()
    emitter = Emitter()
    emitter.moveToThread(thread)
    thread.started.connect(emitter.run)
    emitter.value.connect(received.append)  # queued: crosses threads
    emitter.done.connect(thread.quit)
    thread.start()
    while thread.isRunning() or len(received) < 10_000:
        app.processEvents()
    thread.wait()

    plot = pg.PlotWidget()
    curve = plot.plot()
    image = pg.ImageItem()
    plot.addItem(image)
    plot.show()
    for i in range(300):
        curve.setData(np.random.rand(100))
        image.setImage(np.random.rand(50, 50).astype(np.float32), levels=(0, 1))
        app.processEvents()
    print(len(received))
    """
)


def test_many_queued_signals_and_plot_updates_do_not_abort_python():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=240)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "10000"
