"""A background task's child side: progress, result, failure and cancel over pipes."""

from multiprocessing import Pipe

import numpy as np

from core.data.datasets import make_dataset, split_dataset
from core.worker.loop import Stop
from core.worker.process import run_child


def _run(target, kwargs, cancel_first=False):
    results_out, results_in = Pipe(duplex=False)
    inbox_out, inbox_in = Pipe(duplex=False)
    inbox_in.send((target, kwargs))
    if cancel_first:
        inbox_in.send(Stop())
    run_child("core.worker.task:run_task", inbox_out, results_in)
    messages = []
    try:
        while True:
            messages.append(results_out.recv())
    except EOFError:  # the child closed its end: everything has been read
        return messages


def _data():
    train, test = split_dataset(make_dataset("xor", 60, 0.0, np.random.default_rng(0)), 0.5,
                                np.random.default_rng(0))
    return {"train": train, "test": test, "depth": 1, "features": ("x1", "x2"), "epochs": 2}


def test_progress_then_the_result():
    messages = _run("core.playground.sweep:sweep_task", {**_data(), "widths": (1, 2, 3)})
    kinds = [m[0] for m in messages]
    assert kinds == ["progress"] * 3 + ["succeeded"]
    assert [len(m[2]) for m in messages[:3]] == [1, 2, 3]
    assert [p.width for p in messages[-1][1]] == [1, 2, 3]


def test_a_cancelled_task_stops_before_the_next_size():
    messages = _run("core.playground.sweep:sweep_task", {**_data(), "widths": (1, 2, 3)}, cancel_first=True)
    assert messages == [("succeeded", [])]


def test_a_failure_is_one_message_not_a_dead_child():
    (message,) = _run("core.playground.sweep:no_such_function", {})
    assert message[0] == "failed" and "no_such_function" in message[1]
