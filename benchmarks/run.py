"""Run every benchmark and print a markdown table (and JSON with ``--json PATH``).

``python -m benchmarks`` (full), ``--quick`` (under a minute), ``--tiny`` (a
smoke run for the test suite).  Peers (PyTorch, scikit-learn) are optional:
``pip install -e ".[bench]"``; missing ones are skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from benchmarks import canvas_and_startup, digits_epoch, playground_step
from benchmarks.timing import cpu_ticks, steal_percent
from core.worker.allocator import keep_freed_memory

ROOT = Path(__file__).resolve().parent.parent


def window_section(seconds: float, rounds: int) -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if "DISPLAY" not in env else "xcb")
    sizes = 3  # playground_window.SIZES; not imported: it sets up the app's environment
    out = subprocess.run([sys.executable, "-m", "benchmarks.playground_window", "--seconds",
                          str(seconds), "--rounds", str(rounds)], cwd=ROOT, env=env,
                         capture_output=True, text=True,
                         timeout=60 + 3 * (seconds + 5) * rounds * sizes, check=True)
    text = out.stdout[out.stdout.index("{"):]
    result = json.loads(text)
    result["platform"] = env["QT_QPA_PLATFORM"]
    return result


def window_rows(window: dict) -> list[str]:
    """One row per hidden size: frames/s, lateness, training share, GUI time, bytes."""
    rows = []
    for size, r in window["sizes"].items():
        late = r["lateness_ms"]
        rows.append(
            f"| window while training spiral, hidden {size} ({window['platform']}) | frames/s; "
            f"lateness p50/p99/max ms; training vs headless; GUI thread CPU ms/frame; "
            f"kB/frame | {r['frames_per_s']}; {late['p50']}/{late['p99']}/{late['max']}; "
            f"{r['training_fraction']:.0%}; {r['gui_cpu_ms_per_frame']}; "
            f"{r['kb_per_frame']:,.0f} |")
    return rows


def markdown(results: dict) -> str:
    lines = ["| benchmark | measurement | value |", "|---|---|---|"]
    step = results["playground_step"]
    for name, value in step["steps_per_second"].items():
        lines.append(f"| playground step (2-8-8-1, batch 10) | {name} steps/s | {value:,} |")
    for name, value in step["ratios"].items():
        lines.append(f"| playground step | {name} | {value}× |")
    lines.append(f"| one frame's grids (150², every neuron) | ms | "
                 f"{step['grid_150_all_neurons_ms']} |")
    digits = results["digits_epoch"]
    for batch, times in digits["epoch_seconds"].items():
        for name, value in times.items():
            fraction = digits["fraction_of_sgemm"][batch][name]
            lines.append(f"| digits epoch ({digits['samples']:,} samples, batch {batch}) | "
                         f"{name} s (share of sgemm) | {value} ({fraction:.0%}) |")
    for batch, ratios in digits["core_vs_pytorch"].items():
        pairs = ", ".join(f"{k} {v}×" for k, v in ratios.items())
        lines.append(f"| digits epoch, batch {batch} | core time / PyTorch time | {pairs} |")
    window = results.get("window")
    if window:
        lines += window_rows(window)
    lines.append(f"| digits canvas | mouse move → all updated, p50/p99 ms | "
                 f"{results['canvas_ms']['p50']}/{results['canvas_ms']['p99']} |")
    lines.append(f"| start-up | to first frame, s | {results['startup_seconds']} |")
    lines.append(f"| at rest | resident memory of the app, all {results['rest_processes']} "
                 f"processes, MB | {results['rest_memory_mb']} |")
    steal = ", ".join(f"{k} {v}" for k, v in results["cpu_steal_percent"].items()
                      if v is not None)
    if steal:
        lines.append(f"| machine | CPU time taken by the hypervisor (steal) per section, % | "
                     f"{steal} |")
    load = ", ".join(f"{k} {v}" for k, v in results["load_average"].items())
    lines.append(f"| machine | load average (1 min) after each section, {os.cpu_count()} CPUs | "
                 f"{load} |")
    notes = step["notes"] + digits["notes"]
    return "\n".join(lines + [""] + [f"- {n}" for n in sorted(set(notes))])


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a run of under a minute")
    parser.add_argument("--tiny", action="store_true", help="a smoke run (tests)")
    parser.add_argument("--json", metavar="PATH")
    args = parser.parse_args(argv)
    quick = args.quick or args.tiny
    keep_freed_memory()  # as every process of the app does; PyTorch's share it
    steal: dict[str, float | None] = {}
    load: dict[str, float] = {}

    def section(name: str, measure: Callable[[], object]) -> object:
        before = cpu_ticks()
        result = measure()
        steal[name] = steal_percent(before, cpu_ticks())
        load[name] = round(os.getloadavg()[0], 1)  # other programs on this machine
        return result

    results = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
        "playground_step": section("playground_step",
                                   lambda: playground_step.run(quick, args.tiny)),
        "digits_epoch": section("digits_epoch", lambda: digits_epoch.run(quick, args.tiny)),
        "window": None if args.tiny else section(
            "window", lambda: window_section(*((2, 1) if quick else (40, 5)))),
        "canvas_ms": section("canvas", lambda: canvas_and_startup.canvas_latency(
            20 if args.tiny else 300)),
        "startup": section("startup", lambda: canvas_and_startup.startup(
            1 if quick else 3, 1.0 if args.tiny else 4.0)),
        "cpu_steal_percent": steal,
        "load_average": load,
    }
    results["startup_seconds"] = results["startup"]["seconds"]
    results["rest_memory_mb"] = results["startup"]["rest_mb"]
    results["rest_processes"] = results["startup"]["processes"]
    print(markdown(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


if __name__ == "__main__":
    main()
