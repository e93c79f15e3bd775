"""Timing helpers: warm up, repeat, alternate contenders, report medians and ratios."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def rate(work: Callable[[int], int], seconds: float) -> float:
    """Units per second of ``work(n) -> units done``, run for about ``seconds``."""
    n, done, started = 1, 0, time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        done += work(n)
        n = min(n * 2, 1000)
    return done / elapsed


def race(contenders: dict[str, Callable[[], float]], repeats: int) -> dict[str, float]:
    """Median of ``repeats`` measurements per contender, taken in alternation.

    Alternating (A, B, C, A, B, C, …) spreads slow phases of the machine over
    all contenders instead of punishing whichever ran during them.
    """
    for measure in contenders.values():  # warm-up round, discarded
        measure()
    results: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(repeats):
        for name, measure in contenders.items():
            results[name].append(measure())
    return {name: statistics.median(values) for name, values in results.items()}


@contextmanager
def torch_threads(n: int | None) -> Iterator[None]:
    """PyTorch's intra-op threads set to ``n`` (None: its default) for a measurement."""
    import torch

    default = torch.get_num_threads()
    torch.set_num_threads(n or default)
    try:
        yield
    finally:
        torch.set_num_threads(default)


def resident_mb(pid: int | str = "self") -> float:
    """Resident memory of a process (Linux ``/proc``), in MB; 0.0 where unavailable."""
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def tree_resident_mb(pid: int | None = None) -> tuple[float, int]:
    """Resident memory of a process and all its descendants (Linux), and how many they are."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    tree, stack = [], [pid or os.getpid()]
    while stack:
        tree.append(stack.pop())
        stack.extend(children.get(tree[-1], []))
    return round(sum(resident_mb(p) for p in tree), 1), len(tree)


def cpu_ticks() -> tuple[int, int]:
    """``(steal, total)`` clock ticks of all CPUs since boot (Linux); ``(0, 0)`` elsewhere.

    Steal is time the hypervisor gave this virtual machine's CPUs to someone
    else: a section measured while it was high ran on a slower machine.
    """
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(v) for v in handle.readline().split()[1:9]]
    except (OSError, ValueError):
        return 0, 0
    return fields[7], sum(fields)


def steal_percent(before: tuple[int, int], after: tuple[int, int]) -> float | None:
    total = after[1] - before[1]
    return round(100 * (after[0] - before[0]) / total, 1) if total > 0 else None
