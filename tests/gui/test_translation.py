"""Every visible string has a Chinese translation, and the app can show it."""

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from gui.i18n import TRANSLATIONS, install_translators

ROOT = Path(__file__).resolve().parents[2]
TS = TRANSLATIONS / "neural_playground_zh_CN.ts"


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def lupdate() -> str:
    tool = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(tool).exists():
        pytest.fail("pyside6-lupdate (part of PySide6-Essentials) is missing")
    return tool


def test_every_string_in_the_code_is_in_the_translation_file(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    subprocess.run([lupdate(), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    in_code, committed = set(messages(fresh)), messages(TS)
    missing = sorted(in_code - set(committed))
    assert not missing, f"untranslated strings (run pyside6-lupdate, then translate): {missing}"
    assert all(name for name, _ in in_code), "a string has no context: use self.tr()"


def test_every_translation_is_finished_and_keeps_its_placeholders():
    for (_, source), translation in messages(TS).items():
        assert translation.get("type") not in ("unfinished", "obsolete"), source
        text = translation.text or ""
        assert text.strip(), source
        assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(re.findall(r"\{[^}]*\}", text))


def test_compiled_translation_matches_the_source_file():
    translator = QTranslator()
    assert translator.load("neural_playground_zh_CN", str(TRANSLATIONS))
    for (context, source), translation in messages(TS).items():
        assert translator.translate(context, source) == translation.text, source


def test_the_window_speaks_chinese_with_the_translator(qtbot):
    from gui.main_window import MainWindow

    app = QApplication.instance()
    translators = install_translators(app, "zh_CN")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        assert window.tabs.tabText(0) == "游乐场"
        assert window.playground.controls.learning_rate.toolTip().startswith("每一步")
        assert window.playground.network_view.neuron_name(1, 0) == "第1层·神经元1"
        window.close()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
