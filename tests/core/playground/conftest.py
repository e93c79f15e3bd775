"""Shared helpers for the playground's tests."""

from typing import Any

from core.playground.model import Playground
from core.playground.views import View


def view_of(playground: Playground, *commands: Any) -> View:
    """The view the training loop would hold after ``commands`` (view commands only)."""
    view = playground.initial_view()
    for command in commands:
        view = playground.view_with(view, command)
    return view
