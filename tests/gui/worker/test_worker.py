"""The one worker abstraction, on a child process and on a thread."""

from __future__ import annotations

import os
import sys
import time
import types

import pytest

from core.worker.loop import Play
from core.worker.process import FRAME_PAINTED, FRAME_WAIT_LIMIT
from gui.worker.background_task import BackgroundTask
from gui.worker.backings import ProcessBacking, ThreadBacking
from gui.worker.training_controller import TrainingController
from gui.worker.worker import Worker
from tests.gui.worker.jobs import CountingTarget, Exploding

JOBS = "tests.gui.worker.jobs"


def _in_child(job: str, first=None, grace: float = 0.5) -> Worker:
    return Worker(ProcessBacking(f"{JOBS}:{job}", grace), first)


@pytest.fixture
def stopped():
    """Workers a test started: stopped (and checked gone) whatever the test did."""
    workers: list[Worker] = []
    yield workers.append
    for worker in workers:
        assert worker.stop()
        assert not worker.is_running()


def test_messages_go_to_the_job_and_its_results_come_back(qtbot, stopped):
    worker = _in_child("echo", first="first")
    stopped(worker)
    worker.start()
    qtbot.waitUntil(lambda: worker.latest == "first", timeout=15_000)
    with qtbot.waitSignal(worker.produced, timeout=5_000) as produced:
        worker.send({"rate": 0.5})
    assert produced.args == [{"rate": 0.5}] and worker.latest == {"rate": 0.5}


def test_a_child_starts_lean_with_one_blas_thread_and_this_process_keeps_its_own(
        qtbot, stopped, monkeypatch, tmp_path):
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setenv("MKL_NUM_THREADS", "7")  # a setting the user made is kept
    # A main script (the benchmark's, say): a child must not run it (multiprocessing's
    # spawn would).
    marker = tmp_path / "main-ran"
    script = tmp_path / "app_main.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\n")
    main = types.ModuleType("__main__")
    main.__file__, main.__spec__ = str(script), None
    monkeypatch.setitem(sys.modules, "__main__", main)
    worker = _in_child("environment")
    stopped(worker)
    with qtbot.waitSignal(worker.succeeded, timeout=15_000) as done:
        worker.start()
    assert done.args[0]["OPENBLAS_NUM_THREADS"] == "1"
    assert done.args[0]["MKL_NUM_THREADS"] == "7"
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    assert sys.modules["__main__"] is main
    # numpy comes after the limits; nothing of the main script (nor Qt) in the child
    assert done.args[0]["imported"] == []
    assert not marker.exists()


def test_a_crashing_child_is_one_failure_with_its_message(qtbot, stopped):
    worker = _in_child("crash")
    stopped(worker)
    failures: list[str] = []
    worker.failed.connect(failures.append)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_running(), timeout=15_000)
    qtbot.wait(50)  # the relay's last queued signals
    assert failures == ["RuntimeError: the model exploded"]


def test_a_child_that_vanishes_is_reported_in_plain_words(qtbot, stopped):
    worker = _in_child("vanish")
    stopped(worker)
    with qtbot.waitSignal(worker.failed, timeout=15_000) as failed:
        worker.start()
    assert failed.args[0] == worker.ended_message()
    assert "Traceback" not in failed.args[0]


def test_a_model_that_cannot_be_built_is_reported_by_the_training_controller(qtbot, stopped):
    controller = TrainingController(Exploding)
    stopped(controller)
    with qtbot.waitSignal(controller.worker_failed, timeout=15_000) as failed:
        controller.start()
    assert failed.args[0] == "ValueError: no such layer size: -3"


def test_stop_kills_a_child_that_does_not_listen(qtbot, stopped):
    worker = _in_child("deaf", grace=0.2)
    worker.start()
    qtbot.waitUntil(lambda: worker.latest is not None, timeout=15_000)
    assert worker.stop()
    deadline = time.monotonic() + 5.0  # generous: the kill itself is immediate
    while worker._backing.process.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not worker._backing.process.is_alive()
    assert not worker.is_running()
    with pytest.raises(ProcessLookupError):
        os.kill(worker.latest, 0)  # the pid the child reported is gone


def test_stop_while_training_ends_the_child_and_says_nothing(qtbot):
    controller = TrainingController(CountingTarget)
    failures: list[str] = []
    controller.worker_failed.connect(failures.append)
    controller.start()
    controller.send(Play())
    qtbot.waitUntil(lambda: (controller.latest or 0) > 3, timeout=15_000)
    child = controller._process
    assert controller.stop()
    assert not child.is_alive() and not controller.is_running()
    qtbot.wait(50)
    assert failures == []


def test_a_child_computes_frames_only_when_the_last_was_painted(qtbot, stopped):
    """Without acknowledgements the child sends one frame per FRAME_WAIT_LIMIT at most."""
    worker = Worker(ProcessBacking("core.worker.process:serve", 0.5), CountingTarget)
    stopped(worker)
    received: list[int] = []
    worker.produced.connect(received.append)
    worker.start()
    worker.send(Play())
    qtbot.waitUntil(lambda: len(received) >= 2, timeout=15_000)
    first, started = len(received), time.monotonic()
    qtbot.wait(1500)
    silent = len(received) - first
    elapsed = time.monotonic() - started
    assert silent <= elapsed / FRAME_WAIT_LIMIT + 1
    assert received == list(range(1, len(received) + 1)), "every frame computed was sent"
    for _ in range(3):  # each acknowledgement is answered by the next frame
        with qtbot.waitSignal(worker.produced, timeout=5_000):
            worker.send(FRAME_PAINTED)
    assert received == list(range(1, len(received) + 1))


def test_a_thread_job_reports_progress_and_its_result(qtbot):
    def job(inbox, outbox):
        outbox.send(("progress", "half", 1, 2))
        outbox.send(("succeeded", inbox.recv() * 2))

    worker = Worker(ThreadBacking(job))
    progress: list[tuple] = []
    worker.progress.connect(lambda *args: progress.append(args))
    worker.start()
    with qtbot.waitSignal(worker.succeeded, timeout=5_000) as done:
        worker.send(21)
    assert done.args == [42] and worker.latest == 42
    assert progress == [("half", 1, 2)]
    assert worker.stop()


def test_cancelling_a_thread_task_is_seen_by_its_function(qtbot):
    def wait_for_cancel(progress, cancelled):
        while not cancelled():
            time.sleep(0.01)
        raise InterruptedError("cancelled")

    task = BackgroundTask(wait_for_cancel)
    task.start()
    qtbot.waitUntil(task.is_running)
    assert task.cancel()
    assert task.was_cancelled() and not task.is_running()
