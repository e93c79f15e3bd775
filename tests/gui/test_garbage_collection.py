"""Qt objects in reference cycles are destroyed on the GUI thread, whoever allocates."""

import gc
import threading
import weakref

from PySide6.QtWidgets import QMenu


class _Cycle:
    def __init__(self) -> None:
        self.me = self
        self.menu = QMenu()  # a Qt widget: destroying it off the GUI thread crashes Qt


def test_a_worker_thread_that_allocates_never_collects_gui_objects(qtbot):
    assert not gc.isenabled()  # the conftest installed the app's collector
    finalized_in = []
    cycle = _Cycle()
    weakref.finalize(cycle, lambda: finalized_in.append(threading.get_ident()))
    del cycle  # unreachable now, but only the cycle collector can free it

    def allocate() -> None:  # like a relay thread unpickling frames
        kept = [[i] for i in range(50_000)]
        del kept

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert finalized_in == []  # with automatic collection, the worker freed it here
    more = [[i] for i in range(10 * gc.get_threshold()[0])]  # well past the first threshold
    qtbot.waitUntil(lambda: bool(finalized_in), timeout=15_000)  # a loaded CI machine is slow
    assert finalized_in == [threading.get_ident()]  # the GUI thread's timer did
    del more
