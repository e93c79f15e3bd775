"""Choosing the interface language: Qt translators from ``resources/translations``.

The language follows the system locale unless the user picked one (saved in
QSettings).  Translations are made with Qt's own tools::

    pyside6-lupdate $(git ls-files 'gui/*.py') -ts resources/translations/neural_playground_zh_CN.ts
    pyside6-linguist resources/translations/neural_playground_zh_CN.ts   # translate
    pyside6-lrelease resources/translations/neural_playground_zh_CN.ts \\
        -qm resources/translations/neural_playground_zh_CN.qm
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from core.util.resources import resource_path

TRANSLATIONS = resource_path("translations")
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
SETTING = "language"


def chosen_language() -> str:
    """The saved choice, else the system locale (Chinese locales get Chinese)."""
    saved = QSettings().value(SETTING, "", type=str)
    if saved in LANGUAGES:
        return saved
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def save_language(language: str) -> None:
    QSettings().setValue(SETTING, language)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install the app's and Qt's own translators; returns them (keep references)."""
    installed = []
    if language == "en":
        return installed
    candidates = [
        (TRANSLATIONS, f"neural_playground_{language}"),
        (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{language}"),
    ]
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
