"""The benchmark suite keeps working (it asserts nothing about speed)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_tiny_benchmark_run_produces_every_section(tmp_path):
    out = tmp_path / "bench.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("DISPLAY", None)
    result = subprocess.run([sys.executable, "-m", "benchmarks", "--tiny", "--json", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "| benchmark | measurement | value |" in result.stdout
    data = json.loads(out.read_text())
    assert data["playground_step"]["steps_per_second"]["core"] > 0
    assert data["digits_epoch"]["epoch_seconds"]
    assert data["canvas_ms"]["p50"] > 0 and data["startup_seconds"] > 0
    # At rest only the shown tab's worker runs: the window and one child.
    assert data["rest_processes"] == 2
    assert 50 < data["rest_memory_mb"] < 1000
    assert "resident memory of the app" in result.stdout
    steal = data["cpu_steal_percent"]
    assert set(steal) == {"playground_step", "digits_epoch", "canvas", "startup"}
    assert all(v is None or 0 <= v <= 100 for v in steal.values())
    assert set(data["load_average"]) == set(steal)


def test_steal_percent_from_proc_stat_ticks():
    from benchmarks.timing import steal_percent

    assert steal_percent((10, 1000), (30, 1200)) == 10.0  # 20 of 200 ticks
    assert steal_percent((0, 0), (0, 0)) is None  # no /proc/stat


def test_tree_resident_memory_counts_children():
    from benchmarks.timing import resident_mb, tree_resident_mb

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        alone = resident_mb()
        total, processes = tree_resident_mb()
        assert processes >= 2
        assert total >= alone + resident_mb(child.pid) - 1
    finally:
        child.kill()
        child.wait()


def test_window_rows_report_every_size():
    from benchmarks.run import window_rows

    size = {"frames_per_s": 31.5, "lateness_ms": {"p50": 0.4, "p99": 9.1, "max": 14.0},
            "training_fraction": 0.86, "gui_cpu_ms_per_frame": 7.25, "kb_per_frame": 1234.5}
    rows = window_rows({"platform": "xcb", "sizes": {"8x3": size, "32x8": size}})
    assert len(rows) == 2 and "hidden 32x8 (xcb)" in rows[1]
    assert rows[0].endswith("| 31.5; 0.4/9.1/14.0; 86%; 7.25; 1,234 |")
