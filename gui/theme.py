"""Light and dark themes: Qt's palette and pyqtgraph's colours, chosen at start.

Like the language, the choice is saved in QSettings and applies when the app
starts, because every plot takes its colours when it is made.  Data colours
(classes, weights, heatmaps) are the same in both themes; only paper and ink
change.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

SETTING = "theme"
THEMES = ("light", "dark")
# (plot background, plot ink) per theme
PLOT_COLOURS = {"light": ("w", "#333"), "dark": ("#1e1f22", "#d4d4d4")}


def chosen_theme() -> str:
    saved = QSettings().value(SETTING, "light", type=str)
    return saved if saved in THEMES else "light"


def save_theme(theme: str) -> None:
    QSettings().setValue(SETTING, theme)


def plot_ink() -> str:
    """The colour for plot titles and labels in the current theme."""
    return pg.getConfigOption("foreground")


def apply_theme(app: QApplication, theme: str) -> None:
    """Set the widgets' palette and pyqtgraph's defaults (before any view is made)."""
    background, ink = PLOT_COLOURS[theme]
    pg.setConfigOptions(background=background, foreground=ink)
    app.setStyle("Fusion")
    if theme == "light":
        app.setPalette(app.style().standardPalette())
        return
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d30", QPalette.ColorRole.WindowText: "#dfe1e5",
        QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#2b2d30",
        QPalette.ColorRole.Text: "#dfe1e5", QPalette.ColorRole.Button: "#393b40",
        QPalette.ColorRole.ButtonText: "#dfe1e5", QPalette.ColorRole.ToolTipBase: "#393b40",
        QPalette.ColorRole.ToolTipText: "#dfe1e5", QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Link: "#6aa0ff",
        QPalette.ColorRole.PlaceholderText: "#8c8f94",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#75787d"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText,
                     QColor("#75787d"))
    app.setPalette(palette)
