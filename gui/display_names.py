"""Names that core keeps in English and ASCII, as the interface shows them.

Core names (data sets, curves, features, presets) are identifiers: saved in
sessions, typed on the command line, compared in code.  They are translated
only when shown, through this table; ``QT_TRANSLATE_NOOP`` marks each for
``pyside6-lupdate``.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.playground.features import CUSTOM_FEATURE, feature_formula

CONTEXT = "DisplayNames"

# Features are mathematics, the same in every language: only the notation changes.
FEATURE_LABELS = {
    "x1^2": "x1²",
    "x2^2": "x2²",
    "x1*x2": "x1·x2",
}

_TRANSLATED = {
    # playground data sets (core.data.datasets.DATASETS)
    "circle": QT_TRANSLATE_NOOP("DisplayNames", "circle"),
    "xor": QT_TRANSLATE_NOOP("DisplayNames", "xor"),
    "gauss": QT_TRANSLATE_NOOP("DisplayNames", "gauss"),
    "spiral": QT_TRANSLATE_NOOP("DisplayNames", "spiral"),
    "moons": QT_TRANSLATE_NOOP("DisplayNames", "moons"),
    "blobs3": QT_TRANSLATE_NOOP("DisplayNames", "3 blobs"),
    "blobs4": QT_TRANSLATE_NOOP("DisplayNames", "4 blobs"),
    "blobs5": QT_TRANSLATE_NOOP("DisplayNames", "5 blobs"),
    "spiral3": QT_TRANSLATE_NOOP("DisplayNames", "3 spirals"),
    "spiral4": QT_TRANSLATE_NOOP("DisplayNames", "4 spirals"),
    "spiral5": QT_TRANSLATE_NOOP("DisplayNames", "5 spirals"),
    "plane": QT_TRANSLATE_NOOP("DisplayNames", "plane"),
    "multi_gauss": QT_TRANSLATE_NOOP("DisplayNames", "several bumps"),
    # curve-fitting point sets (core.data.datasets.CURVES)
    "line": QT_TRANSLATE_NOOP("DisplayNames", "line"),
    "sine": QT_TRANSLATE_NOOP("DisplayNames", "sine"),
    "x_sin_x": QT_TRANSLATE_NOOP("DisplayNames", "x·sin x"),
    "step": QT_TRANSLATE_NOOP("DisplayNames", "step"),
    # digits: the presets' names and the data name core gives the bundled set
    "784-16-16-10 (the notes)": QT_TRANSLATE_NOOP("DisplayNames", "784-16-16-10 (the notes)"),
    "bundled MNIST subset (4,000 + 1,000 held out)": QT_TRANSLATE_NOOP(
        "DisplayNames", "bundled MNIST subset (4,000 + 1,000 held out)"),
}


ELIDE = 14  # characters of a formula shown beside an input tile

# What the playground's input slot f(x1,x2) computes now: set by the page when the
# formula changes, so every place that names the inputs shows the formula.
_custom = {"formula": ""}


def set_custom_feature(formula: str) -> None:
    _custom["formula"] = formula


def feature_label(name: str, elide: bool = True) -> str:
    """How feature ``name`` of ``core.playground.features`` is written: x1², x1·x2, sin(x1);
    the custom feature as its formula, elided to ``ELIDE`` characters unless ``elide`` is off."""
    formula = _custom["formula"] if name == CUSTOM_FEATURE else feature_formula(name)
    if not formula:
        return FEATURE_LABELS.get(name, name)
    formula = " ".join(formula.split())
    return formula if not elide or len(formula) <= ELIDE else formula[:ELIDE - 1] + "…"


def feature_text(name: str) -> str:
    """Feature ``name`` written out in full (a custom feature's whole formula)."""
    return feature_label(name, elide=False)


def display_name(name: str) -> str:
    """Core name ``name`` in the interface's language; a name not in the table is kept."""
    if name in _TRANSLATED:
        return QCoreApplication.translate(CONTEXT, _TRANSLATED[name])
    return feature_label(name)
