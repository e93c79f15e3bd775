"""Every hostile file in the corpus gets one clear line, in bounded memory and time.

The corpus (tests/hostile_corpus.py) is built and run once, in a fresh
interpreter that never imports Qt; each case runs in its own forked child
whose peak memory the runner reads with ``os.wait4``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile_corpus import all_cases

pytestmark = pytest.mark.skipif(sys.platform != "linux",
                                reason="the runner forks and reads /proc for each case")
ROOT = Path(__file__).resolve().parents[2]
CASES = all_cases()
MAX_GROWTH_MB = 100   # above a forked child that does nothing
MAX_SECONDS = 5.0


@pytest.fixture(scope="module")
def results() -> dict[str, dict]:
    run = subprocess.run([sys.executable, str(ROOT / "tests" / "hostile_corpus.py"), "--json"],
                         capture_output=True, text=True, cwd=ROOT, timeout=600, check=True)
    return {r["id"]: r for r in json.loads(run.stdout)}


def test_the_corpus_covers_every_format_and_every_defect_class():
    formats = {c.format for c in CASES}
    assert formats == {"session", "model", "png", "idx", "csv", "save"}
    classes = {tag for c in CASES for tag in c.tags}
    assert classes == {str(n) for n in range(1, 12)}, sorted(classes)
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_file_gets_one_line_and_bounded_resources(results, case):
    result = results[case.id]
    assert "Traceback" not in result["err"], result["err"]
    if case.accept:
        assert result["code"] == 0, result["err"]
        assert re.search(case.reason, result["out"]), result["out"]
    else:
        lines = result["err"].strip().splitlines()
        assert result["code"] == 2 and len(lines) == 1, result["err"]
        assert lines[0].startswith("neural-playground: error: ")
        assert re.search(case.reason, lines[0]), lines[0]
        assert result["out"] == ""
    assert result["unchanged"], "the case's files were changed"
    assert result["growth_mb"] <= MAX_GROWTH_MB, result
    assert result["seconds"] <= MAX_SECONDS, result
