"""One page interface: what the main window, sessions and lessons ask of every page.

Each page (playground, digits, gradient descent, curve fitting, inside the
network) is seen through a small adapter (``gui/pages/``) that names its
settings table, applies checked settings by driving the page's own controls
or configure path, reads the observable values from what the page shows, and
finds the control of a setting so a lesson can highlight, hide or lock it.
The adapters wrap the pages instead of living in them, so the page files
change little.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtWidgets import QWidget

from core.settings_table import check_settings

Observables = dict[str, float | int | str | bool | None]


def scalars(settings: Mapping[str, Any]) -> Observables:
    """The settings a goal can compare: numbers, yes/no values and names (not lists)."""
    return {k: v for k, v in settings.items() if isinstance(v, int | float | str | bool)}


class Page:
    """Base of the page adapters: ``name`` is the page's settings table."""

    name: str = ""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self._stale: object = None  # the worker's frame from before the last change

    def _latest(self) -> object:
        """The page's newest frame from its worker (None: the page has no worker)."""
        return None

    # -- settings ------------------------------------------------------------------
    def controls(self) -> Mapping[str, QWidget]:
        """Setting name → the control that shows it (only settings with a control)."""
        return {}

    def control_for(self, setting_name: str) -> QWidget | None:
        """The control a lesson highlights, hides or locks for ``setting_name``."""
        return self.controls().get(setting_name)

    def settings(self) -> dict[str, Any]:
        """The page's current settings, by table name (what "Save this setup" writes)."""
        return {}

    def apply_settings(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Check every change first (all or nothing), then set the page; returns them.

        Raises ``core.settings_table.SettingError`` and changes nothing when any
        value is refused.
        """
        checked = check_settings(self.name, changes)
        if checked:
            self._stale = self._latest()
            self._apply(checked)
        return checked

    def _apply(self, checked: dict[str, Any]) -> None:
        raise NotImplementedError

    def points(self) -> list[tuple[float, ...]] | None:
        """The page's data points when a person can edit them (None: it has none)."""
        return None

    def set_points(self, points: tuple[tuple[float, ...], ...]) -> None:
        """Replace the data points (a lesson's own); pages without points ignore it."""

    def set_weights(self, weights: tuple[tuple[tuple[float, ...], ...], ...]) -> None:
        """Put in given weights, one matrix a layer; pages that cannot ignore it."""

    def actions(self) -> Mapping[str, Callable[[], None]]:
        """The page's actions by name (``core.lessons.observables.ACTIONS``)."""
        return {}

    def act(self, action: str) -> None:
        """Do a named action, as its button would; an unknown name is a ValueError."""
        try:
            do = self.actions()[action]
        except KeyError:
            raise ValueError(f"{self.name} has no action {action!r}") from None
        self._stale = self._latest()
        do()

    # -- state ---------------------------------------------------------------------
    def observables(self) -> Observables:
        """Named values a lesson's text and goal read; from what the page shows."""
        return {}

    def ready(self) -> bool:
        """True once the page shows a frame made after the last change (workers answer later)."""
        latest = self._latest()
        return self._stale is None or (latest is not None and latest is not self._stale)

    def set_training(self, on: bool) -> None:
        """Start or pause the page's training (or its animation)."""

    def advance(self, steps: int) -> bool:
        """Take ``steps`` of a page that moves by hand (True); False: it trains instead."""
        return False

    # -- sessions ------------------------------------------------------------------
    def session_state(self) -> object | None:
        """What a session file keeps of the page, from what the window already holds
        (its worker's latest frame), so saving never waits; None: nothing to keep."""
        return None

    def restore(self, state: object) -> None:
        """Put back the page's part of a session file (a command for its worker)."""

    def status_message(self) -> str:
        """A one-line hint for the status bar when the page is shown."""
        return ""

    def shutdown(self) -> None:
        """Stop the page's workers; the window is closing."""
